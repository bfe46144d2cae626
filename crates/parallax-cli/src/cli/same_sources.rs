//! One source given twice: the same file by two paths, or the same URL, noted (not refused)
//! so the user knows a source is compared with itself.

/// Notes for sources of `files` that are one source given twice: the same file (by the
/// same path, a relative and an absolute one, through a symbolic link or a hard link) or the
/// same URL. It is compared with itself, and with more than two sources every claim it
/// states counts twice. A note, not an error: comparing a file with itself harms nothing,
/// and the user may mean it. Standard input (`-`) is read once, so never twice.
pub(super) fn same_sources(files: &[String]) -> Vec<String> {
    #[derive(PartialEq)]
    enum Same {
        Url(String),
        File(FileIdentity),
    }
    let found: Vec<Option<Same>> = files
        .iter()
        .map(|f| {
            if f == "-" {
                None
            } else if parallax::document::is_url(f) {
                Some(Same::Url(f.clone()))
            } else {
                file_identity(f).map(Same::File)
            }
        })
        .collect();
    let mut notes = Vec::new();
    for (i, x) in found.iter().enumerate() {
        let Some(x) = x else { continue };
        if let Some(j) = found[..i].iter().position(|y| y.as_ref() == Some(x)) {
            notes.push(format!(
                "{} and {} are one source; it is compared with itself",
                files[j], files[i]
            ));
        }
    }
    notes
}

/// What makes two paths one file. On Unix its device and inode, so a hard link is the file
/// it links to, as a symbolic link or another spelling of the path is.
#[cfg(unix)]
type FileIdentity = (u64, u64);
/// What makes two paths one file: elsewhere its canonical path.
#[cfg(not(unix))]
type FileIdentity = std::path::PathBuf;

/// The identity of the regular file at `path`, if it is one.
fn file_identity(path: &str) -> Option<FileIdentity> {
    let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        std::fs::canonicalize(path).ok()
    }
}
