//! The effects `update` asks for, run by the app loop: saving to the data dir, exporting,
//! listing and opening saved comparisons. Each answers with an action for `update`.

use std::path::{Path, PathBuf};

use parallax::SourceId;
use parallax::annotate;
use parallax::document::LoadOptions;
use parallax::export;
use parallax::store::{self, Expect, Place, Saved, SavedSource, SourceState, Stamp, Store};

use super::action::{Action, Done, Effect, Opened, OwnFile};
use super::dialog::Dialog;
use super::kept::Snapshot;
use super::model::{Model, ViewMode};

/// What effects need besides the model: the store and how sources are read.
pub struct Env {
    /// The saved comparisons, or why there is no place to keep them.
    pub store: Result<Store, String>,
    /// How sources are read again (open, refresh).
    pub load: LoadOptions,
    /// How long fetching a URL added from the open dialog may take.
    pub timeout: std::time::Duration,
    /// The sources as saved, for a comparison that was opened: saving it again keeps the
    /// absolute paths found when it was first saved.
    pub saved_sources: Option<Vec<SavedSource>>,
    /// The file the comparison shown was opened from or last saved to: saving under its
    /// name writes that file, and only if no one else changed it since.
    pub file: Option<OwnFile>,
    /// Where unsaved notes go when the data directory cannot take them: the user's own
    /// directory is made under this one (the system's temporary directory; see
    /// [`private_dir`]).
    pub spare: PathBuf,
}

/// The user's own directory under `parent` for rescued notes, made or not.
fn spare_dir(parent: &Path) -> PathBuf {
    parent.join(format!("parallax-{}", rustix::process::getuid().as_raw()))
}

/// The user's own directory under `parent` for rescued notes ("parallax-UID"): made with
/// mode 0700 and refused unless it is a directory of this user's (not a link another user
/// planted), as the notes and the texts compared may be private. When that name is taken
/// by something else, a new one of this process ("parallax-UID-PID") is made instead.
pub fn private_dir(parent: &Path) -> Result<PathBuf, String> {
    let shared = spare_dir(parent);
    own_dir(&shared).or_else(|e| {
        let mut fresh = shared.into_os_string();
        fresh.push(format!("-{}", std::process::id()));
        own_dir(Path::new(&fresh)).map_err(|e2| format!("{e}; {e2}"))
    })
}

/// `dir`, made with mode 0700 if it is not there, when it is a directory of this user's
/// that no one else may read.
fn own_dir(dir: &Path) -> Result<PathBuf, String> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt};
    let shown = || dir.display().to_string();
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
            return Err(format!("{}: {e}", shown()));
        }
        _ => {}
    }
    let meta = std::fs::symlink_metadata(dir).map_err(|e| format!("{}: {e}", shown()))?;
    let uid = rustix::process::getuid().as_raw();
    if !meta.is_dir() || meta.uid() != uid || meta.mode() & 0o077 != 0 {
        return Err(format!(
            "{}: not a private directory of this user's",
            shown()
        ));
    }
    Ok(dir.to_path_buf())
}

/// Runs `effect` (all but quitting) and returns what `update` should hear of it.
pub fn run(env: &mut Env, m: &Model, effect: Effect) -> Option<Action> {
    let store = match &env.store {
        Ok(s) => s,
        Err(e) => return Some(Action::Done(Err(e.clone()))),
    };
    match effect {
        Effect::Quit => None,
        Effect::Save {
            name,
            replace,
            then,
        } => {
            let r = m.phase.ready()?;
            let own = env.file.as_ref().filter(|f| f.name == name).cloned();
            let (path, expect) = match &own {
                Some(f) => (Ok(f.path.clone()), Expect::Unchanged(f.stamp.clone())),
                None if replace => (store.path_of(&name), Expect::Anything),
                None => (store.path_of(&name), Expect::Nothing),
            };
            let result = path.map_err(|e| e.to_string()).and_then(|path| {
                if path.exists() && !replace {
                    return Ok(Done::NameTaken(name.clone(), then));
                }
                let mut saved =
                    Saved::new(&name, r.machine.clone(), m.notes.notes.clone(), m.notes.now);
                saved.place = Some(place_of(m));
                keep_absolute(&mut saved, env.saved_sources.as_deref());
                let stamp =
                    store::save_expecting(&path, &saved, &expect).map_err(|e| e.to_string())?;
                env.saved_sources = Some(saved.sources);
                env.file = Some(OwnFile {
                    name: name.clone(),
                    path,
                    stamp,
                });
                Ok(Done::Saved(name.clone(), then))
            });
            // A save that fails asks for a name again: "save under another name" must be
            // something the user can do from here.
            Some(Action::Done(Ok(
                result.unwrap_or_else(|e| Done::NotSaved(name, then, e))
            )))
        }
        Effect::Export {
            format,
            path,
            replace,
        } => {
            let r = m.phase.ready()?;
            let file = Path::new(&path);
            // Never over what the comparison rests on, whatever the user answered.
            let own = env.file.as_ref().map(|f| f.path.as_path());
            let sources: Vec<&Path> = (r.cmp.sources.iter())
                .map(|s| Path::new(s.document.path.as_str()))
                .chain(
                    (env.saved_sources.iter().flatten())
                        .filter_map(|s| s.absolute.as_deref().map(Path::new)),
                )
                .collect();
            if let Some(why) = store::protected(file, own, &sources) {
                return Some(Action::Done(Err(format!(
                    "{path}: {why}; choose another file"
                ))));
            }
            if file.exists() && !replace {
                return Some(Action::Done(Ok(Done::FileExists(format, path))));
            }
            let title = m.notes.name.as_deref().unwrap_or("Parallax comparison");
            let body = export::with_notes(&r.cmp, &m.notes.notes, title, format);
            let said = format.named_otherwise(file);
            let result = store::write_atomic(file, body.as_bytes())
                .map(|()| Done::Exported(format!("{path}{said}")))
                .map_err(|e| e.to_string());
            Some(Action::Done(result))
        }
        Effect::List => Some(match store.list() {
            Ok(items) => Action::Listed(items),
            Err(e) => Action::Done(Err(e.to_string())),
        }),
        // The app loop hands it to the worker (see [`adding`]).
        Effect::AddSource(_) => None,
        Effect::Open(path) => Some(match open(&path, &env.load) {
            Ok((opened, sources)) => {
                env.saved_sources = Some(sources);
                env.file = Some(opened.own.clone());
                Action::Opened(Box::new(opened))
            }
            Err(e) => Action::Done(Err(e)),
        }),
    }
}

/// One more source to read or fetch and align with the sources shown: what the worker
/// needs for it, taken from the reader so that the work happens off the app loop (a fetch
/// can take up to the timeout).
pub struct Adding {
    /// A URL or a path, as typed.
    pub source: String,
    /// The sources shown.
    pub docs: Vec<parallax::Document>,
    /// The options to align with: the user's, as the sources shown were.
    pub options: parallax::Options,
    /// How a file is read.
    pub load: LoadOptions,
    /// How long a fetch may take.
    pub timeout: std::time::Duration,
}

impl Adding {
    /// The sources shown and the new one, read or fetched (it takes the sources shown).
    pub fn documents(&mut self) -> Result<Vec<parallax::Document>, String> {
        let doc = if parallax::document::is_url(&self.source) {
            let opts = crate::fetch::FetchOptions::new(self.load.clone(), self.timeout);
            crate::fetch::fetch(&self.source, &opts)?
                .convert()
                .map_err(|e| e.to_string())?
        } else {
            // A typed path may name a pipe or a device: only a regular file is read.
            parallax::document::load_regular(&self.source, &self.load).map_err(|e| e.to_string())?
        };
        let mut docs = std::mem::take(&mut self.docs);
        docs.push(doc);
        Ok(docs)
    }
}

/// What adding `source` to the comparison shown needs: its documents, and the options the
/// user gave (`options`) or, for a saved comparison, those it was built with.
pub fn adding(
    env: &Env,
    m: &Model,
    source: &str,
    options: Option<&parallax::Options>,
) -> Result<Adding, String> {
    let r = m.phase.ready().ok_or("nothing to add a source to yet")?;
    Ok(Adding {
        source: source.to_string(),
        docs: r
            .machine
            .sources
            .iter()
            .map(|s| s.document.clone())
            .collect(),
        options: options.unwrap_or(&r.machine.options).clone(),
        load: env.load.clone(),
        timeout: env.timeout,
    })
}

/// Where the reader stands, to reopen there.
fn place_of(m: &Model) -> Place {
    let sources = m
        .phase
        .ready()
        .map_or([SourceId(0), SourceId(1)], |r| r.pair.src);
    Place {
        sources,
        focus: m.panes.map(|p| p.focus),
        active: m.active.index(),
        synoptic: m.view == ViewMode::Synoptic,
    }
}

/// Keeps the absolute source paths of the comparison as it was opened, where the relative
/// paths agree (the reader may run from another directory than the first save).
fn keep_absolute(saved: &mut Saved, before: Option<&[SavedSource]>) {
    for (s, old) in saved.sources.iter_mut().zip(before.unwrap_or(&[])) {
        if s.path == old.path && old.absolute.is_some() {
            s.absolute = old.absolute.clone();
        }
    }
}

/// Reads the saved comparison at `path` for the reader, as saved (the sources are compared
/// with the saved texts, not read into it). Also gives the sources as saved.
pub fn open(path: &Path, load: &LoadOptions) -> Result<(Opened, Vec<SavedSource>), String> {
    let (saved, stamp) = store::load_stamped(path).map_err(|e| e.to_string())?;
    let opening = Opening {
        path: path.to_path_buf(),
        saved,
        stamp,
        refresh: None,
    };
    open_saved(opening, load)
}

/// A saved comparison read from its file, about to be opened.
pub struct Opening {
    /// The file it was read from (the one saving writes).
    pub path: PathBuf,
    /// What the file holds.
    pub saved: Saved,
    /// The file as read, to tell a later writer's change.
    pub stamp: Stamp,
    /// What to read the sources again from; `None` opens it as saved.
    pub refresh: Option<Refresh>,
}

/// What `open --refresh` reads the sources again from (see `cli::refresh` for which files
/// and pages may be read).
pub struct Refresh {
    /// The file to read each source from, or `None` to keep its saved text.
    pub files: Vec<Option<String>>,
    /// Each web page fetched again, or why it could not be; `None` for the other sources.
    pub fetched: Vec<Option<Result<parallax::Document, String>>>,
}

/// Opens `opening` for the reader: with `refresh`, reads its sources again and places the
/// notes again. Also gives the sources as saved.
pub fn open_saved(
    opening: Opening,
    load: &LoadOptions,
) -> Result<(Opened, Vec<SavedSource>), String> {
    let Opening {
        path,
        mut saved,
        stamp,
        refresh,
    } = opening;
    let sources = saved.sources.clone();
    let mut dirty = false;
    let mut stale = false;
    let message = if let Some(again) = refresh {
        let r = saved
            .refresh_with(load, &again.files, again.fetched)
            .map_err(|e| e.to_string())?;
        dirty = r.changed;
        let mut msg = format!(
            "re-read: notes {} in place, {} moved, {} detached",
            r.reattached.kept.len(),
            r.reattached.moved.len(),
            r.reattached.detached.len()
        );
        if !r.reattached.detached.is_empty() {
            msg.push_str(" (L lists them)");
        }
        let lost = r.reattached.corrections_detached;
        if lost > 0 {
            let n = parallax::text::counted(lost, "correction");
            msg.push_str(&format!(" · {n} no longer applied (passages changed)"));
        }
        if dirty {
            msg.push_str(" · s saves");
        }
        Some(msg)
    } else {
        let msg = changed(&saved.check_sources(load));
        stale = msg.is_some();
        msg
    };
    let message = match (message, rescued_note(&path)) {
        (Some(m), Some(r)) => Some(format!("{m} · {r}")),
        (m, r) => m.or(r),
    };
    let name = store::name_of_file(&path).unwrap_or(saved.name);
    let opened = Opened {
        place: saved.place,
        cmp: saved.comparison,
        notes: saved.notes,
        own: OwnFile {
            name: name.clone(),
            path,
            stamp,
        },
        name,
        dirty,
        stale,
        message,
    };
    Ok((opened, sources))
}

/// A word on notes of this comparison a stopped reader rescued under another name after it
/// was saved (see [`rescue`]): they are not in what opens, and were easy to miss.
pub fn rescued_note(path: &Path) -> Option<String> {
    let spare = spare_dir(&std::env::temp_dir());
    let rescues = store::rescues_of(path, &[spare]);
    let newest = rescues.first()?;
    let more = match rescues.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    // Named by its name when it lies beside the comparison (it is in the same list).
    let beside = newest.parent() == path.parent();
    let (shown, open) = match store::name_of_file(newest) {
        Some(name) if beside => (format!("\"{name}\""), name),
        _ => {
            let p = newest.display().to_string();
            (p.clone(), p)
        }
    };
    Some(format!(
        "newer unsaved notes were kept as {shown}{more}, not in this file ({})",
        store::open_command(&open)
    ))
}

/// The status line's word on sources that changed since saving, if any did.
fn changed(states: &[SourceState]) -> Option<String> {
    let who: Vec<String> = states
        .iter()
        .enumerate()
        .filter(|(_, s)| s.differs())
        .map(|(i, s)| {
            let what = match s {
                SourceState::Changed => "changed",
                SourceState::Missing => "gone",
                _ => "unreadable",
            };
            format!("{} {what}", SourceId(i).letter())
        })
        .collect();
    (!who.is_empty()).then(|| {
        format!(
            "{} since saving: saved texts shown (open --refresh re-reads)",
            who.join(", ")
        )
    })
}

/// Where a rescue put the notes.
#[derive(Debug)]
pub enum Rescued {
    /// Under this new name in the data directory.
    Named(String),
    /// In this file outside it, because the data directory could not take them (why).
    Elsewhere(PathBuf, String),
}

impl std::fmt::Display for Rescued {
    /// Where the notes went, for the user's last line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rescued::Named(name) => write!(f, "kept as \"{name}\" ({})", store::open_command(name)),
            Rescued::Elsewhere(path, why) => {
                let path = path.display().to_string();
                let open = store::open_command(&path);
                write!(
                    f,
                    "kept in {path}, as the data directory could not take them: {why} ({open})"
                )
            }
        }
    }
}

/// Saves the notes of a reader that is being stopped (signal, terminal error) under a new
/// name, so nothing is replaced and nothing is lost: in the data directory or, when that
/// cannot be written (a read-only directory, a full disk), in the system's temporary
/// directory: a file left outside the list is better than notes lost.
pub fn rescue(env: &Env, m: &Model) -> Result<Rescued, String> {
    let (name, path, saved) = rescue_plan(env, m)?;
    let why = match (&path, &env.store) {
        (Some(path), _) => match store::save_file(path, &saved) {
            Ok(()) => return Ok(Rescued::Named(name)),
            Err(e) => e.to_string(),
        },
        (None, Err(e)) => e.clone(),
        (None, Ok(_)) => format!("\"{name}\" is no name it can hold"),
    };
    let dir = private_dir(&env.spare).map_err(|e| format!("{why}; {e}"))?;
    let spare = dir.join(format!("{name}{}", store::EXTENSION));
    store::save_file(&spare, &saved).map_err(|e| format!("{why}; {e}"))?;
    Ok(Rescued::Elsewhere(spare, why))
}

/// The rescue of [`rescue`] made ready for a fatal ending (see [`super::kept`]): written later
/// without serialising or allocating anything. Its directory is made now for the same
/// reason.
pub fn snapshot(env: &Env, m: &Model) -> Result<Snapshot, String> {
    let (name, path, saved) = rescue_plan(env, m)?;
    // The data directory when it can be made now; else the user's own spare directory.
    let in_store = path.filter(|p| {
        p.parent()
            .is_some_and(|d| std::fs::create_dir_all(d).is_ok())
    });
    let (path, kept) = match in_store {
        Some(path) => (path, Rescued::Named(name)),
        None => {
            let dir = private_dir(&env.spare)?;
            let path = dir.join(format!("{name}{}", store::EXTENSION));
            let why = "the data directory could not be made".to_string();
            (path.clone(), Rescued::Elsewhere(path, why))
        }
    };
    let message = format!("unsaved notes {kept}");
    Snapshot::new(
        saved.to_json().into_bytes(),
        &path,
        &parallax::text::visible(&message, false),
    )
    .ok_or_else(|| format!("{}: not a path the rescue can write", path.display()))
}

/// The name, file and contents of a rescue of the notes shown: a new name made of the
/// comparison's and the time.
fn rescue_plan(env: &Env, m: &Model) -> Result<(String, Option<PathBuf>, Saved), String> {
    let r = m.phase.ready().ok_or("no comparison")?;
    let now = now();
    let base = m.notes.name.as_deref().unwrap_or("parallax");
    let name = store::name_with_suffix(base, &format!("-unsaved-{now}"), "parallax");
    // No data directory (no home) is no reason to lose the notes: see `rescue`.
    let path = env.store.as_ref().ok().and_then(|s| s.path_of(&name).ok());
    let mut notes = m.notes.notes.clone();
    if let Some(Dialog::Editor(e)) = &m.dialog {
        e.keep_draft(&mut notes, &r.cmp, now);
    }
    let mut saved = Saved::new(&name, r.machine.clone(), notes, now);
    saved.place = Some(place_of(m));
    keep_absolute(&mut saved, env.saved_sources.as_deref());
    Ok((name, path, saved))
}

/// True when stopping now would lose something the user wrote: notes not saved, or a note
/// being written in the editor.
pub fn unsaved(m: &Model) -> bool {
    m.notes.dirty || matches!(&m.dialog, Some(Dialog::Editor(e)) if e.draft().is_some())
}

/// The time, for stamping notes and saves.
pub fn now() -> annotate::Timestamp {
    annotate::now()
}
