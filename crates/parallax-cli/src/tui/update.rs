//! `update`: the only place the model changes. No I/O here; effects are returned to the app
//! loop. Moving the focus lives in `nav`, what the panes show in `show`, the note commands in
//! `notes`, searching in `search`, going to a passage by its number in `goto`, the outcomes
//! of saving and opening in `files`; the dialogs' own keys in `tui::dialog`.

mod claims;
mod correct;
mod files;
mod goto;
mod nav;
mod notes;
mod search;
mod show;

use parallax::SourceId;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::{Action, Command, Effect};
use super::dialog::{ContextMut, Dialog, DialogKey, Step, open_list::OpenList};
use super::keymap::Key;
use super::layout;
use super::model::{Model, Overlay, Phase, ViewMode};
use super::pair::{PairView, pairs};
use search::find_hits;
use show::{loaded, relayout, show_at};

/// The action for a key press: while a dialog is open it takes every key. On a screen too
/// small to show the reader only quitting acts: any other key would change what the user
/// cannot see (resizing still arrives, as an event of its own).
pub fn key_action(m: &Model, ev: &KeyEvent) -> Option<Action> {
    if m.areas().tiny {
        let quit = m.config.keymap.lookup(Key::from_event(ev)) == Some(Command::Quit);
        return match (quit, m.dialog.is_some()) {
            (false, _) => None,
            // The dialog closes on it, as it would on a larger screen.
            (true, true) => Some(Action::Key(*ev)),
            (true, false) => Some(Action::Cmd(Command::Quit)),
        };
    }
    if m.dialog.is_some() {
        return Some(Action::Key(*ev));
    }
    m.config.keymap.action(ev, m.search.typing)
}

/// Applies `action` to the model; returns the effect the app loop must run, if any.
pub fn update(m: &mut Model, action: Action) -> Option<Effect> {
    let effect = apply(m, action);
    show::keep_layout(m);
    effect
}

fn apply(m: &mut Model, action: Action) -> Option<Effect> {
    m.message = None;
    match action {
        Action::Cmd(cmd) => return command(m, cmd),
        Action::Resize(w, h) => {
            m.size = Rect::new(0, 0, w, h);
            relayout(m);
        }
        Action::Click(x, y) => nav::click(m, x, y),
        Action::Wheel(x, y, down) => nav::wheel(m, x, y, down),
        Action::SearchChar(c) => m.search.input.insert(c),
        Action::SearchBack => m.search.input.backspace(),
        Action::SearchEdit(ev) => {
            m.search.input.key(&ev);
        }
        Action::SearchSubmit if m.search.goto => goto::submit(m),
        Action::SearchSubmit => search::submit(m),
        Action::Progress(d, t) => {
            if let Phase::Aligning { done, total, .. } = &mut m.phase {
                (*done, *total) = (d, t);
            }
        }
        Action::Tick(now) => {
            if let Phase::Aligning { secs, .. } = &mut m.phase {
                *secs = now;
            }
        }
        Action::Loaded(cmp) => {
            loaded(m, *cmp);
            m.message = m.sources_note.clone().or(m.message.take());
        }
        Action::Refining => m.refining = true,
        Action::Refined(cmp) => files::refined(m, cmp),
        // A comparison on screen stays there: only the aligner fails, and only before it.
        Action::Failed(e) if m.ready().is_none() => m.phase = Phase::Failed(e),
        // Refining it failed: the links shown stay.
        Action::Failed(e) => files::refined(m, Err(e)),
        Action::Key(ev) => return dialog_key(m, ev),
        Action::Opened(o) => files::opened(m, *o),
        Action::Done(result) => return files::done(m, result),
        Action::Listed(items) => m.dialog = Some(Dialog::Open(OpenList::new(items))),
        Action::Added(cmp) => files::added(m, *cmp),
        Action::AddFailed(e) => files::add_failed(m, &e),
    }
    None
}

/// A key pressed while a dialog is open: the dialog takes it, and `update` does what it asks.
fn dialog_key(m: &mut Model, ev: KeyEvent) -> Option<Effect> {
    let mut dialog = m.dialog.take()?;
    // Dialogs open only over a comparison; without one, the key just closes it.
    let r = m.phase.ready()?;
    let mut cx = ContextMut {
        config: &m.config,
        cmp: &r.cmp,
        notes: &mut m.notes,
        message: &mut m.message,
    };
    match dialog.key(&mut cx, &DialogKey::new(&m.config.keymap, ev)) {
        Step::Stay => m.dialog = Some(dialog),
        Step::Close => {}
        Step::Run(effect) => {
            if matches!(effect, Effect::AddSource(_)) {
                m.adding_from = Some(dialog);
            }
            return Some(effect);
        }
        Step::ShowNote(at) => notes::to_note(m, at),
        Step::Link(from, to) => correct::link(m, from, to),
    }
    None
}

fn command(m: &mut Model, cmd: Command) -> Option<Effect> {
    if m.search.typing && cmd == Command::Cancel {
        m.search.typing = false;
        m.search.goto = false;
        return None;
    }
    if let Some(o) = m.overlay {
        return overlay_command(m, o, cmd);
    }
    if m.ready().is_none() {
        return (cmd == Command::Quit).then_some(Effect::Quit);
    }
    if m.linking.is_some() {
        match cmd {
            Command::Counterpart => {
                correct::finish_link(m);
                return None;
            }
            Command::Cancel => {
                m.linking = None;
                m.message = Some("no link made".into());
                return None;
            }
            _ => {}
        }
    }
    if let notes::Handled::Yes(effect) = notes::command(m, cmd) {
        return effect;
    }
    match cmd {
        Command::Quit => return Some(Effect::Quit),
        Command::Down => nav::step(m, true),
        Command::Up => nav::step(m, false),
        Command::PageDown => nav::page(m, true),
        Command::PageUp => nav::page(m, false),
        Command::First => nav::to_end(m, false),
        Command::Last => nav::to_end(m, true),
        Command::SwitchPane => {
            m.active = m.active.other();
            nav::ensure_visible(m, m.active);
        }
        Command::NextLink | Command::PrevLink => nav::link(m, cmd == Command::NextLink),
        Command::NextAdded | Command::PrevAdded => {
            let fwd = cmd == Command::NextAdded;
            let added = |m: &Model, side, seg| pair_of(m).is_some_and(|p| p.is_added(side, seg));
            if nav::any_in_pane(m, added) {
                nav::jump(m, fwd, added);
            } else {
                let letter = pair_of(m).map_or_else(String::new, |p| p.src[m.active].letter());
                m.message = Some(format!("no additions: {letter} adds nothing in this pair"));
            }
        }
        Command::NextConflict | Command::PrevConflict => {
            nav::conflict(m, cmd == Command::NextConflict)
        }
        Command::Counterpart => nav::to_counterpart(m),
        Command::Possible => {
            m.show_possible = !m.show_possible;
            let none = m.ready().is_none_or(|r| {
                let [a, b] = r.pair.src;
                r.cmp
                    .pair(a, b)
                    .is_none_or(|p| p.alignment.possible.is_empty())
            });
            m.message = Some(match (m.show_possible, none) {
                (true, false) => {
                    "possible links shown: ? in the gutter, Enter goes to the partner".into()
                }
                (true, true) => "possible links shown: this pair has none".into(),
                (false, _) => "possible links hidden".into(),
            });
        }
        Command::Search | Command::GoTo => search::open_prompt(m, cmd == Command::GoTo),
        Command::NextHit | Command::PrevHit => search::next(m, cmd == Command::NextHit),
        Command::ToggleView => {
            m.view = match m.view {
                ViewMode::Reading => ViewMode::Synoptic,
                ViewMode::Synoptic => ViewMode::Reading,
            };
            relayout(m);
            nav::follow(m);
        }
        Command::Pick | Command::Matrix => {
            if m.phase.ready().is_some_and(|r| r.cmp.sources.len() > 2) {
                m.overlay = Some(if cmd == Command::Pick {
                    // The cursor starts on the pair shown, whichever side each source is on.
                    let shown = pair_of(m).map(|p| {
                        let [a, b] = p.src;
                        (a.min(b), a.max(b))
                    });
                    let at = pairs_of(m).iter().position(|&p| Some(p) == shown);
                    Overlay::Pick(at.unwrap_or(0))
                } else {
                    // Where it was left, on a row that is still there; every claim when
                    // the filter left has none now.
                    let (at, filter) = m.matrix_left_at;
                    let rows = m
                        .phase
                        .ready()
                        .map_or(0, |r| crate::tui::matrix::rows(&r.cmp, filter).len());
                    match rows {
                        0 => Overlay::Matrix(0, Default::default()),
                        n => Overlay::Matrix(at.min(n - 1), filter),
                    }
                });
            } else {
                m.message = Some(if cmd == Command::Pick {
                    "only two sources: nothing to pick".into()
                } else {
                    "the claim matrix needs three sources or more".into()
                });
            }
        }
        Command::Help => m.overlay = Some(Overlay::Help(0)),
        Command::ClaimsShared
        | Command::ClaimsOnly
        | Command::ClaimsConflict
        | Command::ClaimsAll => {
            let many = m.phase.ready().is_some_and(|r| r.cmp.sources.len() > 2);
            m.message = Some(if many {
                let open = m.config.keymap.hint(Command::Matrix);
                format!("these keys filter the claim matrix: open it first ({open})")
            } else {
                "these keys filter the claim matrix, which needs three sources or more".into()
            });
        }
        Command::MarkWrong => correct::mark_wrong(m),
        Command::LinkTo => correct::start_link(m),
        Command::WhyNot => correct::why_not(m),
        Command::PanelSize | Command::PanelDown | Command::PanelUp => correct::panel(m, cmd),
        // Handled by `notes::command`.
        Command::Note
        | Command::NotePassage
        | Command::Tag
        | Command::NotesPanel
        | Command::Save
        | Command::Export
        | Command::Open => {}
        // Looked up only while the note editor is open, which takes its keys first.
        Command::EditorSave | Command::EditorCancel => {}
        Command::Cancel => {
            m.search.query.clear();
            find_hits(m);
        }
    }
    None
}

fn overlay_command(m: &mut Model, o: Overlay, cmd: Command) -> Option<Effect> {
    if let Overlay::Matrix(at, filter) = o {
        claims::command(m, at, filter, cmd);
        return None;
    }
    let close = matches!(cmd, Command::Cancel | Command::Quit)
        || matches!(
            (o, cmd),
            (Overlay::Help(_), Command::Help) | (Overlay::Pick(_), Command::Pick)
        );
    if close {
        m.overlay = None;
        return None;
    }
    let max = match o {
        Overlay::Pick(_) => pairs_of(m).len(),
        Overlay::Matrix(..) => 0,
        // The help scrolls until its last line is at the bottom of the box, which fills
        // the screen less its two borders: scrolling further would move nothing on screen
        // and make the way back up seem dead.
        Overlay::Help(_) => {
            let rows = (m.size.height as usize).saturating_sub(2).max(1);
            super::view::overlay::help_lines(m)
                .len()
                .saturating_sub(rows)
                + 1
        }
    }
    .saturating_sub(1);
    let page = layout::page_height(m.size).saturating_sub(2).max(1);
    // From no further than the end: the terminal may have grown since the user went there.
    let moved = |at: usize| {
        let at = at.min(max);
        match cmd {
            Command::Down => (at + 1).min(max),
            Command::Up => at.saturating_sub(1),
            Command::PageDown => (at + page).min(max),
            Command::PageUp => at.saturating_sub(page),
            Command::First => 0,
            Command::Last => max,
            _ => at,
        }
    };
    m.overlay = Some(match o {
        Overlay::Help(at) => Overlay::Help(moved(at)),
        Overlay::Matrix(..) => o,
        Overlay::Pick(at) if cmd == Command::Counterpart => {
            if let Some((a, b)) = pairs_of(m).get(at).copied() {
                m.overlay = None;
                show_at(m, Some([a, b]), m.active, [None, None]);
            }
            return None;
        }
        Overlay::Pick(at) => Overlay::Pick(moved(at)),
    });
    None
}

/// Every pair of sources a user can pick, in order.
fn pairs_of(m: &Model) -> Vec<(SourceId, SourceId)> {
    pairs(m.ready().map_or(0, |r| r.cmp.sources.len()))
}

fn pair_of(m: &Model) -> Option<&PairView> {
    m.phase.ready().map(|r| &r.pair)
}
