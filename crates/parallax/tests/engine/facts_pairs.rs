//! Pairs of sentences taken as one link (`fixtures/fact-pairs.txt`): compatible pairs must
//! not be flagged, and pairs whose facts cannot both be true must be flagged once, with the
//! slot named. The cases follow the patterns of real news pairs, in sentences of our own.

use parallax::comparison::{Options, Source};
use parallax::facts::{self, Conflict};
use parallax::{Document, SegmentId, facts::sentence};

/// One case of the fixture.
enum Case {
    Same { a: String, b: String },
    Differ { slot: String, a: String, b: String },
}

fn cases() -> Vec<Case> {
    let path = crate::support::fixture("fact-pairs.txt");
    std::fs::read_to_string(path)
        .expect("fixture present")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            match f.as_slice() {
                ["same", a, b] => Case::Same {
                    a: a.to_string(),
                    b: b.to_string(),
                },
                ["differ", slot, a, b] => Case::Differ {
                    slot: slot.to_string(),
                    a: a.to_string(),
                    b: b.to_string(),
                },
                _ => panic!("bad fixture line: {l:?}"),
            }
        })
        .collect()
}

/// The conflicts of the two sentences as one link.
fn flags(a: &str, b: &str) -> Vec<Conflict> {
    let source = |name: &str, text: &str| {
        Source::analyse(Document::from_text(name, text), &Options::default())
    };
    let (sa, sb) = (source("a.txt", a), source("b.txt", b));
    let ia: Vec<SegmentId> = (0..sa.segments.len()).map(SegmentId).collect();
    let ib: Vec<SegmentId> = (0..sb.segments.len()).map(SegmentId).collect();
    facts::conflicts(sa.analysed(), &ia, sb.analysed(), &ib)
}

fn said(c: &[Conflict]) -> String {
    let each: Vec<String> = c.iter().map(|c| sentence(c, "A", "B", false)).collect();
    each.join(" | ")
}

#[test]
fn compatible_pairs_are_not_flagged() {
    let mut wrong = Vec::new();
    let mut n = 0;
    for case in cases() {
        let Case::Same { a, b } = case else { continue };
        n += 1;
        let got = flags(&a, &b);
        if !got.is_empty() {
            wrong.push(format!("{a:?} / {b:?}: {}", said(&got)));
        }
    }
    assert!(n >= 60, "only {n} compatible pairs");
    assert!(wrong.is_empty(), "false flags:\n{}", wrong.join("\n"));
}

#[test]
fn differing_pairs_are_flagged_once_with_their_slot() {
    let mut wrong = Vec::new();
    let mut n = 0;
    for case in cases() {
        let Case::Differ { slot, a, b } = case else {
            continue;
        };
        n += 1;
        let got = flags(&a, &b);
        if got.len() != 1 || got[0].slot != slot {
            wrong.push(format!("{a:?} / {b:?}: want {slot:?}, got {}", said(&got)));
        }
    }
    assert!(n >= 40, "only {n} differing pairs");
    assert!(wrong.is_empty(), "missed or wrong:\n{}", wrong.join("\n"));
}
