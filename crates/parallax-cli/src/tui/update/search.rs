//! Search: `/` marks the passages of both panes that hold the words and says how many each
//! has; `]`/`[` walk them, on in the focused pane, then in the other ([`nav::to_hit`]).

use super::nav::{self, HitStep};
use crate::tui::action::Command;
use crate::tui::model::Model;
use crate::tui::side::PaneSide;
use parallax::SourceId;
use parallax::text::{counted, fold};

/// Opens the prompt line empty: for a passage to go to (`:`, with `goto`) or for words to
/// search for (`/`).
pub fn open_prompt(m: &mut Model, goto: bool) {
    m.search.typing = true;
    m.search.goto = goto;
    m.search.input.clear();
}

/// `/…` Enter: marks the hits and goes to the first at or after the focus (in the other
/// pane when this one has none), saying how many each pane has.
pub fn submit(m: &mut Model) {
    m.search.typing = false;
    m.search.query = m.search.input.as_str().trim().to_lowercase();
    find_hits(m);
    if m.search.query.is_empty() {
        return;
    }
    let on_hit = m.search.hits[m.active]
        .get(m.panes[m.active].focus.0)
        .copied()
        .unwrap_or(false);
    // On a hit, the count `find_hits` gave is what there is to say.
    if !on_hit {
        step(m, true);
    }
}

/// `]` / `[`: the next or previous hit.
pub fn next(m: &mut Model, forward: bool) {
    if m.search.query.is_empty() {
        m.message = Some("no search: press / first".into());
    } else {
        step(m, forward);
    }
}

fn step(m: &mut Model, forward: bool) {
    let from = m.active;
    let went = nav::to_hit(m, forward, |m, side, seg| m.search.hits[side][seg.0]);
    let letters = letters(m);
    let count = count(m);
    m.message = Some(match went {
        HitStep::Here => count,
        HitStep::Other => format!(
            "{count} · none further in {}: went on in {}",
            letters[from], letters[m.active]
        ),
        HitStep::Round => format!(
            "{count} · went on from the {}",
            if forward { "top" } else { "bottom" }
        ),
        HitStep::Only => format!("{count} · this is the only one"),
        HitStep::None => none(m),
    });
}

/// How many passages of each pane hold the search: "“taser”: 1 passage in A, 2 in E".
pub(super) fn count(m: &Model) -> String {
    let [left, right] = (m.search.hits.each_ref()).map(|h| h.iter().filter(|h| **h).count());
    let [la, lb] = letters(m);
    format!(
        "“{}”: {} in {la}, {right} in {lb}",
        m.search.query,
        counted(left, "passage")
    )
}

/// The letters of the two sources shown, by pane.
fn letters(m: &Model) -> [String; 2] {
    PaneSide::BOTH.map(|s| {
        (m.phase.ready())
            .map(|r| r.pair.src[s].letter())
            .unwrap_or_default()
    })
}

/// What a search that nothing in the pair shown matches says; with more sources, which of
/// the others have it (the search reads the two panes, `p` shows another pair).
fn none(m: &Model) -> String {
    let Some(r) = m.phase.ready() else {
        return String::new();
    };
    let q = &m.search.query;
    let [la, lb] = letters(m);
    let n = r.cmp.sources.len();
    if n <= 2 {
        return format!("no passage matches “{q}” in {la} or {lb}");
    }
    let folded = fold(q);
    let others: Vec<String> = SourceId::all(n)
        .filter(|d| !r.pair.src.contains(d))
        .filter(|&d| {
            let s = r.cmp.source(d);
            (s.segments.iter()).any(|g| fold(s.segment_text(g.id)).contains(folded.as_str()))
        })
        .map(SourceId::letter)
        .collect();
    if others.is_empty() {
        return format!("no passage of the {n} sources matches “{q}”");
    }
    let pick = m.config.keymap.hint(Command::Pick);
    format!(
        "no passage matches “{q}” in {la} or {lb}; {} {} it ({pick} picks the pair)",
        others.join(", "),
        if others.len() == 1 { "has" } else { "have" }
    )
}

/// Marks the segments of both panes that hold the search, and says how many each has.
pub fn find_hits(m: &mut Model) {
    let Some(r) = m.phase.ready() else { return };
    let q = &m.search.query;
    // Folded like the aligner's words: "koln" finds "Köln", "cafe" finds "Café".
    let folded = fold(q);
    m.search.hits = PaneSide::BOTH.map(|side| {
        let s = r.cmp.source(r.pair.src[side]);
        s.segments
            .iter()
            .map(|g| !q.is_empty() && fold(s.segment_text(g.id)).contains(folded.as_str()))
            .collect()
    });
    if !m.search.query.is_empty() {
        m.message = Some(count(m));
    }
}
