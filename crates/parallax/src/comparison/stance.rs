//! How each source stands to a claim once facts are read: a source that states the claim
//! with a different fact (a conflict on a believed link inside the claim) differs.

use super::{Cluster, ClusterMember, Comparison, Stance};
use crate::facts::{self, Conflict};
use crate::ids::SourceId;

/// A fact one source of a claim states differently from another source of the claim.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberConflict {
    /// The other source.
    pub with: SourceId,
    /// The conflict, this source's statement as `a`, the other's as `b`.
    pub conflict: Conflict,
}

impl MemberConflict {
    /// The flag as every report says it ([`facts::sentence`]), the sources named by their
    /// letters, `of` first: "Age of Cabello: A says 56, C says 62".
    pub fn sentence(&self, of: SourceId) -> String {
        facts::sentence(&self.conflict, &of.letter(), &self.with.letter(), false)
    }
}

impl Comparison {
    /// The facts source `doc` states differently from the other sources of `claim`: the
    /// conflicts of the links between its passages in the claim and theirs. Flags on weak
    /// links are only possible and left out, as every report leaves them out of its counts.
    pub fn claim_conflicts(&self, claim: &Cluster, doc: SourceId) -> Vec<MemberConflict> {
        let Some(own) = claim.members.iter().find(|m| m.doc == doc) else {
            return Vec::new();
        };
        let mut out: Vec<MemberConflict> = Vec::new();
        for other in claim.members.iter().filter(|m| m.doc != doc) {
            for conflict in self.between(own, other) {
                let c = MemberConflict {
                    with: other.doc,
                    conflict,
                };
                // One fact can be flagged by two links of one pair (an n:m claim).
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// The believed conflicts of the links joining `own`'s passages to `other`'s, `own`'s
    /// statement first.
    fn between(&self, own: &ClusterMember, other: &ClusterMember) -> Vec<Conflict> {
        let Some(p) = self.pair(own.doc, other.doc) else {
            return Vec::new();
        };
        let flip = p.a != own.doc;
        let mut out = Vec::new();
        for (l, f) in p.alignment.links.iter().zip(&p.link_facts) {
            let (mine, theirs) = if flip { (&l.b, &l.a) } else { (&l.a, &l.b) };
            let inside = mine.iter().any(|s| own.segments.contains(s))
                && theirs.iter().any(|s| other.segments.contains(s));
            if !inside || facts::is_possible(l) {
                continue;
            }
            out.extend(
                f.conflicts
                    .iter()
                    .map(|c| if flip { c.swapped() } else { c.clone() }),
            );
        }
        out
    }

    /// How source `doc` stands to `claim`: as [`Cluster::stance`], and
    /// [`Stance::Differs`] when it states the claim with a fact another source of it states
    /// differently. When one source alone tells the claim differently
    /// ([`Comparison::alone_differs`]), only that one differs: the sources that agree with
    /// each other against it still state the claim, or every source would be marked.
    pub fn stance(&self, claim: &Cluster, doc: SourceId) -> Stance {
        match claim.stance(doc) {
            Stance::States if !self.claim_conflicts(claim, doc).is_empty() => {
                match self.alone_differs(claim) {
                    Some(odd) if odd != doc => Stance::States,
                    _ => Stance::Differs,
                }
            }
            s => s,
        }
    }

    /// The source that alone tells `claim` differently: the one source every believed
    /// conflict of the claim involves (A against B and A against C, while B and C agree).
    /// `None` without conflicts, and when two sources differ only from each other, where
    /// nothing says which of them stands apart.
    pub fn alone_differs(&self, claim: &Cluster) -> Option<SourceId> {
        let mut pairs: Vec<(SourceId, SourceId)> = Vec::new();
        for m in &claim.members {
            for c in self.claim_conflicts(claim, m.doc) {
                pairs.push((m.doc, c.with));
            }
        }
        if pairs.is_empty() {
            return None;
        }
        let in_all: Vec<SourceId> = claim
            .members
            .iter()
            .map(|m| m.doc)
            .filter(|&d| pairs.iter().all(|&(x, y)| x == d || y == d))
            .collect();
        match in_all[..] {
            [d] => Some(d),
            _ => None,
        }
    }
}

impl Cluster {
    /// How many sources carry the claim, weak matches included; a matrix sorts by it.
    pub fn carried_by(&self) -> usize {
        self.members.len()
    }

    /// How many sources state the claim through a link they are believed on.
    pub fn firmly_by(&self) -> usize {
        self.members.iter().filter(|m| !m.weak).count()
    }
}
