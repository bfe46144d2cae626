//! Notes in the JSON report: the `notes` array, added to the contract (version 1 readers
//! that do not know it ignore it).

use serde::{Deserialize, Serialize};

use crate::annotate::{Anchor, Note, Notes, rfc3339};
use crate::comparison::Comparison;

/// What a note is on, with indices a report reader can follow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ReportAnchor {
    /// Passage `segment` of document `doc`.
    Passage { doc: usize, segment: usize },
    /// Link number `link` (0-based, in the order of the pair's `links`) of documents `a`
    /// and `b`, with its segments.
    Link {
        a: usize,
        b: usize,
        link: usize,
        a_segments: Vec<usize>,
        b_segments: Vec<usize>,
    },
}

/// The text a note was written on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportQuote {
    pub doc: usize,
    pub text: String,
}

/// One note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportNote {
    pub id: u64,
    /// `null` when the note is detached (could not be placed after the sources changed).
    pub anchor: Option<ReportAnchor>,
    pub detached: bool,
    pub text: String,
    pub tags: Vec<String>,
    /// RFC 3339, UTC.
    pub created: String,
    /// RFC 3339, UTC.
    pub updated: String,
    pub quotes: Vec<ReportQuote>,
}

/// The notes in reading order.
pub fn notes(cmp: &Comparison, notes: &Notes) -> Vec<ReportNote> {
    notes.ordered().into_iter().map(|n| note(cmp, n)).collect()
}

fn note(cmp: &Comparison, n: &Note) -> ReportNote {
    let anchor = n.anchor.as_ref().and_then(|anchor| match anchor {
        Anchor::Passage { source, segment } => Some(ReportAnchor::Passage {
            doc: source.0,
            segment: segment.0,
        }),
        Anchor::Link {
            a,
            b,
            a_segments,
            b_segments,
        } => anchor.find_link(cmp).map(|(link, _)| ReportAnchor::Link {
            a: a.0,
            b: b.0,
            link: link.0,
            a_segments: super::numbers(a_segments),
            b_segments: super::numbers(b_segments),
        }),
    });
    ReportNote {
        id: n.id.0,
        detached: anchor.is_none(),
        anchor,
        text: n.text.clone(),
        tags: n.tags.clone(),
        created: rfc3339(n.created),
        updated: rfc3339(n.updated),
        quotes: n
            .quotes
            .iter()
            .map(|q| ReportQuote {
                doc: q.source.0,
                text: q.text.clone(),
            })
            .collect(),
    }
}

/// Where a note stands, in words: "A, passage 3" or "link 2 of A and B"; `None` when
/// detached.
pub fn where_label(cmp: &Comparison, anchor: Option<&Anchor>) -> Option<String> {
    match anchor? {
        Anchor::Passage { source, segment } => {
            Some(format!("{}, passage {}", source.letter(), segment.number()))
        }
        a @ Anchor::Link { a: sa, b: sb, .. } => {
            let (i, _) = a.find_link(cmp)?;
            Some(format!(
                "link {} of {} and {}",
                i.number(),
                sa.letter(),
                sb.letter()
            ))
        }
    }
}
