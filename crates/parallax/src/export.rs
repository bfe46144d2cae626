//! Exports of a comparison: the JSON report contract, a plain-text report for the terminal,
//! Markdown, and a standalone HTML page.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;
mod walk;

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

/// The formats a comparison with notes exports to (`parallax export`, the reader's `e`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// A Markdown report with the notes beside their links and passages.
    Markdown,
    /// One standalone HTML page.
    Html,
    /// The JSON report with a `notes` array.
    Json,
}

impl ExportFormat {
    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Json => "json",
        }
    }
}

/// The comparison and its notes in `format`; `title` heads the HTML page.
pub fn with_notes(
    cmp: &crate::Comparison,
    notes: &crate::annotate::Notes,
    title: &str,
    format: ExportFormat,
) -> String {
    match format {
        ExportFormat::Markdown => markdown::render_with_notes(cmp, notes),
        ExportFormat::Html => html::render(cmp, notes, title),
        ExportFormat::Json => json::to_string_with_notes(cmp, notes) + "\n",
    }
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
