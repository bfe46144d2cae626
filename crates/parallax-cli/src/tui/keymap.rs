//! Keys as data: which key runs which [`Command`]. The defaults are a table; the configuration
//! file may rebind any command by name, and the `?` overlay is generated from the same table.
//! The note editor's commands ([`Command::in_editor`]) are a second set, looked up only while
//! the editor is open; the dialogs' fixed answers ([`answer`]) are here too.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Command};

/// The default bindings, written as in the configuration file.
const DEFAULTS: [(Command, &[&str]); 44] = [
    (Command::Down, &["j", "down"]),
    (Command::Up, &["k", "up"]),
    (Command::PageDown, &["pagedown", "space"]),
    (Command::PageUp, &["pageup"]),
    (Command::First, &["g", "home"]),
    (Command::Last, &["G", "end"]),
    (Command::SwitchPane, &["tab", "backtab"]),
    (Command::NextLink, &["n"]),
    (Command::PrevLink, &["N"]),
    (Command::NextAdded, &["u"]),
    (Command::PrevAdded, &["U"]),
    (Command::NextConflict, &["c"]),
    (Command::PrevConflict, &["C"]),
    (Command::Counterpart, &["enter"]),
    (Command::Search, &["/"]),
    (Command::GoTo, &[":"]),
    (Command::NextHit, &["]"]),
    (Command::PrevHit, &["["]),
    (Command::ToggleView, &["v"]),
    (Command::Pick, &["p"]),
    (Command::Matrix, &["m"]),
    (Command::ClaimsShared, &["1"]),
    (Command::ClaimsOnly, &["2"]),
    (Command::ClaimsConflict, &["3"]),
    (Command::ClaimsAll, &["0"]),
    (Command::MarkWrong, &["x"]),
    (Command::LinkTo, &["l"]),
    (Command::WhyNot, &["w"]),
    (Command::Possible, &["P"]),
    (Command::PanelSize, &["z"]),
    (Command::PanelDown, &["J"]),
    (Command::PanelUp, &["K"]),
    (Command::Note, &["a"]),
    (Command::NotePassage, &["A"]),
    (Command::Tag, &["t"]),
    (Command::NotesPanel, &["L"]),
    (Command::Save, &["s"]),
    (Command::Export, &["e"]),
    (Command::Open, &["o"]),
    (Command::Help, &["?", "f1"]),
    (Command::Cancel, &["esc"]),
    (Command::Quit, &["q", "ctrl-c"]),
    (Command::EditorSave, &["ctrl-s"]),
    (Command::EditorCancel, &["esc", "ctrl-c"]),
];

/// The keys that answer the dialogs' questions and act on a dialog's list. They are fixed,
/// not in the configuration file: each is the initial of the answer the dialog shows next to
/// it ("y replaces it · n chooses another name"), and a dialog has the keyboard to itself, so
/// they cannot clash with the reader's keys.
pub mod answer {
    /// Yes: replace the saved comparison or the file, delete the note.
    pub const YES: char = 'y';
    /// No: choose another name or file.
    pub const NO: char = 'n';
    /// Unsaved notes: save them, then go on.
    pub const SAVE: char = 's';
    /// Unsaved notes: go on without saving them.
    pub const DISCARD: char = 'd';
    /// Unsaved notes: keep reading.
    pub const CANCEL: char = 'c';
    /// Notes panel: delete the note under the cursor (the Delete key does too).
    pub const DELETE: char = 'd';
    /// Tag picker: set or clear the tag under the cursor (Enter does too).
    pub const TOGGLE: char = ' ';
}

/// One key, as the keymap matches it: shift is part of the character for printable keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

const NAMED: [(&str, KeyCode, &str); 14] = [
    ("down", KeyCode::Down, "↓"),
    ("up", KeyCode::Up, "↑"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("tab", KeyCode::Tab, "Tab"),
    ("backtab", KeyCode::BackTab, "S-Tab"),
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("space", KeyCode::Char(' '), "Space"),
    ("backspace", KeyCode::Backspace, "Bksp"),
];

impl Key {
    /// Parses "j", "G", "ctrl-c", "alt-x", "pagedown", "f1".
    pub fn parse(spec: &str) -> Result<Key, String> {
        let mut key = Key {
            code: KeyCode::Null,
            ctrl: false,
            alt: false,
        };
        let mut rest = spec;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                (key.ctrl, rest) = (true, r);
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                (key.alt, rest) = (true, r);
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code, _)) = NAMED.iter().find(|(n, _, _)| *n == lower) {
                    *code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse().ok()) {
                    KeyCode::F(n)
                } else {
                    return Err(format!("unknown key \"{spec}\""));
                }
            }
        };
        Ok(key)
    }

    /// The key of a terminal event.
    pub fn from_event(ev: &KeyEvent) -> Key {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// How the help overlay shows it.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(_, c, _)| *c == code)
                .map_or("?".to_string(), |(_, _, l)| l.to_string()),
        };
        let ctrl = if self.ctrl { "ctrl-" } else { "" };
        let alt = if self.alt { "alt-" } else { "" };
        format!("{ctrl}{alt}{base}")
    }
}

/// The bindings, one entry per command, in help order.
#[derive(Clone, Debug)]
pub struct Keymap {
    /// Each command with its keys.
    pub bindings: Vec<(Command, Vec<Key>)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let bindings = DEFAULTS
            .iter()
            .map(|(c, keys)| {
                let keys = keys
                    .iter()
                    .map(|k| Key::parse(k).expect("default keys parse"))
                    .collect();
                (*c, keys)
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The reader's command bound to `key` (not the note editor's).
    pub fn lookup(&self, key: Key) -> Option<Command> {
        self.find(key, false)
    }

    /// The note editor's command bound to `key`.
    pub fn editor(&self, key: Key) -> Option<Command> {
        self.find(key, true)
    }

    fn find(&self, key: Key, in_editor: bool) -> Option<Command> {
        self.bindings
            .iter()
            .find(|(c, keys)| c.in_editor() == in_editor && keys.contains(&key))
            .map(|(c, _)| *c)
    }

    /// The keys bound to `cmd`.
    pub fn keys(&self, cmd: Command) -> &[Key] {
        self.bindings
            .iter()
            .find(|(c, _)| *c == cmd)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The main keys, one line each ("  n          next link"), for `parallax --help`.
    pub fn summary(&self) -> String {
        const MAIN: [Command; 22] = [
            Command::Down,
            Command::Up,
            Command::SwitchPane,
            Command::NextLink,
            Command::NextConflict,
            Command::NextAdded,
            Command::Counterpart,
            Command::Search,
            Command::ToggleView,
            Command::Pick,
            Command::Matrix,
            Command::MarkWrong,
            Command::LinkTo,
            Command::WhyNot,
            Command::PanelSize,
            Command::PanelDown,
            Command::Note,
            Command::Save,
            Command::Export,
            Command::Open,
            Command::Help,
            Command::Quit,
        ];
        let mut out = String::new();
        for cmd in MAIN {
            let keys: Vec<String> = self.keys(cmd).iter().map(Key::label).collect();
            out.push_str(&format!("  {:<12} {}\n", keys.join(" "), cmd.help()));
        }
        out
    }

    /// The first key of `cmd` as a label, for hints.
    pub fn hint(&self, cmd: Command) -> String {
        self.keys(cmd).first().map_or("-".into(), Key::label)
    }

    /// Rebinds commands from a `[keys]` table: `next_link = ["n", "ctrl-n"]` or `quit = "q"`.
    /// Refuses unknown commands and keys, and a key bound to two commands.
    pub fn apply(&mut self, table: &toml::Table) -> Result<(), String> {
        for (name, value) in table {
            let cmd = Command::from_name(name).ok_or(format!("unknown command \"{name}\""))?;
            let specs: Vec<&str> = match value {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(a) => a
                    .iter()
                    .map(|v| v.as_str().ok_or(format!("{name}: keys must be strings")))
                    .collect::<Result<_, _>>()?,
                _ => return Err(format!("{name}: expected a key or a list of keys")),
            };
            let keys = specs
                .into_iter()
                .map(Key::parse)
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(entry) = self.bindings.iter_mut().find(|(c, _)| *c == cmd) {
                entry.1 = keys;
            }
        }
        self.check()
    }

    /// No key means two things in the reader, nor in the note editor; and no plain character
    /// is an editor command, since the editor would no longer type it.
    fn check(&self) -> Result<(), String> {
        let name = |c: Command| Command::ALL.iter().find(|x| x.0 == c).map_or("", |x| x.1);
        for (i, (c, keys)) in self.bindings.iter().enumerate() {
            for k in keys {
                if c.in_editor() && !k.ctrl && !k.alt && matches!(k.code, KeyCode::Char(_)) {
                    return Err(format!(
                        "{}: \"{}\" would no longer type into notes; use a key with ctrl- or alt-, or a named key",
                        name(*c),
                        k.label()
                    ));
                }
                if let Some((other, _)) = self.bindings[i + 1..]
                    .iter()
                    .find(|(o, ks)| o.in_editor() == c.in_editor() && ks.contains(k))
                {
                    return Err(format!(
                        "key \"{}\" is bound to both {} and {}",
                        k.label(),
                        name(*c),
                        name(*other)
                    ));
                }
            }
        }
        Ok(())
    }

    /// The action for a key press; while the search prompt is open, keys type into it.
    pub fn action(&self, ev: &KeyEvent, typing: bool) -> Option<Action> {
        let key = Key::from_event(ev);
        if typing && !key.ctrl && !key.alt {
            match key.code {
                KeyCode::Enter => return Some(Action::SearchSubmit),
                KeyCode::Backspace => return Some(Action::SearchBack),
                KeyCode::Esc => return Some(Action::Cmd(Command::Cancel)),
                KeyCode::Char(c) => return Some(Action::SearchChar(c)),
                KeyCode::Left | KeyCode::Right | KeyCode::Home | KeyCode::End | KeyCode::Delete => {
                    return Some(Action::SearchEdit(*ev));
                }
                _ => {}
            }
        }
        // The prompt's readline keys; Ctrl-C still quits.
        if typing
            && key.ctrl
            && matches!(
                key.code,
                KeyCode::Char('u' | 'w' | 'k' | 'a' | 'e' | 'b' | 'f' | 'd')
            )
        {
            return Some(Action::SearchEdit(*ev));
        }
        self.lookup(key).map(Action::Cmd)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_unambiguous_and_give_the_readme_keys() {
        let km = Keymap::default();
        km.check().unwrap();
        for (c, cmd) in [
            ('a', Command::Note),
            ('t', Command::Tag),
            ('s', Command::Save),
            ('e', Command::Export),
            ('o', Command::Open),
        ] {
            let key = Key::parse(&c.to_string()).unwrap();
            assert_eq!(
                km.lookup(key),
                Some(cmd),
                "{c} is the key the README documents"
            );
        }
    }

    #[test]
    fn overrides_rebind_and_refuse_clashes() {
        let mut km = Keymap::default();
        let t: toml::Table = toml::from_str("next_link = [\"ctrl-n\", \"b\"]").unwrap();
        km.apply(&t).unwrap();
        assert_eq!(km.lookup(Key::parse("b").unwrap()), Some(Command::NextLink));
        assert_eq!(km.lookup(Key::parse("n").unwrap()), None);
        let t: toml::Table = toml::from_str("quit = \"j\"").unwrap();
        assert!(km.apply(&t).unwrap_err().contains("bound to both"));
        let t: toml::Table = toml::from_str("fly = \"z\"").unwrap();
        assert!(Keymap::default().apply(&t).is_err());
        // The note editor's keys clash only among themselves: Esc cancels in both.
        let km = Keymap::default();
        let esc = Key::parse("esc").unwrap();
        assert_eq!(km.lookup(esc), Some(Command::Cancel));
        assert_eq!(km.editor(esc), Some(Command::EditorCancel));
        let t: toml::Table = toml::from_str("note_cancel = \"ctrl-s\"").unwrap();
        assert!(
            Keymap::default()
                .apply(&t)
                .unwrap_err()
                .contains("bound to both")
        );
    }
}
