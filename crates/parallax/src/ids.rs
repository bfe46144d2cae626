//! Indices that name things across the engine and its front ends: a source of a comparison,
//! a passage (segment) of a source, a link of a pair. Each is its own type so that a
//! segment id cannot be passed where a source index is meant; all three serialise as the
//! bare number (`serde(transparent)`), so saved comparisons and the JSON report read as
//! they always did.
//!
//! Where the line is drawn: the ids are used wherever an index crosses a module boundary or
//! is stored (a link's passages, what only one side has, clusters, note anchors, the saved
//! place, the report walkers, the reader's state). Inside the aligner, passages are
//! positions in per-pair tables (profiles, candidate pairs, groups, the order path) that hot
//! loops index many times over; those stay `usize` and become [`SegmentId`]s once, where a
//! group becomes a [`crate::align::Link`]: an id there would only add `.0` to every line.
//! Loops that only count (the union-find over all passages in clusters, the reader's layout
//! rows) likewise unwrap an id where they start and wrap it where they hand it on. Two
//! boundaries keep plain numbers on purpose: [`crate::diff`] sits below segments and knows a
//! passage only as a number whose neighbour is the next number, and the JSON report's
//! structs are the published contract, numbers as the README describes them. Indices of other
//! things (facts, paragraphs, clusters, notes in reading order) are not ids: none travels
//! far enough to be mistaken for another.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A source of a comparison, by its position in `Comparison::sources`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SourceId(pub usize);

impl SourceId {
    /// How reports and the reader name the source: A, B, … Z, then AA, AB, … as spreadsheet
    /// columns, so that every source has a letter of its own.
    pub fn letter(self) -> String {
        // Wide enough for the largest id, which a crafted file may hold.
        let mut n = self.0 as u128 + 1;
        let mut out = Vec::new();
        while n > 0 {
            let d = (n - 1) % 26;
            out.push(b'A' + d as u8);
            n = (n - 1) / 26;
        }
        out.reverse();
        String::from_utf8(out).expect("ASCII letters")
    }

    /// The sources of a comparison of `n`, in order.
    pub fn all(n: usize) -> impl Iterator<Item = SourceId> {
        (0..n).map(SourceId)
    }
}

/// A passage of a source: its index in the source's segments (`segments[i].id == i`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SegmentId(pub usize);

impl SegmentId {
    /// The number a reader sees: "passage 3" is `SegmentId(2)`. Saturates: an id read from
    /// a crafted file may be the largest there is, and only names it in an error.
    pub fn number(self) -> usize {
        self.0.saturating_add(1)
    }

    /// Passages as every report and the reader name one side of a link: "1+2".
    pub fn numbers(ids: &[SegmentId]) -> String {
        let each: Vec<String> = ids.iter().map(|i| i.number().to_string()).collect();
        each.join("+")
    }
}

/// A link of a pair of sources: its index in the pair's `alignment.links` (and
/// `link_facts`), which is also the order the reports number links in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct LinkId(pub usize);

impl LinkId {
    /// The number a report shows: "link 1" is `LinkId(0)`. Saturates, as
    /// [`SegmentId::number`].
    pub fn number(self) -> usize {
        self.0.saturating_add(1)
    }
}

// Shown as the bare number, as they are saved: what HTML attributes and keys write. The
// numbers a reader sees (letters, 1-based passages and links) are asked for by name.
impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for SegmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for LinkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_gets_letters_of_its_own() {
        let names: Vec<String> = (0..800).map(|i| SourceId(i).letter()).collect();
        assert_eq!(names[..3], ["A", "B", "C"]);
        assert_eq!(names[25..28], ["Z", "AA", "AB"]);
        assert_eq!(names[701..703], ["ZZ", "AAA"]);
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_uppercase()))
        );
    }

    #[test]
    fn ids_serialise_as_bare_numbers() {
        let json = serde_json::to_string(&(SourceId(1), SegmentId(2), LinkId(3))).unwrap();
        assert_eq!(json, "[1,2,3]");
        let back: (SourceId, SegmentId, LinkId) = serde_json::from_str(&json).unwrap();
        assert_eq!(back, (SourceId(1), SegmentId(2), LinkId(3)));
    }
}
