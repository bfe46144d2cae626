use super::*;
use crate::Document;

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
                source: 0,
                segment: 0,
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
