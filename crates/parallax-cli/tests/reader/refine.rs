//! Refining in the background: the reader shows its first links at once, says "refining
//! links…" while the sentence encoder reads the sources, then takes the new links in where
//! the user stands; corrections stay; a late answer for other sources is dropped.

use parallax::{Comparison, Document, Options, SourceId};
use parallax_cli::tui::action::Action;
use parallax_cli::tui::model::Model;
use parallax_cli::tui::update::update;

use parallax::annotate::Anchor;
use parallax_cli::tui::dialog::Dialog;

use crate::support::{demo, demo_model, draw, press, refined_demo, screen, type_keys};

/// The links of the pair shown, by their passages.
fn shown_links(m: &Model) -> Vec<(Vec<usize>, Vec<usize>)> {
    let r = m.ready().unwrap();
    let p = r.cmp.pair(r.pair.src[0], r.pair.src[1]).unwrap();
    p.alignment
        .links
        .iter()
        .map(|l| {
            let ids = |s: &[parallax::SegmentId]| s.iter().map(|x| x.0).collect();
            (ids(&l.a), ids(&l.b))
        })
        .collect()
}

#[test]
fn refined_links_come_in_where_the_reader_stands() {
    let mut m = demo_model(120, 40);
    let before = shown_links(&m);
    // Somewhere in the middle of both panes, the right one active.
    press(&mut m, "j j j j j tab j j j");
    let (focus, active, pair) = (
        [m.panes[0].focus, m.panes[1].focus],
        m.active,
        m.ready().unwrap().pair.src,
    );
    update(&mut m, Action::Refining);
    assert!(screen(&draw(&m)).contains("refining links…"));
    update(&mut m, Action::Refined(Ok(Box::new(refined_demo()))));
    assert!(!m.refining);
    let shown = screen(&draw(&m));
    assert!(!shown.contains("refining links…"), "{shown}");
    assert!(
        shown.contains("links refined with the sentence encoder"),
        "{shown}"
    );
    assert_eq!([m.panes[0].focus, m.panes[1].focus], focus);
    assert_eq!(m.active, active);
    assert_eq!(m.ready().unwrap().pair.src, pair);
    let after = shown_links(&m);
    assert_ne!(
        before, after,
        "the encoder's links differ from the first ones"
    );
    let refined = refined_demo();
    let p = refined.pair(pair[0], pair[1]).unwrap();
    assert_eq!(
        after.len(),
        p.alignment.links.len(),
        "the refined links are shown"
    );
}

#[test]
fn a_link_marked_wrong_stays_a_correction_through_refining() {
    let mut m = demo_model(120, 40);
    press(&mut m, "n x");
    assert_eq!(m.notes.notes.corrections().len(), 1);
    update(&mut m, Action::Refining);
    update(&mut m, Action::Refined(Ok(Box::new(refined_demo()))));
    assert_eq!(
        m.notes.notes.corrections().len(),
        1,
        "the correction is kept"
    );
    assert!(m.notes.dirty, "still unsaved");
}

#[test]
fn links_refined_for_other_sources_are_dropped() {
    let mut m = demo_model(120, 40);
    let before = shown_links(&m);
    update(&mut m, Action::Refining);
    // An answer for the comparison before a source was added: two sources, not four.
    let docs: Vec<Document> = parallax::demo::documents().into_iter().take(2).collect();
    let other = Comparison::build(docs, &Options::default()).unwrap();
    update(&mut m, Action::Refined(Ok(Box::new(other))));
    assert!(
        m.refining,
        "this comparison's own refining is still to come"
    );
    assert_eq!(shown_links(&m), before);
    assert_eq!(m.ready().unwrap().cmp.sources.len(), demo().sources.len());
}

#[test]
fn a_failed_refining_keeps_the_links_and_says_so() {
    let mut m = demo_model(120, 40);
    let before = shown_links(&m);
    update(&mut m, Action::Refining);
    update(&mut m, Action::Refined(Err("out of memory".into())));
    assert!(!m.refining);
    assert_eq!(shown_links(&m), before);
    let shown = screen(&draw(&m));
    assert!(
        shown.contains("links not refined with the sentence encoder: out of memory"),
        "{shown}"
    );
    assert_eq!(m.ready().unwrap().pair.src, [SourceId(0), SourceId(1)]);
}

/// The real binary on the demo, with a configuration that leaves the encoder on: the first
/// frame comes before the encoder has read anything, and the links are refined while the
/// reader runs.
#[test]
fn the_reader_refines_the_demo_in_the_background() {
    let config = tempfile::NamedTempFile::new().unwrap();
    let s = crate::pty::start_in(
        std::path::Path::new(crate::pty::ROOT),
        &[],
        &[("PARALLAX_CONFIG", config.path())],
    );
    // The encoder takes seconds on the demo: the first links are on screen meanwhile.
    s.term.wait_for(&["refining links…"]);
    s.term
        .wait_for(&["links refined with the sentence encoder"]);
    let mut s = s;
    s.term.keys(b"q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn the_first_links_are_those_align_fast_reports_none_below_the_bar() {
    // The reader's first alignment is what `--fast` keeps for good: the same links as
    // `parallax align --fast`, each a believed one (at or above the shown bar).
    let first = demo();
    let fast = Comparison::build(
        first.sources.iter().map(|s| s.document.clone()).collect(),
        &Options {
            fast: true,
            ..Options::default()
        },
    )
    .unwrap();
    let bar = first.options.params.link_model.min_score;
    for (p, q) in first.pairs.iter().zip(&fast.pairs) {
        assert_eq!(p.alignment.links, q.alignment.links);
        for l in &p.alignment.links {
            assert!(l.score >= bar, "a link at {} below the bar {bar}", l.score);
        }
    }
}

#[test]
fn a_link_note_written_while_refining_is_kept_on_the_refined_link() {
    let mut m = demo_model(120, 40);
    // On the first link, the reader still refining: the user starts a note on it.
    press(&mut m, "n");
    update(&mut m, Action::Refining);
    press(&mut m, "a");
    type_keys(&mut m, "checked against the wire");
    // The encoder's links arrive while the editor is open; the link the note was begun on
    // is gone, replaced by refined ones.
    update(&mut m, Action::Refined(Ok(Box::new(refined_demo()))));
    assert!(
        matches!(m.dialog, Some(Dialog::Editor(_))),
        "the editor stays open"
    );
    press(&mut m, "ctrl-s");
    let shown = screen(&draw(&m));
    assert!(!shown.contains("no such link"), "{shown}");
    let notes = m.notes.notes.ordered();
    assert_eq!(notes.len(), 1, "the note is written: {shown}");
    assert_eq!(notes[0].text, "checked against the wire");
    // It is on a link that exists now: the notes panel shows it and going to it works.
    let r = m.ready().unwrap();
    let Some(Anchor::Link { .. }) = notes[0].anchor else {
        panic!("on a link: {:?}", notes[0].anchor)
    };
    let (a, b) = (r.pair.src[0], r.pair.src[1]);
    let on_link = r
        .pair
        .links
        .iter()
        .any(|l| Anchor::link(&r.cmp, a, b, l.stored).as_ref() == notes[0].anchor.as_ref());
    assert!(on_link, "the note's link is one of the refined links");
    press(&mut m, "L");
    assert!(screen(&draw(&m)).contains("checked against the wire"));
}

/// Long sources are read by the encoder only where their words leave a link in doubt; when
/// that is nowhere, the reader must not claim the encoder refined anything.
#[test]
fn refining_long_sources_the_encoder_did_not_read_says_so() {
    let text: String = (0..450)
        .map(|i| format!("Report number {i} says the river rose by {i} centimetres overnight.\n\n"))
        .collect();
    let doc = |name: &str| parallax::Document::from_text(name, &text);
    let docs = vec![doc("before.txt"), doc("after.txt")];
    let fast = Comparison::build(
        docs.clone(),
        &parallax_cli::tui::reader_options(Options::default()),
    )
    .unwrap();
    let full = Comparison::build(docs, &Options::default()).unwrap();
    assert_eq!(
        full.encoded(SourceId(0)).0,
        0,
        "nothing in doubt, nothing read"
    );
    let mut m = crate::support::model_with(fast, Default::default(), 120, 40);
    update(&mut m, Action::Refining);
    update(&mut m, Action::Refined(Ok(Box::new(full))));
    let shown = screen(&draw(&m));
    assert!(
        !shown.contains("links refined with the sentence encoder"),
        "{shown}"
    );
    assert!(shown.contains("links on words alone"), "{shown}");

    // One sentence reworded: the encoder reads that one, and the reader says it read part.
    let mut lines: Vec<String> = (0..450)
        .map(|i| format!("Report number {i} says the river rose by {i} centimetres overnight."))
        .collect();
    lines[100] = "The talks collapsed and the two sides reached no deal.".into();
    let before = parallax::Document::from_text("before.txt", lines.join("\n\n"));
    lines[100] = "Negotiations between the two sides broke down without any agreement.".into();
    let after = parallax::Document::from_text("after.txt", lines.join("\n\n"));
    let docs = vec![before, after];
    let fast = Comparison::build(
        docs.clone(),
        &parallax_cli::tui::reader_options(Options::default()),
    )
    .unwrap();
    let full = Comparison::build(docs, &Options::default()).unwrap();
    let mut m = crate::support::model_with(fast, Default::default(), 120, 40);
    update(&mut m, Action::Refining);
    update(&mut m, Action::Refined(Ok(Box::new(full))));
    let shown = screen(&draw(&m));
    assert!(
        shown.contains("links refined with the sentence encoder; long sources only where"),
        "{shown}"
    );
}
