//! For texts told in one order (revisions, plain-language versions): the best monotone
//! chain of links, found by dynamic programming over a band around the order path, as
//! Gale-Church and BERTalign do. Steps are 1:1, 1:2, 2:1, 1:3, 3:1 and 2:2 links and
//! skips (a passage one side adds); a step earns what its score stands above the bar a link
//! must clear, so the chain links every passage that pays and splits or merges passages
//! only when the merged text matches better than the single one.

use std::collections::HashMap;

use super::fuzzy::Aliases;
use super::group::Group;
use super::order::Path;
use super::profile::{Profile, Profiles};
use super::score::{self, Pair};

/// Inputs this small (cells of the DP) are searched whole rather than in a band.
const FULL_BAND: usize = 40_000;
/// Largest band (cells of the DP) worth searching; larger inputs keep best-partner links.
const MAX_CELLS: usize = 6_000_000;
/// What a merged step (1:2 and the like) costs per extra passage: a merge must match
/// clearly better than the single passage it extends.
const MERGE_COST: f32 = 0.02;
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
/// Above this many cells only the steps of up to three passages are tried: the long
/// merges cost a profile union each.
const LONG_STEPS_CELLS: usize = 400_000;

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

/// The monotone chain of links for ordered texts, or `None` when the band is too large.
///
/// `pairs` carry the scores the chain weighs (with the order prior, or without it when the
/// chain only traces the path); `bar(p)` is the score a pair must reach to link;
/// `adjust(i, j, raw)` applies the same prior (or none) to a merged score.
/// Without `merges` only 1:1 steps are taken: enough to trace where the story goes, at a
/// fraction of the cost (each merge scores a union of profiles).
#[allow(clippy::too_many_arguments)]
pub fn chain(
    prof: &Profiles,
    aliases: &Aliases,
    pairs: &[Pair],
    path: &Path,
    reach: f32,
    bar: &dyn Fn(&Pair) -> f32,
    adjust: &dyn Fn(usize, usize, f32) -> f32,
    merges: bool,
) -> Option<Vec<Group>> {
    let (na, nb) = (prof.a.len(), prof.b.len());
    if na == 0 || nb == 0 {
        return Some(Vec::new());
    }
    let band = if (na + 1) * (nb + 1) <= FULL_BAND {
        Band::full(na, nb)
    } else {
        Band::new(path, na, nb, reach)
    };
    if band.cells() > MAX_CELLS {
        return None;
    }
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
        let steps = if !merges {
            &STEPS[..1]
        } else if band.cells() > LONG_STEPS_CELLS {
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
                    let raw = score::profile_score(&pa, &pb, aliases);
                    let s = adjust(r - da, c - db, raw).max(adjust(r - 1, c - 1, raw));
                    let bar_mean =
                        parts.iter().map(|&k| bar(&pairs[k])).sum::<f32>() / parts.len() as f32;
                    s - bar_mean - MERGE_COST * (da + db - 2) as f32
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
