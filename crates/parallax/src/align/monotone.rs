//! For texts told in one order (revisions, plain-language versions): the best monotone
//! chain of links, found by dynamic programming over a band around the order path, as
//! Gale-Church and BERTalign do. Steps are 1:1, 1:2, 2:1, 1:3, 3:1 and 2:2 links and
//! skips (a passage one side adds); a step earns what its score stands above the bar a link
//! must clear, so the chain links every passage that pays and splits or merges passages
//! only when the merged text matches better than the single one.

use std::collections::HashMap;

use super::Ctx;
use super::group::{Bar, Group};
use super::order::Path;
use super::profile::Profile;
use super::score::{self, Pair};

/// Steps: passages of A and of B one step links.
const STEPS: [(usize, usize); 10] = [
    (1, 1),
    (1, 2),
    (2, 1),
    (1, 3),
    (3, 1),
    (2, 2),
    (1, 4),
    (4, 1),
    (1, 5),
    (1, 6),
];
/// The band row `r` (passages of A consumed) covers: B counts `lo..=hi`.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    start: Vec<usize>,
}

impl Band {
    fn new(path: &Path, na: usize, nb: usize, reach: f32) -> Band {
        let mut lo = vec![0usize; na + 1];
        let mut hi = vec![0usize; na + 1];
        for r in 0..=na {
            let (l, h) = path.expected(r.min(na.saturating_sub(1)));
            lo[r] = (l - reach).max(0.0) as usize;
            hi[r] = (((h + reach).max(0.0) as usize) + 1).min(nb);
        }
        lo[0] = 0;
        for r in 1..=na {
            lo[r] = lo[r].max(lo[r - 1]);
            hi[r] = hi[r].max(hi[r - 1]);
        }
        hi[na] = nb;
        for r in 1..=na {
            lo[r] = lo[r].min(hi[r - 1]);
        }
        Band::of_rows(lo, hi)
    }
    /// The band whose row `r` covers `lo[r]..=hi[r]`.
    fn of_rows(lo: Vec<usize>, hi: Vec<usize>) -> Band {
        let mut start = Vec::with_capacity(lo.len() + 1);
        let mut at = 0;
        for (l, h) in lo.iter().zip(&hi) {
            start.push(at);
            at += h - l + 1;
        }
        start.push(at);
        Band { lo, hi, start }
    }
    /// Every cell: for inputs small enough to search whole, where a path traced by a few
    /// anchors could lead the band astray (a story retold in many more, shorter sentences
    /// repeats its names everywhere, and some anchors land on the wrong repetition).
    fn full(na: usize, nb: usize) -> Band {
        Band::of_rows(vec![0; na + 1], vec![nb; na + 1])
    }
    fn cells(&self) -> usize {
        *self.start.last().unwrap_or(&0)
    }
    fn at(&self, r: usize, c: usize) -> Option<usize> {
        (c >= self.lo[r] && c <= self.hi[r]).then(|| self.start[r] + c - self.lo[r])
    }
}

/// What the chain is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Trace where the story goes, on scores without the order prior: 1:1 steps only, at a
    /// fraction of the cost (each merge scores a union of profiles).
    Trace,
    /// The links themselves, on scores with the order prior along `path`: merged steps
    /// (1:2, 2:1, …) too, their scores with the same prior.
    Link,
}

/// The monotone chain of links for ordered texts, or `None` when the band is too large.
/// A pair must reach its [`Bar`] among `pairs` to be a step.
pub fn chain(ctx: &Ctx<'_>, pairs: &[Pair], path: &Path, mode: Mode) -> Option<Vec<Group>> {
    let (prof, params) = (ctx.prof, ctx.params);
    let (na, nb) = (prof.a.len(), prof.b.len());
    if na == 0 || nb == 0 {
        return Some(Vec::new());
    }
    let band = if (na + 1) * (nb + 1) <= params.full_band {
        Band::full(na, nb)
    } else {
        Band::new(path, na, nb, params.order_reach)
    };
    if band.cells() > params.max_cells {
        return None;
    }
    let bar = Bar::new(pairs, na, nb, params);
    let bar = |p: &Pair| bar.of(p);
    let adjust = |i: usize, j: usize, raw: f32| match mode {
        Mode::Trace => raw,
        Mode::Link => path.prior(i, j, raw, params),
    };
    let at: HashMap<(usize, usize), usize> = pairs
        .iter()
        .enumerate()
        .map(|(k, p)| ((p.i, p.j), k))
        .collect();
    let gain_of = |k: usize| pairs[k].score - bar(&pairs[k]);
    let mut best = vec![f32::NEG_INFINITY; band.cells()];
    // Back pointer: the step taken into a cell (0 = skip A, 1 = skip B, 2.. = STEPS).
    let mut back = vec![0u8; band.cells()];
    for r in 0..=na {
        let steps = if mode == Mode::Trace {
            &STEPS[..1]
        } else if band.cells() > params.long_steps_cells {
            &STEPS[..6]
        } else {
            &STEPS[..]
        };
        for c in band.lo[r]..=band.hi[r] {
            let here = band.start[r] + c - band.lo[r];
            if r == 0 && c == 0 {
                best[here] = 0.0;
                continue;
            }
            let mut top = f32::NEG_INFINITY;
            let mut step = 0u8;
            if r > 0
                && let Some(k) = band.at(r - 1, c)
                && best[k] > top
            {
                top = best[k];
                step = 0;
            }
            if c > 0
                && let Some(k) = band.at(r, c - 1)
                && best[k] > top
            {
                top = best[k];
                step = 1;
            }
            for (s, &(da, db)) in steps.iter().enumerate() {
                if r < da || c < db {
                    continue;
                }
                let Some(prev) = band.at(r - da, c - db) else {
                    continue;
                };
                if best[prev] == f32::NEG_INFINITY {
                    continue;
                }
                let g = if (da, db) == (1, 1) {
                    match at.get(&(r - 1, c - 1)) {
                        Some(&k) => gain_of(k),
                        None => continue,
                    }
                } else {
                    // A merge is worth scoring only when its parts already share something.
                    let parts: Vec<usize> = (r - da..r)
                        .flat_map(|i| (c - db..c).map(move |j| (i, j)))
                        .filter_map(|ij| at.get(&ij).copied())
                        .collect();
                    if parts.is_empty() || parts.iter().all(|&k| gain_of(k) < -0.1) {
                        continue;
                    }
                    let pa = Profile::merged(&prof.a[r - da..r]);
                    let pb = Profile::merged(&prof.b[c - db..c]);
                    let raw = score::profile_score(ctx, &pa, &pb);
                    let s = adjust(r - da, c - db, raw).max(adjust(r - 1, c - 1, raw));
                    let bar_mean =
                        parts.iter().map(|&k| bar(&pairs[k])).sum::<f32>() / parts.len() as f32;
                    s - bar_mean - params.merge_cost * (da + db - 2) as f32
                };
                if g > 0.0 && best[prev] + g > top {
                    top = best[prev] + g;
                    step = 2 + s as u8;
                }
            }
            best[here] = top;
            back[here] = step;
        }
    }
    let mut groups = Vec::new();
    let (mut r, mut c) = (na, nb);
    while r > 0 || c > 0 {
        let Some(k) = band.at(r, c) else { break };
        match back[k] {
            0 => r -= 1,
            1 => c -= 1,
            s => {
                let (da, db) = STEPS[(s - 2) as usize];
                let edges: Vec<Pair> = (r - da..r)
                    .flat_map(|i| (c - db..c).map(move |j| (i, j)))
                    .filter_map(|ij| at.get(&ij).map(|&k| pairs[k]))
                    .collect();
                groups.push(Group {
                    a: (r - da..r).collect(),
                    b: (c - db..c).collect(),
                    edges,
                });
                r -= da;
                c -= db;
            }
        }
    }
    groups.reverse();
    Some(groups)
}
