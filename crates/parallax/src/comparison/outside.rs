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

/// Every source's stance on every claim, with the links that reach each claim from outside
/// it, worked out at once for the views and reports that show the whole matrix: one pass
/// over the links, where asking [`Comparison::stance`] cell by cell walks them per cell.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimTable {
    /// Per claim (an index into `Comparison::clusters`), per source: its stance.
    pub stances: Vec<Vec<Stance>>,
    /// Per claim: the links that reach it from outside, by source, passage and target.
    pub outside: Vec<Vec<(SourceId, OutsideLink)>>,
}

impl ClaimTable {
    /// How source `doc` stands to claim `claim`.
    pub fn stance(&self, claim: usize, doc: SourceId) -> Stance {
        self.stances[claim][doc.0]
    }

    /// The links that reach claim `claim` from outside it, each as [`OutsideLink::sentence`]
    /// says it, by source and passage.
    pub fn outside_lines(&self, claim: usize) -> Vec<String> {
        (self.outside[claim].iter())
            .map(|(doc, o)| o.sentence(*doc))
            .collect()
    }
}

impl Comparison {
    /// The believed links from passages of `doc` to passages of `claim`, when the claim does
    /// not hold `doc` at all (with a member of `doc`, its own links count): every such link
    /// (a link whose other side holds two of the claim's passages, once), by passage. None
    /// when `claim` is not one of `self.clusters`.
    pub fn outside_links(&self, claim: &Cluster, doc: SourceId) -> Vec<OutsideLink> {
        // By its id, which is its index, unless it was renumbered apart from this comparison:
        // then by the passages it holds.
        let same = |c: &Cluster| c.members == claim.members;
        let at = (self.clusters.get(claim.id).filter(|c| same(c)))
            .map(|_| claim.id)
            .or_else(|| self.clusters.iter().position(same));
        let Some(at) = at else {
            return Vec::new();
        };
        let all = self.outside_by_claim();
        (all[at].iter())
            .filter(|(d, _)| *d == doc)
            .map(|&(_, o)| o)
            .collect()
    }

    /// Every source's stance on every claim, and every claim's links from outside it
    /// ([`ClaimTable`]).
    pub fn claim_table(&self) -> ClaimTable {
        let outside = self.outside_by_claim();
        let stances = (self.clusters.iter().zip(&outside))
            .map(|(c, links)| {
                SourceId::all(self.sources.len())
                    .map(|d| match self.stance_within(c, d) {
                        Stance::Silent if links.iter().any(|(x, _)| *x == d) => Stance::Outside,
                        s => s,
                    })
                    .collect()
            })
            .collect();
        ClaimTable { stances, outside }
    }

    /// Per claim, the believed links from passages of sources it does not hold to its own
    /// passages, by source, passage and target: one pass over every pair's links.
    fn outside_by_claim(&self) -> Vec<Vec<(SourceId, OutsideLink)>> {
        let held = self.claims_holding();
        let mut out: Vec<Vec<(SourceId, OutsideLink)>> = vec![Vec::new(); self.clusters.len()];
        for p in &self.pairs {
            for l in p.alignment.links.iter().filter(|l| !facts::is_possible(l)) {
                for (own, mine, other, theirs) in [(p.a, &l.a, p.b, &l.b), (p.b, &l.b, p.a, &l.a)] {
                    // The claims the link's other side stands in, each by its first passage.
                    let mut reached: Vec<(usize, SegmentId)> = Vec::new();
                    for &to in theirs {
                        if let Some(k) = held[other.0][to.0]
                            && !reached.iter().any(|&(r, _)| r == k)
                        {
                            reached.push((k, to));
                        }
                    }
                    for (k, to) in reached {
                        if self.clusters[k].members.iter().any(|m| m.doc == own) {
                            continue;
                        }
                        for &from in mine {
                            let o = OutsideLink {
                                from,
                                to: (other, to),
                                stands_in: held[own.0][from.0],
                                score: l.score,
                            };
                            out[k].push((own, o));
                        }
                    }
                }
            }
        }
        for links in &mut out {
            links.sort_by_key(|(d, o)| (*d, o.from, o.to));
            links.dedup_by_key(|(d, o)| (*d, o.from, o.to));
        }
        out
    }

    /// The claim that holds passage `seg` of `doc`, if one does (a passage stands in one
    /// claim at most).
    pub fn claim_holding(&self, doc: SourceId, seg: SegmentId) -> Option<usize> {
        *self.claims_holding().get(doc.0)?.get(seg.0)?
    }

    /// Per source, per passage: the claim that holds it (an index into `self.clusters`).
    fn claims_holding(&self) -> Vec<Vec<Option<usize>>> {
        let mut held: Vec<Vec<Option<usize>>> = (self.sources.iter())
            .map(|s| vec![None; s.segments.len()])
            .collect();
        for (k, c) in self.clusters.iter().enumerate() {
            for m in &c.members {
                for s in &m.segments {
                    held[m.doc.0][s.0] = Some(k);
                }
            }
        }
        held
    }
}
