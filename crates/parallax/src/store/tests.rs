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

/// A comparison its owner made read-only is not replaced by a save (the atomic rename
/// would replace it regardless of its mode): refused in one line naming it, left as is.
#[test]
fn a_read_only_comparison_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let c = cmp();
    let path = store.save("x", &c, &Notes::default(), 10).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let err = store
        .save("x", &c, &Notes::default(), 11)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("x.parallax.json") && err.contains("read-only"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!backup_path(&path).exists());
}

/// A saved file an editor wrote back with a UTF-8 byte-order mark in front (Notepad does)
/// is still the comparison it was.
#[test]
fn a_byte_order_mark_before_the_json_is_read_past() {
    let s = Saved::new("x", cmp(), Notes::default(), 1);
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), s.to_json().as_bytes()].concat();
    let back = Saved::from_slice(Path::new("f"), &with_bom).unwrap();
    assert_eq!(back.comparison, s.comparison);
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
    // A folder that is not there is not made: the path is more likely mistyped.
    let astray = dir.path().join("no/such/folder.md");
    let e = write_atomic(&astray, b"export").unwrap_err();
    assert!(e.to_string().contains("no folder"), "{e}");
    assert!(!dir.path().join("no").exists());
    let plain = dir.path().join("plain.md");
    write_atomic(&plain, b"one").unwrap();
    write_atomic(&plain, b"two").unwrap();
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), "two");
}

/// F11: a save expecting the file as it was read is refused, and writes nothing, once
/// another writer has replaced it; of two savers that read the same version, one wins and
/// the other hears "changed on disk".
#[test]
fn a_save_over_a_file_changed_since_reading_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let path = store.save("x", &cmp(), &Notes::default(), 1).unwrap();
    let (_, stamp) = load_stamped(&path).unwrap();
    let expect = Expect::Unchanged(stamp);
    let mine = Saved::new("x", cmp(), Notes::default(), 2);
    let theirs = Saved::new("x", cmp(), Notes::default(), 3);
    let results: Vec<Result<Stamp>> = std::thread::scope(|s| {
        let a = s.spawn(|| save_expecting(&path, &mine, &expect));
        let b = s.spawn(|| save_expecting(&path, &theirs, &expect));
        vec![a.join().unwrap(), b.join().unwrap()]
    });
    let won: Vec<&Stamp> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(won.len(), 1, "{results:?}");
    let lost = results.iter().find_map(|r| r.as_ref().err()).unwrap();
    assert!(matches!(lost, Error::ChangedOnDisk { .. }), "{lost}");
    assert!(lost.to_string().contains("changed on disk"));
    let (_, now) = load_stamped(&path).unwrap();
    assert_eq!(&now, won[0], "the file is the winner's, whole");
    // A new comparison expects no file; replacing with consent takes any.
    assert!(save_expecting(&path, &mine, &Expect::Nothing).is_err());
    save_expecting(&path, &mine, &Expect::Anything).unwrap();
}

/// A named pipe at `path` (None where mkfifo is missing).
#[cfg(unix)]
fn fifo(path: &Path) -> Option<()> {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    made.is_ok_and(|s| s.success()).then_some(())
}

/// F13: a pipe named like a comparison in the data directory is listed with its problem
/// (reading it hung `list`), and a file over the size cap is refused before it is read.
#[cfg(unix)]
#[test]
fn pipes_and_huge_files_in_the_data_directory_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save("good", &cmp(), &Notes::default(), 1).unwrap();
    if fifo(&store.dir().join(format!("pipe{EXTENSION}"))).is_some() {
        let list = store.list().unwrap();
        let pipe = list.iter().find(|l| l.name == "pipe").unwrap();
        assert!(
            pipe.problem
                .as_deref()
                .unwrap()
                .contains("not a regular file")
        );
        assert!(store.load("pipe").is_err());
    }
    let huge = store.dir().join(format!("huge{EXTENSION}"));
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(MAX_SAVED_SIZE + 1).unwrap(); // sparse: no disk used
    let e = store.load("huge").unwrap_err();
    assert!(
        e.to_string().contains("more than a saved comparison holds"),
        "{e}"
    );
}

/// F12: a saved comparison whose source path is a pipe (crafted, or a pipe since) says the
/// source cannot be read, rather than hanging on it.
#[cfg(unix)]
#[test]
fn a_source_that_is_now_a_pipe_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("source.txt");
    if fifo(&pipe).is_none() {
        return;
    }
    let mut saved = Saved::new("x", cmp(), Notes::default(), 1);
    saved.sources[0].absolute = Some(pipe.display().to_string());
    let states = saved.check_sources(&crate::document::LoadOptions::default());
    match &states[0] {
        SourceState::Unreadable(why) => assert!(why.contains("not a regular file"), "{why}"),
        other => panic!("{other:?}"),
    }
}

/// F8: a name with a suffix is cut at a character boundary within the limit, whatever the
/// script; what cannot start a name falls back.
#[test]
fn names_with_a_suffix_fit_and_stay_valid() {
    for base in [
        "Ärger".repeat(40),
        "日本語のニュース".repeat(20),
        "x".repeat(300),
    ] {
        let name = name_with_suffix(&base, "-unsaved-1764755555", "parallax");
        validate_name(&name).unwrap();
        assert!(name.len() <= MAX_NAME_BYTES && name.ends_with("-unsaved-1764755555"));
        assert!(base.starts_with(name.trim_end_matches("-unsaved-1764755555")));
    }
    assert_eq!(name_with_suffix(".x", "-s", "parallax"), "parallax-s");
    assert_eq!(name_with_suffix("story", "-s", "parallax"), "story-s");
}

/// F14: temporary files a crashed save left are cleaned when the comparisons are listed,
/// once older than any live save could be; a fresh one (a save under way) stays.
#[test]
fn stale_temporary_files_are_cleaned_when_listing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save("x", &cmp(), &Notes::default(), 1).unwrap();
    let old = store.dir().join(".gone.parallax.json.4242-0.tmp");
    let fresh = store.dir().join(".x.parallax.json.4243-0.tmp");
    for p in [&old, &fresh] {
        std::fs::write(p, "half a save").unwrap();
    }
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(day_ago)
        .unwrap();
    assert_eq!(store.list().unwrap().len(), 1);
    assert!(!old.exists(), "the stale one is gone");
    assert!(fresh.exists(), "a save under way keeps its file");
}

#[test]
fn claims_saved_in_another_order_are_read_most_carried_first() {
    let doc = |name: &str, text: &str| Document::from_text(name, text);
    let docs = vec![
        doc(
            "a.txt",
            "The mayor opened the new bridge on Monday.\n\nThe bridge cost two million dollars to build.",
        ),
        doc(
            "b.txt",
            "On Monday the mayor opened the new bridge.\n\nBuilding the bridge cost two million dollars.",
        ),
        doc(
            "c.txt",
            "Heavy rain fell all week.\n\nThe new bridge was opened by the mayor on Monday.",
        ),
    ];
    let options = crate::Options {
        fast: true,
        ..Default::default()
    };
    let c = Comparison::build(docs, &options).unwrap();
    assert!(c.clusters.len() >= 2, "two claims: {:?}", c.clusters);
    // As a Parallax of before may have written them: in another order.
    let mut s = Saved::new("x", c.clone(), Notes::default(), 1);
    s.comparison.clusters.reverse();
    for (id, k) in s.comparison.clusters.iter_mut().enumerate() {
        k.id = id;
    }
    assert_ne!(s.comparison.clusters, c.clusters, "another order");
    let back = Saved::from_slice(Path::new("f"), s.to_json().as_bytes()).unwrap();
    assert_eq!(back.comparison.clusters, c.clusters);
}

#[test]
fn a_deleted_comparison_leaves_the_list_and_is_kept_under_another_name() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let save = || {
        store
            .save("week 3", &cmp(), &Notes::default(), 100)
            .unwrap()
    };
    save();
    let kept = store.delete("week 3").unwrap();
    assert!(store.list().unwrap().is_empty());
    assert!(!store.exists("week 3"));
    // Undone by hand: the file kept is the comparison as it was.
    assert_eq!(load_file(&kept).unwrap().name, "week 3");
    assert!(matches!(
        store.delete("week 3"),
        Err(Error::NoSuchComparison { .. })
    ));
    // Saved, saved over (which keeps a backup) and deleted again: the first deletion stays.
    save();
    save();
    let again = store.delete("week 3").unwrap();
    assert_ne!(again, kept);
    assert!(kept.exists() && again.exists());
    // A file that is no comparison is refused and left as it was.
    let foreign = store.path_of("notes").unwrap();
    std::fs::write(&foreign, "my own notes").unwrap();
    assert!(store.delete("notes").is_err());
    assert_eq!(std::fs::read_to_string(&foreign).unwrap(), "my own notes");
}

/// What an export must never write over: the comparison's file, its backup (whether there
/// is one yet or not), a source, by any path that resolves to them.
#[test]
fn an_export_is_kept_off_the_comparison_its_backup_and_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.parallax.json");
    std::fs::write(&file, "{}").unwrap();
    let source = dir.path().join("a.txt");
    std::fs::write(&source, "text").unwrap();
    let sources = [Path::new("elsewhere.txt"), source.as_path()];
    let by = |p: &Path| protected(p, Some(&file), &sources);
    assert!(by(&file).is_some_and(|w| w.contains("comparison itself")));
    let backup = backup_path(&file);
    assert!(!backup.exists());
    assert!(by(&backup).is_some_and(|w| w.contains("its backup")));
    let roundabout = dir.path().join("sub/../a.txt");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    assert_eq!(
        by(&roundabout).as_deref(),
        Some("is source B of the comparison")
    );
    assert_eq!(by(&dir.path().join("report.md")), None);
}

/// A name no comparison has is answered with the saved names near it: a word of the name
/// ("quake" for "quake homework"), whatever the case; none when nothing is near.
#[test]
fn a_missing_name_is_answered_with_the_saved_names_near_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    for name in ["Quake homework", "quake notes", "bridge", "a"] {
        store.save(name, &cmp(), &Notes::default(), 1).unwrap();
    }
    // A file whose name is no usable name is not offered.
    std::fs::write(store.dir().join(format!(" quake{EXTENSION}")), "{}").unwrap();
    let err = store.resolve("quake").unwrap_err().to_string();
    assert!(
        err.ends_with("; saved: “Quake homework”, “quake notes”"),
        "{err}"
    );
    let err = store.delete("bridges").unwrap_err().to_string();
    assert!(err.ends_with("; saved: “bridge”"), "{err}");
    let err = store.resolve("ferry").unwrap_err().to_string();
    assert!(err.ends_with("comparisons"), "{err}");
}

/// A comparison saved before lone carriage returns were read as line feeds holds its text
/// with them: its file, untouched, reads as unchanged; edited, as changed.
#[test]
fn a_file_with_lone_carriage_returns_saved_before_reads_as_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cr.txt");
    let raw = "Bridge Opens In Kestrel\r\rThe mayor opened the bridge on Monday.\r";
    std::fs::write(&file, raw).unwrap();
    let mut saved = Saved::new("x", cmp(), Notes::default(), 1);
    saved.comparison.sources[0].document.text = raw.to_string();
    saved.sources[0].sha256 = sha256_hex(raw);
    saved.sources[0].absolute = Some(file.display().to_string());
    let check = |saved: &Saved| saved.check_sources(&crate::document::LoadOptions::default());
    assert_eq!(check(&saved)[0], SourceState::Unchanged);
    std::fs::write(&file, raw.replace("Monday", "Tuesday")).unwrap();
    assert_eq!(check(&saved)[0], SourceState::Changed);
}
