//! The front end of Parallax: the command line ([`cli`]) and the reader ([`tui`]), both
//! built on the engine crate `parallax`. The `parallax` binary (`src/main.rs`) only parses
//! arguments and hands over to [`cli::run`].

pub mod cli;
pub mod tui;
