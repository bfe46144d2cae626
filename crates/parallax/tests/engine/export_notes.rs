//! Notes in the JSON and Markdown exports are additive: without notes the report is what
//! `parallax align` prints; with notes each appears once, beside what it is on.

use parallax::annotate::{Anchor, Notes};
use parallax::export::{json, markdown};
use parallax::{Comparison, Document, LinkId, Options, SegmentId, SourceId};

fn cmp() -> Comparison {
    Comparison::build(
        vec![
            Document::from_text("a.txt", "The mayor, 56, opened the new bridge on Monday morning.\n\nCrowds cheered along the river bank."),
            Document::from_text("b.txt", "On Monday morning the mayor, 62, opened the new bridge.\n\nThe project cost $2 million in all."),
        ],
        &Options::default(),
    )
    .unwrap()
}

#[test]
fn json_notes_are_additive() {
    let c = cmp();
    let plain: serde_json::Value = serde_json::from_str(&json::to_string(&c)).unwrap();
    assert!(
        plain.get("notes").is_none(),
        "align's report has no notes key"
    );
    let mut notes = Notes::default();
    let id = notes
        .add(
            &c,
            Anchor::Passage {
                source: SourceId(1),
                segment: SegmentId(1),
            },
            "cost only in B",
            60,
        )
        .unwrap();
    notes.set_tag(id, "important", true, 61).unwrap();
    let with: serde_json::Value =
        serde_json::from_str(&json::to_string_with_notes(&c, &notes)).unwrap();
    let mut without_notes = with.clone();
    without_notes.as_object_mut().unwrap().remove("notes");
    assert_eq!(
        without_notes, plain,
        "everything else is the contract unchanged"
    );
    let n = &with["notes"][0];
    assert_eq!(
        n["anchor"],
        serde_json::json!({"kind": "passage", "doc": 1, "segment": 1})
    );
    assert_eq!(
        (n["detached"].clone(), n["updated"].clone()),
        (
            serde_json::json!(false),
            serde_json::json!("1970-01-01T00:01:01Z")
        )
    );
    assert_eq!(
        n["quotes"][0]["text"],
        "The project cost $2 million in all."
    );
    let empty: serde_json::Value =
        serde_json::from_str(&json::to_string_with_notes(&c, &Notes::default())).unwrap();
    assert_eq!(empty["notes"], serde_json::json!([]));
}

#[test]
fn markdown_puts_each_note_beside_its_passage_or_link() {
    let c = cmp();
    assert_eq!(
        markdown::render(&c),
        markdown::render_with_notes(&c, &Notes::default())
    );
    let mut notes = Notes::default();
    notes
        .add(
            &c,
            Anchor::link(&c, SourceId(0), SourceId(1), LinkId(0)).unwrap(),
            "age: 56 or 62?",
            0,
        )
        .unwrap();
    notes
        .add(
            &c,
            Anchor::Passage {
                source: SourceId(1),
                segment: SegmentId(1),
            },
            "cost only in B",
            0,
        )
        .unwrap();
    let md = markdown::render_with_notes(&c, &notes);
    assert_eq!(md.matches("**Note**").count(), 2, "{md}");
    let link = md.find("### Link 1").unwrap();
    let age = md.find("> age: 56 or 62?").unwrap();
    let only_b = md.find("### Only in B").unwrap();
    let cost = md.find("> cost only in B").unwrap();
    assert!(link < age && age < only_b && only_b < cost, "{md}");
}

/// F10: every user-controlled string in the Markdown export (a source path, a title, a
/// note) is escaped: once rendered (CommonMark to HTML) none can open a tag or close a code
/// span.
#[test]
fn markdown_escapes_paths_titles_and_notes() {
    let evil = "x`<img src=x onerror=alert(1)>`&lt;script&gt;";
    let docs = vec![
        Document::from_text(
            format!("{evil}.txt"),
            "The mayor opened the bridge on Monday.",
        ),
        Document::from_text("b.txt", "On Monday the mayor opened the bridge."),
    ];
    let cmp = Comparison::build(docs, &Options::default()).unwrap();
    let mut notes = Notes::default();
    let on = Anchor::Passage {
        source: SourceId(0),
        segment: SegmentId(0),
    };
    notes.add(&cmp, on, evil, 1).unwrap();
    let md = markdown::render_with_notes(&cmp, &notes);
    // The path stands in a code span fenced longer than any backquote run inside it.
    assert!(md.contains(&format!("``{evil}.txt``")), "{md}");
    for line in md.lines().filter(|l| !l.contains("**: `")) {
        let bare = line
            .replace("\\<", "")
            .replace("\\`", "")
            .replace("\\&", "");
        assert!(!bare.contains('<'), "raw '<' in: {line}");
        assert!(!bare.contains('`'), "raw '`' in: {line}");
        assert!(!bare.contains('&'), "raw '&' in: {line}");
    }
    assert!(md.contains("onerror"), "the text itself is kept");
}

/// With more than two sources the HTML page shows one pair at a time, so its chooser says
/// which pairs hold notes: a note on a link of C and D is counted on C · D only, a note on
/// a passage of A on every pair with A.
#[test]
fn the_html_chooser_counts_each_pairs_notes() {
    let options = Options {
        fast: true,
        ..Options::default()
    };
    let c = Comparison::build(parallax::demo::documents(), &options).unwrap();
    let (x, y) = (SourceId(2), SourceId(3));
    assert!(!c.pair(x, y).unwrap().alignment.links.is_empty());
    let mut notes = Notes::default();
    notes
        .add(
            &c,
            Anchor::link(&c, x, y, LinkId(0)).unwrap(),
            "on C and D",
            1,
        )
        .unwrap();
    let passage = Anchor::Passage {
        source: SourceId(0),
        segment: SegmentId(0),
    };
    notes.add(&c, passage, "on A", 2).unwrap();
    let page = parallax::export::html::render(&c, &notes, "four");
    let option = |a: usize, b: usize| {
        let at = page.find(&format!("<option value=\"{a}-{b}\">")).unwrap();
        page[at..at + page[at..].find("</option>").unwrap()].to_string()
    };
    assert!(option(2, 3).ends_with(" · 1 note"), "{}", option(2, 3));
    assert!(option(0, 1).ends_with(" · 1 note"), "{}", option(0, 1));
    assert!(!option(1, 2).contains("note"), "no note: {}", option(1, 2));
}

/// A note written as a list keeps its lines as typed once the Markdown is rendered: a line
/// that would open a list item or underline a heading has its marker escaped, so the hard
/// break at the end of the line before it is not shown as a stray backslash.
#[test]
fn markdown_note_lines_that_look_like_lists_stay_lines() {
    let c = cmp();
    let mut notes = Notes::default();
    let on = Anchor::Passage {
        source: SourceId(0),
        segment: SegmentId(0),
    };
    notes
        .add(
            &c,
            on,
            "To check:\n- the age\n12. the date\n---\n3 sources",
            0,
        )
        .unwrap();
    let md = markdown::render_with_notes(&c, &notes);
    for line in [
        "> To check:\\",
        "> \\- the age\\",
        "> 12\\. the date\\",
        "> \\---\\",
        "> 3 sources",
    ] {
        assert!(md.lines().any(|l| l.trim_start() == line), "{line} in {md}");
    }
}

/// With three sources a passage of C is in two pairs: its notes are written whole under the
/// first, and the second says in one line where they are, so each note is read once.
#[test]
fn markdown_writes_a_passages_notes_once_across_pairs() {
    let fast = Options {
        fast: true,
        ..Options::default()
    };
    let cmp = Comparison::build(parallax::demo::documents()[..3].to_vec(), &fast).unwrap();
    let on = Anchor::Passage {
        source: SourceId(2),
        segment: SegmentId(3),
    };
    let mut notes = Notes::default();
    notes
        .add(&cmp, on.clone(), "first thought on C", 0)
        .unwrap();
    notes.add(&cmp, on, "second thought on C", 1).unwrap();
    let md = markdown::render_with_notes(&cmp, &notes);
    assert_eq!(md.matches("first thought on C").count(), 1, "{md}");
    assert_eq!(md.matches("second thought on C").count(), 1, "{md}");
    assert_eq!(
        md.matches("*The notes on this passage are under A and C.*")
            .count(),
        1,
        "{md}"
    );
}
