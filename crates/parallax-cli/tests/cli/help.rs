//! `--help` as a user reads it: the reader's keys are named, and each command lists only
//! the options it uses.

use crate::support;

/// The standard output of `parallax ARGS`, which must succeed.
fn help(args: &[&str]) -> String {
    let (out, _) = support::run(args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_names_the_readers_keys() {
    let text = help(&["--help"]);
    assert!(text.contains("Keys in the reader"), "{text}");
    for (key, what) in [("n", "next link"), ("?", "this help"), ("q ctrl-c", "quit")] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(key) && l.contains(what)),
            "{key} {what}: {text}"
        );
    }
    assert!(text.contains("URLs"), "{text}");
}

#[test]
fn align_does_not_offer_the_data_directory() {
    let align = help(&["align", "--help"]);
    assert!(!align.contains("--data-dir"), "{align}");
    assert!(align.contains("--max-size"), "{align}");
    for cmd in ["save", "open", "list", "delete", "export"] {
        let text = help(&[cmd, "--help"]);
        assert!(text.contains("--data-dir"), "{cmd}: {text}");
    }
}

/// Reading and aligning options go only where sources are read or aligned; `list` and
/// `export` read none. Given before the command they still apply to it.
#[test]
fn list_and_export_do_not_offer_the_reading_options() {
    for cmd in ["list", "delete", "export"] {
        let text = help(&[cmd, "--help"]);
        for opt in ["--max-size", "--timeout", "--unit", "--fast", "--min-score"] {
            assert!(!text.contains(opt), "{cmd} offers {opt}: {text}");
        }
    }
    let open = help(&["open", "--help"]);
    assert!(
        open.contains("--timeout") && open.contains("--max-size"),
        "{open}"
    );
    assert!(
        !open.contains("--unit") && !open.contains("--fast"),
        "{open}"
    );
    for cmd in ["align", "save"] {
        let text = help(&[cmd, "--help"]);
        for opt in ["--max-size", "--timeout", "--unit", "--fast", "--min-score"] {
            assert!(text.contains(opt), "{cmd} lacks {opt}: {text}");
        }
    }
}
