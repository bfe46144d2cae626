//! The app loop: the terminal, events, the worker thread (loading, aligning, opening),
//! signals, and the unsaved notes kept for a fatal ending. Setting up and restoring the
//! terminal (also on panic and abort) is in [`super::terminal`].

use std::io::{self, Stdout};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use parallax::annotate::Notes;
use parallax::comparison::Progress;
use parallax::document::{Checked, LoadOptions};
use parallax::store::{SavedSource, Store};
use parallax::{Comparison, Document, Options};

use super::action::{Action, Effect, Opened};
use super::config::Config;
use super::effects::{self, Env, Opening};
use super::kept;
use super::model::Model;
use super::terminal::Guard;
use super::update::{key_action, update};
use super::view::view;

/// What the worker thread tells the app loop.
enum FromWorker {
    /// An action for `update` (progress, the comparison built, the aligner failed).
    Act(Action),
    /// A saved comparison, opened: the loop also notes which file it came from.
    Opened(Box<Opened>, Vec<SavedSource>),
    /// A warning about a source, said on standard error once the terminal is back.
    Warning(String),
    /// A source turned out unreadable: the reader ends with this one-line error.
    Refused(String),
}

/// What the worker does: everything slow, so that the app loop reads keys throughout.
pub(crate) enum Job {
    /// Align these documents with these options (as the user gave them; see [`work`]).
    Build(Vec<Document>, Options),
    /// Turn these checked files into documents (HTML extraction can take seconds), then
    /// align them.
    Convert(Vec<Checked>, Options),
    /// Open a saved comparison (reading its sources again, with refresh).
    Open(Box<Opening>, LoadOptions),
    /// Read or fetch one more source (a path or URL typed in the open dialog) and align it
    /// with the sources shown.
    Add(effects::Adding),
}

/// The options the reader first aligns with: `options` without the sentence encoder, which
/// costs seconds on the demo (the reader must not make anyone wait for links). The links are
/// those of `parallax align --fast`, judged by the learned score without the encoder: fewer
/// than the aligner's own unjudged choice, but far more of them right on news the aligner
/// was not tuned on (news-dev: precision .83 against .66). With `--fast` they are the links
/// for good; otherwise the encoder refines them in the background ([`work`]).
pub fn reader_options(mut options: Options) -> Options {
    options.fast = true;
    options
}

/// True when aligning `cmp`'s sources with `options` (the user's) differs from the reader's
/// first alignment: the encoder is wanted and may read at least two of them.
pub fn refines(cmp: &Comparison, options: &Options) -> bool {
    cmp.sources.iter().filter(|s| s.may_encode(options)).count() >= 2
}

/// Runs `job` on a worker thread, reporting progress; the UI never waits for it.
///
/// Nor does anything else: quitting returns from [`run`] and `main` ends the process, which
/// ends this thread wherever it is (F19: `q` is read within one poll of the loop, 30 ms,
/// however long segmentation or extraction takes). So the engine needs no cancellation
/// points: a half-built comparison has nothing to clean up.
fn spawn_worker(job: Job, tx: mpsc::Sender<FromWorker>) {
    std::thread::spawn(move || {
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(job, &tx)));
        let msg = done.unwrap_or_else(|_| {
            FromWorker::Act(Action::Failed(
                "the aligner stopped on an internal error".into(),
            ))
        });
        let _ = tx.send(msg);
    });
}

/// Does `job`; returns the last word for the app loop. Sources are first aligned with
/// [`reader_options`] and shown at once; when the user's options do better ([`refines`])
/// they are aligned again with them while the reader is in use, and the reader takes the
/// new links in ([`Action::Refined`]).
fn work(job: Job, tx: &mpsc::Sender<FromWorker>) -> FromWorker {
    let (docs, options, add) = match job {
        Job::Build(docs, options) => (docs, options, false),
        Job::Convert(files, options) => {
            let mut docs = Vec::with_capacity(files.len());
            for f in files {
                match f.convert() {
                    Ok(d) => {
                        for w in &d.warnings {
                            let _ = tx.send(FromWorker::Warning(w.clone()));
                        }
                        docs.push(d);
                    }
                    Err(e) => return FromWorker::Refused(e.to_string()),
                }
            }
            (docs, options, false)
        }
        Job::Open(opening, load) => {
            return match effects::open_saved(*opening, &load) {
                Ok((opened, sources)) => FromWorker::Opened(Box::new(opened), sources),
                Err(e) => FromWorker::Refused(e),
            };
        }
        Job::Add(mut adding) => match adding.documents() {
            Ok(docs) => (docs, adding.options, true),
            Err(e) => return FromWorker::Act(Action::AddFailed(e)),
        },
    };
    let progress = |p: Progress| {
        let _ = tx.send(FromWorker::Act(Action::Progress(p.done, p.total)));
    };
    let first = reader_options(options.clone());
    // Kept for the second alignment: the first takes them.
    let again = (!options.fast).then(|| docs.clone());
    let cmp = match Comparison::build_with_progress(docs, &first, &progress) {
        Ok(cmp) => cmp,
        Err(e) if add => return FromWorker::Act(Action::AddFailed(e.to_string())),
        Err(e) => return FromWorker::Act(Action::Failed(e.to_string())),
    };
    let again = again.filter(|_| refines(&cmp, &options));
    let shown = if add {
        Action::Added(Box::new(cmp))
    } else {
        Action::Loaded(Box::new(cmp))
    };
    let Some(docs) = again else {
        return FromWorker::Act(shown);
    };
    let _ = tx.send(FromWorker::Act(shown));
    let _ = tx.send(FromWorker::Act(Action::Refining));
    FromWorker::Act(Action::Refined(
        Comparison::build(docs, &options)
            .map(Box::new)
            .map_err(|e| e.to_string()),
    ))
}

/// Reads terminal events on their own thread and hands them over a channel.
///
/// Why a thread: when the terminal hangs up, crossterm 0.29's event source reads `Ok(0)`
/// forever inside `event::poll`, so a UI loop that polls never gets back to check for
/// SIGHUP/SIGTERM and spins until killed. Here only this thread can spin; the UI loop waits on
/// the channel with a timeout, sees the signal flag and exits, which ends the thread too.
fn spawn_input(tx: mpsc::Sender<Event>) {
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(ev).is_err() {
                return;
            }
        }
        // A read error means the terminal is gone: dropping `tx` tells the UI loop.
    });
}

/// The action for a terminal event, if any.
fn to_action(m: &Model, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => key_action(m, &k),
        // A dialog has the keyboard: clicks and the wheel would move the focus behind it.
        Event::Mouse(_) if m.dialog.is_some() => None,
        Event::Mouse(me) => match me.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel(me.column, me.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(me.column, me.row, false)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(me.column, me.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// The test hook for the fatal endings (tests/reader/pty_fatal.rs): with
/// `PARALLAX_TEST_FAULT` set to `panic` or `alloc`, F12 makes the UI thread panic or an
/// allocation fail, as a bug or memory running out would, so that the tests reach the real
/// panic hook and the real abort. F12 is bound to nothing; without the variable it stays so.
/// Only in debug builds (what `cargo test` runs): a release build has no way to crash on cue.
#[cfg(debug_assertions)]
fn injected_fault(ev: &Event) {
    use ratatui::crossterm::event::KeyCode;
    if !matches!(ev, Event::Key(k) if k.code == KeyCode::F(12) && k.kind == KeyEventKind::Press) {
        return;
    }
    match std::env::var("PARALLAX_TEST_FAULT").as_deref() {
        Ok("panic") => panic!("fault injected for a test (PARALLAX_TEST_FAULT)"),
        Ok("alloc") => {
            // More than any address space holds: the allocator fails, and Rust's handler for
            // that reports it and aborts. black_box keeps the allocation from being elided.
            let v = Vec::<u8>::with_capacity(isize::MAX as usize);
            std::hint::black_box(&v);
        }
        _ => {}
    }
}

#[cfg(not(debug_assertions))]
fn injected_fault(_: &Event) {}

/// What the reader starts on.
pub enum Start {
    /// Sources already loaded (the bundled demo).
    Docs(Vec<Document>, Box<Options>),
    /// Sources read and checked, turned into documents on the worker (see [`Checked`]).
    Files(Vec<Checked>, Box<Options>),
    /// A saved comparison, read from its file and opened on the worker (see
    /// [`effects::open_saved`]).
    Saved(Box<Opening>),
}

/// How the app loop hands work to new workers: where they report, and the options the user
/// gave (`None` for a saved comparison, which keeps its own).
struct Workers {
    tx: mpsc::Sender<FromWorker>,
    options: Option<Options>,
}

/// Runs `effect` and feeds its outcome to `update`; true when the reader should quit.
/// Adding a source goes to a worker, whose answer comes back over the channel.
fn apply(env: &mut Env, model: &mut Model, effect: Option<Effect>, workers: &Workers) -> bool {
    let mut next = effect;
    while let Some(e) = next.take() {
        if e == Effect::Quit {
            return true;
        }
        model.notes.now = effects::now();
        if let Effect::AddSource(source) = &e {
            match effects::adding(env, model, source, workers.options.as_ref()) {
                Ok(adding) => spawn_worker(Job::Add(adding), workers.tx.clone()),
                Err(e) => next = update(model, Action::AddFailed(e)),
            }
            continue;
        }
        if let Some(a) = effects::run(env, model, e) {
            next = update(model, a);
        }
    }
    false
}

/// Runs the reader until the user quits or a signal asks it to stop. `store` is where `s`
/// saves (or why there is none), `load` how sources are read again. The exit code is success
/// when the user quit, 128 + the signal's number when a signal stopped the reader (as a shell
/// reports a process a signal killed: 143 for SIGTERM), so scripts can tell. A source found
/// unreadable on the worker ends the reader with that error. `note`, when given, is said
/// on the status line once the sources are on screen (see [`Model::sources_note`]).
pub fn run(
    start: Start,
    store: Result<Store, String>,
    fetch: crate::fetch::FetchOptions,
    note: Option<String>,
) -> Result<ExitCode> {
    let load = fetch.load.clone();
    let config = Config::load().map_err(|e| anyhow::anyhow!("configuration: {e}"))?;
    let (tx, rx) = mpsc::channel();
    let (names, job, options) = match start {
        Start::Docs(docs, options) => (
            parallax::comparison::names(
                &docs
                    .iter()
                    .map(|d| (d.path.as_str(), d.meta.title.as_deref()))
                    .collect::<Vec<_>>(),
            ),
            Job::Build(docs, (*options).clone()),
            Some(*options),
        ),
        Start::Files(files, options) => (
            files.iter().map(|f| file_name(f.path())).collect(),
            Job::Convert(files, (*options).clone()),
            Some(*options),
        ),
        Start::Saved(opening) => (
            opening
                .saved
                .sources
                .iter()
                .map(|s| file_name(&s.path))
                .collect(),
            Job::Open(opening, load.clone()),
            None,
        ),
    };
    let mut env = Env {
        store,
        load,
        timeout: fetch.timeout,
        saved_sources: None,
        file: None,
        spare: std::env::temp_dir(),
    };
    let mut model = Model::new(config, names);
    model.sources_note = note;

    // The number of the last signal received, 0 while none was: the loop stops on any, the
    // exit code names it.
    let stop = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&stop), sig as usize)
            .context("cannot watch signals")?;
    }
    let guard = Guard::enter()?;
    let mut terminal: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("cannot open the terminal")?;
    let (etx, events) = mpsc::channel();
    spawn_input(etx);
    // The worker starts once the terminal is set up: what it reports has a screen to go to.
    let workers = Workers {
        tx: tx.clone(),
        options,
    };
    spawn_worker(job, tx);
    let size = terminal.size()?;
    update(&mut model, Action::Resize(size.width, size.height));
    let mut warnings = Vec::new();
    let ended = event_loop(
        &mut terminal,
        &mut model,
        &mut env,
        (&rx, &events, &mut warnings),
        (&stop, &workers),
    );
    drop(terminal);
    drop(guard);
    for w in &warnings {
        crate::say!("warning: {w}");
    }
    // A signal or a terminal error ended the reader with notes unsaved: keep them under a
    // new name rather than lose them (the user's own "quit without saving" is Ok(true)).
    if !matches!(ended, Ok(true)) && effects::unsaved(&model) {
        match effects::rescue(&env, &model) {
            Ok(kept) => crate::say!("unsaved notes {kept}"),
            Err(e) => crate::say!("unsaved notes could not be kept: {e}"),
        }
    }
    // Kept or quit: nothing is left for a fatal ending to rescue.
    kept::keep(None);
    ended?;
    Ok(match stop.load(Ordering::Relaxed) {
        0 => ExitCode::SUCCESS,
        sig => ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX)),
    })
}

/// A short name for a path or URL, shown while the sources load.
fn file_name(path: &str) -> String {
    if parallax::document::is_url(path) {
        return parallax::document::url_name(path);
    }
    path.rsplit(['/', '\\']).next().unwrap_or(path).to_string()
}

/// What the kept snapshot (see [`kept`]) was made from: the notes, their name, and which
/// comparison (its address; a new one is opened with notes of its own anyway).
type Seen = (Notes, Option<String>, usize);

/// Keeps the snapshot for a fatal ending in step with the notes: made again when the notes,
/// their name or the comparison changed while unsaved, dropped once nothing is unsaved.
fn track_unsaved(seen: &mut Option<Seen>, env: &Env, m: &Model) {
    let Some(r) = m.phase.ready().filter(|_| m.notes.dirty) else {
        if seen.take().is_some() {
            kept::keep(None);
        }
        return;
    };
    let cmp = std::ptr::from_ref(&r.cmp) as usize;
    if let Some((notes, name, at)) = seen
        && *notes == m.notes.notes
        && *name == m.notes.name
        && *at == cmp
    {
        return;
    }
    *seen = Some((m.notes.notes.clone(), m.notes.name.clone(), cmp));
    kept::keep(effects::snapshot(env, m).ok());
}

/// The loop's channels: the worker's messages, terminal events, and where warnings go.
type Inputs<'a> = (
    &'a mpsc::Receiver<FromWorker>,
    &'a mpsc::Receiver<Event>,
    &'a mut Vec<String>,
);

/// Runs until the user quits (`Ok(true)`) or a signal asks the reader to stop (`Ok(false)`);
/// an error when the terminal fails or the worker found a source unreadable.
fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    model: &mut Model,
    env: &mut Env,
    (rx, events, warnings): Inputs<'_>,
    (stop, workers): (&AtomicUsize, &Workers),
) -> Result<bool> {
    let mut dirty = true;
    let started = std::time::Instant::now();
    let mut shown_secs = 0;
    let mut seen = None;
    loop {
        if dirty {
            terminal.draw(|f| view(model, f))?;
            dirty = false;
        }
        let wait = if model.ready().is_some() { 250 } else { 30 };
        let mut quit = false;
        match events.recv_timeout(Duration::from_millis(wait)) {
            Ok(first) => {
                // Take every pending event before drawing again, so held keys never lag.
                for ev in std::iter::once(first).chain(events.try_iter()) {
                    injected_fault(&ev);
                    if let Some(a) = to_action(model, ev) {
                        dirty = true;
                        model.notes.now = effects::now();
                        let effect = update(model, a);
                        quit |= apply(env, model, effect, workers);
                    }
                    if quit {
                        break;
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            // The terminal is gone (hung up or closed): nobody is left to read the screen, and
            // unsaved notes are rescued as after a signal.
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(false),
        }
        if quit {
            return Ok(true);
        }
        while let Ok(msg) = rx.try_recv() {
            dirty = true;
            match msg {
                FromWorker::Act(a) => {
                    update(model, a);
                }
                FromWorker::Opened(opened, sources) => {
                    env.saved_sources = Some(sources);
                    env.file = Some(opened.own.clone());
                    update(model, Action::Opened(opened));
                }
                FromWorker::Warning(w) => warnings.push(w),
                FromWorker::Refused(e) => return Err(anyhow::anyhow!(e)),
            }
        }
        let secs = started.elapsed().as_secs();
        if model.ready().is_none() && secs != shown_secs {
            shown_secs = secs;
            dirty = true;
            update(model, Action::Tick(secs));
        }
        track_unsaved(&mut seen, env, model);
        if stop.load(Ordering::Relaxed) != 0 {
            return Ok(false);
        }
    }
}
