//! Which of the learned score's candidates become links: best first, each passage in one
//! link, and then the parts of a sentence told in two or three joined to the link that holds
//! the rest of it, and two links that tell one claim (a headline and a lead) joined.

use super::group::Group;
use super::judge::Candidate;

/// Passages of one side a link grows to at most by [`choose`]'s merging: a sentence told
/// in two or three of the other's (a split, a summary of a few), not a paragraph.
const MOST_MERGED: usize = 3;

/// How much less likely than a link of its own a pair may be to join a chosen link by
/// [`choose`]'s merging: it stands by a link already believed. Checked leave one news pair
/// out at the minimum of .6: the pairs merged from .5 up were right 8 times in 10 (and took
/// news-dev link recall from .566 to .642, precision and unique unchanged); from .4 up, 4
/// in 10.
const MERGE_SLACK: f32 = 0.1;

/// How far (in passages) from a link's own passages [`choose`] merges one into it: the
/// parts of a sentence told in two or three stand together. Farther merges found no link
/// the references hold (news pairs, leave one pair out) and joined, on the samples, a
/// passage to a link of another year's article.
const MERGE_REACH: usize = 2;

/// True when each side of `g` holds at most [`MOST_MERGED`] passages, each within
/// [`MERGE_REACH`] of another: the parts of one sentence, not passages strewn over a text.
pub(super) fn compact(g: &Group) -> bool {
    let side = |ids: &[usize]| {
        ids.len() <= MOST_MERGED && ids.windows(2).all(|w| w[1] - w[0] <= MERGE_REACH)
    };
    side(&g.a) && side(&g.b)
}

/// Links chosen from `candidates` (best first): each at least `min_score` (or given word for
/// word, [`Candidate::word_for_word`]) and touching no passage a better one holds. With
/// `merge`, a candidate left out because it touches one chosen link, on one side only, then
/// joins that link if it reaches `min_score` less
/// [`MERGE_SLACK`] (its other passages are free), up to [`MOST_MERGED`] passages a side and
/// within [`MERGE_REACH`] of the link's own: one sentence that tells what two of the other's
/// tell is linked to both. Merging comes after every link is chosen, so it never takes a
/// passage a link of its own would have held. Then two links such a candidate bridges join
/// ([`join_bridged`]).
pub fn choose(
    candidates: &[Candidate],
    (na, nb): (usize, usize),
    min_score: f32,
    merge: bool,
) -> Vec<Candidate> {
    let mut owner_a: Vec<Option<usize>> = vec![None; na];
    let mut owner_b: Vec<Option<usize>> = vec![None; nb];
    let mut out: Vec<Candidate> = Vec::new();
    let mut left: Vec<&Candidate> = Vec::new();
    let merge_from = if merge {
        min_score - MERGE_SLACK
    } else {
        min_score
    };
    for c in candidates {
        if c.probability < merge_from && !c.word_for_word {
            continue;
        }
        let g = &c.group;
        if (c.probability < min_score && !c.word_for_word)
            || g.a.iter().any(|&i| owner_a[i].is_some())
            || g.b.iter().any(|&j| owner_b[j].is_some())
        {
            left.push(c);
            continue;
        }
        g.a.iter().for_each(|&i| owner_a[i] = Some(out.len()));
        g.b.iter().for_each(|&j| owner_b[j] = Some(out.len()));
        out.push(c.clone());
    }
    if !merge {
        return out;
    }
    for c in &left {
        let g = &c.group;
        let held_a: Vec<usize> = g.a.iter().filter_map(|&i| owner_a[i]).collect();
        let held_b: Vec<usize> = g.b.iter().filter_map(|&j| owner_b[j]).collect();
        // Held on one side only, all by one link, and free on the other.
        let (o, fresh_a, fresh_b) = match (&held_a[..], &held_b[..]) {
            ([o, ..], []) if held_a.iter().all(|x| x == o) => (*o, Vec::new(), g.b.clone()),
            ([], [o, ..]) if held_b.iter().all(|x| x == o) => (*o, g.a.clone(), Vec::new()),
            _ => continue,
        };
        let grown = &mut out[o].group;
        let near = |fresh: &[usize], held: &[usize]| {
            fresh
                .iter()
                .all(|&x| held.iter().any(|&y| x.abs_diff(y) <= MERGE_REACH))
        };
        if grown.a.len() + fresh_a.len() > MOST_MERGED
            || grown.b.len() + fresh_b.len() > MOST_MERGED
            || !near(&fresh_a, &grown.a)
            || !near(&fresh_b, &grown.b)
            || straddles(&grown.a, &fresh_a, &owner_a, &[o])
            || straddles(&grown.b, &fresh_b, &owner_b, &[o])
        {
            continue;
        }
        fresh_a.iter().for_each(|&i| owner_a[i] = Some(o));
        fresh_b.iter().for_each(|&j| owner_b[j] = Some(o));
        grown.a.extend(fresh_a);
        grown.b.extend(fresh_b);
        grown.a.sort_unstable();
        grown.b.sort_unstable();
        grown.edges.extend(g.edges.iter().copied());
    }
    join_bridged(&mut out, &left, &mut owner_a, &mut owner_b);
    out
}

/// True when passages `x` and `y` together (one side of a link grown, or of two links
/// joined) would stand around a passage a link other than `ours` holds: "A 4+6" with A 5 in
/// a link of its own reads as one claim told in two places, and the flags of either part
/// seem to belong to both.
fn straddles(x: &[usize], y: &[usize], owner: &[Option<usize>], ours: &[usize]) -> bool {
    let (Some(lo), Some(hi)) = (x.iter().chain(y).min(), x.iter().chain(y).max()) else {
        return false;
    };
    (*lo..=*hi).any(|i| owner[i].is_some_and(|k| !ours.contains(&k)))
}

/// Joins two chosen links that a candidate left out bridges: its passages of A all in one
/// link, of B all in the other, the two links within [`MERGE_REACH`] of each other on both
/// sides, at most [`MOST_MERGED`] passages a side together, and not in swapped order. That
/// is a claim each source tells in two passages: a headline and a lead ("Klitschko stops
/// Thompson" / "Klitschko stopped Thompson in the sixth round") each linked to the other
/// source's headline and lead. Two links in swapped order (one wholly before the other in A
/// and wholly after it in B) are two claims, each already with its counterpart, and stay
/// apart. Candidates are tried best first, again until none joins (a joined link may now
/// stand near a third). The joined link keeps the better probability of the two: it is
/// right when either part is. Checked leave one news pair out at the minimum of .6: link
/// recall .623 -> .660 on news-dev and .649 -> .779 on news-train, precision .823 -> .833
/// and .847 -> .838.
fn join_bridged(
    out: &mut Vec<Candidate>,
    left: &[&Candidate],
    owner_a: &mut [Option<usize>],
    owner_b: &mut [Option<usize>],
) {
    let one_owner = |ids: &[usize], owner: &[Option<usize>]| {
        let first = owner[*ids.first()?]?;
        ids.iter()
            .all(|&i| owner[i] == Some(first))
            .then_some(first)
    };
    let near = |x: &[usize], y: &[usize]| {
        x.iter()
            .any(|&p| y.iter().any(|&q| p.abs_diff(q) <= MERGE_REACH))
    };
    // Sides are sorted: wholly before is last before first.
    let before =
        |x: &[usize], y: &[usize]| matches!((x.last(), y.first()), (Some(l), Some(f)) if l < f);
    let mut gone = vec![false; out.len()];
    let mut joined = true;
    while joined {
        joined = false;
        for c in left {
            let (Some(x), Some(y)) = (
                one_owner(&c.group.a, owner_a),
                one_owner(&c.group.b, owner_b),
            ) else {
                continue;
            };
            if x == y {
                continue;
            }
            let (gx, gy) = (&out[x].group, &out[y].group);
            let swapped = (before(&gx.a, &gy.a) && before(&gy.b, &gx.b))
                || (before(&gy.a, &gx.a) && before(&gx.b, &gy.b));
            if swapped
                || gx.a.len() + gy.a.len() > MOST_MERGED
                || gx.b.len() + gy.b.len() > MOST_MERGED
                || !near(&gx.a, &gy.a)
                || !near(&gx.b, &gy.b)
                || straddles(&gx.a, &gy.a, owner_a, &[x, y])
                || straddles(&gx.b, &gy.b, owner_b, &[x, y])
            {
                continue;
            }
            let taken = std::mem::take(&mut out[y].group);
            taken.a.iter().for_each(|&i| owner_a[i] = Some(x));
            taken.b.iter().for_each(|&j| owner_b[j] = Some(x));
            let probability = out[y].probability;
            let kept = &mut out[x];
            kept.probability = kept.probability.max(probability);
            let g = &mut kept.group;
            g.a.extend(taken.a);
            g.b.extend(taken.b);
            g.a.sort_unstable();
            g.b.sort_unstable();
            g.edges.extend(taken.edges);
            g.edges.extend(c.group.edges.iter().copied());
            gone[y] = true;
            joined = true;
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::score::Pair;

    fn pair(i: usize, j: usize, probability: f32) -> Candidate {
        Candidate {
            group: Group {
                a: vec![i],
                b: vec![j],
                edges: vec![Pair {
                    i,
                    j,
                    ..Pair::default()
                }],
            },
            features: Vec::new(),
            probability,
            word_for_word: false,
        }
    }

    fn sides(links: &[Candidate]) -> Vec<(Vec<usize>, Vec<usize>)> {
        links
            .iter()
            .map(|c| (c.group.a.clone(), c.group.b.clone()))
            .collect()
    }

    #[test]
    fn the_parts_of_a_split_sentence_join_its_link_and_far_or_unsure_ones_do_not() {
        let candidates = [
            pair(0, 0, 0.9),
            pair(4, 7, 0.8),
            // B 1 tells the rest of A 0: joins its link although below the bar.
            pair(0, 1, 0.55),
            // Too unsure even to join.
            pair(4, 8, 0.45),
            // Too far from the link's own passages.
            pair(0, 5, 0.7),
            // Held on both sides by different links: neither grows.
            pair(4, 0, 0.65),
        ];
        let merged = choose(&candidates, (6, 9), 0.6, true);
        assert_eq!(
            sides(&merged),
            vec![(vec![0], vec![0, 1]), (vec![4], vec![7])]
        );
        // Without merging, each passage is in one link of its own at most.
        let alone = choose(&candidates, (6, 9), 0.6, false);
        assert_eq!(sides(&alone), vec![(vec![0], vec![0]), (vec![4], vec![7])]);
    }

    #[test]
    fn a_link_does_not_grow_or_join_around_another_links_passage() {
        // A 4 ~ B 5 and A 5 ~ B 6, each its own claim; A 6 ~ B 5 would grow the first link
        // to A 4+6 around A 5.
        let grow = [pair(4, 5, 0.95), pair(5, 6, 0.9), pair(6, 5, 0.7)];
        let merged = choose(&grow, (8, 8), 0.6, true);
        assert_eq!(sides(&merged), vec![(vec![4], vec![5]), (vec![5], vec![6])]);
        // A 4 ~ B 7 would join the links of A 4 and A 6 around A 5's.
        let join = [
            pair(4, 5, 0.95),
            pair(5, 6, 0.9),
            pair(6, 7, 0.9),
            pair(4, 7, 0.7),
        ];
        let merged = choose(&join, (8, 8), 0.6, true);
        assert_eq!(
            sides(&merged),
            vec![(vec![4], vec![5]), (vec![5], vec![6]), (vec![6], vec![7])]
        );
        // With nothing between, both grow and join as before.
        let merged = choose(&[pair(4, 5, 0.95), pair(5, 5, 0.7)], (8, 8), 0.6, true);
        assert_eq!(sides(&merged), vec![(vec![4, 5], vec![5])]);
        let merged = choose(
            &[pair(4, 5, 0.95), pair(6, 7, 0.9), pair(6, 5, 0.7)],
            (8, 8),
            0.6,
            true,
        );
        assert_eq!(sides(&merged), vec![(vec![4, 6], vec![5, 7])]);
    }

    #[test]
    fn a_link_grows_to_at_most_three_passages_a_side() {
        let candidates = [
            pair(2, 2, 0.9),
            pair(2, 3, 0.7),
            pair(2, 1, 0.7),
            pair(2, 4, 0.7),
        ];
        let merged = choose(&candidates, (5, 5), 0.6, true);
        assert_eq!(sides(&merged), vec![(vec![2], vec![1, 2, 3])]);
    }

    #[test]
    fn two_links_a_left_out_pair_bridges_join_unless_they_come_in_swapped_order() {
        let candidates = [
            // Headline and lead of each source, linked one to one...
            pair(0, 0, 0.95),
            pair(1, 1, 0.9),
            // ...and the headline of A tells what the lead of B does.
            pair(0, 1, 0.7),
            // Two claims in swapped order, one shared word between them.
            pair(5, 8, 0.9),
            pair(6, 7, 0.9),
            pair(5, 7, 0.65),
            // Too unsure to bridge.
            pair(10, 11, 0.9),
            pair(11, 10, 0.9),
            pair(10, 10, 0.45),
        ];
        let chosen = choose(&candidates, (12, 12), 0.6, true);
        assert_eq!(
            sides(&chosen),
            vec![
                (vec![0, 1], vec![0, 1]),
                (vec![5], vec![8]),
                (vec![6], vec![7]),
                (vec![10], vec![11]),
                (vec![11], vec![10]),
            ]
        );
        // The joined link is as likely as its surer part.
        assert_eq!(chosen[0].probability, 0.95);
    }

    #[test]
    fn bridged_links_join_only_up_to_three_passages_a_side() {
        let candidates = [
            pair(0, 0, 0.95),
            pair(1, 1, 0.9),
            pair(2, 2, 0.9),
            pair(3, 3, 0.9),
            pair(0, 1, 0.7),
            pair(1, 2, 0.7),
            pair(2, 3, 0.7),
        ];
        let chosen = choose(&candidates, (4, 4), 0.6, true);
        assert_eq!(
            sides(&chosen),
            vec![(vec![0, 1, 2], vec![0, 1, 2]), (vec![3], vec![3])]
        );
    }
}
