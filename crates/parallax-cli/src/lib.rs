//! The front end of Parallax: the command line ([`cli`]) and the reader ([`tui`]), both
//! built on the engine crate `parallax`. The `parallax` binary (`src/main.rs`) only parses
//! arguments and hands over to [`cli::run`].

/// Says something on standard error, as `parallax: …`, through the one sanitiser for text
/// bound for a terminal (`parallax::text::visible`): a name or path holding escape
/// sequences or bidirectional controls is shown, never obeyed.
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("parallax: {}", parallax::text::visible(&format!($($arg)*), false))
    };
}
pub(crate) use say;

pub mod cli;
pub mod fetch;
pub mod tui;
