//! The claim matrix's keys: move over the visible rows, filter them, and Enter to show a
//! row's claim (or passage) in the panes.

use parallax::SourceId;
use parallax::comparison::ClaimLink;

use super::show::{show_at, to_passage};
use crate::tui::action::Command;
use crate::tui::layout;
use crate::tui::matrix::{Filter, Row, rows};
use crate::tui::model::{Model, Overlay};
use crate::tui::side::PaneSide;

/// Runs `cmd` in the matrix, whose cursor is on visible row `at` under `filter`.
pub fn command(m: &mut Model, at: usize, filter: Filter, cmd: Command) {
    let Some(r) = m.phase.ready() else {
        m.overlay = None;
        return;
    };
    let shown = rows(&r.cmp, filter);
    let last = shown.len().saturating_sub(1);
    let page = layout::page_height(m.size).saturating_sub(2).max(1);
    let refilter = |f: Filter| Some(Overlay::Matrix(0, f));
    // Closed or left for a claim, it opens here again.
    m.matrix_left_at = (at, filter);
    m.overlay = match cmd {
        // Esc first clears a filter, then closes.
        Command::Cancel | Command::ClaimsAll if filter != Filter::All => refilter(Filter::All),
        Command::Cancel | Command::Quit | Command::Matrix => None,
        Command::ClaimsAll => refilter(Filter::All),
        Command::ClaimsShared => refilter(Filter::Shared),
        Command::ClaimsOnly => refilter(Filter::Only),
        Command::ClaimsConflict => refilter(Filter::Conflict),
        // `:` goes to a passage the row names: the matrix closes for the prompt.
        Command::GoTo => {
            m.overlay = None;
            super::search::open_prompt(m, true);
            return;
        }
        Command::Counterpart => {
            m.overlay = None;
            match shown.get(at) {
                Some(&Row::Claim(c)) => to_claim(m, c, filter == Filter::Conflict),
                Some(&Row::Only(doc, seg)) => to_passage(m, doc, seg),
                None => m.overlay = Some(Overlay::Matrix(at, filter)),
            }
            return;
        }
        Command::Down => Some(Overlay::Matrix((at + 1).min(last), filter)),
        Command::Up => Some(Overlay::Matrix(at.saturating_sub(1), filter)),
        Command::PageDown => Some(Overlay::Matrix((at + page).min(last), filter)),
        Command::PageUp => Some(Overlay::Matrix(at.saturating_sub(page), filter)),
        Command::First => Some(Overlay::Matrix(0, filter)),
        Command::Last => Some(Overlay::Matrix(last, filter)),
        _ => Some(Overlay::Matrix(at, filter)),
    };
}

/// Shows claim `c` of the matrix in a pair of sources whose passages of it are linked, so
/// that the panes hold the claim side by side: the pair on screen and the source the row
/// quotes where the links allow, else the best link. Only the sources that state a claim
/// being known is not enough: a source joins a claim when linked to most of it, not to
/// each of its sources. With `conflict` (the row was chosen among the claims in conflict),
/// a pair whose link tells the claim's fact two ways comes first (a weak one when the claim
/// is listed for a possible difference only): the two that agree would show nothing of
/// what the row was chosen for.
fn to_claim(m: &mut Model, c: usize, conflict: bool) {
    let Some(r) = m.phase.ready_mut() else { return };
    let Some(cluster) = r.cmp.clusters.get(c).cloned() else {
        return;
    };
    let told = |conflicts: fn(&_, &_, SourceId) -> Vec<_>| -> Vec<(SourceId, SourceId)> {
        (SourceId::all(r.cmp.sources.len()))
            .filter(|_| conflict)
            .flat_map(|d| {
                let with: Vec<parallax::comparison::MemberConflict> =
                    conflicts(&r.cmp, &cluster, d);
                with.into_iter().map(move |x| (d, x.with))
            })
            .collect()
    };
    let mut differ = told(parallax::Comparison::claim_conflicts);
    let possibly = differ.is_empty();
    if possibly {
        differ = told(parallax::Comparison::possible_claim_conflicts);
    }
    let differs = |l: &ClaimLink| differ.contains(&(l.a.0, l.b.0));
    let [left, right] = r.pair.src;
    // The source whose passage the matrix quotes as the claim's label: shown where a link
    // allows, so that the row's words are on screen after Enter.
    let quoted = labelled(&r.cmp, &cluster);
    let links = r.cmp.claim_links(&cluster, None);
    let has = |l: &ClaimLink, d: SourceId| l.a.0 == d || l.b.0 == d;
    let rank = |l: &ClaimLink| {
        let here = usize::from(has(l, left)) + usize::from(has(l, right));
        match (here, quoted.is_some_and(|q| has(l, q))) {
            (2, true) => 0,
            (1, true) => 1,
            (2, false) => 2,
            (0, true) => 3,
            (1, false) => 4,
            _ => 5,
        }
    };
    // A shown link first: a possible one is hidden unless asked for (P), and the panes
    // would then show the two passages unlinked. A claim listed for a difference only a
    // weak link tells is shown on a weak link of the pair that tells it, not on a believed
    // one beside it.
    let believed = r.cmp.options.params.link_model.min_score;
    let best = links.iter().min_by_key(|l| {
        let weak_first = possibly && l.score < believed;
        (!l.shown, !differs(l), !weak_first, rank(l))
    });
    let Some(best) = best.copied() else {
        m.message = Some("this claim's passages are linked in no pair".into());
        return;
    };
    let pair = [best.a.0, best.b.0];
    let switch = pair != [left, right];
    show_at(
        m,
        switch.then_some(pair),
        PaneSide::Left,
        [Some(best.a.1), Some(best.b.1)],
    );
}

/// The source of the passage claim `c`'s label quotes (the start of its most central
/// passage), when a member's passage starts so.
fn labelled(cmp: &parallax::Comparison, c: &parallax::comparison::Cluster) -> Option<SourceId> {
    let start = c.label.trim_end_matches('…');
    c.members
        .iter()
        .find(|mb| {
            mb.segments.iter().any(|&s| {
                let text: String = cmp
                    .source(mb.doc)
                    .segment_text(s)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                text.starts_with(start)
            })
        })
        .map(|mb| mb.doc)
}
