//! Re-attachment on a real article after the kinds of edits sources get: a typo fixed, a
//! number corrected, a paragraph inserted at the top, a sentence reworded, one deleted.
//! Every note must land on the passage that now says what its quote said, or be detached
//! when that passage is gone.

use parallax::annotate::{Anchor, Notes};
use parallax::{Comparison, Document, Options, SegmentId, SourceId};

const ARTICLE: &str = include_str!("../../../../assets/samples/cabello-2019-ap-rewrite.txt");
const OTHER: &str = include_str!("../../../../assets/samples/cabello-2019-speed-read.txt");

fn build(a: &str) -> Comparison {
    Comparison::build(
        vec![
            Document::from_text("a.txt", a),
            Document::from_text("b.txt", OTHER),
        ],
        &Options::default(),
    )
    .unwrap()
}

fn segment_starting(cmp: &Comparison, start: &str) -> SegmentId {
    let s = &cmp.sources[0];
    (0..s.segments.len())
        .map(SegmentId)
        .find(|&i| s.segment_text(i).starts_with(start))
        .unwrap_or_else(|| panic!("no passage starts with {start:?}"))
}

#[test]
fn notes_follow_their_passages_through_edits() {
    let before = build(ARTICLE);
    // (start of the passage noted, start of where it must be after the edits; None: gone)
    let cases: [(&str, Option<&str>); 6] = [
        (
            "Diosdado Cabello, who is considered",
            Some("Diosdado Cabello, who is considered"),
        ),
        (
            "It’s not clear whether",
            Some("It is not yet clear whether"),
        ),
        ("States the Accosiated Press.", None),
        ("Cabello, 56, is a member", Some("Cabello, 57, is a member")),
        (
            "A secret meeting between US officials",
            Some("A secret meeting between US officials"),
        ),
        (
            "Secret communications between",
            Some("Secret communications between"),
        ),
    ];
    let mut notes = Notes::default();
    let ids: Vec<_> = cases
        .iter()
        .map(|(from, _)| {
            let segment = segment_starting(&before, from);
            notes
                .add(
                    &before,
                    Anchor::Passage {
                        source: SourceId(0),
                        segment,
                    },
                    from,
                    0,
                )
                .unwrap()
        })
        .collect();

    let edited = format!(
        "Editor's note: this story was updated on Tuesday with a correction.\n\n{}",
        ARTICLE
            .replace("in Caracus with", "in Caracas with")
            .replace("Cabello, 56, is", "Cabello, 57, is")
            .replace("It’s not clear whether", "It is not yet clear whether")
            .replace("States the Accosiated Press.\n", "")
    );
    let after = build(&edited);
    let r = notes.reattach(&after);
    assert_eq!(notes.len(), cases.len(), "no note dropped");
    let mut placed = 0;
    for ((_, to), id) in cases.iter().zip(&ids) {
        let note = notes.get(*id).unwrap();
        match to {
            Some(start) => {
                let want = segment_starting(&after, start);
                assert_eq!(
                    note.anchor,
                    Some(Anchor::Passage {
                        source: SourceId(0),
                        segment: want
                    }),
                    "note {:?}: {r:?}",
                    note.text
                );
                placed += 1;
            }
            None => assert!(
                note.is_detached(),
                "note {:?} should be detached",
                note.text
            ),
        }
    }
    assert_eq!(placed, 5);
    assert_eq!(r.detached.len(), 1);
    assert_eq!(r.kept.len() + r.moved.len(), 5);
}
