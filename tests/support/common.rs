//! Set-up shared by the engine, store and command-line tests: a comparison built from two
//! small texts, a store in a temporary directory, the built binary run with arguments and
//! standard input, and the tags the HTML export may write. (The reader's tests have theirs
//! in `reader.rs`.) Each test file mounts it with `#[path = "support/common.rs"] mod support;`
//! and uses what it needs.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use parallax::store::Store;
use parallax::{Comparison, Document, Options};

/// A comparison of two texts, named `a.txt` and `b.txt`, with the default options.
pub fn two(a: &str, b: &str) -> Comparison {
    let docs = vec![
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", b),
    ];
    Comparison::build(docs, &Options::default()).unwrap()
}

/// Two short accounts of a bridge opening: one sentence in common, one more on each side
/// (a sum only B gives).
pub fn bridge() -> Comparison {
    two(
        "The mayor opened the bridge on Monday. Crowds cheered.",
        "On Monday the mayor opened the bridge. It cost $2 million.",
    )
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

/// The elements the HTML export writes in the page's head (and around it).
pub const HEAD_TAGS: [&str; 6] = ["!DOCTYPE", "html", "head", "meta", "title", "style"];

/// The elements the HTML export writes from `<body>` on: no input or note may add another.
pub const BODY_TAGS: [&str; 21] = [
    "body",
    "header",
    "h1",
    "h2",
    "p",
    "kbd",
    "span",
    "sup",
    "mark",
    "label",
    "select",
    "option",
    "main",
    "section",
    "div",
    "aside",
    "b",
    "time",
    "br",
    "blockquote",
    "script",
];

/// The name of every tag opened or closed in `markup` (`<!DOCTYPE` gives "!DOCTYPE"; a `<`
/// followed by no name gives "", which no list holds).
pub fn tag_names(markup: &str) -> Vec<String> {
    markup
        .match_indices('<')
        .map(|(at, _)| {
            markup[at + 1..]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect()
        })
        .collect()
}
