//! What can happen in the reader: commands a key can be bound to, and the other actions the
//! app loop feeds to `update` (resize, mouse, search typing, alignment progress).

use std::path::PathBuf;

use parallax::Comparison;
use parallax::export::ExportFormat;
use parallax::store::Stamp;
use ratatui::crossterm::event::KeyEvent;

/// A command a key can be bound to. Names and help texts live in [`Command::ALL`], which the
/// keymap, the configuration file and the `?` overlay all read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Next passage in the focused pane.
    Down,
    /// Previous passage.
    Up,
    /// One screen down.
    PageDown,
    /// One screen up.
    PageUp,
    /// First passage.
    First,
    /// Last passage.
    Last,
    /// Focus the other pane.
    SwitchPane,
    /// Next link.
    NextLink,
    /// Previous link.
    PrevLink,
    /// Next passage only this source has.
    NextAdded,
    /// Previous passage only this source has.
    PrevAdded,
    /// Next link whose facts differ.
    NextConflict,
    /// Previous link whose facts differ.
    PrevConflict,
    /// Jump to the counterpart in the other pane (or choose, in a list).
    Counterpart,
    /// Start a search.
    Search,
    /// Go to a passage by its number ("12" in the focused pane, "D 12" in source D), as the
    /// matrix, the reports and the notes name passages.
    GoTo,
    /// Next search hit.
    NextHit,
    /// Previous search hit.
    PrevHit,
    /// Switch between reading and synoptic views.
    ToggleView,
    /// Pick the two sources shown (more than two sources).
    Pick,
    /// Show the claim matrix (more than two sources).
    Matrix,
    /// In the claim matrix: only the claims every source states (through a believed link).
    ClaimsShared,
    /// In the claim matrix: what only one source has.
    ClaimsOnly,
    /// In the claim matrix: only the claims a source tells differently.
    ClaimsConflict,
    /// In the claim matrix: every claim again.
    ClaimsAll,
    /// Mark the focused link wrong (hide it); on a hand link, remove it; on a passage whose
    /// link was marked wrong, restore that link.
    MarkWrong,
    /// Link the focused passage by hand to one chosen in the other pane.
    LinkTo,
    /// The best partners of the focused passage in the other source, and why.
    WhyNot,
    /// Show or hide the possible links (below the shown bar) of passages only one source
    /// has: a mark in the gutter, and Enter goes to the partner.
    Possible,
    /// A larger link panel, or the usual one.
    PanelSize,
    /// Scroll the link panel down.
    PanelDown,
    /// Scroll the link panel up.
    PanelUp,
    /// Write or edit the note on the focused link (on the passage when it has no link).
    Note,
    /// Write or edit the note on the focused passage itself.
    NotePassage,
    /// Set or clear tags of the focused note.
    Tag,
    /// List all notes (and jump to one).
    NotesPanel,
    /// Save the comparison with its notes.
    Save,
    /// Export the comparison with its notes.
    Export,
    /// Open a saved comparison.
    Open,
    /// Show the keys.
    Help,
    /// Close an overlay or clear the search.
    Cancel,
    /// Quit.
    Quit,
    /// In the note editor: write the note (an empty one deletes it).
    EditorSave,
    /// In the note editor: close it; on changed text, warn first and discard on the second.
    EditorCancel,
}

impl Command {
    /// Every command with its name in the configuration file and its help text, in the order
    /// the `?` overlay lists them.
    pub const ALL: [(Command, &'static str, &'static str); 44] = [
        (Command::Down, "down", "next passage"),
        (Command::Up, "up", "previous passage"),
        (Command::PageDown, "page_down", "one screen down"),
        (Command::PageUp, "page_up", "one screen up"),
        (Command::First, "first", "first passage"),
        (Command::Last, "last", "last passage"),
        (Command::SwitchPane, "switch_pane", "other pane"),
        (Command::NextLink, "next_link", "next link"),
        (Command::PrevLink, "prev_link", "previous link"),
        (
            Command::NextAdded,
            "next_added",
            "next passage this source adds",
        ),
        (
            Command::PrevAdded,
            "prev_added",
            "previous passage this source adds",
        ),
        (Command::NextConflict, "next_conflict", "next changed fact"),
        (
            Command::PrevConflict,
            "prev_conflict",
            "previous changed fact",
        ),
        (
            Command::Counterpart,
            "counterpart",
            "counterpart in the other pane",
        ),
        (Command::Search, "search", "search"),
        (
            Command::GoTo,
            "go_to",
            "go to a passage: 12 (this pane) or D 12",
        ),
        (Command::NextHit, "next_hit", "next search hit"),
        (Command::PrevHit, "prev_hit", "previous search hit"),
        (
            Command::ToggleView,
            "toggle_view",
            "reading / synoptic view",
        ),
        (Command::Pick, "pick", "pick the two sources shown"),
        (Command::Matrix, "matrix", "claim matrix: who says what"),
        (
            Command::ClaimsShared,
            "claims_shared",
            "claim matrix: shared by all sources",
        ),
        (
            Command::ClaimsOnly,
            "claims_only",
            "claim matrix: only one source has it",
        ),
        (
            Command::ClaimsConflict,
            "claims_conflict",
            "claim matrix: in conflict",
        ),
        (
            Command::ClaimsAll,
            "claims_all",
            "claim matrix: every claim",
        ),
        (
            Command::MarkWrong,
            "mark_wrong",
            "mark the link wrong (again: restore)",
        ),
        (
            Command::LinkTo,
            "link_to",
            "link this passage by hand (then Enter)",
        ),
        (
            Command::WhyNot,
            "why_not",
            "best partners in the other source, and why",
        ),
        (
            Command::Possible,
            "possible_links",
            "possible links (too unsure to show): show / hide",
        ),
        (Command::PanelSize, "panel_size", "larger link panel"),
        (
            Command::PanelDown,
            "panel_down",
            "scroll the link panel down",
        ),
        (Command::PanelUp, "panel_up", "scroll the link panel up"),
        (
            Command::Note,
            "note",
            "note on the focused link (or passage)",
        ),
        (
            Command::NotePassage,
            "note_passage",
            "note on the focused passage itself",
        ),
        (Command::Tag, "tag", "tag the focused note"),
        (Command::NotesPanel, "notes", "all notes (Enter jumps)"),
        (Command::Save, "save", "save with the notes"),
        (Command::Export, "export", "export: Markdown, HTML, JSON"),
        (
            Command::Open,
            "open",
            "open a saved comparison, or add a source",
        ),
        (Command::Help, "help", "this help"),
        (Command::Cancel, "cancel", "close / clear search"),
        (Command::Quit, "quit", "quit"),
        (
            Command::EditorSave,
            "note_save",
            "note editor: save the note (empty deletes it)",
        ),
        (
            Command::EditorCancel,
            "note_cancel",
            "note editor: cancel (again to drop changes)",
        ),
    ];

    /// The command called `name` in the configuration file.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(c, _, _)| *c)
    }

    /// True for the note editor's commands. The editor has the keyboard to itself, so these
    /// are looked up only there, and may share keys with the reader's (Esc).
    pub fn in_editor(self) -> bool {
        matches!(self, Command::EditorSave | Command::EditorCancel)
    }

    /// Its help text.
    pub fn help(self) -> &'static str {
        Command::ALL
            .iter()
            .find(|(c, _, _)| *c == self)
            .map_or("", |(_, _, h)| h)
    }
}

/// Everything `update` reacts to.
#[derive(Debug)]
pub enum Action {
    /// A bound command.
    Cmd(Command),
    /// The terminal now has this size (columns, rows).
    Resize(u16, u16),
    /// A click at (column, row).
    Click(u16, u16),
    /// The wheel turned over (column, row); `true` scrolls down.
    Wheel(u16, u16, bool),
    /// A character typed into the search prompt.
    SearchChar(char),
    /// Backspace in the search prompt.
    SearchBack,
    /// A readline key in the search prompt (Ctrl-U, Ctrl-W, Home, arrows, Delete, …).
    SearchEdit(KeyEvent),
    /// Enter in the search prompt.
    SearchSubmit,
    /// The aligner has done `done` of `total` steps.
    Progress(usize, usize),
    /// Seconds since the aligner started, while it runs.
    Tick(u64),
    /// The comparison is ready.
    Loaded(Box<Comparison>),
    /// The sources shown are being aligned again with the sentence encoder.
    Refining,
    /// The sources shown, aligned again with the sentence encoder (or why that failed):
    /// the reader takes its links in where it stands.
    Refined(Result<Box<Comparison>, String>),
    /// The comparison could not be built.
    Failed(String),
    /// A key pressed while a dialog (editor, picker, question) has the keyboard.
    Key(KeyEvent),
    /// A saved comparison is open: its comparison, notes and name, and what to tell the user.
    Opened(Box<Opened>),
    /// The outcome of an effect: what to say in the status line, or the error.
    Done(Result<Done, String>),
    /// The saved comparisons, for the `o` list.
    Listed(Vec<parallax::store::Listing>),
    /// The comparison shown, built again with one more source (the last).
    Added(Box<Comparison>),
    /// The source typed in the open dialog could not be added: why.
    AddFailed(String),
}

/// A saved comparison as the reader opens it.
#[derive(Debug)]
pub struct Opened {
    /// The comparison as saved (or refreshed).
    pub cmp: Comparison,
    /// Its notes.
    pub notes: parallax::annotate::Notes,
    /// The name it is shown and saved under: the file's own name for a file of the store
    /// (a `name` inside the JSON is display only and never picks the file).
    pub name: String,
    /// The file it was read from: saving it under its name writes back there, if no one
    /// changed it since.
    pub own: OwnFile,
    /// True when it differs from the file (refreshed): quitting asks first.
    pub dirty: bool,
    /// True when a source changed since saving and the saved texts are shown.
    pub stale: bool,
    /// What to say in the status line (sources changed since saving, notes detached…).
    pub message: Option<String>,
    /// Where the reader was when it saved.
    pub place: Option<parallax::store::Place>,
}

/// What an effect did.
#[derive(Debug, PartialEq, Eq)]
pub enum Done {
    /// Saved under this name.
    Saved(String, Then),
    /// Exported to this file.
    Exported(String),
    /// Not saved: a comparison of this name exists (asks before replacing).
    NameTaken(String, Then),
    /// Not exported: the file exists (asks before replacing).
    FileExists(ExportFormat, String),
    /// Not saved under this name, and why (the file changed on disk, or could not be
    /// written): asks for a name again, so the notes can still be kept.
    NotSaved(String, Then, String),
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

impl Then {
    /// The effect that does it: none to keep reading.
    pub fn effect(self) -> Option<Effect> {
        match self {
            Then::Stay => None,
            Then::Quit => Some(Effect::Quit),
            Then::Open => Some(Effect::List),
        }
    }
}

/// Work with side effects that `update` asks the app loop to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Leave the reader.
    Quit,
    /// Save the comparison and notes under `name` in the data dir; replace a comparison of
    /// that name only when `replace` (else report [`Done::NameTaken`]).
    Save {
        /// The name.
        name: String,
        /// Replace an existing comparison of that name.
        replace: bool,
        /// What to do once saved.
        then: Then,
    },
    /// Write the export to `path`; replace an existing file only when `replace`.
    Export {
        /// The format.
        format: ExportFormat,
        /// The file.
        path: String,
        /// Replace an existing file.
        replace: bool,
    },
    /// List the saved comparisons (answered by [`Action::Listed`]).
    List,
    /// Open the saved comparison in this file (answered by [`Action::Opened`]).
    Open(std::path::PathBuf),
    /// Fetch this URL (or read this file) and add it as a source of the comparison shown
    /// (answered by [`Action::Added`]).
    AddSource(String),
}

/// The file a comparison shown in the reader belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnFile {
    /// The name it goes by (F9: the name inside a file once picked the file, so saving
    /// could replace another comparison).
    pub name: String,
    /// Where it is.
    pub path: PathBuf,
    /// Its bytes as read or last written: a save refuses when another writer changed them
    /// (F11).
    pub stamp: Stamp,
}
