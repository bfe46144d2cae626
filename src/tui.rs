//! The reader: an interactive terminal UI over a [`parallax::Comparison`], built as The Elm
//! Architecture: terminal events go through the [`keymap`] to an [`action::Action`],
//! [`update::update`] changes the [`model::Model`] (no I/O), the app loop runs the effects, and
//! [`view::view`] draws the model (it only borrows).
//!
//! Submodules are declared with explicit paths so that tests and benchmarks can include this
//! module by path (`#[path = "../src/tui.rs"] mod tui;`) with the same layout as the binary.

#[path = "tui/action.rs"]
pub mod action;
#[path = "tui/app.rs"]
pub mod app;
#[path = "tui/config.rs"]
pub mod config;
#[path = "tui/effects.rs"]
pub mod effects;
#[path = "tui/keymap.rs"]
pub mod keymap;
#[path = "tui/layout.rs"]
pub mod layout;
#[path = "tui/model.rs"]
pub mod model;
#[path = "tui/pair.rs"]
pub mod pair;
#[path = "tui/prompt.rs"]
pub mod prompt;
#[path = "tui/theme.rs"]
pub mod theme;
#[path = "tui/update.rs"]
pub mod update;
#[path = "tui/view.rs"]
pub mod view;
#[path = "tui/wrap.rs"]
pub mod wrap;

pub use app::{Start, run};
