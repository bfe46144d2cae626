//! How claims grow from links without chaining.
//!
//! Passages of all sources are nodes and every link gives an edge between each passage of one
//! side and each of the other, weighed by the link's score. Edges are taken best first, and
//! each joins the two claims it touches only when the joined claim still holds together:
//!
//! - **it is small per source**: at most [`MOST_PER_SOURCE`] passages of one source, a
//!   sentence one outlet splits in two or three, not half an article;
//! - **no link points elsewhere**: a passage that the alignment of its source with another
//!   source in the claim links to some passage, links to one in the claim; otherwise that
//!   alignment says the claim's passage of that source is not its counterpart, and joining
//!   would chain two claims through a third source;
//! - **every passage is linked to the centre or to most of the rest**: the centre is the
//!   passage with the most (and strongest) links inside the claim; a passage linked to
//!   neither the centre (by a shown link, or as the centre's other half in one link) nor
//!   most passages of the other sources only hangs on by one neighbour, which is how one
//!   long passage that tells two things would merge them.
//!
//! A passage growing left in no claim then joins the claim a shown link ties it to, as a
//! member would be tied ([`adopt`]): what the pair view links, the matrix does not call
//! silent.
//!
//! Connected groups, which this replaces, chained across the whole story: on the four
//! bundled articles one claim held 9 + 6 + 10 + 8 passages and joined events seven years
//! apart.

// foldhash, not the std hasher: the keys are passage numbers, not text anyone can craft,
// and the maps are only looked up, never walked for a result (which stays independent of
// the hash seed).
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::super::Source;
use super::PairLinks;
use crate::ids::{SegmentId, SourceId};

/// Most passages of one source a claim holds.
pub const MOST_PER_SOURCE: usize = 3;

/// A claim as grown: its passages (source, passage, joined only by weak links) and its centre.
pub(super) struct Grown {
    /// Its passages, by source then passage.
    pub passages: Vec<(SourceId, SegmentId, bool)>,
    /// The passage at its centre (labels the claim).
    pub centre: (SourceId, SegmentId),
}

/// Every passage of every source numbered one source after the other.
struct Nodes {
    offsets: Vec<usize>,
    total: usize,
}

impl Nodes {
    fn new(sources: &[Source]) -> Nodes {
        let mut offsets = Vec::with_capacity(sources.len());
        let mut total = 0;
        for s in sources {
            offsets.push(total);
            total += s.segments.len();
        }
        Nodes { offsets, total }
    }

    fn id(&self, doc: SourceId, seg: SegmentId) -> usize {
        self.offsets[doc.0] + seg.0
    }

    fn place(&self, n: usize) -> (SourceId, SegmentId) {
        let doc = self.offsets.partition_point(|&o| o <= n) - 1;
        (SourceId(doc), SegmentId(n - self.offsets[doc]))
    }
}

/// The links as a graph: the score of each linked pair of passages, and per passage the
/// passages of each other source it is linked to.
struct Graph {
    score: HashMap<(usize, usize), f32>,
    possible: HashSet<(usize, usize)>,
    partners: HashMap<(usize, SourceId), Vec<usize>>,
    /// Each shown link as its two sides of passages, with its score.
    shown_links: Vec<(Vec<usize>, Vec<usize>, f32)>,
    /// Per passage, the shown links (indices into `shown_links`) that hold it.
    links_of: HashMap<usize, Vec<usize>>,
}

impl Graph {
    fn score(&self, x: usize, y: usize) -> Option<f32> {
        self.score.get(&(x.min(y), x.max(y))).copied()
    }

    /// True when a shown link (not only a possible one) joins `x` and `y`.
    fn shown(&self, x: usize, y: usize) -> bool {
        self.score(x, y).is_some() && !self.possible.contains(&(x.min(y), x.max(y)))
    }

    /// True when one shown link holds both `x` and `y`, passages of one source on one side
    /// (a sentence split in two that the other source tells in one): for the aligner they
    /// are one statement.
    fn sibling(&self, x: usize, y: usize) -> bool {
        let links = self.links_of.get(&x).into_iter().flatten();
        links.map(|&k| &self.shown_links[k]).any(|(a, b, _)| {
            (a.contains(&x) && a.contains(&y)) || (b.contains(&x) && b.contains(&y))
        })
    }
}

/// The claims of `sources` from the links of `pairs`: groups of two sources or more.
pub(super) fn grow(sources: &[Source], pairs: &[PairLinks]) -> Vec<Grown> {
    let nodes = Nodes::new(sources);
    let mut graph = Graph {
        score: HashMap::new(),
        possible: HashSet::new(),
        partners: HashMap::new(),
        shown_links: Vec::new(),
        links_of: HashMap::new(),
    };
    // (score, passage, passage, only possible)
    let mut edges: Vec<(f32, usize, usize, bool)> = Vec::new();
    for p in pairs {
        // A weak link may rest on a few shared words of one story: no evidence
        // that two passages tell the same thing. A possible link (the learned score's
        // pairs below the shown threshold) is weaker evidence than a shown link, whatever
        // its score: it joins after them, and a passage it alone joins is marked weak.
        let shown = p.alignment.links.iter().filter(|l| !l.is_weak());
        let links = shown
            .map(|l| (l, false))
            .chain(p.alignment.possible.iter().map(|l| (l, true)));
        for (l, possible) in links {
            if !possible {
                let side = |doc, ids: &[SegmentId]| -> Vec<usize> {
                    ids.iter().map(|&s| nodes.id(doc, s)).collect()
                };
                let k = graph.shown_links.len();
                let (a, b) = (side(p.a, &l.a), side(p.b, &l.b));
                for &n in a.iter().chain(&b) {
                    graph.links_of.entry(n).or_default().push(k);
                }
                graph.shown_links.push((a, b, l.score));
            }
            for &sa in &l.a {
                for &sb in &l.b {
                    let (x, y) = (nodes.id(p.a, sa), nodes.id(p.b, sb));
                    edges.push((l.score, x, y, possible));
                    graph.score.insert((x.min(y), x.max(y)), l.score);
                    if possible {
                        graph.possible.insert((x.min(y), x.max(y)));
                    }
                    graph.partners.entry((x, p.b)).or_default().push(y);
                    graph.partners.entry((y, p.a)).or_default().push(x);
                }
            }
        }
    }
    // Best first; ties in text order, so that the result does not depend on hashing.
    edges.sort_by(|x, y| {
        (x.3, -x.0, x.1, x.2)
            .partial_cmp(&(y.3, -y.0, y.1, y.2))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut claim_of: Vec<usize> = (0..nodes.total).collect();
    let mut members: Vec<Vec<usize>> = (0..nodes.total).map(|n| vec![n]).collect();
    for &(_, x, y, _) in &edges {
        let (cx, cy) = (claim_of[x], claim_of[y]);
        if cx == cy {
            continue;
        }
        let mut joined = members[cx].clone();
        joined.extend(&members[cy]);
        if !holds(&joined, &nodes, &graph) {
            continue;
        }
        let (keep, gone) = (cx.min(cy), cx.max(cy));
        for &n in &members[gone] {
            claim_of[n] = keep;
        }
        members[keep] = joined;
        members[gone] = Vec::new();
    }
    adopt(&mut members, &mut claim_of, &nodes, &graph);
    members
        .into_iter()
        .filter(|m| {
            // Merged-away groups are empty; a lone passage is no claim.
            let Some(&first) = m.first() else {
                return false;
            };
            let first = nodes.place(first).0;
            m.iter().any(|&n| nodes.place(n).0 != first)
        })
        .map(|mut m| {
            m.sort_unstable();
            let centre = nodes.place(centre(&m, &graph));
            let passages = m
                .iter()
                .map(|&n| {
                    let (doc, seg) = nodes.place(n);
                    (doc, seg, !m.iter().any(|&o| graph.shown(n, o)))
                })
                .collect();
            Grown { passages, centre }
        })
        .collect()
}

/// Passages left in no claim (alone, or among passages only possible links join) that a
/// shown link ties to a claim as a member must be tied: to its centre (or a passage with as
/// many shown links inside it: both ends of a claim of one link are its centre), or to most
/// of its passages. Only a link whose other side lies wholly in one claim counts: one that
/// also holds passages outside it (a headline and lead told as one) ties its whole side, not
/// the claim.
///
/// Growing left them out because the alignment of their source with a third source pairs
/// another passage. Yet the pair view shows the link, and a matrix that left them out would
/// mark their source as silent beside a link the reader believes, and drop the fact it flags.
/// Each joins one claim, the one its best link ties it to, and only a claim its source does
/// not state already; at most [`MOST_PER_SOURCE`] of a source, the best linked first. Every
/// passage stays in one claim at most, and the claims are read as grown, so nothing chains
/// through a passage that joined.
fn adopt(members: &mut [Vec<usize>], claim_of: &mut [usize], nodes: &Nodes, graph: &Graph) {
    let src = |n: usize| nodes.place(n).0;
    let shown_in = |n: usize, m: &[usize]| m.iter().filter(|&&o| graph.shown(n, o)).count();
    let firm = |m: &[usize]| m.iter().any(|&n| shown_in(n, m) > 0);
    // (score, passage, claim), decided on the claims as grown.
    let mut joins: Vec<(f32, usize, usize)> = Vec::new();
    for n in 0..nodes.total {
        if firm(&members[claim_of[n]]) {
            continue;
        }
        // Per claim its links tie `n` to: the best score and the passages reached.
        let mut ties: Vec<(usize, f32, Vec<usize>)> = Vec::new();
        for &k in graph.links_of.get(&n).into_iter().flatten() {
            let (a, b, score) = &graph.shown_links[k];
            let other = if a.contains(&n) { b } else { a };
            let claim = claim_of[other[0]];
            let m = &members[claim];
            let states = |o: &usize| src(*o) == src(n) && shown_in(*o, m) > 0;
            if other.iter().any(|&o| claim_of[o] != claim) || !firm(m) || m.iter().any(states) {
                continue;
            }
            match ties.iter_mut().find(|t| t.0 == claim) {
                Some(t) => {
                    t.1 = t.1.max(*score);
                    t.2.extend(other);
                }
                None => ties.push((claim, *score, other.clone())),
            }
        }
        let tied = |(claim, _, reached): &&(usize, f32, Vec<usize>)| {
            let m = &members[*claim];
            let mut reached = reached.clone();
            reached.sort_unstable();
            reached.dedup();
            let most = m.iter().map(|&o| shown_in(o, m)).max().unwrap_or(0);
            let central = |o: &usize| shown_in(*o, m) == most;
            reached.iter().any(central) || 2 * reached.len() > m.len()
        };
        let best = ties
            .iter()
            .filter(|t| tied(t))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some(&(claim, score, _)) = best {
            joins.push((score, n, claim));
        }
    }
    joins.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, n, claim) in joins {
        let of_source = members[claim].iter().filter(|&&o| src(o) == src(n)).count();
        if of_source >= MOST_PER_SOURCE {
            continue;
        }
        let left = claim_of[n];
        members[left].retain(|&o| o != n);
        members[claim].push(n);
        claim_of[n] = claim;
    }
}

/// The passage of `claim` with the most links inside it, the strongest on a tie.
fn centre(claim: &[usize], graph: &Graph) -> usize {
    let weight = |n: usize| {
        let mut count = 0;
        let sum: f32 = (claim.iter().filter_map(|&o| graph.score(n, o)))
            .inspect(|_| count += 1)
            .sum();
        (count, sum)
    };
    *claim
        .iter()
        .max_by(|&&x, &&y| {
            let (wx, wy) = (weight(x), weight(y));
            wx.0.cmp(&wy.0).then(wx.1.total_cmp(&wy.1)).then(y.cmp(&x))
        })
        .expect("a claim holds passages")
}

/// True when `claim` holds together (see the module's notes).
fn holds(claim: &[usize], nodes: &Nodes, graph: &Graph) -> bool {
    let src = |n: usize| nodes.place(n).0;
    // A claim holds a few passages of a few sources: a list beats a map.
    let mut per_source: Vec<(SourceId, usize)> = Vec::new();
    for &n in claim {
        let s = src(n);
        let c = match per_source.iter_mut().find(|(x, _)| *x == s) {
            Some((_, c)) => c,
            None => {
                per_source.push((s, 0));
                &mut per_source.last_mut().expect("just pushed").1
            }
        };
        *c += 1;
        if *c > MOST_PER_SOURCE {
            return false;
        }
    }
    for &n in claim {
        for other in per_source.iter().map(|&(s, _)| s).filter(|&s| s != src(n)) {
            if let Some(ps) = graph.partners.get(&(n, other))
                && !ps.iter().any(|p| claim.contains(p))
            {
                return false;
            }
        }
    }
    let centre = centre(claim, graph);
    claim.iter().all(|&n| {
        if n == centre || graph.shown(n, centre) || graph.sibling(n, centre) {
            return true;
        }
        // Not linked to the centre by a shown link: linked to most of the rest, or it only
        // hangs on by one neighbour (a possible link to the centre is not enough: on the
        // bundled articles one joined a 2019 passage to a 2026 claim).
        let others = claim.iter().filter(|&&o| src(o) != src(n));
        let (count, linked) = others.fold((0, 0), |(k, l), &o| {
            (k + 1, l + usize::from(graph.score(n, o).is_some()))
        });
        2 * linked > count
    })
}
