//! Atomic file replacement: whatever moment the process dies at, the file on disk is the old
//! version or the new one, whole.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

/// Temporary files older than this are left-overs of a crash and are removed.
const STALE: Duration = Duration::from_secs(3600);

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces `path` with `bytes`: a temporary file in the same directory (a rename is atomic
/// only within one file system) is written and synced, the old file is kept as `backup`
/// (itself replaced atomically), the temporary file is renamed over `path`, and the
/// directory is synced so the rename itself survives a power cut.
pub(super) fn write(path: &Path, bytes: &[u8], backup: Option<&Path>) -> Result<()> {
    let err = |p: &Path| {
        let p = p.to_path_buf();
        move |cause| Error::Write { path: p, cause }
    };
    // A link, pipe or device under that name is not ours to replace or write through
    // (F15): `-o ~/.bashrc-link` must not follow the link, `-o /dev/sda` must not write.
    if let Ok(meta) = fs::symlink_metadata(path)
        && !meta.file_type().is_file()
    {
        let why = "not a regular file (a link, pipe, device or directory); left as it is";
        return Err(err(path)(std::io::Error::other(why)));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(err(dir))?;
    remove_stale(dir, path);
    let tmp = temp_path(path);
    let written = write_synced(&tmp, bytes).map_err(err(path));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if let Some(backup) = backup.filter(|_| path.exists())
        && let Err(e) = keep_backup(path, backup)
    {
        let _ = fs::remove_file(&tmp);
        return Err(err(backup)(e));
    }
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(err(path)(e));
    }
    sync_dir(dir).map_err(err(dir))
}

/// An exclusive lock on a file beside `path` (`.NAME.lock`), held while it lives: writers
/// that take it one after the other cannot interleave a check and a write. The lock file
/// stays (removing it would race with the next writer's open); it is empty.
pub(super) struct Lock {
    _held: File,
}

impl Lock {
    /// Waits for and takes the lock of `path`.
    pub(super) fn take(path: &Path) -> Result<Lock> {
        let err = |cause| Error::Write {
            path: path.to_path_buf(),
            cause,
        };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let lock = path.with_file_name(format!(".{name}.lock"));
        if let Some(dir) = lock.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(err)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock)
            .map_err(err)?;
        file.lock().map_err(err)?;
        Ok(Lock { _held: file })
    }
}

/// A fresh temporary name next to `path`, hidden, unique per process and call.
fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Makes `backup` a copy of `path` without a moment where `backup` is partial: a hard link
/// (or, where links are not supported, a synced copy) under a temporary name, renamed.
fn keep_backup(path: &Path, backup: &Path) -> std::io::Result<()> {
    let tmp = temp_path(backup);
    if fs::hard_link(path, &tmp).is_err() {
        fs::copy(path, &tmp)?;
        File::open(&tmp)?.sync_all()?;
    }
    fs::rename(&tmp, backup).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    // Directories cannot be opened for syncing on Windows; its rename is durable enough.
    Ok(())
}

/// Removes the temporary files of every comparison in `dir` that crashed writers left (F14:
/// those of a comparison never saved again stayed forever); `Store::list` calls it.
pub(super) fn remove_stale_in(dir: &Path) {
    remove_stale_matching(dir, ".");
}

/// Removes temporary files of `path` (and its backup) that a crashed writer left, once they
/// are old enough that no live writer can still be using them.
fn remove_stale(dir: &Path, path: &Path) {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    remove_stale_matching(dir, &format!(".{name}."));
}

/// Removes the temporary files in `dir` whose name starts with `prefix`, once stale.
fn remove_stale_matching(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > STALE);
        if file.starts_with(prefix) && file.ends_with(".tmp") && old {
            let _ = fs::remove_file(e.path());
        }
    }
}
