//! Corrections by hand: `x` marks the focused link wrong (on a hand link, removes it; on a
//! passage whose link was marked wrong, restores that link), `l` then Enter links two
//! passages, `w` lists the focused passage's best partners; and the link panel's size and
//! scroll (`z`, `J`, `K`). Corrections are kept with the notes (saved with them, placed again
//! by their text) and applied to the aligner's comparison.

use parallax::align::Reason;
use parallax::annotate::Anchor;
use parallax::{SegmentId, SourceId};

use super::nav;
use super::show::relayout;
use crate::tui::action::Command;
use crate::tui::dialog::{Dialog, partners::Partners};
use crate::tui::matrix::{left_on, row_holding};
use crate::tui::model::{Linking, Model};
use crate::tui::side::PaneSide;

/// How many partners `w` lists.
const PARTNERS: usize = 5;

/// `x`: see the module's notes.
pub fn mark_wrong(m: &mut Model) {
    let Some(r) = m.phase.ready() else { return };
    let side = m.active;
    let seg = m.panes[side].focus;
    let [left, right] = r.pair.src;
    let src = r.pair.src[side];
    let before = m.notes.notes.clone();
    let notes = &mut m.notes.notes;
    let msg = match r.pair.link_at(side, seg) {
        Some(l) if r.pair.link(&r.cmp, l).why.contains(&Reason::ByHand) => {
            match notes.correction_at((left, right), src, seg) {
                Some(k) => {
                    notes.uncorrect(k);
                    format!("link {} by hand removed", l.number())
                }
                None => "this link by hand was not found among the corrections".into(),
            }
        }
        Some(l) => {
            let link = r.pair.link(&r.cmp, l);
            let (lo, hi) = (left.min(right), left.max(right));
            let anchor = Anchor::Link {
                a: lo,
                b: hi,
                a_segments: link.a.clone(),
                b_segments: link.b.clone(),
            };
            match notes.mark_wrong(&r.machine, anchor, m.notes.now) {
                Ok(()) => format!(
                    "link {} marked wrong: hidden ({} on its passage restores it)",
                    l.number(),
                    m.config.keymap.hint(Command::MarkWrong)
                ),
                Err(e) => e.to_string(),
            }
        }
        None => match notes.correction_at((left, right), src, seg) {
            Some(k) => {
                notes.uncorrect(k);
                "link restored".into()
            }
            None => format!(
                "no link here to mark wrong ({} links this passage by hand, {} shows its best partners)",
                m.config.keymap.hint(Command::LinkTo),
                m.config.keymap.hint(Command::WhyNot)
            ),
        },
    };
    m.message = Some(msg);
    apply(m, &before);
}

/// `l`: the focused passage waits for its partner, chosen in the other pane.
pub fn start_link(m: &mut Model) {
    let Some(r) = m.phase.ready() else { return };
    let side = m.active;
    let seg = m.panes[side].focus;
    if seg.0 >= r.cmp.source(r.pair.src[side]).segments.len() {
        m.message = Some("this source has no passages to link".into());
        return;
    }
    m.linking = Some(Linking {
        side,
        from: (r.pair.src[side], seg),
    });
    m.active = side.other();
    nav::ensure_visible(m, m.active);
}

/// Enter while linking: links the waiting passage with the one focused in the other pane.
pub fn finish_link(m: &mut Model) {
    let Some(l) = m.linking.take() else { return };
    let Some(r) = m.phase.ready() else { return };
    if m.active == l.side {
        // Back in the first pane (Tab), Enter picks the passage to link anew: the one
        // focused now waits, and the partner is chosen in the other pane again.
        start_link(m);
        return;
    }
    let to = (r.pair.src[m.active], m.panes[m.active].focus);
    link(m, l.from, to);
}

/// Links passage `from` with passage `to` by hand and shows the result.
pub fn link(m: &mut Model, from: (SourceId, SegmentId), to: (SourceId, SegmentId)) {
    let Some(r) = m.phase.ready() else { return };
    let before = m.notes.notes.clone();
    // A passage in one of the aligner's links leaves it for the link by hand: say so, or
    // that link's change (and a flag of it gone) would pass unseen. (A link by hand grows
    // instead.) The link is named by its passages: its number changes with the links.
    let link_of = |(src, seg): (SourceId, SegmentId)| {
        let side = PaneSide::BOTH.into_iter().find(|&s| r.pair.src[s] == src)?;
        Some((side, r.pair.link_at(side, seg)?))
    };
    // Two passages the aligner linked alone to each other leave nothing: their link is
    // now one by hand ("C 5 left its link with B 4; B 4 left its link with C 5" said so
    // twice, and wrongly).
    let same = match (link_of(from), link_of(to)) {
        (Some((_, x)), Some((_, y))) => x == y && r.pair.shown(x).segs.iter().all(|s| s.len() == 1),
        _ => false,
    };
    let left: Vec<String> = [from, to]
        .into_iter()
        .filter(|_| !same)
        .filter_map(|(src, seg)| {
            let (side, l) = link_of((src, seg))?;
            if r.pair.link(&r.cmp, l).why.contains(&Reason::ByHand) {
                return None;
            }
            let other = side.other();
            Some(format!(
                "{} {} left its link with {} {}",
                src.letter(),
                seg.number(),
                r.pair.src[other].letter(),
                SegmentId::numbers(&r.pair.shown(l).segs[other])
            ))
        })
        .collect();
    let msg = match m
        .notes
        .notes
        .link_by_hand(&r.machine, from, to, m.notes.now)
    {
        Ok(()) => format!(
            "linked by hand: {} {} ↔ {} {}{} ({} on it removes the link)",
            from.0.letter(),
            from.1.number(),
            to.0.letter(),
            to.1.number(),
            left.iter().map(|l| format!("; {l}")).collect::<String>(),
            m.config.keymap.hint(Command::MarkWrong)
        ),
        Err(e) => e.to_string(),
    };
    m.message = Some(msg);
    apply(m, &before);
}

/// `w`: the best partners of the focused passage in the other pane's source.
pub fn why_not(m: &mut Model) {
    let Some(r) = m.phase.ready() else { return };
    let side = m.active;
    let seg = m.panes[side].focus;
    let (src, other) = (r.pair.src[side], r.pair.src[side.other()]);
    let items = r.machine.partners((src, seg), other, PARTNERS);
    let linked = r
        .pair
        .link_at(side, seg)
        .map(|l| r.pair.shown(l).segs[side.other()].clone())
        .unwrap_or_default();
    let elsewhere = items
        .iter()
        .map(|p| {
            r.pair
                .link_at(side.other(), p.segment)
                .filter(|_| !linked.contains(&p.segment))
                .map(|l| l.number())
        })
        .collect();
    m.dialog = Some(Dialog::Partners(Partners {
        of: (src, seg),
        other,
        linked,
        elsewhere,
        items,
        at: 0,
    }));
}

/// `z`, `J`, `K`: the link panel's size and scroll.
pub fn panel(m: &mut Model, cmd: Command) {
    let at = (m.active, m.panes[m.active].focus);
    let scroll = m.panel.scroll_for(at.0, at.1);
    m.panel.at = at;
    match cmd {
        Command::PanelSize => {
            m.panel.big = !m.panel.big;
            // Another size, another page: the panel shows from its top again.
            m.panel.scroll = 0;
            relayout(m);
            nav::ensure_visible(m, m.active);
        }
        Command::PanelDown => {
            // Never past the last full page: there is only blank space below it.
            let most = m.phase.ready().map_or(0, |r| {
                crate::tui::view::detail::most_scroll(m, r, m.areas().detail)
            });
            m.panel.scroll = (scroll + 1).min(most);
        }
        Command::PanelUp => m.panel.scroll = scroll.saturating_sub(1),
        _ => {}
    }
}

/// The comparison shown again with the corrections as they now are; notes on links that
/// went are detached (and placed again when the link comes back).
fn apply(m: &mut Model, before: &parallax::annotate::Notes) {
    if m.notes.notes == *before {
        return;
    }
    let Some(r) = m.phase.ready_mut() else { return };
    let (at, filter) = m.matrix_left_at;
    let was_at = left_on(&r.cmp, filter, at);
    m.notes.notes.reattach(&r.machine);
    r.correct(&m.notes.notes);
    // The claims are grown again from the corrected links, and renumbered: the matrix
    // reopens on the claim it was left on (or on its top row, see `left_on`).
    m.matrix_left_at.0 = row_holding(&r.cmp, filter, &was_at);
    m.notes.changed();
    relayout(m);
    nav::follow(m);
}
