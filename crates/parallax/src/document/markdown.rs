//! Markdown reduced to its text: headings, emphasis, links, code fences, list and quote
//! markers go; the words and the paragraph breaks stay.
//!
//! Written here rather than with a Markdown crate: we need the text with its line structure,
//! not HTML, and the few rules below cover what articles use.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

static IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").unwrap());
static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").unwrap());
static EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\*\*|__|\*|`)([^*`\n]+?)(\*\*|__|\*|`)").unwrap());
/// `_emphasis_` only between non-word characters, so snake_case names survive.
static UNDERSCORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^\w])_([^_\n]+?)_([^\w]|$)").unwrap());
static LINE_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)").unwrap());

/// A heading of a Markdown document: where its words stand in the text and its level (1
/// for "# …" or a line underlined with "===").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heading {
    pub span: Span,
    pub level: usize,
}

/// The text of a Markdown document, one output line per input line (fences and rules
/// dropped), and where its headings stand in that text.
pub fn to_text(markdown: &str) -> (String, Vec<Heading>) {
    let mut out = String::with_capacity(markdown.len());
    let mut headings = Vec::new();
    // The words of the line last written, a setext heading if a rule of "=" or "-" follows.
    let mut last_line: Option<Span> = None;
    let mut in_fence = false;
    // The end of a raw HTML block being skipped: a script, a style or a comment shows no
    // words once the Markdown is rendered, so none are compared.
    let mut skip_until: Option<&str> = None;
    for mut line in markdown.lines() {
        let previous = last_line.take();
        if skip_until.is_none() && !in_fence && line.len() - line.trim_start().len() <= 3 {
            skip_until = hidden_block(line.trim_start());
        }
        if let Some(end) = skip_until {
            // What follows the block's end on its line is text again.
            match after(line, end) {
                Some(rest) if !rest.trim().is_empty() => {
                    skip_until = None;
                    line = rest.trim_start();
                }
                Some(_) => {
                    skip_until = None;
                    out.push('\n');
                    continue;
                }
                None => {
                    out.push('\n');
                    continue;
                }
            }
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || is_rule(trimmed) {
            if let (false, Some(span)) = (in_fence, previous)
                && trimmed.starts_with(['=', '-'])
            {
                let level = if trimmed.starts_with('=') { 1 } else { 2 };
                headings.push(Heading { span, level });
            }
            out.push('\n');
            continue;
        }
        let mut l = LINE_MARKER.replace(line, "").into_owned();
        // Nested markers ("> - item") need a second pass; a heading's text is all its own
        // ("## 1. Background" keeps its number).
        if !trimmed.starts_with('#') {
            l = LINE_MARKER.replace(&l, "").into_owned();
        }
        l = IMAGE.replace_all(&l, "$1").into_owned();
        l = LINK.replace_all(&l, "$1").into_owned();
        l = EMPHASIS.replace_all(&l, "$2").into_owned();
        l = UNDERSCORE.replace_all(&l, "$1$2$3").into_owned();
        let start = out.len();
        out.push_str(l.trim_end_matches(['#', ' ']).trim_end());
        let words = Span::new(start, out.len());
        last_line = (!words.is_empty()).then_some(words);
        let level = trimmed.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&level)
            && trimmed[level..].starts_with(char::is_whitespace)
            && !words.is_empty()
        {
            headings.push(Heading { span: words, level });
        }
        // A hard break (two spaces or a backslash at the line's end) is kept as two
        // spaces: the writer broke the line, and a sentence does not run on across it.
        let raw = line.trim_end_matches('\r');
        let hard_break = raw.ends_with("  ") || raw.trim_end().ends_with('\\');
        if hard_break && !l.trim().is_empty() {
            out.push_str("  ");
        }
        out.push('\n');
    }
    (out, headings)
}

/// The closing tag of the raw HTML block `line` opens when it shows nothing once rendered:
/// `<script>`, `<style>`, a comment.
fn hidden_block(line: &str) -> Option<&'static str> {
    let lower = line.get(..8).unwrap_or(line).to_ascii_lowercase();
    // The tag's name ends there ("<style>", "<script src=…>"), not "<Style-guide>".
    let tag = |name: &str| {
        lower.strip_prefix(name).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
        })
    };
    if tag("<script") {
        Some("</script>")
    } else if tag("<style") {
        Some("</style>")
    } else if lower.starts_with("<!--") {
        Some("-->")
    } else {
        None
    }
}

/// The rest of `line` after `end` (found in any case), if `end` is in it.
fn after<'a>(line: &'a str, end: &str) -> Option<&'a str> {
    // ASCII lower-casing keeps every byte where it was, so the offset holds in `line`.
    let at = line.to_ascii_lowercase().find(end)?;
    Some(&line[at + end.len()..])
}

/// A thematic break or a setext heading underline: no words.
fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_')
            || t.chars().all(|c| c == '='))
}
