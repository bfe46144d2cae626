//! Order as a soft prior: when two texts tell things in the same order (revisions,
//! simplifications), a pair close to their common path gets a bonus. Whether they do is
//! judged from the surest matches (anchors); the path itself is then traced by the best
//! monotone chain (see `Path::through`). When they do not (rewrites that reorder), nothing
//! changes.

use super::Params;
use super::score::Pair;

/// The texts' common path: points (i, first j, last j), i strictly increasing, j never
/// decreasing (a link of several passages of A repeats its range of B).
#[derive(Clone, Debug, Default)]
pub struct Path {
    points: Vec<(f32, f32, f32)>,
    /// Before the path's first point and after its last, a source may add a whole opening
    /// or ending: see `Params::open_end_width`.
    open_end_width: f32,
}

/// The passages a link covers on each side, first and last.
#[derive(Clone, Copy, Debug)]
pub struct Span2 {
    /// First and last passage of A.
    pub a: (usize, usize),
    /// First and last passage of B.
    pub b: (usize, usize),
}

/// The best partner of every passage of A and B among `pairs`: index into `pairs`.
pub fn best(
    pairs: &[Pair],
    na: usize,
    nb: usize,
    key: impl Fn(&Pair) -> f32,
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut ba: Vec<Option<usize>> = vec![None; na];
    let mut bb: Vec<Option<usize>> = vec![None; nb];
    for (k, p) in pairs.iter().enumerate() {
        if ba[p.i].is_none_or(|o| key(&pairs[o]) < key(p)) {
            ba[p.i] = Some(k);
        }
        if bb[p.j].is_none_or(|o| key(&pairs[o]) < key(p)) {
            bb[p.j] = Some(k);
        }
    }
    (ba, bb)
}

/// The ordered path of the two texts, if they follow one order.
pub fn path(pairs: &[Pair], na: usize, nb: usize, params: &Params) -> Option<Path> {
    let (ba, bb) = best(pairs, na, nb, |p| p.score);
    let mut anchors: Vec<(usize, usize)> = ba
        .iter()
        .flatten()
        .filter(|&&k| bb[pairs[k].j] == Some(k) && pairs[k].score >= params.anchor)
        .map(|&k| (pairs[k].i, pairs[k].j))
        .collect();
    anchors.sort_unstable();
    if anchors.len() < params.min_anchors {
        return None;
    }
    let lis = increasing(&anchors);
    if !ordered(lis.len(), anchors.len(), params.ordered_share) {
        return None;
    }
    let anchored: Vec<Span2> = lis
        .iter()
        .map(|&(i, j)| Span2 {
            a: (i, i),
            b: (j, j),
        })
        .collect();
    Path::through(&anchored, na, nb, params.open_end_width)
}

/// Whether `lis` of `n` anchors lying on one increasing path means the texts follow one
/// order. Half of them always does. Past that, the run must beat chance: in n points of a
/// random order the longest increasing run is about 2√n − 1.77·n^(1/6), with a spread of
/// about 0.9·n^(1/6) (Baik–Deift–Johansson), so 2√n sits two spreads above it. This
/// matters for long simplifications, where many anchors are noise but the true path still
/// holds twice what chance would give.
fn ordered(lis: usize, n: usize, share: f32) -> bool {
    let (lis, n) = (lis as f32, n as f32);
    lis >= share * n || lis >= 2.0 * n.sqrt()
}

/// Longest strictly increasing run of j (patience sorting), points sorted by i.
fn increasing(points: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; points.len()];
    for (k, &(_, j)) in points.iter().enumerate() {
        let at = tails.partition_point(|&t| points[t].1 < j);
        if at > 0 {
            prev[k] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        out.push(points[k]);
        cur = prev[k];
    }
    out.reverse();
    out
}

impl Path {
    /// The path through links in order on both sides (a monotone chain's, or single
    /// anchors): each passage of A in a link expects the link's passages of B. `None` for
    /// no links. `open_end_width`: see [`Params::open_end_width`].
    pub fn through(links: &[Span2], na: usize, nb: usize, open_end_width: f32) -> Option<Path> {
        if links.is_empty() {
            return None;
        }
        let mut points = vec![(-1.0, -1.0, -1.0)];
        for l in links {
            for i in l.a.0..=l.a.1 {
                points.push((i as f32, l.b.0 as f32, l.b.1 as f32));
            }
        }
        points.push((na as f32, nb as f32, nb as f32));
        Some(Path {
            points,
            open_end_width,
        })
    }

    /// Where the path expects A's passage `i` in B: a range of B positions (the segment of
    /// the path between the anchors around `i`).
    pub fn expected(&self, i: usize) -> (f32, f32) {
        let x = i as f32;
        let k = self.points.partition_point(|p| p.0 < x);
        if k < self.points.len() && self.points[k].0 == x {
            return (self.points[k].1, self.points[k].2);
        }
        let (lo, hi) = (
            self.points[k.saturating_sub(1)],
            self.points[k.min(self.points.len() - 1)],
        );
        (lo.2 + 1.0, (hi.1 - 1.0).max(lo.2 + 1.0))
    }

    /// Score `raw` of pair (i, j) with the order prior applied: a bonus on the path, a malus
    /// far from it (`Params::order_bonus`, `off_path`, `order_reach`).
    pub fn prior(&self, i: usize, j: usize, raw: f32, params: &Params) -> f32 {
        let c = self.closeness(i, j, params.order_reach);
        (raw * (1.0 - params.off_path * (1.0 - c)) + params.order_bonus * c).min(1.0)
    }

    /// Whether A's passage `i` lies before the path's first point or after its last.
    fn in_open_end(&self, i: usize) -> bool {
        let x = i as f32;
        let k = self.points.partition_point(|p| p.0 < x);
        let on_point = k < self.points.len() && self.points[k].0 == x;
        // points[0] and the last are the texts' two ends, not matches.
        !on_point && (k <= 1 || k + 1 >= self.points.len())
    }

    /// Closeness of (i, j) to the path in [0, 1]: 1 inside the expected range, falling to 0
    /// at `reach` passages away.
    pub fn closeness(&self, i: usize, j: usize, reach: f32) -> f32 {
        let (lo, hi) = self.expected(i);
        let y = j as f32;
        let d = if y < lo {
            lo - y
        } else if y > hi {
            y - hi
        } else {
            0.0
        };
        let near = (1.0 - d / reach).max(0.0);
        if self.in_open_end(i) {
            near * (self.open_end_width / (hi - lo + 1.0)).min(1.0)
        } else {
            near
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_run_skips_the_outlier() {
        let pts = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)];
        assert_eq!(increasing(&pts), vec![(0, 0), (2, 1), (3, 2), (4, 3)]);
    }

    /// A shuffled 0..n from a fixed-seed generator.
    fn shuffled(n: usize, mut seed: u64) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        for k in (1..n).rev() {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            v.swap(k, (seed >> 33) as usize % (k + 1));
        }
        v
    }

    #[test]
    fn chance_order_is_not_a_path_but_a_noisy_true_one_is() {
        for seed in 1..20 {
            // Anchors in random order: no path.
            let random: Vec<(usize, usize)> = shuffled(100, seed).into_iter().enumerate().collect();
            let lis = increasing(&random).len();
            assert!(
                !ordered(lis, random.len(), 0.5),
                "seed {seed}: {lis} of 100 by chance"
            );
            // A simplification: 35 of 100 anchors on the true path, the rest noise.
            let noise = shuffled(100, seed + 100);
            let mixed: Vec<(usize, usize)> = (0..100)
                .map(|i| {
                    (
                        i,
                        if i % 3 == 0 {
                            i * 10
                        } else {
                            noise[i] * 10 + 5
                        },
                    )
                })
                .collect();
            let lis = increasing(&mixed).len();
            assert!(
                ordered(lis, mixed.len(), 0.5),
                "seed {seed}: only {lis} of 100"
            );
        }
    }

    #[test]
    fn a_traced_path_expects_a_split_sentence_in_all_its_pieces() {
        let links = [
            Span2 {
                a: (0, 0),
                b: (0, 0),
            },
            Span2 {
                a: (1, 1),
                b: (1, 3),
            },
            Span2 {
                a: (3, 4),
                b: (5, 5),
            },
        ];
        let p = Path::through(&links, 8, 9, 3.0).unwrap();
        assert_eq!(p.expected(1), (1.0, 3.0));
        assert_eq!(p.closeness(1, 3, 3.0), 1.0);
        // A's passage 2 lies between two links: B's passage 4 between them.
        assert_eq!(p.expected(2), (4.0, 4.0));
        assert_eq!(p.expected(4), (5.0, 5.0));
        assert!(Path::through(&[], 8, 9, 3.0).is_none());
    }

    #[test]
    fn an_open_end_of_the_texts_gives_little_closeness() {
        let p = Path::through(
            &[Span2 {
                a: (0, 0),
                b: (0, 0),
            }],
            10,
            10,
            3.0,
        )
        .unwrap();
        // After the last link, A's passages 1..9 expect anything in B's 1..9.
        assert_eq!(p.expected(5), (1.0, 9.0));
        let c = p.closeness(5, 5, 3.0);
        assert!(c > 0.0 && c < 0.5, "{c}");
        assert_eq!(p.closeness(0, 0, 3.0), 1.0);
    }

    #[test]
    fn expected_range_lies_between_anchors() {
        let p = Path {
            points: vec![
                (-1.0, -1.0, -1.0),
                (2.0, 4.0, 4.0),
                (5.0, 10.0, 10.0),
                (8.0, 12.0, 12.0),
            ],
            open_end_width: 3.0,
        };
        assert_eq!(p.expected(2), (4.0, 4.0));
        assert_eq!(p.expected(3), (5.0, 9.0));
        assert!(p.closeness(3, 7, 2.0) == 1.0);
        assert!(p.closeness(3, 12, 2.0) == 0.0);
    }
}
