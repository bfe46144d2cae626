//! `parallax align --corrections FILE`: the corrections a reader saved, applied to a fresh
//! alignment of the same texts.

use parallax::annotate::Notes;
use parallax::store::Saved;
use parallax::{Comparison, Document, Options, SegmentId, SourceId};

const A: &str = "The storm reached the coast on Monday night.\n\n\
The mayor thanked the volunteers who filled sandbags.";
const B: &str = "The storm made landfall late on Monday.\n\n\
Rescue teams are still searching the river banks.";

/// `A` and `B` written to files `a` and `b`, and a saved comparison of them (its sources
/// named `names`) holding one correction: A's second passage linked by hand to B's second.
fn saved_with_hand_link(a: &std::path::Path, b: &std::path::Path, names: [&str; 2]) -> Saved {
    std::fs::write(a, A).unwrap();
    std::fs::write(b, B).unwrap();
    let docs = vec![
        Document::from_text(names[0], A),
        Document::from_text(names[1], B),
    ];
    let machine = Comparison::build(docs, &Options::default()).unwrap();
    let mut notes = Notes::default();
    notes
        .link_by_hand(
            &machine,
            (SourceId(0), SegmentId(1)),
            (SourceId(1), SegmentId(1)),
            1,
        )
        .unwrap();
    Saved::new("fixes", machine, notes, 2)
}

/// `parallax align A B --corrections FILE --format FORMAT`, run.
fn align_corrected(
    a: &std::path::Path,
    b: &std::path::Path,
    file: &std::path::Path,
    format: &str,
) -> std::process::Output {
    crate::support::parallax(&[])
        .arg("align")
        .args([a, b])
        .arg("--corrections")
        .arg(file)
        .args(["--format", format])
        .output()
        .unwrap()
}

#[test]
fn align_applies_the_corrections_of_a_saved_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let saved = saved_with_hand_link(&a, &b, ["a.txt", "b.txt"]);
    let file = dir.path().join("fixes.parallax.json");
    std::fs::write(&file, saved.to_json()).unwrap();

    let out = align_corrected(&a, &b, &file, "json");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hand = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["a"] == serde_json::json!([1]))
        .expect("the hand link is in the report");
    assert_eq!(hand["b"], serde_json::json!([1]));
    assert_eq!(hand["score"], serde_json::json!(1.0));
    assert_eq!(v["corrections"][0]["fix"], "linked");

    // A broken file is refused, naming it, before anything is aligned.
    std::fs::write(&file, "{").unwrap();
    let out = crate::support::parallax(&[])
        .arg("align")
        .args([&a, &b])
        .arg("--corrections")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("fixes.parallax.json") && err.lines().count() == 1,
        "{err}"
    );
}

/// `align --corrections FILE --format html` lists the corrections, and only them: the
/// notes saved with them stay out of a report made without notes, as in every other format.
#[test]
fn an_html_page_with_corrections_leaves_the_notes_out() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let mut saved = saved_with_hand_link(&a, &b, ["a.txt", "b.txt"]);
    let on = parallax::annotate::Anchor::Passage {
        source: SourceId(0),
        segment: SegmentId(0),
    };
    (saved.notes)
        .add(&saved.comparison, on, "Ask the mayor's office", 3)
        .unwrap();
    let file = dir.path().join("fixes.parallax.json");
    std::fs::write(&file, saved.to_json()).unwrap();
    let out = align_corrected(&a, &b, &file, "html");
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("Corrections by hand"), "{page}");
    assert!(!page.contains("Ask the mayor"), "{page}");
}

/// `open --refresh` on a source edited since saving: the link made by hand follows its
/// passages to their new place (by the text it quotes), stays certain and is listed.
#[test]
fn open_refresh_places_the_corrections_on_the_edited_sources() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let names = [a.to_str().unwrap(), b.to_str().unwrap()];
    let saved = saved_with_hand_link(&a, &b, names);
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("comparisons")).unwrap();
    let file = data.join("comparisons/fixes.parallax.json");
    std::fs::write(&file, saved.to_json()).unwrap();
    // A paragraph comes in before the passage linked by hand: it is now A's third.
    std::fs::write(
        &a,
        format!("Schools stayed closed across the county.\n\n{A}"),
    )
    .unwrap();

    let out = crate::support::parallax(&[])
        .args(["open", "fixes", "--refresh", "--yes", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("changed since saving; read again"), "{err}");
    assert!(
        shown.contains("Schools stayed closed"),
        "the new text is read: {shown}"
    );
    assert!(shown.contains("A 3 ↔ B 2"), "{shown}");
    assert!(shown.contains("linked by hand"), "{shown}");

    // `list` counts the correction beside the notes.
    let out = crate::support::parallax(&[])
        .args(["list", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(
        list.lines()
            .next()
            .is_some_and(|h| h.contains("CORRECTIONS")),
        "{list}"
    );
    let row = list
        .lines()
        .find(|l| l.starts_with("fixes"))
        .expect("fixes is listed");
    let counts: Vec<&str> = row.split_whitespace().skip(2).take(2).collect();
    assert_eq!(counts, ["0", "1"], "no note, one correction: {row}");
}
