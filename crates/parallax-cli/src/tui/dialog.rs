//! The dialogs: windows that take the keyboard while they are open. Each has its module, which
//! keeps its state, its keys and its drawing together; this one routes a key or a frame to
//! the dialog that is open.
//!
//! A dialog changes only what [`ContextMut`] gives it (the notes, the status message) and
//! asks `update` for anything else with a [`Step`]: an effect for the app loop, or showing a
//! note. A dialog that leads to another (a question, the next prompt) holds both as states
//! of one type, so dialogs never refer to one another.

mod base;
mod confirm;
pub mod editor;
pub mod export;
pub mod notes_panel;
pub mod open_list;
pub mod partners;
pub mod save;
pub mod tags;

use ratatui::Frame;
use ratatui::layout::Rect;

pub use base::{Context, ContextMut, DialogKey, Step};

/// The dialog open over the reader.
pub enum Dialog {
    /// The note editor.
    Editor(editor::Editor),
    /// The tags of one note.
    Tags(tags::Tags),
    /// Saving: the name, replacing a saved comparison, unsaved notes.
    Save(save::Save),
    /// Exporting: the format, the file, replacing it.
    Export(export::Export),
    /// The notes panel and its question before deleting.
    Notes(notes_panel::NotesPanel),
    /// The saved comparisons, to open one.
    Open(open_list::OpenList),
    /// Why not linked: the best partners of a passage.
    Partners(partners::Partners),
}

impl Dialog {
    /// Hands a key to the dialog; it stays open only on [`Step::Stay`].
    pub fn key(&mut self, cx: &mut ContextMut, k: &DialogKey) -> Step {
        match self {
            Dialog::Editor(d) => d.key(cx, k),
            Dialog::Tags(d) => d.key(cx, k),
            Dialog::Save(d) => d.key(cx, k),
            Dialog::Export(d) => d.key(cx, k),
            Dialog::Notes(d) => d.key(cx, k),
            Dialog::Open(d) => d.key(cx, k),
            Dialog::Partners(d) => d.key(cx, k),
        }
    }

    /// Draws the dialog over `area` (the whole screen).
    pub fn draw(&self, f: &mut Frame, cx: &Context, area: Rect) {
        match self {
            Dialog::Editor(d) => d.draw(f, cx, area),
            Dialog::Tags(d) => d.draw(f, cx, area),
            Dialog::Save(d) => d.draw(f, cx, area),
            Dialog::Export(d) => d.draw(f, cx, area),
            Dialog::Notes(d) => d.draw(f, cx, area),
            Dialog::Open(d) => d.draw(f, cx, area),
            Dialog::Partners(d) => d.draw(f, cx, area),
        }
    }
}
