//! Every parser of untrusted input, given random bytes or random shapes of its format, returns
//! a value or an error, never a panic, and what it returns stays within the caps: the text a
//! source yields is bounded by its bytes, passages lie inside that text, a page nested past
//! the depth cap or an element past the attribute cap says so in a one-line warning, and a
//! saved comparison that loads can be exported. The parsers: plain text and Markdown, saved
//! web pages, saved comparisons (JSON), and the aligner's parameters (`--params`). The
//! fuzzing targets in `fuzz/` run the same parsers for minutes; these run in seconds.

use std::path::Path;
use std::sync::OnceLock;

use parallax::align::Params;
use parallax::annotate::{Anchor, Notes};
use parallax::document::{LoadOptions, load_reader};
use parallax::export::{self, ExportFormat};
use parallax::segment::{self, Unit};
use parallax::store::Saved;
use parallax::{Comparison, Document, Error, LinkId, SourceId};
use proptest::prelude::*;

use crate::support;

fn load(path: &str, bytes: &[u8]) -> Result<Document, Error> {
    load_reader(path, bytes, &LoadOptions::default())
}

/// Passages of every unit are ordered, disjoint, inside the text and on character
/// boundaries, and no more numerous than the text's bytes.
fn check_passages(doc: &Document) -> Result<(), TestCaseError> {
    for unit in [Unit::Sentence, Unit::Paragraph, Unit::Line] {
        let segs = segment::segment(doc, unit);
        prop_assert!(segs.len() <= doc.text.len());
        let mut end = 0;
        for s in &segs {
            prop_assert!(s.span.start >= end && s.span.start < s.span.end);
            prop_assert!(s.span.end <= doc.text.len());
            prop_assert!(doc.text.is_char_boundary(s.span.start));
            prop_assert!(doc.text.is_char_boundary(s.span.end));
            end = s.span.end;
        }
    }
    Ok(())
}

/// Warnings are few and one line each (they go to standard error as is).
fn check_warnings(doc: &Document) -> Result<(), TestCaseError> {
    prop_assert!(doc.warnings.len() <= 3, "{:?}", doc.warnings);
    for w in &doc.warnings {
        prop_assert!(!w.contains('\n') && w.len() < 300, "{w:?}");
    }
    Ok(())
}

/// A page nested `depth` deep around a paragraph with `attrs` attributes.
fn nested_page(depth: usize, attrs: usize, text: &str) -> String {
    let attributes: String = (0..attrs).map(|i| format!(" a{i}=\"{i}\"")).collect();
    format!(
        "<html><body>{}<p{attributes}>{text}</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// Tag soup: tags (closed or not, nested or not), attributes, entities, comments, text.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z ]{1,12}",
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"x\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<br/>".to_string()),
        Just("<script>var a = '</p>';</script>".to_string()),
        Just("<!-- a -- comment -->".to_string()),
        Just("&amp;&nbsp;&#x41;&#99999999;&bogus;".to_string()),
        Just("<meta charset=\"iso-8859-1\">".to_string()),
        Just("<a href=\"x\" title='y' z>".to_string()),
        Just("<title>T</title>".to_string()),
        Just("<".to_string()),
        Just("\"'=>".to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// A saved comparison with a note on a passage and one on a link, as its file's bytes.
fn saved_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let cmp = support::bridge();
        let mut notes = Notes::default();
        let passage = Anchor::Passage {
            source: SourceId(0),
            segment: parallax::SegmentId(0),
        };
        notes.add(&cmp, passage, "on a passage", 1).unwrap();
        if let Some(link) = Anchor::link(&cmp, SourceId(0), SourceId(1), LinkId(0)) {
            notes.add(&cmp, link, "on a link", 2).unwrap();
        }
        Saved::new("bridge", cmp, notes, 3).to_json().into_bytes()
    })
}

/// One edit to a file's bytes: cut a range out, put bytes in, or write a number over digits.
#[derive(Clone, Debug)]
enum Edit {
    Cut(usize, usize),
    Put(usize, Vec<u8>),
    Number(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Edit::Cut(at, n)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Edit::Put(at, b)),
        (
            any::<usize>(),
            prop_oneof![
                Just("-1".to_string()),
                Just("0".to_string()),
                Just("18446744073709551615".to_string()),
                Just("99999999999999999999999".to_string()),
                Just("1e308".to_string()),
                any::<u32>().prop_map(|n| n.to_string()),
            ]
        )
            .prop_map(|(at, n)| Edit::Number(at, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, e: &Edit) {
    let len = bytes.len().max(1);
    match e {
        Edit::Cut(at, n) => {
            let at = at % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Edit::Put(at, b) => {
            let at = at % len;
            bytes.splice(at..at, b.iter().copied());
        }
        Edit::Number(at, n) => {
            // Over the run of digits at or after `at`, if there is one.
            let Some(start) = (at % len..bytes.len()).find(|&i| bytes[i].is_ascii_digit()) else {
                return;
            };
            let end = (start..bytes.len())
                .find(|&i| !bytes[i].is_ascii_digit())
                .unwrap_or(bytes.len());
            bytes.splice(start..end, n.bytes());
        }
    }
}

/// The names of the aligner's parameters, read from the defaults themselves.
fn param_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let v = serde_json::to_value(Params::default()).unwrap();
        v.as_object().unwrap().keys().cloned().collect()
    })
}

/// Two short sources the parameters are tried on.
fn pair() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        vec![
            Document::from_text(
                "a.txt",
                "The mayor opened the bridge on Monday. Crowds cheered. It cost $2 million.",
            ),
            Document::from_text(
                "b.txt",
                "On Monday the mayor opened the bridge. The bridge cost $3 million. Rain fell.",
            ),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Plain text is kept byte for byte or refused.
    #[test]
    fn text_bytes_are_kept_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = load("x.txt", &bytes) {
            prop_assert_eq!(doc.text.as_bytes(), &bytes[..]);
            check_passages(&doc)?;
            check_warnings(&doc)?;
        }
    }

    /// Markdown and web pages from random bytes: text no longer than the bytes (Markdown only
    /// removes marks; extraction keeps part of a page), passages inside it.
    #[test]
    fn markdown_and_html_bytes_stay_within_their_input(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
        name in prop_oneof![Just("x.md"), Just("x.html"), Just("-")],
    ) {
        if let Ok(doc) = load(name, &bytes) {
            prop_assert!(doc.text.len() <= bytes.len().max(1) * 3, "{} > {}", doc.text.len(), bytes.len());
            check_passages(&doc)?;
            check_warnings(&doc)?;
        }
    }

    /// Tag soup loads or is refused as having no article, with passages inside the text.
    #[test]
    fn tag_soup_loads_within_bounds(page in html_soup()) {
        let page = format!("<html><body>{page}</body></html>");
        match load("x.html", page.as_bytes()) {
            Ok(doc) => {
                prop_assert!(doc.text.len() <= page.len() * 3);
                check_passages(&doc)?;
                check_warnings(&doc)?;
            }
            Err(e) => prop_assert!(matches!(e, Error::Empty { .. } | Error::NoArticle { .. }), "{e}"),
        }
    }

    /// Past the nesting or the attribute cap, the page still loads, with a warning naming
    /// the cap; within both, without one.
    #[test]
    fn nesting_and_attribute_caps_are_reported(depth in 0usize..600, attrs in 0usize..1400) {
        let text = "The mayor opened the new bridge over the river on Monday morning.";
        let page = nested_page(depth, attrs, text);
        let doc = load("x.html", page.as_bytes()).unwrap();
        prop_assert!(doc.text.contains("The mayor opened the new bridge"));
        check_warnings(&doc)?;
        let said = |what: &str| doc.warnings.iter().any(|w| w.contains(what));
        // The paragraph is the element depth + 3 deep (html, body, the divs, p); a tag past
        // the depth cap is left out whole, attributes and all.
        let too_deep = depth + 3 > 256;
        prop_assert_eq!(said("nested deeper than"), too_deep, "{:?}", doc.warnings);
        prop_assert_eq!(said("attributes"), attrs > 1000 && !too_deep, "{:?}", doc.warnings);
        check_passages(&doc)?;
    }

    /// Random bytes are not a saved comparison: an error, never a panic.
    #[test]
    fn random_bytes_are_no_saved_comparison(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        prop_assert!(Saved::from_slice(Path::new("x.parallax.json"), &bytes).is_err());
    }

    /// A saved comparison with a few bytes changed loads or is refused; once loaded it
    /// exports in every format (what validation lets through, the exports can walk).
    #[test]
    fn an_edited_saved_comparison_loads_and_exports_or_is_refused(
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let mut bytes = saved_bytes().to_vec();
        for e in &edits {
            apply(&mut bytes, e);
        }
        if let Ok(saved) = Saved::from_slice(Path::new("x.parallax.json"), &bytes) {
            for format in ExportFormat::ALL {
                let out = export::with_notes(&saved.comparison, &saved.notes, &saved.name, format);
                prop_assert!(!out.is_empty());
            }
        }
    }

    /// Random text is no parameter set; random values for known parameters are either
    /// refused or align two short sources.
    #[test]
    fn aligner_parameters_are_refused_or_usable(
        junk in ".{0,40}",
        fields in prop::collection::vec(
            (any::<prop::sample::Index>(), prop_oneof![
                Just("-1".to_string()), Just("0".to_string()), Just("1".to_string()),
                Just("0.5".to_string()), Just("1e40".to_string()), Just("-1e40".to_string()),
                Just("18446744073709551615".to_string()), Just("4294967296".to_string()),
                Just("true".to_string()), Just("\"x\"".to_string()),
            ]),
            0..4,
        ),
    ) {
        let _ = Params::from_json(&junk);
        let names = param_names();
        let body: Vec<String> = fields
            .iter()
            .map(|(i, v)| format!("\"{}\": {v}", names[i.index(names.len())]))
            .collect();
        let json = format!("{{{}}}", body.join(", "));
        if let Ok(params) = Params::from_json(&json) {
            let options = parallax::Options { params, ..Default::default() };
            let cmp = Comparison::build(pair().to_vec(), &options).unwrap();
            prop_assert_eq!(cmp.sources.len(), 2);
        }
    }
}
