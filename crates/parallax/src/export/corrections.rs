//! The reader's corrections of links, as every report lists them: which links were marked
//! wrong and which passages were linked by hand, with the text of each side.

use serde::{Deserialize, Serialize};

use crate::annotate::{Correction, Fix, Notes, rfc3339};
use crate::ids::{SegmentId, SourceId};

/// One correction in a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCorrection {
    /// "wrong" (a link the aligner made, hidden) or "linked" (a link made by hand).
    pub fix: Fix,
    /// The pair's documents (0-based, as in `documents`).
    pub a: usize,
    /// The pair's second document.
    pub b: usize,
    /// Its segments in `a` (0-based); empty when detached.
    pub a_segments: Vec<usize>,
    /// Its segments in `b`; empty when detached.
    pub b_segments: Vec<usize>,
    /// True when its passages changed and it could not be placed again: it is not applied.
    pub detached: bool,
    /// RFC 3339, UTC.
    pub created: String,
    /// The text of each side, A's first.
    pub quotes: Vec<String>,
}

/// Every correction, in the order they were made.
pub fn report(notes: &Notes) -> Vec<ReportCorrection> {
    notes.corrections().iter().map(one).collect()
}

fn one(c: &Correction) -> ReportCorrection {
    let numbers = |ids: &[SegmentId]| ids.iter().map(|i| i.0).collect();
    let (a, b, xa, xb) = match c.link() {
        Some((a, b, xa, xb)) => (a, b, numbers(xa), numbers(xb)),
        None => {
            let source = |k: usize| c.quotes.get(k).map_or(SourceId(k), |q| q.source);
            (source(0), source(1), Vec::new(), Vec::new())
        }
    };
    ReportCorrection {
        fix: c.fix,
        a: a.0,
        b: b.0,
        a_segments: xa,
        b_segments: xb,
        detached: c.anchor.is_none(),
        created: rfc3339(c.created),
        quotes: c.quotes.iter().map(|q| q.text.clone()).collect(),
    }
}

/// One correction in words: "A 3 ↔ B 5 marked wrong" or "A 3 ↔ B 5–6 linked by hand"
/// (passage numbers from 1), "(detached)" when it could not be placed again.
pub fn label(c: &ReportCorrection) -> String {
    let side = |doc: usize, ids: &[usize]| {
        let letter = SourceId(doc).letter();
        match ids {
            [] => letter,
            [one] => format!("{letter} {}", one + 1),
            [first, .., last] => format!("{letter} {}–{}", first + 1, last + 1),
        }
    };
    let what = match c.fix {
        Fix::Wrong => "marked wrong",
        Fix::Linked => "linked by hand",
    };
    let detached = if c.detached {
        " (detached: its passages changed)"
    } else {
        ""
    };
    format!(
        "{} ↔ {} {what}{detached}",
        side(c.a, &c.a_segments),
        side(c.b, &c.b_segments)
    )
}
