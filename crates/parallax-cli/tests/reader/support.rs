//! Helpers shared by the reader's tests: the demo comparison (live, or fixed as a fixture),
//! a model on it, key presses through the real keymap, and drawing into a TestBackend.

use std::sync::OnceLock;

use parallax::{Comparison, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

use parallax_cli::tui::action::{Action, Effect};
use parallax_cli::tui::config::Config;
use parallax_cli::tui::keymap::Key;
use parallax_cli::tui::model::Model;
use parallax_cli::tui::update::update;
use parallax_cli::tui::view::view;

/// The demo comparison: all four bundled sources, built once per test binary.
pub fn demo() -> Comparison {
    static CMP: OnceLock<Comparison> = OnceLock::new();
    CMP.get_or_init(|| {
        Comparison::build(
            parallax::demo::documents(),
            &parallax_cli::tui::reader_options(Options::default()),
        )
        .expect("demo builds")
    })
    .clone()
}

/// The demo as the reader refines it in the background: aligned with the user's options
/// (the sentence encoder and the learned score), built once per test binary.
pub fn refined_demo() -> Comparison {
    static CMP: OnceLock<Comparison> = OnceLock::new();
    CMP.get_or_init(|| {
        Comparison::build(parallax::demo::documents(), &Options::default()).expect("demo builds")
    })
    .clone()
}

/// The demo in a `w`×`h` terminal once its links are refined, as the worker hands them over.
pub fn refined_demo_model(w: u16, h: u16) -> Model {
    let mut m = demo_model(w, h);
    update(&mut m, Action::Refining);
    update(&mut m, Action::Refined(Ok(Box::new(refined_demo()))));
    m
}

/// The fixed comparison of `fixtures/demo.json`: the demo as aligned once, for snapshots
/// that must not move when the aligner changes.
pub fn fixture() -> Comparison {
    crate::fixture::comparison()
}

/// A model showing `cmp` on a `w`×`h` terminal, with the default keys and theme.
pub fn model_with(cmp: Comparison, config: Config, w: u16, h: u16) -> Model {
    let names = cmp
        .sources
        .iter()
        .map(|s| s.document.name().to_string())
        .collect();
    let mut m = Model::new(config, names);
    update(&mut m, Action::Resize(w, h));
    update(&mut m, Action::Loaded(Box::new(cmp)));
    m
}

/// The demo in a `w`×`h` terminal.
pub fn demo_model(w: u16, h: u16) -> Model {
    model_with(demo(), Config::default(), w, h)
}

/// The fixed comparison in a `w`×`h` terminal.
pub fn fixture_model(w: u16, h: u16) -> Model {
    model_with(fixture(), Config::default(), w, h)
}

/// Presses keys given as the configuration file writes them, space-separated ("n n enter");
/// each goes through the keymap as a real key event would.
pub fn press(m: &mut Model, keys: &str) {
    for spec in keys.split(' ').filter(|s| !s.is_empty()) {
        effect_of(m, spec);
    }
}

/// Presses one key (as [`press`]) and returns the effect `update` asks the app loop to run.
pub fn effect_of(m: &mut Model, spec: &str) -> Option<Effect> {
    let key = Key::parse(spec).expect("key spec");
    let mut mods = KeyModifiers::NONE;
    if key.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    let ev = KeyEvent::new(key.code, mods);
    let a = parallax_cli::tui::update::key_action(m, &ev)?;
    update(m, a)
}

/// Focus on a passage with no link, so `a` writes on the passage itself.
pub fn on_unlinked(m: &mut Model) {
    press(m, "u");
    let r = m.ready().unwrap();
    assert!(r.pair.is_added(m.active, m.panes[m.active].focus));
}

/// Types text as key presses (into the note editor or a name or path prompt).
pub fn type_keys(m: &mut Model, text: &str) {
    for c in text.chars() {
        let ev = if c == '\n' {
            KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Enter,
                KeyModifiers::NONE,
            )
        } else {
            KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Char(c),
                KeyModifiers::NONE,
            )
        };
        if let Some(a) = parallax_cli::tui::update::key_action(m, &ev) {
            update(m, a);
        }
    }
}

/// Types text into the search prompt (after `/`).
pub fn type_text(m: &mut Model, text: &str) {
    for c in text.chars() {
        update(m, Action::SearchChar(c));
    }
}

/// Draws the model into a buffer of its size.
pub fn draw(m: &Model) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(m.size.width, m.size.height)).expect("terminal");
    t.draw(|f| view(m, f)).expect("draw");
    t.backend().buffer().clone()
}

/// The characters on screen, one string per row.
pub fn rows(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (a.y..a.bottom())
        .map(|y| (a.x..a.right()).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The screen as one string, white space collapsed, for "is this text visible" checks.
pub fn screen(buf: &Buffer) -> String {
    rows(buf)
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `n` words of a text, joined by single spaces.
pub fn first_words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The texts of `notes`, in reading order.
pub fn note_texts(notes: &parallax::annotate::Notes) -> Vec<String> {
    notes.ordered().iter().map(|n| n.text.clone()).collect()
}
