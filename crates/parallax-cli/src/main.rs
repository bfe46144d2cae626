//! The `parallax` command: the reader (TUI) and the report commands.

use std::process::ExitCode;

use parallax_cli::cli;

/// How long candle's worker threads spin before they sleep between two pieces of work. Its
/// default (25,000 spins) keeps both cores busy waiting while the sentence encoder runs
/// beside the aligner, which then waits for a core: the 2019 sample pair took 0.52 s as a
/// process, and 0.43 s with 100 to 1,000 spins (`cargo bench --bench process`). candle
/// reads it only from the environment.
const ENCODER_SPIN_LIMIT: &str = "1000";

fn main() -> ExitCode {
    if std::env::var_os("CANDLE_BARRIER_POOL_SPIN_LIMIT").is_none() {
        // SAFETY: the first thing the process does, before any thread is started.
        unsafe { std::env::set_var("CANDLE_BARRIER_POOL_SPIN_LIMIT", ENCODER_SPIN_LIMIT) };
    }
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
