//! Revisions of one text: passages kept word for word are not compared the long way
//! (`facts::verbatim`), which is right because the long way finds nothing in them on real
//! text, relative days under other article dates included (it could only flag a passage
//! that names two parties both ways round against itself).

use parallax::Comparison;
use parallax::facts;

use crate::support;

/// A revision of `text`: the numbers of every other line that has some moved up by one,
/// and every seventh line dropped; the rest kept word for word.
fn revised(text: &str) -> String {
    let bump = |line: &str| -> String {
        let mut out = String::new();
        let mut digits = String::new();
        for c in line.chars().chain(std::iter::once('\n')) {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            if !digits.is_empty() {
                let n: u64 = digits.parse().unwrap();
                out.push_str(&(n + 1).to_string());
                digits.clear();
            }
            out.push(c);
        }
        out.pop();
        out
    };
    let mut numbered = 0;
    let mut out = Vec::new();
    for (k, line) in text.lines().enumerate() {
        if k % 7 == 6 {
            continue;
        }
        if line.contains(|c: char| c.is_ascii_digit()) {
            numbered += 1;
            if numbered % 2 == 1 {
                out.push(bump(line));
                continue;
            }
        }
        out.push(line.to_string());
    }
    out.join("\n")
}

/// For every link of `cmp`'s pair: whether it is verbatim, and whether the long way
/// (`compare`, `link_additions`) finds a conflict or a fact only one side has.
fn verdicts(cmp: &Comparison) -> Vec<(bool, bool)> {
    let (a, b) = (cmp.sources[0].analysed(), cmp.sources[1].analysed());
    (cmp.pairs[0].alignment.links.iter())
        .map(|l| {
            let found = facts::compare(a, &l.a, b, &l.b);
            let added = facts::link_additions(a, &l.a, b, &l.b);
            let something =
                !found.conflicts.is_empty() || !added.a.is_empty() || !added.b.is_empty();
            (facts::verbatim(a, &l.a, b, &l.b), something)
        })
        .collect()
}

#[test]
fn passages_a_revision_keeps_word_for_word_hold_no_difference() {
    // Two news reports rich in numbers (a quake's toll, an air strike's).
    for name in ["news/37_4ecb--37_5ecb/a.txt", "news/41_7ecb--41_9ecb/b.txt"] {
        let text = std::fs::read_to_string(support::fixture(name)).unwrap();
        let cmp = support::two(&text, &revised(&text));
        let v = verdicts(&cmp);
        let kept = v.iter().filter(|(same, _)| *same).count();
        // Most passages are kept; the bumped ones are not verbatim, and some differ.
        assert!(kept * 2 > v.len(), "{name}: {kept} of {} verbatim", v.len());
        assert!(v.iter().any(|&(same, found)| !same && found), "{name}");
        for (k, &(same, found)) in v.iter().enumerate() {
            assert!(!(same && found), "{name}: link {k} is verbatim yet differs");
        }
        // And the report flags the bumped numbers, as the long way would.
        assert!(
            (cmp.pairs[0].link_facts.iter()).any(|f| !f.conflicts.is_empty()),
            "{name}"
        );
    }
}

#[test]
fn a_relative_day_kept_word_for_word_under_another_date_differs_in_no_way() {
    let dated = |date: &str| {
        format!(
            "Quake Shakes Island Town\nBy Ana Lopez\n{date}\n\n\
             A strong earthquake rattled the island of Vessa on Tuesday, damaging the harbour \
             wall.\n\nThe mayor said the old town would be rebuilt.\n"
        )
    };
    // Tuesday is March 3 for the first and March 10 for the second, but both say it alike:
    // the long way finds nothing either.
    let cmp = support::two(&dated("March 4, 2026"), &dated("March 12, 2026"));
    let v = verdicts(&cmp);
    let words = |k: usize| cmp.sources[0].segment_text(cmp.pairs[0].alignment.links[k].a[0]);
    let k = (0..v.len())
        .find(|&k| words(k).contains("on Tuesday"))
        .expect("the sentence is linked");
    assert_eq!(v[k], (true, false));
}

#[test]
fn two_sources_grow_no_claims_and_three_do() {
    let texts = [
        "The mayor opened the bridge on Monday. It cost $2 million.",
        "On Monday the mayor opened the bridge. It cost $2 million.",
        "The bridge was opened by the mayor on Monday. Its cost: $2 million.",
    ];
    let docs = |n: usize| {
        (texts.iter().take(n).enumerate())
            .map(|(k, t)| parallax::Document::from_text(format!("{k}.txt"), *t))
            .collect::<Vec<_>>()
    };
    let opts = parallax::Options::default();
    let two = Comparison::build(docs(2), &opts).unwrap();
    assert!(!two.pairs[0].alignment.links.is_empty());
    assert!(two.clusters.is_empty(), "{:?}", two.clusters);
    let three = Comparison::build(docs(3), &opts).unwrap();
    assert!(!three.clusters.is_empty());
}
