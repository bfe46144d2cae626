//! Why not linked: the best partners of one passage in the other source, each with the score
//! a link of the two would have and what they share. Enter links the one under the cursor (a
//! correction by hand, made by `update`, which holds the aligner's comparison).

use parallax::align::Partner;
use parallax::export::one_line;
use parallax::text::visible;
use parallax::{SegmentId, SourceId};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::base::{Context, ContextMut, DialogKey, Step, boxed, hint, row};
use crate::tui::action::Command;
use crate::tui::wrap::{fit, wrap};

/// The list's state.
pub struct Partners {
    /// The passage asked about.
    pub of: (SourceId, SegmentId),
    /// The source the partners are in.
    pub other: SourceId,
    /// The passage it is linked with now, in `other`, if any.
    pub linked: Vec<SegmentId>,
    /// For each item, the number of the link it is in with another passage, if any: a
    /// partner already taken says so before it is linked by hand.
    pub elsewhere: Vec<Option<usize>>,
    /// Best first.
    pub items: Vec<Partner>,
    /// The cursor.
    pub at: usize,
}

impl Partners {
    /// A key: move, link the partner under the cursor, or close.
    pub fn key(&mut self, _cx: &mut ContextMut, k: &DialogKey) -> Step {
        if k.esc || matches!(k.cmd, Some(Command::Quit | Command::WhyNot)) {
            return Step::Close;
        }
        if k.enter {
            return match self.items.get(self.at) {
                Some(p) => Step::Link(self.of, (self.other, p.segment)),
                None => Step::Close,
            };
        }
        self.at = k.list(self.at, self.items.len());
        Step::Stay
    }

    /// Draws each partner on two rows: score, passage and its start; then what they share.
    /// The one under the cursor is shown whole, its passage and reasons wrapped, so that
    /// nothing of it is cut however narrow the screen; the list scrolls to keep it in sight.
    pub fn draw(&self, f: &mut Frame, cx: &Context, area: Rect) {
        let t = &cx.config.theme;
        let cols = (area.width as usize).saturating_sub(8).max(10);
        let (la, lb) = {
            let (x, y) = (self.of.0.min(self.other), self.of.0.max(self.other));
            (x.letter(), y.letter())
        };
        let mut lines: Vec<Line> = Vec::new();
        // The rows the cursor's partner takes.
        let mut chosen = 0..0;
        for (i, p) in self.items.iter().enumerate() {
            let text = cx.cmp.source(self.other).segment_text(p.segment);
            let now = if self.linked.contains(&p.segment) {
                " (linked now)".to_string()
            } else if let Some(n) = self.elsewhere.get(i).copied().flatten() {
                format!(" (in link {n})")
            } else {
                String::new()
            };
            let why: Vec<String> = p.why.iter().map(|r| r.words(&la, &lb)).collect();
            let why = if why.is_empty() {
                "nothing in common".to_string()
            } else {
                why.join("; ")
            };
            let at = lines.len();
            if i == self.at {
                let head = format!(
                    "{:.2}  {} {}{now}: {}",
                    p.score,
                    self.other.letter(),
                    p.segment.number(),
                    one_line(text, usize::MAX)
                );
                for (k, r) in wrap(&head, cols).into_iter().enumerate() {
                    lines.push(match k {
                        0 => row(head[r].to_string(), true, t),
                        _ => {
                            Line::styled(format!("  {}", visible(&head[r], false)), t.title_active)
                        }
                    });
                }
                for r in wrap(&why, cols.saturating_sub(6)) {
                    lines.push(hint(&format!("      {}", &why[r]), t));
                }
                chosen = at..lines.len();
                continue;
            }
            let head = format!(
                "{:.2}  {} {}{now}: {}",
                p.score,
                self.other.letter(),
                p.segment.number(),
                one_line(text, cols)
            );
            lines.push(row(fit(&head, cols), false, t));
            lines.push(hint(
                &format!("      {}", fit(&why, cols.saturating_sub(4))),
                t,
            ));
        }
        if self.items.is_empty() {
            lines.push(hint(" the other source has no passages", t));
        }
        lines.push(hint(" Enter links it by hand · Esc closes", t));
        let title = format!(
            " Best partners of {} {} in {} ",
            self.of.0.letter(),
            self.of.1.number(),
            self.other.letter()
        );
        // Rows inside the box; the cursor's partner stays in them.
        let inside = (area.height as usize).saturating_sub(2).max(1);
        let scroll = chosen.end.saturating_sub(inside).min(chosen.start);
        boxed(f, t, area, &title, lines, scroll);
    }
}
