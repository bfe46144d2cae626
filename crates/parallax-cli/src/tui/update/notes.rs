//! The note commands, and the commands that open a dialog: writing and tagging a note on the
//! focused link or passage, the notes panel, saving, exporting, opening another comparison,
//! and quitting with unsaved notes; and going to a note chosen in the panel. Nothing here
//! touches a file: saving, exporting, listing and opening are effects.

use parallax::annotate::{Anchor, NoteId, Notes};

use super::show::show_at;
use crate::tui::action::{Command, Effect, Then};
use crate::tui::dialog::notes_panel::NotesPanel;
use crate::tui::dialog::{Dialog, editor::Editor, export::Export, save::Save, tags::Tags};
use crate::tui::model::Model;
use crate::tui::notes::Target;
use crate::tui::side::PaneSide;

/// The first note anchored exactly on `anchor`.
fn note_on(notes: &Notes, anchor: &Anchor) -> Option<NoteId> {
    notes
        .ordered()
        .into_iter()
        .find(|n| n.anchor.as_ref() == Some(anchor))
        .map(|n| n.id)
}

/// What a note written now would be on: the focused passage's link when `on_link` and it
/// has one, else the passage itself.
fn target(m: &Model, on_link: bool) -> Option<Target> {
    let r = m.phase.ready()?;
    let side = m.active;
    let seg = m.panes[side].focus;
    let src = r.pair.src[side];
    if seg.0 >= r.cmp.source(src).segments.len() {
        return None;
    }
    let link = r.pair.link_at(side, seg);
    let (anchor, label) = match link.filter(|_| on_link) {
        Some(l) => {
            let [a, b] = r.pair.src;
            let anchor = Anchor::link(&r.cmp, a, b, r.pair.shown(l).stored)?;
            (
                anchor,
                format!("link {} ({} ⇄ {})", l.number(), a.letter(), b.letter()),
            )
        }
        None => (
            Anchor::Passage {
                source: src,
                segment: seg,
            },
            format!("{} passage {}", src.letter(), seg.number()),
        ),
    };
    Some(Target {
        id: note_on(&m.notes.notes, &anchor),
        anchor,
        label,
    })
}

/// After the links changed under an open note editor or tag picker (the encoder's refined
/// links arrived while the user wrote), points a note not yet written at what the focused
/// passage is now: its new link, or the passage itself when it lost its link. Without this
/// the note would be written to a link that no longer exists, and refused, text and all.
/// A note already written keeps its id: the notes were placed again with the links.
pub fn retarget(m: &mut Model) {
    let Some(open) = open_target(&mut m.dialog) else {
        return;
    };
    if open.id.is_some() {
        return;
    }
    let on_link = matches!(open.anchor, Anchor::Link { .. });
    let Some(mut now) = target(m, on_link) else {
        return;
    };
    // Still a new note, even where the passage's new link has a note of its own: writing it
    // must add, not replace that note's text.
    now.id = None;
    if let Some(open) = open_target(&mut m.dialog) {
        *open = now;
    }
}

/// What the open note editor or tag picker writes to, if one is open.
fn open_target(dialog: &mut Option<Dialog>) -> Option<&mut Target> {
    match dialog {
        Some(Dialog::Editor(e)) => Some(&mut e.target),
        Some(Dialog::Tags(t)) => Some(&mut t.target),
        _ => None,
    }
}

/// Whether a command was one of the note commands.
pub enum Handled {
    /// Not a note command: the reader's own handling applies.
    No,
    /// Done, with the effect the app loop must run, if any.
    Yes(Option<Effect>),
}

/// The note commands: notes, tags, saving, exporting, opening, and quitting with unsaved
/// notes.
pub fn command(m: &mut Model, cmd: Command) -> Handled {
    let effect = match cmd {
        Command::Note | Command::NotePassage | Command::Tag => {
            let Some(t) = target(m, cmd != Command::NotePassage) else {
                m.message = Some("no passage here to write on".into());
                return Handled::Yes(None);
            };
            m.dialog = Some(if cmd == Command::Tag {
                Dialog::Tags(Tags::new(t))
            } else {
                let text =
                    t.id.and_then(|id| m.notes.notes.get(id))
                        .map_or(String::new(), |n| n.text.clone());
                Dialog::Editor(Editor::new(t, text))
            });
            None
        }
        Command::NotesPanel => {
            m.dialog = Some(Dialog::Notes(NotesPanel::List(0)));
            None
        }
        Command::Save => match m.notes.name.clone() {
            Some(name) => Some(Effect::Save {
                name,
                replace: true,
                then: Then::Stay,
            }),
            None => {
                m.dialog = Some(Dialog::Save(Save::name(Then::Stay)));
                None
            }
        },
        Command::Export => {
            m.dialog = Some(Dialog::Export(Export::Format(0)));
            None
        }
        Command::Open if m.notes.dirty => {
            m.dialog = Some(Dialog::Save(Save::Unsaved(Then::Open)));
            None
        }
        Command::Open => Some(Effect::List),
        Command::Quit if m.notes.dirty => {
            m.dialog = Some(Dialog::Save(Save::Unsaved(Then::Quit)));
            None
        }
        _ => return Handled::No,
    };
    Handled::Yes(effect)
}

/// Shows note `at` (reading order): its pair of sources, focused on its passage.
pub fn to_note(m: &mut Model, at: usize) {
    let anchor = match m.notes.notes.ordered().get(at) {
        Some(n) => n.anchor.clone(),
        None => return,
    };
    let Some(r) = m.phase.ready_mut() else { return };
    let (source, segment, other) = match anchor {
        Some(Anchor::Passage { source, segment }) => {
            let other = r.pair.src.into_iter().find(|s| *s != source);
            (source, segment, other)
        }
        Some(Anchor::Link {
            a, b, a_segments, ..
        }) => (a, a_segments.first().copied().unwrap_or_default(), Some(b)),
        None => {
            m.message = Some("a detached note: the link or passage it was on is gone (changed by hand or in the sources)".into());
            m.dialog = Some(Dialog::Notes(NotesPanel::List(at)));
            return;
        }
    };
    let switch = !r.pair.src.contains(&source) || other.is_some_and(|o| !r.pair.src.contains(&o));
    let shown = if switch {
        let o = other.unwrap_or(r.pair.src[PaneSide::Right]);
        [source.min(o), source.max(o)]
    } else {
        r.pair.src
    };
    let active = if shown[PaneSide::Left] == source {
        PaneSide::Left
    } else {
        PaneSide::Right
    };
    let mut focus = [None, None];
    focus[active] = Some(segment);
    show_at(m, switch.then_some(shown), active, focus);
}
