//! The terminal in reader mode (raw, alternate screen, mouse, no cursor), and putting it
//! back whatever ends the reader: a normal exit or an error (the guard's drop), a panic on
//! the UI thread (the panic hook), an abort (a SIGABRT handler: Rust aborts when memory runs
//! out or the stack overflows). The fatal two first write the unsaved notes kept in
//! [`super::kept`]. Signals that ask the reader to stop (SIGTERM, SIGINT, SIGHUP) go through
//! the app loop instead, which restores and rescues from the model.

use std::io;
use std::os::fd::OwnedFd;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use rustix::termios::{OptionalActions, Termios};

use super::kept;

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

/// True while the reader holds the terminal: the fatal paths act only then (and only once).
static HELD: AtomicBool = AtomicBool::new(false);

/// The terminal as it was before the reader took it, for the abort handler, which cannot
/// use crossterm (its restore takes a lock and allocates).
struct Cooked {
    /// The terminal device (a duplicate of the descriptor its modes were read from).
    tty: OwnedFd,
    /// Its modes before raw mode.
    modes: Termios,
}

static COOKED: OnceLock<Cooked> = OnceLock::new();

/// What crossterm's `DisableMouseCapture`, `LeaveAlternateScreen` and `Show` write, as bytes
/// the abort handler can write without formatting anything.
const LEAVE: &[u8] = b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

/// Restores the terminal with system calls only, from the modes saved at start: what the
/// abort handler may do.
fn restore_raw() {
    let _ = rustix::io::write(rustix::stdio::stdout(), LEAVE);
    if let Some(c) = COOKED.get() {
        let _ = rustix::termios::tcsetattr(&c.tty, OptionalActions::Now, &c.modes);
    }
}

/// Saves the terminal's modes for [`restore_raw`]: from standard input when it is the
/// terminal (where crossterm sets raw mode), else from standard output.
fn save_modes() {
    let fd = if rustix::termios::isatty(rustix::stdio::stdin()) {
        rustix::stdio::stdin()
    } else {
        rustix::stdio::stdout()
    };
    if let (Ok(modes), Ok(tty)) = (rustix::termios::tcgetattr(fd), fd.try_clone_to_owned()) {
        let _ = COOKED.set(Cooked { tty, modes });
    }
}

/// Installs the panic hook and the abort handler, once per process.
fn install_fatal_paths() -> Result<()> {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    if INSTALLED.get().is_some() {
        return Ok(());
    }
    let main = std::thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !HELD.load(Ordering::SeqCst) {
            return previous(info);
        }
        // A panic in the worker is caught there and shown in the reader as the aligner's
        // failure; printed now, it would land on the reader's screen.
        if std::thread::current().id() != main {
            return;
        }
        if HELD.swap(false, Ordering::SeqCst) {
            // Notes first, then the terminal, then one line instead of the default report
            // (which would follow the reader's last frame over several lines); the unwinding
            // then ends the process with 101, as any panic.
            kept::rescue_then(restore, panic_line(info).as_bytes());
            if std::env::var_os("RUST_BACKTRACE").is_some() {
                previous(info);
            }
        }
    }));
    let on_abort = || {
        if HELD.swap(false, Ordering::SeqCst) {
            kept::rescue_then(
                restore_raw,
                b"aborted (memory ran out, or an internal error)",
            );
        }
        // Then end as the abort asked: abort() would, once this returns, but a SIGABRT sent
        // from outside (`kill -ABRT`) would otherwise be caught and the reader go on.
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGABRT);
    };
    // SAFETY: `on_abort` is async-signal-safe: an atomic swap, a `try_lock` that never
    // waits, and system calls (open, write, fsync, link, unlink, tcsetattr, sigaction,
    // raise) on memory made before the signal; it allocates nothing and takes no lock it
    // could wait on.
    unsafe { signal_hook::low_level::register(signal_hook::consts::SIGABRT, on_abort) }
        .context("cannot watch for aborts")?;
    let _ = INSTALLED.set(());
    Ok(())
}

/// "internal error: MESSAGE (FILE:LINE)", one line made safe for the terminal.
fn panic_line(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic");
    let place = info
        .location()
        .map(|l| format!(" ({}:{})", l.file(), l.line()))
        .unwrap_or_default();
    let line = format!("internal error: {message}{place}").replace(['\n', '\r'], " ");
    parallax::text::visible(&line, false).into_owned()
}

/// Holds the terminal in reader mode; dropping it restores the terminal, so an error path
/// restores it too.
pub struct Guard;

impl Guard {
    /// Takes the terminal, after installing what restores it on a panic or an abort.
    pub fn enter() -> Result<Guard> {
        install_fatal_paths()?;
        save_modes();
        enable_raw_mode().context("cannot put the terminal in raw mode")?;
        HELD.store(true, Ordering::SeqCst);
        let guard = Guard;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, Hide)
            .context("cannot set up the terminal")?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        HELD.store(false, Ordering::SeqCst);
        restore();
    }
}
