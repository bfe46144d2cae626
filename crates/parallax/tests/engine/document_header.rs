//! Header recognition: headline, byline, date and kicker lines are metadata; the first
//! headline stays a passage; a repeated headline, bylines, dates and kickers do not.

use parallax::Document;
use parallax::document::{HeaderRole, detect_header};
use parallax::segment::{self, Unit};

const BODY: &str = "The minister met envoys in the capital last month, officials said. \
They spoke for hours about sanctions, elections and the army, and agreed to meet again \
within weeks, according to two people who were briefed on the talks.";

/// The passages of `text` cut into sentences.
fn passages(text: &str) -> Vec<String> {
    let doc = Document::from_text("x.txt", text);
    segment::segment(&doc, Unit::Sentence)
        .iter()
        .map(|s| s.span.slice(&doc.text).to_string())
        .collect()
}

/// The roles of the header stretches with their text.
fn roles(text: &str) -> Vec<(HeaderRole, String)> {
    detect_header(text)
        .header
        .iter()
        .map(|h| (h.role, h.span.slice(text).to_string()))
        .collect()
}

#[test]
fn headline_is_the_title_and_stays_a_passage() {
    let text = format!("Minister Held Secret Talks With Envoys\n\n{BODY}");
    let meta = detect_header(&text);
    assert_eq!(
        meta.title.as_deref(),
        Some("Minister Held Secret Talks With Envoys")
    );
    assert_eq!(passages(&text)[0], "Minister Held Secret Talks With Envoys");
}

/// A headline of three words or fewer right above the body (a byline between or not) is the
/// headline, a passage to compare; it was taken for a kicker and vanished.
#[test]
fn a_short_headline_above_the_body_is_the_headline() {
    for (head, between) in [
        ("Colts beat Jaguars", ""),
        ("Quake kills four", "By Jane Doe\n\n"),
        ("Quake kills four", "Jane Doe\n\n"),
    ] {
        let text = format!("{head}\n\n{between}{BODY}");
        assert_eq!(detect_header(&text).title.as_deref(), Some(head), "{text}");
        assert_eq!(passages(&text)[0], head);
        if !between.is_empty() {
            let meta = detect_header(&text);
            assert_eq!(meta.byline.as_deref(), Some("Jane Doe"), "{text}");
            assert!(!passages(&text).iter().any(|p| p.contains("Jane")));
        }
    }
    // A label above another label stays a kicker, and no headline is made up.
    let text = format!("Speed Reads\n\nvenezuela crisis\n\n{BODY}");
    assert_eq!(detect_header(&text).title, None);
    assert!(roles(&text).iter().all(|(r, _)| *r == HeaderRole::Kicker));
}

#[test]
fn a_name_after_the_headline_is_the_byline_and_not_a_passage() {
    let text = format!("Minister Held Secret Talks With Envoys\n\nRaja Awais Ali\n\n{BODY}");
    let meta = detect_header(&text);
    assert_eq!(meta.byline.as_deref(), Some("Raja Awais Ali"));
    assert!(!passages(&text).iter().any(|p| p.contains("Raja")));
}

#[test]
fn a_by_line_is_the_byline_without_by() {
    let text = format!("By Jane Doe and John Roe\n\n{BODY}");
    assert_eq!(
        detect_header(&text).byline.as_deref(),
        Some("Jane Doe and John Roe")
    );
    let de = format!("Von Erika Mustermann\n\n{BODY}");
    assert_eq!(
        detect_header(&de).byline.as_deref(),
        Some("Erika Mustermann")
    );
}

#[test]
fn a_date_with_reading_time_is_the_date_and_not_a_passage() {
    let text = format!("Minister Held Secret Talks\n\n1/17/20262 min read\n\n{BODY}");
    let meta = detect_header(&text);
    assert_eq!(meta.date.as_deref(), Some("1/17/2026"));
    assert!(
        roles(&text).contains(&(HeaderRole::Date, "1/17/20262 min read".to_string())),
        "{:?}",
        roles(&text)
    );
    assert!(!passages(&text).iter().any(|p| p.contains("min read")));
}

#[test]
fn written_out_and_german_dates_are_dates() {
    for (line, date) in [
        ("Saturday, January 17, 2026", "January 17, 2026"),
        ("Published: Jan. 17, 2026, 3:04 PM EST", "Jan. 17, 2026"),
        ("17. Januar 2026", "17. Januar 2026"),
        ("17.01.2026", "17.01.2026"),
        ("2026-01-17T08:30:00Z", "2026-01-17T08:30:00Z"),
    ] {
        let text = format!("{line}\n\n{BODY}");
        assert_eq!(detect_header(&text).date.as_deref(), Some(date), "{line}");
        assert!(!passages(&text).iter().any(|p| p.contains(line)), "{line}");
    }
}

#[test]
fn a_labelled_date_before_prose_keeps_the_rest_of_the_line_as_prose() {
    let text = format!(" date 2026-01-17 The White House was talking to Cabello.\n\n{BODY}");
    let meta = detect_header(&text);
    assert_eq!(meta.date.as_deref(), Some("2026-01-17"));
    assert_eq!(
        roles(&text),
        vec![(HeaderRole::Date, "date 2026-01-17".to_string())]
    );
    assert_eq!(
        passages(&text)[0],
        "The White House was talking to Cabello."
    );
}

#[test]
fn a_sentence_that_starts_with_a_written_out_date_is_prose() {
    let text = format!("January 17, 2026 was the coldest day of the year.\n\n{BODY}");
    assert_eq!(detect_header(&text).date, None);
    assert!(passages(&text)[0].starts_with("January 17, 2026 was"));
}

#[test]
fn a_section_heading_under_the_headline_and_its_standfirst_is_a_passage() {
    let text = format!(
        "Keeping the Lights On in Mid-Sized Cities\n\n\
         A working paper of the Harrowgate Institute for Public Policy\n\n\
         Executive summary\n\n{BODY}"
    );
    assert!(
        passages(&text).contains(&"Executive summary".to_string()),
        "{:?}",
        passages(&text)
    );
}

#[test]
fn a_dateline_or_a_label_under_the_byline_stays_header() {
    for label in ["GALWAY", "Photo gallery"] {
        let text =
            format!("Minister Held Secret Talks With Envoys\n\nBy Jane Doe\n\n{label}\n\n{BODY}");
        assert!(
            !passages(&text).contains(&label.to_string()),
            "{label}: {:?}",
            passages(&text)
        );
    }
}

#[test]
fn short_labels_are_kickers_and_not_passages() {
    let text = format!("Speed Reads\n\nvenezuela crisis\n\n{BODY}");
    let r = roles(&text);
    assert_eq!(
        r,
        vec![
            (HeaderRole::Kicker, "Speed Reads".to_string()),
            (HeaderRole::Kicker, "venezuela crisis".to_string())
        ]
    );
    assert_eq!(detect_header(&text).title, None);
    assert!(passages(&text)[0].starts_with("The minister met"));
}

#[test]
fn a_repeated_headline_is_not_a_second_passage() {
    let h = "Minister Held Secret Talks With Envoys";
    let text = format!("{h}\n\nA one-sentence standfirst sums it up.\n\nJane Doe\n\n{h}\n\n{BODY}");
    let meta = detect_header(&text);
    assert_eq!(meta.title.as_deref(), Some(h));
    assert_eq!(meta.byline.as_deref(), Some("Jane Doe"));
    let p = passages(&text);
    assert_eq!(p.iter().filter(|s| *s == h).count(), 1, "{p:#?}");
    assert_eq!(p[1], "A one-sentence standfirst sums it up.");
}

#[test]
fn a_subheading_after_the_first_prose_is_not_header() {
    let text = format!("It rained all day.\n\nBackground\n\n{BODY}");
    let meta = detect_header(&text);
    assert!(meta.header.is_empty(), "{:?}", meta.header);
    assert_eq!(passages(&text)[1], "Background");
}

#[test]
fn a_short_first_line_that_is_a_sentence_is_prose() {
    let text = format!("It rained.\n\n{BODY}");
    let meta = detect_header(&text);
    assert_eq!(meta.title, None);
    assert!(meta.header.is_empty());
    assert_eq!(passages(&text)[0], "It rained.");
}

#[test]
fn a_hard_wrapped_first_paragraph_is_prose() {
    let text = "The minister met envoys\nin the capital last month\nofficials said on Monday.\n\nMore text follows here.\n";
    let meta = detect_header(text);
    assert_eq!(meta.title, None);
    assert!(meta.header.is_empty(), "{:?}", meta.header);
}

#[test]
fn a_one_sentence_document_has_no_header() {
    for text in [
        "The minister met envoys",
        "The minister met envoys.",
        "Speed Reads\n",
    ] {
        let meta = detect_header(text);
        assert_eq!(meta.title, None, "{text:?}");
        assert!(meta.header.is_empty(), "{text:?}");
        assert_eq!(passages(text).len(), 1, "{text:?}");
    }
}

#[test]
fn the_line_unit_never_detects_a_header() {
    let text = format!("Speed Reads\n\nMinister Held Talks\nRaja Awais Ali\n1/17/2026\n{BODY}");
    let doc = Document::from_text("x.txt", text.as_str());
    let lines: Vec<&str> = segment::segment(&doc, Unit::Line)
        .iter()
        .map(|s| s.span.slice(&doc.text))
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(
        &lines[..4],
        &[
            "Speed Reads",
            "Minister Held Talks",
            "Raja Awais Ali",
            "1/17/2026"
        ]
    );
}

#[test]
fn the_headers_of_the_samples() {
    let blog = include_str!("../../../../assets/samples/cabello-2026-exclusive-blog.txt");
    let meta = detect_header(blog);
    assert!(
        meta.title
            .as_deref()
            .unwrap()
            .starts_with("Exclusive: US Held")
    );
    assert_eq!(meta.byline.as_deref(), Some("Raja Awais Ali"));
    assert_eq!(meta.date.as_deref(), Some("1/17/2026"));
    let reuters = include_str!("../../../../assets/samples/cabello-2026-reuters-rewrite.txt");
    assert_eq!(detect_header(reuters).date.as_deref(), Some("2026-01-17"));
    assert_eq!(detect_header(reuters).title, None);
    let speed = include_str!("../../../../assets/samples/cabello-2019-speed-read.txt");
    let kinds: Vec<HeaderRole> = detect_header(speed).header.iter().map(|h| h.role).collect();
    assert_eq!(kinds, vec![HeaderRole::Kicker, HeaderRole::Kicker]);
    let ap = include_str!("../../../../assets/samples/cabello-2019-ap-rewrite.txt");
    assert!(detect_header(ap).header.is_empty());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text shaped like article tops: short lines, names, dates, labels, prose, blank lines.
    fn article_top() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            Just("Speed Reads".to_string()),
            Just("Raja Awais Ali".to_string()),
            Just("By Jane Doe".to_string()),
            Just("1/17/20262 min read".to_string()),
            Just(" date 2026-01-17 The White House spoke.".to_string()),
            Just("Minister Held Secret Talks With Envoys".to_string()),
            Just("It rained.".to_string()),
            Just(BODY.to_string()),
            Just(String::new()),
            Just("\u{FEFF}".to_string()),
            "\\PC{0,40}",
            "[A-Za-z ]{0,30}[.?!]?",
        ];
        prop::collection::vec(line, 0..12).prop_map(|v| v.join("\n"))
    }

    proptest! {
        #[test]
        fn header_spans_are_sorted_disjoint_and_inside_the_text(text in article_top()) {
            let meta = detect_header(&text);
            let mut at = 0;
            for h in &meta.header {
                prop_assert!(h.span.start >= at && h.span.start < h.span.end);
                prop_assert!(h.span.end <= text.len());
                prop_assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
                at = h.span.end;
            }
            let doc = Document::from_text("x.txt", text.clone());
            for r in doc.prose_ranges() {
                prop_assert!(r.start <= r.end && r.end <= text.len());
            }
            for unit in [Unit::Sentence, Unit::Paragraph] {
                for s in segment::segment(&doc, unit) {
                    // No passage holds a byline, date or kicker stretch.
                    for h in doc.meta.header.iter().filter(|h| {
                        matches!(h.role, HeaderRole::Byline | HeaderRole::Date | HeaderRole::Kicker)
                    }) {
                        prop_assert!(!s.span.overlaps(&h.span), "{:?} overlaps {:?}", s, h);
                    }
                }
            }
        }
    }
}

/// Japanese or Chinese prose, written without spaces, is prose: its sentences are passages,
/// not taken for a one-word label and dropped.
#[test]
fn a_first_line_without_spaces_is_read_as_passages() {
    let text = "東京で大きな地震があった。死者は42人に達した。\n\nAn earthquake struck Tokyo.\n";
    assert_eq!(
        passages(text),
        [
            "東京で大きな地震があった。",
            "死者は42人に達した。",
            "An earthquake struck Tokyo."
        ]
    );
}

/// Text of one sentence a line may open with its headline and go straight on with the body
/// (wire copy pasted line by line): the first line is the headline, and stays a passage.
/// Prose wrapped at a width is no such text, and a first line that is a sentence is none.
#[test]
fn a_headline_on_the_first_line_of_one_sentence_a_line() {
    let head = "Quake Of Magnitude 6.1 Strikes Coastal Province";
    let lines = "A strong earthquake struck the coastal province on Tuesday, officials said.\n\
                 At least one person was killed and two others are missing.\n\
                 \"The shaking lasted almost a minute,\" a resident told reporters.\n";
    let text = format!("{head}\non July 02 2013 7:41 AM\n{lines}");
    let meta = detect_header(&text);
    assert_eq!(meta.title.as_deref(), Some(head));
    assert_eq!(meta.date.as_deref(), Some("July 02 2013"));
    assert_eq!(passages(&text)[0], head);
    assert_eq!(
        detect_header(&format!("{head}\n{lines}")).title.as_deref(),
        Some(head)
    );
    // Wrapped prose: its first line is no headline.
    let wrapped = "The Millbrook Harbour Bridge will stay closed for at least six\n\
                   more weeks after inspectors found cracks in two of its steel\n\
                   supports, city officials said on Tuesday. The bridge carries\n\
                   about 42,000 vehicles a day and was first closed in February.\n";
    assert_eq!(detect_header(wrapped).title, None);
    // A first line that is a sentence, or a labelled date line, is no headline; a
    // headline under a date line is.
    assert_eq!(detect_header(lines).title, None);
    let posted = format!("Posted at 3:21 PM ET, 01/5/2011\n{lines}");
    assert_eq!(detect_header(&posted).title, None);
    assert_eq!(detect_header(&posted).date.as_deref(), Some("01/5/2011"));
    let posted = format!("Posted at 3:21 PM ET, 01/5/2011\n{head}\n{lines}");
    assert_eq!(detect_header(&posted).title.as_deref(), Some(head));
}

#[test]
fn a_time_stamp_without_a_date_is_header_and_gives_no_fact() {
    for line in [
        "Updated 3:45 p.m.",
        "Posted at 3:21 PM ET",
        "Last updated: 10:02am EST",
        "Updated 14:25",
    ] {
        // Written one sentence a line, as a newsroom's revision is, and in paragraphs.
        for text in [
            format!(
                "Colts Beat Jaguars\n{line}\nPeyton Manning was nearly perfect.\nHe threw for 364 yards.\nThe Colts won."
            ),
            format!("Colts Beat Jaguars\n\n{line}\n\n{BODY}"),
        ] {
            let meta = detect_header(&text);
            assert!(meta.date.is_none(), "{line}");
            assert!(
                roles(&text).contains(&(HeaderRole::Date, line.to_string())),
                "{line}"
            );
            assert!(!passages(&text).iter().any(|p| p.contains(line)), "{line}");
            let doc = Document::from_text("x.txt", text.as_str());
            let facts = parallax::facts::extract(&doc);
            assert!(
                !facts.iter().any(|f| text
                    .find(line)
                    .is_some_and(|at| f.span.start >= at && f.span.start < at + line.len())),
                "{line}: {facts:?}"
            );
        }
    }
    // A sentence that opens with the label is prose.
    let text =
        format!("Colts Beat Jaguars\n\nUpdated at 3:45 p.m. the scores were final.\n\n{BODY}");
    assert!(
        passages(&text)
            .iter()
            .any(|p| p.starts_with("Updated at 3:45"))
    );
}

/// Bylines and dates in the other languages the engine tells apart are read as such: an
/// Italian "di Paola Bianchi" and "22 ottobre 2024" were taken for kickers, which no pane
/// or report shows, so they vanished; "Par" stayed in a French byline; a Spanish date was a
/// passage.
#[test]
fn bylines_and_dates_in_french_spanish_and_italian_are_read() {
    let body = "Le conseil a voté la nouvelle loi après un long débat, selon le maire. \
Les habitants de la commune attendaient cette décision depuis des mois, et plusieurs \
associations ont déjà annoncé qu'elles feraient appel devant le tribunal administratif.";
    for (head, byline, date) in [
        (
            "Par Claire Fontaine\n15 mars 2025",
            "Claire Fontaine",
            "15 mars 2025",
        ),
        (
            "Por Lucía Navarro\n4 de abril de 2025",
            "Lucía Navarro",
            "4 de abril de 2025",
        ),
        (
            "di Paola Bianchi\n22 ottobre 2024",
            "Paola Bianchi",
            "22 ottobre 2024",
        ),
        (
            "door Jan de Vries\n3 maart 2025",
            "Jan de Vries",
            "3 maart 2025",
        ),
    ] {
        let text = format!("Un titre pour la une du jour\n\n{head}\n\n{body}");
        let meta = detect_header(&text);
        assert_eq!(meta.byline.as_deref(), Some(byline), "{head}");
        assert_eq!(meta.date.as_deref(), Some(date), "{head}");
        let kinds: Vec<HeaderRole> = meta.header.iter().map(|h| h.role).collect();
        assert!(!kinds.contains(&HeaderRole::Kicker), "{head}: {kinds:?}");
    }
}

/// An English headline that opens with a word another language uses for "by" ("Di Maio",
/// "Door Dash") stays the headline and a passage: it is no byline.
#[test]
fn an_english_headline_opening_with_a_foreign_by_stays_the_headline() {
    for title in [
        "Di Maio quits Five Star Movement",
        "Door Dash drivers win pay rise in New York",
        "Por Favor, a new cafe, opens on Main Street",
    ] {
        let text = format!("{title}\n\n{BODY}");
        let meta = detect_header(&text);
        assert_eq!(meta.title.as_deref(), Some(title));
        assert_eq!(meta.byline, None, "{title}");
        assert_eq!(passages(&text)[0], title);
    }
}
