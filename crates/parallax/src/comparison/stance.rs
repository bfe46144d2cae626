//! How each source stands to a claim once facts are read: a source that states the claim
//! with a different fact (a conflict on a believed link inside the claim) differs.

use super::{Cluster, ClusterMember, Comparison, Stance};
use crate::facts::{self, Conflict};
use crate::ids::{SegmentId, SourceId};

/// A fact one source of a claim states differently from another source of the claim.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberConflict {
    /// The other source.
    pub with: SourceId,
    /// The conflict, this source's statement as `a`, the other's as `b`.
    pub conflict: Conflict,
    /// True when the link that flags it is weak: only possible, and not counted (see
    /// [`Comparison::possible_claim_conflicts`]).
    pub possible: bool,
}

impl MemberConflict {
    /// The flag as every report says it ([`facts::sentence`]), the sources named by their
    /// letters, `of` first: "Age of Cabello: A says 56, C says 62".
    pub fn sentence(&self, of: SourceId) -> String {
        facts::sentence(
            &self.conflict,
            &of.letter(),
            &self.with.letter(),
            self.possible,
        )
    }
}

/// A link that joins the passages two sources give of one claim: where to show the claim
/// so that both panes hold it, linked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClaimLink {
    /// One source and its first passage of the claim in the link.
    pub a: (SourceId, SegmentId),
    /// The other source and its first passage of the claim in the link.
    pub b: (SourceId, SegmentId),
    /// The link's score.
    pub score: f32,
    /// True for a shown link, false for a possible one (shown only on request).
    pub shown: bool,
}

impl Comparison {
    /// The links between the passages two sources give of `claim`, best first: shown links
    /// before possible ones, each by score. Only links that touch source `of`, when given.
    /// A claim's sources need not be linked pairwise (a passage joins one linked to most of
    /// it), so this, not its member list, says which pair shows the claim linked.
    pub fn claim_links(&self, claim: &Cluster, of: Option<SourceId>) -> Vec<ClaimLink> {
        let mut out = Vec::new();
        for (i, x) in claim.members.iter().enumerate() {
            for y in &claim.members[i + 1..] {
                if of.is_some_and(|d| d != x.doc && d != y.doc) {
                    continue;
                }
                let Some(p) = self.pair(x.doc, y.doc) else {
                    continue;
                };
                let (own_a, own_b) = if p.a == x.doc { (x, y) } else { (y, x) };
                let shown = p.alignment.links.iter().map(|l| (l, true));
                let possible = p.alignment.possible.iter().map(|l| (l, false));
                for (l, is_shown) in shown.chain(possible) {
                    let first = |segs: &[SegmentId], own: &ClusterMember| {
                        segs.iter().copied().find(|s| own.segments.contains(s))
                    };
                    if let (Some(sa), Some(sb)) = (first(&l.a, own_a), first(&l.b, own_b)) {
                        out.push(ClaimLink {
                            a: (p.a, sa),
                            b: (p.b, sb),
                            score: l.score,
                            shown: is_shown,
                        });
                    }
                }
            }
        }
        out.sort_by(|p, q| q.shown.cmp(&p.shown).then(q.score.total_cmp(&p.score)));
        out
    }

    /// The facts source `doc` states differently from the other sources of `claim`: the
    /// conflicts of the links between its passages in the claim and theirs. Flags on weak
    /// links are only possible and left out, as every report leaves them out of its counts.
    pub fn claim_conflicts(&self, claim: &Cluster, doc: SourceId) -> Vec<MemberConflict> {
        self.conflicts_in(claim, doc, false)
    }

    /// The facts source `doc` states differently from other sources of `claim` on weak
    /// links only: possible flags, never counted nor marked `≠`, but worth a look when the
    /// claim itself vouches for both passages. Only between passages the claim holds
    /// firmly (each joined to another source's passage of it by a believed link), so a
    /// passage that merely shares a few words with the claim flags nothing; and not a fact
    /// a believed link of the claim already flags between the same two sources. (On four
    /// reports of one quake, "Killed: A says one person, E says four people" stood on a
    /// weak link between two leads that each stated the claim with the other outlets.)
    pub fn possible_claim_conflicts(&self, claim: &Cluster, doc: SourceId) -> Vec<MemberConflict> {
        let believed = self.claim_conflicts(claim, doc);
        let mut out = self.conflicts_in(claim, doc, true);
        out.retain(|c| {
            !believed.iter().any(|b| {
                (b.with, b.conflict.kind, &b.conflict.a, &b.conflict.b)
                    == (c.with, c.conflict.kind, &c.conflict.a, &c.conflict.b)
            })
        });
        out
    }

    /// True when passage `seg` of `doc` is joined by a believed link to a passage another
    /// source gives of `claim`.
    fn held_firmly(&self, claim: &Cluster, doc: SourceId, seg: SegmentId) -> bool {
        claim.members.iter().filter(|m| m.doc != doc).any(|other| {
            let Some(p) = self.pair(doc, other.doc) else {
                return false;
            };
            let flip = p.a != doc;
            p.alignment.links.iter().any(|l| {
                let (mine, theirs) = if flip { (&l.b, &l.a) } else { (&l.a, &l.b) };
                !facts::is_possible(l)
                    && mine.contains(&seg)
                    && theirs.iter().any(|s| other.segments.contains(s))
            })
        })
    }

    fn conflicts_in(&self, claim: &Cluster, doc: SourceId, possible: bool) -> Vec<MemberConflict> {
        let Some(own) = claim.members.iter().find(|m| m.doc == doc) else {
            return Vec::new();
        };
        let mut out: Vec<MemberConflict> = Vec::new();
        for other in claim.members.iter().filter(|m| m.doc != doc) {
            let firm = |m: &ClusterMember, seg: &SegmentId| {
                m.segments.contains(seg) && self.held_firmly(claim, m.doc, *seg)
            };
            let links = self.between(own, other, possible);
            let links = links.into_iter().filter(|(mine, theirs, _)| {
                !possible
                    || (mine.iter().any(|s| firm(own, s)) && theirs.iter().any(|s| firm(other, s)))
            });
            // A link may hold passages of other claims too: only a fact stated in the
            // claim's own passages on both sides is the claim's.
            let own_facts = links
                .flat_map(|(_, _, c)| c)
                .filter(|c| self.states(own, c.a_span) && self.states(other, c.b_span));
            for conflict in own_facts {
                let c = MemberConflict {
                    with: other.doc,
                    conflict,
                    possible,
                };
                // One fact can be flagged by two links of one pair (an n:m claim).
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// True when the fact at `span` of member `m`'s source starts in one of the member's
    /// passages (as a link's facts are those that start in its passages: a quote may run
    /// on into the next sentence).
    fn states(&self, m: &ClusterMember, span: crate::span::Span) -> bool {
        let segments = &self.source(m.doc).segments;
        (m.segments.iter()).any(|s| {
            let own = segments[s.0].span;
            own.start <= span.start && span.start < own.end
        })
    }

    /// The links joining `own`'s passages to `other`'s (believed ones, or with `possible`
    /// weak ones), each as its `own` side, its `other` side and its conflicts, `own`'s
    /// statement first.
    fn between<'a>(
        &'a self,
        own: &ClusterMember,
        other: &ClusterMember,
        possible: bool,
    ) -> Vec<(&'a [SegmentId], &'a [SegmentId], Vec<Conflict>)> {
        let Some(p) = self.pair(own.doc, other.doc) else {
            return Vec::new();
        };
        let flip = p.a != own.doc;
        let mut out = Vec::new();
        for (l, f) in p.alignment.links.iter().zip(&p.link_facts) {
            let (mine, theirs) = if flip { (&l.b, &l.a) } else { (&l.a, &l.b) };
            let inside = mine.iter().any(|s| own.segments.contains(s))
                && theirs.iter().any(|s| other.segments.contains(s));
            if !inside || facts::is_possible(l) != possible {
                continue;
            }
            let conflicts = (f.conflicts.iter())
                .map(|c| if flip { c.swapped() } else { c.clone() })
                .collect();
            out.push((mine.as_slice(), theirs.as_slice(), conflicts));
        }
        out
    }

    /// How source `doc` stands to `claim`: as [`Cluster::stance`], and
    /// [`Stance::Differs`] when it states the claim with a fact another source of it states
    /// differently; [`Stance::Outside`] when the claim does not hold it but a believed link
    /// ties one of its passages to it ([`Comparison::outside_links`]). When one source alone
    /// tells the claim differently ([`Comparison::alone_differs`]), only that one differs:
    /// the sources that agree with each other against it still state the claim, or every
    /// source would be marked. (A silent source's links from outside are found over every
    /// link of the comparison: for the whole matrix, [`Comparison::claim_table`] finds them
    /// all at once.)
    pub fn stance(&self, claim: &Cluster, doc: SourceId) -> Stance {
        match self.stance_within(claim, doc) {
            Stance::Silent if !self.outside_links(claim, doc).is_empty() => Stance::Outside,
            s => s,
        }
    }

    /// As [`Comparison::stance`], without looking for links from outside the claim (a
    /// source it does not hold is silent): what the summaries count, without a walk over
    /// every link per silent source.
    pub(super) fn stance_within(&self, claim: &Cluster, doc: SourceId) -> Stance {
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
