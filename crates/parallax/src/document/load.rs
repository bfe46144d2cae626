//! Reading sources from files and standard input, with the checks that turn bad input into
//! one clear error.

use std::io::Read;
use std::path::Path;

use super::{Document, SourceFormat, header, html, markdown};
use crate::error::{Error, Result};
use crate::lines::is_blank;

/// The default cap on an input's size: 50 MB (MiB, as 50 × 1024 × 1024 bytes).
pub const DEFAULT_MAX_SIZE: u64 = 50 * 1024 * 1024;

/// How to load sources.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Inputs larger than this many bytes are refused.
    pub max_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

/// Loads one source: a path, or `-` for standard input.
pub fn load(path: &str, options: &LoadOptions) -> Result<Document> {
    read(path, options)?.convert()
}

/// Reads and checks one source (a path, or `-` for standard input) without turning it into
/// text yet: see [`Checked`].
pub fn read(path: &str, options: &LoadOptions) -> Result<Checked> {
    if path == "-" {
        return read_reader("-", std::io::stdin().lock(), options);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::from_io(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_string(),
        });
    }
    if is_device(&meta) {
        // A device (/dev/zero, /dev/urandom) reads without end: refused before reading up
        // to the size cap. A pipe (`<(curl …)`) is a source a user may mean.
        return Err(Error::NotRegular {
            path: path.to_string(),
        });
    }
    if meta.len() > options.max_size {
        return Err(Error::TooLarge {
            path: path.to_string(),
            size: meta.len(),
            max: options.max_size,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| Error::from_io(path, e))?;
    read_reader(path, file, options)
}

/// True for a character or block device or a socket: nothing a text is read from.
#[cfg(unix)]
fn is_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    t.is_char_device() || t.is_block_device() || t.is_socket()
}

/// True for a device: on other systems, none is told apart.
#[cfg(not(unix))]
fn is_device(_meta: &std::fs::Metadata) -> bool {
    false
}

/// Loads one source that must be a regular file: for paths nobody typed just now (the
/// sources a saved comparison names), where a pipe or a device would hang the reader or
/// read something the user never chose (F12). A path typed on the command line may be a
/// pipe (`<(curl …)`) and goes through [`load`].
pub fn load_regular(path: &str, options: &LoadOptions) -> Result<Document> {
    let meta = std::fs::metadata(path).map_err(|e| Error::from_io(path, e))?;
    if !meta.is_file() && !meta.is_dir() {
        return Err(Error::NotRegular {
            path: path.to_string(),
        });
    }
    load(path, options)
}

/// Loads one source from any reader; `path` names it in errors and reports.
pub fn load_reader(path: &str, reader: impl Read, options: &LoadOptions) -> Result<Document> {
    read_reader(path, reader, options)?.convert()
}

/// Reads and checks one source from any reader: see [`Checked`].
pub fn read_reader(path: &str, reader: impl Read, options: &LoadOptions) -> Result<Checked> {
    let mut bytes = Vec::new();
    // Read one byte past the cap so an over-long stream is caught without reading it all.
    reader
        .take(options.max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::from_io(path, e))?;
    if bytes.len() as u64 > options.max_size {
        return Err(Error::TooLarge {
            path: path.to_string(),
            size: bytes.len() as u64,
            max: options.max_size,
        });
    }
    check(path, bytes)
}

/// A source read and checked, not yet turned into text. Reading and the checks (size,
/// binary, UTF-16, empty, UTF-8) are I/O and one pass over the bytes; the conversion (HTML
/// extraction above all, seconds on a large page) may run elsewhere: the reader runs it on
/// its worker thread, so that its keys work meanwhile (F19), while a bad file is still
/// refused before the reader starts.
#[derive(Debug)]
pub struct Checked {
    path: String,
    body: Body,
    /// When a web page was fetched (RFC 3339), for a source read from a URL.
    fetched: Option<String>,
}

/// What a checked source holds, by format.
#[derive(Debug)]
enum Body {
    /// Plain text or Markdown, valid UTF-8.
    Text(String, SourceFormat),
    /// A web page's bytes, decoded by its charset when converted; with the charset its server
    /// named, if it named one (it wins over the page's own `<meta>`).
    Html(Vec<u8>, Option<String>),
}

impl Checked {
    /// The path it was read from, as given.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Turns it into a document: the page's article or the Markdown's words, the header
    /// recognised. Fails when no text is left (a page with no article, white space only).
    pub fn convert(self) -> Result<Document> {
        let path = self.path.as_str();
        let doc = match self.body {
            Body::Html(bytes, charset) => html::extract(path, &bytes, charset.as_deref())?,
            Body::Text(text, SourceFormat::Markdown) => {
                let (text, headings) = markdown::to_text(&text);
                let mut doc = Document::with_format(path, text, SourceFormat::Markdown);
                header::mark_headings(&mut doc.meta, &doc.text, &headings);
                doc
            }
            Body::Text(text, _) => Document::from_text(path, text),
        };
        if doc.text.trim_matches(is_blank).is_empty() {
            return Err(Error::Empty {
                path: path.to_string(),
                what: "only white space",
            });
        }
        Ok(Document {
            fetched: self.fetched,
            ..doc
        })
    }
}

/// Where the first control byte is, when control bytes (other than tab, line feed and
/// carriage return) are more than one in fifty of the first 8 KiB: binary data. Text in
/// Latin-1 or Windows-1252 has next to none, so it is still told to convert; so is a
/// coloured log, whose escapes open terminal sequences (ESC and "[").
fn binary_like(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(8192)];
    let control = |k: usize| {
        let b = head[k];
        let escape = b == 0x1B && head.get(k + 1) == Some(&b'[');
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') && !escape) || b == 0x7F
    };
    let count = (0..head.len()).filter(|&k| control(k)).count();
    (count >= 4 && count * 50 > head.len())
        .then(|| (0..head.len()).find(|&k| control(k)))
        .flatten()
}

/// Checks the bytes and keeps them in the format they are in.
fn check(path: &str, bytes: Vec<u8>) -> Result<Checked> {
    // UTF-16 is full of NUL bytes; say what it is rather than calling it binary.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::Utf16 {
            path: path.to_string(),
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_string(),
            offset,
        });
    }
    if bytes.is_empty() {
        return Err(Error::Empty {
            path: path.to_string(),
            what: "empty file",
        });
    }
    let body = match detect_format(path, &bytes) {
        SourceFormat::Html => Body::Html(bytes, None),
        format => {
            let text = String::from_utf8(bytes).map_err(|e| {
                let bytes = e.as_bytes();
                match binary_like(bytes) {
                    Some(offset) => Error::ControlBytes {
                        path: path.to_string(),
                        offset,
                    },
                    None => Error::InvalidUtf8 {
                        path: path.to_string(),
                        offset: e.utf8_error().valid_up_to(),
                    },
                }
            })?;
            // White space only is refused now for text; a page's text is known only after
            // extraction.
            if text.trim_matches(is_blank).is_empty() {
                return Err(Error::Empty {
                    path: path.to_string(),
                    what: "only white space",
                });
            }
            Body::Text(text, format)
        }
    };
    Ok(Checked {
        path: path.to_string(),
        body,
        fetched: None,
    })
}

/// Reads a web page the front end fetched from `url` (the engine does no network I/O):
/// the body within the size cap, decoded by `charset` (the one the server's Content-Type
/// names) when given, else as a saved page is. `fetched` is when it was fetched (RFC 3339),
/// kept in the document. The caller has checked that the server called it HTML.
pub fn read_page(
    url: &str,
    body: impl Read,
    charset: Option<&str>,
    fetched: String,
    options: &LoadOptions,
) -> Result<Checked> {
    let mut bytes = Vec::new();
    body.take(options.max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::from_io(url, e))?;
    if bytes.len() as u64 > options.max_size {
        return Err(Error::TooLarge {
            path: url.to_string(),
            size: bytes.len() as u64,
            max: options.max_size,
        });
    }
    if bytes.iter().all(|&b| is_blank_byte(b)) {
        return Err(Error::Empty {
            path: url.to_string(),
            what: "an empty page",
        });
    }
    // A server may send an image or an archive as text/html (or with no type): NUL bytes
    // say so, as for a file, unless the page is UTF-16, which is full of them.
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || charset.is_some_and(|c| c.to_ascii_lowercase().starts_with("utf-16"));
    if let Some(offset) = bytes.iter().position(|&b| b == 0).filter(|_| !utf16) {
        return Err(Error::Binary {
            path: url.to_string(),
            offset,
        });
    }
    Ok(Checked {
        path: url.to_string(),
        body: Body::Html(bytes, charset.map(str::to_string)),
        fetched: Some(fetched),
    })
}

/// ASCII white space, for a body with nothing in it.
fn is_blank_byte(b: u8) -> bool {
    b.is_ascii_whitespace()
}

/// Parses a size for `--max-size`: bytes, or a number with a unit (`K`, `M`, `G`, optionally
/// followed by `B`, or `KiB`, `MiB`, `GiB`; decimal units are 1000-based, binary ones
/// 1024-based; case is ignored): "1000", "50MB", "1.5G", "64KiB".
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let value: f64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a size (try 1000, 50MB or 2GiB)"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1000,
        "m" | "mb" => 1000 * 1000,
        "g" | "gb" => 1000 * 1000 * 1000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        other => {
            return Err(format!(
                "unknown size unit {other:?} (use K, M, G, KiB, MiB or GiB)"
            ));
        }
    };
    let bytes = value * factor as f64;
    if !bytes.is_finite() || bytes < 0.0 || bytes > u64::MAX as f64 {
        return Err(format!("{s:?} is out of range"));
    }
    Ok(bytes as u64)
}

/// Decides the format from the file name, or for unnamed input from the first bytes.
fn detect_format(path: &str, bytes: &[u8]) -> SourceFormat {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => SourceFormat::Html,
        Some("md" | "markdown") => SourceFormat::Markdown,
        Some(_) => SourceFormat::Text,
        None => {
            // Markup first (after a BOM, blank lines or a comment) and an html, head or body
            // tag early on: a saved page, not text that mentions a tag.
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
            let head = head.trim_start_matches(is_blank);
            let tag = ["<!doctype html", "<html", "<head", "<body"]
                .iter()
                .any(|t| head.contains(t));
            if head.starts_with('<') && tag {
                SourceFormat::Html
            } else {
                SourceFormat::Text
            }
        }
    }
}
