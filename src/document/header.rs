//! Recognising the header of an article: headline, kicker, byline and date lines that stand
//! before the prose. General rules only (line length, final punctuation, capitalisation, date
//! patterns, a repeated headline); nothing is keyed to particular sources.

use std::sync::LazyLock;

use regex::Regex;

use super::{HeaderLine, HeaderRole, Metadata};
use crate::span::Span;

/// Dates as header lines write them, optionally followed by a reading time:
/// "2026-01-17", "1/17/2026", "1/17/20262 min read", "January 17, 2026", "17 Jan 2026",
/// with an optional label ("date", "Published:", "Updated").
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\s*(?:(?:date|published|updated|posted)\s*:?\s*)?",
        r"(?P<date>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?",
        r"|\d{1,2}/\d{1,2}/\d{4}",
        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}",
        r"|\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-zä]*\.?\s+\d{4})",
        r"(?:\s*\d+\s*min(?:ute)?s?\s+read)?",
    ))
    .unwrap()
});

/// Words that open a byline ("By Jane Doe").
static BY_PREFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^(?:by|von)\s+").unwrap());

/// A line that does not end like a sentence is a header candidate only when it is this short.
const MAX_HEADER_WORDS: usize = 20;
/// A line this long is body prose: the header is over.
const BODY_WORDS: usize = 40;
/// The header is looked for in this many non-empty lines at most.
const MAX_HEADER_LINES: usize = 8;

/// Finds the header stretches at the top of `text` and what they say.
///
/// Scans the first few lines until the body starts (a long paragraph). Lines that end like
/// a sentence are prose (a standfirst stays a passage); short lines without final punctuation
/// are headline, kicker or byline; date patterns are dates. A date line may carry prose after
/// the date (" date 2026-01-17 The White House…"): only the date part is header then, and the
/// scan stops. Anywhere in the text, a line that repeats the headline is header too.
pub fn detect_header(text: &str) -> Metadata {
    let mut meta = Metadata::default();
    let mut seen = 0;
    for (start, line) in lines_with_offsets(text) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        seen += 1;
        let words = trimmed.split_whitespace().count();
        if seen > MAX_HEADER_LINES || words > BODY_WORDS {
            break;
        }
        let lead = line.len() - line.trim_start().len();
        let at = start + lead;
        if let Some(m) = DATE_LINE.captures(trimmed) {
            let whole = m.get(0).unwrap();
            let rest = trimmed[whole.end()..].trim_start();
            let date = m.name("date").unwrap().as_str();
            // "1/17/20262 min read": the reading time is glued to the year.
            meta.date.get_or_insert(date.to_string());
            meta.header.push(HeaderLine {
                span: Span::new(at, at + whole.end()),
                role: HeaderRole::Date,
            });
            if rest.is_empty() {
                continue;
            }
            break;
        }
        if ends_like_sentence(trimmed) || words > MAX_HEADER_WORDS {
            continue;
        }
        if meta.title.as_deref() == Some(trimmed) {
            continue; // a repeated headline: marked below with the others
        }
        let role = classify(trimmed, meta.title.is_some());
        let span = Span::new(at, at + trimmed.len());
        match role {
            HeaderRole::Title => {
                meta.title = Some(trimmed.to_string());
            }
            HeaderRole::Byline => {
                let name = BY_PREFIX.replace(trimmed, "").into_owned();
                meta.byline.get_or_insert(name);
            }
            _ => {}
        }
        meta.header.push(HeaderLine { span, role });
    }
    mark_repeated_headline(text, &mut meta);
    meta.header.sort_by_key(|h| h.span);
    meta
}

/// What a short header line is: a byline when it reads like a person's name, a kicker when it
/// is a short label (or stands before the headline), otherwise the headline.
fn classify(line: &str, have_title: bool) -> HeaderRole {
    let words: Vec<&str> = line.split_whitespace().collect();
    if BY_PREFIX.is_match(line) && words.len() <= 6 {
        return HeaderRole::Byline;
    }
    if have_title && looks_like_name(&words) {
        return HeaderRole::Byline;
    }
    if words.len() <= 3 {
        return HeaderRole::Kicker;
    }
    if have_title {
        HeaderRole::Subtitle
    } else {
        HeaderRole::Title
    }
}

/// Two to four capitalised words with letters only: a person's name.
fn looks_like_name(words: &[&str]) -> bool {
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
        })
}

/// True when the line ends with sentence punctuation, allowing a closing quote or bracket.
fn ends_like_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '«']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A later line that repeats the headline word for word is header, not a second passage.
fn mark_repeated_headline(text: &str, meta: &mut Metadata) {
    let Some(title) = meta.title.clone() else {
        return;
    };
    let first = meta
        .header
        .iter()
        .find(|h| h.role == HeaderRole::Title)
        .map(|h| h.span.start);
    for (start, line) in lines_with_offsets(text) {
        let lead = line.len() - line.trim_start().len();
        if Some(start + lead) == first {
            continue;
        }
        if line.trim() == title {
            meta.header.push(HeaderLine {
                span: Span::new(start + lead, start + lead + title.len()),
                role: HeaderRole::Title,
            });
        }
    }
}

/// Lines with the byte offset each starts at (without the line break).
pub(crate) fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = at;
        at += raw.len();
        (start, raw.trim_end_matches(['\n', '\r']))
    })
}
