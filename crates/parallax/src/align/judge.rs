//! The learned link score: every link the aligner proposes, and every pair the sentence
//! encoder finds close that it did not, is described by a few numbers ([`FEATURES`]) and
//! given a probability of being right by a logistic regression trained on hand-labelled news
//! pairs (`tools/train-link-model`, weights in `assets/link-model.json`). Links are then
//! chosen best first, each passage in one link, down to [`LinkModel::min_score`].
//!
//! Why a learned score: the hand-set weights before it were tuned on three sample pairs and
//! took order and one or two common words for evidence on news they had never seen (link
//! precision .64). A regression over the same evidence plus the encoder's cosine and its
//! rank weighs each by how much it told apart right and wrong links on other pairs, and its
//! output means what it says: on pairs it had not seen, of the candidates scored .6 to .8,
//! 66% were right (70% predicted); of those scored .8 to 1, 94% (93% predicted).

use serde::{Deserialize, Serialize};

use super::Ctx;
use super::choose::compact;
use super::group::Group;
use super::order::Path;
use super::score;
use crate::encoder::{self, Vector};

/// The names of the features, in the order of a model's weights (the first is the bias).
pub const FEATURES: [&str; 20] = [
    "bias",
    "score",
    "lex",
    "cont",
    "chosen",
    "on_path",
    "on_trusted_path",
    "order_trust",
    "shared_terms",
    "len_ratio",
    "extra_passages",
    "words_rank",
    "lead",
    "cos",
    "cos_rank",
    "cos_margin",
    "cos_above_doc",
    "doc_sim",
    "cos_sq",
    "cos_lex",
];

/// Index of the first feature that needs the encoder: the fast model has no weight from it on.
const FIRST_MEANING: usize = 13;

/// The shipped weights: `tools/train-link-model` writes them.
const SHIPPED: &str = include_str!("../../../../assets/link-model.json");

/// The link score's weights: one model with the encoder's features, one without (`--fast`,
/// non-English text), and the probability a link must reach to be shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkModel {
    /// Weights over [`FEATURES`] when sentence vectors are at hand; empty: keep the
    /// aligner's own choice.
    pub meaning: Vec<f32>,
    /// Weights over the features before `cos` (the rest count as 0); empty: keep the
    /// aligner's own choice.
    pub fast: Vec<f32>,
    /// Links below this probability are not shown.
    pub min_score: f32,
}

impl Default for LinkModel {
    fn default() -> LinkModel {
        serde_json::from_str(SHIPPED).expect("assets/link-model.json is a LinkModel")
    }
}

impl LinkModel {
    /// A model without weights: the aligner's own choice of links stands, as it did before
    /// the learned score (what a comparison saved then was built with).
    pub fn none() -> LinkModel {
        LinkModel {
            meaning: Vec::new(),
            fast: Vec::new(),
            min_score: 0.0,
        }
    }

    /// True when the model has weights for a pair with (or without) sentence vectors: the
    /// judge then chooses the links.
    pub fn judges(&self, meaning: bool) -> bool {
        self.weights(meaning).is_some()
    }

    /// The weights for a pair with or without sentence vectors, if the model has any.
    fn weights(&self, meaning: bool) -> Option<&[f32]> {
        let w = if meaning { &self.meaning } else { &self.fast };
        (w.len()
            == if meaning {
                FEATURES.len()
            } else {
                FIRST_MEANING
            })
        .then_some(w)
    }

    /// The probability the model gives a link with `features`.
    fn probability(weights: &[f32], features: &[f32]) -> f32 {
        let z: f32 = weights.iter().zip(features).map(|(w, x)| w * x).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// A pair of passage runs the judge weighs: one of the aligner's groups or a close pair the
/// encoder found.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The group (its passages and joining pairs).
    pub group: Group,
    /// Its features, in [`FEATURES`] order.
    pub features: Vec<f32>,
    /// The model's probability that it is right (0 when the model has no weights).
    pub probability: f32,
    /// One passage a side, given word for word ([`super::verbatim`]): the same words are
    /// the same claim, so it is shown whatever minimum score the user asks for; else a
    /// sentence both sources give would be listed as one side's alone.
    pub word_for_word: bool,
}

/// What the judge reads besides the groups.
pub struct Evidence<'a> {
    /// The path the texts' order follows, if any.
    pub path: Option<&'a Path>,
    /// Sentence vectors of A's and B's passages, when both were encoded.
    pub vectors: Option<(&'a [Vector], &'a [Vector])>,
    /// The pairs of passages the aligner scored by their words.
    pub scored: &'a [score::Pair],
    /// The pairs of passages with the same words ([`super::verbatim`]).
    pub verbatim: &'a [(usize, usize)],
}

/// The word overlap ([`score::Pair::lex`]) of the pairs the aligner scored, by row (A's
/// passage) and column (B's), for a pair's rank among its competitors.
struct WordRanks {
    rows: Vec<Vec<f32>>,
    cols: Vec<Vec<f32>>,
}

impl WordRanks {
    fn new(scored: &[score::Pair], (na, nb): (usize, usize)) -> WordRanks {
        let (mut rows, mut cols) = (vec![Vec::new(); na], vec![Vec::new(); nb]);
        for p in scored {
            rows[p.i].push(p.lex);
            cols[p.j].push(p.lex);
        }
        WordRanks { rows, cols }
    }

    /// How many pairs of `i`'s row or `j`'s column share more words than `lex`: 0 when
    /// each passage is the other's best match by words.
    fn rank(&self, i: usize, j: usize, lex: f32) -> usize {
        let above = |v: &Vec<f32>| v.iter().filter(|&&x| x > lex).count();
        above(&self.rows[i]).max(above(&self.cols[j]))
    }
}

/// Cosines of every passage of A with every passage of B that the encoder read, and what
/// each row and column holds at best. A passage it left out (its zero vector, see
/// [`crate::align::Side::vectors`]) has no cosine with anything: [`Cosines::get`] is NaN,
/// which no comparison counts. Only the passages read take room, so a long source of which
/// a few passages were read costs a small matrix.
struct Cosines {
    /// The row of each passage of A in `cos`, if the encoder read it.
    row_of: Vec<Option<usize>>,
    /// The column of each passage of B in `cos`, if the encoder read it.
    col_of: Vec<Option<usize>>,
    /// The passages of A and of B that the rows and columns stand for.
    read: (Vec<usize>, Vec<usize>),
    cos: Vec<Vec<f32>>,
    doc_sim: f32,
}

impl Cosines {
    fn new(va: &[Vector], vb: &[Vector]) -> Cosines {
        let read = |v: &[Vector]| -> Vec<usize> {
            (0..v.len()).filter(|&k| encoder::was_read(&v[k])).collect()
        };
        let index = |n: usize, ids: &[usize]| {
            let mut of = vec![None; n];
            for (k, &id) in ids.iter().enumerate() {
                of[id] = Some(k);
            }
            of
        };
        let (ra, rb) = (read(va), read(vb));
        let cos = encoder::cosines(
            &ra.iter().map(|&i| &va[i]).collect::<Vec<_>>(),
            &rb.iter().map(|&j| &vb[j]).collect::<Vec<_>>(),
        );
        // The mean of each read passage's best cosine (from 0 up).
        let bests: Vec<f32> = cos
            .iter()
            .filter_map(|row| row.iter().copied().reduce(f32::max).map(|x| x.max(0.0)))
            .collect();
        let doc_sim = if bests.is_empty() {
            0.0
        } else {
            bests.iter().sum::<f32>() / bests.len() as f32
        };
        Cosines {
            row_of: index(va.len(), &ra),
            col_of: index(vb.len(), &rb),
            read: (ra, rb),
            cos,
            doc_sim,
        }
    }

    /// The cosine of passages `i` of A and `j` of B; NaN unless the encoder read both.
    fn get(&self, i: usize, j: usize) -> f32 {
        match (self.row_of[i], self.col_of[j]) {
            (Some(r), Some(c)) => self.cos[r][c],
            _ => f32::NAN,
        }
    }

    /// Every pair the encoder read both passages of, with its cosine.
    fn pairs(&self) -> impl Iterator<Item = (usize, usize, f32)> + '_ {
        self.cos
            .iter()
            .zip(&self.read.0)
            .flat_map(move |(row, &i)| row.iter().zip(&self.read.1).map(move |(&x, &j)| (i, j, x)))
    }

    /// How many passages of B are closer to `i` than `j` is, and of A closer to `j` than
    /// `i` is: 0 when each is the other's nearest. For a pair the encoder read.
    fn rank(&self, i: usize, j: usize) -> usize {
        let (Some(r), Some(k)) = (self.row_of[i], self.col_of[j]) else {
            return usize::MAX;
        };
        let c = self.cos[r][k];
        let row = self.cos[r].iter().filter(|&&x| x > c).count();
        let col = self.cos.iter().filter(|row| row[k] > c).count();
        row.max(col)
    }

    /// How far (i, j) stands above the best other pair of its row and column. For a pair
    /// the encoder read.
    fn margin(&self, i: usize, j: usize) -> f32 {
        let (Some(r), Some(k)) = (self.row_of[i], self.col_of[j]) else {
            return 0.0;
        };
        let c = self.cos[r][k];
        let row = (0..self.cos[r].len())
            .filter(|&x| x != k)
            .map(|x| self.cos[r][x]);
        let col = (0..self.cos.len())
            .filter(|&x| x != r)
            .map(|x| self.cos[x][k]);
        c - row.chain(col).fold(0.0f32, f32::max)
    }
}

/// Cosines below this do not make a candidate of their own: MiniLM puts unrelated news
/// sentences of one story at .3–.5.
const ENCODER_FLOOR: f32 = 0.4;

/// A pair makes a candidate when each passage has at most this many closer partners: a
/// reworded claim is often second to a sentence that shares its topic.
const ENCODER_RANK: usize = 1;

/// Words alone make a candidate from this score up.
const WORDS_FLOOR: f32 = 0.1;

/// For each passage of A and of B, its best-scoring partner by words (at least
/// [`WORDS_FLOOR`]).
fn best_by_words(scored: &[score::Pair], na: usize, nb: usize) -> Vec<(usize, usize)> {
    let mut row: Vec<Option<&score::Pair>> = vec![None; na];
    let mut col: Vec<Option<&score::Pair>> = vec![None; nb];
    for p in scored.iter().filter(|p| p.score >= WORDS_FLOOR) {
        if row[p.i].is_none_or(|q| p.score > q.score) {
            row[p.i] = Some(p);
        }
        if col[p.j].is_none_or(|q| p.score > q.score) {
            col[p.j] = Some(p);
        }
    }
    let mut out: Vec<(usize, usize)> = row
        .iter()
        .chain(&col)
        .flatten()
        .map(|p| (p.i, p.j))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The aligner's `groups` and the encoder's own close pairs, each with its features and
/// probability, best first.
pub fn candidates(
    ctx: &Ctx<'_>,
    groups: &[Group],
    evidence: &Evidence<'_>,
    lengths: (&[usize], &[usize]),
) -> Vec<Candidate> {
    let weigher = Weigher::new(ctx, groups, evidence, lengths);
    let mut covered = std::collections::HashSet::new();
    let mut out: Vec<(Group, bool)> = Vec::new();
    for g in groups {
        if !compact(g) {
            // Scattered: each of its pairs is weighed alone (and may merge back).
            for e in &g.edges {
                if covered.insert((e.i, e.j)) {
                    let one = Group {
                        a: vec![e.i],
                        b: vec![e.j],
                        edges: vec![*e],
                    };
                    out.push((one, true));
                }
            }
            continue;
        }
        for &i in &g.a {
            for &j in &g.b {
                covered.insert((i, j));
            }
        }
        out.push((g.clone(), true));
    }
    let mut add = |i: usize, j: usize, out: &mut Vec<(Group, bool)>| {
        if covered.insert((i, j)) {
            let mut p = score::pair(ctx, i, j);
            if let Some(path) = evidence.path {
                p.score = path.prior(i, j, p.score, ctx.params);
            }
            let group = Group {
                a: vec![i],
                b: vec![j],
                edges: vec![p],
            };
            out.push((group, false));
        }
    };
    // Each passage's best partners by words, which the aligner may have left out for a
    // competitor or the order.
    for (i, j) in best_by_words(evidence.scored, lengths.0.len(), lengths.1.len()) {
        add(i, j, &mut out);
    }
    if let Some(c) = &weigher.cosines {
        for (i, j, x) in c.pairs() {
            if x >= ENCODER_FLOOR && c.rank(i, j) <= ENCODER_RANK {
                add(i, j, &mut out);
            }
        }
    }
    for &(i, j) in evidence.verbatim {
        add(i, j, &mut out);
    }
    let mut judged: Vec<Candidate> = out
        .into_iter()
        .map(|(group, chosen)| weigher.weigh(group, chosen))
        .collect();
    // The same words are the same claim, however common the words ("What can we do?").
    for c in &mut judged {
        if let ([i], [j]) = (c.group.a.as_slice(), c.group.b.as_slice())
            && evidence.verbatim.binary_search(&(*i, *j)).is_ok()
        {
            c.probability = c.probability.max(super::verbatim::VERBATIM);
            c.word_for_word = true;
        }
    }
    judged.sort_by(|x, y| y.probability.total_cmp(&x.probability));
    judged
}

/// `these` groups (not the aligner's own), each with its features and probability (0 when
/// the model has no weights), in their order; `groups` are the aligner's, which set how far
/// the order can be trusted and which pairs it chose.
pub fn weigh_groups(
    ctx: &Ctx<'_>,
    groups: &[Group],
    these: &[Group],
    evidence: &Evidence<'_>,
    (len_a, len_b): (Vec<usize>, Vec<usize>),
) -> Vec<Candidate> {
    let weigher = Weigher::new(ctx, groups, evidence, (&len_a, &len_b));
    let chosen = |g: &Group| {
        groups
            .iter()
            .any(|c| g.a.iter().all(|i| c.a.contains(i)) && g.b.iter().all(|j| c.b.contains(j)))
    };
    these
        .iter()
        .map(|g| weigher.weigh(g.clone(), chosen(g)))
        .collect()
}

/// How far the texts' order can be trusted: the share of strong groups (those that could
/// anchor a path) lying on the path. Near 1 for versions of one text, lower for two outlets'
/// own reports, whose strong matches come in any order; 0 without a path.
fn order_trust(groups: &[Group], path: Option<&Path>, ctx: &Ctx<'_>) -> f32 {
    let Some(path) = path else { return 0.0 };
    let reach = ctx.params.order_reach;
    let strong: Vec<&Group> = groups
        .iter()
        .filter(|g| g.edges.iter().any(|e| e.lex >= ctx.params.anchor))
        .collect();
    if strong.is_empty() {
        return 0.0;
    }
    let on = strong
        .iter()
        .filter(|g| {
            g.edges
                .iter()
                .any(|e| path.closeness(e.i, e.j, reach) >= 0.5)
        })
        .count();
    on as f32 / strong.len() as f32
}

/// What the judge knows of the whole pair of texts, to weigh one group of it.
struct Weigher<'a> {
    ctx: &'a Ctx<'a>,
    evidence: &'a Evidence<'a>,
    cosines: Option<Cosines>,
    ranks: WordRanks,
    /// How far the texts' order can be trusted.
    trust: f32,
    /// The passages' lengths, A's and B's.
    lengths: (&'a [usize], &'a [usize]),
}

impl<'a> Weigher<'a> {
    /// `groups` are the aligner's: they set how far the order can be trusted.
    fn new(
        ctx: &'a Ctx<'a>,
        groups: &[Group],
        evidence: &'a Evidence<'a>,
        lengths: (&'a [usize], &'a [usize]),
    ) -> Weigher<'a> {
        Weigher {
            ctx,
            evidence,
            cosines: evidence.vectors.map(|(va, vb)| Cosines::new(va, vb)),
            ranks: WordRanks::new(evidence.scored, (lengths.0.len(), lengths.1.len())),
            trust: order_trust(groups, evidence.path, ctx),
            lengths,
        }
    }

    /// `group` with its features and probability (0 when the model has no weights);
    /// `chosen` when the aligner chose it.
    fn weigh(&self, group: Group, chosen: bool) -> Candidate {
        let features = self.features(&group, chosen);
        // A group with no pair the encoder read both passages of is weighed without it.
        let weights = self
            .ctx
            .params
            .link_model
            .weights(features.len() > FIRST_MEANING);
        let probability = weights.map_or(0.0, |w| LinkModel::probability(w, &features));
        Candidate {
            group,
            features,
            probability,
            word_for_word: false,
        }
    }

    /// The features of `g`, in [`FEATURES`] order.
    fn features(&self, g: &Group, chosen: bool) -> Vec<f32> {
        let (ctx, evidence, ranks, trust) = (self.ctx, self.evidence, &self.ranks, self.trust);
        let cosines = &self.cosines;
        let (len_a, len_b) = self.lengths;
        let max = |f: &dyn Fn(&score::Pair) -> f32| g.edges.iter().map(f).fold(0.0f32, f32::max);
        let on_path = evidence.path.map_or(0.0, |p| {
            max(&|e| p.closeness(e.i, e.j, ctx.params.order_reach))
        });
        let shared = g
            .edges
            .iter()
            .map(|e| score::shared_terms(ctx, e.i, e.j))
            .max()
            .unwrap_or(0);
        // The group's best rank by words: a split sentence's halves each rank well with it.
        let best_rank = g
            .edges
            .iter()
            .map(|e| ranks.rank(e.i, e.j, e.lex))
            .min()
            .unwrap_or(0);
        let chars = |ids: &[usize], lens: &[usize]| ids.iter().map(|&k| lens[k]).sum::<usize>();
        let (ca, cb) = (chars(&g.a, len_a) as f32, chars(&g.b, len_b) as f32);
        let len_ratio = if ca.max(cb) > 0.0 {
            ca.min(cb) / ca.max(cb)
        } else {
            0.0
        };
        let mut f = vec![
            1.0,
            max(&|e| e.score),
            max(&|e| e.lex),
            max(&|e| e.cont),
            f32::from(u8::from(chosen)),
            on_path,
            on_path * trust,
            trust,
            (1.0 + shared as f32).ln(),
            len_ratio,
            (g.a.len() + g.b.len() - 2) as f32,
            1.0 / (1.0 + best_rank as f32),
            f32::from(u8::from(
                leads(&g.a, len_a.len()) && leads(&g.b, len_b.len()),
            )),
        ];
        // The group's best pair the encoder read speaks for it: a split sentence's halves
        // each match part.
        let best = cosines.as_ref().and_then(|c| {
            g.a.iter()
                .flat_map(|&i| g.b.iter().map(move |&j| (i, j)))
                .filter(|&(i, j)| !c.get(i, j).is_nan())
                .max_by(|x, y| c.get(x.0, x.1).total_cmp(&c.get(y.0, y.1)))
                .map(|ij| (c, ij))
        });
        if let Some((c, (i, j))) = best {
            let cos = c.get(i, j);
            f.extend([
                cos,
                1.0 / (1.0 + c.rank(i, j) as f32),
                c.margin(i, j),
                cos - c.doc_sim,
                c.doc_sim,
                cos * cos,
                cos * max(&|e| e.lex),
            ]);
        }
        f
    }
}

/// Passages a text needs for its first to count as a lead (a headline or an opening
/// sentence): in a text of a line or two every passage is first.
const LEAD_AFTER: usize = 3;

/// True when `ids` hold the first passage of a text of `n` passages with more after it.
fn leads(ids: &[usize], n: usize) -> bool {
    ids.first() == Some(&0) && n >= LEAD_AFTER
}

impl Candidate {
    /// The encoder's cosine for the group's closest pair, when sentence vectors were at hand.
    pub fn cosine(&self) -> Option<f32> {
        self.features.get(FIRST_MEANING).copied()
    }
}
