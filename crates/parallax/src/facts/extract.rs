//! Extraction of all facts from a document: each extractor adds its kind, then overlaps
//! between number kinds are settled (a sum is not also a quantity).

use super::words::words;
use super::{
    Fact, FactKind, attributions, dates, entities, measures, numbers, quotes, ranks, ratios, times,
};
use std::borrow::Cow;

use crate::document::{Document, HeaderRole};
use crate::segment::{Segment, Unit, segment};
use crate::span::Span;
use crate::text::{Language, fold};

/// Number kinds, most specific first: a later kind that overlaps an earlier one is dropped.
const NUMBER_ORDER: &[FactKind] = &[
    FactKind::Money,
    FactKind::Percent,
    FactKind::Age,
    FactKind::Date,
    FactKind::Time,
    FactKind::Magnitude,
    FactKind::Quantity,
    FactKind::Count,
    FactKind::Rank,
];

/// All facts in `doc`, sorted by position, read in its sentences and in the language its
/// words tell (see [`extract_in`]).
pub fn extract(doc: &Document) -> Vec<Fact> {
    extract_in(
        doc,
        &segment(doc, Unit::Sentence),
        Language::detect(&doc.text),
    )
}

/// All facts in `doc`, sorted by position. A line break inside one of `sentences` (its
/// sentence passages, when it was cut into sentences) is read as a space: prose wrapped at
/// a width ("One planner in / Dunmore told us") is one line to the extractors, which take
/// a line break for a boundary (a headline above a dateline). `lang` is the language the
/// text is read as (the source's).
pub fn extract_in(doc: &Document, sentences: &[Segment], lang: Language) -> Vec<Fact> {
    let masked = without_wraps(without_escapes(&doc.text), sentences);
    let text = masked.as_ref();
    // Read by English rules, French "1.500" is 1.5 and "environ 40" an exact 40: no facts
    // are better than wrong ones (the word changes still show every number that changed).
    if !lang.has_fact_rules() {
        return Vec::new();
    }
    let ws = words(text);
    let mut out = Vec::new();
    numbers::extract(text, &ws, lang, &mut out);
    measures::extract(text, lang, &mut out);
    ratios::extract(text, &mut out);
    times::extract(text, &mut out);
    dates::extract(text, &mut out);
    ranks::extract(text, &ws, lang, &mut out);
    settle(&mut out, text.len());
    // Headlines are written in title case: every word capitalised says nothing about names.
    let skip: Vec<Span> = doc
        .meta
        .header
        .iter()
        .filter(|h| matches!(h.role, HeaderRole::Title | HeaderRole::Kicker))
        .map(|h| h.span)
        .collect();
    let mut names = Vec::new();
    entities::extract(text, &ws, &skip, lang, &mut names);
    quotes::extract(text, &ws, &names, &mut out);
    attributions::extract(text, &ws, &mut out);
    out.extend(names);
    bylines(doc, &mut out);
    drop_time_stamps(doc, &mut out);
    published(doc, &mut out);
    out.sort_by(|a, b| a.span.cmp(&b.span).then(a.kind.cmp(&b.kind)));
    out.dedup_by(|a, b| a.kind == b.kind && a.span.overlaps(&b.span) && a.value == b.value);
    drop_nested_dates(&mut out);
    out
}

/// The text with every terminal escape sequence blanked out, byte for byte, so spans stay
/// valid: "\x1b[0m" in a pasted terminal log is markup, not the quantity "0m".
/// Written here because the crates that strip escapes return shorter text, and every fact
/// span must point into the text as read.
fn without_escapes(text: &str) -> std::borrow::Cow<'_, str> {
    const ESC: u8 = 0x1b;
    if !text.as_bytes().contains(&ESC) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != ESC {
            i += 1;
            continue;
        }
        let end = escape_end(&bytes, i);
        bytes[i..end].fill(b' ');
        i = end;
    }
    // Only whole sequences were blanked: they start at ESC and end on an ASCII byte (or at
    // the end), so every character around them is intact.
    String::from_utf8(bytes).map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
}

/// `text` with every line break inside one of `sentences` blanked to a space, byte for
/// byte, so spans stay valid.
fn without_wraps<'a>(text: Cow<'a, str>, sentences: &[Segment]) -> Cow<'a, str> {
    // Spans that do not fit the text (segments of another document) are passed over.
    let inside = |t: &str| {
        (sentences.iter()).any(|s| {
            t.get(s.span.start..s.span.end)
                .is_some_and(|x| x.contains('\n'))
        })
    };
    if !inside(&text) {
        return text;
    }
    let mut bytes = text.into_owned().into_bytes();
    for s in sentences {
        for b in bytes.get_mut(s.span.start..s.span.end).unwrap_or_default() {
            if matches!(*b, b'\n' | b'\r') {
                *b = b' ';
            }
        }
    }
    // ASCII bytes replaced by an ASCII byte: still UTF-8.
    String::from_utf8(bytes).map_or_else(
        |e| Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Cow::Owned,
    )
}

/// Where the escape sequence starting at `bytes[start]` (an ESC) ends: CSI ("ESC [" …
/// final byte), OSC and other strings ("ESC ]" … BEL or "ESC \\"), or ESC, intermediate
/// bytes and one final byte.
fn escape_end(bytes: &[u8], start: usize) -> usize {
    let next = start + 1;
    match bytes.get(next) {
        Some(b'[') => {
            // Parameter and intermediate bytes, then one final byte.
            let k = (next + 1..bytes.len())
                .find(|&k| !(0x20..=0x3f).contains(&bytes[k]))
                .unwrap_or(bytes.len());
            k + usize::from(bytes.get(k).is_some_and(|b| (0x40..=0x7e).contains(b)))
        }
        Some(b']' | b'P' | b'X' | b'^' | b'_') => {
            let mut k = next + 1;
            while k < bytes.len() {
                if bytes[k] == 0x07 {
                    return k + 1;
                }
                if bytes[k] == 0x1b && bytes.get(k + 1) == Some(&b'\\') {
                    return k + 2;
                }
                k += 1;
            }
            bytes.len()
        }
        _ => {
            // Intermediate bytes ("ESC ( B" picks a character set), then one final byte.
            let k = (next..bytes.len())
                .find(|&k| !(0x21..=0x2f).contains(&bytes[k]))
                .unwrap_or(bytes.len());
            k + usize::from(bytes.get(k).is_some_and(|b| (0x30..=0x7e).contains(b)))
        }
    }
}

/// Keeps one fact where number kinds overlap, by [`NUMBER_ORDER`], longer first within a kind.
fn settle(facts: &mut Vec<Fact>, len: usize) {
    let rank = |k: FactKind| NUMBER_ORDER.iter().position(|&x| x == k).unwrap_or(99);
    facts.sort_by_key(|f| (rank(f.kind), std::cmp::Reverse(f.span.len())));
    // Bytes already claimed by a kept fact.
    let mut taken = vec![false; len];
    facts.retain(|f| {
        let (s, e) = (f.span.start, f.span.end);
        // Dates may nest ("late Sunday" holds "Sunday"): settled later, within their kind.
        if taken[s..e].iter().any(|&t| t) {
            return false;
        }
        if f.kind != FactKind::Date {
            taken[s..e].iter_mut().for_each(|t| *t = true);
        }
        true
    });
}

/// A date inside a longer date ("Sunday" in "late Sunday") adds nothing.
fn drop_nested_dates(facts: &mut Vec<Fact>) {
    let mut dates: Vec<Span> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Date)
        .map(|f| f.span)
        .collect();
    // Longer first among equal starts: a span ending no later than one already seen lies
    // inside it.
    dates.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    dates.dedup();
    let mut nested = std::collections::HashSet::new();
    let mut reach = 0;
    for s in &dates {
        if s.end <= reach {
            nested.insert(*s);
        }
        reach = reach.max(s.end);
    }
    facts.retain(|f| f.kind != FactKind::Date || !nested.contains(&f.span));
}

/// The document's own date, from a date line of its header, as a fact on that date: the
/// day its relative times ("today", "on Tuesday") are read against. Only a full date (day,
/// month and year) dates an article.
fn published(doc: &Document, out: &mut Vec<Fact>) {
    let full = |v: &str| {
        v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[..4].iter().all(u8::is_ascii_digit)
    };
    // The first date line that gives a date: a time stamp ("Updated 3:45 p.m.") gives none.
    let found = (doc.meta.header.iter())
        .filter(|h| h.role == HeaderRole::Date)
        .find_map(|line| {
            out.iter()
                .find(|f| f.kind == FactKind::Date && line.span.contains(&f.span) && full(&f.value))
        });
    if let Some(f) = found {
        let fact = Fact {
            kind: FactKind::Published,
            span: f.span,
            value: f.value.clone(),
            speaker: None,
        };
        out.push(fact);
    }
}

/// Drops the facts of the header's date lines that give no date ("Updated 3:45 p.m."): the
/// time the page changed is no fact of the story, and the two versions of one article
/// each have their own.
fn drop_time_stamps(doc: &Document, out: &mut Vec<Fact>) {
    let stamps: Vec<Span> = (doc.meta.header.iter())
        .filter(|h| h.role == HeaderRole::Date)
        .filter(|h| {
            !out.iter()
                .any(|f| f.kind == FactKind::Date && h.span.contains(&f.span))
        })
        .map(|h| h.span)
        .collect();
    out.retain(|f| !stamps.iter().any(|s| s.contains(&f.span)));
}

/// The byline from the document's header, as a fact on the line that carries it.
fn bylines(doc: &Document, out: &mut Vec<Fact>) {
    for h in &doc.meta.header {
        if h.role != HeaderRole::Byline {
            continue;
        }
        let line = h.span.slice(&doc.text);
        let lower = line.to_lowercase();
        let skip = ["by ", "von "]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map_or(0, |p| p.len());
        let name = line[skip..].trim();
        if name.is_empty() {
            continue;
        }
        out.push(Fact {
            kind: FactKind::Byline,
            span: Span::new(h.span.start + skip, h.span.start + skip + name.len()),
            value: fold(name),
            speaker: Some(name.to_string()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_blanked_in_place() {
        let text = "Rot \x1b[31mund\x1b[0m 40 Leute, \x1b]0;Titel\x07 Ende \x1b(B.";
        let out = without_escapes(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            ["Rot", "und", "40", "Leute,", "Ende", "."]
        );
        // A lone ESC before a line break keeps the break.
        assert_eq!(without_escapes("a\x1b\nb"), "a \nb");
    }

    #[test]
    fn colour_codes_are_no_quantities() {
        let doc = Document::from_text(
            "log.txt",
            "They said \x1b[31mred\x1b[0m that 40 people came.\n",
        );
        let facts: Vec<(FactKind, String)> = extract(&doc)
            .into_iter()
            .map(|f| (f.kind, f.value))
            .collect();
        assert_eq!(facts, [(FactKind::Count, "40 people".to_string())]);
    }
}
