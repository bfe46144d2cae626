//! A corrupt file, a file of another program and a file of a newer schema: a clear error,
//! and the file is left exactly as it was (bytes and modification time), whether it is
//! opened, exported, listed or saved over.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use parallax::Error;
use parallax::annotate::Notes;
use parallax::store::{self, Saved};

use crate::support::bridge;

/// The cases: file name, contents, and what the error must say.
fn cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let good = Saved::new("x", bridge(), Notes::default(), 1).to_json();
    let current = format!("\"version\": {}", store::VERSION);
    let newer = good.replacen(&current, "\"version\": 7", 1);
    assert_ne!(newer, good);
    vec![
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "not a readable Parallax comparison",
        ),
        (
            "garbage",
            b"\x00\x01 not json at all".to_vec(),
            "not a readable Parallax comparison",
        ),
        (
            "foreign",
            br#"{"format": "something-else", "version": 1}"#.to_vec(),
            "not a Parallax comparison (format is \"something-else\")",
        ),
        (
            "noformat",
            br#"{"name": "x", "items": [1, 2]}"#.to_vec(),
            "not a Parallax comparison (no format field)",
        ),
        (
            "nullformat",
            br#"{"format": null, "version": 1}"#.to_vec(),
            "not a Parallax comparison (format is null)",
        ),
        (
            "report",
            br#"{"format": "parallax-report", "version": 1, "documents": []}"#.to_vec(),
            "format is \"parallax-report\": a report `align` or `export` wrote",
        ),
        (
            "array",
            b"[]".to_vec(),
            "not a readable Parallax comparison (JSON, but not an object)",
        ),
        (
            "numbers",
            b"[1, 2, 3]".to_vec(),
            "not a readable Parallax comparison (JSON, but not an object)",
        ),
        (
            "empty",
            Vec::new(),
            "not a readable Parallax comparison (empty file)",
        ),
        (
            "blank",
            b" \n\n".to_vec(),
            "not a readable Parallax comparison (empty file)",
        ),
        (
            "version0",
            good.replacen(&current, "\"version\": 0", 1).into_bytes(),
            "schema version 0, which no Parallax writes",
        ),
        (
            "textversion",
            good.replacen(&current, "\"version\": \"3\"", 1)
                .into_bytes(),
            "schema version \"3\" is no version number",
        ),
        (
            "arrayheader",
            b"[\"parallax-comparison\", 2]".to_vec(),
            "not a readable Parallax comparison (JSON, but not an object)",
        ),
        (
            "newer",
            newer.into_bytes(),
            "saved by a newer Parallax (schema version 7, this one reads up to 3)",
        ),
        (
            "fields",
            good.replacen("\"comparison\"", "\"comparisn\"", 1)
                .into_bytes(),
            "missing field `comparison`",
        ),
    ]
}

fn plant(dir: &Path, name: &str, bytes: &[u8]) -> (PathBuf, SystemTime) {
    let path = dir.join(format!("{name}{}", store::EXTENSION));
    std::fs::write(&path, bytes).unwrap();
    // An old modification time, so any write would show.
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    (path, old)
}

fn untouched(path: &Path, bytes: &[u8], mtime: SystemTime) {
    assert_eq!(
        std::fs::read(path).unwrap(),
        bytes,
        "{} changed",
        path.display()
    );
    assert_eq!(std::fs::metadata(path).unwrap().modified().unwrap(), mtime);
    assert!(
        !store::backup_path(path).exists(),
        "no backup was made of a refused file"
    );
}

#[test]
fn engine_refuses_and_leaves_the_file() {
    let (_data, store) = support::temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    for (name, bytes, says) in cases() {
        let (path, mtime) = plant(store.dir(), name, &bytes);
        let e = store.load(name).unwrap_err();
        assert!(e.to_string().contains(says), "{name}: {e}");
        assert!(
            e.to_string().contains(&*path.to_string_lossy()),
            "{name}: names the file: {e}"
        );
        assert!(
            e.to_string().ends_with("the file was left untouched"),
            "{e}"
        );
        match name {
            "foreign" | "noformat" | "nullformat" | "report" => {
                assert!(matches!(e, Error::Foreign { .. }))
            }
            "newer" => assert!(matches!(e, Error::NewerVersion { found: 7, .. })),
            _ => assert!(matches!(e, Error::Corrupt { .. })),
        }
        // Saving over it is refused too.
        let e = store
            .save(name, &bridge(), &Notes::default(), 5)
            .unwrap_err();
        assert!(e.to_string().contains(says), "save over {name}: {e}");
        untouched(&path, &bytes, mtime);
    }
    // `list` shows them, with their problem, and touches none.
    let list = store.list().unwrap();
    assert_eq!(list.len(), cases().len());
    assert!(list.iter().all(|l| l.problem.is_some()));
    for (name, bytes, _) in cases() {
        let path = store.dir().join(format!("{name}{}", store::EXTENSION));
        untouched(
            &path,
            &bytes,
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000),
        );
    }
}

#[test]
fn cli_refuses_with_one_line_and_leaves_the_file() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("comparisons");
    std::fs::create_dir_all(&dir).unwrap();
    let src = tempfile::tempdir().unwrap();
    std::fs::write(
        src.path().join("a.txt"),
        "The mayor opened the bridge on Monday.",
    )
    .unwrap();
    std::fs::write(
        src.path().join("b.txt"),
        "On Monday the mayor opened the bridge.",
    )
    .unwrap();
    for (name, bytes, says) in cases() {
        let (path, mtime) = plant(&dir, name, &bytes);
        let by_path = path.to_str().unwrap().to_string();
        let runs: Vec<Vec<&str>> = vec![
            vec!["open", name],
            vec!["open", name, "--refresh"],
            vec!["open", &by_path],
            vec!["export", name, "--format", "html", "-o", "out.html"],
        ];
        for args in runs {
            let out = support::parallax(&args)
                .current_dir(src.path())
                .env("PARALLAX_DATA_DIR", data.path())
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
            assert!(
                err.starts_with("parallax: ") && err.contains(says),
                "{args:?}: {err}"
            );
            assert!(!err.contains("panicked"));
            untouched(&path, &bytes, mtime);
        }
        assert!(!src.path().join("out.html").exists());
    }
}

/// A file in the current directory named like a comparison (no separator, not `.json`) is
/// read as the file it is: the error says it is no comparison, not that no comparison has
/// that name; and it is left as it was.
#[test]
fn open_names_a_file_in_the_current_directory_as_no_comparison() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let (path, mtime) = plant(cwd.path(), "notes", b"my own notes, not a comparison\n");
    let name = path
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .replace(store::EXTENSION, ".txt");
    std::fs::rename(&path, cwd.path().join(&name)).unwrap();
    let path = cwd.path().join(&name);
    let open = |what: &str| {
        support::parallax(&["open", what])
            .current_dir(cwd.path())
            .env("PARALLAX_DATA_DIR", data.path())
            .output()
            .unwrap()
    };
    let out = open(&name);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("notes.txt") && err.contains("not a readable Parallax comparison"),
        "{err}"
    );
    untouched(&path, b"my own notes, not a comparison\n", mtime);
    // A name no file has is still a missing saved comparison.
    let out = open("nothing-here");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no saved comparison named \"nothing-here\""),
        "{err}"
    );
}
