//! The reader: an interactive terminal UI over a [`parallax::Comparison`], built as The Elm
//! Architecture: terminal events go through the [`keymap`] to an [`action::Action`],
//! [`update::update`] changes the [`model::Model`] (no I/O), the app loop runs the effects, and
//! [`view::view`] draws the model (it only borrows).

pub mod action;
pub mod app;
pub mod config;
pub mod dialog;
pub mod effects;
pub mod kept;
pub mod keymap;
pub mod layout;
pub mod line;
pub mod matrix;
pub mod model;
pub mod notes;
pub mod pair;
pub mod side;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

pub use app::{Start, reader_options, run};
