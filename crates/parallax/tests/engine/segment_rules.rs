//! Sentence and paragraph segmentation: every abbreviation, quote and ellipsis rule, the
//! sample sentences that once split wrongly, the units, and properties over arbitrary text.

use parallax::segment::{self, Unit, paragraphs};
use parallax::sentences::sentences;
use parallax::span::Span;
use parallax::{Document, SegmentId};
use proptest::prelude::*;

/// The sentences of `text` taken as one paragraph.
fn split(text: &str) -> Vec<&str> {
    sentences(text, Span::new(0, text.len()))
        .into_iter()
        .map(|s| s.slice(text))
        .collect()
}

/// Asserts that `text` is one sentence.
fn one(text: &str) {
    assert_eq!(split(text), vec![text], "should be one sentence");
}

/// Asserts that `text` splits into exactly `parts`.
fn parts(text: &str, parts: &[&str]) {
    assert_eq!(split(text), parts);
}

#[test]
fn us_and_un_do_not_end_a_sentence_before_a_name() {
    one("Republican U.S. Representative Maria Elvira Salazar said so.");
    one("The U.N. Security Council met on Monday.");
    one("He went to the U.S. Senate to testify.");
}

#[test]
fn us_at_the_end_of_a_clause_stays_with_it() {
    one("That is probably more than the U.S. Navy can provide.");
}

#[test]
fn us_then_a_sentence_starter_splits() {
    parts(
        "Cabello has reached out to the U.S. An unidentified aide disputes that.",
        &[
            "Cabello has reached out to the U.S.",
            "An unidentified aide disputes that.",
        ],
    );
    parts(
        "The talks were held at the U.N. They lasted an hour.",
        &["The talks were held at the U.N.", "They lasted an hour."],
    );
}

#[test]
fn months_do_not_end_a_sentence() {
    one("The raid took place on Jan. 3 in the capital.");
    one("Talks began in Feb. 2025 and ended in Sept. 2025 without a deal.");
}

#[test]
fn titles_before_names_do_not_end_a_sentence() {
    one("Mr. Smith and Mrs. Smith met Ms. Jones and Dr. Brown at noon.");
    one("Rep. Salazar, Sen. Rubio and Gov. DeSantis signed the letter.");
    // Police and military ranks, as wire reports write them.
    one("The police chief Maj. Gen. Anton Lee said a hotel had been destroyed.");
    one("The spokesman Snr. Comr. Ana Putri told reporters that 18 houses were damaged.");
    one("Insp. Gaskin, Det. Ruiz and Cpl. Ward reached the scene with Brig. Holt.");
    // A second abbreviation of a rank that is in no list still belongs to it.
    one("The local commander, Col. Inf. Arno Wirata, said the road was open.");
    // A short surname after a title still ends its sentence.
    parts(
        "The bill was backed by Sen. Paul. Democrats opposed it.",
        &["The bill was backed by Sen. Paul.", "Democrats opposed it."],
    );
}

#[test]
fn number_and_saint_abbreviations_do_not_end_a_sentence() {
    one("Venezuela's No. 2 official is in talks.");
    one("The debate aired on WXYZ-TV, Ch. 4, at nine.");
    one("They met at St. Peter's Square on Sunday.");
}

#[test]
fn initials_do_not_end_a_sentence() {
    one("George W. Bush met the press.");
    one("J.R.R. Tolkien wrote the book.");
    one("He joined the Keller/P.J. Dunmore camp last year.");
    one("The letter was signed by T. S. Eliot himself.");
}

#[test]
fn a_capital_letter_that_ends_a_sentence_before_a_sentence_starter_splits() {
    parts(
        "Voters backed Plan B. The measure passed.",
        &["Voters backed Plan B.", "The measure passed."],
    );
}

#[test]
fn decimals_and_money_do_not_end_a_sentence() {
    one("The deal was worth $2.5 million in cash.");
    one("Inflation rose 3.7 percent last year.");
}

#[test]
fn german_abbreviations_do_not_end_a_sentence() {
    one("Es gibt viele Beispiele, z. B. Äpfel und Birnen.");
    one("Er kommt morgen bzw. am Freitag.");
    one("Das kostet ca. 30 Euro pro Person.");
    one("Er wohnt in der Hauptstraße Nr. 5 in Berlin.");
    one("Es gibt Obst, z. B. Die Sorte Elstar ist beliebt.");
    one("Er war zufrieden, d. h. Er blieb.");
    one("Manche Länder, z.B. Frankreich, zögern.");
}

#[test]
fn german_sentences_still_split() {
    parts(
        "Der Minister sprach lange. Die Opposition schwieg.",
        &["Der Minister sprach lange.", "Die Opposition schwieg."],
    );
    // "usw." ends a list, and often the sentence with it.
    parts(
        "Es gab Äpfel, Birnen usw. Dann kam der Regen.",
        &["Es gab Äpfel, Birnen usw.", "Dann kam der Regen."],
    );
    one("Es gab Äpfel, Birnen usw. für alle Gäste.");
}

#[test]
fn a_quote_that_ends_a_sentence_ends_it() {
    parts(
        "He said \"we will win.\" Then he left.",
        &["He said \"we will win.\"", "Then he left."],
    );
    parts(
        "She said “we will win.” Then she left.",
        &["She said “we will win.”", "Then she left."],
    );
}

#[test]
fn a_question_in_quotes_followed_by_the_speaker_is_one_sentence() {
    one("\"Where are the ships?\" she asked.");
    one("“Where are the ships?” she asked.");
}

#[test]
fn an_ellipsis_inside_a_quote_does_not_end_the_sentence() {
    one(
        "\"I'm assuming he's thinking of the Cuban missile crisis. ... But Cuba is an island,\" he said.",
    );
    one("“We waited… And then nothing came,” she said.");
}

#[test]
fn a_closing_mark_set_off_by_a_space_stays_with_its_sentence() {
    parts(
        "Er rief: „Komm her! “ Dann ging er.",
        &["Er rief: „Komm her! “", "Dann ging er."],
    );
    one("Quelle: BMEL (Hrsg. ): Gutes Essen.");
}

#[test]
fn plain_sentences_split() {
    parts(
        "Cabello did not take part. Trump is frustrated! Is he? Yes.",
        &[
            "Cabello did not take part.",
            "Trump is frustrated!",
            "Is he?",
            "Yes.",
        ],
    );
}

#[test]
fn sentences_of_the_samples() {
    let doc = Document::from_text(
        "x.txt",
        include_str!("../../../../assets/samples/cabello-2019-speed-read.txt"),
    );
    let segs = segment::segment(&doc, Unit::Sentence);
    let texts: Vec<&str> = segs.iter().map(|s| s.span.slice(&doc.text)).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("An unidentified Cabello aide"))
    );
    assert!(
        texts.iter().any(|t| t.ends_with("reached out to the U.S.")),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with("probably more than the U.S. Navy can provide.\""))
    );
}

#[test]
fn the_representative_sentence_of_the_reuters_sample_is_whole() {
    let doc = Document::from_text(
        "x.txt",
        include_str!("../../../../assets/samples/cabello-2026-reuters-rewrite.txt"),
    );
    let segs = segment::segment(&doc, Unit::Sentence);
    let hit: Vec<&str> = segs
        .iter()
        .map(|s| s.span.slice(&doc.text))
        .filter(|t| t.contains("Republican U.S. Representative Maria Elvira Salazar"))
        .collect();
    assert_eq!(hit.len(), 1);
    assert!(hit[0].ends_with('.'), "{hit:?}");
}

#[test]
fn a_line_break_ends_a_sentence_in_text_written_one_sentence_a_line() {
    // "p.m." and "U.S." may stand inside a sentence, but not across the line break of a
    // text whose lines are its sentences.
    parts(
        "Updated 3:45 p.m.\nPeyton Manning was nearly perfect.\nHe threw for 364 yards.\nThe Colts won.",
        &[
            "Updated 3:45 p.m.",
            "Peyton Manning was nearly perfect.",
            "He threw for 364 yards.",
            "The Colts won.",
        ],
    );
    parts(
        "The talks ended at 5 p.m.\nOfficials met the U.S.\nEnvoys said so.",
        &[
            "The talks ended at 5 p.m.",
            "Officials met the U.S.",
            "Envoys said so.",
        ],
    );
    // Prose wrapped at a width ends few of its lines like a sentence: its breaks are no ends.
    one(
        "The talks ended late on Friday after envoys of the\nfirm and the house left the hall, \
         and the\nunion said it would meet again at 5 p.m.\nMonday to weigh the offer.",
    );
}

#[test]
fn prose_wrapped_at_a_width_is_one_sentence_whatever_starts_the_next_line() {
    // Wrapped at 69 columns: a break where the next word would not fit wraps, whether a
    // name, a number or a pound sign opens the next line.
    parts(
        "Emergency planners described a recurring problem: they do not know in\n\
         advance which facilities have working backup power. One planner in\n\
         Dunmore told us that her team kept a spreadsheet of generator\n\
         locations by hand and updated it only when someone remembered to\n\
         call. Between 2019 and 2024, outages lasting longer than eight hours\n\
         struck the cities 41 times, leaving an average of 23,000 households\n\
         without power on each occasion. The programme would cost an estimated\n\
         £212 million over five years.",
        &[
            "Emergency planners described a recurring problem: they do not know in\n\
             advance which facilities have working backup power.",
            "One planner in\nDunmore told us that her team kept a spreadsheet of generator\n\
             locations by hand and updated it only when someone remembered to\ncall.",
            "Between 2019 and 2024, outages lasting longer than eight hours\n\
             struck the cities 41 times, leaving an average of 23,000 households\n\
             without power on each occasion.",
            "The programme would cost an estimated\n£212 million over five years.",
        ],
    );
    // A number wrapped to a line's start is no list item's.
    parts(
        "Rescuers worked through the night in the flooded valley, and by the\n\
         morning the death toll had risen to the figure the officials gave of\n\
         12. Police said the search would go on for as long as it took, and\n\
         that the roads to the valley would stay closed to all but residents.",
        &[
            "Rescuers worked through the night in the flooded valley, and by the\n\
             morning the death toll had risen to the figure the officials gave of\n12.",
            "Police said the search would go on for as long as it took, and\n\
             that the roads to the valley would stay closed to all but residents.",
        ],
    );
}

#[test]
fn lines_of_lists_poems_minutes_and_tables_are_not_wrapped_prose() {
    // Each opens its lines with capitals: no sign of prose wrapped at a width.
    for text in [
        "Equipment checked in the north hall:\nFilter pumps in the north hall\n\
         Backup generator and fuel tank\nChlorine store and its alarms\nControl room and its panels",
        "My father worked this quay for years\nHe never spoke of what he lost\n\
         The tide came in and took the nets\nAnd left the boats beside the post",
        "Present: Anna Field, Daniel Whitcombe, Ruth Okafor\nApologies: Peter Lindqvist\n\
         Item 1 The treasurer reported a surplus\nItem 2 The board approved the plan",
        "Name          Age   City\nJohn Smith    45    Dublin\nMary Jones    38    Cork\n\
         Peter Walsh   51    Galway",
    ] {
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(split(text), lines, "one passage a line");
    }
}

#[test]
fn short_lines_list_items_and_hard_breaks_still_end_at_their_line() {
    // A heading or a label above a sentence would have left room for the next word.
    parts(
        "Executive summary\nBetween 2019 and 2024, long outages struck the mid-sized cities of the north.",
        &[
            "Executive summary",
            "Between 2019 and 2024, long outages struck the mid-sized cities of the north.",
        ],
    );
    parts(
        "We make three recommendations, in order of urgency, to the regional council and its utilities:\n\
         1. Establish a shared reserve of mobile transformers for all of the cities\n\
         - Set a minimum standard of backup power for the water works and care homes",
        &[
            "We make three recommendations, in order of urgency, to the regional council and its utilities:",
            "1. Establish a shared reserve of mobile transformers for all of the cities",
            "- Set a minimum standard of backup power for the water works and care homes",
        ],
    );
    // A Markdown hard break ("  " at the line's end) is the writer's own.
    parts(
        "Authors: Ruth Adeyemi, Tomasz Wierzbicki, Claire Monteith and Jonathan Okonkwo-Smith  \n\
         Draft of 14 March 2025, circulated to the steering group for comment only",
        &[
            "Authors: Ruth Adeyemi, Tomasz Wierzbicki, Claire Monteith and Jonathan Okonkwo-Smith",
            "Draft of 14 March 2025, circulated to the steering group for comment only",
        ],
    );
}

#[test]
fn a_footnote_marker_and_a_page_number_stay_with_their_sentence() {
    parts(
        "Councils cut their spending.[1] The next year was worse.[a]",
        &[
            "Councils cut their spending.[1]",
            "The next year was worse.[a]",
        ],
    );
    one("The figures are in the regulator's review of 2021, p. 17, and pp. 4-5 of the annex.");
    one("Die Zahlen stehen im Bericht auf S. 17 und im Anhang.");
}

#[test]
fn paragraphs_are_runs_of_lines_between_blank_lines() {
    let text = "One line\nstill one.\n\n  \nTwo.\r\n\r\nThree.";
    let p: Vec<&str> = paragraphs(text, &[Span::new(0, text.len())])
        .into_iter()
        .map(|s| s.slice(text))
        .collect();
    assert_eq!(p, vec!["One line\nstill one.", "Two.", "Three."]);
}

#[test]
fn the_paragraph_unit_gives_paragraphs() {
    let doc = Document::from_text("x.txt", "First one. Still first.\n\nSecond one.\n");
    let segs = segment::segment(&doc, Unit::Paragraph);
    assert_eq!(segs.len(), 2);
    assert_eq!(segs[0].span.slice(&doc.text), "First one. Still first.");
    assert_eq!(segs[1].paragraph, 1);
}

#[test]
fn the_line_unit_gives_every_non_empty_line_and_no_header() {
    let text = "Speed Reads\n\nRaja Awais Ali\n1/17/2026\n  A line.  \nAnother. Two sentences.\n";
    let doc = Document::from_text("x.txt", text);
    let segs = segment::segment(&doc, Unit::Line);
    let texts: Vec<&str> = segs.iter().map(|s| s.span.slice(&doc.text)).collect();
    assert_eq!(
        texts,
        vec![
            "Speed Reads",
            "Raja Awais Ali",
            "1/17/2026",
            "A line.",
            "Another. Two sentences."
        ]
    );
    assert!(segs.iter().enumerate().all(|(i, s)| s.id == SegmentId(i)));
}

#[test]
fn rules_and_table_separators_are_no_passages_but_lines_keep_them() {
    let text = "| City | Outages |\n|---|---|\n| Dunmore | 11 |\n\n* * *\n\nThe end.\n";
    for unit in [Unit::Line, Unit::Sentence, Unit::Paragraph] {
        let doc = Document::from_text("x.md.txt", text);
        let segs = segment::segment(&doc, unit);
        let texts: Vec<&str> = segs.iter().map(|s| s.span.slice(&doc.text)).collect();
        // Input split a line a passage keeps every line: line N is passage N.
        for rule in ["|---|---|", "* * *"] {
            assert_eq!(
                texts.contains(&rule),
                unit == Unit::Line,
                "{unit:?}: {texts:?}"
            );
        }
        assert!(texts.iter().any(|t| t.contains("Dunmore")), "{texts:?}");
    }
}

/// Text made of words, sentence punctuation, abbreviations, quotes, and line breaks.
fn arbitrary_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("word".to_string()),
        Just("Word".to_string()),
        Just("U.S.".to_string()),
        Just("Dr.".to_string()),
        Just("J.R.R.".to_string()),
        Just("z. B.".to_string()),
        Just("$2.5".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just(".".to_string()),
        Just("?".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("  ".to_string()),
        Just("\t".to_string()),
        "[a-zA-ZäöüßéÄ0-9]{1,8}",
        "\\PC{1,3}",
    ];
    prop::collection::vec((piece, prop_oneof![Just(" "), Just("")]), 0..60)
        .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

proptest! {
    #[test]
    fn segments_are_ordered_disjoint_trimmed_and_within_paragraphs(text in arbitrary_text()) {
        let doc = Document::from_text("x.txt", text.clone());
        for unit in [Unit::Sentence, Unit::Paragraph, Unit::Line] {
            let segs = segment::segment(&doc, unit);
            let mut at = 0;
            for (i, s) in segs.iter().enumerate() {
                prop_assert_eq!(s.id, SegmentId(i));
                prop_assert!(s.span.start >= at, "out of order or overlapping: {:?}", segs);
                prop_assert!(s.span.start < s.span.end, "empty segment");
                prop_assert!(text.is_char_boundary(s.span.start));
                prop_assert!(text.is_char_boundary(s.span.end));
                let t = s.span.slice(&text);
                prop_assert_eq!(t, t.trim(), "not trimmed");
                prop_assert!(!t.contains("\n\n") && !t.contains("\n\r\n"), "spans a blank line: {:?}", t);
                prop_assert!(
                    !t.lines().any(|l| l.trim().is_empty()),
                    "spans a blank line: {:?}", t
                );
                if unit == Unit::Line {
                    prop_assert!(!t.contains('\n'));
                }
                at = s.span.end;
            }
            if i_paragraphs_nondecreasing(&segs) {
                continue;
            }
            prop_assert!(false, "paragraph indices go backwards: {:?}", segs);
        }
    }
}

fn i_paragraphs_nondecreasing(segs: &[segment::Segment]) -> bool {
    segs.windows(2).all(|w| w[0].paragraph <= w[1].paragraph)
}

#[test]
fn german_ordinals_do_not_end_a_sentence() {
    one("Die Sitzung fand am 1. Januar statt.");
    one("Der 2. Weltkrieg endete 1945.");
    parts(
        "Es war der 3. Oktober. Die Feier begann.",
        &["Es war der 3. Oktober.", "Die Feier begann."],
    );
    parts(
        "Der Minister ist 56. Er schweigt.",
        &["Der Minister ist 56.", "Er schweigt."],
    );
    one("Der Schaden betrug 2 Mio. Euro und mehr.");
}

#[test]
fn an_english_number_with_a_point_ends_a_sentence() {
    parts(
        "Cabello is 56. Cabello said no.",
        &["Cabello is 56.", "Cabello said no."],
    );
}

#[test]
fn abbreviations_before_numbers_end_a_sentence_when_no_number_follows() {
    parts(
        "He arrived in Jan. Trump said no.",
        &["He arrived in Jan.", "Trump said no."],
    );
    parts(
        "Das Magazin heißt Art. Unter Streetart versteht man viel.",
        &[
            "Das Magazin heißt Art.",
            "Unter Streetart versteht man viel.",
        ],
    );
    one("Siehe Art. 5 des Grundgesetzes.");
}

/// A quotation mark left alone at a line's end, before the sentence it opens, is that
/// sentence's, not a passage of its own ("vor. »" / "Auch das?« frug er"); at the
/// paragraph's end it stays with the sentence before it.
#[test]
fn a_lone_opening_mark_belongs_to_the_sentence_it_opens() {
    parts(
        "Er wies ein zweites Büchlein vor. »\nAuch das?« frug er wieder.\n»Nimm sie beide!« sagte Tede Haien.",
        &[
            "Er wies ein zweites Büchlein vor.",
            "»\nAuch das?« frug er wieder.",
            "»Nimm sie beide!« sagte Tede Haien.",
        ],
    );
    parts(
        "Er ging hinaus. »\nDu kehrst noch wieder um. »",
        &["Er ging hinaus.", "»\nDu kehrst noch wieder um. »"],
    );
}
