//! The built binary in a real pseudo-terminal: start on the demo, press n twice and Enter,
//! read the screen, quit, and check the terminal was given back as it was; write a note,
//! save it and reopen it with `parallax open`. The screen is
//! polled with a deadline; there are no fixed sleeps.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use parallax::{SegmentId, SourceId};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;
pub(super) const DEADLINE: Duration = Duration::from_secs(60);

/// The link the reader should be on after `n` twice from the first passage, and the
/// counterpart's first segment, computed from the comparison the binary also builds.
fn expected() -> (usize, usize, String) {
    let cmp = parallax::Comparison::build(
        parallax::demo::documents(),
        &parallax_cli::tui::reader_options(parallax::Options::default()),
    )
    .unwrap();
    let pair = cmp.pair(SourceId(0), SourceId(1)).unwrap();
    let mut links: Vec<&parallax::align::Link> = pair.alignment.links.iter().collect();
    links.sort_by_key(|l| (l.a[0], l.b[0]));
    let link_of = |seg: usize| links.iter().position(|l| l.a.contains(&SegmentId(seg)));
    let n_a = cmp.sources[0].segments.len();
    let (mut at, mut cur) = (0, link_of(0));
    for _ in 0..2 {
        // n lands where the next link starts (its first passage in A).
        let next = (at + 1..n_a)
            .find(|&s| link_of(s).is_some_and(|l| Some(l) != cur && links[l].a[0] == SegmentId(s)))
            .expect("the demo pair has at least two links after the start");
        (at, cur) = (next, link_of(next));
    }
    let l = cur.unwrap();
    let words: Vec<&str> = cmp.sources[1]
        .segment_text(links[l].b[0])
        .split_whitespace()
        .take(3)
        .collect();
    (l + 1, links.len(), words.join(" "))
}

pub(super) struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
}

impl Term {
    pub(super) fn screen(&self) -> String {
        let p = self.parser.lock().unwrap();
        p.screen().contents()
    }

    pub(super) fn flat(&self) -> String {
        self.screen()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Waits until the screen holds every one of `needles`.
    pub(super) fn wait_for(&self, needles: &[&str]) {
        let start = Instant::now();
        loop {
            let s = self.flat();
            if needles.iter().all(|n| s.contains(n)) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {needles:?}; screen:\n{}",
                self.screen()
            );
            std::thread::yield_now();
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the screen no longer holds `needle` (an overlay closed).
    pub(super) fn wait_gone(&self, needle: &str) {
        let start = Instant::now();
        while self.flat().contains(needle) {
            assert!(
                start.elapsed() < DEADLINE,
                "{needle:?} stays on screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub(super) fn keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }
}

/// The reader running in a pseudo-terminal, with a thread feeding its output to vt100.
pub(super) struct Session {
    pub(super) term: Term,
    pub(super) child: Box<dyn portable_pty::Child + Send + Sync>,
    pub(super) master: Box<dyn portable_pty::MasterPty + Send>,
    pump: std::thread::JoinHandle<()>,
    _config: tempfile::NamedTempFile,
}

fn start() -> Session {
    start_with(&[], &[])
}

/// The reader just spawned on a fresh pseudo-terminal, its output not read yet.
pub(super) struct Spawned {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    /// The master side's output: the reader's frames.
    reader: Box<dyn Read + Send>,
    /// The (empty) configuration file the reader was pointed at; kept while it runs.
    config: tempfile::NamedTempFile,
}

/// The workspace root, where `cargo run` starts the reader.
pub(super) const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Spawns the binary in the project directory: see [`spawn_in`].
fn spawn(args: &[&str], env: &[(&str, &Path)]) -> Spawned {
    spawn_in(Path::new(ROOT), args, env)
}

/// Spawns the binary in directory `cwd` with `args` and extra environment `env` in a
/// `COLS`×`ROWS` terminal, with a configuration of its own so the user's keys and theme play
/// no part. It sets `fast`: the links the reader first shows stay, so keys pressed land on
/// the links the test computed (tests/reader/refine.rs follows the refining).
pub(super) fn spawn_in(cwd: &Path, args: &[&str], env: &[(&str, &Path)]) -> Spawned {
    spawn_sized(cwd, args, env, (COLS, ROWS))
}

/// [`spawn_in`] in a terminal of `cols`×`rows`.
fn spawn_sized(
    cwd: &Path,
    args: &[&str],
    env: &[(&str, &Path)],
    (cols, rows): (u16, u16),
) -> Spawned {
    let config = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(config.path(), "[align]\nfast = true\n").unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("PARALLAX_CONFIG", config.path());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args);
    cmd.cwd(cwd);
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let reader = pair.master.try_clone_reader().unwrap();
    Spawned {
        child,
        master: pair.master,
        reader,
        config,
    }
}

/// The reader started in the project directory: see [`start_in`].
fn start_with(args: &[&str], env: &[(&str, &Path)]) -> Session {
    start_in(Path::new(ROOT), args, env)
}

/// The reader started in directory `cwd` with `args` and extra environment `env`, a thread
/// feeding its output to vt100, ready once its first frame is up.
pub(super) fn start_in(cwd: &Path, args: &[&str], env: &[(&str, &Path)]) -> Session {
    let s = attach(spawn_in(cwd, args, env));
    // Ready when the status line tells where the focus is.
    s.term.wait_for(&[
        "A: ",
        "cabello-2019-ap-rewrite.txt",
        "cabello-2019-speed-read.txt",
    ]);
    s
}

/// A session on a spawned reader: a thread feeds its output to vt100 from now on.
pub(super) fn attach(spawned: Spawned) -> Session {
    attach_sized(spawned, (COLS, ROWS))
}

/// [`attach`] for a reader spawned in a terminal of `cols`×`rows`.
fn attach_sized(spawned: Spawned, (cols, rows): (u16, u16)) -> Session {
    let Spawned {
        child,
        master,
        mut reader,
        config,
    } = spawned;
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        rows.try_into().unwrap(),
        cols.try_into().unwrap(),
        0,
    )));
    let sink = Arc::clone(&parser);
    let pump = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let term = Term {
        parser,
        writer: master.take_writer().unwrap(),
    };
    Session {
        term,
        child,
        master,
        pump,
        _config: config,
    }
}

impl Session {
    /// Sends the reader SIGTERM, as `kill` would.
    fn sigterm(&self) {
        self.kill("-TERM");
    }

    /// Sends the reader a signal with `kill SIGNAL`.
    pub(super) fn kill(&self, signal: &str) {
        let pid = self.child.process_id().expect("a child pid");
        let killed = std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
    }

    /// Waits for the reader to exit, then checks it gave the terminal back as it found it.
    pub(super) fn finish(mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(start.elapsed() < DEADLINE, "the reader did not exit");
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(
            cooked(&*self.master),
            "raw mode off: echo and line editing back"
        );
        // The reader's last bytes may still be on their way through the pump thread when
        // it has exited (seen once on a loaded machine): give them a moment.
        let settled = Instant::now();
        while self.term.parser.lock().unwrap().screen().alternate_screen()
            && settled.elapsed() < Duration::from_secs(5)
        {
            std::thread::sleep(Duration::from_millis(10));
        }
        drop(self.master);
        self.pump.join().unwrap();
        let p = self.term.parser.lock().unwrap();
        let screen = p.screen();
        assert!(!screen.alternate_screen(), "alternate screen left");
        assert!(!screen.hide_cursor(), "cursor shown again");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture off"
        );
        status
    }
}

/// Whether the pseudo-terminal is back in cooked mode (echo, line editing), as the shell
/// that started the reader expects it.
fn cooked(master: &dyn portable_pty::MasterPty) -> bool {
    use rustix::fs::{Mode, OFlags};
    use rustix::termios::LocalModes;
    let name = master.tty_name().expect("the terminal's name");
    // Not as a controlling terminal: only its modes are read.
    let tty = rustix::fs::open(&name, OFlags::RDONLY | OFlags::NOCTTY, Mode::empty()).unwrap();
    let modes = rustix::termios::tcgetattr(&tty).unwrap();
    modes
        .local_modes
        .contains(LocalModes::ECHO | LocalModes::ICANON)
}

#[test]
fn demo_in_a_real_terminal() {
    let (link, total, counterpart) = expected();
    let mut s = start();
    s.term.keys(b"nn");
    s.term.wait_for(&[&format!("A: link {link}/{total}")]);
    s.term.keys(b"\r");
    s.term
        .wait_for(&[&format!("B: link {link}/{total}"), &counterpart]);
    {
        let p = s.term.parser.lock().unwrap();
        assert!(
            p.screen().alternate_screen(),
            "the reader uses the alternate screen"
        );
        assert!(p.screen().hide_cursor());
    }
    s.term.keys(b"q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
}

/// One file given twice: the note that says so reaches the reader's status line, not only
/// the standard error under its screen.
#[test]
fn one_file_given_twice_is_said_on_the_status_line() {
    let a = "assets/samples/cabello-2019-ap-rewrite.txt";
    let b = "assets/samples/cabello-2019-speed-read.txt";
    let mut s = attach(spawn(&[a, b, a], &[]));
    s.term.wait_for(&[&format!("{a} and {a} are one source")]);
    s.term.keys(b"q");
    assert!(s.finish().success());
}

/// An empty PARALLAX_CONFIG is unset, as an empty PARALLAX_DATA_DIR is: the reader starts
/// (it failed with "configuration: : No such file or directory").
#[test]
fn an_empty_config_variable_is_unset() {
    let home = tempfile::tempdir().unwrap();
    let mut s = start_in(
        Path::new(ROOT),
        &["--fast"],
        &[
            ("PARALLAX_CONFIG", Path::new("")),
            ("XDG_CONFIG_HOME", home.path()),
        ],
    );
    s.term.wait_for(&["cabello-2019-ap-rewrite.txt"]);
    s.term.keys(b"q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
}

/// Killed, the reader gives the terminal back and exits with 128 + SIGTERM, as a shell
/// reports a process it killed, so a script sees it did not end normally.
#[test]
fn sigterm_restores_the_terminal() {
    let s = start();
    s.sigterm();
    let status = s.finish();
    assert_eq!(status.exit_code(), 143, "exit status {status:?}");
}

/// Closing the terminal (the window is closed, the ssh link drops) must end the reader, not
/// leave it spinning on a dead terminal. Every handle on the master side is closed here, so
/// the reader's terminal really hangs up.
#[test]
fn a_closed_terminal_ends_the_reader() {
    let data = tempfile::tempdir().unwrap();
    // No pump and no writer: this thread reads, and every master handle stays here.
    let Spawned {
        mut child,
        master,
        mut reader,
        config: _config,
    } = spawn(&[], &[("PARALLAX_DATA_DIR", data.path())]);
    let mut parser = vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0);
    let mut buf = [0u8; 8192];
    // Read on this thread until the first frame is up; the reader keeps drawing until then,
    // so these blocking reads always return.
    while !parser
        .screen()
        .contents()
        .contains("cabello-2019-speed-read.txt")
    {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the reader closed its terminal before drawing");
        parser.process(&buf[..n]);
    }
    drop(reader);
    drop(master);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the reader was still running 20 s after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A terminal that cannot move its cursor (`TERM=dumb`) gets the text report and a line
/// saying why, not the reader's escape sequences.
#[test]
fn a_dumb_terminal_gets_the_text_report() {
    let Spawned {
        mut child,
        master: _master,
        mut reader,
        config: _config,
    } = spawn(&["--fast"], &[("TERM", Path::new("dumb"))]);
    // The report ends the process, and its end closes the terminal: read to the end.
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
        if child.try_wait().unwrap().is_some() && n < buf.len() {
            break;
        }
    }
    let status = child.wait().unwrap();
    let out = String::from_utf8_lossy(&out);
    assert!(status.success(), "{status:?}: {out}");
    assert!(
        out.contains("TERM=dumb: this terminal cannot show the reader"),
        "{out}"
    );
    assert!(out.contains("links"), "the text report: {out}");
    assert!(!out.contains("\x1b[?1049h"), "no alternate screen: {out}");
}

/// Write a note, save it under a name, quit; the file holds the note, and `parallax open NAME`
/// in a second session shows it. Run away from the project (whose assets/samples hold files
/// named like the demo's articles), as a user would: the demo's texts are embedded, so the
/// reopened comparison must not call its sources gone or changed.
#[test]
fn a_note_saved_in_the_reader_reopens() {
    let data = tempfile::tempdir().unwrap();
    let env = [("PARALLAX_DATA_DIR", data.path())];
    let mut s = start_in(data.path(), &[], &env);
    s.term.keys(b"n");
    s.term.wait_for(&["A: link"]);
    s.term.keys(b"a");
    s.term.wait_for(&["ctrl-s saves"]);
    s.term.keys(b"age differs: check the wire");
    s.term.wait_for(&["age differs: check the wire"]);
    s.term.keys(b"\x13"); // Ctrl+S
    s.term.wait_for(&["notes unsaved", "written"]);
    s.term.keys(b"s");
    s.term.wait_for(&["Name:"]);
    s.term.keys(b"wire-check\r");
    s.term.wait_for(&["saved as wire-check"]);
    s.term.keys(b"q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");

    let file = data.path().join("comparisons/wire-check.parallax.json");
    let saved = std::fs::read_to_string(&file).expect("the saved file");
    assert!(saved.contains("age differs: check the wire"));

    let mut s = start_in(data.path(), &["open", "wire-check"], &env);
    s.term.wait_for(&["✎"]);
    let first = s.term.flat();
    assert!(
        !first.contains("since saving") && !first.contains("saved texts"),
        "the demo's sources are embedded, not gone: {first}"
    );
    // To the note through the notes panel: the reader reopens where it was saved (on the
    // note's link, or, when a key came before the saved place was restored, wherever `n` had
    // gone), so stepping with `n` would depend on that timing.
    s.term.keys(b"L");
    s.term.wait_for(&["age differs: check the wire"]);
    s.term.keys(b"\r");
    s.term
        .wait_for(&["✎ link", ": age differs: check the wire"]);
    s.term.keys(b"q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");

    // Not in a terminal, `open` prints the report and says on stderr what changed: nothing.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["open", "wire-check"])
        .env("PARALLAX_DATA_DIR", data.path())
        .current_dir(data.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("source"), "stderr: {err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("age differs: check the wire"));
}

/// Stopped by a signal with a note unsaved: the note is kept under a new name, not lost.
#[test]
fn sigterm_keeps_unsaved_notes() {
    let data = tempfile::tempdir().unwrap();
    let mut s = start_with(&[], &[("PARALLAX_DATA_DIR", data.path())]);
    s.term.keys(b"a");
    s.term.wait_for(&["ctrl-s saves"]);
    s.term.keys(b"do not lose me\x13");
    s.term.wait_for(&["notes unsaved"]);
    s.sigterm();
    let status = s.finish();
    assert_eq!(status.exit_code(), 143, "exit status {status:?}");
    let kept: Vec<_> = std::fs::read_dir(data.path().join("comparisons"))
        .expect("the comparisons dir")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("parallax-unsaved-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "one rescue file");
    let text = std::fs::read_to_string(kept[0].path()).unwrap();
    assert!(text.contains("do not lose me"));
}

/// Mark a link wrong, link two passages by hand, save, quit; the reopened comparison still
/// has both corrections (x on the hand link removes it), and `parallax open` lists them.
#[test]
fn corrections_made_in_the_reader_are_saved_and_reopen() {
    let data = tempfile::tempdir().unwrap();
    let env = [("PARALLAX_DATA_DIR", data.path())];
    let mut s = start_in(data.path(), &[], &env);
    s.term.keys(b"n");
    s.term.wait_for(&["A: link"]);
    s.term.keys(b"x");
    s.term.wait_for(&["marked wrong"]);
    s.term.keys(b"l");
    s.term.wait_for(&["by hand to:"]);
    s.term.keys(b"\r");
    s.term.wait_for(&["linked by hand", "corrections unsaved"]);
    s.term.keys(b"s");
    s.term.wait_for(&["Name:"]);
    s.term.keys(b"fixes\r");
    s.term.wait_for(&["saved as fixes"]);
    s.term.keys(b"q");
    assert!(s.finish().success());

    let saved = std::fs::read_to_string(data.path().join("comparisons/fixes.parallax.json"))
        .expect("the saved file");
    assert!(saved.contains("\"fix\": \"wrong\"") && saved.contains("\"fix\": \"linked\""));

    // It reopens where it was saved: in the right pane, on the hand link.
    let mut s = attach(spawn_in(data.path(), &["open", "fixes"], &env));
    s.term.wait_for(&["B: link", "why linked by hand"]);
    s.term.keys(b"x");
    s.term.wait_for(&["by hand removed"]);
    s.term.keys(b"q");
    s.term.wait_for(&["unsaved"]);
    s.term.keys(b"d");
    assert!(s.finish().success());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["open", "fixes"])
        .env("PARALLAX_DATA_DIR", data.path())
        .current_dir(data.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Corrections by hand (2)"), "{text}");
    assert!(
        text.contains("marked wrong") && text.contains("linked by hand"),
        "{text}"
    );
}

/// At 80×24 a link whose panel is cut says so; `J` scrolls it and `z` enlarges it, in the
/// real binary and terminal.
#[test]
fn the_link_panel_grows_and_scrolls_at_80x24() {
    let mut s = attach_sized(spawn_sized(Path::new(ROOT), &[], &[], (80, 24)), (80, 24));
    s.term.wait_for(&["A: "]);
    let mut cut = false;
    for _ in 0..12 {
        s.term.keys(b"n");
        std::thread::sleep(Duration::from_millis(150));
        if s.term.flat().contains("more: z larger, J scrolls") {
            cut = true;
            break;
        }
    }
    assert!(
        cut,
        "a link's panel is cut at 80×24 and says so:\n{}",
        s.term.screen()
    );
    s.term.keys(b"J");
    s.term.wait_for(&["K scroll"]);
    let before = s.term.screen();
    s.term.keys(b"z");
    let start = Instant::now();
    while s.term.screen() == before {
        assert!(start.elapsed() < DEADLINE, "z changes nothing");
        std::thread::sleep(Duration::from_millis(10));
    }
    s.term.keys(b"q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
}
