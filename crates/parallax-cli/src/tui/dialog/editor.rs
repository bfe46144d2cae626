//! The note editor: a multi-line text area over the reader. Its save and cancel keys come
//! from the keymap's editor commands; every other key types.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear};
use ratatui_textarea::{CursorMove, Input, Key as InputKey, TextArea, WrapMode};

use parallax::Comparison;
use parallax::annotate::{Notes, Timestamp};

use super::base::{Context, ContextMut, DialogKey, Step};
use crate::tui::action::Command;
use crate::tui::keymap::Key;
use crate::tui::layout::centred;
use crate::tui::notes::Target;

/// The note editor's state.
pub struct Editor {
    /// What the note is on.
    pub target: Target,
    /// The text being written.
    pub area: Box<TextArea<'static>>,
    /// The text when the editor opened, to tell whether Esc would lose anything.
    pub original: String,
    /// Esc was pressed once on changed text: a second Esc discards it.
    pub warned: bool,
}

impl Editor {
    /// An editor on `target`, holding `text` (the note's text, empty for a new note) with the
    /// cursor at its end.
    pub fn new(target: Target, text: String) -> Editor {
        let lines = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(str::to_string).collect()
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor {
            target,
            area: Box::new(area),
            // As the area holds it (its lines joined), so a note that ends in a line break
            // or has CRLF is no change until the user types.
            original: text.lines().collect::<Vec<_>>().join("\n"),
            warned: false,
        }
    }

    /// The text in the area, its lines joined.
    fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The text written and not yet saved to the note, if any (blank text is nothing to
    /// keep: saving it would delete).
    pub fn draft(&self) -> Option<String> {
        let text = self.text();
        (text != self.original && !text.trim().is_empty()).then_some(text)
    }

    /// Writes the [`draft`](Self::draft) into `notes` as saving would: the reader is being
    /// stopped (a signal, the terminal closed) and what was typed must not be lost. True when
    /// there was a draft and it was written.
    pub fn keep_draft(&self, notes: &mut Notes, cmp: &Comparison, now: Timestamp) -> bool {
        let Some(text) = self.draft() else {
            return false;
        };
        match self.target.id {
            Some(id) => notes.edit(id, &text, now).is_ok(),
            None => notes
                .add(cmp, self.target.anchor.clone(), &text, now)
                .is_ok(),
        }
    }

    /// A key: save (writes the note), cancel (asks once when text would be lost), or typing.
    pub fn key(&mut self, cx: &mut ContextMut, k: &DialogKey) -> Step {
        let text = self.text();
        let cmd = cx.config.keymap.editor(Key::from_event(&k.ev));
        let cancel = cmd == Some(Command::EditorCancel);
        if cmd == Some(Command::EditorSave) {
            write(cx, &self.target, &text);
            Step::Close
        } else if cancel && (text == self.original || self.warned) {
            if text != self.original {
                // An existing note stays as it was: only the edit is dropped.
                *cx.message = Some(if self.original.is_empty() {
                    "note discarded".into()
                } else {
                    "changes discarded".into()
                });
            }
            Step::Close
        } else if cancel {
            self.warned = true;
            Step::Stay
        } else {
            self.type_key(k);
            self.warned = false;
            Step::Stay
        }
    }

    /// A key that edits. Three of the text area's own keys are changed to what the one-line
    /// fields and shells do: Ctrl-U deletes to the start of the line (the area undid),
    /// Ctrl-J starts a new line (the area deleted the line; some terminals send it for
    /// Ctrl+Enter), and Ctrl-Z undoes in Ctrl-U's place.
    fn type_key(&mut self, k: &DialogKey) {
        let input = Input::from(k.ev);
        let plain_ctrl = input.ctrl && !input.alt;
        match input.key {
            // At the line's start there is nothing before the cursor: the line break above
            // stays (the area would join the lines).
            InputKey::Char('u') if plain_ctrl => {
                if self.area.cursor().1 > 0 {
                    self.area.delete_line_by_head();
                }
            }
            InputKey::Char('j') if plain_ctrl => self.area.insert_newline(),
            InputKey::Char('z') if plain_ctrl => {
                self.area.undo();
            }
            _ => {
                self.area.input(input);
            }
        }
    }

    /// Draws the editor over `area`, its keys in the bottom border (in the conflict style
    /// once a second cancel would discard the text).
    pub fn draw(&self, f: &mut Frame, cx: &Context, area: Rect) {
        let t = &cx.config.theme;
        let w = area.width.saturating_sub(4).clamp(20, 80);
        let h = area.height.saturating_sub(4).clamp(5, 14);
        let rect = centred(area, w, h);
        let title = format!(" Note on {} ", self.target.label);
        let km = &cx.config.keymap;
        let (save, cancel) = (km.hint(Command::EditorSave), km.hint(Command::EditorCancel));
        let foot = if self.warned {
            format!(" {cancel} again discards your changes · {save} saves ")
        } else {
            format!(" {save} saves · {cancel} cancels · empty text deletes ")
        };
        let foot_style = if self.warned { t.conflict } else { t.key };
        let block = Block::bordered()
            .title(Span::styled(title, t.title))
            .title_bottom(Span::styled(foot, foot_style))
            .border_style(t.key);
        f.render_widget(Clear, rect);
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        f.render_widget(&*self.area, inner);
    }
}

/// Saves the editor's text to its target: a new note, an edit, or a deletion when empty.
fn write(cx: &mut ContextMut, target: &Target, text: &str) {
    let notes = &mut cx.notes.notes;
    let now = cx.notes.now;
    let blank = text.trim().is_empty();
    let result = match (target.id, blank) {
        (Some(id), true) if notes.get(id).is_some_and(|n| n.tags.is_empty()) => {
            notes.delete(id);
            *cx.message = Some(format!("note on {} deleted (it was empty)", target.label));
            Ok(())
        }
        (Some(id), _) => notes.edit(id, text, now).map(|()| {
            *cx.message = Some(format!("note on {} saved", target.label));
        }),
        (None, true) => {
            *cx.message = Some("empty note: nothing written".into());
            return;
        }
        (None, false) => notes
            .add(cx.cmp, target.anchor.clone(), text, now)
            .map(|_| {
                *cx.message = Some(format!("note on {} written", target.label));
            }),
    };
    match result {
        Ok(()) => cx.notes.changed(),
        Err(e) => *cx.message = Some(e.to_string()),
    }
}
