//! Saved comparisons on disk: reading them (regular files of bounded size only), and
//! writing them atomically, with a backup and, for the reader, only over the version it read.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Saved, atomic, sha256_hex_bytes};
use crate::error::{Error, Result};

/// Largest saved comparison read: four sources at the default input cap, with room for
/// JSON's escapes. A larger file is refused before it is read (F13: 100 MB took 1.7 GB).
pub const MAX_SAVED_SIZE: u64 = 256 << 20;

/// The header of a saved comparison, read before the rest.
#[derive(Deserialize)]
pub(super) struct Header {
    /// `None` when the field is absent; `"format": null` is a format, `null`, that the
    /// message names as such (serde reads a null `Option` as absent).
    #[serde(default, deserialize_with = "present")]
    pub(super) format: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "present")]
    pub(super) version: Option<serde_json::Value>,
}

/// A field that is there, whatever its value, `null` included.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

/// Reads the saved comparison at `path`; the file is only read, never written.
pub fn load_file(path: &Path) -> Result<Saved> {
    Saved::from_slice(path, &read_saved(path)?)
}

/// The bytes of the saved comparison at `path`: a regular file (a pipe in the data
/// directory hung `list`, F13) of at most [`MAX_SAVED_SIZE`].
fn read_saved(path: &Path) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::from_io(&shown, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory { path: shown });
    }
    if !meta.is_file() {
        return Err(Error::NotRegular { path: shown });
    }
    if meta.len() > MAX_SAVED_SIZE {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: format!(
                "{} bytes, more than a saved comparison holds ({MAX_SAVED_SIZE})",
                meta.len()
            ),
        });
    }
    std::fs::read(path).map_err(|e| Error::from_io(&shown, e))
}

/// Why writing an export to `output` would destroy what a comparison rests on, if it
/// would: `output` is the comparison's own file (`file`) or its backup, or one of the files
/// its `sources` were read from (in source order). Paths are compared as the file system
/// resolves them (links, "..", the current directory), whether `output` exists yet or not.
pub fn protected(output: &Path, file: Option<&Path>, sources: &[&Path]) -> Option<String> {
    let resolved = |p: &Path| -> Option<std::path::PathBuf> {
        std::fs::canonicalize(p).ok().or_else(|| {
            let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
            let dir = std::fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()?;
            Some(dir.join(p.file_name()?))
        })
    };
    let out = resolved(output)?;
    let same = |other: &Path| resolved(other).is_some_and(|o| o == out);
    if file.is_some_and(|f| same(f) || same(&backup_path(f))) {
        return Some("is the saved comparison itself or its backup".into());
    }
    let k = sources.iter().position(|s| same(s))?;
    Some(format!(
        "is source {} of the comparison",
        crate::ids::SourceId(k).letter()
    ))
}

/// Writes `saved` to `path` atomically, keeping the previous version as `….bak`. A file
/// already there that is not a comparison this Parallax can read, or that is read-only, is
/// refused and left as is.
pub fn save_file(path: &Path, saved: &Saved) -> Result<()> {
    if path.exists() {
        load_file(path)?;
        // The rename that makes a save atomic would replace a file its owner made
        // read-only, as if it were not: a read-only comparison is kept as it is.
        let read_only = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        if read_only {
            return Err(Error::Write {
                path: path.to_path_buf(),
                cause: std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    "the file is read-only; save under another name",
                ),
            });
        }
    }
    let backup = backup_path(path);
    atomic::write(path, saved.to_json().as_bytes(), Some(&backup))
}

/// A fingerprint of a saved comparison's file as read or written (hex SHA-256 of its
/// bytes), to tell whether another writer replaced it since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp(String);

/// What a save expects to find on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// No file: a new comparison.
    Nothing,
    /// The file as it was read or last written: the reader saving what it opened.
    Unchanged(Stamp),
    /// Whatever is there, which the user agreed to replace.
    Anything,
}

/// Reads the comparison at `path` and the stamp of the bytes read.
pub fn load_stamped(path: &Path) -> Result<(Saved, Stamp)> {
    let bytes = read_saved(path)?;
    Ok((
        Saved::from_slice(path, &bytes)?,
        Stamp(sha256_hex_bytes(&bytes)),
    ))
}

/// Saves like [`save_file`] when the file on disk is what `expect` says, else refuses with
/// [`Error::ChangedOnDisk`] and writes nothing (F11: two readers saving one comparison
/// both said "saved", and one save was lost). The check and the write hold a lock on a
/// file beside it, so two savers cannot both pass the check. Returns the new stamp.
pub fn save_expecting(path: &Path, saved: &Saved, expect: &Expect) -> Result<Stamp> {
    let _lock = atomic::Lock::take(path)?;
    let changed = || Error::ChangedOnDisk {
        path: path.to_path_buf(),
    };
    match expect {
        Expect::Nothing if path.exists() => return Err(changed()),
        Expect::Unchanged(Stamp(was)) => {
            let now = std::fs::read(path).map_err(|_| changed())?;
            if sha256_hex_bytes(&now) != *was {
                return Err(changed());
            }
        }
        _ => {}
    }
    let json = saved.to_json();
    save_file(path, saved)?;
    Ok(Stamp(sha256_hex_bytes(json.as_bytes())))
}

/// Writes `bytes` to `path` atomically (temporary file, sync, rename, sync of the
/// directory), without a backup: for exports, so a crash never leaves half a report. The
/// folder must exist: an export goes where the user said, and a folder that is not there
/// is more often a slip of the keys than a wish, so it is refused rather than made.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(Error::Write {
            path: path.to_path_buf(),
            cause: std::io::Error::other(format!("no folder {}", dir.display())),
        });
    }
    atomic::write(path, bytes, None)
}

/// The backup of the comparison file at `path`: the same name with `.bak` added.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}
