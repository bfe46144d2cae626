//! Which files `parallax open NAME --refresh` may read: those the user names on the command
//! line (`--source`), and those the saved comparison names only once the user has seen them
//! and said yes (a prompt on a terminal, `--yes` elsewhere).
//!
//! Why ask: a saved comparison is a file anyone may have written or sent, and `--refresh`
//! puts the text of the files it names into the comparison, where exports and saves carry
//! it on (issue F12: a crafted file pulled a system file in). A path typed by the user, or
//! shown and confirmed, is the user's choice.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use parallax::SourceId;
use parallax::store::Saved;
use parallax::text::visible;

/// The file to read each source of `saved` (opened from `file`) from, or `None` to keep its
/// saved text: the `--source` arguments `given` (a saved source's own path, or
/// `LETTER=PATH` for a source now elsewhere), then the files `saved` names, once confirmed
/// (`yes`, or the user's answer on a terminal).
pub fn files(
    saved: &Saved,
    file: &Path,
    given: &[String],
    yes: bool,
) -> Result<Vec<Option<String>>> {
    let stored = saved.stored_files();
    let mut chosen: Vec<Option<String>> = vec![None; stored.len()];
    for arg in given {
        let (i, path) = match_source(&stored, arg).ok_or_else(|| no_match(file, &stored, arg))?;
        chosen[i] = Some(path);
    }
    let unconfirmed: Vec<(usize, &str)> = stored
        .iter()
        .enumerate()
        .filter(|(i, _)| chosen[*i].is_none())
        .filter_map(|(i, s)| s.as_deref().map(|s| (i, s)))
        .collect();
    if !unconfirmed.is_empty() && !yes && !confirm(&unconfirmed)? {
        let listed = listing(&unconfirmed);
        bail!(
            "{}: --refresh would read {listed}, named in the saved file: pass --yes to read them (or --source FILE for each file to read)",
            file.display()
        );
    }
    for (i, s) in unconfirmed {
        chosen[i] = Some(s.to_string());
    }
    Ok(chosen)
}

/// "A /x/a.txt, B /x/b.txt", made safe for the terminal.
fn listing(files: &[(usize, &str)]) -> String {
    let parts: Vec<String> = files
        .iter()
        .map(|(i, s)| format!("{} {}", SourceId(*i).letter(), visible(s, false)))
        .collect();
    parts.join(", ")
}

/// Asks on the terminal whether to read `files`; false without a terminal to ask on (a
/// script must say `--yes`), or when the user says anything but yes.
fn confirm(files: &[(usize, &str)]) -> Result<bool> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Ok(false);
    }
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "parallax: --refresh reads the sources again from the files the saved comparison names:"
    )?;
    for (i, s) in files {
        writeln!(err, "  {}  {}", SourceId(*i).letter(), visible(s, false))?;
    }
    write!(err, "Read these files? [y/N] ")?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// The source `arg` names and the file to read it from: `LETTER=PATH` reads source LETTER
/// from PATH; a plain path must be the file a source was saved from (compared as absolute,
/// resolved paths), and then reads it from there.
fn match_source(stored: &[Option<String>], arg: &str) -> Option<(usize, String)> {
    if let Some((letter, path)) = arg.split_once('=')
        && let Some(i) = (0..stored.len()).find(|&i| SourceId(i).letter() == letter)
        && !path.is_empty()
    {
        return Some((i, path.to_string()));
    }
    let wanted = resolved(Path::new(arg))?;
    stored.iter().enumerate().find_map(|(i, s)| {
        let s = s.as_deref()?;
        (resolved(Path::new(s)).as_ref() == Some(&wanted)).then(|| (i, s.to_string()))
    })
}

/// `path` made absolute, its links resolved when it exists.
fn resolved(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path)
        .ok()
        .or_else(|| std::path::absolute(path).ok())
}

/// The error for a `--source` that names no source.
fn no_match(file: &Path, stored: &[Option<String>], arg: &str) -> anyhow::Error {
    let known: Vec<(usize, &str)> = stored
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.as_deref().map(|s| (i, s)))
        .collect();
    anyhow::anyhow!(
        "{}: --source {}: not a file this comparison was saved from ({}); write LETTER=FILE to read a source from elsewhere",
        file.display(),
        visible(arg, false),
        if known.is_empty() {
            "it names none".to_string()
        } else {
            listing(&known)
        }
    )
}
