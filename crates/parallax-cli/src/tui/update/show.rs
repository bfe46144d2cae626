//! What the panes show: a comparison just built or opened, another pair of sources, a place
//! in them (with the search's hits marked anew); the layout for the current size and view.
//! Shared by the commands, the overlays, the notes and opening a saved comparison.

use parallax::{Comparison, SegmentId, SourceId};

use super::{nav, search};
use crate::tui::layout;
use crate::tui::model::{Model, Phase, Reader, ViewMode};
use crate::tui::side::PaneSide;

/// Shows a comparison just built or opened, from its first passage. The sources' names are
/// worked out here, once, for every frame to read.
pub fn loaded(m: &mut Model, cmp: Comparison) {
    m.names = cmp.names();
    // No flags on a French text would read as "no facts differ": say why there are none.
    let unread = cmp.facts_unread();
    if !unread.is_empty() && m.message.is_none() {
        m.message = Some(format!(
            "{}: facts are read in English and German only; only changed numbers are flagged",
            unread.join(", ")
        ));
    }
    let right = 1.min(cmp.sources.len().saturating_sub(1));
    m.phase = Phase::Ready(Box::new(Reader::new(cmp, SourceId(0), SourceId(right))));
    m.panes = Default::default();
    m.active = PaneSide::Left;
    m.overlay = None;
    // Other claims, numbered anew: the matrix opens on its first row again.
    m.matrix_left_at = Default::default();
    m.linking = None;
    m.panel.scroll = 0;
    search::find_hits(m);
    relayout(m);
    nav::follow(m);
}

/// Shows sources `pair` from the top (when given), makes pane `active` the one keys act on,
/// and focuses the given passages: what going to a picked pair, a claim, a note or a saved
/// place share.
pub fn show_at(
    m: &mut Model,
    pair: Option<[SourceId; 2]>,
    active: PaneSide,
    focus: [Option<SegmentId>; 2],
) {
    if let (Some([left, right]), Some(r)) = (pair, m.phase.ready_mut()) {
        r.show(left, right);
        m.panes = Default::default();
    }
    m.active = active;
    search::find_hits(m);
    relayout(m);
    for (side, seg) in PaneSide::BOTH.into_iter().zip(focus) {
        if let Some(s) = seg {
            m.panes[side].focus = s;
            nav::ensure_visible(m, side);
        }
    }
    nav::follow(m);
}

/// The one pane a synoptic view shows on a screen too narrow for two, if so.
fn only_pane(m: &Model) -> Option<PaneSide> {
    (m.view == ViewMode::Synoptic && m.size.width < layout::NARROW).then_some(m.active)
}

/// Lays the panes out again when the pane shown alone changed (the synoptic view on a
/// narrow screen lays out the side it shows).
pub fn keep_layout(m: &mut Model) {
    let (width, view, only) = (layout::text_width(m.size), m.view, only_pane(m));
    if m.phase
        .ready()
        .is_some_and(|r| !r.laid_out_for(width, view, only))
    {
        relayout(m);
    }
}

/// Recomputes the layout for the current size and view, keeping each pane's focus in sight.
pub fn relayout(m: &mut Model) {
    let width = layout::text_width(m.size);
    let view = m.view;
    let only = only_pane(m);
    if let Some(r) = m.phase.ready_mut() {
        r.relayout(width, view, only);
        for side in PaneSide::BOTH {
            let n = r.layout[side].slot.len();
            m.panes[side].focus = m.panes[side].focus.min(SegmentId(n.saturating_sub(1)));
        }
        nav::ensure_visible(m, m.active);
        if m.view == ViewMode::Synoptic {
            m.panes[m.active.other()].scroll = m.panes[m.active].scroll;
        } else {
            nav::ensure_visible(m, m.active.other());
        }
    }
}

/// Shows passage `seg` of source `doc`: in the pane it is in if it is on screen, else
/// beside the source in the left pane.
pub fn to_passage(m: &mut Model, doc: SourceId, seg: SegmentId) {
    let Some(r) = m.phase.ready() else { return };
    let [left, right] = r.pair.src;
    let (pair, active) = if doc == left {
        (None, PaneSide::Left)
    } else if doc == right {
        (None, PaneSide::Right)
    } else if doc < left {
        (Some([doc, left]), PaneSide::Left)
    } else {
        (Some([left, doc]), PaneSide::Right)
    };
    let mut focus = [None, None];
    focus[active] = Some(seg);
    show_at(m, pair, active, focus);
}
