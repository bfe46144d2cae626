//! Facts in single sentences: the positives must be found with their value, and the
//! negatives (sentences that hold no fact of a kind) must report nothing of that kind.

use parallax::Document;
use parallax::facts::{self, Fact};

fn fixture(name: &str) -> Vec<Vec<String>> {
    let path = crate::support::fixture(name);
    std::fs::read_to_string(path)
        .expect("fixture present")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn facts_of(sentence: &str) -> Vec<Fact> {
    facts::extract(&Document::from_text("t.txt", sentence))
}

#[test]
fn negatives_report_nothing_of_their_kind() {
    let mut wrong = Vec::new();
    let cases = fixture("facts-negatives.txt");
    assert!(cases.len() >= 40);
    for case in &cases {
        let (kind, sentence) = (&case[0], &case[1]);
        for f in facts_of(sentence) {
            if f.kind.label() == kind {
                wrong.push(format!(
                    "{kind}: {:?} in {sentence:?}",
                    f.span.slice(sentence)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "false facts:\n{}", wrong.join("\n"));
}

#[test]
fn positives_are_found_with_their_value() {
    let mut missed = Vec::new();
    for case in fixture("facts-positives.txt") {
        let (kind, sentence, text, value) = (&case[0], &case[1], &case[2], &case[3]);
        let found = facts_of(sentence);
        let hit = found
            .iter()
            .any(|f| f.kind.label() == kind && f.span.slice(sentence) == text && &f.value == value);
        if !hit {
            let got: Vec<String> = found
                .iter()
                .map(|f| {
                    format!(
                        "{} {:?}={:?}",
                        f.kind.label(),
                        f.span.slice(sentence),
                        f.value
                    )
                })
                .collect();
            missed.push(format!(
                "{kind} {text:?}={value:?} in {sentence:?}; got {got:?}"
            ));
        }
    }
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}
