//! The engine's one error type. Every variant names the file it is about, so front ends can
//! print it as a single line.

use std::path::PathBuf;

/// Result with the engine's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the engine, phrased for the user.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file does not exist.
    #[error("{path}: no such file")]
    NotFound { path: String },
    /// A directory was given where a file was expected.
    #[error("{path}: is a directory, not a file")]
    IsDirectory { path: String },
    /// A pipe, device or socket where a file read without asking was expected (a source a
    /// saved comparison names, a file of the data directory): reading one could hang.
    #[error("{path}: not a regular file (a pipe, device or socket); not read")]
    NotRegular { path: String },
    /// The file cannot be read for lack of permission.
    #[error("{path}: permission denied")]
    PermissionDenied { path: String },
    /// The file holds NUL bytes: not text.
    #[error("{path}: binary file (NUL byte at offset {offset}), not text")]
    Binary { path: String, offset: usize },
    /// The file is no UTF-8 and many of its first bytes are control characters: binary
    /// data rather than text in another encoding.
    #[error("{path}: binary file (control byte at offset {offset}), not text")]
    ControlBytes { path: String, offset: usize },
    /// The file is empty or holds only white space.
    #[error("{path}: {what}, nothing to compare")]
    Empty { path: String, what: &'static str },
    /// The file is larger than the size cap. `size` is the file's size, or for a stream the
    /// bytes read before giving up (one past the cap), so the message does not show it.
    #[error("{path}: larger than the limit of {max} bytes (raise it with --max-size)")]
    TooLarge { path: String, size: u64, max: u64 },
    /// UTF-16 text (it starts with a UTF-16 byte-order mark): spans index UTF-8 bytes.
    #[error("{path}: UTF-16 text, not UTF-8 (convert it first, e.g. iconv -f utf-16 -t utf-8)")]
    Utf16 { path: String },
    /// The bytes are not valid UTF-8 (plain text and Markdown must be UTF-8).
    #[error(
        "{path}: invalid UTF-8 at byte {offset} (convert it first, e.g. iconv -f latin1 -t utf-8)"
    )]
    InvalidUtf8 { path: String, offset: usize },
    /// A saved web page in which no article text was found.
    #[error("{path}: no article text found in this HTML page")]
    NoArticle { path: String },
    /// Any other I/O failure. (The cause is in the message and not a `source`, or a
    /// report of the error chain would say it twice.)
    #[error("{path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    /// A comparison needs at least two sources.
    #[error("need at least two sources to compare, got {got}")]
    TooFewSources { got: usize },
    /// A saved comparison that is not valid JSON or misses fields.
    #[error("{path}: not a readable Parallax comparison ({detail}); the file was left untouched")]
    Corrupt { path: PathBuf, detail: String },
    /// A JSON file written by another program.
    #[error("{path}: not a Parallax comparison ({}); the file was left untouched", match found {
        Some(f) if f == "\"parallax-report\"" => {
            format!("format is {f}: a report `align` or `export` wrote, not a saved comparison")
        }
        Some(f) => format!("format is {f}"),
        None => "no format field".to_string(),
    })]
    Foreign {
        path: PathBuf,
        /// Its `format` as JSON writes it (a string quoted), if it has one.
        found: Option<String>,
    },
    /// A saved comparison written by a newer Parallax.
    #[error(
        "{path}: saved by a newer Parallax (schema version {found}, this one reads up to {supported}); the file was left untouched"
    )]
    NewerVersion {
        path: PathBuf,
        found: u64,
        supported: u64,
    },
    /// No saved comparison by that name; `like` names saved ones near it, if any ("; saved:
    /// “quake homework”").
    #[error("no saved comparison named {name:?} in {dir}{like}")]
    NoSuchComparison {
        name: String,
        dir: PathBuf,
        like: String,
    },
    /// The saved comparison changed on disk since it was read (another Parallax saved it):
    /// saving now would lose what that one wrote.
    #[error(
        "{path}: changed on disk since it was opened (saved by another Parallax?); not saved: save under another name, or reopen it"
    )]
    ChangedOnDisk { path: PathBuf },
    /// Writing a saved comparison or an export failed.
    #[error("{path}: could not write: {cause}")]
    Write {
        path: PathBuf,
        /// In the message, not a `source` (see [`Error::Io`]).
        cause: std::io::Error,
    },
    /// A note operation that names no note, an unknown tag or a passage that is not there.
    #[error("note: {detail}")]
    Note { detail: String },
    /// A name for a saved comparison that cannot be a file name.
    #[error("{name:?}: not a usable name for a saved comparison ({reason})")]
    BadName { name: String, reason: &'static str },
    /// The embedded sentence encoder could not be built or run (a broken model asset).
    #[error("sentence encoder: {detail}")]
    Encoder { detail: String },
}

impl Error {
    /// Maps an I/O error on `path` to the most telling variant.
    pub fn from_io(path: &str, source: std::io::Error) -> Error {
        let path = path.to_string();
        match source.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound { path },
            std::io::ErrorKind::PermissionDenied => Error::PermissionDenied { path },
            std::io::ErrorKind::IsADirectory => Error::IsDirectory { path },
            _ => Error::Io {
                path,
                cause: source,
            },
        }
    }
}
