//! The notes panel: every note in reading order with where it is, its tags and its text
//! (detached notes last, with the text they were written on); Enter shows a note, `d` asks
//! before deleting one and comes back to the list.

use parallax::export::{json::where_label, one_line};
use parallax::text::visible;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::base::{Context, ContextMut, DialogKey, Step, boxed, row};
use super::confirm;
use crate::tui::action::Command;
use crate::tui::keymap::answer::{DELETE, YES};

/// Where the panel stands; the cursor is on note `usize` in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesPanel {
    /// The list of notes.
    List(usize),
    /// Delete this note?
    Delete(usize),
}

impl NotesPanel {
    /// A key: move, show the note, delete it (after asking), or close.
    pub fn key(&mut self, cx: &mut ContextMut, k: &DialogKey) -> Step {
        match *self {
            NotesPanel::List(at) => {
                let n = cx.notes.notes.len();
                if k.esc || matches!(k.cmd, Some(Command::NotesPanel | Command::Quit)) {
                    return Step::Close;
                }
                if k.enter {
                    return Step::ShowNote(at);
                }
                if (k.is(DELETE) || k.ev.code == KeyCode::Delete) && at < n {
                    *self = NotesPanel::Delete(at);
                } else {
                    *self = NotesPanel::List(k.list(at, n));
                }
                Step::Stay
            }
            NotesPanel::Delete(at) => {
                // Any answer but yes keeps the note; either way the list comes back.
                if confirm::answer(k) == Some(true) {
                    let notes = &mut cx.notes.notes;
                    let id = notes.ordered().get(at).map(|n| n.id);
                    if id.and_then(|id| notes.delete(id)).is_some() {
                        cx.notes.changed();
                        let left = cx.notes.notes.len();
                        *cx.message = Some(format!("note deleted ({left} left)"));
                    }
                }
                let n = cx.notes.notes.len();
                *self = NotesPanel::List(at.min(n.saturating_sub(1)));
                Step::Stay
            }
        }
    }

    /// Draws the list, scrolled to keep the cursor's note in sight, or the question.
    pub fn draw(&self, f: &mut Frame, cx: &Context, area: Rect) {
        match *self {
            NotesPanel::List(at) => list(f, cx, area, at),
            NotesPanel::Delete(at) => {
                let notes = cx.notes.notes.ordered();
                let Some(n) = notes.get(at) else { return };
                let on =
                    where_label(cx.cmp, n.anchor.as_ref()).unwrap_or_else(|| "detached".into());
                confirm::draw(
                    f,
                    &cx.config.theme,
                    area,
                    " Delete? ",
                    format!(" Delete the note on {}?", visible(&on, false)),
                    Some(format!("   {}", visible(&one_line(&n.text, 60), false))),
                    &format!(" {YES} deletes it · any other key keeps it"),
                );
            }
        }
    }
}

/// Draws the list of notes with the cursor on note `at`.
fn list(f: &mut Frame, cx: &Context, area: Rect, at: usize) {
    let t = &cx.config.theme;
    let notes = cx.notes.notes.ordered();
    let width = area.width.saturating_sub(8).min(100) as usize;
    let mut lines = Vec::new();
    let mut cursor_row = 0;
    for (i, n) in notes.iter().enumerate() {
        let on = where_label(cx.cmp, n.anchor.as_ref()).unwrap_or_else(|| "detached".into());
        let tags = if n.tags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", n.tags.join(", "))
        };
        if i == at {
            cursor_row = lines.len();
        }
        lines.push(row(format!("✎ {on}{tags}"), i == at, t));
        let text = if n.text.trim().is_empty() {
            "(no text)".to_string()
        } else {
            one_line(&n.text, width)
        };
        lines.push(Line::styled(
            format!("    {}", visible(&text, false)),
            t.text,
        ));
        if n.is_detached() {
            for q in &n.quotes {
                let was = one_line(&q.text, width.saturating_sub(10));
                lines.push(Line::styled(
                    format!("    was: {}", visible(&was, false)),
                    t.dim,
                ));
            }
        }
    }
    if notes.is_empty() {
        let a = cx.config.keymap.hint(Command::Note);
        lines.push(Line::styled(
            format!(" No notes yet: {a} writes one on the focused passage."),
            t.dim,
        ));
    }
    let detached = cx.notes.notes.detached().len();
    let head = if detached > 0 {
        format!(" Notes ({}, {detached} detached) ", notes.len())
    } else {
        format!(" Notes ({}) ", notes.len())
    };
    lines.push(Line::styled(
        format!(" Enter shows the note · {DELETE} deletes it · Esc closes"),
        t.dim,
    ));
    let skip = (cursor_row + 2).saturating_sub(area.height.saturating_sub(4) as usize);
    boxed(f, t, area, &head, lines, skip);
}
