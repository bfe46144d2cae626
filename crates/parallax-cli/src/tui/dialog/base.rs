//! What every dialog shares: what it may read ([`Context`]) and change ([`ContextMut`]), a
//! key as it reads one ([`DialogKey`]), what it asks for after a key ([`Step`]), and the box
//! it is drawn in. Dialogs see these pieces rather than the whole model, so they sit below
//! it: the model holds the open dialog, and no dialog reaches back into the model.

use parallax::text::visible;
use parallax::{Comparison, SegmentId, SourceId};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::action::{Command, Effect};
use crate::tui::config::Config;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::layout::{box_width, centred};
use crate::tui::line::LineInput;
use crate::tui::notes::Annotations;
use crate::tui::theme::Theme;

/// What a dialog reads to draw itself.
pub struct Context<'a> {
    /// Keys (for hints) and theme.
    pub config: &'a Config,
    /// The comparison shown.
    pub cmp: &'a Comparison,
    /// The notes.
    pub notes: &'a Annotations,
}

/// What a dialog may change when a key comes in: the notes and the status line's message.
/// Anything else (an effect, moving the reader) it asks for with a [`Step`].
pub struct ContextMut<'a> {
    /// Keys and theme.
    pub config: &'a Config,
    /// The comparison shown (a note is written against it).
    pub cmp: &'a Comparison,
    /// The notes.
    pub notes: &'a mut Annotations,
    /// The one-time message for the status line.
    pub message: &'a mut Option<String>,
}

/// What a dialog asks for after a key.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// It stays open, changed or not.
    Stay,
    /// It closes.
    Close,
    /// It closes, and the app loop runs this effect.
    Run(Effect),
    /// It closes, and the reader shows note `usize` (in reading order): moving the reader
    /// is `update`'s.
    ShowNote(usize),
    /// It closes, and `update` links the two passages by hand (a correction: only `update`
    /// holds the aligner's comparison it is made against).
    Link((SourceId, SegmentId), (SourceId, SegmentId)),
}

/// A key as dialogs read it.
pub struct DialogKey {
    /// The key.
    pub ev: KeyEvent,
    /// Control held.
    pub ctrl: bool,
    /// The command the keymap binds it to, for moving in lists.
    pub cmd: Option<Command>,
    /// Esc (or Ctrl+C): cancel.
    pub esc: bool,
    /// Enter: choose.
    pub enter: bool,
}

impl DialogKey {
    /// Reads `ev` with the reader's keymap.
    pub fn new(keymap: &Keymap, ev: KeyEvent) -> DialogKey {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        DialogKey {
            ev,
            ctrl,
            cmd: keymap.lookup(Key::from_event(&ev)),
            esc: ev.code == KeyCode::Esc || (ctrl && ev.code == KeyCode::Char('c')),
            enter: ev.code == KeyCode::Enter,
        }
    }

    /// True for the character `c` (the dialogs' answers: see `keymap::answer`).
    pub fn is(&self, c: char) -> bool {
        self.ev.code == KeyCode::Char(c)
    }

    /// The cursor of a list of `n` after this key (j/k, arrows, g/G as bound).
    pub fn list(&self, at: usize, n: usize) -> usize {
        match self.cmd {
            Some(Command::Down) => (at + 1).min(n.saturating_sub(1)),
            Some(Command::Up) => at.saturating_sub(1),
            Some(Command::First) => 0,
            Some(Command::Last) => n.saturating_sub(1),
            _ => at,
        }
    }

    /// Applies the key to a one-line input: a character, or a readline key (see
    /// [`LineInput::key`]).
    pub fn typed(&self, input: &mut LineInput) {
        input.key(&self.ev);
    }
}

/// A one-line input as a dialog shows it: `label`, the text made visible, and the cursor
/// (`▏`) where typing goes.
pub fn input_line(label: &str, input: &LineInput) -> Line<'static> {
    let (before, after) = input.split();
    if input.is_suggested() {
        // Shown selected: typing replaces it.
        let text = Span::styled(
            visible(input.as_str(), false).to_string(),
            Style::new().add_modifier(Modifier::REVERSED),
        );
        return Line::from(vec![Span::raw(format!(" {label}")), text, Span::raw("▏")]);
    }
    Line::raw(format!(
        " {label}{}▏{}",
        visible(before, false),
        visible(after, false)
    ))
}

/// A row of a list with a cursor.
pub fn row(text: String, on: bool, t: &Theme) -> Line<'static> {
    let mark = if on { "▶ " } else { "  " };
    let style = if on { t.title_active } else { t.text };
    Line::styled(format!("{mark}{}", visible(&text, false)), style)
}

/// A line of help under a dialog: what the keys do.
pub fn hint(s: &str, t: &Theme) -> Line<'static> {
    Line::styled(s.to_string(), t.dim)
}

/// Draws a dialog box over `area`: `title` on its frame, `lines` inside (wrapped, the first
/// `scroll` rows skipped), as wide as its widest line and centred.
pub fn boxed(f: &mut Frame, t: &Theme, area: Rect, title: &str, lines: Vec<Line>, scroll: usize) {
    let w = box_width(title, &lines).min(usize::from(area.width));
    // Lines wider than the box wrap: count the rows they take, so the last line (often the
    // keys to press) is not cut off below the box.
    // One column less than the box holds: ratatui's wrap keeps the spaces that this count's
    // wrap drops, so a line that just fits here may take a row more there; a spare blank
    // row is better than a cut keys line.
    let inner = w.saturating_sub(3).max(1);
    let rows: usize = lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            crate::tui::wrap::wrap(&text, inner).len().max(1)
        })
        .sum();
    let rect = centred(area, w as u16, (rows + 2).min(usize::from(u16::MAX)) as u16);
    let block = Block::bordered()
        .title(Span::styled(title.to_string(), t.title))
        .border_style(t.key);
    // A blank column on each side of the box: a pane's letter or border piece right
    // beside it would read as part of it.
    let left = rect.x.saturating_sub(1).max(area.x);
    let right = (rect.x + rect.width + 1).min(area.x + area.width);
    f.render_widget(Clear, Rect::new(left, rect.y, right - left, rect.height));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll as u16, 0)),
        rect,
    );
}
