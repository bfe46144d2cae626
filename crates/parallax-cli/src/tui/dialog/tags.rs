//! The tag picker: the configured tags of the note on the focused link or passage, each set
//! or cleared in turn. Tagging a passage with no note writes an empty note to carry the tag.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::base::{Context, ContextMut, DialogKey, Step, boxed, hint, row};
use crate::tui::action::Command;
use crate::tui::keymap::answer;
use crate::tui::notes::Target;

/// The tag picker's state.
pub struct Tags {
    /// The note's anchor (and the note, once it has one).
    pub target: Target,
    /// The cursor: a tag of the tag set.
    pub at: usize,
    /// True once a tag was set or cleared here: Enter then only closes.
    pub toggled: bool,
}

impl Tags {
    /// The picker for the note on `target`, on the first tag.
    pub fn new(target: Target) -> Tags {
        Tags {
            target,
            at: 0,
            toggled: false,
        }
    }

    /// A key: move, set or clear the tag under the cursor (Space), or close. Enter closes,
    /// first setting or clearing the tag under the cursor when no tag was yet: as in every
    /// other dialog it is "done", and Space then Enter must not clear what Space set.
    pub fn key(&mut self, cx: &mut ContextMut, k: &DialogKey) -> Step {
        let n = cx.notes.notes.tag_set.len();
        if k.esc || matches!(k.cmd, Some(Command::Tag | Command::Quit)) {
            return Step::Close;
        }
        if k.enter {
            if !self.toggled {
                toggle(cx, &mut self.target, self.at);
            }
            return Step::Close;
        }
        if k.is(answer::TOGGLE) {
            toggle(cx, &mut self.target, self.at);
            self.toggled = true;
        }
        self.at = k.list(self.at, n);
        Step::Stay
    }

    /// Draws the tags with a box each, ticked where the note has the tag.
    pub fn draw(&self, f: &mut Frame, cx: &Context, area: Rect) {
        let t = &cx.config.theme;
        let notes = &cx.notes.notes;
        let note = self.target.id.and_then(|id| notes.get(id));
        let mut lines: Vec<Line> = notes
            .tag_set
            .iter()
            .enumerate()
            .map(|(i, tag)| {
                let on = note.is_some_and(|n| n.tags.iter().any(|x| x.eq_ignore_ascii_case(tag)));
                let tick = if on { "x" } else { " " };
                row(format!("[{tick}] {tag}"), i == self.at, t)
            })
            .collect();
        lines.push(hint(" Space sets or clears · Enter done · Esc closes", t));
        let title = format!(" Tags of the note on {} ", self.target.label);
        boxed(f, t, area, &title, lines, 0);
    }
}

/// Flips tag `at` of the target's note, writing an empty note to carry it if there is none;
/// a note left with neither text nor tags is removed.
fn toggle(cx: &mut ContextMut, target: &mut Target, at: usize) {
    let notes = &mut cx.notes.notes;
    let now = cx.notes.now;
    let Some(tag) = notes.tag_set.get(at).cloned() else {
        return;
    };
    let id = match target.id {
        Some(id) => id,
        None => match notes.add(cx.cmp, target.anchor.clone(), "", now) {
            Ok(id) => id,
            Err(e) => {
                *cx.message = Some(e.to_string());
                return;
            }
        },
    };
    target.id = Some(id);
    match notes.toggle_tag(id, &tag, now) {
        Ok(on) => {
            let verb = if on { "tagged" } else { "untagged" };
            *cx.message = Some(format!("{} {verb} {tag}", target.label));
            cx.notes.changed();
        }
        Err(e) => *cx.message = Some(e.to_string()),
    }
    let notes = &mut cx.notes.notes;
    if notes
        .get(id)
        .is_some_and(|n| n.text.trim().is_empty() && n.tags.is_empty())
    {
        notes.delete(id);
        target.id = None;
    }
}
