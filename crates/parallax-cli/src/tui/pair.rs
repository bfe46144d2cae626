//! The two sources shown, seen from the reader's side: links oriented left to right and
//! numbered in the left source's order, and which link (if any) each passage belongs to.
//! It reads the comparison and computes no alignment.
//!
//! A link has two indices here: its [`LinkId`] in the stored pair (what notes and the
//! engine name) and its [`ShownLink`], its place in the reader's own order (what the link
//! numbers on screen and n/N follow). They differ whenever the left pane holds the stored
//! pair's second source.

use parallax::align::Link;
use parallax::comparison::LinkFacts;
use parallax::facts::Conflict;
use parallax::span::Span;
use parallax::{Comparison, LinkId, SegmentId, SourceId};

use super::side::PaneSide;

/// Every pair of `n` sources a user can pick, in order: (0, 1), (0, 2), …, (1, 2), …
pub fn pairs(n: usize) -> Vec<(SourceId, SourceId)> {
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (SourceId(i), SourceId(j))))
        .collect()
}

/// A link by its place in [`PairView::links`], the left source's order: link number
/// `ShownLink(i)` on screen is `i + 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShownLink(pub usize);

impl ShownLink {
    /// The number the reader shows for it.
    pub fn number(self) -> usize {
        self.0 + 1
    }
}

/// One link, oriented to the panes.
#[derive(Clone, Debug)]
pub struct OrientedLink {
    /// Segment ids in each pane.
    pub segs: [Vec<SegmentId>; 2],
    /// The link in the stored alignment.
    pub stored: LinkId,
}

/// The pair of sources in the panes.
#[derive(Clone, Debug)]
pub struct PairView {
    /// The source in each pane.
    pub src: [SourceId; 2],
    /// True when the left pane holds the stored alignment's `b`.
    flipped: bool,
    /// Links in the left source's order, indexed by [`ShownLink`].
    pub links: Vec<OrientedLink>,
    /// For each side, the link of every segment (by segment id).
    pub link_of: [Vec<Option<ShownLink>>; 2],
}

impl PairView {
    /// The view of sources `left` and `right` of `cmp`.
    pub fn new(cmp: &Comparison, left: SourceId, right: SourceId) -> PairView {
        let pa = cmp.pair(left, right);
        let flipped = pa.is_some_and(|p| p.a != left);
        let mut links: Vec<OrientedLink> = pa
            .map(|p| &p.alignment.links[..])
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .map(|(raw, l)| {
                let segs = if flipped {
                    [l.b.clone(), l.a.clone()]
                } else {
                    [l.a.clone(), l.b.clone()]
                };
                OrientedLink {
                    segs,
                    stored: LinkId(raw),
                }
            })
            .filter(|l| l.segs.iter().all(|s| !s.is_empty()))
            .collect();
        links.sort_by_key(|l| (l.segs[PaneSide::Left][0], l.segs[PaneSide::Right][0]));
        let mut link_of = [
            vec![None; cmp.source(left).segments.len()],
            vec![None; cmp.source(right).segments.len()],
        ];
        for (i, l) in links.iter().enumerate() {
            for (side, of) in PaneSide::BOTH.into_iter().zip(&mut link_of) {
                for &s in &l.segs[side] {
                    if let Some(slot) = of.get_mut(s.0) {
                        slot.get_or_insert(ShownLink(i));
                    }
                }
            }
        }
        PairView {
            src: [left, right],
            flipped,
            links,
            link_of,
        }
    }

    /// Link `l`, oriented.
    pub fn shown(&self, l: ShownLink) -> &OrientedLink {
        &self.links[l.0]
    }

    /// The link segment `seg` of pane `side` is in, if any.
    pub fn link_at(&self, side: PaneSide, seg: SegmentId) -> Option<ShownLink> {
        self.link_of[side].get(seg.0).copied().flatten()
    }

    /// The stored link behind link `l`.
    pub fn link<'c>(&self, cmp: &'c Comparison, l: ShownLink) -> &'c Link {
        let p = cmp
            .pair(self.src[PaneSide::Left], self.src[PaneSide::Right])
            .expect("links imply a pair");
        &p.alignment.links[self.shown(l).stored.0]
    }

    /// The facts of the stored link behind link `l`.
    pub fn link_facts<'c>(&self, cmp: &'c Comparison, l: ShownLink) -> &'c LinkFacts {
        let p = cmp
            .pair(self.src[PaneSide::Left], self.src[PaneSide::Right])
            .expect("links imply a pair");
        &p.link_facts[self.shown(l).stored.0]
    }

    /// The possible link (below the shown bar, see `Alignment::possible`) segment `seg` of
    /// `side` is in, if any, with its passages in the other pane.
    pub fn possible_at<'c>(
        &self,
        cmp: &'c Comparison,
        side: PaneSide,
        seg: SegmentId,
    ) -> Option<(&'c Link, Vec<SegmentId>)> {
        let p = cmp.pair(self.src[PaneSide::Left], self.src[PaneSide::Right])?;
        let stored_a = self.stored_a(side);
        p.alignment.possible.iter().find_map(|l| {
            let (here, there) = if stored_a { (&l.a, &l.b) } else { (&l.b, &l.a) };
            here.contains(&seg).then(|| (l, there.clone()))
        })
    }

    /// True when pane `side` shows the stored pair's `a` source.
    fn stored_a(&self, side: PaneSide) -> bool {
        (side == PaneSide::Left) != self.flipped
    }

    /// True when segment `seg` of `side` is in no link: only that source has it.
    pub fn is_added(&self, side: PaneSide, seg: SegmentId) -> bool {
        self.link_of[side].get(seg.0).is_some_and(Option::is_none)
    }

    /// Spans on `side` of the link's changed words and of its conflicting facts.
    pub fn marks(&self, cmp: &Comparison, l: ShownLink, side: PaneSide) -> (Vec<Span>, Vec<Span>) {
        let link = self.link(cmp, l);
        let stored_a = self.stored_a(side);
        let changes = link
            .changes
            .iter()
            .filter_map(|c| if stored_a { c.a_span } else { c.b_span })
            .collect();
        let conflicts = self
            .link_facts(cmp, l)
            .conflicts
            .iter()
            .map(|c| if stored_a { c.a_span } else { c.b_span })
            .collect();
        (changes, conflicts)
    }

    /// The conflicts of link `l`, each told from the left pane's source (its `a`).
    pub fn conflicts(&self, cmp: &Comparison, l: ShownLink) -> Vec<Conflict> {
        self.link_facts(cmp, l)
            .conflicts
            .iter()
            .map(|c| if self.flipped { c.swapped() } else { c.clone() })
            .collect()
    }
}
