//! Cutting a document into passages: paragraphs, sentences (see [`crate::sentences`]) or
//! lines, as byte spans into the document's text.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::ids::SegmentId;
use crate::lines::{is_blank, lines_with_offsets, trim};
use crate::sentences::{sentences_in, wrap_width};
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
    pub id: SegmentId,
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
            let width = wrap_width(text);
            for (p, para) in paragraphs(text, &doc.prose_ranges())
                .into_iter()
                .enumerate()
            {
                if unit == Unit::Paragraph {
                    spans.push((para, p));
                } else {
                    spans.extend(
                        sentences_in(text, para, lang, width)
                            .into_iter()
                            .map(|s| (s, p)),
                    );
                }
            }
        }
    }
    spans
        .into_iter()
        // A rule or a table's separator row ("---", "|---|---|", "* * *") has nothing to
        // read or to link: no passage. Input split a line a passage keeps every line.
        .filter(|(s, _)| {
            !s.is_empty()
                && (unit == Unit::Line || s.slice(text).chars().any(char::is_alphanumeric))
        })
        .enumerate()
        .map(|(id, (span, paragraph))| Segment {
            id: SegmentId(id),
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
