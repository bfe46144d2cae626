//! The comparer on hand-built links: the conflicts a reader must see, and the false ones a
//! reader must not.

use parallax::comparison::{Options, Source};
use parallax::facts::{self, Conflict, FactKind};
use parallax::{Comparison, Document, SegmentId};

fn source(name: &str, text: &str) -> Source {
    Source::analyse(Document::from_text(name, text), &Options::default())
}

fn sample(name: &str) -> Source {
    let path = crate::support::sample(name);
    let text = std::fs::read_to_string(&path).expect("sample present");
    source(&path, &text)
}

/// The segment that holds `needle`.
fn seg(s: &Source, needle: &str) -> SegmentId {
    let at = s.document.text.find(needle).expect("needle in text");
    s.segments
        .iter()
        .find(|g| g.span.start <= at && at < g.span.end)
        .expect("a segment holds it")
        .id
}

fn link(a: &Source, na: &str, b: &Source, nb: &str) -> Vec<Conflict> {
    facts::conflicts(a.analysed(), &[seg(a, na)], b.analysed(), &[seg(b, nb)])
}

fn one_sentence(a: &str, b: &str) -> Vec<Conflict> {
    let (sa, sb) = (source("a.txt", a), source("b.txt", b));
    let ia: Vec<SegmentId> = sa.segments.iter().map(|g| g.id).collect();
    let ib: Vec<SegmentId> = sb.segments.iter().map(|g| g.id).collect();
    facts::conflicts(sa.analysed(), &ia, sb.analysed(), &ib)
}

#[test]
fn the_2019_and_2026_rewrites_disagree_on_age_and_sanctions() {
    let ap = sample("cabello-2019-ap-rewrite.txt");
    let reuters = sample("cabello-2026-reuters-rewrite.txt");
    let age = link(&ap, "Cabello, 56,", &reuters, "62-year-old");
    assert_eq!(age.len(), 1, "{age:?}");
    assert_eq!(age[0].kind, FactKind::Age);
    assert_eq!(age[0].slot, "Age of Cabello");
    assert_eq!((age[0].a.as_str(), age[0].b.as_str()), ("56", "62"));
    assert_eq!(age[0].a_span.slice(&ap.document.text), "56");
    // The offsets hold the words the conflict gives: the age, not its phrase.
    assert_eq!(age[0].b_span.slice(&reuters.document.text), "62");

    // As an n:m link with the passage gold pairs it with, still only the age differs.
    let nm = facts::conflicts(
        ap.analysed(),
        &[seg(&ap, "Cabello, 56,")],
        reuters.analysed(),
        &[
            seg(&reuters, "62-year-old"),
            seg(&reuters, "A former military officer"),
        ],
    );
    assert_eq!(nm, age);

    let when = link(
        &ap,
        "sanctioned by the Trump administration last year",
        &reuters,
        "sanctioned by the US for several years",
    );
    // "last year" is a time, "for several years" a length of time, and the 2019 article
    // has no date to place "last year" by: the two can both be true (sanctioned in 2018,
    // and so for several years by 2026), so nothing is flagged.
    assert!(when.is_empty(), "{when:?}");
}

#[test]
fn same_values_and_accents_are_no_conflict() {
    let ap = sample("cabello-2019-ap-rewrite.txt");
    let speed = sample("cabello-2019-speed-read.txt");
    let c = link(&ap, "Cabello, 56,", &speed, "Cabello, 56, met");
    assert!(c.iter().all(|c| c.kind != FactKind::Age), "{c:?}");
    let c = one_sentence(
        "President Nicolás Maduro met them last month.",
        "President Nicolas Maduro met them last month.",
    );
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn spelling_of_a_name_differs() {
    let c = one_sentence(
        "They met in Caracus with President Nicholas Maduro.",
        "They met in Caracas with President Nicolás Maduro.",
    );
    let names: Vec<(&str, &str)> = c
        .iter()
        .filter(|c| c.kind == FactKind::Entity)
        .map(|c| (c.a.as_str(), c.b.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Caracus", "Caracas"),
            ("Nicholas Maduro", "Nicolás Maduro")
        ]
    );
    // A country and its adjective are not one name spelt two ways.
    assert!(one_sentence("Officials in Venezuela met.", "Venezuelan officials met.").is_empty());
}

#[test]
fn counts_conflict_only_for_the_same_thing() {
    let c = one_sentence(
        "The talks went on, two sources said.",
        "The talks went on, three sources said.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].kind, FactKind::Count);
    let c = one_sentence(
        "The talks went on, two sources said.",
        "The talks went on, four of the people said.",
    );
    assert!(c.iter().all(|c| c.kind != FactKind::Count), "{c:?}");
}

#[test]
fn dates_about_different_events_do_not_conflict() {
    let c = one_sentence(
        "He was arrested in 2015. The bank collapsed last month.",
        "The court ruled in March 2024. He fled the country on Jan. 3.",
    );
    assert!(c.iter().all(|c| c.kind != FactKind::Date), "{c:?}");
    let c = one_sentence(
        "The bounty was raised to $25 million last year.",
        "The bounty was raised to $15 million last year.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        (c[0].a.as_str(), c[0].b.as_str()),
        ("$25 million", "$15 million")
    );
}

#[test]
fn a_quote_given_to_another_speaker() {
    let c = one_sentence(
        "\"We will not surrender to anyone,\" said Smith.",
        "\"We will not surrender to anyone,\" said Jones.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].kind, FactKind::Attribution);
    assert_eq!((c[0].a.as_str(), c[0].b.as_str()), ("Smith", "Jones"));
    let c = one_sentence(
        "\"We will never surrender to anyone,\" said Smith.",
        "\"We will not surrender to anyone,\" said Smith.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].kind, FactKind::Quote);
    assert_eq!(c[0].slot, "Wording of the quote");
    // One side quoting less of the same words is no change of wording.
    let c = one_sentence(
        "\"We will not surrender to anyone, ever,\" said Smith.",
        "\"We will not surrender to anyone,\" said Smith.",
    );
    assert!(c.is_empty(), "{c:?}");
}

/// A quote's flag shows the words that differ with a few around them; where it leaves out
/// words of the quote, its sentence says so with "…", while `a` and `b` stay the words as
/// written.
#[test]
fn a_quote_cut_to_what_differs_says_it_is_cut() {
    let c = one_sentence(
        "\"Nobody in this valley will spend the winter in a tent while I am in office,\" \
         said Smith.",
        "\"Nobody in the valley will have to spend the coming winter in a tent,\" said Smith.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].kind, FactKind::Quote);
    assert!(!c[0].a.contains('…') && !c[0].b.contains('…'), "{c:?}");
    let s = parallax::facts::sentence(&c[0], "A", "B", false);
    assert!(s.contains("A has “Nobody in this valley"), "{s}");
    assert!(s.contains(" …”, B has “Nobody in the valley"), "{s}");
    assert!(s.ends_with(" …”"), "{s}");
    // Seen from B's side, the marks go with their words.
    let s = parallax::facts::sentence(&c[0].swapped(), "B", "A", false);
    assert!(s.contains("B has “Nobody in the valley"), "{s}");
    assert!(s.ends_with(" …”"), "{s}");
    // A quote shown whole gets no mark.
    let c = one_sentence(
        "\"Every school will be rebuilt,\" the governor said.",
        "\"Every home will be rebuilt,\" the governor said.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    let s = parallax::facts::sentence(&c[0], "A", "B", false);
    assert!(!s.contains('…'), "{s}");
}

#[test]
fn additions_in_a_link_and_across_documents() {
    let (a, b) = (
        source(
            "a.txt",
            "Cabello, 56, met US officials in Caracas last month.",
        ),
        source(
            "b.txt",
            "Cabello met U.S. officials last month, two sources said.",
        ),
    );
    let only = facts::link_additions(a.analysed(), &[SegmentId(0)], b.analysed(), &[SegmentId(0)]);
    let kinds = |s: &Source, ids: &[usize]| -> Vec<FactKind> {
        ids.iter().map(|&i| s.facts[i].kind).collect()
    };
    assert!(kinds(&a, &only.a).contains(&FactKind::Age));
    assert!(kinds(&a, &only.a).contains(&FactKind::Entity)); // Caracas
    assert!(!kinds(&a, &only.a).contains(&FactKind::Date)); // both say last month
    assert!(kinds(&b, &only.b).contains(&FactKind::Count));
    assert!(kinds(&b, &only.b).contains(&FactKind::Attribution));

    let cmp = Comparison::build(
        vec![a.document.clone(), b.document.clone()],
        &Options::default(),
    )
    .unwrap();
    let pair = &cmp.pairs[0];
    assert_eq!(pair.facts_only, facts::only_in(a.analysed(), b.analysed()));
    assert_eq!(pair.link_facts.len(), pair.alignment.links.len());
}

#[test]
fn sources_conflict_only_when_both_are_named_and_alike() {
    let c = one_sentence(
        "The talks began in Caracas, according to Reuters.",
        "The talks began in Caracas, says the AP.",
    );
    let who: Vec<(&str, &str)> = c
        .iter()
        .filter(|c| c.kind == FactKind::Attribution)
        .map(|c| (c.a.as_str(), c.b.as_str()))
        .collect();
    assert_eq!(who, [("Reuters", "AP")]);
    // The person who spoke and the outlet that heard it are not two versions of a source.
    let c = one_sentence(
        "An aide to the minister said he would not meet them.",
        "An unnamed aide disputes that, telling AP he would not meet them.",
    );
    assert!(c.iter().all(|c| c.kind != FactKind::Attribution), "{c:?}");
    // Two unnamed officials are not a conflict either.
    let c = one_sentence(
        "\"We will not surrender to anyone,\" the official said.",
        "\"We will not surrender to anyone,\" a senior official said.",
    );
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_revision_that_changes_any_number_is_flagged_once() {
    let a = "Der Stadtrat beschloss den Plan im Jahr 2015. Erwachsene vertragen 400 mg Koffein am Tag.\n\nDer Bürgermeister eröffnete die Brücke am 7. Juli 2016.\n\nDie Brücke gehört seitdem zur Zone 4 des Netzes.\n";
    let b = "Der Stadtrat beschloss den Plan im Jahr 2018. Erwachsene vertragen 300 mg Koffein am Tag.\n\nDer Bürgermeister eröffnete die Brücke am 9. Juli 2016.\n\nDie Brücke gehört seitdem zur Zone 3 des Netzes.\n";
    let docs = vec![
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", b),
    ];
    let cmp = Comparison::build(docs, &Options::default()).unwrap();
    let mut pairs: Vec<(String, String)> = cmp.pairs[0]
        .link_facts
        .iter()
        .flat_map(|l| &l.conflicts)
        .map(|c| (c.a.clone(), c.b.clone()))
        .collect();
    pairs.sort();
    assert_eq!(
        pairs,
        [
            ("4".to_string(), "3".to_string()),
            ("400 mg".to_string(), "300 mg".to_string()),
            ("7. Juli 2016".to_string(), "9. Juli 2016".to_string()),
            ("im Jahr 2015".to_string(), "im Jahr 2018".to_string()),
        ],
        "typed dates and quantities once, the untyped number from the word changes"
    );
}

#[test]
fn a_changed_speaker_is_one_difference_and_not_also_only_in_one_side() {
    let a = "Die Behörde prüfte den Fall.\n\nDr. Anna Weiß sagte dazu: „Wir raten Kindern grundsätzlich von Energydrinks ab.“\n";
    let b = "Die Behörde prüfte den Fall.\n\nDr. Anna Schwarz sagte dazu: „Wir raten Kindern grundsätzlich von Energydrinks ab.“\n";
    let docs = vec![
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", b),
    ];
    let cmp = Comparison::build(docs, &Options::default()).unwrap();
    let pair = &cmp.pairs[0];
    let found: Vec<&Conflict> = pair
        .link_facts
        .iter()
        .flat_map(|l| &l.conflicts)
        .filter(|c| c.kind == FactKind::Attribution)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let only_a: Vec<FactKind> = pair
        .facts_only
        .a
        .iter()
        .map(|&i| cmp.sources[0].facts[i].kind)
        .collect();
    assert!(!only_a.contains(&FactKind::Attribution), "{only_a:?}");
    // Nor does the link itself list it as added.
    let link_only_a: Vec<FactKind> = pair
        .link_facts
        .iter()
        .flat_map(|f| &f.additions.a)
        .map(|&i| cmp.sources[0].facts[i].kind)
        .collect();
    assert!(
        !link_only_a.contains(&FactKind::Attribution),
        "{link_only_a:?}"
    );
}

#[test]
fn two_quotes_given_to_another_speaker_are_two_differences() {
    let a = "Dr. Anna Weiß sagte: „Wir raten Kindern grundsätzlich von Energydrinks ab.“ \
             Und Dr. Anna Weiß fügte hinzu: „Die Dosen gehören nicht in Schulen.“\n";
    let b = a.replace("Weiß", "Schwarz");
    let docs = vec![
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", &b),
    ];
    let options = Options {
        unit: parallax::segment::Unit::Paragraph,
        ..Options::default()
    };
    let cmp = Comparison::build(docs, &options).unwrap();
    let links = &cmp.pairs[0].link_facts;
    assert_eq!(cmp.pairs[0].alignment.links.len(), 1);
    let starts: Vec<usize> = links[0].conflicts.iter().map(|c| c.a_span.start).collect();
    assert_eq!(starts.len(), 2, "{:#?}", links[0].conflicts);
    assert_ne!(starts[0], starts[1]);
}

/// Characters whose lower case is shorter than they are (the Kelvin sign is three bytes,
/// its lower case 'k' one) around hedges and ranges: every flag's words are cut at
/// character boundaries.
#[test]
fn letters_that_shrink_when_lower_cased_cut_no_character() {
    for (a, b) in [
        (
            "\u{212A}napp 7 % stimmten dafür.",
            "Knapp 9 % stimmten dafür.",
        ),
        (
            "At \u{212A}east 40 people came.",
            "At least 52 people came.",
        ),
        (
            "Some 40 people came or mor\u{212A}.",
            "Some 52 people came.",
        ),
        (
            "Betwee\u{212A} 5 and 9 people came.",
            "Between 12 and 14 people came.",
        ),
        ("İİİ about 40 people came.", "İİİ at least 52 people came."),
        (
            "\u{212A}\u{212A} 10 to 20% or more voted.",
            "\u{212A}\u{212A} 5% voted.",
        ),
    ] {
        for c in one_sentence(a, b) {
            let (sa, sb) = (source("a.txt", a), source("b.txt", b));
            assert!(sa.document.text.get(c.a_span.start..c.a_span.end).is_some());
            assert!(sb.document.text.get(c.b_span.start..c.b_span.end).is_some());
            let _ = facts::sentence(&c, "A", "B", false);
        }
    }
}

/// The flag sentences the README gives as examples are the ones the comparer writes.
#[test]
fn the_readmes_flag_sentences_are_the_ones_written() {
    for (a, b, want) in [
        (
            "The blast killed 42 people, police said.",
            "The blast killed at least 43 people, police said.",
            "Killed: A says 42 people, B says at least 43 people",
        ),
        (
            "A 7.6-magnitude quake struck the coast.",
            "A 7.7-magnitude quake struck the coast.",
            "Magnitude: A says 7.6, B says 7.7",
        ),
    ] {
        let c = one_sentence(a, b);
        let said: Vec<String> = c
            .iter()
            .map(|c| facts::sentence(c, "A", "B", false))
            .collect();
        assert_eq!(said, [want], "{a} / {b}");
    }
}

#[test]
fn a_weekday_changed_in_a_revision_that_adds_its_time_stamp_is_flagged() {
    let said = |day: &str| format!("Rescuers reached the flooded village {day}, the army said.");
    let stamped =
        |time: &str, day: &str| format!("Updated {time} EST, January 7, 2009\n{}", said(day));
    let dates = |c: &[Conflict]| -> Vec<(String, String)> {
        (c.iter().filter(|c| c.kind == FactKind::Date))
            .map(|c| (c.a.clone(), c.b.clone()))
            .collect()
    };
    let changed = vec![("early Wednesday".to_string(), "early Thursday".to_string())];
    // Only the revision dated; both dated. The two days the dates place ("Thursday" is
    // January 8) are within the slack a relative day has against another source's date, but
    // the names say two days.
    let c = one_sentence(
        &said("early Wednesday"),
        &stamped("3:45 p.m.", "early Thursday"),
    );
    assert_eq!(dates(&c), changed, "{c:?}");
    let c = one_sentence(
        &stamped("9:10 a.m.", "early Wednesday"),
        &stamped("3:45 p.m.", "early Thursday"),
    );
    assert_eq!(dates(&c), changed, "{c:?}");
    // One name under two dates is one day told alike; a night and the next early morning
    // may be one moment.
    let c = one_sentence(&said("on Wednesday"), &stamped("3:45 p.m.", "on Wednesday"));
    assert!(dates(&c).is_empty(), "{c:?}");
    let c = one_sentence(
        &said("late Tuesday night"),
        &stamped("3:45 p.m.", "early Wednesday"),
    );
    assert!(dates(&c).is_empty(), "{c:?}");
    // "last" and "next" say which week: read against the dates, they are two days.
    let c = one_sentence(
        &stamped("9:10 a.m.", "last Tuesday"),
        &stamped("3:45 p.m.", "next Tuesday"),
    );
    assert_eq!(
        dates(&c),
        vec![("last Tuesday".to_string(), "next Tuesday".to_string())],
        "{c:?}"
    );
}

#[test]
fn a_revised_figure_is_shown_with_what_it_counts() {
    let flags = |a: &str, b: &str| -> Vec<(String, String)> {
        let cmp = crate::support::two(a, b);
        (cmp.pairs[0].link_facts.iter())
            .flat_map(|f| f.conflicts.iter().map(|c| (c.a.clone(), c.b.clone())))
            .collect()
    };
    let pair = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
    // Two estimates that overlap, revised: the editor still sees the figure and its noun.
    assert_eq!(
        flags(
            "A mortar strike killed about 40 people sheltering in a school on Tuesday.",
            "A mortar strike killed about 45 people sheltering in a school on Tuesday."
        ),
        pair("about 40 people", "about 45 people")
    );
    assert_eq!(
        flags(
            "Ratliff returned it for a touchdown with 4 minutes 48 seconds remaining.",
            "Ratliff returned it for a touchdown with 4 minutes 18 seconds remaining."
        ),
        pair("4 minutes 48 seconds", "4 minutes 18 seconds")
    );
    // A number before the hedge ends another clause.
    assert_eq!(
        flags(
            "Since 2019 roughly 40 people have left the island village each year.",
            "Since 2019 roughly 45 people have left the island village each year."
        ),
        pair("roughly 40 people", "roughly 45 people")
    );
}

/// A header date written the way page headers abbreviate it ("5 Aug 2013 10:37") dates the
/// article, so its "yesterday" is read against it. Between articles written more than a
/// month apart, a day near one article's date ("today", "this week") is not the other's:
/// no "facts differ"; a relative time of years, or articles days apart, are still read.
#[test]
fn relative_times_are_read_against_an_abbreviated_header_date_and_only_near_the_other() {
    let dates = |c: &[Conflict]| -> Vec<(String, String)> {
        (c.iter().filter(|c| c.kind == FactKind::Date))
            .map(|c| (c.a.clone(), c.b.clone()))
            .collect()
    };
    let said =
        |when: &str| format!("The company disclosed the browser flaw {when}, its engineers said.");
    let dated = |date: &str, when: &str| format!("{date}\n{}", said(when));
    // Dated two days apart: "yesterday" (August 4) is not "on Friday" (August 2).
    let c = one_sentence(
        &dated("5 Aug 2013 10:37", "yesterday"),
        &dated("Aug 7 2013 09:00", "on Friday"),
    );
    assert_eq!(
        dates(&c),
        vec![("yesterday".to_string(), "on Friday".to_string())],
        "{c:?}"
    );
    // A year apart, each "today": two flaws, not one told two ways.
    let c = one_sentence(
        &dated("5 Aug 2013 10:37", "today"),
        &dated("Aug 7 2012 09:00", "earlier this week"),
    );
    assert!(dates(&c).is_empty(), "{c:?}");
    // Days apart, a relative time far from the other date is still a difference, and so is
    // one that spans more than days, however far the articles' dates.
    for (a, b, x, y) in [
        (
            "Aug 7 2013 09:00",
            "Aug 9 2013 09:00",
            "yesterday",
            "March 3, 2013",
        ),
        (
            "Aug 7 2013 09:00",
            "Aug 9 2013 09:00",
            "last year",
            "in 2009",
        ),
        (
            "Aug 7 2013 09:00",
            "Aug 9 2012 09:00",
            "three years ago",
            "in 2003",
        ),
    ] {
        let c = one_sentence(&dated(a, x), &dated(b, y));
        assert_eq!(dates(&c), vec![(x.to_string(), y.to_string())], "{c:?}");
    }
}

/// A range revised at both ends is one flag, with its hedge and its unit, in English and in
/// German: "about 60 to 80 gigawatts" / "about 70 to 90 gigawatts", not "about 60 / about
/// 70" beside "80 / 90".
#[test]
fn a_range_revised_at_both_ends_is_one_flag_with_its_unit() {
    for (a, b, flag) in [
        (
            "Germany needs a capacity of about 60 to 80 gigawatts a day, the association said.",
            "Germany needs a capacity of about 70 to 90 gigawatts a day, the association said.",
            ("about 60 to 80 gigawatts", "about 70 to 90 gigawatts"),
        ),
        (
            "Deutschland braucht eine Leistung von rund 60 bis 80 Gigawatt täglich, sagte der Verband.",
            "Deutschland braucht eine Leistung von rund 70 bis 90 Gigawatt täglich, sagte der Verband.",
            ("rund 60 bis 80 Gigawatt", "rund 70 bis 90 Gigawatt"),
        ),
    ] {
        let docs = vec![
            Document::from_text("a.txt", a),
            Document::from_text("b.txt", b),
        ];
        let cmp = Comparison::build(docs, &Options::default()).unwrap();
        let flags: Vec<(&str, &str)> = (cmp.pairs[0].link_facts.iter())
            .flat_map(|l| &l.conflicts)
            .map(|c| (c.a.as_str(), c.b.as_str()))
            .collect();
        assert_eq!(flags, [flag]);
    }
}
