//! What the yes/no questions share (replace a saved comparison? replace a file? delete a
//! note?): how a key answers one, and how one looks. Each question belongs to the dialog it
//! interrupts (saving, exporting, the notes panel), which goes back to its own prompt on
//! "no": so the dialogs need not know one another.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::base::{DialogKey, boxed, hint};
use crate::tui::keymap::answer;
use crate::tui::theme::Theme;

/// The answer `k` gives: `Some(true)` for yes, `Some(false)` for no (or Esc), `None` for any
/// other key.
pub fn answer(k: &DialogKey) -> Option<bool> {
    if k.is(answer::YES) {
        Some(true)
    } else if k.esc || k.is(answer::NO) {
        Some(false)
    } else {
        None
    }
}

/// Draws a question: `ask` on the first line, `detail` dimmed under it (if any), then the
/// answers.
pub fn draw(
    f: &mut Frame,
    t: &Theme,
    area: Rect,
    title: &str,
    ask: String,
    detail: Option<String>,
    answers: &str,
) {
    let mut lines = vec![Line::raw(ask)];
    lines.extend(detail.map(|d| Line::styled(d, t.dim)));
    lines.push(hint(answers, t));
    boxed(f, t, area, title, lines, 0);
}
