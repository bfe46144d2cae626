//! Unsaved notes kept ready for a fatal ending (F7 of the hardening issue).
//!
//! A panic on the UI thread, or an abort (Rust aborts when an allocation fails, on a stack
//! overflow, and `kill -ABRT`), ends the reader without going back through the app loop, so
//! the rescue that follows a signal (`effects::rescue`, which serialises the model) cannot
//! run. And after an allocation failure nothing may allocate. So while notes are unsaved
//! the app loop keeps a [`Snapshot`] here: the rescue file's bytes, its name and paths as C
//! strings, and the message that names it, all made beforehand. Writing it
//! ([`write_kept`]) then needs only system calls on memory already there, which is what a
//! signal handler may do: open, write, fsync, link, unlink.
//!
//! Not covered: SIGKILL, which no process can catch, and so not the Linux OOM killer; the
//! caps on input size (`--max-size`, the HTML and matching caps in the README) are what keep
//! input from running the reader out of memory in the first place.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::sync::{Arc, Mutex, TryLockError};

use rustix::fs::{Mode, OFlags};

/// A rescue file made ready: what [`write_kept`] writes, and where.
pub struct Snapshot {
    /// The bytes of the saved comparison (notes included).
    bytes: Vec<u8>,
    /// A temporary name beside `path`, hidden and ending in `.tmp` as the store's own, so
    /// `list` clears it away if the write itself is cut short.
    tmp: CString,
    /// The file it becomes: a new name, never an existing file.
    path: CString,
    /// What to tell the user once it is written ("unsaved notes kept as …").
    message: Vec<u8>,
}

impl Snapshot {
    /// A snapshot that writes `bytes` to `path` (whose directory exists) and then says
    /// `message` (part of a line: see [`rescue_then`]).
    pub fn new(bytes: Vec<u8>, path: &Path, message: &str) -> Option<Snapshot> {
        let name = path.file_name()?.as_bytes();
        let mut tmp = path.parent()?.as_os_str().as_bytes().to_vec();
        tmp.extend_from_slice(b"/.");
        tmp.extend_from_slice(name);
        tmp.extend_from_slice(format!(".{}-rescue.tmp", std::process::id()).as_bytes());
        Some(Snapshot {
            bytes,
            tmp: CString::new(tmp).ok()?,
            path: CString::new(path.as_os_str().as_bytes()).ok()?,
            message: message.as_bytes().to_vec(),
        })
    }
}

/// The snapshot of the notes shown, while they are unsaved. Behind a mutex that the fatal
/// paths only try (a failed try takes no time and no memory) and that the app loop holds
/// only to swap an `Arc`: building and dropping snapshots happens outside it.
static KEPT: Mutex<Option<Arc<Snapshot>>> = Mutex::new(None);

/// Keeps `snapshot` for a fatal ending (`None`: nothing unsaved to keep).
pub fn keep(snapshot: Option<Snapshot>) {
    let new = snapshot.map(Arc::new);
    let old = match KEPT.lock() {
        Ok(mut k) => std::mem::replace(&mut *k, new),
        Err(poisoned) => std::mem::replace(&mut *poisoned.into_inner(), new),
    };
    drop(old);
}

/// Writes the kept snapshot, if any; then calls `restore` (which puts the terminal back);
/// then says in one line on standard error what ended the reader (`what`) and where the
/// notes went. The notes come first: a fatal ending may not get far. Allocates nothing and
/// makes only system calls besides `restore` (the abort handler calls it); the snapshot
/// stays locked while it is written, so the app loop cannot free it meanwhile. True when a
/// snapshot was written.
pub fn rescue_then(restore: impl FnOnce(), what: &[u8]) -> bool {
    let guard = match KEPT.try_lock() {
        Ok(g) => Some(g),
        Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
        // The app loop is swapping it this instant: nothing can be done without waiting.
        Err(TryLockError::WouldBlock) => None,
    };
    let snapshot = guard.as_ref().and_then(|g| g.as_deref());
    let written = snapshot.map(write);
    restore();
    let notes: &[u8] = match (snapshot, &written) {
        (Some(s), Some(Ok(()))) => &s.message,
        (Some(_), _) => b"unsaved notes could not be kept",
        (None, _) => b"",
    };
    // Pieces, not one formatted line: formatting allocates.
    let sep: &[u8] = if notes.is_empty() { b"" } else { b"; " };
    for piece in [b"parallax: ".as_slice(), what, sep, notes, b"\n"] {
        let _ = rustix::io::write(rustix::stdio::stderr(), piece);
    }
    matches!(written, Some(Ok(())))
}

/// Writes `s` to its temporary name, syncs it, and links it to its real name (a link, not
/// a rename: it fails rather than replace a file that took that name meanwhile).
fn write(s: &Snapshot) -> rustix::io::Result<()> {
    let fd = rustix::fs::open(
        s.tmp.as_c_str(),
        OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::CLOEXEC,
        Mode::from_raw_mode(0o644),
    )?;
    let mut rest: &[u8] = &s.bytes;
    while !rest.is_empty() {
        match rustix::io::write(&fd, rest) {
            Ok(0) => return Err(rustix::io::Errno::IO),
            Ok(n) => rest = &rest[n..],
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e),
        }
    }
    rustix::fs::fsync(&fd)?;
    drop(fd);
    let linked = rustix::fs::link(s.tmp.as_c_str(), s.path.as_c_str());
    let _ = rustix::fs::unlink(s.tmp.as_c_str());
    linked
}
