//! Fact recall on the hand-made references (tests/fixtures/gold-samples.json): a gold fact
//! counts as found when an extracted fact of the same kind overlaps its text, as
//! score-samples counts it. The floors are the recall reached when this was written.

use std::collections::BTreeMap;

use parallax::Document;
use parallax::facts;

/// Overall recall floor (54 of 54 gold facts were found; one may slip).
const OVERALL: f64 = 0.98;
/// Per-kind floor: each kind has only a handful of gold facts.
const PER_KIND: f64 = 0.75;

#[test]
fn fact_recall_on_the_samples() {
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(crate::support::fixture("gold-samples.json")).unwrap(),
    )
    .unwrap();
    let mut per_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for (name, list) in gold["facts"].as_object().unwrap() {
        let text = std::fs::read_to_string(crate::support::sample(name)).unwrap();
        let found = facts::extract(&Document::from_text(name.as_str(), text.as_str()));
        for g in list.as_array().unwrap() {
            let kind = g["kind"].as_str().unwrap();
            let needle = g["text"].as_str().unwrap();
            let hit = text.match_indices(needle).any(|(s, m)| {
                let e = s + m.len();
                found
                    .iter()
                    .any(|f| f.kind.label() == kind && f.span.start < e && s < f.span.end)
            });
            let entry = per_kind.entry(kind.to_string()).or_default();
            entry.1 += 1;
            if hit {
                entry.0 += 1;
            } else {
                missed.push(format!("{name}: {kind} {needle:?}"));
            }
        }
    }
    let (got, total) = per_kind
        .values()
        .fold((0, 0), |(g, t), (a, b)| (g + a, t + b));
    let recall = got as f64 / total as f64;
    assert!(
        recall >= OVERALL,
        "recall {recall:.3} ({got}/{total}); missed:\n{}",
        missed.join("\n")
    );
    for (kind, (g, t)) in &per_kind {
        let r = *g as f64 / *t as f64;
        assert!(
            r >= PER_KIND,
            "{kind}: {g}/{t}; missed:\n{}",
            missed.join("\n")
        );
    }
}
