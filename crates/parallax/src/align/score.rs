//! How alike two passages are, from shared terms (exact or near spellings), and which
//! pairs are worth scoring at all.

use std::collections::HashMap;

use rayon::prelude::*;

use super::Ctx;
use super::fuzzy::Aliases;
use super::profile::{Profile, Term};

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
    let (mut m, mut count) = (0.0, 0);
    merge(pa, pb, |ta, tb| {
        if let Some(tb) = tb {
            m += (ta.w * tb.w).sqrt();
            count += 1;
        }
    });
    // A's terms B lacks, in order, after the shared ones (the sum's order is kept as it
    // was): a second walk instead of a list, as this runs for every pair of passages.
    if !aliases.is_empty() {
        merge(pa, pb, |ta, tb| {
            if tb.is_some() {
                return;
            }
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
        });
    }
    (m, count)
}

/// Walks A's terms in order (both lists are sorted by id), each with B's same term if B has
/// it.
fn merge(pa: &Profile, pb: &Profile, mut each: impl FnMut(Term, Option<Term>)) {
    let mut y = 0;
    for &ta in &pa.terms {
        while y < pb.terms.len() && pb.terms[y].id < ta.id {
            y += 1;
        }
        match pb.terms.get(y) {
            Some(&tb) if tb.id == ta.id => {
                each(ta, Some(tb));
                y += 1;
            }
            _ => each(ta, None),
        }
    }
}

/// Scores passage `i` of A against passage `j` of B.
pub fn pair(ctx: &Ctx<'_>, i: usize, j: usize) -> Pair {
    let mut out = features(ctx, &ctx.prof.a[i], &ctx.prof.b[j]);
    out.i = i;
    out.j = j;
    out
}

/// How many of A's terms passage `i` of A shares with passage `j` of B (by stem or near word).
pub fn shared_terms(ctx: &Ctx<'_>, i: usize, j: usize) -> usize {
    overlap_counted(&ctx.prof.a[i], &ctx.prof.b[j], ctx.aliases).1
}

/// The combined score of two passages (or merged runs of passages).
pub fn profile_score(ctx: &Ctx<'_>, pa: &Profile, pb: &Profile) -> f32 {
    features(ctx, pa, pb).score
}

fn features(ctx: &Ctx<'_>, pa: &Profile, pb: &Profile) -> Pair {
    let (m, count) = overlap_counted(pa, pb, ctx.aliases);
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
    let share = ctx.params.containment_share;
    out.plain = ((1.0 - share) * out.lex + share * out.cont).clamp(0.0, 1.0);
    out.score = out.plain;
    // One word in common ("Trump" in "sanctioned by the Trump administration" and "Trump
    // keeps suggesting a blockade") is what two claims of one story share by chance; see
    // `Params::lone_min_terms`.
    if count == 1 && pa.terms.len().min(pb.terms.len()) >= ctx.params.lone_min_terms {
        out.score *= ctx.params.lone_term;
    }
    out
}

/// Candidate pairs of passages with their features: every pair for small inputs, else the
/// pairs that share a discriminating term (through an inverted index with capped postings).
pub fn candidates(ctx: &Ctx<'_>) -> Vec<Pair> {
    let (p, aliases, params) = (ctx.prof, ctx.aliases, ctx.params);
    let (na, nb) = (p.a.len(), p.b.len());
    if na * nb <= params.full_pairs {
        return (0..na)
            .into_par_iter()
            .flat_map_iter(|i| (0..nb).map(move |j| pair(ctx, i, j)))
            .collect();
    }
    let mut index: HashMap<u32, Vec<u32>> = HashMap::new();
    for (j, pb) in p.b.iter().enumerate() {
        for t in &pb.terms {
            index.entry(t.id).or_default().push(j as u32);
        }
    }
    index.retain(|_, v| v.len() <= params.posting_cap);
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
            top.truncate(params.per_passage);
            top.into_iter().map(move |(j, _)| pair(ctx, i, j as usize))
        })
        .collect()
}
