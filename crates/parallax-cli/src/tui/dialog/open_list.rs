//! The open dialog: a line to type a URL or a file into (added as a source of the comparison
//! shown; a `.parallax.json` file is opened instead), and the saved comparisons, to open
//! one: one line per entry, cut to the screen, the rows shown following the cursor. Opening
//! and adding are effects the app loop runs.

use parallax::annotate::rfc3339;
use parallax::export::one_line;
use parallax::store::Listing;
use parallax::text::{counted, visible};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::base::{Context, ContextMut, DialogKey, Step, boxed, hint, input_line, row};
use crate::tui::action::{Command, Effect};
use crate::tui::line::LineInput;
use crate::tui::wrap::fit;
use ratatui::crossterm::event::KeyCode;

/// The dialog's state.
pub struct OpenList {
    /// The saved comparisons, as the store lists them.
    pub items: Vec<Listing>,
    /// The cursor.
    pub at: usize,
    /// A URL or file typed, to add as a source (or a saved comparison's file, to open).
    pub input: LineInput,
}

impl OpenList {
    /// The list of `items`, on the first, and an empty line to type into.
    pub fn new(items: Vec<Listing>) -> OpenList {
        OpenList {
            items,
            at: 0,
            input: LineInput::default(),
        }
    }

    /// A key: type into the line, move, open the entry or what is typed (or say why it
    /// cannot be), or close. While the line is empty the list's keys (j/k, g/G, q) act on the
    /// list; once something is typed every character is text, and ↑/↓ still move the list.
    pub fn key(&mut self, cx: &mut ContextMut, k: &DialogKey) -> Step {
        let empty = self.input.as_str().is_empty();
        if k.esc || (empty && k.cmd == Some(Command::Quit)) {
            return Step::Close;
        }
        let typed = self.input.as_str().trim();
        if k.enter && !typed.is_empty() {
            if typed.ends_with(".parallax.json") {
                return Step::Run(Effect::Open(typed.into()));
            }
            // Reading or fetching happens off the app loop; the comparison follows.
            let shown = parallax::text::visible(typed, false);
            *cx.message = Some(format!("adding {shown}…"));
            return Step::Run(Effect::AddSource(typed.to_string()));
        }
        let arrow = matches!(k.ev.code, KeyCode::Up | KeyCode::Down);
        // Only the list's own keys: any other key starts the path or URL ("/home/…").
        let list_key = empty
            && !k.ctrl
            && matches!(
                k.cmd,
                Some(Command::Down | Command::Up | Command::First | Command::Last)
            );
        if !k.enter && !arrow && !list_key && self.input.key(&k.ev) {
            return Step::Stay;
        }
        if k.enter {
            return match self.items.get(self.at) {
                Some(l) if l.problem.is_none() => Step::Run(Effect::Open(l.path.clone())),
                Some(l) => {
                    *cx.message = l.problem.clone();
                    Step::Close
                }
                None => Step::Close,
            };
        }
        self.at = k.list(self.at, self.items.len());
        Step::Stay
    }

    /// Draws the entries that fit around the cursor, saying how many more there are.
    pub fn draw(&self, f: &mut Frame, cx: &Context, area: Rect) {
        let t = &cx.config.theme;
        let room = (area.height.saturating_sub(8) as usize).max(1);
        let skip = (self.at + 1).saturating_sub(room);
        let cols = (area.width as usize).saturating_sub(6);
        let mut lines: Vec<Line> = self
            .items
            .iter()
            .enumerate()
            .skip(skip)
            .take(room)
            .map(|(i, l)| {
                let text = match &l.problem {
                    Some(p) => format!("{}  unreadable: {}", l.name, one_line(p, 60)),
                    None => {
                        // Corrections only when there are some: the row is one line.
                        let fixes = match l.corrections {
                            0 => String::new(),
                            n => format!(" · {}", counted(n, "correction")),
                        };
                        format!(
                            "{}  {} · {}{fixes} · {}",
                            l.name,
                            rfc3339(l.saved),
                            counted(l.notes, "note"),
                            one_line(&l.sources.join(" | "), 60)
                        )
                    }
                };
                row(fit(&visible(&text, false), cols), i == self.at, t)
            })
            .collect();
        let (above, below) = (skip, self.items.len().saturating_sub(skip + room));
        let mut more = String::new();
        if above > 0 {
            more.push_str(&format!(" · ↑ {above} more"));
        }
        if below > 0 {
            more.push_str(&format!(" · ↓ {below} more"));
        }
        if self.items.is_empty() {
            lines.push(hint(" (no saved comparisons yet)", t));
        }
        lines.insert(0, input_line("Add a URL or file: ", &self.input));
        lines.insert(1, hint(" or open a saved comparison:", t));
        lines.push(hint(
            &format!(" Enter opens · ↑/↓ choose · Esc closes{more}"),
            t,
        ));
        boxed(f, t, area, " Open ", lines, 0);
    }
}
