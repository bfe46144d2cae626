//! The reader's notes and the small windows that take the keyboard while open: the note
//! editor, the tag picker, the name and path prompts, the questions before replacing a file or
//! leaving unsaved notes (quitting, opening another comparison), the notes panel and the list
//! of saved comparisons.

use parallax::annotate::{Anchor, NoteId, Notes, Timestamp};
use parallax::export::ExportFormat;
use parallax::store::Listing;
use ratatui_textarea::TextArea;

/// The notes of the comparison shown and where they are saved.
#[derive(Clone, Debug, Default)]
pub struct Annotations {
    /// The notes.
    pub notes: Notes,
    /// The name the comparison was saved under or opened from (`s` asks one when `None`).
    pub name: Option<String>,
    /// True when the notes changed since the last save: quitting asks first.
    pub dirty: bool,
    /// True when a source changed since saving: the saved texts are shown (status line).
    pub stale: bool,
    /// The time the app loop last read the clock: notes are stamped with it, so `update`
    /// reads no clock.
    pub now: Timestamp,
}

/// What the note editor writes to.
#[derive(Clone, Debug)]
pub struct Target {
    /// The passage or link.
    pub anchor: Anchor,
    /// The note being edited, if the anchor has one already.
    pub id: Option<NoteId>,
    /// How the editor's title names it ("link 3 (A ⇄ B)", "A passage 5").
    pub label: String,
}

/// What to do once a save has succeeded (or, asked about unsaved notes, what the user was
/// about to do).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// Keep reading.
    Stay,
    /// Leave the reader.
    Quit,
    /// List the saved comparisons, to open another.
    Open,
}

/// A window that takes the keyboard while it is open.
pub enum Prompt {
    /// The multi-line note editor.
    Editor {
        /// What the note is on.
        target: Target,
        /// The text being written.
        area: Box<TextArea<'static>>,
        /// The text when the editor opened, to tell whether Esc would lose anything.
        original: String,
        /// Esc was pressed once on changed text: a second Esc discards it.
        warned: bool,
    },
    /// Tags of the note on `target`; the cursor is on tag `usize` of the tag set.
    Tags(Target, usize),
    /// The name to save under.
    Name {
        /// What is typed so far.
        input: String,
        /// What to do after saving.
        then: Then,
        /// Why the last name was refused.
        error: Option<String>,
    },
    /// A comparison of that name exists: replace it?
    Overwrite(String, Then),
    /// Export: choosing the format; the cursor is on format `usize` of [`FORMATS`].
    Format(usize),
    /// Export: the file to write.
    Path {
        /// The format chosen.
        format: ExportFormat,
        /// The path typed so far (starts with a default in the current directory).
        input: String,
    },
    /// The export file exists: replace it?
    Replace(ExportFormat, String),
    /// About to quit or open another comparison (never [`Then::Stay`]) with unsaved notes:
    /// save first, go on without saving, or keep reading?
    Unsaved(Then),
    /// The notes panel; the cursor is on note `usize` in reading order.
    Panel(usize),
    /// Delete note `usize` (reading order)?
    Delete(usize),
    /// The saved comparisons to open; the cursor is on `usize`.
    Open(Vec<Listing>, usize),
}

/// The export formats in the order the picker shows them.
pub const FORMATS: [(ExportFormat, &str); 3] = [
    (ExportFormat::Markdown, "Markdown report"),
    (ExportFormat::Html, "HTML page (standalone, works offline)"),
    (ExportFormat::Json, "JSON report with the notes"),
];

/// A fresh editor holding `text`.
pub fn editor(text: &str) -> Box<TextArea<'static>> {
    let lines = if text.is_empty() {
        vec![String::new()]
    } else {
        text.lines().map(str::to_string).collect()
    };
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    Box::new(area)
}
