//! Moving the focus and scrolling: passage by passage, by page, to links, additions,
//! conflicts and search hits, to the counterpart, and by mouse.

use parallax::SegmentId;

use crate::tui::model::{Model, ViewMode};
use crate::tui::pair::ShownLink;
use crate::tui::side::PaneSide;

fn height(m: &Model) -> usize {
    let a = m.areas();
    PaneSide::BOTH
        .into_iter()
        .find_map(|side| a.pane[side])
        .map_or(1, |r| r.height.max(1) as usize)
}

/// Focus the passage at `index` (display order) of the active pane.
fn focus_at(m: &mut Model, index: usize) {
    let side = m.active;
    let Some(r) = m.phase.ready() else { return };
    if let Some(p) = r.layout[side].placed.get(index) {
        m.panes[side].focus = p.seg;
        ensure_visible(m, side);
        follow(m);
    }
}

fn index_of_focus(m: &Model, side: PaneSide) -> Option<usize> {
    let r = m.phase.ready()?;
    r.layout[side]
        .slot
        .get(m.panes[side].focus.0)
        .copied()
        .flatten()
}

/// Scrolls pane `side` as little as needed to show its focused passage.
pub fn ensure_visible(m: &mut Model, side: PaneSide) {
    let h = height(m);
    let Some(r) = m.phase.ready() else { return };
    let l = &r.layout[side];
    let pane = &mut m.panes[side];
    if let Some(p) = l.of(pane.focus) {
        let tall = p.bottom() - p.top > h;
        if tall && (p.top..p.bottom()).contains(&pane.scroll) {
            // Paging inside a passage taller than the pane: keep the place read to.
        } else if p.top < pane.scroll || tall {
            pane.scroll = p.top;
        } else if p.bottom() > pane.scroll + h {
            pane.scroll = p.bottom() - h;
        }
    }
    pane.scroll = pane.scroll.min(l.max_scroll(h));
}

/// The first passage on the other side linked to segment `seg` of `side`; with the possible
/// links shown, that of its possible link when it has no link.
pub fn counterpart(m: &Model, side: PaneSide, seg: SegmentId) -> Option<SegmentId> {
    let r = m.phase.ready()?;
    match r.pair.link_at(side, seg) {
        Some(l) => r.pair.shown(l).segs[side.other()].first().copied(),
        None if m.show_possible => r
            .pair
            .possible_at(&r.cmp, side, seg)
            .and_then(|(_, there)| there.first().copied()),
        None => None,
    }
}

/// The other pane follows the focus: to the counterpart, level with it when it can.
pub fn follow(m: &mut Model) {
    let (s, o) = (m.active, m.active.other());
    let h = height(m);
    let cp = counterpart(m, s, m.panes[s].focus);
    let Some(r) = m.phase.ready() else { return };
    if let Some(cp) = cp {
        m.panes[o].focus = cp;
    }
    if m.view == ViewMode::Synoptic {
        m.panes[o].scroll = m.panes[s].scroll.min(r.layout[o].max_scroll(h));
        return;
    }
    let Some(cp) = cp else { return };
    let (Some(me), Some(there)) = (r.layout[s].of(m.panes[s].focus), r.layout[o].of(cp)) else {
        return;
    };
    let offset = me.top as isize - m.panes[s].scroll as isize;
    let want = (there.top as isize - offset).max(0) as usize;
    m.panes[o].scroll = want.min(r.layout[o].max_scroll(h));
    ensure_visible(m, o);
}

/// j/k: the next or previous passage.
pub fn step(m: &mut Model, down: bool) {
    let Some(i) = index_of_focus(m, m.active) else {
        return;
    };
    let n = m
        .phase
        .ready()
        .map_or(0, |r| r.layout[m.active].placed.len());
    let to = if down {
        (i + 1).min(n.saturating_sub(1))
    } else {
        i.saturating_sub(1)
    };
    focus_at(m, to);
}

/// PgDn/PgUp: a screen on, focusing the first passage that starts in view.
pub fn page(m: &mut Model, down: bool) {
    let side = m.active;
    let h = height(m);
    let Some(r) = m.phase.ready() else { return };
    let l = &r.layout[side];
    let max = l.max_scroll(h);
    let at = m.panes[side].scroll;
    let to = if down {
        (at + h.saturating_sub(1).max(1)).min(max)
    } else {
        at.saturating_sub(h.saturating_sub(1).max(1))
    };
    let first = l.placed.partition_point(|p| p.top < to);
    // A passage taller than the pane that the new place falls inside keeps the focus, so
    // that paging reads on through it rather than jumping to the passage after it.
    let inside = first
        .checked_sub(1)
        .filter(|&k| l.placed[k].bottom() > to && l.placed[k].bottom() - l.placed[k].top > h);
    let idx = if let Some(k) = inside {
        k
    } else if down && to == max && at == max {
        l.placed.len().saturating_sub(1)
    } else if !down && to == 0 {
        0
    } else {
        first.min(l.placed.len().saturating_sub(1))
    };
    m.panes[side].scroll = to;
    focus_at(m, idx);
}

/// g/G: the first or last passage.
pub fn to_end(m: &mut Model, last: bool) {
    let n = m
        .phase
        .ready()
        .map_or(0, |r| r.layout[m.active].placed.len());
    focus_at(m, if last { n.saturating_sub(1) } else { 0 });
}

/// Focus the next (or previous) passage in display order for which `pred` holds.
pub fn jump(
    m: &mut Model,
    forward: bool,
    pred: impl Fn(&Model, PaneSide, SegmentId) -> bool,
) -> bool {
    let side = m.active;
    let Some(i) = index_of_focus(m, side) else {
        return false;
    };
    let Some(r) = m.phase.ready() else {
        return false;
    };
    let placed = &r.layout[side].placed;
    let found = if forward {
        (i + 1..placed.len()).find(|&k| pred(m, side, placed[k].seg))
    } else {
        (0..i).rev().find(|&k| pred(m, side, placed[k].seg))
    };
    match found {
        Some(k) => {
            focus_at(m, k);
            true
        }
        None => {
            m.message = Some(
                if forward {
                    "nothing further down"
                } else {
                    "nothing further up"
                }
                .into(),
            );
            false
        }
    }
}

/// True when some passage of the active pane satisfies `pred`: a jump that finds nothing
/// then says "nothing further", and one with nothing to find says what is missing.
pub fn any_in_pane(m: &Model, pred: impl Fn(&Model, PaneSide, SegmentId) -> bool) -> bool {
    let side = m.active;
    m.phase
        .ready()
        .is_some_and(|r| r.layout[side].placed.iter().any(|p| pred(m, side, p.seg)))
}

/// Where [`to_hit`] went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitStep {
    /// On to another hit in the focused pane.
    Here,
    /// Into the other pane, which it made the focused one: none was left in this one.
    Other,
    /// Round to the first (or last) hit of the focused pane: none was left in either.
    Round,
    /// Nowhere: the focused passage is the only hit.
    Only,
    /// Nowhere: no passage of either pane is a hit.
    None,
}

/// The next (or previous) passage for which `hit` holds: on in the focused pane, then from
/// the top (or bottom) of the other pane, then round again in this one, so that `]` visits
/// every hit of both sources.
pub fn to_hit(
    m: &mut Model,
    forward: bool,
    hit: impl Fn(&Model, PaneSide, SegmentId) -> bool,
) -> HitStep {
    let side = m.active;
    let Some(r) = m.phase.ready() else {
        return HitStep::None;
    };
    let focus = index_of_focus(m, side);
    // The first hit of pane `s` after index `from` (or before it), from an end for `None`.
    let find = |s: PaneSide, from: Option<usize>| {
        let placed = &r.layout[s].placed;
        let is_hit = |k: &usize| hit(m, s, placed[*k].seg);
        if forward {
            (from.map_or(0, |i| i + 1)..placed.len()).find(is_hit)
        } else {
            (0..from.unwrap_or(placed.len())).rev().find(is_hit)
        }
    };
    let (to, k, step) = if let Some(k) = focus.and_then(|i| find(side, Some(i))) {
        (side, k, HitStep::Here)
    } else if let Some(k) = find(side.other(), None) {
        (side.other(), k, HitStep::Other)
    } else if let Some(k) = find(side, None) {
        let same = Some(k) == focus;
        (side, k, if same { HitStep::Only } else { HitStep::Round })
    } else {
        return HitStep::None;
    };
    m.active = to;
    focus_at(m, k);
    step
}

fn link_at(m: &Model, side: PaneSide, seg: SegmentId) -> Option<ShownLink> {
    m.phase.ready()?.pair.link_at(side, seg)
}

/// The placed index of link `l`'s first passage in pane `side`.
fn first_slot(m: &Model, side: PaneSide, l: ShownLink) -> Option<usize> {
    let r = m.phase.ready()?;
    r.pair.shown(l).segs[side]
        .iter()
        .filter_map(|&s| r.layout[side].slot.get(s.0).copied().flatten())
        .min()
}

/// The link that starts at `seg` in pane `side`, if one does. A link's passages need not be
/// next to each other (one sentence of B can tell what four scattered sentences of A do), so
/// n/N and c/C land only where a link starts: they then step through links in this pane's
/// order and never come back to one already passed.
fn link_starting_at(m: &Model, side: PaneSide, seg: SegmentId) -> Option<ShownLink> {
    let l = link_at(m, side, seg)?;
    let here = m.phase.ready()?.layout[side]
        .slot
        .get(seg.0)
        .copied()
        .flatten();
    (here.is_some() && here == first_slot(m, side, l)).then_some(l)
}

/// n/N: the next or previous link, landing on its first passage in this pane.
pub fn link(m: &mut Model, forward: bool) {
    let side = m.active;
    if !any_in_pane(m, |m, s, seg| link_at(m, s, seg).is_some()) {
        m.message = Some("no links in this pair".into());
        return;
    }
    let cur = link_at(m, side, m.panes[side].focus);
    if jump(m, forward, |m, s, seg| {
        link_starting_at(m, s, seg).is_some_and(|l| Some(l) != cur)
    }) && !forward
    {
        to_link_start(m);
    }
}

/// c/C: the next or previous link whose facts differ.
pub fn conflict(m: &mut Model, forward: bool) {
    let side = m.active;
    let cur = link_at(m, side, m.panes[side].focus);
    let has = |m: &Model, s: PaneSide, seg: SegmentId| {
        let Some(l) = link_starting_at(m, s, seg) else {
            return false;
        };
        let r = m.phase.ready().expect("linked implies a reader");
        Some(l) != cur && !r.pair.link_facts(&r.cmp, l).conflicts.is_empty()
    };
    let differs = |m: &Model, s: PaneSide, seg: SegmentId| {
        let r = m.phase.ready().expect("a pane implies a reader");
        link_at(m, s, seg).is_some_and(|l| !r.pair.link_facts(&r.cmp, l).conflicts.is_empty())
    };
    if !any_in_pane(m, differs) {
        m.message = Some("no facts differ in this pair".into());
        return;
    }
    if jump(m, forward, has) && !forward {
        to_link_start(m);
    }
}

fn to_link_start(m: &mut Model) {
    let side = m.active;
    let Some(l) = link_at(m, side, m.panes[side].focus) else {
        return;
    };
    if let Some(i) = first_slot(m, side, l) {
        focus_at(m, i);
    }
}

/// Enter: the keyboard moves to the other pane, on the counterpart.
pub fn to_counterpart(m: &mut Model) {
    let side = m.active;
    match counterpart(m, side, m.panes[side].focus) {
        Some(cp) => {
            m.active = side.other();
            m.panes[m.active].focus = cp;
            ensure_visible(m, m.active);
            follow(m);
        }
        None => m.message = Some("this passage has no counterpart".into()),
    }
}

/// The pane (side) whose text area holds screen position (x, y), and the row in it.
fn pane_at(m: &Model, x: u16, y: u16) -> Option<(PaneSide, usize)> {
    let a = m.areas();
    PaneSide::BOTH.into_iter().find_map(|side| {
        let r = a.pane[side]?;
        (x >= r.x && x < r.right() && y >= r.y && y < r.bottom())
            .then(|| (side, (y - r.y) as usize))
    })
}

/// A click focuses the passage under the pointer, in its pane.
pub fn click(m: &mut Model, x: u16, y: u16) {
    if m.overlay.is_some() {
        return;
    }
    let Some((side, row)) = pane_at(m, x, y) else {
        return;
    };
    let Some(r) = m.phase.ready() else { return };
    let global = m.panes[side].scroll + row;
    let Some(i) = r.layout[side].at_row(global) else {
        return;
    };
    if global >= r.layout[side].placed[i].bottom() {
        return; // a blank row between passages
    }
    m.active = side;
    focus_at(m, i);
}

/// The wheel scrolls the pane under the pointer (both, when they are level).
pub fn wheel(m: &mut Model, x: u16, y: u16, down: bool) {
    let Some((side, _)) = pane_at(m, x, y) else {
        return;
    };
    let h = height(m);
    let Some(r) = m.phase.ready() else { return };
    let sides: &[PaneSide] = if m.view == ViewMode::Synoptic {
        &PaneSide::BOTH
    } else {
        std::slice::from_ref(&side)
    };
    for &s in sides {
        let p = &mut m.panes[s];
        p.scroll = if down {
            (p.scroll + 3).min(r.layout[s].max_scroll(h))
        } else {
            p.scroll.saturating_sub(3)
        };
    }
}
