//! What can happen in the reader: commands a key can be bound to, and the other actions the
//! app loop feeds to `update` (resize, mouse, search typing, alignment progress).

use parallax::Comparison;

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
    /// Show the keys.
    Help,
    /// Close an overlay or clear the search.
    Cancel,
    /// Quit.
    Quit,
}

impl Command {
    /// Every command with its name in the configuration file and its help text, in the order
    /// the `?` overlay lists them.
    pub const ALL: [(Command, &'static str, &'static str); 23] = [
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
        (Command::NextHit, "next_hit", "next search hit"),
        (Command::PrevHit, "prev_hit", "previous search hit"),
        (
            Command::ToggleView,
            "toggle_view",
            "reading / synoptic view",
        ),
        (Command::Pick, "pick", "pick the two sources shown"),
        (Command::Matrix, "matrix", "claim matrix: who says what"),
        (Command::Help, "help", "this help"),
        (Command::Cancel, "cancel", "close / clear search"),
        (Command::Quit, "quit", "quit"),
    ];

    /// The command called `name` in the configuration file.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(c, _, _)| *c)
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
    /// Enter in the search prompt.
    SearchSubmit,
    /// The aligner has done `done` of `total` steps.
    Progress(usize, usize),
    /// Seconds since the aligner started, while it runs.
    Tick(u64),
    /// The comparison is ready.
    Loaded(Box<Comparison>),
    /// The comparison could not be built.
    Failed(String),
}

/// Work with side effects that `update` asks the app loop to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Leave the reader.
    Quit,
}
