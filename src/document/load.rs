//! Reading sources from files and standard input, with the checks that turn bad input into
//! one clear error.

use std::io::Read;
use std::path::Path;

use super::{Document, SourceFormat, html, markdown};
use crate::error::{Error, Result};

/// The default cap on an input's size: 50 MB.
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
    if path == "-" {
        return load_reader("-", std::io::stdin().lock(), options);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::from_io(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
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
    load_reader(path, file, options)
}

/// Loads one source from any reader; `path` names it in errors and reports.
pub fn load_reader(path: &str, reader: impl Read, options: &LoadOptions) -> Result<Document> {
    let mut bytes = Vec::new();
    // Read one byte past the cap so an over-long stream is caught without reading it all.
    reader
        .take(options.max_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::from_io(path, e))?;
    if bytes.len() as u64 > options.max_size {
        return Err(Error::TooLarge {
            path: path.to_string(),
            size: bytes.len() as u64,
            max: options.max_size,
        });
    }
    decode(path, bytes)
}

/// Checks the bytes and turns them into a document of the format they are in.
fn decode(path: &str, bytes: Vec<u8>) -> Result<Document> {
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
    let format = detect_format(path, &bytes);
    let doc = match format {
        SourceFormat::Html => html::extract(path, &bytes)?,
        SourceFormat::Text | SourceFormat::Markdown => {
            let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
                path: path.to_string(),
                offset: e.utf8_error().valid_up_to(),
            })?;
            if format == SourceFormat::Markdown {
                Document::with_format(path, markdown::to_text(&text), SourceFormat::Markdown)
            } else {
                Document::from_text(path, text)
            }
        }
    };
    if doc.text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_string(),
            what: "only white space",
        });
    }
    Ok(doc)
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
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
            let head = head.trim_start();
            if head.starts_with("<!doctype html") || head.starts_with("<html") {
                SourceFormat::Html
            } else {
                SourceFormat::Text
            }
        }
    }
}
