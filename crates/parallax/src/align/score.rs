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
    features_of(ctx, pa, pb, m, count)
}

/// The features of two passages from their shared weight `m` and the number of A's terms
/// it comes from (see [`overlap_counted`]).
fn features_of(ctx: &Ctx<'_>, pa: &Profile, pb: &Profile, m: f32, count: usize) -> Pair {
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
    let postings = Postings::of(&p.b, p.info.len());
    if na * nb <= params.full_pairs {
        return (0..na)
            .into_par_iter()
            .flat_map_iter(|i| row(ctx, &postings, i))
            .collect();
    }
    (0..na)
        .into_par_iter()
        .flat_map_iter(|i| {
            let mut acc: HashMap<u32, f32> = HashMap::new();
            for t in &p.a[i].terms {
                let mut visit = |id: u32, q: f32| {
                    let post = postings.of_term(id);
                    if post.len() <= params.posting_cap {
                        for &(j, _) in post {
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

/// B's passages by term: for each term id, the passages of B that hold it (ascending) and
/// its weight there.
struct Postings(Vec<Vec<(u32, f32)>>);

impl Postings {
    fn of(b: &[Profile], terms: usize) -> Postings {
        let mut out = vec![Vec::new(); terms];
        for (j, pb) in b.iter().enumerate() {
            for t in &pb.terms {
                out[t.id as usize].push((j as u32, t.w));
            }
        }
        Postings(out)
    }

    fn of_term(&self, id: u32) -> &[(u32, f32)] {
        self.0.get(id as usize).map_or(&[], Vec::as_slice)
    }
}

/// Passage `i` of A scored against every passage of B, in B's order: what [`pair`] gives
/// for each, reached through B's postings. Merging the two term lists of every pair was a
/// fifth of a `--fast` build of many sources (two articles of 200 passages make 40,000
/// pairs, most sharing no term); here each shared term costs one step. The sums are taken
/// in [`overlap_counted`]'s order (A's terms by id, then the near spellings of those B
/// lacks), so every score is the same to the bit: a term a pair does not share adds
/// nothing there.
fn row<'c>(ctx: &'c Ctx<'_>, postings: &Postings, i: usize) -> impl Iterator<Item = Pair> + 'c {
    let (pa, b) = (&ctx.prof.a[i], &ctx.prof.b);
    let mut shared = vec![0.0f32; b.len()];
    let mut count = vec![0usize; b.len()];
    for ta in &pa.terms {
        for &(j, wb) in postings.of_term(ta.id) {
            shared[j as usize] += (ta.w * wb).sqrt();
            count[j as usize] += 1;
        }
    }
    if !ctx.aliases.is_empty() {
        // Per passage of B: the best near spelling of the current term, and which term
        // last marked it as holding the term itself or as reached by a near spelling.
        let mut best = vec![0.0f32; b.len()];
        let mut holds = vec![u32::MAX; b.len()];
        let mut reached = vec![u32::MAX; b.len()];
        let mut touched: Vec<u32> = Vec::new();
        for (k, ta) in pa.terms.iter().enumerate() {
            let Some(aliases) = ctx.aliases.get(&ta.id) else {
                continue;
            };
            let k = k as u32;
            for &(j, _) in postings.of_term(ta.id) {
                holds[j as usize] = k;
            }
            for al in aliases {
                for &(j, wb) in postings.of_term(al.id) {
                    let j = j as usize;
                    if holds[j] == k {
                        continue;
                    }
                    if reached[j] != k {
                        reached[j] = k;
                        best[j] = 0.0;
                        touched.push(j as u32);
                    }
                    best[j] = best[j].max(al.q * (ta.w * wb).sqrt());
                }
            }
            for j in touched.drain(..) {
                let j = j as usize;
                shared[j] += best[j];
                count[j] += usize::from(best[j] > 0.0);
            }
        }
    }
    (0..b.len()).map(move |j| {
        let mut out = features_of(ctx, pa, &b[j], shared[j], count[j]);
        out.i = i;
        out.j = j;
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Params, Side, profiles};
    use crate::segment::{self, Unit};
    use crate::text::Language;

    /// Asserts that [`candidates`] scores every pair of `ctx`, in order, as [`pair`] does,
    /// to the bit; returns how many pairs share weight through near spellings or meanings.
    fn assert_rows_are_pairs(ctx: &Ctx<'_>, what: &str) -> usize {
        let (na, nb) = (ctx.prof.a.len(), ctx.prof.b.len());
        assert!(na * nb <= ctx.params.full_pairs, "every pair is scored");
        let rows = candidates(ctx);
        assert_eq!(rows.len(), na * nb);
        let bits = |p: &Pair| {
            let f = [p.lex, p.cont, p.score, p.plain].map(f32::to_bits);
            (p.i, p.j, f)
        };
        let mut by_alias = 0;
        for (k, got) in rows.iter().enumerate() {
            let want = pair(ctx, k / nb, k % nb);
            assert_eq!(bits(got), bits(&want), "pair {k} of {what}");
            let (pa, pb) = (&ctx.prof.a[got.i], &ctx.prof.b[got.j]);
            by_alias +=
                usize::from(overlap(pa, pb, ctx.aliases) != overlap(pa, pb, &Aliases::default()));
        }
        by_alias
    }

    /// The row-wise scoring of every pair gives what scoring each pair alone gives, to the
    /// bit, near spellings included: the aligner's choices must not depend on which of the
    /// two paths scored a pair.
    #[test]
    fn every_pair_scored_by_rows_is_the_pair_scored_alone() {
        // The bundled articles, read here rather than through `demo`, which sits above the
        // aligner.
        let docs = [
            include_str!("../../../../assets/samples/cabello-2019-ap-rewrite.txt"),
            include_str!("../../../../assets/samples/cabello-2019-speed-read.txt"),
            include_str!("../../../../assets/samples/cabello-2026-exclusive-blog.txt"),
            include_str!("../../../../assets/samples/cabello-2026-reuters-rewrite.txt"),
        ]
        .map(|text| crate::document::Document::from_text("sample.txt", text));
        let segments: Vec<_> = docs
            .iter()
            .map(|d| segment::segment(d, Unit::Sentence))
            .collect();
        let side = |k: usize| Side {
            text: &docs[k].text,
            segments: &segments[k],
            lang: Language::English,
            vectors: None,
        };
        let params = Params::default();
        let mut by_alias = 0;
        for (x, y) in [(0, 1), (0, 2), (1, 3), (2, 3)] {
            let (prof, aliases) = profiles(side(x), side(y), &params);
            let ctx = Ctx {
                prof: &prof,
                aliases: &aliases,
                params: &params,
            };
            by_alias += assert_rows_are_pairs(&ctx, &format!("samples {x} and {y}"));
        }
        assert!(by_alias > 0, "some pairs share near spellings or meanings");
    }

    /// The same on made-up passages over a small vocabulary, where a passage of B often
    /// holds both a term of A and its near spelling (the near spelling then does not count),
    /// and a term may be listed as its own near spelling.
    #[test]
    fn rows_agree_with_pairs_when_a_passage_holds_a_term_and_its_near_spelling() {
        let mut seed = 0x9E37_79B9_u32;
        let mut next = |below: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % below
        };
        let mut passages = |n: usize| -> Vec<Profile> {
            (0..n)
                .map(|_| {
                    let mut terms: Vec<Term> = (0..1 + next(6))
                        .map(|_| Term {
                            id: next(12),
                            w: 0.1 + next(100) as f32 / 37.0,
                            span: crate::span::Span::new(0, 0),
                        })
                        .collect();
                    terms.sort_by_key(|t| t.id);
                    terms.dedup_by_key(|t| t.id);
                    let total = terms.iter().map(|t| t.w).sum();
                    Profile { terms, total }
                })
                .collect()
        };
        let (a, b) = (passages(30), passages(40));
        let prof = crate::align::profile::Profiles {
            a,
            b,
            info: vec![Default::default(); 12],
            spelling: vec![String::new(); 12],
            ids: Default::default(),
        };
        let mut aliases = Aliases::default();
        for id in 0..12 {
            let near = (0..next(3))
                .map(|_| crate::align::fuzzy::Alias {
                    id: next(12),
                    q: 0.5 + next(50) as f32 / 100.0,
                    by_meaning: false,
                })
                .collect();
            aliases.insert(id, near);
        }
        let params = Params::default();
        let ctx = Ctx {
            prof: &prof,
            aliases: &aliases,
            params: &params,
        };
        assert!(assert_rows_are_pairs(&ctx, "made-up passages") > 0);
    }
}
