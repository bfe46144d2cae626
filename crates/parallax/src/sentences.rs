//! Sentence boundaries in a stretch of text, as byte spans.
//!
//! Sentences start from Unicode's sentence boundaries (UAX #29, via unicode-segmentation),
//! then a merge pass undoes the splits that abbreviations, initials and ellipses inside quotes
//! cause. The abbreviations are data in [`rules`], for English and German. Reading a
//! document's header asks how many sentences a block holds, so this sits below documents.

mod rules;

use unicode_segmentation::UnicodeSegmentation;

use crate::lines::{line_start, trim};
use crate::span::Span;
use crate::text::{Language, ends_like_sentence};

/// True when `body` is written one sentence a line: three lines or more, at least two in
/// three ending like a sentence. Prose wrapped at a width ends few of its lines so.
fn lines_are_sentences(body: &str) -> bool {
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let ended = lines.iter().filter(|l| ends_like_sentence(l)).count();
    lines.len() >= 3 && 3 * ended >= 2 * lines.len()
}

/// True when a line break stands between `prev` and `next` and `next` opens like a
/// sentence (not in lower case, nor with a comma, semicolon or colon). In text written one
/// sentence a line, such a break ends the sentence even after "p.m." or "U.S.", which in
/// running prose may stand inside one ("at 5 p.m. Friday").
fn ends_its_line(text: &str, prev: Span, next: Span) -> bool {
    let gap = &text[prev.start..next.start];
    let broken = gap.trim_end_matches([' ', '\t']).ends_with('\n')
        || text[next.start..next.end].starts_with('\n');
    let n = next.slice(text).trim_start();
    broken && !n.starts_with(|c: char| c.is_lowercase() || ",;:".contains(c))
}

/// True when `prev` ends at a line break that only wraps prose, in a paragraph of prose
/// wrapped at `width`: its line does not end like a sentence, the next word would not have
/// fitted on it (a heading or a name above a sentence would have), no Markdown hard break
/// ("  ") ends it, and `next` opens no list item, table row, quote or heading. UAX #29 ends
/// a sentence at every line break; "One planner in / Dunmore told us" is one.
fn wraps_on(text: &str, prev: Span, next: Span, width: usize) -> bool {
    let p = prev.slice(text);
    let Some(before_break) = p.trim_end_matches([' ', '\t', '\r']).strip_suffix('\n') else {
        return false;
    };
    if before_break.trim_end_matches('\r').ends_with("  ") {
        return false;
    }
    // The whole line, from the paragraph's text before `prev` too.
    let end = prev.start + before_break.trim_end().len();
    let line = &text[line_start(text, end)..end];
    let n = next.slice(text).trim_start();
    let first = n.split(char::is_whitespace).next().unwrap_or("");
    let opens_block = n.starts_with(['-', '*', '+', '•', '–', '—', '|', '>', '#'])
        || rules::opens_numbered_item(text, next.start + (next.len() - n.len()));
    let forced = line.trim().chars().count() + 1 + first.chars().count() > width;
    !ends_like_sentence(line) && !opens_block && forced
}

/// Sentences of one paragraph, in the language its words suggest.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let body = para.slice(text);
    sentences_in(text, para, Language::detect(body), wrap_width(body))
}

/// Fewest line breaks inside paragraphs, not after a sentence's end, for text to be judged
/// wrapped at a width: a few lines say nothing either way.
const WRAP_EVIDENCE: usize = 3;

/// The width, in characters, that the prose of `text` is wrapped at, if it is. Prose
/// wrapped at a width breaks its lines mid-sentence, most often before a word in lower case
/// (two in five of such breaks at least; German capitalises its nouns); lists, poems,
/// minutes and tables written a line each open their lines with capitals. The width is the
/// length nine lines in ten do not pass.
pub fn wrap_width(text: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let (mut breaks, mut lower) = (0, 0);
    for pair in lines.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        if line.is_empty() || next.is_empty() || ends_like_sentence(line) {
            continue;
        }
        breaks += 1;
        lower += usize::from(next.starts_with(char::is_lowercase));
    }
    if breaks < WRAP_EVIDENCE || 5 * lower < 2 * breaks {
        return None;
    }
    let mut lengths: Vec<usize> = (lines.iter())
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() * 9 / 10).copied()
}

/// True when paragraph `body` reads as prose that may be wrapped: it has a sentence's end
/// somewhere, and no line sets words in columns (two spaces or a tab inside it, as a table
/// written in plain text does).
fn prose_paragraph(body: &str) -> bool {
    let sentence_end = body.char_indices().any(|(i, c)| {
        matches!(c, '.' | '!' | '?') && body[i + 1..].starts_with(char::is_whitespace)
    }) || ends_like_sentence(body.trim_end());
    let columns = body
        .lines()
        .any(|l| l.trim().contains("  ") || l.trim().contains('\t'));
    sentence_end && !columns
}

/// Sentences of one paragraph written in `lang` (German ordinals such as "am 1. Januar" do
/// not end a sentence; in English a number with a point does), in a document whose prose
/// is wrapped at `width` characters, if it is (see [`wrap_width`]).
pub fn sentences_in(text: &str, para: Span, lang: Language, width: Option<usize>) -> Vec<Span> {
    let body = &text[para.start..para.end];
    let width = width.filter(|_| prose_paragraph(body));
    let mut pieces: Vec<Span> = body
        .split_sentence_bound_indices()
        .map(|(i, s)| Span::new(para.start + i, para.start + i + s.len()))
        .collect();
    let mut merged: Vec<Span> = Vec::with_capacity(pieces.len());
    let per_line = lines_are_sentences(body);
    let mut quotes = rules::Quotes::default();
    let mut counted = para.start;
    for mut piece in pieces.drain(..) {
        // A closing quote or bracket set off by a space ("! “ Und", "(Hrsg. )") belongs to
        // the sentence before it, whatever comes next.
        if let Some(prev) = merged.last_mut()
            && let Some(end) = rules::detached_closer(text, piece)
        {
            prev.end = end;
            piece.start = end;
        }
        // A footnote marker glued to a sentence ("spending.[1]"), which UAX #29 cuts after
        // its opening bracket, is the sentence's.
        if let Some(prev) = merged.last_mut()
            && let Some(end) = rules::glued_marker_end(text, *prev, piece)
        {
            prev.end = end;
            piece.start = end;
        }
        if let Some(prev) = merged.last() {
            quotes.feed(&text[counted..prev.end]);
            counted = prev.end;
        }
        let line_ends_it = |prev: Span| per_line && ends_its_line(text, prev, piece);
        let wrapped =
            |prev: Span| !per_line && width.is_some_and(|w| wraps_on(text, prev, piece, w));
        match merged.last_mut() {
            Some(prev)
                if wrapped(*prev)
                    || (!line_ends_it(*prev)
                        && rules::joins(text, &quotes, *prev, piece, lang)) =>
            {
                prev.end = piece.end
            }
            _ => merged.push(piece),
        }
    }
    let mut out: Vec<Span> = Vec::with_capacity(merged.len());
    let mut opening: Option<usize> = None;
    for s in merged.into_iter().map(|s| trim(text, s)) {
        if s.is_empty() {
            continue;
        }
        // A quotation mark alone, left at a line's end before the sentence it opens
        // ("… vor. »" / "Auch das?« frug er"), is that sentence's, not a passage.
        if s.slice(text).chars().all(|c| OPENING_MARKS.contains(c)) {
            opening.get_or_insert(s.start);
            continue;
        }
        out.push(Span::new(opening.take().unwrap_or(s.start), s.end));
    }
    // A mark at the paragraph's end opens nothing: it stays with the sentence before it.
    if let Some(at) = opening {
        let start = out.last().map_or(at, |s| s.start);
        out.pop_if(|s| s.start == start);
        out.push(trim(text, Span::new(start, para.end)));
    }
    out
}

/// Quotation marks that open a quote in some language's usage.
const OPENING_MARKS: &str = "»«„“‚‘\"'";
