//! Claims across sources: passages of different sources that tell the same thing, grown from
//! the links without chaining ([`grow`]).

mod grow;

use std::cmp::Reverse;

use serde::{Deserialize, Serialize};

use super::{Alignment, PairAlignment, Source};
use crate::ids::{SegmentId, SourceId};

/// One source's part in a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterMember {
    /// The source.
    pub doc: SourceId,
    /// Its segments that state the claim.
    pub segments: Vec<SegmentId>,
    /// True when these segments join the claim only through weak links (every link
    /// touching them is weak, [`crate::align::Link::is_weak`]): the source may say it, or may only share
    /// a few words with it. Left out of the JSON when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
}

pub use crate::align::WEAK_LINK;

/// How a source stands to a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stance {
    /// It states the claim.
    States,
    /// It states the claim with a different fact: a believed link between its passages and
    /// another source's passages of the claim flags a conflict
    /// ([`super::Comparison::stance`] finds it; [`Cluster::stance`] alone cannot).
    Differs,
    /// It is joined to the claim only by weak links.
    Weakly,
    /// The claim does not hold it, but a believed link ties one of its passages to one of
    /// the claim's: that passage stands in another claim or in none (growing keeps claims
    /// from chaining), so the source may tell this claim there, in part or whole
    /// ([`super::Comparison::outside_links`] finds them; [`Cluster::stance`] alone cannot).
    /// Not counted as stating the claim.
    Outside,
    /// It does not state it.
    Silent,
}

impl Cluster {
    /// How source `doc` stands to this claim.
    pub fn stance(&self, doc: SourceId) -> Stance {
        match self.members.iter().find(|m| m.doc == doc) {
            Some(m) if m.weak => Stance::Weakly,
            Some(_) => Stance::States,
            None => Stance::Silent,
        }
    }
}

/// A claim that two or more sources state, with the passages that state it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    /// Index of the claim.
    pub id: usize,
    /// A short label: the start of its most central passage (the one with the most links
    /// inside the claim).
    pub label: String,
    /// The sources that state it, by source index.
    pub members: Vec<ClusterMember>,
}

const LABEL_CHARS: usize = 80;

/// The claims across all pairs, grown from their links without chaining (see
/// [`grow`]), each stated by two sources or more through a believed link: those most
/// sources carry first, each group in order of first appearance.
pub fn clusters(sources: &[Source], pairs: &[PairAlignment]) -> Vec<Cluster> {
    let links: Vec<PairLinks> = pairs
        .iter()
        .map(|p| PairLinks {
            a: p.a,
            b: p.b,
            alignment: &p.alignment,
        })
        .collect();
    of_links(sources, &links)
}

/// The links of two sources, all that claims are grown from.
pub struct PairLinks<'a> {
    /// The first source.
    pub a: SourceId,
    /// The second source.
    pub b: SourceId,
    /// Their alignment.
    pub alignment: &'a Alignment,
}

/// The claims of `sources` from the links of each pair (see [`clusters`]). None between
/// two sources: there every link is its own claim, and no view or report shows claims
/// (growing them cost a tenth of the facts' share of a 5,000-sentence build for nothing).
pub fn of_links(sources: &[Source], pairs: &[PairLinks]) -> Vec<Cluster> {
    if sources.len() <= 2 {
        return Vec::new();
    }
    let mut claims: Vec<Cluster> = grow::grow(sources, pairs)
        .into_iter()
        // Two sources state a claim by a believed link, or it is none: passages that only
        // possible links join are as often two things as one (on four news sets most such
        // rows joined unrelated passages). A possible link may still add a source to a claim
        // others state, marked weak.
        .filter(|g| g.passages.iter().any(|&(_, _, weak)| !weak))
        .map(|g| {
            let mut members: Vec<ClusterMember> = Vec::new();
            for (doc, seg, weak) in g.passages {
                match members.iter_mut().find(|m| m.doc == doc) {
                    Some(m) => {
                        m.segments.push(seg);
                        m.weak &= weak;
                    }
                    None => members.push(ClusterMember {
                        doc,
                        segments: vec![seg],
                        weak,
                    }),
                }
            }
            members.sort_by_key(|m| m.doc);
            let (doc, seg) = g.centre;
            Cluster {
                id: 0, // numbered once sorted
                label: label(sources[doc.0].segment_text(seg)),
                members,
            }
        })
        .collect();
    in_order(&mut claims);
    claims
}

/// Sorts and numbers `claims` as the reader's matrix and every report list them: carried by
/// the most sources first, then by the most that state them firmly, then in text order.
/// Also applied to the claims of a comparison saved before they were kept in this order.
pub(crate) fn in_order(claims: &mut [Cluster]) {
    claims.sort_by_key(|c| {
        let first = c
            .members
            .first()
            .map(|m| (m.doc, m.segments.first().copied()));
        (Reverse(c.carried_by()), Reverse(c.firmly_by()), first)
    });
    for (id, c) in claims.iter_mut().enumerate() {
        c.id = id;
    }
}

fn label(text: &str) -> String {
    // Joined only as far as a label reaches: a passage may be a long paragraph.
    let mut one_line = String::new();
    for word in text.split_whitespace() {
        if !one_line.is_empty() {
            one_line.push(' ');
        }
        one_line.push_str(word);
        if one_line.len() > 4 * LABEL_CHARS {
            break;
        }
    }
    if one_line.chars().count() <= LABEL_CHARS {
        return one_line;
    }
    let cut: String = one_line.chars().take(LABEL_CHARS).collect();
    match cut.rfind(' ') {
        Some(at) => format!("{}…", &cut[..at]),
        None => format!("{cut}…"),
    }
}
