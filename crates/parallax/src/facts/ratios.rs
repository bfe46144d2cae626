//! How many times over a figure grew or shrank, said in words: "profits doubled", "more than
//! twice the total", "tripled", "a fourfold rise", "five times as many". Each is a quantity in
//! the unit "times" (2, 3, 4, 5; "halved" 0.5), compared as any amount: "doubled" and
//! "tripled" clash, "more than double" and "over twice" agree, and hedges around them are
//! read as for numbers ("nearly tripled").

use std::sync::LazyLock;

use regex::Regex;

use super::numbers::{parse_number, show};
use super::{Fact, FactKind};
use crate::span::Span;
use crate::text::Language;

/// The words of a multiple. A verb stands alone ("doubled", "doubled as demand rose", but
/// not "doubled down", "doubled up" or "doubled as a clinic"); a word that can mean a repeat ("double", "twice", "three times")
/// only before what it multiplies ("twice the total", "three times as many", "double what"),
/// so "hit twice", "a double murder" and "will double as a clinic" are none. A number is
/// read whole ("3.5 times", "2,500 times"), never from its last digits.
static RATIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:",
        r"(?P<verb>doubled|doubling|tripled|tripling|trebled|quadrupled|halved|halving",
        r"|verdoppel(?:n|t|te|ten)|(?:verdreifach|vervierfach|verfünffach|halbier)(?:en|t|te|ten)",
        r")\b",
        r"(?P<use>\s+(?:down|up|as\s+(?:a|an|the))\b)?",
        r"|(?P<noun>double|triple|treble|twice)\s+(?:the|that|what|its|their|his|her)\b",
        r"|(?P<twice_as>twice)\s+as\b",
        r"|(?P<n>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|two|three|four|five|six|seven|eight|nine|ten)",
        r"\s+(?P<times>times)\s+",
        r"(?:the|that|what|its|their|as|more|higher|larger|bigger|greater|faster|lower|smaller)\b",
        r"|(?P<fold>(?:[0-9]+(?:\.[0-9]+)?|two|three|four|five|six|seven|eight|nine|ten)-?fold)\b",
        r")"
    ))
    .unwrap()
});

/// This module's patterns, for compiling them ahead of use ([`super::prepare`]).
pub(super) static PATTERNS: [&LazyLock<Regex>; 1] = [&RATIO];

/// The multiples in `text`, as quantities in the unit "times".
pub fn extract(text: &str, out: &mut Vec<Fact>) {
    for c in RATIO.captures_iter(text) {
        let whole = c.get(0).unwrap();
        // A match that starts inside a number ("3.5" seen from its "5") is none.
        if text[..whole.start()].ends_with(|ch: char| ch.is_ascii_digit() || ch == '.' || ch == ',')
        {
            continue;
        }
        let (m, times) = if let Some(v) = c.name("verb") {
            if c.name("use").is_some() {
                continue;
            }
            (v, verb_times(v.as_str()))
        } else if let Some(w) = c.name("noun").or_else(|| c.name("twice_as")) {
            (w, verb_times(w.as_str()))
        } else if let (Some(n), Some(t)) = (c.name("n"), c.name("times")) {
            // The fact is the number and "times": the word after says what is multiplied.
            if let Some(v) = number(n.as_str()) {
                out.push(ratio(n.start(), t.end(), v));
            }
            continue;
        } else if let Some(f) = c.name("fold") {
            let word = f.as_str().to_lowercase();
            let n = word.trim_end_matches("fold").trim_end_matches('-');
            (f, number(n))
        } else {
            continue;
        };
        if let Some(v) = times {
            out.push(ratio(m.start(), m.end(), v));
        }
    }
}

/// A quantity of `v` times over `start..end`.
fn ratio(start: usize, end: usize, v: f64) -> Fact {
    Fact {
        kind: FactKind::Quantity,
        span: Span::new(start, end),
        value: format!("{} times", show(v)),
        speaker: None,
    }
}

/// The multiple a verb or a word of repeat says: "tripled" 3, "halved" 0.5.
fn verb_times(word: &str) -> Option<f64> {
    let w = word.to_lowercase();
    Some(
        if w.starts_with("doubl") || w == "twice" || w.starts_with("verdoppel") {
            2.0
        } else if w.starts_with("tripl") || w.starts_with("trebl") || w.starts_with("verdreifach") {
            3.0
        } else if w.starts_with("quadrupl") || w.starts_with("vervierfach") {
            4.0
        } else if w.starts_with("verfünffach") {
            5.0
        } else if w.starts_with("halv") || w.starts_with("halbier") {
            0.5
        } else {
            return None;
        },
    )
}

/// A number in digits or words, more than one ("1.5-fold" is a multiple, "1 times" none).
fn number(n: &str) -> Option<f64> {
    parse_number(n, Language::English).filter(|&v| v > 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        extract(s, &mut out);
        out.iter()
            .map(|f| (f.span.slice(s).to_string(), f.value.clone()))
            .collect()
    }

    #[test]
    fn multiples_in_words() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            run("Profits doubled to $8m."),
            pairs(&[("doubled", "2 times")])
        );
        assert_eq!(
            run("Cases rose to more than twice the total of last year."),
            pairs(&[("twice", "2 times")])
        );
        assert_eq!(run("Exports tripled."), pairs(&[("tripled", "3 times")]));
        assert_eq!(run("a fourfold rise"), pairs(&[("fourfold", "4 times")]));
        assert_eq!(run("a 10-fold rise"), pairs(&[("10-fold", "10 times")]));
        assert_eq!(
            run("five times as many people"),
            pairs(&[("five times", "5 times")])
        );
        assert_eq!(
            run("The price was halved."),
            pairs(&[("halved", "0.5 times")])
        );
        assert_eq!(
            run("Blood alcohol was 3.5 times the legal limit."),
            pairs(&[("3.5 times", "3.5 times")])
        );
        assert_eq!(run("a 1.5-fold rise"), pairs(&[("1.5-fold", "1.5 times")]));
        assert_eq!(
            run("2,500 times more than before"),
            pairs(&[("2,500 times", "2500 times")])
        );
        assert_eq!(run("twice as many people"), pairs(&[("twice", "2 times")]));
        assert_eq!(
            run("Sales doubled as demand surged."),
            pairs(&[("doubled", "2 times")])
        );
        // German verbs of a multiple.
        assert_eq!(
            run("Die Umsätze haben sich verdoppelt, die Kosten verdreifachten sich."),
            pairs(&[("verdoppelt", "2 times"), ("verdreifachten", "3 times")])
        );
        assert_eq!(
            run("Der Preis wurde halbiert und soll sich verfünffachen."),
            pairs(&[("halbiert", "0.5 times"), ("verfünffachen", "5 times")])
        );
    }

    #[test]
    fn repeats_are_no_multiples() {
        for s in [
            "He was hit twice in the leg.",
            "a double murder",
            "The party doubled down on its pledge.",
            "She won the title three times in a row.",
            "a double-digit lead",
            "The arena will double as a vaccination centre.",
            "The hall doubled as a field hospital.",
            "He doubled up in pain.",
        ] {
            assert!(run(s).is_empty(), "{s}: {:?}", run(s));
        }
    }
}
