//! Exports of a comparison: the JSON report contract, a plain-text report for the terminal,
//! Markdown, and a standalone HTML page.

pub mod claims;
pub mod corrections;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;
mod walk;

/// The reports of a comparison without notes (`parallax align`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The JSON report (README "The JSON report").
    Json,
    /// Plain text for reading in a terminal.
    Text,
    /// A Markdown report.
    Markdown,
    /// One standalone HTML page, as `parallax export` writes it (without notes).
    Html,
}

impl Format {
    /// Every format, in the order a command line lists them.
    pub const ALL: [Format; 4] = [Format::Json, Format::Text, Format::Markdown, Format::Html];

    /// Its name on a command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// Other names a command line accepts for it, not listed in the help.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Format::Markdown => &["md"],
            Format::Json | Format::Text | Format::Html => &[],
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// A format by its name or an alias.
    fn from_str(s: &str) -> Result<Format, String> {
        by_name(&Format::ALL, s, Format::name, Format::aliases)
    }
}

/// The comparison as a report in `format`.
pub fn report(cmp: &crate::Comparison, format: Format) -> String {
    match format {
        Format::Json => json::to_string(cmp) + "\n",
        Format::Text => text::render(cmp),
        Format::Markdown => markdown::render(cmp),
        Format::Html => html::render(cmp, &crate::annotate::Notes::default(), &page_title(cmp)),
    }
}

/// The title of a page made without a saved comparison's name: its sources' names.
fn page_title(cmp: &crate::Comparison) -> String {
    cmp.names().join(" · ")
}

/// The comparison as a report in `format`, with the corrections by hand in `notes` listed
/// (`parallax align --corrections`): the links are those of `cmp`, already corrected.
pub fn report_corrected(
    cmp: &crate::Comparison,
    notes: &crate::annotate::Notes,
    format: Format,
) -> String {
    match format {
        Format::Json => {
            let mut r = json::report(cmp);
            r.corrections = Some(corrections::report(notes));
            serde_json::to_string_pretty(&r).expect("a report always serialises") + "\n"
        }
        Format::Text => text::render(cmp) + &corrections_text(notes),
        Format::Markdown => markdown::render(cmp) + &markdown::corrections(notes),
        Format::Html => html::render(cmp, &notes.corrections_only(), &page_title(cmp)),
    }
}

/// The corrections by hand as plain text, after a text report; empty when there are none.
pub fn corrections_text(notes: &crate::annotate::Notes) -> String {
    let all = corrections::report(notes);
    if all.is_empty() {
        return String::new();
    }
    let mut out = format!("\nCorrections by hand ({})\n", all.len());
    for c in &all {
        out.push_str(&format!("  {}\n", corrections::label(c)));
        for q in &c.quotes {
            out.push_str(&format!("    {}\n", one_line(q, 90)));
        }
    }
    // Quotes are source text: untrusted.
    crate::text::visible(&out, true).into_owned()
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
    /// Every format, in the order a command line lists them.
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Json,
    ];

    /// The usual file name extension, without the dot; also its name on a command line.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Json => "json",
        }
    }

    /// Other names a command line accepts for it, not listed in the help.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Markdown => &["markdown"],
            ExportFormat::Html | ExportFormat::Json => &[],
        }
    }

    /// What a message on an export to `path` adds when the file's name says another of
    /// the formats ("x.html" for a Markdown export): "; as md, though its name says html".
    /// The file is written in this format all the same; the user is told, since a browser
    /// or an editor would read it by its name. Empty otherwise.
    pub fn named_otherwise(self, path: &std::path::Path) -> String {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            return String::new();
        };
        let ext = ext.to_lowercase();
        let names = |f: ExportFormat| f.extension() == ext || f.aliases().contains(&ext.as_str());
        if names(self) || !ExportFormat::ALL.into_iter().any(names) {
            return String::new();
        }
        format!("; as {}, though its name says {ext}", self.extension())
    }

    /// What it is, in a few words (a command line's help).
    pub fn help(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "A Markdown report with the notes",
            ExportFormat::Html => "One standalone HTML page",
            ExportFormat::Json => "The JSON report with a `notes` array",
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = String;

    /// A format by its name (its extension) or an alias.
    fn from_str(s: &str) -> Result<ExportFormat, String> {
        by_name(
            &ExportFormat::ALL,
            s,
            ExportFormat::extension,
            ExportFormat::aliases,
        )
    }
}

/// The one of `all` that `s` names, by `name` or one of its `aliases`.
fn by_name<F: Copy>(
    all: &[F],
    s: &str,
    name: fn(F) -> &'static str,
    aliases: fn(F) -> &'static [&'static str],
) -> Result<F, String> {
    all.iter()
        .copied()
        .find(|&f| name(f) == s || aliases(f).contains(&s))
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|&f| name(f)).collect();
            format!("unknown format {s:?} (known: {})", names.join(", "))
        })
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
