//! Set-up shared by the engine's tests: where the workspace's files are, a comparison built
//! from two small texts, a store in a temporary directory, and the tags the HTML export may
//! write.

use std::path::PathBuf;

use parallax::store::Store;
use parallax::{Comparison, Document, Options, SegmentId};

/// Segment ids by number, to hold against what the engine gives.
pub fn segs(ids: &[usize]) -> Vec<SegmentId> {
    ids.iter().copied().map(SegmentId).collect()
}

/// The workspace root, where `assets/` lives.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The path of bundled sample `name` (in `assets/samples/`).
pub fn sample(name: &str) -> String {
    root()
        .join("assets/samples")
        .join(name)
        .display()
        .to_string()
}

/// The path of test fixture `name` (in this package's `tests/fixtures/`).
pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

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
