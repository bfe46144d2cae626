//! Claims across sources: passages of different sources joined by links, as connected groups.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{PairAlignment, Source};
use crate::ids::{SegmentId, SourceId};

/// One source's part in a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterMember {
    /// The source.
    pub doc: SourceId,
    /// Its segments that state the claim.
    pub segments: Vec<SegmentId>,
    /// True when these segments join the claim only through weak links (every link
    /// touching them scores below [`WEAK_LINK`]): the source may say it, or may only share
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
    /// A short label: the start of the passage that links directly to most sources.
    pub label: String,
    /// The sources that state it, by source index.
    pub members: Vec<ClusterMember>,
}

const LABEL_CHARS: usize = 80;

/// The connected groups of linked passages across all pairs, in order of first appearance.
pub fn clusters(sources: &[Source], pairs: &[PairAlignment]) -> Vec<Cluster> {
    let offsets: Vec<usize> = sources
        .iter()
        .scan(0, |at, s| {
            let o = *at;
            *at += s.segments.len();
            Some(o)
        })
        .collect();
    let total: usize = sources.iter().map(|s| s.segments.len()).sum();
    let mut parent: Vec<usize> = (0..total).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut linked = vec![false; total];
    let mut best = vec![0.0f32; total];
    // Per passage: the other sources it links to directly, and the sum of those links'
    // scores; the claim is labelled by the passage that reaches most sources, as the
    // first passage of a long chain may state only part of the claim.
    let mut reach: Vec<Vec<SourceId>> = vec![Vec::new(); total];
    let mut weight = vec![0.0f32; total];
    for p in pairs {
        for l in &p.alignment.links {
            let nodes: Vec<usize> =
                l.a.iter()
                    .map(|&s| offsets[p.a.0] + s.0)
                    .chain(l.b.iter().map(|&s| offsets[p.b.0] + s.0))
                    .collect();
            for &n in &nodes {
                linked[n] = true;
                best[n] = best[n].max(l.score);
                weight[n] += l.score;
            }
            let sides = [(p.a, p.b, &l.a), (p.b, p.a, &l.b)];
            for (own, other, segs) in sides {
                for &s in segs {
                    let n = offsets[own.0] + s.0;
                    if !reach[n].contains(&other) {
                        reach[n].push(other);
                    }
                }
            }
            for w in nodes.windows(2) {
                let (x, y) = (find(&mut parent, w[0]), find(&mut parent, w[1]));
                parent[x] = y;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (n, _) in linked.iter().enumerate().filter(|(_, l)| **l) {
        let root = find(&mut parent, n);
        groups.entry(root).or_default().push(n);
    }
    let mut out: Vec<(Vec<ClusterMember>, usize)> = groups
        .into_values()
        .map(|nodes| {
            let most = |x: &usize, y: &usize| {
                (reach[*x].len(), weight[*x])
                    .partial_cmp(&(reach[*y].len(), weight[*y]))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(y.cmp(x))
            };
            let label_node = *nodes.iter().max_by(|x, y| most(x, y)).unwrap_or(&nodes[0]);
            let mut members: Vec<ClusterMember> = Vec::new();
            for n in nodes {
                let (doc, seg) = place(&offsets, n);
                let weak = best[n] < WEAK_LINK;
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
            (members, label_node)
        })
        .collect();
    out.sort_by_key(|(m, _)| (m[0].doc, m[0].segments[0]));
    out.into_iter()
        .enumerate()
        .map(|(id, (members, node))| {
            let (doc, seg) = place(&offsets, node);
            let text = sources[doc.0].segment_text(seg);
            Cluster {
                id,
                label: label(text),
                members,
            }
        })
        .collect()
}

/// The source and segment of passage `n` in the numbering of all passages of all sources
/// (the union-find above numbers them so, one source after the other from `offsets`).
fn place(offsets: &[usize], n: usize) -> (SourceId, SegmentId) {
    let doc = offsets.partition_point(|&o| o <= n) - 1;
    (SourceId(doc), SegmentId(n - offsets[doc]))
}

fn label(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= LABEL_CHARS {
        return one_line;
    }
    let cut: String = one_line.chars().take(LABEL_CHARS).collect();
    match cut.rfind(' ') {
        Some(at) => format!("{}…", &cut[..at]),
        None => format!("{cut}…"),
    }
}
