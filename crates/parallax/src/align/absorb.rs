//! Gap filling for texts told in one order. A plain-language version splits one sentence
//! into many short ones, and some pieces share too little with the whole to link by
//! themselves ("And hard-working."). A passage the chain left out between two of its links
//! joins the neighbouring link when it says part of what that link's other side says and
//! the link's own passages do not yet: the rest of a split sentence, not a comment on it.

use super::Ctx;
use super::fuzzy::Aliases;
use super::group::Group;
use super::profile::Profile;
use super::score;

/// How much of `piece` the passages `whole` hold, in [0, 1].
fn held(piece: &Profile, whole: &Profile, aliases: &Aliases, piece_is_a: bool) -> f32 {
    if piece.total <= 0.0 {
        return 0.0;
    }
    let m = if piece_is_a {
        score::overlap(piece, whole, aliases)
    } else {
        score::overlap(whole, piece, aliases)
    };
    (m / piece.total).min(1.0)
}

/// A group's passages of A (`side_a`) or of B.
fn sides(g: &Group, side_a: bool) -> &[usize] {
    if side_a { &g.a } else { &g.b }
}

/// Adds the passages left between the chain's links to their neighbouring links.
/// `chain` is in order on both sides. A passage joins for what it shares beyond
/// `Params::held`.
pub fn fill_gaps(chain: &mut [Group], ctx: &Ctx<'_>) {
    let (prof, aliases) = (ctx.prof, ctx.aliases);
    for side_a in [false, true] {
        let (own, other): (&[Profile], &[Profile]) = if side_a {
            (&prof.a, &prof.b)
        } else {
            (&prof.b, &prof.a)
        };
        // Per link: the terms of its other side that its passages on this side lack.
        let wholes: Vec<Profile> = chain
            .iter()
            .map(|g| {
                let of = |ks: &[usize], ps: &[Profile]| {
                    Profile::merged(&ks.iter().map(|&k| ps[k].clone()).collect::<Vec<_>>())
                };
                of(sides(g, !side_a), other).without(&of(sides(g, side_a), own))
            })
            .collect();
        let mut joins: Vec<(usize, usize)> = Vec::new();
        for k in 0..=chain.len() {
            let before = k.checked_sub(1);
            let after = (k < chain.len()).then_some(k);
            let from = before.map_or(0, |b| sides(&chain[b], side_a).last().map_or(0, |&x| x + 1));
            let to = after.map_or(own.len(), |a| sides(&chain[a], side_a)[0]);
            if from >= to {
                continue;
            }
            let gain = |g: Option<usize>, p: usize| {
                g.map_or(0.0, |g| {
                    (held(&own[p], &wholes[g], aliases, side_a) - ctx.params.held).max(0.0)
                })
            };
            let to_before: Vec<f32> = (from..to).map(|p| gain(before, p)).collect();
            let to_after: Vec<f32> = (from..to).map(|p| gain(after, p)).collect();
            // The split: passages before it may join the link before, the rest the link
            // after. Best split from prefix sums, in one pass.
            let total_after: f32 = to_after.iter().sum();
            let (mut best, mut split) = (total_after, 0);
            let (mut left, mut right) = (0.0, total_after);
            for k in 0..to_before.len() {
                left += to_before[k];
                right -= to_after[k];
                if left + right > best {
                    best = left + right;
                    split = k + 1;
                }
            }
            for (k, p) in (from..to).enumerate() {
                let (g, v) = if k < split {
                    (before, to_before[k])
                } else {
                    (after, to_after[k])
                };
                if let Some(g) = g
                    && v > 0.0
                {
                    joins.push((g, p));
                }
            }
        }
        for (g, p) in joins {
            let grp = &mut chain[g];
            let (i, j) = if side_a { (p, grp.b[0]) } else { (grp.a[0], p) };
            grp.edges.push(score::pair(ctx, i, j));
            let list = if side_a { &mut grp.a } else { &mut grp.b };
            list.push(p);
            list.sort_unstable();
        }
    }
}
