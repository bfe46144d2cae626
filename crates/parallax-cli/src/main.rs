//! The `parallax` command: the reader (TUI) and the report commands.

use std::process::ExitCode;

use parallax_cli::cli;

/// See Cargo.toml: glibc's allocator returned and re-faulted the encoder's buffers layer by
/// layer.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            // One line, naming the file and the problem; the chain adds the cause if any.
            let msg = parallax::text::visible(&format!("{e:#}"), false).into_owned();
            eprintln!("parallax: {msg}");
            ExitCode::from(2)
        }
    }
}
