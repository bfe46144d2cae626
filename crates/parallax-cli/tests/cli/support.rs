//! Set-up shared by the command-line tests: where the workspace's files are, a small
//! comparison, a store in a temporary directory, and the built binary run with arguments and
//! standard input.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use parallax::store::Store;
use parallax::{Comparison, Document, Options};

/// The workspace root, where `assets/` lives.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The path of `rel`, relative to the workspace root.
pub fn path(rel: &str) -> String {
    root().join(rel).display().to_string()
}

/// The path of test fixture `name` (kept with the engine's tests).
pub fn fixture(name: &str) -> String {
    path(&format!("crates/parallax/tests/fixtures/{name}"))
}

/// Two short accounts of a bridge opening: one sentence in common, one more on each side.
pub fn bridge() -> Comparison {
    let docs = vec![
        Document::from_text(
            "a.txt",
            "The mayor opened the bridge on Monday. Crowds cheered.",
        ),
        Document::from_text(
            "b.txt",
            "On Monday the mayor opened the bridge. It cost $2 million.",
        ),
    ];
    Comparison::build(docs, &Options::default()).unwrap()
}

/// A store in a fresh temporary directory; the directory lasts as long as the guard.
pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    (dir, store)
}

/// The built `parallax` with `args`, to be given a directory or environment and run.
pub fn parallax(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    // Not the configuration of whoever runs the tests: its `[align]` settings would change
    // the reports.
    cmd.env("XDG_CONFIG_HOME", env!("CARGO_TARGET_TMPDIR"))
        .env_remove("PARALLAX_CONFIG");
    cmd.args(args);
    cmd
}

/// Runs the built `parallax` with `args`, feeding it `stdin` when given (else an empty
/// standard input), and captures its output. The second value is how writing `stdin` went:
/// a binary that refuses may stop reading early and so break the pipe.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> (Output, std::io::Result<()>) {
    let mut child = parallax(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let fed = match stdin {
        Some(bytes) => child.stdin.take().unwrap().write_all(bytes),
        None => Ok(()),
    };
    (child.wait_with_output().unwrap(), fed)
}
