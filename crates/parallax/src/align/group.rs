//! From scored pairs to links: every passage points at its best partner when the match is
//! good enough (and at near-ties of it), and the passages joined this way form one link.
//! A sentence split in two is the best partner of both halves, so it becomes a 1:2 link;
//! a passage no one matches well stays unlinked and is reported as added.

use super::Params;
use super::order::best;
use super::score::Pair;

/// The `competitors + 1` best scores of each passage, best first.
fn tops(
    pairs: &[Pair],
    n: usize,
    competitors: usize,
    side: impl Fn(&Pair) -> usize,
) -> Vec<Vec<f32>> {
    let mut out: Vec<Vec<f32>> = vec![Vec::new(); n];
    for p in pairs {
        let v = &mut out[side(p)];
        let at = v.partition_point(|&x| x >= p.plain);
        if at <= competitors {
            v.insert(at, p.plain);
            v.truncate(competitors + 1);
        }
    }
    out
}

/// The background a pair's score is judged against: what its two passages score against
/// other passages of the documents (an estimate of how much unrelated passages of this
/// story share), shrunk towards a prior when there are few of them. In one document every
/// sentence names the same people, so a match must stand out from that; two one-line
/// inputs have no other passages, so the prior alone sets the bar.
fn background(top_i: &[f32], top_j: &[f32], s: f32, params: &Params) -> f32 {
    let mut sum = params.prior_weight * params.prior_background;
    let mut n = params.prior_weight;
    for top in [top_i, top_j] {
        let mut skipped = false;
        for &x in top.iter().take(params.competitors + 1) {
            if !skipped && x == s {
                skipped = true;
                continue;
            }
            sum += x;
            n += 1.0;
        }
    }
    sum / n
}

/// Union-find over A's passages (0..na) and B's (na..na+nb), with each set's size per side.
struct Sets {
    up: Vec<usize>,
    size: Vec<(usize, usize)>,
}

impl Sets {
    fn new(na: usize, nb: usize) -> Sets {
        Sets {
            up: (0..na + nb).collect(),
            size: (0..na + nb)
                .map(|x| if x < na { (1, 0) } else { (0, 1) })
                .collect(),
        }
    }
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.up[r] != r {
            r = self.up[r];
        }
        let mut x = x;
        while self.up[x] != r {
            let n = self.up[x];
            self.up[x] = r;
            x = n;
        }
        r
    }
    /// Joins the sets of `a` and `b` unless that makes an n:m group and `strong` is false.
    fn join(&mut self, a: usize, b: usize, strong: bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let (sa, sb) = (self.size[ra], self.size[rb]);
        let merged = (sa.0 + sb.0, sa.1 + sb.1);
        if merged.0 > 1 && merged.1 > 1 && !strong {
            return false;
        }
        self.up[ra] = rb;
        self.size[rb] = merged;
        true
    }
}

/// A group of linked passages and the pairs that joined them.
#[derive(Clone, Debug, Default)]
pub struct Group {
    /// Passages of A, ascending.
    pub a: Vec<usize>,
    /// Passages of B, ascending.
    pub b: Vec<usize>,
    /// The joining pairs.
    pub edges: Vec<Pair>,
}

/// The score each pair must reach to link: its background plus a margin, and the floor.
pub struct Bar<'a> {
    comp_a: Vec<Vec<f32>>,
    comp_b: Vec<Vec<f32>>,
    params: &'a Params,
}

impl Bar<'_> {
    /// The bar for `pairs` (scores already final).
    pub fn new<'a>(pairs: &[Pair], na: usize, nb: usize, params: &'a Params) -> Bar<'a> {
        Bar {
            comp_a: tops(pairs, na, params.competitors, |p| p.i),
            comp_b: tops(pairs, nb, params.competitors, |p| p.j),
            params,
        }
    }
    /// The score `p` must reach.
    pub fn of(&self, p: &Pair) -> f32 {
        let bg = background(&self.comp_a[p.i], &self.comp_b[p.j], p.plain, self.params);
        (bg + self.params.margin).max(self.params.floor)
    }
}

/// The links among `pairs` (scores already final).
pub fn groups(pairs: &[Pair], na: usize, nb: usize, params: &Params) -> Vec<Group> {
    let (ba, bb) = best(pairs, na, nb, |p| p.score);
    let top_a: Vec<f32> = ba
        .iter()
        .map(|k| k.map_or(0.0, |k| pairs[k].score))
        .collect();
    let top_b: Vec<f32> = bb
        .iter()
        .map(|k| k.map_or(0.0, |k| pairs[k].score))
        .collect();
    let bar = Bar::new(pairs, na, nb, params);
    let near_tie = params.near_tie;
    let mut sets = Sets::new(na, nb);
    let mut edges: Vec<Pair> = Vec::new();
    // Best (or nearly) for one of its passages, and not far below what the other passage
    // has elsewhere: a sentence split in two keeps both halves, a stray sentence that
    // merely points at someone else's partner does not join. None of these tests (nor the
    // bar) depends on the order the pairs are joined in, so only the few pairs that pass
    // are sorted (two articles of 200 passages make 40,000 pairs).
    let may_join = |p: &Pair| {
        let near_best = p.score >= near_tie * top_a[p.i] || p.score >= near_tie * top_b[p.j];
        let not_outdone = p.score >= params.outdone * top_a[p.i].max(top_b[p.j]);
        near_best && not_outdone && p.score >= bar.of(p)
    };
    let mut order: Vec<&Pair> = pairs.iter().filter(|p| may_join(p)).collect();
    order.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.i, x.j).cmp(&(y.i, y.j)))
    });
    let nm = params.many_to_many;
    for p in order {
        if sets.join(p.i, na + p.j, p.score >= nm) {
            edges.push(*p);
        }
    }
    let mut by_root: std::collections::HashMap<usize, Group> = std::collections::HashMap::new();
    for e in edges {
        let r = sets.find(e.i);
        by_root.entry(r).or_default().edges.push(e);
    }
    let mut out: Vec<Group> = by_root
        .into_values()
        .map(|mut g| {
            g.a = g.edges.iter().map(|e| e.i).collect();
            g.b = g.edges.iter().map(|e| e.j).collect();
            for v in [&mut g.a, &mut g.b] {
                v.sort_unstable();
                v.dedup();
            }
            g
        })
        .collect();
    out.sort_by_key(|g| (g.a[0], g.b[0]));
    out
}
