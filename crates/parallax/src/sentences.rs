//! Sentence boundaries in a stretch of text, as byte spans.
//!
//! Sentences start from Unicode's sentence boundaries (UAX #29, via unicode-segmentation),
//! then a merge pass undoes the splits that abbreviations, initials and ellipses inside quotes
//! cause. The abbreviations are data in [`rules`], for English and German. Reading a
//! document's header asks how many sentences a block holds, so this sits below documents.

mod rules;

use unicode_segmentation::UnicodeSegmentation;

use crate::lines::trim;
use crate::span::Span;
use crate::text::Language;

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
