//! Facts across a whole comparison: relative times read against the article's own date,
//! flags on weak links shown as possible and not counted, and passages that state one fact
//! two ways joined to the links.

use parallax::align::{self, Alignment, LinkModel, Reason};
use parallax::comparison::{Options, Source};
use parallax::export::{json, text};
use parallax::facts::{self, FactKind};
use parallax::{Comparison, Document, SegmentId};

const DATED: &str = "Quake Shakes Island Town\nBy Ana Lopez\nMarch 3, 2026\n\n\
A strong earthquake rattled the island of Vessa on Tuesday, damaging the harbour wall.\n\n\
The quake levelled several houses in the old town and killed one person, the mayor said.\n";

const OTHER: &str = "An earthquake struck Vessa on March 5, damaging the harbour wall.\n\n\
At least four people died in the old town, where rescuers searched the rubble.\n";

fn source(name: &str, text: &str) -> Source {
    Source::analyse(Document::from_text(name, text), &Options::default())
}

/// The segment that holds `needle`.
fn seg(s: &Source, needle: &str) -> SegmentId {
    let at = s.document.text.find(needle).expect("needle in text");
    let i = s
        .segments
        .iter()
        .position(|g| g.span.start <= at && at < g.span.end)
        .expect("a segment holds it");
    SegmentId(i)
}

#[test]
fn a_weekday_is_read_against_the_articles_own_date() {
    let (a, b) = (source("a.txt", DATED), source("b.txt", OTHER));
    let dated = |a: &Source| {
        facts::conflicts(
            a.analysed(),
            &[seg(a, "on Tuesday")],
            b.analysed(),
            &[seg(&b, "March 5")],
        )
    };
    // The article is dated Tuesday, March 3: its "Tuesday" is not March 5.
    let c = dated(&a);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!((c[0].kind, c[0].slot.as_str()), (FactKind::Date, "Date"));
    assert_eq!(
        (c[0].a.as_str(), c[0].b.as_str()),
        ("on Tuesday", "March 5")
    );
    // Without its date line the same words name no day, and nothing differs.
    let undated = source("a.txt", &DATED.replace("March 3, 2026\n", ""));
    assert!(dated(&undated).is_empty());
    // Dated, and naming the day the other source gives, it agrees.
    let same_day = source("b.txt", &OTHER.replace("March 5", "March 3"));
    let c = facts::conflicts(
        a.analysed(),
        &[seg(&a, "on Tuesday")],
        same_day.analysed(),
        &[seg(&same_day, "March 3")],
    );
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_flag_on_a_weak_link_is_possible_and_not_counted() {
    let ap = crate::support::sample("cabello-2019-ap-rewrite.txt");
    let reuters = crate::support::sample("cabello-2026-reuters-rewrite.txt");
    let read = |p: &str| Document::from_text(p, std::fs::read_to_string(p).unwrap());
    let docs = || vec![read(&ap), read(&reuters)];
    // The learned link score believes the link that gives the two ages: the flag counts.
    let cmp = Comparison::build(docs(), &Options::default()).unwrap();
    let links = json::report(&cmp).links.expect("two sources");
    let age = links
        .iter()
        .find(|l| l.conflicts.iter().any(|c| c.kind == "age"))
        .expect("the ages differ on a believed link");
    assert!(!age.weak && age.possible_conflicts.is_empty());
    // The aligner's own score finds that link weak: the flag is only possible.
    let mut options = Options {
        fast: true,
        ..Options::default()
    };
    options.params.link_model = LinkModel::none();
    let cmp = Comparison::build(docs(), &options).unwrap();
    let report = json::report(&cmp);
    let links = report.links.expect("two sources");
    let age = links
        .iter()
        .find(|l| l.possible_conflicts.iter().any(|c| c.kind == "age"))
        .expect("the age differs on a weak link");
    assert!(age.weak, "the age link scores {}", age.score);
    assert!(age.conflicts.is_empty());
    let c = &age.possible_conflicts[0];
    assert!(c.possible);
    assert_eq!(c.slot, "Age of Cabello");
    assert_eq!(
        c.sentence,
        "Age of Cabello: A says 56, B says 62 (possible: the link is weak)"
    );
    // The text report marks it with "?" and counts it apart.
    let out = text::render(&cmp);
    assert!(out.contains(&format!("? {}", c.sentence)), "{out}");
    assert!(out.contains("more possible)"), "{out}");
}

/// A link shown only because the user asked for a lower minimum score is one the aligner
/// does not believe: it is weak, and the count it seems to contradict is only possible.
#[test]
fn a_link_shown_below_the_believed_score_is_weak_and_its_flags_possible() {
    assert_eq!(LinkModel::default().min_score, align::BELIEVED_LINK);
    let a = "The ferry from Tolland sank in heavy seas on Monday night.\n\
             Rescuers pulled survivors from the cold water for hours.\n\
             Officials said 42 passengers died in the sinking.\n\
             The harbour master blamed the weather.\n";
    let b = "Storms closed every port on the Tolland coast this week.\n\
             In a separate accident, 57 passengers died when a bus left the mountain road \
             near Orvik.\n\
             Fishermen stayed ashore as the waves grew.\n";
    let docs = || {
        vec![
            Document::from_text("a.txt", a),
            Document::from_text("b.txt", b),
        ]
    };
    let killed = |options: &Options| {
        let cmp = Comparison::build(docs(), options).unwrap();
        let links = json::report(&cmp).links.expect("two sources");
        links
            .into_iter()
            .find(|l| l.a.contains(&2) && l.b.contains(&1))
    };
    // At the shipped minimum the two deaths are no link at all.
    assert!(killed(&Options::default()).is_none());
    let mut low = Options::default();
    low.params.link_model.min_score = 0.3;
    let link = killed(&low).expect("shown when asked for links from 0.3");
    assert!(link.score < align::BELIEVED_LINK, "{}", link.score);
    assert!(link.weak);
    assert!(link.conflicts.is_empty(), "{:?}", link.conflicts);
    assert_eq!(link.possible_conflicts.len(), 1);
    assert_eq!(link.possible_conflicts[0].slot, "Killed");
}

/// Two reports of one quake: A's second passage and B's only one state the toll two ways.
fn vessa() -> (Source, Source) {
    let a = source(
        "a.txt",
        "Rescuers reached the old town of Vessa at dawn.\n\n\
         The quake levelled several houses in Vessa and killed one person, the mayor said.\n",
    );
    let b = source(
        "b.txt",
        "At least four people died in Vessa when houses collapsed, the mayor said.\n",
    );
    (a, b)
}

#[test]
fn passages_that_state_one_fact_two_ways_are_joined() {
    let (a, b) = vessa();
    let pairs = facts::fact_pairs(a.analysed(), b.analysed(), &[]);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!(
        (pairs[0].a, pairs[0].b, pairs[0].slot.as_str()),
        (SegmentId(1), SegmentId(0), "Killed")
    );
    // Joined to an alignment that left them apart, they make a link that says why.
    let mut al = Alignment {
        links: Vec::new(),
        only_a: vec![SegmentId(0), SegmentId(1)],
        only_b: vec![SegmentId(0)],
        possible: Vec::new(),
    };
    let found: Vec<(SegmentId, SegmentId, String)> =
        pairs.into_iter().map(|p| (p.a, p.b, p.slot)).collect();
    let params = Default::default();
    let prepared = align::Prepared::new(a.side(), b.side(), &params);
    align::join((a.side(), b.side()), &prepared, &params, &mut al, &found);
    assert_eq!(al.links.len(), 1);
    let l = &al.links[0];
    assert_eq!(
        (l.a.as_slice(), l.b.as_slice()),
        (&[SegmentId(1)][..], &[SegmentId(0)][..])
    );
    assert!(
        l.why.contains(&Reason::SameFact(vec!["Killed".into()])),
        "{:?}",
        l.why
    );
    assert_eq!(
        (al.only_a.as_slice(), al.only_b.as_slice()),
        (&[SegmentId(0)][..], &[][..])
    );
    let c = facts::conflicts(a.analysed(), &l.a, b.analysed(), &l.b);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        facts::sentence(&c[0], "A", "B", false),
        "Killed: A says one person, B says at least four people"
    );
}

/// Where the learned score chose the links, passages it left apart that state one fact two
/// ways become a possible link, not a shown one: the score the user filters on never let
/// them in (a "same fact" link between two different quakes' distances was shown at 0.10
/// whatever `--min-score` said).
#[test]
fn a_fact_pair_the_learned_score_left_apart_stays_possible() {
    let (a, b) = vessa();
    let found: Vec<(SegmentId, SegmentId, String)> =
        facts::fact_pairs(a.analysed(), b.analysed(), &[])
            .into_iter()
            .map(|p| (p.a, p.b, p.slot))
            .collect();
    let params = Default::default();
    let (mut al, prepared) = align::align_prepared(a.side(), b.side(), &params);
    assert!(prepared.judged(), "English text: the learned score chooses");
    // The learned score left them apart (as the judge may): drop any link it made.
    al.links.clear();
    al.only_a = vec![SegmentId(0), SegmentId(1)];
    al.only_b = vec![SegmentId(0)];
    align::join((a.side(), b.side()), &prepared, &params, &mut al, &found);
    assert!(al.links.is_empty(), "{:?}", al.links);
    assert!(
        al.possible.iter().any(|l| l.a == [SegmentId(1)]
            && l.b == [SegmentId(0)]
            && l.why == [Reason::SameFact(vec!["Killed".into()])]),
        "kept as a possible link that says which fact it tells two ways: {:?}",
        al.possible
    );
}

/// Passages no link joins, one per source, that state one fact two ways: each pair is found
/// with its slot (the aligner may miss them: they share few words where they differ).
#[test]
fn one_fact_told_two_ways_is_found_in_passages_no_link_joins() {
    for (a, b, slot) in [
        (
            "A 7.6-magnitude quake struck off the coast of Sumatra on Sunday.",
            "The 7.7 quake struck off the Sumatran coast, the agency said.",
            "Magnitude",
        ),
        (
            "The first quake struck the coastal town at 9:30 in the morning.",
            "Residents said the coastal town was struck at 9:27.",
            "Time of day",
        ),
        (
            "Dozens were injured when the blast tore through the market.",
            "Eight people were injured as the blast hit the crowded market.",
            "Injured",
        ),
        (
            "Shelling hit the Jabelora camp in the north overnight.",
            "Residents of the northern Jabeloa camp said shelling went on overnight.",
            "Spelling",
        ),
        (
            "Coach J.R. Hartley praised the defence after the win.",
            "After the win, JR Hartley praised his defence again.",
            "Spelling",
        ),
    ] {
        let (sa, sb) = (source("a.txt", a), source("b.txt", b));
        let pairs = facts::fact_pairs(sa.analysed(), sb.analysed(), &[]);
        let slots: Vec<&str> = pairs.iter().map(|p| p.slot.as_str()).collect();
        assert_eq!(slots, [slot], "{a} / {b}");
    }
}

/// A passage that joins a link the aligner scored high gets no share of that score: the
/// link takes the lower of its score and the joined pair's own, so a flag the join brings
/// counts only as far as the pair's words support it.
#[test]
fn a_passage_joining_a_strong_link_brings_its_own_score() {
    let a = source(
        "a.txt",
        "At least four people died in Vessa when houses collapsed, the mayor said.\n\n\
         The quake levelled several houses in Vessa and killed one person, the mayor said.\n",
    );
    let b = source(
        "b.txt",
        "At least four people died in Vessa when houses collapsed, the mayor said.\n",
    );
    let found = vec![(SegmentId(1), SegmentId(0), "Killed".to_string())];
    // The pair alone, as a new link: the aligner's score for its words.
    let mut alone = Alignment {
        links: Vec::new(),
        only_a: vec![SegmentId(1)],
        only_b: vec![SegmentId(0)],
        possible: Vec::new(),
    };
    let params = Default::default();
    let prepared = align::Prepared::new(a.side(), b.side(), &params);
    align::join((a.side(), b.side()), &prepared, &params, &mut alone, &found);
    let own = alone.links[0].score;
    assert!(own < 0.9, "the pair scores {own}");
    // Joined to a link scored 0.9, the link falls to the pair's score.
    let mut al = Alignment {
        links: vec![align::Link {
            a: vec![SegmentId(0)],
            b: vec![SegmentId(0)],
            score: 0.9,
            why: Vec::new(),
            changes: Vec::new(),
            doubted: false,
        }],
        only_a: vec![SegmentId(1)],
        only_b: Vec::new(),
        possible: Vec::new(),
    };
    let params = Default::default();
    let prepared = align::Prepared::new(a.side(), b.side(), &params);
    align::join((a.side(), b.side()), &prepared, &params, &mut al, &found);
    assert_eq!(al.links.len(), 1);
    assert_eq!(al.links[0].a, [SegmentId(0), SegmentId(1)]);
    assert_eq!(al.links[0].score, own);
}

/// Two links the learned score believes are not merged by a pair that tells one fact two
/// ways but scores below `--min-score` on its words: the quake of this week and the flood
/// of 2010 became one weak link ("A 1+3 ~ B 1+3 score 0.23").
#[test]
fn two_believed_links_are_not_merged_by_a_weak_pair() {
    let a = "A strong quake shook the northern province of Halmera on Friday, days after a \
powerful tremor destroyed homes and killed two people, officials said.\n\n\
Residents slept outside for a third night.\n\n\
The shaking revived memories of the 2010 flood that killed 3,000 people in Halmera province \
and its islands.\n";
    let b = "Hundreds of frightened residents fled to camps in the northern province of \
Halmera today after two powerful tremors destroyed homes and killed at least two people.\n\n\
Schools stayed closed.\n\n\
Some 3,000 people were killed in Halmera province and its islands by the 2010 flood, the \
worst in its history.\n";
    let docs = vec![
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", b),
    ];
    let cmp = Comparison::build(docs, &Options::default()).unwrap();
    let links = &cmp.pairs[0].alignment.links;
    let min = cmp.options.params.link_model.min_score;
    let shown: Vec<(usize, usize)> = links.iter().map(|l| (l.a.len(), l.b.len())).collect();
    assert_eq!(shown, [(1, 1), (1, 1)], "{links:?}");
    assert!(links.iter().all(|l| l.score >= min), "{links:?}");
}

/// A revision drops a passage that gives another quake's magnitude and distance. The
/// passage both texts keep word for word, which gives the first quake's, stays a link the
/// reader is shown, and the dropped passage is one only the first text has (it was joined
/// to that link as "one fact told two ways", which made the link weak).
#[test]
fn a_passage_kept_word_for_word_stays_shown_when_the_other_text_drops_a_neighbour() {
    let a =
        std::fs::read_to_string(crate::support::fixture("news/37_4ecb--37_5ecb/a.txt")).unwrap();
    let dropped = "One of the tremors with a 7.3 magnitude";
    let b: String = a
        .lines()
        .filter(|l| !l.starts_with(dropped))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(a, b);
    for fast in [true, false] {
        let docs = vec![
            Document::from_text("a.txt", a.as_str()),
            Document::from_text("b.txt", b.as_str()),
        ];
        let options = Options {
            fast,
            ..Options::default()
        };
        let cmp = Comparison::build(docs, &options).unwrap();
        let report = json::report(&cmp);
        let links = report.links.expect("two sources");
        let kept = "Panicked residents fled to higher ground";
        let (sa, sb) = (&cmp.sources[0], &cmp.sources[1]);
        let (ka, kb, gone) = (seg(sa, kept), seg(sb, kept), seg(sa, dropped));
        let link = links
            .iter()
            .find(|l| l.a.contains(&(ka.0)))
            .expect("the kept passage is linked");
        assert_eq!((link.a.clone(), link.b.clone()), (vec![ka.0], vec![kb.0]));
        assert!(!link.weak, "fast {fast}: {link:?}");
        assert!(links.iter().all(|l| !l.a.contains(&(gone.0))));
        assert!(report.only.expect("two sources").a.contains(&(gone.0)));
    }
}

/// A passage that counts another event's dead is not paired with a linked passage whose
/// link already gives its count on both sides: "two people were killed when a shell hit
/// another school" beside a link of "42 killed at the school" and "at least 45 killed at
/// the school" would join that link, compare the 42 with the wrong count and pull the link
/// down to its own low score. A passage that repeats the link's own count ("at least 45
/// people died") still pairs.
#[test]
fn a_count_of_another_event_is_not_paired_with_a_link_that_gives_its_own() {
    let a = source(
        "a.txt",
        "Hospital staff said 42 people were killed at the Alder school, where families \
         sheltered.\n",
    );
    let link = |b: usize| align::Link {
        a: vec![SegmentId(0)],
        b: vec![SegmentId(b)],
        score: 0.8,
        why: Vec::new(),
        changes: Vec::new(),
        doubted: false,
    };
    let other = source(
        "b.txt",
        "At least 45 people were killed at the school, where families had sheltered.\n\n\
         Two people were killed when a shell hit another school in the south.\n",
    );
    let pairs = facts::fact_pairs(a.analysed(), other.analysed(), &[link(0)]);
    assert!(pairs.is_empty(), "{pairs:?}");
    let again = source(
        "b.txt",
        "At least 45 people were killed at the school, where families had sheltered.\n\n\
         At least 45 people died at the Alder school, the hospital staff said.\n",
    );
    let pairs = facts::fact_pairs(a.analysed(), again.analysed(), &[link(0)]);
    let found: Vec<(usize, usize, &str)> = pairs
        .iter()
        .map(|p| (p.a.0, p.b.0, p.slot.as_str()))
        .collect();
    assert_eq!(found, [(0, 1, "Killed")]);
}

/// A count in a passage that a year dates to another event is not paired with this week's,
/// though the year is no date of its own ("the 2004 Asian tsunami"): joined to the link of
/// the two leads, it took the link's score down to a weak 0.08 (three Papua quake reports,
/// news-train 37_2ecb--37_6ecb/b.txt and 37_3ecb--37_5ecbplus/a.txt).
#[test]
fn a_count_a_year_dates_to_another_event_is_not_paired() {
    let a = source(
        "a.txt",
        "A series of powerful earthquakes rocked Manokwari, the capital of West Papua, on \
         Sunday, killing four people, injuring dozens and destroying hundreds of buildings.\n",
    );
    let b = |year: &str| {
        source(
            "b.txt",
            &format!(
                "THOUSANDS of frightened residents flooded makeshift refugee camps in \
                 Indonesia's West Papua province today after two powerful earthquakes \
                 flattened buildings and killed at least one person.\n\n\
                 Some 168,000 people were killed in Indonesia's Aceh province and Nias island \
                 by the {year}Asian tsunami, making it the worst hit country.\n"
            ),
        )
    };
    let leads = align::Link {
        a: vec![SegmentId(0)],
        b: vec![SegmentId(0)],
        score: 0.88,
        why: Vec::new(),
        changes: Vec::new(),
        doubted: false,
    };
    let found = |b: &Source| -> Vec<(usize, usize, String)> {
        facts::fact_pairs(a.analysed(), b.analysed(), std::slice::from_ref(&leads))
            .into_iter()
            .map(|p| (p.a.0, p.b.0, p.slot))
            .collect()
    };
    assert_eq!(found(&b("2004 ")), []);
    // The year at a sentence's end dates it too.
    let at_end = source(
        "b.txt",
        &b("")
            .document
            .text
            .replace("worst hit country.", "worst hit country in 2004."),
    );
    assert_eq!(found(&at_end), []);
    // Without the year, the tsunami's count reads as this week's, told two ways.
    assert_eq!(found(&b("")), [(0, 1, "Killed".to_string())]);
    // A number of four digits that no word leads to as a year dates nothing: this week's
    // toll told two ways still pairs.
    for tail in [
        "at 2000 local time",
        "to passengers of Flight 2010",
        "to Radio 1945",
    ] {
        let other = source(
            "b.txt",
            &format!(
                "THOUSANDS of frightened residents flooded makeshift refugee camps in \
                 Indonesia's West Papua province today after two powerful earthquakes \
                 flattened buildings and killed at least one person.\n\n\
                 At least five people were killed in Manokwari by the powerful earthquakes on \
                 Sunday, police said {tail}.\n"
            ),
        );
        assert_eq!(found(&other), [(0, 1, "Killed".to_string())], "{tail}");
    }
}
