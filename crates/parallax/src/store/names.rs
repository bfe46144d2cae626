//! Names of saved comparisons: which are usable, the name a file goes by, and how a shell
//! command quotes one.

use std::path::{Path, PathBuf};

use super::EXTENSION;
use crate::error::{Error, Result};

/// Longest name of a saved comparison, in bytes (with the extension it stays well under
/// the 255 bytes file systems allow).
pub const MAX_NAME_BYTES: usize = 120;

/// A usable name made of `base` and `suffix`: `base` cut at a character boundary so the
/// whole fits [`MAX_NAME_BYTES`] (F8: a cut by characters let 80 multibyte characters run
/// past the limit, and the rescue of unsaved notes failed), or `fallback` when what is left
/// of `base` cannot start a name.
pub fn name_with_suffix(base: &str, suffix: &str, fallback: &str) -> String {
    let mut cut = MAX_NAME_BYTES.saturating_sub(suffix.len()).min(base.len());
    while !base.is_char_boundary(cut) {
        cut -= 1;
    }
    let name = format!("{}{suffix}", base[..cut].trim_end());
    if validate_name(&name).is_ok() {
        name
    } else {
        format!("{fallback}{suffix}")
    }
}

/// The rescues of comparison file `path` (unsaved notes a reader stopped by a signal kept
/// as "NAME-unsaved-TIME", the name cut to fit as [`name_with_suffix`] cuts it) that lie
/// beside it or in one of `also` (where a reader keeps what the data directory could not
/// take) and were written after it, newest first: their notes are not in it, and opening it
/// should say so. Each as the path to open it by.
pub fn rescues_of(path: &Path, also: &[PathBuf]) -> Vec<PathBuf> {
    let Some(name) = name_of_file(path) else {
        return Vec::new();
    };
    let mtime = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let Some(since) = mtime(path) else {
        return Vec::new();
    };
    // The prefix as a rescue's name holds it: a long name is cut to leave room for the
    // time (ten digits).
    let digits = "0000000000";
    let cut = name_with_suffix(&name, &format!("-unsaved-{digits}"), "parallax");
    let prefix = cut.strip_suffix(digits).unwrap_or(&cut).to_string();
    let dirs = path
        .parent()
        .into_iter()
        .chain(also.iter().map(PathBuf::as_path));
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = dirs
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flat_map(|entries| entries.flatten())
        .filter_map(|e| {
            let file = e.file_name().to_str()?.to_string();
            let rescue = file.strip_suffix(EXTENSION)?.strip_prefix(&prefix)?;
            let stamped = !rescue.is_empty() && rescue.bytes().all(|b| b.is_ascii_digit());
            let when = mtime(&e.path())?;
            (stamped && when > since).then(|| (when, e.path()))
        })
        .collect();
    found.sort_by(|x, y| y.cmp(x));
    found.dedup_by(|x, y| x.1 == y.1);
    found.into_iter().map(|(_, p)| p).collect()
}

/// Checks that `name` can name a saved comparison: a plain file name, no path.
pub fn validate_name(name: &str) -> Result<()> {
    let bad = |reason| {
        Err(Error::BadName {
            name: name.to_string(),
            reason,
        })
    };
    if name.trim().is_empty() {
        return bad("it is empty");
    }
    if name.len() > MAX_NAME_BYTES {
        return bad("longer than 120 bytes");
    }
    if name.trim() != name {
        return bad("it starts or ends with white space");
    }
    if name.starts_with('.') {
        return bad("it starts with a dot");
    }
    if name.contains(['/', '\\']) {
        return bad("it holds a path separator");
    }
    if name
        .chars()
        .any(|c| c.is_control() || "<>:\"|?*".contains(c))
    {
        return bad("it holds a control character or one of < > : \" | ? *");
    }
    Ok(())
}

/// `name` as it must be typed in a shell command ("parallax open 'cabello check'"): left
/// alone when it holds only letters, digits and `._-`, else single-quoted.
pub fn shell_word(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || "._-".contains(c))
    {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

/// The command that reopens comparison `name`, as a user types it in a shell: a name that
/// starts with a dash follows `--`, or it would read as an option.
pub fn open_command(name: &str) -> String {
    let dashes = if name.starts_with('-') { "-- " } else { "" };
    format!("parallax open {dashes}{}", shell_word(name))
}

/// The name a comparison file goes by: its file name without [`EXTENSION`], when that is a
/// usable name; `None` for other files (opened by path), which show the name they hold.
pub fn name_of_file(path: &Path) -> Option<String> {
    let file = path.file_name()?.to_str()?;
    let name = file.strip_suffix(EXTENSION)?;
    validate_name(name).ok().map(|()| name.to_string())
}

/// What a missing name's error adds: the usable saved names in `dir` that hold `name`, or
/// that `name` holds when they are three letters or more, whatever the case (`quake` finds
/// "quake homework", "bridges" finds "bridge"), as "; saved: “quake homework”" (at most
/// three); nothing when none does. Read from the file names alone.
pub fn names_like(dir: &Path, name: &str) -> String {
    let want = name.to_lowercase();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return String::new();
    };
    let mut like: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let saved = name_of_file(&e.path())?;
            let lower = saved.to_lowercase();
            let near =
                lower.contains(&want) || (lower.chars().count() >= 3 && want.contains(&lower));
            near.then_some(saved)
        })
        .collect();
    like.sort();
    if like.is_empty() {
        return String::new();
    }
    let more = like.len().saturating_sub(3);
    let shown: Vec<String> = like.iter().take(3).map(|n| format!("“{n}”")).collect();
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("; saved: {}{more}", shown.join(", "))
}
