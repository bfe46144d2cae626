//! `open --refresh` reads a source only from a file the user names (`--source`) or, once
//! shown and confirmed (`--yes` without a terminal), from the file the saved comparison
//! names: a crafted comparison must not pull any readable file into itself (F12, deliverable
//! 3 of the hardening issue).

use std::path::Path;
use std::process::Output;

use parallax::store::{self, Store};
use parallax::{Comparison, Document, Options};

const A: &str = "The mayor opened the new bridge on Monday morning. Crowds cheered.\n";
const B: &str = "On Monday morning the mayor opened the new bridge. It cost $2 million.\n";
/// A file the crafted comparison points at: its text must never be read into it.
const SECRET: &str = "The secret launch code is swordfish, said the mayor on Monday.\n";

/// `parallax ARGS` in `cwd` with the store in `data`, standard input empty (not a terminal).
fn parallax(data: &Path, cwd: &Path, args: &[&str]) -> Output {
    crate::support::parallax(args)
        .arg("--data-dir")
        .arg(data)
        .current_dir(cwd)
        .env_remove("PARALLAX_DATA_DIR")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// a.txt and b.txt in `dir`, saved as "bridge" (by their absolute paths, as `save` does).
fn saved_bridge(dir: &Path, data: &Path) -> std::path::PathBuf {
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(dir.join("b.txt"), B).unwrap();
    let doc = |f: &str| {
        Document::from_text(
            dir.join(f).to_str().unwrap(),
            [A, B][(f == "b.txt") as usize],
        )
    };
    let cmp = Comparison::build(vec![doc("a.txt"), doc("b.txt")], &Options::default()).unwrap();
    Store::new(data)
        .save("bridge", &cmp, &Default::default(), 1)
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The crafted case: a saved comparison whose source B names another file. Without a
/// terminal to ask on and without `--yes`, nothing is read and the file is left alone.
#[test]
fn refresh_refuses_files_the_saved_comparison_names_unless_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = saved_bridge(dir.path(), &data);
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, SECRET).unwrap();
    let mut saved = store::load_file(&file).unwrap();
    saved.sources[1].absolute = Some(secret.to_str().unwrap().to_string());
    store::save_file(&file, &saved).unwrap();
    let before = std::fs::read(&file).unwrap();

    let out = parallax(&data, dir.path(), &["open", "bridge", "--refresh"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains("--yes") && err.contains("B ") && err.contains("secret.txt"),
        "names the flag and shows the path: {err}"
    );
    assert!(out.stdout.is_empty());
    assert!(!err.contains("swordfish"));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is left alone"
    );

    // Confirmed, the file is read: the user saw its path and said yes.
    let out = parallax(&data, dir.path(), &["open", "bridge", "--refresh", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("swordfish"));
}

/// Paths the user gives are read without asking: a source's own path (relative to where the
/// command runs), or `LETTER=FILE` for a source that moved, which then keeps the new path.
#[test]
fn refresh_reads_the_files_the_user_names() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = saved_bridge(dir.path(), &data);
    std::fs::create_dir(dir.path().join("new")).unwrap();
    let moved = B.replace("$2 million", "$3 million");
    std::fs::write(dir.path().join("new/b.txt"), &moved).unwrap();

    let out = parallax(
        &data,
        dir.path(),
        &[
            "open",
            "bridge",
            "--refresh",
            "--source",
            "a.txt",
            "--source",
            "B=new/b.txt",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("$3 million"));
    let after = store::load_file(&file).unwrap();
    assert_eq!(after.comparison.sources[1].document.text, moved);
    assert_eq!(after.sources[1].path, "new/b.txt", "B now lives there");
    let abs = after.sources[1].absolute.as_deref().unwrap();
    assert!(
        abs.ends_with("new/b.txt") && Path::new(abs).is_absolute(),
        "{abs}"
    );
    assert!(
        after.sources[0]
            .absolute
            .as_deref()
            .unwrap()
            .ends_with("/a.txt")
    );
}

/// A `--source` that is no file of the comparison is refused in one line that lists them.
#[test]
fn refresh_refuses_a_source_it_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = saved_bridge(dir.path(), &data);
    let before = std::fs::read(&file).unwrap();
    std::fs::write(dir.path().join("other.txt"), SECRET).unwrap();
    for (bad, says) in [
        ("other.txt", "not a file this comparison was saved from (A "),
        // The letter is what is wrong: the message says so (it asked for LETTER=FILE).
        (
            "Q=other.txt",
            "this comparison has no source Q (its sources are A to B)",
        ),
        ("A=", "no file after '='"),
    ] {
        let out = parallax(
            &data,
            dir.path(),
            &["open", "bridge", "--refresh", "--source", bad],
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert_eq!(err.lines().count(), 1, "{bad}: {err}");
        assert!(err.contains(says), "{bad}: {err}");
    }
    // --source and --yes only make sense with --refresh.
    let out = parallax(&data, dir.path(), &["open", "bridge", "--yes"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}
