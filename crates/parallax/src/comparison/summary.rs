//! What each source brings to a comparison of several: the claims it states, what it alone
//! reports, and where it tells a claim differently.

use super::{Comparison, Stance};
use crate::ids::{SegmentId, SourceId};
use crate::text::counted;

/// One source's part in the comparison, as every report sums it up in one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSummary {
    /// The source.
    pub source: SourceId,
    /// The claims (indices into `Comparison::clusters`) it states, with a conflict or not;
    /// claims it joins only by a weak match are not counted.
    pub claims: Vec<usize>,
    /// Its passages in no link with any other source: what only this source reports.
    pub only: Vec<SegmentId>,
    /// The claims it states with a fact another source of the claim states differently.
    pub differs: Vec<usize>,
    /// Of those, the claims where it is the one source that tells it differently
    /// ([`Comparison::alone_differs`]).
    pub alone: Vec<usize>,
}

impl SourceSummary {
    /// The summary in words after the source's name: "Reuters: 12 claims, 4 passages only
    /// here, 2 in conflict (1 where it alone differs)".
    pub fn line(&self, name: &str) -> String {
        let mut out = format!(
            "{name}: {}, {} only here, {} in conflict",
            counted(self.claims.len(), "claim"),
            counted(self.only.len(), "passage"),
            self.differs.len()
        );
        if !self.alone.is_empty() {
            out.push_str(&format!(" ({} where it alone differs)", self.alone.len()));
        }
        out
    }
}

impl Comparison {
    /// One summary per source, in source order.
    pub fn summaries(&self) -> Vec<SourceSummary> {
        let stances: Vec<Vec<Stance>> = self
            .clusters
            .iter()
            .map(|c| {
                SourceId::all(self.sources.len())
                    .map(|d| self.stance_within(c, d))
                    .collect()
            })
            .collect();
        let alone: Vec<Option<SourceId>> = self
            .clusters
            .iter()
            .map(|c| self.alone_differs(c))
            .collect();
        SourceId::all(self.sources.len())
            .map(|d| {
                let with = |want: &[Stance]| -> Vec<usize> {
                    (0..self.clusters.len())
                        .filter(|&k| want.contains(&stances[k][d.0]))
                        .collect()
                };
                SourceSummary {
                    source: d,
                    claims: with(&[Stance::States, Stance::Differs]),
                    only: self.unlinked(d),
                    differs: with(&[Stance::Differs]),
                    alone: (0..self.clusters.len())
                        .filter(|&k| alone[k] == Some(d))
                        .collect(),
                }
            })
            .collect()
    }

    /// The passages of source `d` in no link of any pair it is in.
    fn unlinked(&self, d: SourceId) -> Vec<SegmentId> {
        let mut linked = vec![false; self.source(d).segments.len()];
        for p in self.pairs.iter().filter(|p| p.a == d || p.b == d) {
            for l in &p.alignment.links {
                let own = if p.a == d { &l.a } else { &l.b };
                for s in own {
                    linked[s.0] = true;
                }
            }
        }
        (0..linked.len())
            .filter(|&i| !linked[i])
            .map(SegmentId)
            .collect()
    }
}
