//! Links that reach a claim from outside it: a believed link ties a passage of a source the
//! claim does not hold to one of the claim's passages. Growing keeps claims from chaining,
//! so such a passage stands in another claim (or in none) while the pair view links it to
//! this one; the matrix and the reports mark the source [`Stance::Outside`] rather than
//! "does not state it".

use super::{Cluster, Comparison, Stance};
use crate::facts;
use crate::ids::{SegmentId, SourceId};

/// A believed link from a passage of a source outside a claim to a passage of the claim.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutsideLink {
    /// The passage outside the claim (of the source asked about).
    pub from: SegmentId,
    /// The claim's passage it is linked to, with its source.
    pub to: (SourceId, SegmentId),
    /// The claim that holds `from` (an index into `Comparison::clusters`), if one does.
    pub stands_in: Option<usize>,
    /// The link's score.
    pub score: f32,
}

impl OutsideLink {
    /// The link in words, the passages named by their sources' letters and claims by their
    /// numbers as every report shows them: "D 4 is linked to B 5 (D 4 stands in claim 2)".
    pub fn sentence(&self, of: SourceId) -> String {
        let from = format!("{} {}", of.letter(), self.from.number());
        let where_ = match self.stands_in {
            Some(k) => format!("{from} stands in claim {}", k + 1),
            None => format!("{from} stands in no claim"),
        };
        format!(
            "{from} is linked to {} {} ({where_})",
            self.to.0.letter(),
            self.to.1.number()
        )
    }
}

impl Comparison {
    /// The believed links from passages of `doc` to passages of `claim`, when the claim does
    /// not hold `doc` at all (with a member of `doc`, its own links count): best first, one
    /// per passage of `doc` (its best).
    pub fn outside_links(&self, claim: &Cluster, doc: SourceId) -> Vec<OutsideLink> {
        if claim.stance(doc) != Stance::Silent {
            return Vec::new();
        }
        let mut out: Vec<OutsideLink> = Vec::new();
        for m in &claim.members {
            let Some(p) = self.pair(doc, m.doc) else {
                continue;
            };
            let flip = p.a != doc;
            for l in p.alignment.links.iter().filter(|l| !facts::is_possible(l)) {
                let (mine, theirs) = if flip { (&l.b, &l.a) } else { (&l.a, &l.b) };
                let Some(&to) = theirs.iter().find(|s| m.segments.contains(s)) else {
                    continue;
                };
                for &from in mine {
                    out.push(OutsideLink {
                        from,
                        to: (m.doc, to),
                        stands_in: self.claim_holding(doc, from),
                        score: l.score,
                    });
                }
            }
        }
        out.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.from.cmp(&y.from)));
        let mut seen: Vec<SegmentId> = Vec::new();
        out.retain(|o| {
            let first = !seen.contains(&o.from);
            seen.push(o.from);
            first
        });
        out
    }

    /// The claim that holds passage `seg` of `doc`, if one does (a passage stands in one
    /// claim at most).
    pub fn claim_holding(&self, doc: SourceId, seg: SegmentId) -> Option<usize> {
        self.clusters.iter().position(|c| {
            c.members
                .iter()
                .any(|m| m.doc == doc && m.segments.contains(&seg))
        })
    }
}
