//! The notes of the comparison shown, as the model keeps them: the notes themselves, the
//! name they are saved under and whether they changed since; and what a note being written
//! is on. Below both the model and the dialogs, which change them.

use parallax::annotate::{Anchor, NoteId, Notes, Timestamp};

/// The notes of the comparison shown and where they are saved.
#[derive(Clone, Debug, Default)]
pub struct Annotations {
    /// The notes.
    pub notes: Notes,
    /// The name the comparison was saved under or opened from (`s` asks one when `None`).
    pub name: Option<String>,
    /// True when the notes changed since the last save: quitting asks first.
    pub dirty: bool,
    /// The notes as last saved or opened, when they match the file: a correction undone
    /// (`x` twice) leaves nothing unsaved. `None` when the file is behind anyway (a
    /// comparison opened refreshed).
    pub saved: Option<Notes>,
    /// True when a source changed since saving: the saved texts are shown (status line).
    pub stale: bool,
    /// The time the app loop last read the clock: notes are stamped with it, so `update`
    /// reads no clock.
    pub now: Timestamp,
}

impl Annotations {
    /// Marks the notes as changed, unless a change brought them back to what is saved.
    pub fn changed(&mut self) {
        self.dirty = !self
            .saved
            .as_ref()
            .is_some_and(|s| s.same_content(&self.notes));
    }

    /// Marks the notes as saved as they are.
    pub fn saved_now(&mut self) {
        self.dirty = false;
        self.saved = Some(self.notes.clone());
    }
}

/// What the note editor or the tag picker writes to.
#[derive(Clone, Debug)]
pub struct Target {
    /// The passage or link.
    pub anchor: Anchor,
    /// The note being edited, if the anchor has one already.
    pub id: Option<NoteId>,
    /// How the dialog's title names it ("link 3 (A ⇄ B)", "A passage 5").
    pub label: String,
}
