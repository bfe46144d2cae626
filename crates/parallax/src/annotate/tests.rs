use super::*;
use crate::Document;
use crate::ids::{LinkId, SegmentId, SourceId};

fn build(a: &str, b: &str) -> Comparison {
    let docs = vec![
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", b),
    ];
    Comparison::build(docs, &Default::default()).unwrap()
}

const A: &str = "The mayor, 56, opened the new bridge on Monday morning. Crowds cheered along the river bank.\n\nRain fell later in the evening.";
const B: &str =
    "On Monday morning the mayor, 62, opened the new bridge. The project cost $2 million in all.";

#[test]
fn add_edit_tag_delete() {
    let c = build(A, B);
    let mut n = Notes::default();
    let id = n
        .add(
            &c,
            Anchor::Passage {
                source: SourceId(0),
                segment: SegmentId(1),
            },
            "only A",
            5,
        )
        .unwrap();
    assert_eq!(
        n.get(id).unwrap().quotes[0].text,
        c.sources[0].segment_text(SegmentId(1))
    );
    n.edit(id, "only in A", 6).unwrap();
    n.set_tag(id, "Disputed", true, 7).unwrap();
    assert!(n.toggle_tag(id, "important", 8).unwrap());
    assert!(!n.toggle_tag(id, "important", 9).unwrap());
    assert!(n.set_tag(id, "nonsense", true, 9).is_err());
    let note = n.get(id).unwrap();
    assert_eq!(
        (
            note.text.as_str(),
            note.tags.clone(),
            note.created,
            note.updated
        ),
        ("only in A", vec!["disputed".to_string()], 5, 9)
    );
    assert!(
        n.add(
            &c,
            Anchor::Passage {
                source: SourceId(0),
                segment: SegmentId(99)
            },
            "x",
            1
        )
        .is_err()
    );
    assert!(
        n.add(
            &c,
            Anchor::Passage {
                source: SourceId(7),
                segment: SegmentId(0)
            },
            "x",
            1
        )
        .is_err()
    );
    assert_eq!(n.delete(id).unwrap().id, id);
    assert!(n.is_empty() && n.delete(id).is_none());
}

#[test]
fn link_notes_and_order() {
    let c = build(A, B);
    let mut n = Notes::new(vec!["x".into()]);
    let link =
        Anchor::link(&c, SourceId(0), SourceId(1), LinkId(0)).expect("the bridge sentences link");
    let l = n.add(&c, link.clone(), "age differs", 3).unwrap();
    let p2 = n
        .add(
            &c,
            Anchor::Passage {
                source: SourceId(0),
                segment: SegmentId(2),
            },
            "later",
            1,
        )
        .unwrap();
    let p0 = n
        .add(
            &c,
            Anchor::Passage {
                source: SourceId(0),
                segment: SegmentId(0),
            },
            "first",
            2,
        )
        .unwrap();
    let order: Vec<NoteId> = n.ordered().iter().map(|x| x.id).collect();
    assert_eq!(order, vec![p0, l, p2]);
    assert_eq!(n.get(l).unwrap().quotes.len(), 2);
    let (_, found) = link.find_link(&c).unwrap();
    assert_eq!(n.on_link(SourceId(0), SourceId(1), found).len(), 1);
    assert_eq!(n.touching(SourceId(0), SegmentId(0)).len(), 2);
}

#[test]
fn reattach_moves_keeps_and_detaches() {
    let c = build(A, B);
    let mut n = Notes::default();
    let cheer = n
        .add(
            &c,
            Anchor::Passage {
                source: SourceId(0),
                segment: SegmentId(1),
            },
            "cheer",
            1,
        )
        .unwrap();
    let rain = n
        .add(
            &c,
            Anchor::Passage {
                source: SourceId(0),
                segment: SegmentId(2),
            },
            "rain",
            1,
        )
        .unwrap();
    let link = n
        .add(
            &c,
            Anchor::link(&c, SourceId(0), SourceId(1), LinkId(0)).unwrap(),
            "age",
            1,
        )
        .unwrap();
    // A new first sentence shifts every passage; the crowd sentence is reworded a little;
    // the rain sentence is gone.
    let a2 = "Officials gathered early at the site.\n\nThe mayor, 56, opened the new bridge on Monday morning. Crowds cheered loudly along the river bank.";
    let c2 = build(a2, B);
    let r = n.reattach(&c2);
    assert_eq!(r.detached, vec![rain]);
    assert!(r.moved.contains(&cheer) && r.moved.contains(&link), "{r:?}");
    assert_eq!(
        n.get(cheer).unwrap().anchor,
        Some(Anchor::Passage {
            source: SourceId(0),
            segment: SegmentId(2)
        })
    );
    assert!(
        n.get(link)
            .unwrap()
            .anchor
            .as_ref()
            .unwrap()
            .find_link(&c2)
            .is_some()
    );
    let kept = n.get(rain).unwrap();
    assert!(kept.is_detached() && kept.quotes[0].text.contains("Rain fell"));
    assert_eq!(n.ordered().last().unwrap().id, rain);
    // The same comparison again: nothing moves.
    let again = n.reattach(&c2);
    assert_eq!(again.kept.len(), 2);
    assert_eq!(again.detached, vec![rain]);
}

#[test]
fn tags_leave_the_set_and_ids_stay_unique() {
    let c = build(A, B);
    let mut n = Notes::new(vec!["old".into(), "new".into()]);
    let id = n
        .add(
            &c,
            Anchor::Passage {
                source: SourceId(0),
                segment: SegmentId(0),
            },
            "x",
            1,
        )
        .unwrap();
    n.set_tag(id, "old", true, 2).unwrap();
    n.tag_set = vec!["new".into()];
    // A tag no longer configured can be cleared but not set again.
    assert!(!n.toggle_tag(id, "OLD", 3).unwrap());
    assert!(n.set_tag(id, "old", true, 4).is_err());
    // A counter lowered by hand never makes two notes share an id.
    let mut json = serde_json::to_value(&n).unwrap();
    json["next_id"] = serde_json::json!(1);
    let mut n: Notes = serde_json::from_value(json).unwrap();
    let id2 = n
        .add(
            &c,
            Anchor::Passage {
                source: SourceId(0),
                segment: SegmentId(1),
            },
            "y",
            5,
        )
        .unwrap();
    assert_ne!(id, id2);
    n.check(&c).unwrap();
}

/// A note on a link the comparison does not have is named once, not "note: note 1: note:".
#[test]
fn a_note_on_a_missing_link_is_named_once() {
    let c = build(A, B);
    let mut n = Notes::default();
    let on = Anchor::link(&c, SourceId(0), SourceId(1), LinkId(0)).unwrap();
    n.add(&c, on, "age differs", 1).unwrap();
    let other = build("Snow closed the pass.", "The museum reopened.");
    let e = n.check(&other).unwrap_err().to_string();
    assert_eq!(e.matches("note").count(), 2, "{e}");
    assert!(e.contains("no such link"), "{e}");
}
