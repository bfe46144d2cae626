//! Cutting a document into passages: paragraphs, sentences or lines, as byte spans into the
//! document's text.
//!
//! Sentences start from Unicode's sentence boundaries (UAX #29, via unicode-segmentation),
//! then a merge pass undoes the splits that abbreviations, initials and ellipses inside quotes
//! cause. The abbreviations are data in [`rules`], for English and German.

mod rules;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::document::Document;
use crate::document::header::lines_with_offsets;
use crate::document::is_blank;
use crate::span::Span;
use crate::text::Language;

/// What one passage is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// One sentence (the default).
    #[default]
    Sentence,
    /// One paragraph (text between blank lines).
    Paragraph,
    /// One non-empty line, for input that is already split; no header is looked for.
    Line,
}

/// One passage of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Index of the segment in its document.
    pub id: usize,
    /// Where it stands in the document's text (trimmed of surrounding white space).
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

/// Cuts `doc` into passages of the given unit.
pub fn segment(doc: &Document, unit: Unit) -> Vec<Segment> {
    let text = doc.text.as_str();
    let mut spans: Vec<(Span, usize)> = Vec::new();
    match unit {
        Unit::Line => {
            for (i, (start, line)) in lines_with_offsets(text)
                .filter(|(_, l)| !l.trim_matches(is_blank).is_empty())
                .enumerate()
            {
                spans.push((trim(text, Span::new(start, start + line.len())), i));
            }
        }
        Unit::Paragraph | Unit::Sentence => {
            let lang = Language::detect(text);
            for (p, para) in paragraphs(text, &doc.prose_ranges())
                .into_iter()
                .enumerate()
            {
                if unit == Unit::Paragraph {
                    spans.push((para, p));
                } else {
                    spans.extend(sentences_in(text, para, lang).into_iter().map(|s| (s, p)));
                }
            }
        }
    }
    spans
        .into_iter()
        .filter(|(s, _)| !s.is_empty())
        .enumerate()
        .map(|(id, (span, paragraph))| Segment {
            id,
            span,
            paragraph,
        })
        .collect()
}

/// Paragraphs: runs of non-blank lines inside the prose ranges, trimmed.
pub fn paragraphs(text: &str, prose: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for range in prose {
        let mut current: Option<Span> = None;
        for (start, line) in lines_with_offsets(&text[range.start..range.end]) {
            let line_span = Span::new(range.start + start, range.start + start + line.len());
            if line.trim_matches(is_blank).is_empty() {
                out.extend(current.take());
            } else {
                current = Some(match current {
                    Some(c) => Span::new(c.start, line_span.end),
                    None => line_span,
                });
            }
        }
        out.extend(current);
    }
    out.into_iter()
        .map(|s| trim(text, s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Sentences of one paragraph, in the language its words suggest.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    sentences_in(text, para, Language::detect(para.slice(text)))
}

/// Sentences of one paragraph written in `lang` (German ordinals such as "am 1. Januar" do
/// not end a sentence; in English a number with a point does).
pub fn sentences_in(text: &str, para: Span, lang: Language) -> Vec<Span> {
    let body = &text[para.start..para.end];
    let mut pieces: Vec<Span> = body
        .split_sentence_bound_indices()
        .map(|(i, s)| Span::new(para.start + i, para.start + i + s.len()))
        .collect();
    let mut merged: Vec<Span> = Vec::with_capacity(pieces.len());
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
        if let Some(prev) = merged.last() {
            quotes.feed(&text[counted..prev.end]);
            counted = prev.end;
        }
        match merged.last_mut() {
            Some(prev) if rules::joins(text, &quotes, *prev, piece, lang) => prev.end = piece.end,
            _ => merged.push(piece),
        }
    }
    merged
        .into_iter()
        .map(|s| trim(text, s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The span without white space (or a byte-order mark) at either end.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start_matches(is_blank).len());
    let end = span.end - (s.len() - s.trim_end_matches(is_blank).len());
    Span::new(start, end.max(start))
}
