//! The saved comparisons, to open one: one line per entry, cut to the screen, the rows shown
//! following the cursor. Opening is an effect the app loop runs.

use parallax::annotate::rfc3339;
use parallax::export::one_line;
use parallax::store::Listing;
use parallax::text::{counted, visible};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::base::{Context, ContextMut, DialogKey, Step, boxed, hint, row};
use crate::tui::action::{Command, Effect};
use crate::tui::wrap::fit;

/// The list's state.
pub struct OpenList {
    /// The saved comparisons, as the store lists them.
    pub items: Vec<Listing>,
    /// The cursor.
    pub at: usize,
}

impl OpenList {
    /// The list of `items`, on the first.
    pub fn new(items: Vec<Listing>) -> OpenList {
        OpenList { items, at: 0 }
    }

    /// A key: move, open the entry (or say why it cannot be), or close.
    pub fn key(&mut self, cx: &mut ContextMut, k: &DialogKey) -> Step {
        if k.esc || k.cmd == Some(Command::Quit) {
            return Step::Close;
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
        let room = (area.height.saturating_sub(5) as usize).max(1);
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
                    None => format!(
                        "{}  {} · {} · {}",
                        l.name,
                        rfc3339(l.saved),
                        counted(l.notes, "note"),
                        one_line(&l.sources.join(" | "), 60)
                    ),
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
        lines.push(hint(&format!(" Enter opens · Esc closes{more}"), t));
        boxed(f, t, area, " Saved comparisons ", lines, 0);
    }
}
