//! Placing notes again after the comparison was rebuilt from changed sources.

use unicode_segmentation::UnicodeSegmentation;

use super::corrections::{Correction, Fix};
use super::similarity::{ratio, ratio_bound};
use super::{Anchor, Note, NoteId, Notes, Quote};
use crate::comparison::Comparison;
use crate::ids::{SegmentId, SourceId};
use crate::text::fold;

/// How alike (see [`super::similarity`]) a passage must read to its quote for a note to be
/// placed on it: high enough that an unrelated sentence of the same story is not taken, low
/// enough that a corrected number or a reworded clause still finds its sentence.
pub const MATCH_THRESHOLD: f32 = 0.6;

/// How alike the passages just before and after a place must read to the quote's own
/// neighbours for the place to vouch for a reworded sentence: the neighbours themselves kept
/// their words, bar a typo or a figure.
pub const NEIGHBOUR_THRESHOLD: f32 = 0.8;

/// Words a neighbour must have to vouch for a place: a separator that stands between many
/// passages ("Advertisement", "* * *") says nothing of where one stood.
pub const NEIGHBOUR_MIN_WORDS: usize = 4;

/// How alike a passage between the quote's two neighbours must still read to the quote to be
/// taken for it, reworded in place: about half its words kept. Below, the sentence there is
/// taken for another one put in its place.
pub const IN_PLACE_THRESHOLD: f32 = 0.4;

/// What [`Notes::reattach`] did with each note.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reattached {
    /// Notes whose passage or link is still there with the same text.
    pub kept: Vec<NoteId>,
    /// Notes placed on another passage or link whose text matches their quote.
    pub moved: Vec<NoteId>,
    /// Notes that match nothing well enough: kept, without an anchor.
    pub detached: Vec<NoteId>,
    /// Corrections of links that match nothing well enough: kept, and not applied.
    pub corrections_detached: usize,
}

type Words = Vec<String>;

fn words(text: &str) -> Words {
    text.unicode_words().map(fold).collect()
}

/// A quote's words and its neighbours', folded once for every place it is tried on.
struct Wanted {
    source: SourceId,
    words: Words,
    before: Option<Words>,
    after: Option<Words>,
}

impl Wanted {
    fn new(quote: &Quote) -> Wanted {
        Wanted {
            source: quote.source,
            words: words(&quote.text),
            before: quote.before.as_deref().map(words),
            after: quote.after.as_deref().map(words),
        }
    }
}

/// The words of every segment of every source, folded once for all notes.
struct Index<'c> {
    cmp: &'c Comparison,
    segments: Vec<Vec<Words>>,
}

impl<'c> Index<'c> {
    fn new(cmp: &'c Comparison) -> Self {
        let segments = cmp
            .sources
            .iter()
            .map(|s| {
                s.segments
                    .iter()
                    .map(|g| words(s.segment_text(g.id)))
                    .collect()
            })
            .collect();
        Index { cmp, segments }
    }

    fn joined(&self, source: SourceId, ids: &[SegmentId]) -> Words {
        ids.iter()
            .flat_map(|&i| self.segments[source.0][i.0].iter().cloned())
            .collect()
    }

    /// How well the passages `ids` of the quote's source stand for it: their word
    /// similarity, or [`MATCH_THRESHOLD`] when they read at least [`IN_PLACE_THRESHOLD`]
    /// alike and stand between the quote's two neighbours as they were (a sentence reworded
    /// in place). 0 when even that cannot be reached.
    fn fit(&self, want: &Wanted, ids: &[SegmentId]) -> f32 {
        let got = self.joined(want.source, ids);
        if ratio_bound(want.words.len(), got.len()) < IN_PLACE_THRESHOLD {
            return 0.0;
        }
        let score = ratio(&want.words, &got);
        // Just enough to be placed: a passage elsewhere that reads more alike still wins.
        if (IN_PLACE_THRESHOLD..MATCH_THRESHOLD).contains(&score) && self.in_place(want, ids) {
            return MATCH_THRESHOLD;
        }
        score
    }

    /// True when the passages just before and after `ids` read as the quote's neighbours did
    /// (a text's start or end counts as itself). A quote kept without neighbours (saved
    /// before they were, or a text of one passage) never is.
    fn in_place(&self, want: &Wanted, ids: &[SegmentId]) -> bool {
        if want.before.is_none() && want.after.is_none() {
            return false;
        }
        let short = |n: &Option<Words>| n.as_ref().is_some_and(|w| w.len() < NEIGHBOUR_MIN_WORDS);
        if short(&want.before) || short(&want.after) {
            return false;
        }
        let (Some(first), Some(last)) = (ids.first(), ids.last()) else {
            return false;
        };
        let segs = &self.segments[want.source.0];
        let holds = |was: &Option<Words>, at: Option<usize>| match (was, at) {
            (None, None) => true,
            (Some(was), Some(k)) => segs.get(k).is_some_and(|now| {
                ratio_bound(was.len(), now.len()) >= NEIGHBOUR_THRESHOLD
                    && ratio(was, now) >= NEIGHBOUR_THRESHOLD
            }),
            _ => false,
        };
        let after = Some(last.0 + 1).filter(|&k| k < segs.len());
        holds(&want.before, first.0.checked_sub(1)) && holds(&want.after, after)
    }

    /// The best passage of `quote.source` for the quote.
    fn passage(&self, quote: &Quote) -> Option<(Anchor, f32)> {
        let want = Wanted::new(quote);
        let segs = self.segments.get(quote.source.0)?;
        let (segment, score) = (0..segs.len())
            .map(|i| (i, self.fit(&want, &[SegmentId(i)])))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))?;
        Some((
            Anchor::Passage {
                source: quote.source,
                segment: SegmentId(segment),
            },
            score,
        ))
    }

    /// The best link of the pair for both quotes: the weaker side's match decides.
    fn link(&self, qa: &Quote, qb: &Quote) -> Option<(Anchor, f32)> {
        let pair = self.cmp.pair(qa.source, qb.source)?;
        let (qa, qb) = if pair.a == qa.source {
            (qa, qb)
        } else {
            (qb, qa)
        };
        let (wa, wb) = (Wanted::new(qa), Wanted::new(qb));
        pair.alignment
            .links
            .iter()
            .map(|l| (l, self.fit(&wa, &l.a).min(self.fit(&wb, &l.b))))
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|(l, s)| {
                (
                    Anchor::Link {
                        a: pair.a,
                        b: pair.b,
                        a_segments: l.a.clone(),
                        b_segments: l.b.clone(),
                    },
                    s,
                )
            })
    }

    /// The run of `len` passages of `quote.source` that best matches the quote: a hand link
    /// may hold a sentence one source splits in two.
    fn run(&self, quote: &Quote, len: usize) -> Option<(Vec<SegmentId>, f32)> {
        let want = Wanted::new(quote);
        let n = self.segments.get(quote.source.0)?.len();
        (0..n.saturating_sub(len.max(1) - 1))
            .map(|start| {
                let ids: Vec<SegmentId> = (start..start + len.max(1)).map(SegmentId).collect();
                let s = self.fit(&want, &ids);
                (ids, s)
            })
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
    }

    /// Where correction `c` belongs in this (the aligner's) comparison, if anywhere.
    fn place_correction(&self, c: &Correction) -> Option<Anchor> {
        let [qa, qb] = c.quotes.as_slice() else {
            return None;
        };
        let best = match c.fix {
            Fix::Wrong => self.link(qa, qb),
            Fix::Linked => {
                let was = c.link().map(|(_, _, xa, xb)| (xa.len(), xb.len()));
                let lens: Vec<(usize, usize)> = match was {
                    Some(l) => vec![l],
                    None => (1..=3).flat_map(|x| (1..=3).map(move |y| (x, y))).collect(),
                };
                lens.into_iter()
                    .filter_map(|(la, lb)| {
                        let (ra, sa) = self.run(qa, la)?;
                        let (rb, sb) = self.run(qb, lb)?;
                        let anchor = Anchor::Link {
                            a: qa.source,
                            b: qb.source,
                            a_segments: ra,
                            b_segments: rb,
                        };
                        Some((anchor, sa.min(sb)))
                    })
                    .max_by(|x, y| x.1.total_cmp(&y.1))
            }
        };
        best.filter(|(_, s)| *s >= MATCH_THRESHOLD).map(|(a, _)| a)
    }

    /// Where `note` belongs in this comparison, if anywhere.
    fn place(&self, note: &Note) -> Option<Anchor> {
        let placed = |best: Option<(Anchor, f32)>| best.filter(|(_, s)| *s >= MATCH_THRESHOLD);
        let best = match note.quotes.as_slice() {
            [q] => self.passage(q),
            // A link one side of which is gone (its sentence deleted): the note stays with
            // the passage left, which it spoke of too, rather than with none.
            [qa, qb] => placed(self.link(qa, qb)).or_else(|| {
                [self.passage(qa), self.passage(qb)]
                    .into_iter()
                    .flatten()
                    .max_by(|x, y| x.1.total_cmp(&y.1))
            }),
            _ => None,
        };
        placed(best).map(|(a, _)| a)
    }
}

impl Notes {
    /// Places every note on the passage or link of `cmp` whose text best matches its quote
    /// (normalised word similarity at least [`MATCH_THRESHOLD`], or [`IN_PLACE_THRESHOLD`]
    /// between the quote's two neighbours as they were); a note still on the same
    /// text stays. Notes that match nothing become detached; none is ever dropped. Detached
    /// notes are tried again too, so a later refresh can place them.
    ///
    /// `machine` is the comparison as the aligner built it: the corrections are placed on
    /// it first (a link marked wrong on the aligner's link its quotes match, a hand link on
    /// the passages they match), and the notes on it as corrected.
    pub fn reattach(&mut self, machine: &Comparison) -> Reattached {
        let mut report = Reattached::default();
        if !self.corrections.is_empty() {
            let index = Index::new(machine);
            for c in &mut self.corrections {
                if c.quotes.len() != 2 {
                    continue;
                }
                let unchanged = c.fits(machine)
                    && c.anchor
                        .as_ref()
                        .is_some_and(|a| same_text(&a.quotes(machine), &c.quotes));
                if unchanged {
                    // The same words; the neighbours kept follow the text as it is now.
                    if let Some(a) = &c.anchor {
                        c.quotes = a.quotes(machine);
                    }
                    continue;
                }
                c.anchor = index.place_correction(c);
                if let Some(a) = &c.anchor {
                    c.quotes = a.quotes(machine);
                }
                report.corrections_detached += usize::from(c.anchor.is_none());
            }
        }
        let cmp = &*self.shown(machine);
        let index = Index::new(cmp);
        for note in &mut self.notes {
            let unchanged = note
                .anchor
                .as_ref()
                .is_some_and(|a| a.check(cmp).is_ok() && same_text(&a.quotes(cmp), &note.quotes));
            if let Some(anchor) = note.anchor.as_ref().filter(|_| unchanged) {
                // The same words; the neighbours kept follow the text as it is now.
                note.quotes = anchor.quotes(cmp);
                report.kept.push(note.id);
                continue;
            }
            match index.place(note) {
                Some(anchor) => {
                    // The quote follows the text the note now stands on, so that the next
                    // refresh compares against what the reader last saw.
                    note.quotes = anchor.quotes(cmp);
                    note.anchor = Some(anchor);
                    report.moved.push(note.id);
                }
                None => {
                    note.anchor = None;
                    report.detached.push(note.id);
                }
            }
        }
        report
    }
}

/// True when the quotes taken now say what the quotes kept say, word for word.
fn same_text(now: &[Quote], was: &[Quote]) -> bool {
    now.iter()
        .zip(was)
        .all(|(now, was)| now.source == was.source && words(&now.text) == words(&was.text))
}
