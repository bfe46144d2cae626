//! The saved-comparison subcommands: save, open, list, export.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};

use parallax::annotate::{self, Notes};
use parallax::document::LoadOptions;
use parallax::export::{self, ExportFormat, json::where_label};
use parallax::store::{self, Saved, SourceState, Store};
use parallax::text::visible;
use parallax::{Comparison, Document, Options, SourceId};

use crate::tui::effects::Opening;

/// `parallax save NAME FILES…`: builds and saves a comparison without notes; refuses to
/// replace an existing one (its notes would be lost).
pub fn save(
    store: &Store,
    name: &str,
    docs: Vec<Document>,
    options: &Options,
    min_score_given: bool,
) -> Result<ExitCode> {
    let path = store.path_of(name)?;
    if path.exists() {
        bail!(
            "{}: a comparison named {name:?} exists already; reopen it with `{}` (add --refresh to re-read its sources)",
            path.display(),
            store::open_command(name)
        );
    }
    let cmp = Comparison::build(docs, options)?;
    super::say_unencoded(&cmp);
    super::say_min_score_unused(&cmp, min_score_given);
    super::say_no_facts(&cmp);
    let path = store.save(name, &cmp, &Notes::default(), annotate::now())?;
    crate::say!("saved {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// `parallax open NAME|PATH [--refresh]` when standard output is not a terminal (a terminal
/// gets the reader): prints the text report and the notes, and says what changed since saving.
pub fn open(opening: Opening, load: &LoadOptions) -> Result<ExitCode> {
    let Opening {
        path,
        mut saved,
        stamp,
        refresh,
    } = opening;
    if let Some(note) = crate::tui::effects::rescued_note(&path) {
        crate::say!("note: {note}");
    }
    super::say_no_facts(&saved.comparison);
    if let Some(again) = refresh {
        let r = saved.refresh_with(load, &again.files, again.fetched)?;
        report_states(&saved, &r.states, true);
        crate::say!(
            "notes: {} in place, {} moved to matching text, {} detached",
            r.reattached.kept.len(),
            r.reattached.moved.len(),
            r.reattached.detached.len()
        );
        if let Some(lost) = corrections_detached(r.reattached.corrections_detached) {
            crate::say!("{lost}");
        }
        if r.changed {
            saved.saved = annotate::now();
            store::save_expecting(&path, &saved, &store::Expect::Unchanged(stamp))?;
            crate::say!(
                "saved the refreshed comparison to {} (the previous version is {})",
                path.display(),
                store::backup_path(&path).display()
            );
        } else {
            crate::say!("nothing changed; {} left as it was", path.display());
        }
    } else {
        let states = saved.check_sources(load);
        report_states(&saved, &states, false);
    }
    let detached = saved.notes.detached().len();
    if detached > 0 {
        crate::say!(
            "{detached} detached note(s): their passages are gone; they are listed at the end"
        );
    }
    let shown = saved.corrected();
    out(&(export::text::render(&shown)
        + &export::corrections_text(&saved.notes)
        + &notes_text(&saved, &shown)))?;
    eprintln!("(Run it in a terminal to open the comparison in the reader.)");
    Ok(ExitCode::SUCCESS)
}

fn report_states(saved: &Saved, states: &[SourceState], refreshed: bool) {
    for (i, (s, st)) in saved.sources.iter().zip(states).enumerate() {
        let who = format!("{} ({})", SourceId(i).letter(), s.path);
        let what = match (st, refreshed) {
            (SourceState::Changed, false) => {
                "changed since saving; showing the saved text (--refresh re-reads it)"
            }
            (SourceState::Changed, true) => "changed since saving; read again",
            (SourceState::Unchanged, true) if saved.comparison.sources[i].document.is_web() => {
                "fetched again: unchanged since saving"
            }
            (SourceState::Missing, _) => "is gone; using the saved text",
            (SourceState::Unreadable(_), _) if saved.comparison.sources[i].document.is_web() => {
                "could not be fetched again; using the saved text"
            }
            (SourceState::Unreadable(_), _) => "cannot be read; using the saved text",
            _ => continue,
        };
        crate::say!("source {who} {what}");
        if let SourceState::Unreadable(why) = st {
            crate::say!("  {why}");
        }
    }
}

/// The notes as plain text, in reading order.
fn notes_text(saved: &Saved, shown: &Comparison) -> String {
    let ordered = saved.notes.ordered();
    if ordered.is_empty() {
        return String::new();
    }
    let mut out = format!("Notes ({})\n", ordered.len());
    for n in ordered {
        let on = where_label(shown, n.anchor.as_ref()).unwrap_or_else(|| "detached".to_string());
        let tags = if n.tags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", n.tags.join(", "))
        };
        let _ = writeln!(out, "  {on}{tags}, {}", annotate::rfc3339(n.updated));
        for q in n.quotes.iter().filter(|_| n.is_detached()) {
            let _ = writeln!(
                out,
                "    {} was: {}",
                q.source.letter(),
                export::one_line(&q.text, 90)
            );
        }
        for line in n.text.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    visible(&out, true).into_owned()
}

/// `parallax list`: name, date saved, notes, sources.
pub fn list(store: &Store) -> Result<ExitCode> {
    let all = store.list()?;
    if all.is_empty() {
        crate::say!("no saved comparisons in {}", store.dir().display());
        return Ok(ExitCode::SUCCESS);
    }
    let width = all
        .iter()
        .map(|l| l.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut text = format!(
        "{:width$}  {:20}  {:>5}  {:>11}  SOURCES\n",
        "NAME", "SAVED", "NOTES", "CORRECTIONS"
    );
    for l in all {
        let name = visible(&l.name, false);
        let _ = match &l.problem {
            Some(p) => writeln!(text, "{name:width$}  unreadable: {}", visible(p, false)),
            None => writeln!(
                text,
                "{name:width$}  {:20}  {:>5}  {:>11}  {}",
                annotate::rfc3339(l.saved),
                l.notes,
                l.corrections,
                visible(
                    &l.sources
                        .iter()
                        .map(|s| export::one_line(s, 40))
                        .collect::<Vec<_>>()
                        .join(" | "),
                    false
                )
            ),
        };
    }
    out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `parallax delete NAME`: off the list, kept under another name.
pub fn delete(store: &Store, name: &str) -> Result<ExitCode> {
    let kept = store.delete(name)?;
    crate::say!(
        "deleted {}; its file is kept as {} (rename it back to undo)",
        visible(name, false),
        visible(&kept.display().to_string(), false)
    );
    Ok(ExitCode::SUCCESS)
}

/// `parallax export NAME|PATH --format md|html|json -o FILE` (`-o -`: standard output).
pub fn export(
    store: &Store,
    target: &str,
    format: ExportFormat,
    output: &Path,
    force: bool,
) -> Result<ExitCode> {
    let saved = store.load(target)?;
    let (cmp, notes) = (&saved.corrected(), &saved.notes);
    let body = export::with_notes(cmp, notes, &saved.name, format);
    if output == Path::new("-") {
        out(&body)?;
        return Ok(ExitCode::SUCCESS);
    }
    refuse_to_replace(output, &store.resolve(target)?, &saved, force)?;
    store::write_atomic(output, body.as_bytes())?;
    crate::say!(
        "wrote {} ({}){}",
        output.display(),
        parallax::text::counted(notes.len(), "note"),
        format.named_otherwise(output)
    );
    Ok(ExitCode::SUCCESS)
}

/// Refuses an export over the comparison's own file, its backup or one of its sources
/// (the notes or the text compared would be gone: [`store::protected`]), and over any other
/// existing file unless `force`. (The check comes before the write: a file made in the
/// instant between is replaced, as a file the user names while exporting would be.) A link
/// or other file that is no regular file is left to the atomic write, which refuses it.
fn refuse_to_replace(output: &Path, file: &Path, saved: &Saved, force: bool) -> Result<()> {
    let sources: Vec<&Path> = (saved.sources.iter())
        .map(|s| Path::new(s.absolute.as_deref().unwrap_or(&s.path)))
        .collect();
    if let Some(why) = store::protected(output, Some(file), &sources) {
        bail!(
            "{}: {why}; choose another file (it was left as it is)",
            output.display()
        );
    }
    let is_file = std::fs::symlink_metadata(output).is_ok_and(|m| m.is_file());
    if is_file && !force {
        bail!(
            "{}: exists already; pass --force to replace it (it was left as it is)",
            output.display()
        );
    }
    Ok(())
}

/// What a refresh says of the corrections by hand it could not place again: they are kept
/// but no longer applied, so a link marked wrong may be shown again.
pub fn corrections_detached(n: usize) -> Option<String> {
    (n > 0).then(|| {
        format!(
            "{} by hand no longer {} (the passages {} changed): kept with the notes, not \
             applied; a link marked wrong may be shown again",
            parallax::text::counted(n, "correction"),
            if n == 1 { "applies" } else { "apply" },
            if n == 1 { "it was on" } else { "they were on" },
        )
    })
}

/// Writes to standard output; a reader that stops early (`| head`) is no error.
fn out(text: &str) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// The environment variable that names the data directory (for tests and portable setups).
pub const DATA_DIR_ENV: &str = "PARALLAX_DATA_DIR";

/// The store in the data directory given by `--data-dir`, else by [`DATA_DIR_ENV`], else the
/// platform's (e.g. ~/.local/share/parallax). The front end chooses it: the engine only
/// takes a directory.
pub fn locate(flag: Option<PathBuf>) -> Result<Store> {
    let env = std::env::var_os(DATA_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let dir = flag.or(env).or_else(|| {
        directories::ProjectDirs::from("", "", "parallax").map(|p| p.data_dir().to_path_buf())
    });
    dir.map(Store::new).ok_or_else(|| {
        anyhow::anyhow!(
            "no home directory to keep saved comparisons in; set {DATA_DIR_ENV} or --data-dir"
        )
    })
}
