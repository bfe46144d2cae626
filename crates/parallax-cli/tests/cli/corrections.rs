//! `parallax align --corrections FILE`: the corrections a reader saved, applied to a fresh
//! alignment of the same texts.

use std::process::Command;

use parallax::annotate::Notes;
use parallax::store::Saved;
use parallax::{Comparison, Document, Options, SegmentId, SourceId};

const A: &str = "The storm reached the coast on Monday night.\n\n\
The mayor thanked the volunteers who filled sandbags.";
const B: &str = "The storm made landfall late on Monday.\n\n\
Rescue teams are still searching the river banks.";

#[test]
fn align_applies_the_corrections_of_a_saved_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, A).unwrap();
    std::fs::write(&b, B).unwrap();
    let docs = vec![
        Document::from_text("a.txt", A),
        Document::from_text("b.txt", B),
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
    let file = dir.path().join("fixes.parallax.json");
    std::fs::write(&file, Saved::new("fixes", machine, notes, 2).to_json()).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("align")
        .args([&a, &b])
        .arg("--corrections")
        .arg(&file)
        .args(["--format", "json"])
        .output()
        .unwrap();
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
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
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
