//! Bad input on the command line: one clear line on standard error naming the file and the
//! problem, exit code 2, nothing on standard output, never a panic.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Output;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/samples/cabello-2019-ap-rewrite.txt"
);

/// Runs `parallax` with `args`, feeding `stdin` when given. The binary may refuse before
/// reading it all; a broken pipe is fine then.
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    support::run(args, stdin).0
}

/// Asserts the failure contract: exit code 2, no output, one line naming `path` and
/// containing every word of `problem`.
fn refused(out: &Output, path: &str, problem: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("parallax: "), "{err}");
    assert!(err.contains(path), "names {path}: {err}");
    for p in problem {
        assert!(err.contains(p), "says {p:?}: {err}");
    }
}

/// A file with `bytes` in a fresh temporary directory.
fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs `align <path> SAMPLE` and checks it is refused for `problem`.
fn align_refuses(path: &Path, problem: &[&str]) {
    let p = path.to_str().unwrap();
    refused(&run(&["align", p, SAMPLE], None), p, problem);
}

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    align_refuses(&dir.path().join("nope.txt"), &["no such file"]);
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    align_refuses(dir.path(), &["is a directory"]);
}

#[test]
fn a_binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(dir.path(), "image.txt", b"GIF89a\x01\x00\x00\x00rest");
    align_refuses(&p, &["binary file", "NUL byte at offset 7"]);
}

#[test]
fn an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    align_refuses(&file(dir.path(), "empty.txt", b""), &["empty file"]);
}

#[test]
fn a_whitespace_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(dir.path(), "blank.txt", b" \n\t\r\n  \n");
    align_refuses(&p, &["only white space"]);
    let bom = file(dir.path(), "bom.md", "\u{FEFF}\n\n".as_bytes());
    align_refuses(&bom, &["only white space"]);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(dir.path(), "latin1.txt", b"Caf\xe9 con leche.\n");
    align_refuses(&p, &["invalid UTF-8", "at byte 3"]);
    let md = file(dir.path(), "latin1.md", b"# Title\n\nNa\xefve text.\n");
    align_refuses(&md, &["invalid UTF-8", "at byte 11"]);
}

#[test]
fn utf16_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(dir.path(), "wide.txt", b"\xff\xfeH\x00i\x00");
    align_refuses(&p, &["UTF-16"]);
}

#[test]
fn a_file_over_the_size_cap() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(
        dir.path(),
        "long.txt",
        "A sentence here. ".repeat(100).as_bytes(),
    );
    let s = p.to_str().unwrap();
    refused(
        &run(&["align", s, SAMPLE, "--max-size", "1000"], None),
        s,
        &["larger than the limit of 1000 bytes", "--max-size"],
    );
    refused(
        &run(&["align", s, SAMPLE, "--max-size", "1KiB"], None),
        s,
        &["limit of 1024 bytes"],
    );
    // Raising the cap lets it through, wherever the option stands among the files.
    let ok = run(&["align", s, SAMPLE, "--max-size", "1MB"], None);
    assert_eq!(ok.status.code(), Some(0));
    let between = run(&["align", s, "--max-size", "1MB", SAMPLE], None);
    assert_eq!(between.status.code(), Some(0), "{between:?}");
    assert_eq!(between.stdout, ok.stdout);
    // Or before the command: "--max-size 1MB align …" is not a reader on a file "align".
    let before = run(&["--max-size", "1MB", "align", s, SAMPLE], None);
    assert_eq!(before.status.code(), Some(0), "{before:?}");
    assert_eq!(before.stdout, ok.stdout);
}

#[test]
fn the_default_size_cap_is_50_mib() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    // A sparse file: the size check reads the metadata, not the bytes.
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(50 * 1024 * 1024 + 1).unwrap();
    align_refuses(&p, &["larger than the limit of 52428800 bytes"]);
}

#[test]
fn standard_input_over_the_size_cap() {
    let big = "A sentence here. ".repeat(200);
    let out = run(
        &["align", "-", SAMPLE, "--max-size", "1000"],
        Some(big.as_bytes()),
    );
    refused(&out, "-:", &["larger than the limit of 1000 bytes"]);
}

#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = file(dir.path(), "secret.txt", b"Some text. More text.\n");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&p).is_ok() {
        // Root (and some containers) read files whatever their mode.
        println!("skipped: this process can read a file with mode 000 (running as root?)");
        return;
    }
    align_refuses(&p, &["permission denied"]);
}

#[test]
fn an_html_page_without_article_text() {
    let p = PathBuf::from(support::fixture("no-article.html"));
    align_refuses(&p, &["no article text"]);
}

#[test]
fn standard_input_given_twice() {
    refused(
        &run(&["align", "-", "-"], Some(b"Some text.\n")),
        "-:",
        &["standard input", "only once"],
    );
}

#[test]
fn empty_standard_input() {
    refused(&run(&["align", "-", SAMPLE], Some(b"")), "-:", &["empty"]);
}

#[test]
fn binary_standard_input() {
    refused(
        &run(&["align", SAMPLE, "-"], Some(b"abc\x00def")),
        "-:",
        &["binary", "offset 3"],
    );
}

#[test]
fn a_path_with_control_characters_is_printed_harmlessly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("evil\x1b[31m.txt");
    let s = p.to_str().unwrap();
    let out = run(&["align", s, SAMPLE], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(!err.contains('\x1b'), "{err:?}");
    assert!(err.contains("no such file"), "{err}");
}

#[test]
fn a_lone_name_that_is_no_file_is_named() {
    let out = run(&["nosuchcmd"], None);
    refused(&out, "nosuchcmd", &["no such file"]);
}

#[test]
fn one_source_is_not_enough() {
    let out = run(&["align", SAMPLE], None);
    refused(&out, "", &["at least two sources", "got 1"]);
}

#[test]
fn aligner_parameters_with_an_unknown_field_or_missing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = file(dir.path(), "params.json", br#"{"order_bonsu": 0.3}"#);
    let p = bad.to_str().unwrap();
    let out = run(&["align", SAMPLE, SAMPLE, "--params", p], None);
    refused(&out, p, &["not aligner parameters", "order_bonsu"]);
    let gone = dir.path().join("gone.json");
    let g = gone.to_str().unwrap();
    refused(
        &run(&["align", SAMPLE, SAMPLE, "--params", g], None),
        g,
        &[],
    );
}

/// F17: what Parallax says on standard error goes through the terminal sanitiser: a name
/// holding a right-to-left override is echoed with "�" in its place, never the raw mark.
#[test]
fn a_name_with_a_bidi_override_is_echoed_harmlessly() {
    let data = tempfile::tempdir().unwrap();
    let name = "ab\u{202E}cd";
    let dir = data.path().to_str().unwrap();
    let out = run(&["--data-dir", dir, "save", name, SAMPLE, SAMPLE], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains('\u{202E}'), "{err:?}");
    assert!(err.contains("ab\u{FFFD}cd"), "{err:?}");
}

/// A negative number given to an option that takes a number is refused by the option's
/// own check, naming what it must be; clap took "-0.1" for an unknown flag "-0".
#[test]
fn a_negative_option_value_names_what_the_option_takes() {
    for (args, says) in [
        (
            ["--min-score", "-0.1"],
            "'-0.1' is not a probability between 0 and 1",
        ),
        (
            ["--timeout", "-5"],
            "'-5' is not a number of seconds above 0",
        ),
    ] {
        let out = support::parallax(&[&["align", "a.txt", "b.txt"][..], &args[..]].concat())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "{err}");
    }
}

/// A word where the reader takes sources, no file and no command ("compare"), is named as
/// both, with the commands there are; a word that is a file is read as one.
#[test]
fn a_mistyped_command() {
    let out = run(&["compare", SAMPLE], None);
    refused(
        &out,
        "compare",
        &["no such file", "no command", "align", "delete"],
    );
    let dir = tempfile::tempdir().unwrap();
    file(dir.path(), "draft", b"");
    let out = support::parallax(&["draft", SAMPLE])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    refused(&out, "draft", &["empty file"]);
}
