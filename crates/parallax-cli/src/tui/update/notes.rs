//! Notes, tags, saving, exporting and opening: the commands that open a prompt, the keys a
//! prompt takes, and the outcomes of the effects the app loop ran. Nothing here touches a
//! file: saving, exporting, listing and opening are effects.

use parallax::annotate::{Anchor, NoteId, Notes};
use parallax::export::text::letter;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::Input;

use crate::tui::action::{Action, Command, Effect, Opened};
use crate::tui::keymap::Key;
use crate::tui::model::Model;
use crate::tui::prompt::{Prompt, Target, Then, editor};

/// The action for a key press: while a prompt is open it takes every key.
pub fn key_action(m: &Model, ev: &KeyEvent) -> Option<Action> {
    if m.prompt.is_some() {
        return Some(Action::Key(*ev));
    }
    m.config.keymap.action(ev, m.search.typing)
}

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
    if seg >= r.cmp.sources[src].segments.len() {
        return None;
    }
    let link = r.pair.link_of[side].get(seg).copied().flatten();
    let (anchor, label) = match link.filter(|_| on_link) {
        Some(l) => {
            let [a, b] = r.pair.src;
            let anchor = Anchor::link(&r.cmp, a, b, r.pair.links[l].raw)?;
            (
                anchor,
                format!("link {} ({} ⇄ {})", l + 1, letter(a), letter(b)),
            )
        }
        None => (
            Anchor::Passage {
                source: src,
                segment: seg,
            },
            format!("{} passage {}", letter(src), seg + 1),
        ),
    };
    Some(Target {
        id: note_on(&m.notes.notes, &anchor),
        anchor,
        label,
    })
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
            m.prompt = Some(if cmd == Command::Tag {
                Prompt::Tags(t, 0)
            } else {
                let text =
                    t.id.and_then(|id| m.notes.notes.get(id))
                        .map_or(String::new(), |n| n.text.clone());
                Prompt::Editor {
                    target: t,
                    area: editor(&text),
                    original: text,
                    warned: false,
                }
            });
            None
        }
        Command::NotesPanel => {
            m.prompt = Some(Prompt::Panel(0));
            None
        }
        Command::Save => match m.notes.name.clone() {
            Some(name) => Some(Effect::Save {
                name,
                replace: true,
                then: Then::Stay,
            }),
            None => {
                m.prompt = Some(super::files::name_prompt(Then::Stay));
                None
            }
        },
        Command::Export => {
            m.prompt = Some(Prompt::Format(0));
            None
        }
        Command::Open if m.notes.dirty => {
            m.prompt = Some(Prompt::Unsaved(Then::Open));
            None
        }
        Command::Open => Some(Effect::List),
        Command::Quit if m.notes.dirty => {
            m.prompt = Some(Prompt::Unsaved(Then::Quit));
            None
        }
        _ => return Handled::No,
    };
    Handled::Yes(effect)
}

/// A key as prompts read it.
pub struct Keys {
    /// The key.
    pub ev: KeyEvent,
    /// Control held.
    pub ctrl: bool,
    /// The command the keymap binds it to, for moving in lists.
    pub cmd: Option<Command>,
    /// Esc (or Ctrl+C): cancel.
    pub esc: bool,
    /// Enter: choose.
    pub enter: bool,
}

impl Keys {
    fn new(m: &Model, ev: KeyEvent) -> Keys {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        Keys {
            ev,
            ctrl,
            cmd: m.config.keymap.lookup(Key::from_event(&ev)),
            esc: ev.code == KeyCode::Esc || (ctrl && ev.code == KeyCode::Char('c')),
            enter: ev.code == KeyCode::Enter,
        }
    }

    /// The cursor of a list of `n` after this key (j/k, arrows, g/G as bound).
    pub fn list(&self, at: usize, n: usize) -> usize {
        match self.cmd {
            Some(Command::Down) => (at + 1).min(n.saturating_sub(1)),
            Some(Command::Up) => at.saturating_sub(1),
            Some(Command::First) => 0,
            Some(Command::Last) => n.saturating_sub(1),
            _ => at,
        }
    }

    /// Applies the key to a one-line input: a character, or Backspace.
    pub fn typed(&self, input: &mut String) {
        match self.ev.code {
            KeyCode::Backspace => {
                input.pop();
            }
            KeyCode::Char(c) if !self.ctrl => input.push(c),
            _ => {}
        }
    }
}

/// A key pressed while a prompt is open.
pub fn key(m: &mut Model, ev: KeyEvent) -> Option<Effect> {
    let prompt = m.prompt.take()?;
    let k = Keys::new(m, ev);
    let (cmd, esc, enter) = (k.cmd, k.esc, k.enter);
    let list = |at, n| k.list(at, n);
    match prompt {
        Prompt::Editor {
            target,
            mut area,
            original,
            warned,
        } => {
            let text = area.lines().join("\n");
            let editor_cmd = m.config.keymap.editor(Key::from_event(&ev));
            let cancel = editor_cmd == Some(Command::EditorCancel);
            if editor_cmd == Some(Command::EditorSave) {
                write_note(m, target, &text);
            } else if cancel && (text == original || warned) {
                if text != original {
                    // An existing note stays as it was: only the edit is dropped.
                    m.message = Some(if original.is_empty() {
                        "note discarded".into()
                    } else {
                        "changes discarded".into()
                    });
                }
            } else if cancel {
                m.prompt = Some(Prompt::Editor {
                    target,
                    area,
                    original,
                    warned: true,
                });
            } else {
                area.input(Input::from(ev));
                m.prompt = Some(Prompt::Editor {
                    target,
                    area,
                    original,
                    warned: false,
                });
            }
        }
        Prompt::Tags(target, at) => {
            let n = m.notes.notes.tag_set.len();
            if esc || matches!(cmd, Some(Command::Tag | Command::Quit)) {
                return None;
            }
            let target = if enter || ev.code == KeyCode::Char(' ') {
                toggle(m, target, at)
            } else {
                target
            };
            m.prompt = Some(Prompt::Tags(target, list(at, n)));
        }
        Prompt::Panel(at) => {
            let n = m.notes.notes.len();
            if esc || matches!(cmd, Some(Command::NotesPanel | Command::Quit)) {
                return None;
            }
            if enter {
                to_note(m, at);
            } else if matches!(k.ev.code, KeyCode::Char('d') | KeyCode::Delete) && at < n {
                m.prompt = Some(Prompt::Delete(at));
            } else {
                m.prompt = Some(Prompt::Panel(list(at, n)));
            }
        }
        Prompt::Delete(at) => {
            if k.ev.code == KeyCode::Char('y') {
                let id = m.notes.notes.ordered().get(at).map(|n| n.id);
                if id.and_then(|id| m.notes.notes.delete(id)).is_some() {
                    m.notes.dirty = true;
                    m.message = Some(format!("note deleted ({} left)", m.notes.notes.len()));
                }
            }
            let n = m.notes.notes.len();
            m.prompt = Some(Prompt::Panel(at.min(n.saturating_sub(1))));
        }
        other => return super::files::key(m, other, &k),
    }
    None
}

/// Saves the editor's text to its target: a new note, an edit, or a deletion when empty.
fn write_note(m: &mut Model, target: Target, text: &str) {
    let Some(r) = m.phase.ready() else { return };
    let notes = &mut m.notes.notes;
    let now = m.notes.now;
    let blank = text.trim().is_empty();
    let result = match (target.id, blank) {
        (Some(id), true) if notes.get(id).is_some_and(|n| n.tags.is_empty()) => {
            notes.delete(id);
            m.message = Some(format!("note on {} deleted (it was empty)", target.label));
            Ok(())
        }
        (Some(id), _) => notes.edit(id, text, now).map(|()| {
            m.message = Some(format!("note on {} saved", target.label));
        }),
        (None, true) => {
            m.message = Some("empty note: nothing written".into());
            return;
        }
        (None, false) => notes.add(&r.cmp, target.anchor, text, now).map(|_| {
            m.message = Some(format!("note on {} written", target.label));
        }),
    };
    match result {
        Ok(()) => m.notes.dirty = true,
        Err(e) => m.message = Some(e.to_string()),
    }
}

/// Flips tag `at` of the target's note, writing an empty note to carry it if there is none;
/// a note left with neither text nor tags is removed.
fn toggle(m: &mut Model, mut target: Target, at: usize) -> Target {
    let Some(r) = m.phase.ready() else {
        return target;
    };
    let notes = &mut m.notes.notes;
    let now = m.notes.now;
    let Some(tag) = notes.tag_set.get(at).cloned() else {
        return target;
    };
    let id = match target.id {
        Some(id) => id,
        None => match notes.add(&r.cmp, target.anchor.clone(), "", now) {
            Ok(id) => id,
            Err(e) => {
                m.message = Some(e.to_string());
                return target;
            }
        },
    };
    target.id = Some(id);
    match notes.toggle_tag(id, &tag, now) {
        Ok(on) => {
            let verb = if on { "tagged" } else { "untagged" };
            m.message = Some(format!("{} {verb} {tag}", target.label));
            m.notes.dirty = true;
        }
        Err(e) => m.message = Some(e.to_string()),
    }
    if notes
        .get(id)
        .is_some_and(|n| n.text.trim().is_empty() && n.tags.is_empty())
    {
        notes.delete(id);
        target.id = None;
    }
    target
}

/// Shows note `at` (reading order): its pair of sources, focused on its passage.
fn to_note(m: &mut Model, at: usize) {
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
        }) => (a, a_segments.first().copied().unwrap_or(0), Some(b)),
        None => {
            m.message = Some("a detached note: its passage is gone from the sources".into());
            m.prompt = Some(Prompt::Panel(at));
            return;
        }
    };
    let switch = !r.pair.src.contains(&source) || other.is_some_and(|o| !r.pair.src.contains(&o));
    let shown = if switch {
        let o = other.unwrap_or(r.pair.src[1]);
        [source.min(o), source.max(o)]
    } else {
        r.pair.src
    };
    let active = if shown[0] == source { 0 } else { 1 };
    let mut focus = [None, None];
    focus[active] = Some(segment);
    super::show_at(m, switch.then_some(shown), active, focus);
}

/// Shows the sources and passages the reader was at when it saved. A place that does not
/// fit this comparison (a file edited by hand) is ignored, and the reader starts at the top.
fn go_to_place(m: &mut Model, place: parallax::store::Place) {
    let Some(r) = m.phase.ready_mut() else { return };
    let n = r.cmp.sources.len();
    let [left, right] = place.sources;
    if left >= n || right >= n || left == right || place.active > 1 {
        return;
    }
    let fits = |src: usize, seg: usize| seg < r.cmp.sources[src].segments.len().max(1);
    if !(fits(left, place.focus[0]) && fits(right, place.focus[1])) {
        return;
    }
    let focus = place.focus.map(Some);
    super::show_at(m, Some([left, right]), place.active, focus);
}

/// A saved comparison opened: show it with its notes.
pub fn opened(m: &mut Model, o: Opened) {
    m.names = o
        .cmp
        .sources
        .iter()
        .map(|s| s.document.name().to_string())
        .collect();
    super::loaded(m, o.cmp);
    if let Some(place) = o.place {
        go_to_place(m, place);
    }
    let mut notes = o.notes;
    notes.tag_set = m.config.tags.clone();
    m.notes.notes = notes;
    m.notes.name = Some(o.name);
    m.notes.dirty = o.dirty;
    m.notes.stale = o.stale;
    m.message = o.message;
}
