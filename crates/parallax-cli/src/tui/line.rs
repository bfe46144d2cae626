//! One line of typed text with a cursor and the readline keys every shell has: the search
//! prompt, the save name, the export file and the open dialog's path or URL all edit
//! through this one type, so the keys are the same in each.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A one-line input and its cursor (a byte offset at a character boundary).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
    /// The text is a suggestion, shown selected: the first character typed (or Backspace)
    /// replaces it, a key that moves the cursor keeps it for editing.
    suggested: bool,
}

impl LineInput {
    /// An input holding `text`, the cursor at its end.
    pub fn new(text: impl Into<String>) -> LineInput {
        let text = text.into();
        LineInput {
            cursor: text.len(),
            text,
            suggested: false,
        }
    }

    /// An input holding `text` as a suggestion: typing replaces it, as in a save dialog
    /// that proposes a file name.
    pub fn suggested(text: impl Into<String>) -> LineInput {
        LineInput {
            suggested: true,
            ..LineInput::new(text)
        }
    }

    /// True while the text is a suggestion nothing has been typed over yet.
    pub fn is_suggested(&self) -> bool {
        self.suggested
    }

    /// What is typed.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text before and after the cursor, for drawing it between them.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Empties it.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Types `c` at the cursor.
    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Deletes the character before the cursor (Backspace).
    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    /// Applies an editing key; false when `ev` is no editing key (Enter, Esc, …), which the
    /// caller then handles. Ctrl-U clears to the start, Ctrl-W deletes the word before the
    /// cursor, Ctrl-K to the end, Ctrl-A / Home and Ctrl-E / End go to the start and end,
    /// Left / Right (Ctrl-B / Ctrl-F) move, Backspace and Delete (Ctrl-D) delete.
    pub fn key(&mut self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        if self.suggested {
            let replaces = match (ev.code, ctrl) {
                (KeyCode::Char(c), false) => !alt && !c.is_control(),
                (KeyCode::Backspace | KeyCode::Delete, _) => true,
                _ => false,
            };
            if replaces {
                self.clear();
            }
        }
        let handled = self.edit(ev.code, ctrl, alt);
        if handled {
            self.suggested = false;
        }
        handled
    }

    /// The editing keys of [`key`](Self::key).
    fn edit(&mut self, code: KeyCode, ctrl: bool, alt: bool) -> bool {
        match (code, ctrl) {
            (KeyCode::Char('u'), true) => {
                self.text.drain(..self.cursor);
                self.cursor = 0;
            }
            (KeyCode::Char('w'), true) | (KeyCode::Backspace, true) => {
                let start = word_start(&self.text[..self.cursor]);
                self.text.drain(start..self.cursor);
                self.cursor = start;
            }
            (KeyCode::Char('k'), true) => self.text.truncate(self.cursor),
            (KeyCode::Char('a'), true) | (KeyCode::Home, _) => self.cursor = 0,
            (KeyCode::Char('e'), true) | (KeyCode::End, _) => self.cursor = self.text.len(),
            (KeyCode::Char('b'), true) | (KeyCode::Left, _) => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                }
            }
            (KeyCode::Char('f'), true) | (KeyCode::Right, _) => {
                if let Some(c) = self.text[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
            }
            (KeyCode::Backspace, false) => self.backspace(),
            (KeyCode::Char('d'), true) | (KeyCode::Delete, _) => {
                if self.cursor < self.text.len() {
                    self.text.remove(self.cursor);
                }
            }
            (KeyCode::Char(c), false) if !alt && !c.is_control() => self.insert(c),
            _ => return false,
        }
        true
    }
}

/// Where the word before the end of `before` starts: white space after it is taken too, as
/// a shell's Ctrl-W does; a path or URL's separators end a word as well.
fn word_start(before: &str) -> usize {
    let is_sep = |c: char| c.is_whitespace() || matches!(c, '/' | '.' | '-' | '_' | '?' | '&');
    let trimmed = before.trim_end_matches(is_sep);
    trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| is_sep(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::LineInput;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(input: &mut LineInput, keys: &[KeyEvent]) {
        for k in keys {
            assert!(input.key(k), "{k:?} edits");
        }
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::from(code)
    }

    fn typed(s: &str) -> Vec<KeyEvent> {
        s.chars().map(|c| key(KeyCode::Char(c))).collect()
    }

    #[test]
    fn a_suggestion_is_replaced_by_typing_and_kept_by_moving() {
        let mut l = LineInput::suggested("story.html");
        press(&mut l, &typed("/tmp/x.html"));
        assert_eq!(l.as_str(), "/tmp/x.html");
        assert!(!l.is_suggested());
        let mut l = LineInput::suggested("story.html");
        press(&mut l, &[key(KeyCode::Backspace)]);
        assert_eq!(l.as_str(), "");
        let mut l = LineInput::suggested("story.html");
        press(&mut l, &[key(KeyCode::Home)]);
        press(&mut l, &typed("my-"));
        assert_eq!(l.as_str(), "my-story.html");
    }

    #[test]
    fn ctrl_u_clears_to_the_start_and_ctrl_k_to_the_end() {
        let mut l = LineInput::new("hello world");
        press(&mut l, &[key(KeyCode::Left); 5]);
        press(&mut l, &[ctrl('u')]);
        assert_eq!(l.as_str(), "world");
        assert_eq!(l.split(), ("", "world"));
        press(&mut l, &[key(KeyCode::Right), ctrl('k')]);
        assert_eq!(l.as_str(), "w");
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor() {
        let mut l = LineInput::new("notes for monday  ");
        press(&mut l, &[ctrl('w')]);
        assert_eq!(l.as_str(), "notes for ");
        press(&mut l, &[ctrl('w'), ctrl('w')]);
        assert_eq!(l.as_str(), "");
        let mut url = LineInput::new("https://example.com/news/story");
        press(&mut url, &[ctrl('w')]);
        assert_eq!(url.as_str(), "https://example.com/news/");
    }

    #[test]
    fn home_end_and_arrows_move_where_typing_goes() {
        let mut l = LineInput::new("bc");
        press(&mut l, &[key(KeyCode::Home)]);
        press(&mut l, &typed("a"));
        press(&mut l, &[ctrl('e')]);
        press(&mut l, &typed("d"));
        press(&mut l, &[ctrl('a'), key(KeyCode::Right)]);
        press(&mut l, &typed("-"));
        assert_eq!(l.as_str(), "a-bcd");
        press(&mut l, &[key(KeyCode::End), key(KeyCode::Left)]);
        assert_eq!(l.split(), ("a-bc", "d"));
    }

    #[test]
    fn backspace_and_delete_act_at_the_cursor_on_whole_characters() {
        let mut l = LineInput::new("Köln");
        press(&mut l, &[key(KeyCode::Left), key(KeyCode::Left)]);
        press(&mut l, &[key(KeyCode::Backspace)]);
        assert_eq!(l.as_str(), "Kln");
        press(&mut l, &[key(KeyCode::Delete)]);
        assert_eq!(l.as_str(), "Kn");
        assert_eq!(l.split(), ("K", "n"));
        // At the ends they do nothing (and do not panic).
        press(&mut l, &[key(KeyCode::Home), key(KeyCode::Backspace)]);
        press(&mut l, &[key(KeyCode::End), key(KeyCode::Delete)]);
        assert_eq!(l.as_str(), "Kn");
    }

    #[test]
    fn enter_and_esc_are_left_to_the_caller() {
        let mut l = LineInput::new("x");
        assert!(!l.key(&key(KeyCode::Enter)));
        assert!(!l.key(&key(KeyCode::Esc)));
        assert_eq!(l.as_str(), "x");
    }
}
