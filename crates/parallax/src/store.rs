//! Saved comparisons: one versioned JSON file per comparison, written atomically, with the
//! previous version kept as a backup.
//!
//! A file holds the sources' full texts with their SHA-256, their paths and titles, the
//! comparison as built (options, passages, facts, links) and the notes, so it reopens exactly
//! as saved even when the sources have moved or changed. Loading reads a file of an older
//! schema by building its comparison again; it refuses a corrupt file, a file of another
//! program and a file of a newer schema with a clear error, and never writes to the file it
//! reads; saving refuses to replace such a file.

mod atomic;
mod disk;
mod names;
mod sources;
mod upgrade;
mod validate;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::annotate::{Notes, Timestamp};
use crate::comparison::Comparison;
use crate::error::{Error, Result};
use crate::ids::{SegmentId, SourceId};

pub use disk::{
    Expect, MAX_SAVED_SIZE, Stamp, backup_path, load_file, load_stamped, protected, save_expecting,
    save_file, write_atomic,
};
pub use names::{
    MAX_NAME_BYTES, name_of_file, name_with_suffix, open_command, rescues_of, shell_word,
    validate_name,
};
pub use sources::{Refreshed, SourceState};

/// The value of `format` in every saved comparison.
pub const FORMAT: &str = "parallax-comparison";
/// The schema version this Parallax writes and the newest it reads. Version 1 files are read
/// by building their comparison again; version 2 files are read as they are (version 3 adds
/// the corrections of links kept with the notes, which version 2 files do not have; a
/// Parallax that reads version 2 would drop them on saving, so it must refuse version 3).
pub const VERSION: u64 = 3;
/// The file name ending of a saved comparison.
pub const EXTENSION: &str = ".parallax.json";
/// The file name ending of the previous version of a saved comparison.
pub const BACKUP_EXTENSION: &str = ".parallax.json.bak";

/// One source as saved: where it came from and a fingerprint of its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSource {
    /// The path as the user gave it.
    pub path: String,
    /// The path made absolute when saved, to find the file again from another directory.
    pub absolute: Option<String>,
    /// The title, if one was recognised.
    pub title: Option<String>,
    /// Hex SHA-256 of the text (the text is in `comparison.sources[i].document.text`).
    pub sha256: String,
    /// Length of the text in bytes.
    pub bytes: usize,
}

/// A saved comparison: what one file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Always [`FORMAT`].
    pub format: String,
    /// The schema version, [`VERSION`] when written by this Parallax.
    pub version: u64,
    /// The name it was saved under.
    pub name: String,
    /// When it was saved.
    pub saved: Timestamp,
    /// The sources, in the comparison's order.
    pub sources: Vec<SavedSource>,
    /// The comparison as the aligner built it: documents with their full texts, options,
    /// links, clusters. The corrections in `notes` apply on top ([`Saved::corrected`]).
    pub comparison: Comparison,
    /// The reader's notes.
    pub notes: Notes,
    /// Where the reader was when it saved, to reopen there. Absent in files saved before
    /// it was kept, and in files written by other tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

/// Where the reader stands: the two sources shown, the passage focused in each, and the
/// active pane (0 or 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The sources shown, left and right.
    pub sources: [SourceId; 2],
    /// The focused passage in each pane.
    pub focus: [SegmentId; 2],
    /// The pane keys act on, 0 (left) or 1: the engine knows no panes, the reader says
    /// which is which.
    pub active: usize,
    /// True when the reader showed linked passages level (its synoptic view) rather than
    /// each source in its own order. Absent (false) in files saved before it was kept.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synoptic: bool,
}

/// Hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    sha256_hex_bytes(text.as_bytes())
}

/// Hex SHA-256 of bytes.
pub(crate) fn sha256_hex_bytes(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Saved {
    /// A saved comparison of `comparison` and `notes` under `name`, stamped `now`.
    pub fn new(name: &str, comparison: Comparison, notes: Notes, now: Timestamp) -> Saved {
        let sources = comparison
            .sources
            .iter()
            .map(|s| {
                let d = &s.document;
                SavedSource {
                    path: d.path.clone(),
                    // Standard input and the bundled demo have no file to find again.
                    absolute: (d.path != "-" && !d.bundled && !d.is_web())
                        .then(|| std::path::absolute(&d.path).ok())
                        .flatten()
                        .map(|p| p.to_string_lossy().into_owned()),
                    title: d.meta.title.clone(),
                    sha256: sha256_hex(&d.text),
                    bytes: d.text.len(),
                }
            })
            .collect();
        Saved {
            format: FORMAT.to_string(),
            version: VERSION,
            name: name.to_string(),
            saved: now,
            sources,
            comparison,
            notes,
            place: None,
        }
    }

    /// The comparison as the reader shows it: as built, with the corrections applied.
    pub fn corrected(&self) -> Comparison {
        self.notes.corrected(&self.comparison)
    }

    /// The file's contents.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a saved comparison always serialises") + "\n"
    }

    /// Reads a saved comparison from the bytes of the file at `path` (named in errors):
    /// checks `format` first, then `version`, then the whole structure. A version-1 file
    /// comes back as this version, its comparison built again.
    pub fn from_slice(path: &Path, bytes: &[u8]) -> Result<Saved> {
        let corrupt = |detail: String| Error::Corrupt {
            path: path.to_path_buf(),
            detail,
        };
        // The header first, the rest skipped unread: a tree of the whole file (serde_json's
        // Value) took 17 times the file's size in memory (F13), and the current version is
        // read straight into its types below.
        // JSON that is no object ("[]", "3") would fail later naming serde's own types (or
        // an array would be read as the fields in order).
        // A byte-order mark, as some editors write before UTF-8, is no part of the JSON.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        match first {
            None => return Err(corrupt("empty file".to_string())),
            Some(b'{') => {}
            // "[1,2,3]" read as a header failed on its third element ("trailing
            // characters"): whether it is JSON at all is what to say.
            Some(_) => {
                return Err(corrupt(
                    match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
                        Ok(_) => "JSON, but not an object".to_string(),
                        Err(e) => format!("invalid JSON: {e}"),
                    },
                ));
            }
        }
        let head: disk::Header =
            serde_json::from_slice(bytes).map_err(|e| corrupt(format!("invalid JSON: {e}")))?;
        if head.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(Error::Foreign {
                path: path.to_path_buf(),
                found: head.format.map(|f| f.to_string()),
            });
        }
        let version = match head.version {
            None => return Err(corrupt("no schema version".to_string())),
            Some(v) => match v.as_u64() {
                Some(0) => {
                    return Err(corrupt("schema version 0, which no Parallax writes".into()));
                }
                Some(n) => n,
                None => return Err(corrupt(format!("schema version {v} is no version number"))),
            },
        };
        if version > VERSION {
            return Err(Error::NewerVersion {
                path: path.to_path_buf(),
                found: version,
                supported: VERSION,
            });
        }
        let mut saved: Saved = if version == 1 {
            let value = serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?;
            upgrade::from_v1(value).map_err(corrupt)?
        } else {
            serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?
        };
        validate::check(&saved).map_err(corrupt)?;
        // Claims saved before every claim needed two sources that state it firmly, or
        // before they were numbered most-carried first: kept and listed as now. (No note
        // refers to a claim.)
        saved.comparison.clusters.retain(|c| c.firmly_by() >= 2);
        crate::comparison::claims_in_order(&mut saved.comparison.clusters);
        Ok(saved)
    }
}

/// One saved comparison as `parallax list` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    /// Its name (the file name without [`EXTENSION`]).
    pub name: String,
    /// Its file.
    pub path: PathBuf,
    /// Each source's title, or its file name when it has none.
    pub sources: Vec<String>,
    /// When it was saved.
    pub saved: Timestamp,
    /// How many notes it holds.
    pub notes: usize,
    /// How many corrections by hand it holds (links marked wrong, links made by hand).
    pub corrections: usize,
    /// Why it cannot be read, when it cannot (it is listed all the same).
    pub problem: Option<String>,
}

/// The directory of saved comparisons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The store under data directory `data_dir` (comparisons live in its `comparisons/`).
    pub fn new(data_dir: impl Into<PathBuf>) -> Store {
        Store {
            dir: data_dir.into().join("comparisons"),
        }
    }

    /// The directory the comparison files are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of comparison `name`.
    pub fn path_of(&self, name: &str) -> Result<PathBuf> {
        validate_name(name)?;
        Ok(self.dir.join(format!("{name}{EXTENSION}")))
    }

    /// True when a comparison is saved under `name` (a reader asks before replacing it).
    pub fn exists(&self, name: &str) -> bool {
        self.path_of(name).is_ok_and(|p| p.exists())
    }

    /// The file meant by `name_or_path`: a path when it holds a separator; else the saved
    /// comparison of that name; else, when it ends in `.json` or a file of that name is in
    /// the current directory, that file (so that a file that is no comparison is named as
    /// such, not as a missing name).
    pub fn resolve(&self, name_or_path: &str) -> Result<PathBuf> {
        if name_or_path.contains(['/', '\\']) {
            return Ok(PathBuf::from(name_or_path));
        }
        // A saved name comes first: "story.json" may be a comparison's name (F18), and only
        // when no comparison has it is it a file in the current directory.
        if let Ok(path) = self.path_of(name_or_path)
            && path.exists()
        {
            return Ok(path);
        }
        if name_or_path.ends_with(".json") || Path::new(name_or_path).is_file() {
            return Ok(PathBuf::from(name_or_path));
        }
        self.path_of(name_or_path)?;
        Err(Error::NoSuchComparison {
            name: name_or_path.to_string(),
            dir: self.dir.clone(),
            like: names::names_like(&self.dir, name_or_path),
        })
    }

    /// Loads comparison `name_or_path` (see [`Store::resolve`]).
    pub fn load(&self, name_or_path: &str) -> Result<Saved> {
        load_file(&self.resolve(name_or_path)?)
    }

    /// Saves `comparison` and `notes` as `name`, stamped `now`; returns the file written.
    pub fn save(
        &self,
        name: &str,
        comparison: &Comparison,
        notes: &Notes,
        now: Timestamp,
    ) -> Result<PathBuf> {
        let path = self.path_of(name)?;
        let saved = Saved::new(name, comparison.clone(), notes.clone(), now);
        save_file(&path, &saved)?;
        Ok(path)
    }

    /// Deletes comparison `name` (a saved name, not a path) from the list: its file is renamed
    /// `….parallax.json.deleted` (or `….deleted-2`, `-3`… when that is taken), which
    /// [`Store::list`] does not show and no save replaces, so a deletion by mistake can be
    /// undone by renaming it back. A file that is no readable comparison is refused and left
    /// untouched. Returns the new path.
    pub fn delete(&self, name: &str) -> Result<PathBuf> {
        let path = self.path_of(name)?;
        if !path.exists() {
            return Err(Error::NoSuchComparison {
                name: name.to_string(),
                dir: self.dir.clone(),
                like: names::names_like(&self.dir, name),
            });
        }
        load_file(&path)?;
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        let kept = (1..)
            .map(|n| match n {
                1 => path.with_file_name(format!("{file}.deleted")),
                n => path.with_file_name(format!("{file}.deleted-{n}")),
            })
            .find(|p| !p.exists())
            .expect("a free name");
        std::fs::rename(&path, &kept).map_err(|cause| Error::Write {
            path: path.clone(),
            cause,
        })?;
        Ok(kept)
    }

    /// Every saved comparison, by name; unreadable ones are listed with their problem.
    pub fn list(&self) -> Result<Vec<Listing>> {
        atomic::remove_stale_in(&self.dir);
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::from_io(&self.dir.display().to_string(), e)),
        };
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            let Some(name) = file.strip_suffix(EXTENSION) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            out.push(match load_file(&path) {
                Ok(s) => Listing {
                    name: name.to_string(),
                    sources: s.comparison.names(),
                    saved: s.saved,
                    notes: s.notes.len(),
                    corrections: s.notes.corrections().len(),
                    path,
                    problem: None,
                },
                Err(e) => Listing {
                    name: name.to_string(),
                    path,
                    sources: Vec::new(),
                    saved: 0,
                    notes: 0,
                    corrections: 0,
                    problem: Some(e.to_string()),
                },
            });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
