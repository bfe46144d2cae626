//! Corrections by hand: a link marked wrong is hidden and can be restored, passages linked by
//! hand are linked with certainty, and both survive saving, reopening and changed sources.

use parallax::annotate::{Anchor, Fix, Notes};
use parallax::export::{self, Format};
use parallax::store::{self, Saved};
use parallax::{Comparison, Document, Options, SegmentId, SourceId};

const A: &str = "The storm reached the coast on Monday night.\n\n\
Officials said 12 people were killed in the flooding.\n\n\
Schools in the region will stay closed until Friday.\n\n\
The mayor thanked the volunteers who filled sandbags.";
const B: &str = "Schools across the region are to remain shut until Friday.\n\n\
The storm made landfall late on Monday.\n\n\
Rescue teams are still searching the river banks.\n\n\
Authorities said 12 people died in the floods.";

fn build(a: &str, b: &str) -> Comparison {
    let options = Options {
        fast: true,
        ..Options::default()
    };
    let docs = vec![
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", b),
    ];
    Comparison::build(docs, &options).unwrap()
}

fn starting(cmp: &Comparison, side: usize, start: &str) -> SegmentId {
    let s = &cmp.sources[side];
    (0..s.segments.len())
        .map(SegmentId)
        .find(|&i| s.segment_text(i).starts_with(start))
        .unwrap_or_else(|| panic!("no passage starts with {start:?}"))
}

/// The link of the first pair holding passage `a` of A, as (A's passages, B's passages).
fn link_of(cmp: &Comparison, a: SegmentId) -> Option<(Vec<SegmentId>, Vec<SegmentId>, f32)> {
    cmp.pairs[0]
        .alignment
        .links
        .iter()
        .find(|l| l.a.contains(&a))
        .map(|l| (l.a.clone(), l.b.clone(), l.score))
}

#[test]
fn a_link_marked_wrong_is_hidden_and_comes_back_when_restored() {
    let machine = build(A, B);
    let schools = starting(&machine, 0, "Schools");
    let (xa, xb, _) = link_of(&machine, schools).expect("the aligner links the schools");
    let mut notes = Notes::default();
    let anchor = Anchor::Link {
        a: SourceId(0),
        b: SourceId(1),
        a_segments: xa.clone(),
        b_segments: xb.clone(),
    };
    notes.mark_wrong(&machine, anchor, 10).unwrap();
    let shown = notes.corrected(&machine);
    assert_eq!(link_of(&shown, schools), None);
    assert!(shown.pairs[0].alignment.only_a.contains(&schools));
    assert!(shown.pairs[0].alignment.only_b.contains(&xb[0]));
    assert_eq!(
        shown.pairs[0].alignment.links.len() + 1,
        machine.pairs[0].alignment.links.len()
    );
    let k = notes
        .correction_at((SourceId(0), SourceId(1)), SourceId(0), schools)
        .unwrap();
    assert_eq!(notes.uncorrect(k).unwrap().fix, Fix::Wrong);
    assert_eq!(notes.corrected(&machine), machine);
}

#[test]
fn passages_linked_by_hand_are_certain_and_leave_the_aligners_links() {
    let machine = build(A, B);
    let mayor = starting(&machine, 0, "The mayor");
    let rescue = starting(&machine, 1, "Rescue");
    let schools = starting(&machine, 0, "Schools");
    let shut = starting(&machine, 1, "Schools");
    assert_eq!(link_of(&machine, mayor), None, "nothing links the mayor");
    let mut notes = Notes::default();
    notes
        .link_by_hand(&machine, (SourceId(1), rescue), (SourceId(0), mayor), 10)
        .unwrap();
    let shown = notes.corrected(&machine);
    let (xa, xb, score) = link_of(&shown, mayor).expect("linked by hand");
    assert_eq!((xa, xb, score), (vec![mayor], vec![rescue], 1.0));
    let hand = shown.pairs[0]
        .alignment
        .links
        .iter()
        .find(|l| l.a == [mayor])
        .unwrap();
    assert_eq!(hand.why[0].words("A", "B"), "linked by hand");
    // Linking the schools to the search too takes them out of their own link.
    assert_eq!(link_of(&machine, schools).map(|l| l.1), Some(vec![shut]));
    notes
        .link_by_hand(&machine, (SourceId(0), schools), (SourceId(1), rescue), 11)
        .unwrap();
    let shown = notes.corrected(&machine);
    let (xa, xb, _) = link_of(&shown, schools).unwrap();
    assert_eq!(xa, vec![schools, mayor], "the hand link grew");
    assert_eq!(xb, vec![rescue]);
    assert!(shown.pairs[0].alignment.only_b.contains(&shut));
    assert_eq!(notes.corrections().len(), 1);
}

#[test]
fn corrections_survive_saving_and_reopening() {
    let machine = build(A, B);
    let schools = starting(&machine, 0, "Schools");
    let mayor = starting(&machine, 0, "The mayor");
    let rescue = starting(&machine, 1, "Rescue");
    let mut notes = Notes::default();
    let anchor = parallax::annotate::Anchor::link(
        &machine,
        SourceId(0),
        SourceId(1),
        parallax::LinkId(
            machine.pairs[0]
                .alignment
                .links
                .iter()
                .position(|l| l.a.contains(&schools))
                .unwrap(),
        ),
    )
    .unwrap();
    notes.mark_wrong(&machine, anchor, 10).unwrap();
    notes
        .link_by_hand(&machine, (SourceId(0), mayor), (SourceId(1), rescue), 11)
        .unwrap();
    let saved = Saved::new("storm", machine.clone(), notes.clone(), 12);
    let json = saved.to_json();
    let back =
        Saved::from_slice(std::path::Path::new("storm.parallax.json"), json.as_bytes()).unwrap();
    assert_eq!(back.version, store::VERSION);
    assert_eq!(back.notes, notes);
    assert_eq!(back.corrected(), notes.corrected(&machine));
    // The reports say so.
    let report = export::report_corrected(&back.corrected(), &back.notes, Format::Json);
    let v: serde_json::Value = serde_json::from_str(&report).unwrap();
    let fixes: Vec<&str> = v["corrections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["fix"].as_str().unwrap())
        .collect();
    assert_eq!(fixes, ["wrong", "linked"]);
    let text = export::report_corrected(&back.corrected(), &back.notes, Format::Text);
    assert!(text.contains("A 3 ↔ B 1 marked wrong"), "{text}");
    assert!(text.contains("A 4 ↔ B 3 linked by hand"), "{text}");
    let md = export::with_notes(
        &back.corrected(),
        &back.notes,
        "storm",
        export::ExportFormat::Markdown,
    );
    assert!(md.contains("## Corrections by hand"), "{md}");
    let html = export::with_notes(
        &back.corrected(),
        &back.notes,
        "storm",
        export::ExportFormat::Html,
    );
    assert!(html.contains("A 4 ↔ B 3 linked by hand"));
}

#[test]
fn a_version_2_file_reads_and_a_correction_pointing_nowhere_is_refused() {
    let machine = build(A, B);
    let saved = Saved::new("storm", machine.clone(), Notes::default(), 12);
    let v2 = saved.to_json().replace("\"version\": 3", "\"version\": 2");
    let path = std::path::Path::new("storm.parallax.json");
    assert!(Saved::from_slice(path, v2.as_bytes()).is_ok());
    let mut notes = Notes::default();
    notes
        .link_by_hand(
            &machine,
            (SourceId(0), SegmentId(3)),
            (SourceId(1), SegmentId(2)),
            11,
        )
        .unwrap();
    let json = Saved::new("storm", machine, notes, 12).to_json().replacen(
        "\"a_segments\": [\n",
        "\"a_segments\": [\n 99,",
        1,
    );
    let err = Saved::from_slice(path, json.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(err.contains("correction 1"), "{err}");
}

#[test]
fn corrections_follow_their_passages_when_the_sources_change() {
    let machine = build(A, B);
    let mayor = starting(&machine, 0, "The mayor");
    let rescue = starting(&machine, 1, "Rescue");
    let mut notes = Notes::default();
    notes
        .link_by_hand(&machine, (SourceId(0), mayor), (SourceId(1), rescue), 11)
        .unwrap();
    // A paragraph added at the top of each source moves every passage down by one.
    let changed = build(
        &format!("A new first paragraph about the weather.\n\n{A}"),
        &format!("Breaking news from the coast this morning.\n\n{B}"),
    );
    let placed = notes.reattach(&changed);
    assert_eq!(placed.corrections_detached, 0);
    let shown = notes.corrected(&changed);
    let mayor2 = starting(&changed, 0, "The mayor");
    let rescue2 = starting(&changed, 1, "Rescue");
    assert_eq!(
        link_of(&shown, mayor2),
        Some((vec![mayor2], vec![rescue2], 1.0))
    );
    // A source without the passage: kept, detached, not applied.
    let gone = build(
        A,
        "Schools across the region are to remain shut until Friday.",
    );
    let placed = notes.reattach(&gone);
    assert_eq!(placed.corrections_detached, 1);
    assert_eq!(notes.corrections().len(), 1);
    assert_eq!(notes.corrected(&gone), gone);
}

#[test]
fn why_not_lists_the_best_partners_with_their_reasons() {
    let cmp = build(A, B);
    let killed = starting(&cmp, 0, "Officials");
    let died = starting(&cmp, 1, "Authorities");
    let partners = cmp.partners((SourceId(0), killed), SourceId(1), 3);
    assert_eq!(partners.len(), 3);
    assert_eq!(partners[0].segment, died, "{partners:?}");
    assert!(partners.windows(2).all(|w| w[0].score >= w[1].score));
    let why: Vec<String> = partners[0].why.iter().map(|r| r.words("A", "B")).collect();
    assert!(why.iter().any(|w| w.contains("12")), "{why:?}");
    // From B's side too, and a linked passage's first partner is its link's.
    let schools = starting(&cmp, 1, "Schools");
    let back = cmp.partners((SourceId(1), schools), SourceId(0), 2);
    assert_eq!(back[0].segment, starting(&cmp, 0, "Schools"));
    assert!(
        cmp.partners((SourceId(0), SegmentId(99)), SourceId(1), 3)
            .is_empty()
    );
}
