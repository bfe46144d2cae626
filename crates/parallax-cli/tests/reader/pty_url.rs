//! Sources given at a terminal: `o` in the reader with a URL typed into the open dialog
//! (the page is fetched from a server on 127.0.0.1 and added as a source, shown in the right
//! pane by its host and path), and `-` when standard input is the terminal (a prompt says
//! what to do).

use std::path::Path;

use crate::http::{ARTICLE, Reply, Server};
use crate::pty::{ROOT, attach, spawn_in, start_in};

#[test]
fn standard_input_on_a_terminal_gets_a_prompt() {
    let args = ["align", "-", "assets/samples/cabello-2019-speed-read.txt"];
    let mut s = attach(spawn_in(Path::new(ROOT), &args, &[]));
    s.term.wait_for(&["type or paste the text, then Ctrl-D"]);
    s.term
        .keys(b"Venezuela's No. 2 official is in secret talks with U.S. officials.\n\x04");
    s.term
        .wait_for(&["A: -", "B: assets/samples/cabello-2019-speed-read.txt"]);
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn a_url_typed_after_o_is_fetched_and_shown_beside_the_left_source() {
    let server = Server::start(vec![("/news/bridge", Reply::ok("text/html", ARTICLE))]);
    let url = server.url("/news/bridge");
    let data = tempfile::tempdir().unwrap();
    let env = [("PARALLAX_DATA_DIR", data.path())];
    let mut s = start_in(data.path(), &[], &env);
    s.term.keys(b"o");
    s.term
        .wait_for(&["Add a URL or file:", "no saved comparisons yet"]);
    // Typed, then Ctrl-W takes the last word back and it is typed again: the readline keys
    // work in this field as in every other.
    s.term.keys(url.as_bytes());
    s.term.wait_for(&[&url]);
    s.term.keys(b"\x17"); // Ctrl-W
    s.term.wait_for(&[&format!("{}/news/▏", server.base)]);
    s.term.keys(b"bridge\r");
    let name = format!("{}/news/bridge", server.base.trim_start_matches("http://"));
    s.term
        .wait_for(&["added E:", &name, "Bridge opens after years of delay"]);
    s.term.keys(b"q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
}
