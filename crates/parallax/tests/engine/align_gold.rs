//! The aligner against the hand-made references for the bundled samples: the measures of
//! `score-samples` (link recall and precision, passages one source adds, changed wording),
//! re-implemented here so the test needs nothing outside the project. The floors are the
//! scores the aligner reached when this test was written: a change that loses ground fails.

use std::collections::HashSet;

use parallax::document::{LoadOptions, load};
use parallax::{Comparison, Options};
use serde_json::Value;

use crate::support::{fixture, sample};

/// Ids of the segments holding the first byte of any occurrence of `anchor`; with
/// `whole_line` (a reference of one sentence per line), of any segment overlapping the line
/// that holds it, so a line the segmenter splits is still one passage.
fn segs_of(
    spans: &[(usize, usize)],
    data: &[u8],
    anchor: &str,
    whole_line: bool,
) -> HashSet<usize> {
    let needle = anchor.as_bytes();
    let mut out = HashSet::new();
    if needle.is_empty() || needle.len() > data.len() {
        return out;
    }
    for at in 0..=data.len() - needle.len() {
        if &data[at..at + needle.len()] == needle {
            let (lo, hi) = if whole_line {
                let lo = data[..at]
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map_or(0, |k| k + 1);
                let hi = data[at..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(data.len(), |k| at + k);
                (lo, hi)
            } else {
                (at, at + 1)
            };
            for (id, &(s, e)) in spans.iter().enumerate() {
                if s < hi && lo < e {
                    out.insert(id);
                }
            }
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    recall: (usize, usize),
    precision: (usize, usize),
    unique: (usize, usize),
    changed: (usize, usize),
}

fn words(s: &str) -> HashSet<String> {
    s.replace(',', " ")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// A reference set: its pairs, where their texts are, whether its anchors stand for lines.
struct Reference {
    gold: Value,
    path: fn(&str) -> String,
    whole_line: bool,
}

fn score_pair(pair: &Value, reference: &Reference, t: &mut Tally) {
    let whole_line = reference.whole_line;
    let name = |k: &str| (reference.path)(pair[k].as_str().unwrap());
    let (pa, pb) = (name("a"), name("b"));
    let docs = vec![
        load(&pa, &LoadOptions::default()).unwrap(),
        load(&pb, &LoadOptions::default()).unwrap(),
    ];
    let (da, db) = (std::fs::read(&pa).unwrap(), std::fs::read(&pb).unwrap());
    let cmp = Comparison::build(docs, &Options::default()).unwrap();
    let spans = |k: usize| -> Vec<(usize, usize)> {
        cmp.sources[k]
            .segments
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect()
    };
    let (sa, sb) = (spans(0), spans(1));
    let links = &cmp.pairs[0].alignment.links;
    let sets: Vec<(HashSet<usize>, HashSet<usize>)> = links
        .iter()
        .map(|l| {
            (
                l.a.iter().map(|s| s.0).collect(),
                l.b.iter().map(|s| s.0).collect(),
            )
        })
        .collect();
    let meets = |x: &HashSet<usize>, y: &HashSet<usize>| !x.is_disjoint(y);
    let anchor = |v: &Value, side: &str| v[side].as_str().unwrap().to_string();
    let gold: Vec<(HashSet<usize>, HashSet<usize>, bool)> = pair["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                segs_of(&sa, &da, &anchor(g, "a"), whole_line),
                segs_of(&sb, &db, &anchor(g, "b"), whole_line),
                g["kind"] == "core",
            )
        })
        .collect();
    for (ga, gb, core) in &gold {
        if *core {
            t.recall.1 += 1;
            t.recall.0 += usize::from(sets.iter().any(|(la, lb)| meets(ga, la) && meets(gb, lb)));
        }
    }
    let only = |k: &str, spans: &[(usize, usize)], data: &[u8]| -> Vec<HashSet<usize>> {
        pair[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| segs_of(spans, data, s.as_str().unwrap(), whole_line))
            .collect()
    };
    let (oa, ob) = (only("only_a", &sa, &da), only("only_b", &sb, &db));
    let labelled_a: HashSet<usize> = gold
        .iter()
        .flat_map(|g| g.0.iter().copied())
        .chain(oa.iter().flatten().copied())
        .collect();
    let labelled_b: HashSet<usize> = gold
        .iter()
        .flat_map(|g| g.1.iter().copied())
        .chain(ob.iter().flatten().copied())
        .collect();
    for (la, lb) in &sets {
        if meets(la, &labelled_a) && meets(lb, &labelled_b) {
            t.precision.1 += 1;
            t.precision.0 += usize::from(
                gold.iter()
                    .any(|(ga, gb, _)| meets(ga, la) && meets(gb, lb)),
            );
        }
    }
    let linked_a: HashSet<usize> = sets.iter().flat_map(|s| s.0.iter().copied()).collect();
    let linked_b: HashSet<usize> = sets.iter().flat_map(|s| s.1.iter().copied()).collect();
    t.unique.1 += oa.len() + ob.len();
    t.unique.0 += oa.iter().filter(|s| !meets(s, &linked_a)).count();
    t.unique.0 += ob.iter().filter(|s| !meets(s, &linked_b)).count();
    for c in pair["changed"].as_array().unwrap() {
        t.changed.1 += 1;
        let (ca, cb) = (anchor(c, "a"), anchor(c, "b"));
        let (ga, gb) = (
            segs_of(&sa, &da, &ca, whole_line),
            segs_of(&sb, &db, &cb, whole_line),
        );
        let (wa, wb) = (words(&ca), words(&cb));
        let only_a: Vec<&String> = wa.difference(&wb).collect();
        let only_b: Vec<&String> = wb.difference(&wa).collect();
        let hit = links.iter().zip(&sets).any(|(l, (la, lb))| {
            meets(&ga, la)
                && meets(&gb, lb)
                && l.changes.iter().any(|ch| {
                    only_a.iter().any(|w| ch.a.contains(w.as_str()))
                        || only_b.iter().any(|w| ch.b.contains(w.as_str()))
                })
        });
        t.changed.0 += usize::from(hit);
    }
}

/// Link recall, link precision, unique recall and changed recall of `reference`, checked
/// against `floors`.
fn holds(reference: &Reference, floors: (f64, f64, f64, f64)) {
    let mut t = Tally::default();
    for pair in reference.gold["pairs"].as_array().unwrap() {
        score_pair(pair, reference, &mut t);
    }
    let f = |x: (usize, usize)| x.0 as f64 / x.1.max(1) as f64;
    let (r, p, u, c) = (f(t.recall), f(t.precision), f(t.unique), f(t.changed));
    eprintln!(
        "link_recall {r:.3} link_precision {p:.3} unique_recall {u:.3} changed_recall {c:.3}"
    );
    assert!(r >= floors.0, "link recall {r:.3} fell below {}", floors.0);
    assert!(
        p >= floors.1,
        "link precision {p:.3} fell below {}",
        floors.1
    );
    assert!(
        u >= floors.2,
        "unique recall {u:.3} fell below {}",
        floors.2
    );
    assert!(
        c >= floors.3,
        "changed recall {c:.3} fell below {}",
        floors.3
    );
}

fn reference(file: &str, path: fn(&str) -> String) -> Reference {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(file)).unwrap()).unwrap();
    let whole_line = gold["anchor_scope"] == "line";
    Reference {
        gold,
        path,
        whole_line,
    }
}

#[test]
fn sample_alignment_holds_its_scores() {
    holds(&reference("gold-samples.json", sample), FLOORS);
}

/// Link recall, link precision, unique recall, changed recall reached (rounded down). The
/// learned link score took precision on the 15 unseen news pairs from .64 to .82 and cost one
/// sample link (.929 to .900): the floor follows the measured figure. Merging a sentence told
/// in two into one link and weighing scattered groups pair by pair took the samples to .565 /
/// 1.00 / 1.00 / 1.0 (2026-12-04).
const FLOORS: (f64, f64, f64, f64) = (0.56, 0.90, 0.96, 1.0);

/// The 15 news pairs of `../shared/gold/news-dev.json` (copied into the fixtures with their
/// reference): the shipped model was trained on them (with 24 more pairs), so these are
/// floors against slipping back, not figures on unseen text (those come from
/// `tools/train-link-model --check-only`, leave one pair out).
#[test]
fn news_alignment_holds_its_scores() {
    let news = |name: &str| fixture(&format!("news/{name}"));
    holds(&reference("gold-news-dev.json", news), NEWS_FLOORS);
}

/// What the news pairs reached (rounded down): link recall .623, precision .867, unique
/// .915, changed .567 (2026-12-04); recall .642 and precision .869 once passages given word
/// for word link (2026-12-05); recall .679 once two links a left-out pair bridges join (a
/// headline and a lead told in each source, 2026-12-05).
const NEWS_FLOORS: (f64, f64, f64, f64) = (0.67, 0.86, 0.91, 0.56);
