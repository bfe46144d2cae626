//! The reader's tests, one binary: key sequences on the model, drawn screens and snapshots,
//! saving and opening from the reader, and the built binary in a real pseudo-terminal.

mod fixture;
#[path = "../cli/http.rs"]
mod http;
#[path = "../../../parallax/tests/engine/quake.rs"]
mod quake;
mod support;

mod claims;
mod claims_cursor;
mod corrections;
mod files;
mod notes;
mod papercuts;
mod pty;
mod pty_fatal;
mod pty_url;
mod refine;
mod screens;
mod small;
mod update;
