//! Moved passages: where two texts tell things in one order (a revision, a rewrite that
//! keeps the story's order, two outlets' copies of one wire story), a link told at another
//! point of that order is a passage one of them moved. An editor checking a revision wants
//! to see it; reports that each order things their own way have no shared order to leave.
//! Weak links are left out: a few shared words place nothing.

use super::Link;
use super::why::Reason;

/// The longest chain of links in both texts' order must hold at least this share of the
/// links' passages for the texts to count as following one order.
const ORDERED_SHARE: f32 = 2.0 / 3.0;

/// And at least this many links: a few links in order say little (two outlets' short reports
/// of one event often tell four or five things in the same order).
const ORDERED_LINKS: usize = 6;

/// Marks with [`Reason::Moved`] the links (in A's order) that stand off the heaviest chain
/// rising in both texts, when the aligner found that the texts follow one order (some link
/// is [`Reason::InOrder`]) and that chain holds most of the links; clears old marks first,
/// so that it can run again after the links change.
pub(super) fn mark(links: &mut [Link]) {
    for l in links.iter_mut() {
        l.why.retain(|r| *r != Reason::Moved);
    }
    if !links.iter().any(|l| l.why.contains(&Reason::InOrder)) {
        return;
    }
    let believed: Vec<usize> = (0..links.len()).filter(|&k| !links[k].is_weak()).collect();
    // Each believed link's first passage in B and its weight; none when a link lacks a side.
    let placed: Option<Vec<(usize, usize)>> = (believed.iter())
        .map(|&k| {
            let l = &links[k];
            l.a.first()?;
            Some((l.b.first()?.0, l.a.len() + l.b.len()))
        })
        .collect();
    let Some(placed) = placed else {
        return;
    };
    let on_chain = heaviest_chain(&placed);
    let total: usize = placed.iter().map(|p| p.1).sum();
    let held: usize = (placed.iter().zip(&on_chain))
        .filter(|(_, on)| **on)
        .map(|(p, _)| p.1)
        .sum();
    let count = on_chain.iter().filter(|on| **on).count();
    if count < ORDERED_LINKS || (held as f32) < ORDERED_SHARE * total as f32 {
        return;
    }
    for (&k, on) in believed.iter().zip(on_chain) {
        if !on {
            links[k].why.insert(0, Reason::Moved);
        }
    }
}

/// Which links lie on the chain of links rising in A and in B whose passages weigh most,
/// for links in A's order, each given as its first passage in B and its weight. A Fenwick
/// tree of the best chain ending below each passage of B keeps it O(n log n): a revision of
/// thousands of sentences has thousands of links.
fn heaviest_chain(links: &[(usize, usize)]) -> Vec<bool> {
    let nb = links.iter().map(|l| l.0 + 1).max().unwrap_or(0);
    // best[k]: (weight, link) of the heaviest chain ending at a passage of B below k.
    let mut tree: Vec<(usize, Option<usize>)> = vec![(0, None); nb + 1];
    let mut back: Vec<Option<usize>> = vec![None; links.len()];
    let mut total: Vec<usize> = vec![0; links.len()];
    for (k, &(b, weight)) in links.iter().enumerate() {
        // The best chain ending at a passage of B before b.
        let (mut best, mut from) = (0, None);
        let mut i = b;
        while i > 0 {
            if tree[i].0 > best {
                (best, from) = tree[i];
            }
            i &= i - 1;
        }
        total[k] = best + weight;
        back[k] = from;
        let mut i = b + 1;
        while i <= nb {
            if total[k] > tree[i].0 {
                tree[i] = (total[k], Some(k));
            }
            i += i & i.wrapping_neg();
        }
    }
    let mut on = vec![false; links.len()];
    let mut at = (0..links.len()).max_by_key(|&k| (total[k], std::cmp::Reverse(k)));
    while let Some(k) = at {
        on[k] = true;
        at = back[k];
    }
    on
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::SegmentId;

    fn link(a: usize, b: usize, in_order: bool) -> Link {
        Link {
            a: vec![SegmentId(a)],
            b: vec![SegmentId(b)],
            score: 0.9,
            why: if in_order {
                vec![Reason::InOrder]
            } else {
                Vec::new()
            },
            changes: Vec::new(),
            doubted: false,
        }
    }

    fn moved(links: &[Link]) -> Vec<usize> {
        (links.iter().enumerate())
            .filter(|(_, l)| l.why.first() == Some(&Reason::Moved))
            .map(|(k, _)| k)
            .collect()
    }

    #[test]
    fn a_block_told_earlier_is_moved_and_the_rest_is_not() {
        // A 0..10 in order, but A 7, 8 come in B before A 2.
        let order = [0, 1, 4, 5, 6, 7, 8, 2, 3, 9];
        let mut links: Vec<Link> = (order.iter().enumerate())
            .map(|(a, &b)| link(a, b, true))
            .collect();
        mark(&mut links);
        assert_eq!(moved(&links), vec![7, 8]);
        // Marked again after a change: once, not twice.
        mark(&mut links);
        assert_eq!(
            links[7].why.iter().filter(|r| **r == Reason::Moved).count(),
            1
        );
    }

    #[test]
    fn a_weak_link_neither_moves_nor_is_moved() {
        // A weak link of many passages out of order would outweigh a believed one.
        let order = [0, 1, 2, 3, 4, 5, 6, 7];
        let mut links: Vec<Link> = (order.iter().enumerate())
            .map(|(a, &b)| link(a, b + 3, true))
            .collect();
        let mut weak = link(8, 0, false);
        weak.a = vec![SegmentId(8), SegmentId(9), SegmentId(10)];
        weak.b = vec![SegmentId(0), SegmentId(1), SegmentId(2)];
        weak.score = 0.14;
        links.push(weak);
        mark(&mut links);
        assert!(moved(&links).is_empty());
    }

    #[test]
    fn texts_in_no_shared_order_have_no_moved_links() {
        // Without a path the aligner trusts, nothing is moved.
        let order = [0, 1, 4, 5, 6, 7, 8, 2, 3, 9];
        let mut links: Vec<Link> = (order.iter().enumerate())
            .map(|(a, &b)| link(a, b, false))
            .collect();
        mark(&mut links);
        assert!(moved(&links).is_empty());
        // Nor when the longest order holds few of the links.
        let order = [5, 3, 8, 0, 9, 1, 7, 2, 6, 4];
        let mut links: Vec<Link> = (order.iter().enumerate())
            .map(|(a, &b)| link(a, b, true))
            .collect();
        mark(&mut links);
        assert!(moved(&links).is_empty());
    }
}
