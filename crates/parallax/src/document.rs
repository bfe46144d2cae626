//! Documents: the text of one source, its metadata, and loading with input checks.
//!
//! Plain text is kept byte for byte, so every span in a report slices the file as it is on
//! disk. Markdown and HTML are turned into plain text first; their spans slice that text,
//! which the report carries.

mod header;
mod html;
mod load;
mod markdown;
mod url;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::span::Span;

pub use header::detect_header;
pub use load::{
    Checked, DEFAULT_MAX_SIZE, LoadOptions, load, load_reader, load_regular, parse_size, read,
    read_page, read_reader,
};
pub use url::{is_url, url_name};

/// How a source was written, which decides how it is turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text, kept as read.
    Text,
    /// Markdown, reduced to its text.
    Markdown,
    /// A saved web page, reduced to its main article text.
    Html,
}

impl SourceFormat {
    /// The lowercase name reports use: `text`, `markdown` or `html`.
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
        }
    }
}

/// What a header line is, when it is not article prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeaderRole {
    /// The headline.
    Title,
    /// A standfirst or dek under the headline.
    Subtitle,
    /// The author's name.
    Byline,
    /// A publication date or a date with reading time.
    Date,
    /// A section label or kicker ("Speed Reads", "venezuela crisis").
    Kicker,
}

/// A stretch of the text recognised as metadata rather than prose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderLine {
    /// Where it stands in the text.
    pub span: Span,
    /// What it is.
    pub role: HeaderRole,
}

/// Title, byline and date of a source, as far as its header tells them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline, if one was recognised.
    pub title: Option<String>,
    /// The author, if one was recognised.
    pub byline: Option<String>,
    /// The date as written, if one was recognised.
    pub date: Option<String>,
    /// Every stretch of the text that is header, not prose (sorted, not overlapping).
    pub header: Vec<HeaderLine>,
}

/// One source: where it came from, its text, and its metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    /// The text every span points into.
    pub text: String,
    /// How the source was written.
    pub format: SourceFormat,
    /// Title, byline, date and the header stretches.
    pub meta: Metadata,
    /// Things the user should know about the input (e.g. a charset guess); never fatal.
    pub warnings: Vec<String>,
    /// True for the bundled demo articles: their text is embedded in Parallax, so `path`
    /// names no file to read again or compare with. (Written only when true, so saved files
    /// of other sources are as before.)
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bundled: bool,
    /// When the page was fetched (RFC 3339, UTC), for a source read from a URL (`path` is
    /// the URL). Absent for files, so saved files of other sources are as before and an
    /// older Parallax reads this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
}

/// The text with each carriage return not followed by a line feed (the line end of old Mac
/// files) made a line feed, so that its lines are lines: else the whole file is one line and
/// loses its headline. One byte for one, so every offset still points into the file as read.
pub(crate) fn lone_carriage_returns_as_line_feeds(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Only ASCII bytes changed, so the text is as valid UTF-8 as before.
    String::from_utf8(bytes).expect("ASCII for ASCII keeps UTF-8")
}

impl Document {
    /// A document from text already in memory; the header is recognised as for files.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Document {
        Document::with_format(path, text.into(), SourceFormat::Text)
    }

    /// A document of the given format whose `text` is already plain.
    pub(crate) fn with_format(
        path: impl Into<String>,
        text: String,
        format: SourceFormat,
    ) -> Document {
        let text = lone_carriage_returns_as_line_feeds(text);
        let meta = detect_header(&text);
        Document {
            path: path.into(),
            text,
            format,
            meta,
            warnings: Vec::new(),
            bundled: false,
            fetched: None,
        }
    }

    /// A short name for titles: the file name without its directory, or for a web page its
    /// host and path (see [`url_name`]).
    pub fn name(&self) -> Cow<'_, str> {
        if is_url(&self.path) {
            return Cow::Owned(url_name(&self.path));
        }
        Cow::Borrowed(self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path))
    }

    /// The source as the text report names it: the path, or for a web page its short name,
    /// then the URL and when it was fetched ("example.com/news/talks (https://…, fetched
    /// …)"); the Markdown and HTML reports set the name and the rest apart.
    pub fn source_line(&self) -> Cow<'_, str> {
        match self.origin() {
            Some(origin) => Cow::Owned(format!("{} ({origin})", self.name())),
            None => Cow::Borrowed(&self.path),
        }
    }

    /// For a web page, where it came from and when: "https://…, fetched …" (the URL alone
    /// when the time is not known); nothing for a file.
    pub fn origin(&self) -> Option<String> {
        self.is_web().then(|| match &self.fetched {
            Some(at) => format!("{}, fetched {at}", self.path),
            None => self.path.clone(),
        })
    }

    /// True when the source was read from a URL.
    pub fn is_web(&self) -> bool {
        is_url(&self.path)
    }

    /// The byte ranges of the text that are passages: everything but the header stretches,
    /// except the first headline and any subtitle, which stay passages too because headlines
    /// make claims that readers compare. A repeated headline, kickers, bylines and dates are
    /// not passages.
    pub fn prose_ranges(&self) -> Vec<Span> {
        let headline = self
            .meta
            .header
            .iter()
            .find(|h| h.role == HeaderRole::Title)
            .map(|h| h.span);
        let stays = |h: &HeaderLine| Some(h.span) == headline || h.role == HeaderRole::Subtitle;
        let mut out = Vec::new();
        let mut at = 0;
        for h in self.meta.header.iter().filter(|h| !stays(h)) {
            if h.span.start > at {
                out.push(Span::new(at, h.span.start));
            }
            at = at.max(h.span.end);
        }
        if at < self.text.len() {
            out.push(Span::new(at, self.text.len()));
        }
        out
    }
}
