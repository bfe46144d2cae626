//! Re-attachment on a real article after the kinds of edits sources get: a typo fixed, a
//! number corrected, a paragraph inserted at the top, a sentence reworded, one deleted.
//! Every note must land on the passage that now says what its quote said, or be detached
//! when that passage is gone.

use parallax::annotate::{Anchor, NoteId, Notes};
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

/// A note on the passage of source A that starts with `start`, its text that start.
fn note_on(notes: &mut Notes, cmp: &Comparison, start: &str) -> NoteId {
    let segment = segment_starting(cmp, start);
    let anchor = Anchor::Passage {
        source: SourceId(0),
        segment,
    };
    notes.add(cmp, anchor, start, 0).unwrap()
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
        .map(|(from, _)| note_on(&mut notes, &before, from))
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

/// Notes on two sentences: one reworded in place, half its words new; one replaced by
/// another sentence. The first note must follow its sentence (its neighbours are unchanged),
/// the second must come off; a note kept without its neighbours (a file saved before they
/// were kept) finds the reworded sentence no more than it did then.
#[test]
fn a_note_follows_its_sentence_reworded_in_place() {
    let before = build(ARTICLE);
    let mut notes = Notes::default();
    let reworded = note_on(&mut notes, &before, "The US official who broke the news");
    let replaced = note_on(
        &mut notes,
        &before,
        "Cabello is no friend of the US government",
    );
    let mut no_neighbours: serde_json::Value = serde_json::to_value(&notes).unwrap();
    for note in no_neighbours["notes"].as_array_mut().unwrap() {
        for quote in note["quotes"].as_array_mut().unwrap() {
            let quote = quote.as_object_mut().unwrap();
            assert!(quote.remove("before").is_some() && quote.remove("after").is_some());
        }
    }
    let mut old_notes: Notes = serde_json::from_value(no_neighbours).unwrap();

    let old_sentence = ARTICLE
        .lines()
        .find(|l| l.starts_with("Cabello is no friend"))
        .unwrap();
    let edited = ARTICLE
        .replace(
            "The US official who broke the news in anonymity said the goal of engaging in such talks is to add pressure to the regime that is occurring in Venezuela now.",
            "Speaking anonymously, the US official said the talks were meant to add pressure on the regime now in power in Venezuela.",
        )
        .replace(
            old_sentence,
            "Venezuela's economy has shrunk by half since 2013, and millions of people have left the country in the past few years.",
        );
    let after = build(&edited);
    let r = notes.reattach(&after);
    assert_eq!(r.moved, vec![reworded], "{r:?}");
    assert_eq!(r.detached, vec![replaced], "{r:?}");
    let placed = notes.get(reworded).unwrap();
    assert_eq!(
        placed.anchor,
        Some(Anchor::Passage {
            source: SourceId(0),
            segment: segment_starting(&after, "Speaking anonymously, the US official"),
        })
    );
    // The quote now holds the sentence as reworded, so the next change is measured from it.
    assert!(placed.quotes[0].text.starts_with("Speaking anonymously"));

    let r = old_notes.reattach(&after);
    assert_eq!(r.detached.len(), 2, "{r:?}");
}

/// A neighbour that stands between many passages ("Advertisement") vouches for no place: a
/// note on a sentence that is gone comes off, rather than moving to another sentence that
/// happens to stand between two of them and read half alike.
#[test]
fn a_separator_is_no_neighbour() {
    let s = "The mayor said the budget would raise taxes on homeowners by five percent next year.";
    let t =
        "The mayor said the plan would cut spending on parks, pools and libraries by next spring.";
    let text = |with_s: bool| {
        let mut parts = vec!["The council met on Monday evening to debate the city budget."];
        if with_s {
            parts.push(s);
        }
        parts.extend([
            t,
            "Residents will vote on the plan in a referendum in March.",
        ]);
        parts.join("\n\nAdvertisement\n\n")
    };
    let before = build(&text(true));
    let mut notes = Notes::default();
    let id = note_on(&mut notes, &before, "The mayor said the budget");
    let r = notes.reattach(&build(&text(false)));
    assert_eq!(r.detached, vec![id], "{r:?}");
}

/// A note on a link whose sentence on one side is deleted stays with the passage left on
/// the other side (it spoke of that one too); it was detached, and said "their passages are
/// gone" of a passage still there.
#[test]
fn a_link_note_stays_with_the_side_left_when_the_other_goes() {
    let before = build(ARTICLE);
    let pair = &before.pairs[0];
    // A link of one passage a side, whose sentence of A appears once in the article.
    let link = (pair.alignment.links.iter())
        .find(|l| {
            l.a.len() == 1 && l.b.len() == 1 && {
                let t = before.sources[0].segment_text(l.a[0]);
                t.len() > 40 && ARTICLE.matches(t).count() == 1
            }
        })
        .expect("a one-to-one link");
    let (a_text, b_seg) = (
        before.sources[0].segment_text(link.a[0]).to_string(),
        link.b[0],
    );
    let id = (0..pair.alignment.links.len())
        .map(parallax::LinkId)
        .find(|&k| pair.alignment.links[k.0].a == link.a)
        .unwrap();
    let anchor = Anchor::link(&before, SourceId(0), SourceId(1), id).unwrap();
    let mut notes = Notes::default();
    let note = notes.add(&before, anchor, "check both", 0).unwrap();
    let after = build(&ARTICLE.replace(&a_text, ""));
    let r = notes.reattach(&after);
    assert!(r.detached.is_empty(), "{r:?}");
    assert_eq!(
        notes.get(note).unwrap().anchor,
        Some(Anchor::Passage {
            source: SourceId(1),
            segment: b_seg
        })
    );
}
