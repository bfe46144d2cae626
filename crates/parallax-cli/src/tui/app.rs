//! The app loop: the terminal, events, the aligner's worker thread, signals, and restoring
//! the terminal whatever happens (normal exit, error, panic, SIGTERM/SIGINT/SIGHUP).

use std::io::{self, Stdout};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use parallax::comparison::Progress;
use parallax::document::LoadOptions;
use parallax::store::{self, SavedSource, Store};
use parallax::{Comparison, Document, Options};

use super::action::{Action, Effect, Opened};
use super::config::Config;
use super::effects::{self, Env};
use super::model::Model;
use super::update::{key_action, update};
use super::view::view;

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
}

/// Holds the terminal in reader mode; dropping it restores the terminal, so an error path
/// restores it too.
struct Guard;

impl Guard {
    fn enter() -> Result<Guard> {
        let main = std::thread::current().id();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A panic in the worker is reported through the channel; only the UI thread's
            // panic ends the reader.
            if std::thread::current().id() == main {
                restore();
            }
            previous(info);
        }));
        enable_raw_mode().context("cannot put the terminal in raw mode")?;
        let guard = Guard;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, Hide)
            .context("cannot set up the terminal")?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Builds the comparison on a worker thread, reporting progress; the UI never waits for it.
/// The options the reader aligns with: `options` without the sentence encoder, which costs
/// seconds on the demo (the reader must not make anyone wait for links). Without the
/// encoder's evidence the learned score keeps fewer links than the aligner's own choice
/// (samples: recall .39 against .52), so the reader keeps that choice until it can refine
/// with the encoder in the background.
pub fn reader_options(mut options: Options) -> Options {
    options.fast = true;
    options.params.link_model = parallax::align::LinkModel::none();
    options
}

fn spawn_worker(docs: Vec<Document>, options: Options, tx: mpsc::Sender<Action>) {
    std::thread::spawn(move || {
        let progress = |p: Progress| {
            let _ = tx.send(Action::Progress(p.done, p.total));
        };
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Comparison::build_with_progress(docs, &options, &progress)
        }));
        let msg = match built {
            Ok(Ok(cmp)) => Action::Loaded(Box::new(cmp)),
            Ok(Err(e)) => Action::Failed(e.to_string()),
            Err(_) => Action::Failed("the aligner stopped on an internal error".into()),
        };
        let _ = tx.send(msg);
    });
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

/// What the reader starts on.
pub enum Start {
    /// Sources to align.
    Docs(Vec<Document>, Box<Options>),
    /// A saved comparison, opened (see [`effects::open`]).
    Saved(Box<Opened>, Vec<SavedSource>),
}

/// Runs `effect` and feeds its outcome to `update`; true when the reader should quit.
fn apply(env: &mut Env, model: &mut Model, effect: Option<Effect>) -> bool {
    let mut next = effect;
    while let Some(e) = next.take() {
        if e == Effect::Quit {
            return true;
        }
        model.notes.now = effects::now();
        if let Some(a) = effects::run(env, model, e) {
            next = update(model, a);
        }
    }
    false
}

/// Runs the reader until the user quits or a signal asks it to stop. `store` is where `s`
/// saves (or why there is none), `load` how sources are read again. The exit code is success
/// when the user quit, 128 + the signal's number when a signal stopped the reader (as a shell
/// reports a process a signal killed: 143 for SIGTERM), so scripts can tell.
pub fn run(start: Start, store: Result<Store, String>, load: LoadOptions) -> Result<ExitCode> {
    let config = Config::load().map_err(|e| anyhow::anyhow!("configuration: {e}"))?;
    let (tx, rx) = mpsc::channel();
    let mut env = Env {
        store,
        load,
        saved_sources: None,
        file: None,
    };
    let (mut model, opened) = match start {
        Start::Docs(docs, options) => {
            let names = docs.iter().map(|d| d.name().to_string()).collect();
            spawn_worker(docs, reader_options(*options), tx);
            (Model::new(config, names), None)
        }
        Start::Saved(opened, sources) => {
            env.saved_sources = Some(sources);
            env.file = Some(opened.own.clone());
            (Model::new(config, Vec::new()), Some(opened))
        }
    };

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
    let _guard = Guard::enter()?;
    let mut terminal: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("cannot open the terminal")?;
    let (etx, events) = mpsc::channel();
    spawn_input(etx);
    let size = terminal.size()?;
    update(&mut model, Action::Resize(size.width, size.height));
    if let Some(o) = opened {
        // After the resize, so the status line keeps what it says about the sources.
        update(&mut model, Action::Opened(o));
    }
    let ended = event_loop(&mut terminal, &mut model, &mut env, (&rx, &events), &stop);
    drop(terminal);
    drop(_guard);
    // A signal or a terminal error ended the reader with notes unsaved: keep them under a
    // new name rather than lose them (the user's own "quit without saving" is Ok(true)).
    if !matches!(ended, Ok(true)) && model.notes.dirty {
        match effects::rescue(&env, &model) {
            Ok(name) => {
                crate::say!(
                    "unsaved notes kept as \"{name}\" ({})",
                    store::open_command(&name)
                )
            }
            Err(e) => crate::say!("unsaved notes could not be kept: {e}"),
        }
    }
    ended?;
    Ok(match stop.load(Ordering::Relaxed) {
        0 => ExitCode::SUCCESS,
        sig => ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX)),
    })
}

/// Runs until the user quits (`Ok(true)`) or a signal asks the reader to stop (`Ok(false)`).
fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    model: &mut Model,
    env: &mut Env,
    (rx, events): (&mpsc::Receiver<Action>, &mpsc::Receiver<Event>),
    stop: &AtomicUsize,
) -> Result<bool> {
    let mut dirty = true;
    let started = std::time::Instant::now();
    let mut shown_secs = 0;
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
                    if let Some(a) = to_action(model, ev) {
                        dirty = true;
                        model.notes.now = effects::now();
                        let effect = update(model, a);
                        quit |= apply(env, model, effect);
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
        while let Ok(a) = rx.try_recv() {
            dirty = true;
            update(model, a);
        }
        let secs = started.elapsed().as_secs();
        if model.ready().is_none() && secs != shown_secs {
            shown_secs = secs;
            dirty = true;
            update(model, Action::Tick(secs));
        }
        if quit {
            return Ok(true);
        }
        if stop.load(Ordering::Relaxed) != 0 {
            return Ok(false);
        }
    }
}
