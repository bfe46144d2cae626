//! Passages joined to the links after alignment because they state one fact two ways
//! (found by the facts stage, which comes after the aligner): "killed one person" and "at
//! least four people died". The aligner scores on shared words, and two statements of one
//! fact share few of them exactly where they differ.
//!
//! A passage no link holds joins its partner's link (unless that link's passages are given
//! word for word: a revision keeps them, whatever it dropped beside them), two passages in
//! no link become a new one, and two links that hold one passage each are merged while the
//! result stays small.
//! A link a pair joins (or merges into) takes the lower of its score and the score the
//! aligner gives the pair, and a new link the pair's score, which must reach the aligner's
//! floor: usually weak, so that what a joined pair flags counts only as possible unless its
//! words too say the passages tell one thing.

use super::group::Group;
use super::{Alignment, Link, Prepared, Reason, Side, score, why};
use crate::diff::word_changes;
use crate::ids::SegmentId;

/// Most passages a side of a link may hold after a merge: beyond it the link says less
/// about which passages tell what.
const MOST: usize = 4;

/// Joins each pair `(passage of A, passage of B, what differs)` of `pairs` to the links of
/// `al` (see the module's notes), and says why on each link it touched.
/// `prepared` is what the aligner read of `a` and `b` ([`super::align_prepared`]).
pub fn join(
    (a, b): (Side<'_>, Side<'_>),
    prepared: &Prepared,
    params: &super::Params,
    al: &mut Alignment,
    pairs: &[(SegmentId, SegmentId, String)],
) {
    if pairs.is_empty() {
        return;
    }
    let ctx = prepared.ctx(params);
    let (prof, aliases) = (ctx.prof, ctx.aliases);
    let mut links = std::mem::take(&mut al.links);
    let mut possible = std::mem::take(&mut al.possible);
    // Per link, the facts that joined it.
    let mut joined: Vec<Vec<String>> = vec![Vec::new(); links.len()];
    let rounded = |s: f32| (s.clamp(0.0, 1.0) * 100.0).round() / 100.0;
    for (i, j, slot) in pairs {
        let (i, j) = (*i, *j);
        let s = rounded(score::pair(&ctx, i.0, j.0).score);
        let at_a = links.iter().position(|l| l.a.contains(&i));
        let at_b = links.iter().position(|l| l.b.contains(&j));
        // Where the learned score chose the links, two shown links are not merged by a
        // pair below the score a link must reach to be shown: the merged link would join
        // two claims of one story ("a quake this week", "the tsunami of 2004") as one weak
        // link, where each was believed.
        if prepared.judged && s < params.link_model.min_score && at_a.is_some() && at_b.is_some() {
            continue;
        }
        // Already one link's.
        if at_a.is_some() && at_a == at_b {
            continue;
        }
        // A link of passages given word for word stays as it is: the two texts tell that
        // passage alike, and a passage the other text dropped ("one of the tremors, a 7.3")
        // is not part of it, though it gives the same kind of fact otherwise. Joined, the
        // link would take the pair's low score and no longer be shown. Where the learned
        // score chose the links, the pair stays a possible link.
        let verbatim =
            |at: Option<usize>| at.is_some_and(|k| links[k].why.contains(&Reason::SameWords));
        if verbatim(at_a) || verbatim(at_b) {
            if prepared.judged {
                keep_possible_pair(&mut possible, told_two_ways(i, j, s, slot));
            }
            continue;
        }
        let k = match (at_a, at_b) {
            (Some(x), Some(y)) => {
                let (keep, gone) = (x.min(y), x.max(y));
                if links[keep].a.len() + links[gone].a.len() > MOST
                    || links[keep].b.len() + links[gone].b.len() > MOST
                {
                    continue;
                }
                let other = links.remove(gone);
                let why = joined.remove(gone);
                let l = &mut links[keep];
                l.a.extend(other.a);
                l.b.extend(other.b);
                l.score = l.score.max(other.score).min(s);
                // As its score, the better of the two links decides.
                l.doubted &= other.doubted;
                joined[keep].extend(why);
                keep
            }
            (Some(x), None) if links[x].b.len() < MOST => {
                links[x].b.push(j);
                links[x].score = links[x].score.min(s);
                x
            }
            (None, Some(y)) if links[y].a.len() < MOST => {
                links[y].a.push(i);
                links[y].score = links[y].score.min(s);
                y
            }
            (None, None) => {
                // A new link still needs the aligner's floor: its words, not the fact alone.
                if s < params.floor {
                    continue;
                }
                // Where the learned score chose the links, it did not choose this pair: it
                // stays a possible link (evidence for claims), not one shown.
                if prepared.judged {
                    keep_possible_pair(&mut possible, told_two_ways(i, j, s, slot));
                    continue;
                }
                links.push(Link {
                    why: Vec::new(),
                    ..told_two_ways(i, j, s, slot)
                });
                joined.push(Vec::new());
                links.len() - 1
            }
            _ => continue,
        };
        if !joined[k].contains(slot) {
            joined[k].push(slot.clone());
        }
    }
    for (k, l) in links.iter_mut().enumerate() {
        if joined[k].is_empty() {
            continue;
        }
        l.a.sort_unstable();
        l.b.sort_unstable();
        let ordered = l.why.contains(&Reason::InOrder);
        let g = Group {
            a: l.a.iter().map(|s| s.0).collect(),
            b: l.b.iter().map(|s| s.0).collect(),
            edges: Vec::new(),
        };
        let mut why = why::reasons(prof, aliases, a, b, &g, ordered);
        // Said before the grouping, which closes the list.
        let at = why
            .iter()
            .position(|r| matches!(r, Reason::Grouped { .. }))
            .unwrap_or(why.len());
        why.insert(at, Reason::SameFact(std::mem::take(&mut joined[k])));
        l.why = why;
        l.changes = word_changes(&a.passages(&l.a), &b.passages(&l.b));
    }
    *al = Alignment::from_links(links, a.segments.len(), b.segments.len());
    al.keep_possible(possible);
}

/// The link of passage `i` of A and `j` of B, scored `s`, saying which fact it tells two
/// ways (for the reader's possible links).
fn told_two_ways(i: SegmentId, j: SegmentId, s: f32, slot: &str) -> Link {
    Link {
        a: vec![i],
        b: vec![j],
        score: s,
        why: vec![Reason::SameFact(vec![slot.to_string()])],
        changes: Vec::new(),
        doubted: false,
    }
}

/// Adds `link` (one passage a side) to the possible links unless one holds either passage.
fn keep_possible_pair(possible: &mut Vec<Link>, link: Link) {
    let taken = |p: &Link| p.a.contains(&link.a[0]) || p.b.contains(&link.b[0]);
    if !possible.iter().any(taken) {
        possible.push(link);
    }
}
