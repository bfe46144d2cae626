//! Corrections by hand: a link the reader marked wrong, or passages the reader linked.
//!
//! The comparison the aligner built (the "machine" comparison) is kept as it is, and the
//! corrections are applied on top of it ([`Notes::corrected`]): so a link marked wrong can be
//! restored with everything the aligner knew of it, and removing a hand link gives its
//! passages back to the links they were in. Like notes, corrections quote the text they are
//! on and are placed again by it when the sources change.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Anchor, Notes, Quote, Timestamp};
use crate::align::{Link, Reason};
use crate::comparison::Comparison;
use crate::diff::word_changes;
use crate::error::{Error, Result};
use crate::ids::{SegmentId, SourceId};

/// What a correction does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fix {
    /// The aligner's link is wrong: it is hidden.
    Wrong,
    /// The passages tell the same thing: they are linked, and the link is certain.
    Linked,
}

/// One correction of the links between two sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// Hide a link, or make one.
    pub fix: Fix,
    /// The link it is about (always a link anchor); `None` when it could not be placed
    /// after the sources changed (kept, and tried again at the next refresh).
    pub anchor: Option<Anchor>,
    /// The text of each side, to place it again.
    pub quotes: Vec<Quote>,
    /// When it was made.
    pub created: Timestamp,
}

impl Correction {
    /// The pair and the passages of each side, when placed.
    pub fn link(&self) -> Option<(SourceId, SourceId, &[SegmentId], &[SegmentId])> {
        match &self.anchor {
            Some(Anchor::Link {
                a,
                b,
                a_segments,
                b_segments,
            }) => Some((*a, *b, a_segments, b_segments)),
            _ => None,
        }
    }

    /// True when what it names is in `machine`: the aligner's link it marks wrong, or the
    /// pair and passages it links.
    pub fn fits(&self, machine: &Comparison) -> bool {
        let Some((a, b, xa, xb)) = self.link() else {
            return false;
        };
        let within = |s: SourceId, ids: &[SegmentId]| {
            !ids.is_empty() && ids.iter().all(|i| i.0 < machine.source(s).segments.len())
        };
        match self.fix {
            Fix::Wrong => self
                .anchor
                .as_ref()
                .is_some_and(|x| x.check(machine).is_ok()),
            Fix::Linked => a < b && machine.pair(a, b).is_some() && within(a, xa) && within(b, xb),
        }
    }

    /// True when it is placed and covers passage `segment` of `source`.
    pub fn touches(&self, source: SourceId, segment: SegmentId) -> bool {
        self.anchor
            .as_ref()
            .is_some_and(|a| a.touches(source, segment))
    }
}

/// Score of a link by hand: certain.
pub const BY_HAND: f32 = 1.0;

impl Notes {
    /// The corrections, in the order they were made.
    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }

    /// The corrections and the tags without the notes: what a report made without notes
    /// (`parallax align --corrections`) shows.
    pub fn corrections_only(&self) -> Notes {
        Notes {
            notes: Vec::new(),
            ..self.clone()
        }
    }

    /// Marks the aligner's link of sources `a` and `b` holding `a_segments` and
    /// `b_segments` wrong. `machine` is the comparison as the aligner built it.
    pub fn mark_wrong(
        &mut self,
        machine: &Comparison,
        anchor: Anchor,
        now: Timestamp,
    ) -> Result<()> {
        anchor.check(machine).map_err(|_| Error::Note {
            detail: "only a link the aligner made can be marked wrong".to_string(),
        })?;
        if self
            .corrections
            .iter()
            .any(|c| c.anchor.as_ref() == Some(&anchor))
        {
            return Ok(());
        }
        self.corrections.push(Correction {
            fix: Fix::Wrong,
            quotes: anchor.quotes(machine),
            anchor: Some(anchor),
            created: now,
        });
        Ok(())
    }

    /// Links passage `sa` of source `a` with passage `sb` of source `b` by hand. When either
    /// passage is already in a hand link of the pair, that link grows to hold the other (a
    /// sentence one source splits in two is linked by two presses).
    pub fn link_by_hand(
        &mut self,
        machine: &Comparison,
        (a, sa): (SourceId, SegmentId),
        (b, sb): (SourceId, SegmentId),
        now: Timestamp,
    ) -> Result<()> {
        let ((a, sa), (b, sb)) = if a < b {
            ((a, sa), (b, sb))
        } else {
            ((b, sb), (a, sa))
        };
        let anchor = |a_segments, b_segments| Anchor::Link {
            a,
            b,
            a_segments,
            b_segments,
        };
        for (source, segment) in [(a, sa), (b, sb)] {
            Anchor::Passage { source, segment }.check(machine)?;
        }
        if a == b || machine.pair(a, b).is_none() {
            return Err(Error::Note {
                detail: "a link joins passages of two different sources".to_string(),
            });
        }
        let grown = self.corrections.iter().position(|c| {
            c.fix == Fix::Linked
                && c.link().is_some_and(|(ca, cb, xa, xb)| {
                    (ca, cb) == (a, b) && (xa.contains(&sa) || xb.contains(&sb))
                })
        });
        let (mut xa, mut xb) = match grown {
            Some(k) => {
                let c = self.corrections.remove(k);
                let (_, _, xa, xb) = c.link().expect("found placed");
                (xa.to_vec(), xb.to_vec())
            }
            None => (Vec::new(), Vec::new()),
        };
        for (x, s) in [(&mut xa, sa), (&mut xb, sb)] {
            if !x.contains(&s) {
                x.push(s);
                x.sort_unstable();
            }
        }
        let anchor = anchor(xa, xb);
        self.corrections.push(Correction {
            fix: Fix::Linked,
            quotes: anchor.quotes(machine),
            anchor: Some(anchor),
            created: now,
        });
        Ok(())
    }

    /// Removes correction `k` and gives it back: a link marked wrong comes back, a hand
    /// link goes.
    pub fn uncorrect(&mut self, k: usize) -> Option<Correction> {
        (k < self.corrections.len()).then(|| self.corrections.remove(k))
    }

    /// The correction of the pair (`a`, `b`) that covers passage `segment` of `source`, if
    /// any (the latest when several do).
    pub fn correction_at(
        &self,
        (a, b): (SourceId, SourceId),
        source: SourceId,
        segment: SegmentId,
    ) -> Option<usize> {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        self.corrections.iter().rposition(|c| {
            c.link().is_some_and(|(ca, cb, _, _)| (ca, cb) == (a, b)) && c.touches(source, segment)
        })
    }

    /// `machine` (the comparison as the aligner built it) with the corrections applied:
    /// links marked wrong are gone, hand links are there with score [`BY_HAND`] and take
    /// their passages out of the aligner's links; facts and claims follow.
    pub fn corrected(&self, machine: &Comparison) -> Comparison {
        self.shown(machine).into_owned()
    }

    /// [`Notes::corrected`], borrowing `machine` when there is nothing to correct.
    pub(super) fn shown<'m>(&self, machine: &'m Comparison) -> Cow<'m, Comparison> {
        if self.corrections.is_empty() {
            return Cow::Borrowed(machine);
        }
        let mut cmp = machine.clone();
        let mut changed: BTreeMap<(SourceId, SourceId), Vec<Link>> = BTreeMap::new();
        let placed = |fix: Fix| {
            self.corrections
                .iter()
                .filter(move |c| c.fix == fix && c.fits(machine))
                .filter_map(Correction::link)
        };
        for (a, b, xa, xb) in placed(Fix::Wrong) {
            let links = links_of(&mut changed, machine, a, b);
            links.retain(|l| !(l.a == xa && l.b == xb));
        }
        for (a, b, xa, xb) in placed(Fix::Linked) {
            let (sa, sb) = (machine.source(a).side(), machine.source(b).side());
            let links = links_of(&mut changed, machine, a, b);
            for l in links.iter_mut() {
                let before = (l.a.len(), l.b.len());
                l.a.retain(|s| !xa.contains(s));
                l.b.retain(|s| !xb.contains(s));
                if (l.a.len(), l.b.len()) != before && !l.a.is_empty() && !l.b.is_empty() {
                    l.changes = word_changes(&sa.passages(&l.a), &sb.passages(&l.b));
                }
            }
            links.retain(|l| !l.a.is_empty() && !l.b.is_empty());
            let mut why = vec![Reason::ByHand];
            if xa.len() > 1 || xb.len() > 1 {
                why.push(Reason::Grouped {
                    a: xa.len(),
                    b: xb.len(),
                });
            }
            links.push(Link {
                a: xa.to_vec(),
                b: xb.to_vec(),
                score: BY_HAND,
                why,
                changes: word_changes(&sa.passages(xa), &sb.passages(xb)),
                doubted: false,
            });
        }
        cmp.relink(changed.into_iter().collect());
        Cow::Owned(cmp)
    }

    /// Checks every placed correction against `machine`: a link marked wrong must be one of
    /// its links, a hand link must name passages it has.
    pub(super) fn check_corrections(&self, machine: &Comparison) -> Result<()> {
        for (k, c) in self.corrections.iter().enumerate() {
            let bad = |detail: String| Error::Note {
                detail: format!("correction {}: {detail}", k + 1),
            };
            if c.anchor.is_none() {
                continue;
            }
            let Some((a, b, _, _)) = c.link() else {
                return Err(bad("it is not on a link".to_string()));
            };
            let sources: Vec<SourceId> = c.quotes.iter().map(|q| q.source).collect();
            if sources != [a, b] {
                return Err(bad("its quotes are not of its two sources".to_string()));
            }
            if !c.fits(machine) {
                return Err(bad(
                    "it names a link or passages the comparison does not have".to_string(),
                ));
            }
        }
        Ok(())
    }
}

/// The links of pair (`a`, `b`) being corrected, from the aligner's at first.
fn links_of<'m>(
    changed: &'m mut BTreeMap<(SourceId, SourceId), Vec<Link>>,
    machine: &Comparison,
    a: SourceId,
    b: SourceId,
) -> &'m mut Vec<Link> {
    changed.entry((a, b)).or_insert_with(|| {
        machine
            .pair(a, b)
            .map(|p| p.alignment.links.clone())
            .unwrap_or_default()
    })
}
