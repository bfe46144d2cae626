//! Extraction of all facts from a document: each extractor adds its kind, then overlaps
//! between number kinds are settled (a sum is not also a quantity).

use super::words::words;
use super::{Fact, FactKind, attributions, dates, entities, numbers, quotes};
use crate::document::{Document, HeaderRole};
use crate::span::Span;
use crate::text::{Language, fold};

/// Number kinds, most specific first: a later kind that overlaps an earlier one is dropped.
const NUMBER_ORDER: &[FactKind] = &[
    FactKind::Money,
    FactKind::Percent,
    FactKind::Age,
    FactKind::Date,
    FactKind::Quantity,
    FactKind::Count,
];

/// All facts in `doc`, sorted by position.
pub fn extract(doc: &Document) -> Vec<Fact> {
    let text = doc.text.as_str();
    let lang = Language::detect(text);
    let ws = words(text);
    let mut out = Vec::new();
    numbers::extract(text, &ws, lang, &mut out);
    dates::extract(text, &mut out);
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
    out.sort_by(|a, b| a.span.cmp(&b.span).then(a.kind.cmp(&b.kind)));
    out.dedup_by(|a, b| a.kind == b.kind && a.span.overlaps(&b.span) && a.value == b.value);
    drop_nested_dates(&mut out);
    out
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
