//! Exports of a comparison: the JSON report contract, a plain-text report for the terminal,
//! Markdown, and a standalone HTML page.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

/// The output formats of `parallax align`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The JSON report (DESIGN.md §2).
    Json,
    /// Plain text for reading in a terminal.
    Text,
    /// A Markdown report.
    Markdown,
}

/// One line with its white space folded, cut to `max` characters with an ellipsis.
pub fn one_line(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
