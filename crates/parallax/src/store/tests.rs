use super::*;
use crate::Document;
use crate::ids::{SegmentId, SourceId};

fn cmp() -> Comparison {
    let docs = vec![
        Document::from_text(
            "a.txt",
            "The mayor, 56, opened the bridge on Monday. Crowds cheered loudly.\n\nRain fell later.",
        ),
        Document::from_text(
            "b.txt",
            "On Monday the mayor, 62, opened the bridge. It cost $2 million.",
        ),
    ];
    Comparison::build(docs, &Default::default()).unwrap()
}

#[test]
fn names() {
    for ok in ["week 3", "cabello-2019", "Ärger_über.v2"] {
        validate_name(ok).unwrap();
    }
    for bad in [
        "",
        " x",
        "a/b",
        "..",
        ".hidden",
        "a\\b",
        "a\nb",
        "a:b",
        &"x".repeat(121),
    ] {
        assert!(validate_name(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn round_trip_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let c = cmp();
    let mut notes = Notes::default();
    let path = store.save("x", &c, &notes, 10).unwrap();
    assert!(!backup_path(&path).exists());
    notes
        .add(
            &c,
            crate::annotate::Anchor::Passage {
                source: SourceId(0),
                segment: SegmentId(0),
            },
            "check age",
            11,
        )
        .unwrap();
    store.save("x", &c, &notes, 12).unwrap();
    let back = store.load("x").unwrap();
    assert_eq!(back.notes, notes);
    assert_eq!(back.comparison, c);
    assert_eq!(load_file(&backup_path(&path)).unwrap().notes.len(), 0);
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].name.as_str(), list[0].notes, list[0].saved),
        ("x", 1, 12)
    );
}

#[test]
fn tampered_text_is_corrupt() {
    let s = Saved::new("x", cmp(), Notes::default(), 1);
    let json = s.to_json().replace("Crowds cheered", "Crowds booed");
    let e = Saved::from_slice(Path::new("f"), json.as_bytes()).unwrap_err();
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
}

#[test]
fn out_of_range_segment_is_corrupt_not_a_panic() {
    let mut s = Saved::new("x", cmp(), Notes::default(), 1);
    s.comparison.sources[0].segments[0].span = crate::Span::new(0, 10_000);
    let e = Saved::from_slice(Path::new("f"), s.to_json().as_bytes()).unwrap_err();
    assert!(e.to_string().contains("does not fit"), "{e}");
}

#[test]
fn names_are_quoted_for_the_shell_only_when_needed() {
    assert_eq!(shell_word("bridge-2.v1"), "bridge-2.v1");
    assert_eq!(shell_word("bridge check"), "'bridge check'");
    assert_eq!(shell_word("Maduro's aide"), r"'Maduro'\''s aide'");
    assert_eq!(open_command("bridge check"), "parallax open 'bridge check'");
    assert_eq!(open_command("-x"), "parallax open -- -x");
}

/// F18: a comparison named like a file ("story.json") opens by its name; a name no
/// comparison has is still read as a file in the current directory.
#[test]
fn a_name_ending_in_json_opens_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let saved = store
        .save("story.json", &cmp(), &Notes::default(), 1)
        .unwrap();
    assert_eq!(store.resolve("story.json").unwrap(), saved);
    assert_eq!(store.load("story.json").unwrap().name, "story.json");
    assert_eq!(
        store.resolve("other.json").unwrap(),
        PathBuf::from("other.json")
    );
    assert!(matches!(
        store.resolve("other"),
        Err(Error::NoSuchComparison { .. })
    ));
}

/// F15: writing over a symbolic link, a pipe or a directory is refused and leaves it, and
/// what the link points to, as they were.
#[cfg(unix)]
#[test]
fn only_regular_files_are_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.txt");
    std::fs::write(&target, "keep me").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let e = write_atomic(&link, b"export").unwrap_err();
    assert!(e.to_string().contains("not a regular file"), "{e}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        assert!(write_atomic(&fifo, b"export").is_err());
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    assert!(write_atomic(&sub, b"export").is_err());
    let plain = dir.path().join("plain.md");
    write_atomic(&plain, b"one").unwrap();
    write_atomic(&plain, b"two").unwrap();
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), "two");
}
