//! Whatever a reader types survives a save and a load byte for byte, and no note text can
//! add markup to the HTML export or control characters to the Markdown one.

use crate::support;

use std::sync::OnceLock;

use parallax::annotate::{Anchor, DEFAULT_TAGS, Notes};
use parallax::export::{html, json, markdown};
use parallax::store::Saved;
use parallax::{Comparison, LinkId, SegmentId, SourceId};
use proptest::prelude::*;

use crate::support::{BODY_TAGS, tag_names};

/// Built once: every case saves and renders the same comparison.
fn cmp() -> &'static Comparison {
    static CMP: OnceLock<Comparison> = OnceLock::new();
    CMP.get_or_init(support::bridge)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_note_survives_and_stays_text(
        texts in prop::collection::vec(any::<String>(), 1..4),
        tags in prop::collection::vec(0..DEFAULT_TAGS.len(), 0..3),
        segment in 0usize..2,
    ) {
        let c = cmp();
        let mut notes = Notes::default();
        for (i, t) in texts.iter().enumerate() {
            let anchor = if i % 2 == 0 {
                Anchor::Passage { source: SourceId(i % 2), segment: SegmentId(segment.min(c.sources[i % 2].segments.len() - 1)) }
            } else {
                match Anchor::link(c, SourceId(0), SourceId(1), LinkId(0)) {
                    Some(a) => a,
                    None => Anchor::Passage { source: SourceId(1), segment: SegmentId(0) },
                }
            };
            let id = notes.add(c, anchor, t, i as u64).unwrap();
            for &k in &tags {
                notes.set_tag(id, DEFAULT_TAGS[k], true, 9).unwrap();
            }
        }
        let (_dir, store) = support::temp_store();
        store.save("p", c, &notes, 1).unwrap();
        let back = store.load("p").unwrap();
        prop_assert_eq!(&back.notes, &notes);
        prop_assert_eq!(back, Saved::new("p", c.clone(), notes.clone(), 1));

        let page = html::render(c, &notes, "p");
        let body = &page[page.find("<body>").unwrap()..page.find("<script>").unwrap()];
        for t in &texts {
            for line in t.lines() {
                let escaped = html::esc(line);
                prop_assert!(body.contains(&escaped), "note line missing: {:?}", escaped);
            }
        }
        // Every tag is the exporter's: a note's `<` always arrives as `&lt;`.
        for name in tag_names(body) {
            prop_assert!(BODY_TAGS.contains(&name.as_str()), "tag <{}", name);
        }
        prop_assert!(!body.chars().any(|ch| ch.is_control() && ch != '\n'));
        let md = markdown::render_with_notes(c, &notes);
        prop_assert!(!md.chars().any(|ch| ch.is_control() && ch != '\n' && ch != '\t'));
        let report: serde_json::Value = serde_json::from_str(&json::to_string_with_notes(c, &notes)).unwrap();
        let got: Vec<&str> = report["notes"].as_array().unwrap().iter().map(|n| n["text"].as_str().unwrap()).collect();
        let mut want: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut got_sorted = got.clone();
        got_sorted.sort();
        want.sort();
        prop_assert_eq!(got_sorted, want);
    }
}
