//! The aligner: links between passages of two sources that tell the same thing, in any
//! order, and the passages each source adds.

mod changes;
mod score;

use serde::{Deserialize, Serialize};

use crate::facts::Conflict;
use crate::segment::Segment;
use crate::text::Language;

pub use changes::{Change, ChangeOp, word_changes};

/// One side of an alignment: a document's text and its passages.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its passages.
    pub segments: &'a [Segment],
    /// Its language.
    pub lang: Language,
}

/// A link: passages of A and passages of B that tell the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Segment ids in A, ascending.
    pub a: Vec<usize>,
    /// Segment ids in B, ascending.
    pub b: Vec<usize>,
    /// How sure the aligner is, in [0, 1].
    pub score: f32,
    /// Why it linked them, in words ("shared: Cabello, Caracas").
    pub why: Vec<String>,
    /// Word-level changes from A to B.
    pub changes: Vec<Change>,
    /// Facts the two sides state differently (filled by the facts stage).
    pub conflicts: Vec<Conflict>,
}

/// The links between two sources and what each adds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// The links, in A's order.
    pub links: Vec<Link>,
    /// Segments of A in no link.
    pub only_a: Vec<usize>,
    /// Segments of B in no link.
    pub only_b: Vec<usize>,
}

/// Links the passages of `a` and `b`.
pub fn align(a: Side<'_>, b: Side<'_>) -> Alignment {
    let mut links = score::match_passages(a, b);
    for link in &mut links {
        link.changes = word_changes(a, &link.a, b, &link.b);
    }
    links.sort_by_key(|l| (l.a.first().copied(), l.b.first().copied()));
    let only = |n: usize, linked: &dyn Fn(&Link) -> &Vec<usize>| -> Vec<usize> {
        let mut used = vec![false; n];
        for l in &links {
            for &i in linked(l) {
                used[i] = true;
            }
        }
        (0..n).filter(|&i| !used[i]).collect()
    };
    let only_a = only(a.segments.len(), &|l| &l.a);
    let only_b = only(b.segments.len(), &|l| &l.b);
    Alignment {
        links,
        only_a,
        only_b,
    }
}
