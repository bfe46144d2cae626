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

/// What to read each source of `saved` (opened from `file`) from again: the file, or `None`
/// to keep its saved text, and the web pages to fetch again. Files are the `--source`
/// arguments `given` (a saved source's own path, or `LETTER=PATH` for a source now
/// elsewhere), then the files `saved` names; those and the pages' URLs are read once
/// confirmed (`yes`, or the user's answer on a terminal), as the saved file may have been
/// written by anyone.
pub fn files(saved: &Saved, file: &Path, given: &[String], yes: bool) -> Result<Chosen> {
    let stored = saved.stored_files();
    let mut chosen: Vec<Option<String>> = vec![None; stored.len()];
    for arg in given {
        let (i, path) = match_source(&stored, arg).ok_or_else(|| no_match(file, &stored, arg))?;
        chosen[i] = Some(path);
    }
    let pages: Vec<(usize, &str)> = saved
        .comparison
        .sources
        .iter()
        .enumerate()
        .filter(|(i, s)| chosen[*i].is_none() && s.document.is_web())
        .map(|(i, s)| (i, s.document.path.as_str()))
        .collect();
    let mut unconfirmed: Vec<(usize, &str)> = stored
        .iter()
        .enumerate()
        .filter(|(i, _)| chosen[*i].is_none())
        .filter_map(|(i, s)| s.as_deref().map(|s| (i, s)))
        .collect();
    unconfirmed.extend(&pages);
    unconfirmed.sort_unstable();
    if !unconfirmed.is_empty() && !yes && !confirm(&unconfirmed)? {
        let listed = listing(&unconfirmed);
        bail!(
            "{}: --refresh would read {listed}, named in the saved file: pass --yes to read them (or --source FILE for each file to read)",
            file.display()
        );
    }
    let urls: Vec<(usize, String)> = pages.iter().map(|&(i, u)| (i, u.to_string())).collect();
    for (i, s) in unconfirmed {
        if !urls.iter().any(|(j, _)| *j == i) {
            chosen[i] = Some(s.to_string());
        }
    }
    Ok(Chosen {
        files: chosen,
        pages: urls,
    })
}

/// What to read the sources again from: the files `chosen`, and its pages fetched again
/// (one line on standard error for each, as a fetch can take up to the timeout).
pub fn again(
    chosen: Chosen,
    count: usize,
    fetch: &crate::fetch::FetchOptions,
) -> crate::tui::effects::Refresh {
    let mut fetched: Vec<Option<std::result::Result<parallax::Document, String>>> =
        (0..count).map(|_| None).collect();
    for (i, url) in chosen.pages {
        crate::say!("fetching {} again…", visible(&url, false));
        let page = crate::fetch::fetch(&url, fetch)
            .and_then(|checked| checked.convert().map_err(|e| e.to_string()));
        fetched[i] = Some(page);
    }
    crate::tui::effects::Refresh {
        files: chosen.files,
        fetched,
    }
}

/// What `open --refresh` may read, confirmed.
pub struct Chosen {
    /// The file to read each source from, or `None`.
    pub files: Vec<Option<String>>,
    /// The web pages to fetch again: source index and URL.
    pub pages: Vec<(usize, String)>,
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
    let pages = files
        .iter()
        .filter(|(_, s)| parallax::document::is_url(s))
        .count();
    let what = match (pages, files.len() - pages) {
        (0, _) => "files",
        (_, 0) => "pages",
        _ => "files and pages",
    };
    writeln!(
        err,
        "parallax: --refresh reads the sources again from the {what} the saved comparison names:"
    )?;
    for (i, s) in files {
        writeln!(err, "  {}  {}", SourceId(*i).letter(), visible(s, false))?;
    }
    write!(err, "Read these {what}? [y/N] ")?;
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
    // "C=story.txt" on a comparison of two: the letter is what is wrong, not the form.
    if let Some((letter, path)) = arg.split_once('=')
        && letter.len() == 1
        && letter.chars().all(|c| c.is_ascii_uppercase())
    {
        let last = SourceId(stored.len().saturating_sub(1)).letter();
        let why = if path.is_empty() {
            "no file after '='".to_string()
        } else {
            format!("this comparison has no source {letter} (its sources are A to {last})")
        };
        return anyhow::anyhow!(
            "{}: --source {}: {why}",
            file.display(),
            visible(arg, false)
        );
    }
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
