//! How alike two passages are, from shared terms (exact or near spellings), and which
//! pairs are worth scoring at all.

use std::collections::HashMap;

use rayon::prelude::*;

use super::fuzzy::Aliases;
use super::profile::{Profile, Profiles};

/// Pairs of documents smaller than this (passages of A × passages of B) are scored in full;
/// larger ones only on candidates from the inverted index.
const FULL_PAIRS: usize = 40_000;
/// A term found in more passages than this is skipped when looking for candidates: it
/// would make the search quadratic and says little about which passages match.
const POSTING_CAP: usize = 64;
/// Candidates kept per passage of A from the index.
const PER_PASSAGE: usize = 24;

/// Share of containment (vs. the symmetric cosine) in the lexical score.
const CONTAINMENT_SHARE: f32 = 0.4;

/// The features of one pair of passages.
#[derive(Clone, Copy, Debug, Default)]
pub struct Pair {
    /// Passage of A.
    pub i: usize,
    /// Passage of B.
    pub j: usize,
    /// Weighted overlap of terms, as a cosine (Ochiai) of the two sets.
    pub lex: f32,
    /// Weighted overlap relative to the smaller passage: high when one says part of the other.
    pub cont: f32,
    /// The combined score in [0, 1].
    pub score: f32,
    /// The score before the lone-term discount: what the pair counts as when it sets
    /// the background other pairs are judged against.
    pub plain: f32,
}

/// The shared weight of two passages: exact terms, then near spellings.
pub fn overlap(pa: &Profile, pb: &Profile, aliases: &Aliases) -> f32 {
    overlap_counted(pa, pb, aliases).0
}

/// The shared weight of two passages and how many of A's terms it comes from.
fn overlap_counted(pa: &Profile, pb: &Profile, aliases: &Aliases) -> (f32, usize) {
    let (mut x, mut y) = (0, 0);
    let mut m = 0.0;
    let mut count = 0;
    let mut missed: Vec<usize> = Vec::new();
    while x < pa.terms.len() && y < pb.terms.len() {
        let (ta, tb) = (pa.terms[x], pb.terms[y]);
        match ta.id.cmp(&tb.id) {
            std::cmp::Ordering::Equal => {
                m += (ta.w * tb.w).sqrt();
                count += 1;
                x += 1;
                y += 1;
            }
            std::cmp::Ordering::Less => {
                missed.push(x);
                x += 1;
            }
            std::cmp::Ordering::Greater => y += 1,
        }
    }
    missed.extend(x..pa.terms.len());
    if !aliases.is_empty() {
        for k in missed {
            let ta = pa.terms[k];
            if let Some(al) = aliases.get(&ta.id) {
                let best = al
                    .iter()
                    .filter_map(|al| {
                        let at = pb.terms.binary_search_by_key(&al.id, |t| t.id).ok()?;
                        Some(al.q * (ta.w * pb.terms[at].w).sqrt())
                    })
                    .fold(0.0f32, f32::max);
                m += best;
                count += usize::from(best > 0.0);
            }
        }
    }
    (m, count)
}

/// Scores passage `i` of A against passage `j` of B.
pub fn pair(p: &Profiles, aliases: &Aliases, i: usize, j: usize) -> Pair {
    let mut out = features(&p.a[i], &p.b[j], aliases);
    out.i = i;
    out.j = j;
    out
}

/// The combined score of two passages (or merged runs of passages).
pub fn profile_score(pa: &Profile, pb: &Profile, aliases: &Aliases) -> f32 {
    features(pa, pb, aliases).score
}

fn features(pa: &Profile, pb: &Profile, aliases: &Aliases) -> Pair {
    let (m, count) = overlap_counted(pa, pb, aliases);
    let (ta, tb) = (pa.total, pb.total);
    let lex = if ta > 0.0 && tb > 0.0 {
        (m / (ta * tb).sqrt()).min(1.0)
    } else {
        0.0
    };
    // Containment is only trusted when the smaller side says enough: a two-word heading
    // is "contained" in many sentences.
    let small = ta.min(tb);
    let cont = if small > 0.0 {
        (m / small).min(1.0) * (small / (small + 4.0))
    } else {
        0.0
    };
    let mut out = Pair {
        i: 0,
        j: 0,
        lex,
        cont,
        score: 0.0,
        plain: 0.0,
    };
    out.plain = combine(&out);
    out.score = out.plain;
    if count == 1 && pa.terms.len().min(pb.terms.len()) >= LONE_MIN_TERMS {
        out.score *= LONE_TERM;
    }
    out
}

/// A pair whose shared weight comes from a single term ("Trump" in "sanctioned by the
/// Trump administration" and "Trump keeps suggesting a blockade") keeps only `LONE_TERM` of
/// its score when both passages have at least `LONE_MIN_TERMS` terms: one word in common is
/// what two claims of one story share by chance. A one-word piece ("And lazy.") is exempt.
/// Measured: sample link precision .79 → .93 and unique recall .81 → .94 at the same link
/// recall; DEplain micro F1 .579 → .585, groups .558 → .588; MSRP unchanged. A share of 0
/// or 0.5, or a minimum of 1 or 3 terms, measured lower.
const LONE_MIN_TERMS: usize = 2;
/// See [`LONE_MIN_TERMS`].
const LONE_TERM: f32 = 0.3;

/// One rule for every input: the symmetric overlap, lifted where one passage says part of
/// the other.
fn combine(p: &Pair) -> f32 {
    ((1.0 - CONTAINMENT_SHARE) * p.lex + CONTAINMENT_SHARE * p.cont).clamp(0.0, 1.0)
}

/// Candidate pairs of passages with their features: every pair for small inputs, else the
/// pairs that share a discriminating term (through an inverted index with capped postings).
pub fn candidates(p: &Profiles, aliases: &Aliases) -> Vec<Pair> {
    let (na, nb) = (p.a.len(), p.b.len());
    if na * nb <= FULL_PAIRS {
        return (0..na)
            .into_par_iter()
            .flat_map_iter(|i| (0..nb).map(move |j| pair(p, aliases, i, j)))
            .collect();
    }
    let mut index: HashMap<u32, Vec<u32>> = HashMap::new();
    for (j, pb) in p.b.iter().enumerate() {
        for t in &pb.terms {
            index.entry(t.id).or_default().push(j as u32);
        }
    }
    index.retain(|_, v| v.len() <= POSTING_CAP);
    (0..na)
        .into_par_iter()
        .flat_map_iter(|i| {
            let mut acc: HashMap<u32, f32> = HashMap::new();
            for t in &p.a[i].terms {
                let mut visit = |id: u32, q: f32| {
                    if let Some(post) = index.get(&id) {
                        for &j in post {
                            *acc.entry(j).or_default() += q * t.w;
                        }
                    }
                };
                visit(t.id, 1.0);
                for al in aliases.get(&t.id).map(Vec::as_slice).unwrap_or(&[]) {
                    visit(al.id, al.q);
                }
            }
            let mut top: Vec<(u32, f32)> = acc.into_iter().collect();
            top.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            top.truncate(PER_PASSAGE);
            top.into_iter()
                .map(move |(j, _)| pair(p, aliases, i, j as usize))
        })
        .collect()
}
