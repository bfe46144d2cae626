//! Magnitudes of earthquakes: "a 7.6-magnitude quake", "magnitude 7.7", "6.1 on the Richter
//! scale", "a strong 4.4 aftershock", "measuring 3.0 or above", German "der Stärke 7,6".
//! The fact spans the number alone; hedges around it ("at least", "or above") are read when
//! two magnitudes are compared.

use std::sync::LazyLock;

use regex::Regex;

use super::numbers::{parse_number, show};
use super::{Fact, FactKind};
use crate::lexicon::{QUAKE_WORDS, UNITS, lookup};
use crate::span::Span;
use crate::text::Language;

/// A magnitude as written: one or two digits and at most one decimal.
const MAG: &str = r"[0-9]{1,2}(?:[.,][0-9])?";

static MAGNITUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?i:magnitude|mag\.)[\s-]+(?:of\s+)?(?P<a>{m})(?-u:\b)",
            r"|(?-u:\b)(?P<b>{m})[\s-]+(?i:magnitude)(?-u:\b)",
            // Two at once: "the 7.6 and 7.5 magnitude quakes".
            r"|(?-u:\b)(?P<g>{m})\s+(?:and|or)\s+(?P<h>{m})[\s-]+(?i:magnitude)(?-u:\b)",
            r"|(?-u:\b)(?P<c>{m})\s+(?:on\s+the\s+)?(?i:richter)(?-u:\b)",
            r"|(?-u:\b)(?P<d>[0-9][.,][0-9])[\s-]+(?:(?i:strong|powerful|moderate|major|minor|light|shallow|deep|massive)\s+)?",
            r"(?i:earthquake|quake|tremor|temblor|aftershock|foreshock)(?-u:\b)",
            r"|(?-u:\b)(?i:measuring|measured|registering|registered)\s+(?:a\s+)?(?:preliminary\s+)?(?P<e>[0-9][.,][0-9])(?-u:\b)",
            r"|(?-u:\b)(?i:stärke)\s+(?:von\s+)?(?P<f>{m})(?-u:\b)",
        ),
        m = MAG
    ))
    .unwrap()
});

/// This module's patterns, for compiling them ahead of use ([`super::prepare`]).
pub(super) static PATTERNS: [&LazyLock<Regex>; 1] = [&MAGNITUDE];

/// How far around "measuring 7.5" a word for a quake must stand for the number to be a
/// magnitude, in bytes.
const QUAKE_REACH: usize = 120;

/// The magnitudes in `text`.
pub fn extract(text: &str, lang: Language, out: &mut Vec<Fact>) {
    for c in MAGNITUDE.captures_iter(text) {
        let found: Vec<regex::Match> = ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .filter_map(|g| c.name(g))
            .collect();
        let whole = c.get(0).unwrap();
        for n in found {
            // "measuring 1.5 metres": a length; "measuring 7.5" only near a quake.
            if c.name("e").is_some()
                && (unit_follows(&text[n.end()..]) || !near_quake(text, n.start(), n.end(), true))
            {
                continue;
            }
            // "the magnitude of 3 disasters": a whole number by the word "magnitude" is a
            // magnitude when written as one ("magnitude-5", "5-magnitude") or near a quake.
            let bare = ["a", "b", "g", "h", "f"]
                .iter()
                .any(|g| c.name(g).is_some())
                && !n.as_str().contains(['.', ','])
                && !hyphenated(text, whole.start(), whole.end(), n.start(), n.end());
            if bare && !near_quake(text, n.start(), n.end(), false) {
                continue;
            }
            let Some(v) = parse_number(n.as_str(), lang) else {
                continue;
            };
            if !(0.0..=10.0).contains(&v) {
                continue;
            }
            out.push(Fact {
                kind: FactKind::Magnitude,
                span: Span::new(n.start(), n.end()),
                value: show(v),
                speaker: None,
            });
        }
    }
}

/// True when the next word names a unit of measure.
fn unit_follows(rest: &str) -> bool {
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    !word.is_empty() && lookup(UNITS, &word.to_lowercase()).is_some()
}

/// True when a hyphen joins the number at `start..end` to the word "magnitude" within the
/// match at `lo..hi` ("magnitude-5", "a 5-magnitude quake").
fn hyphenated(text: &str, lo: usize, hi: usize, start: usize, end: usize) -> bool {
    let gap = |s: &str| {
        let s = s.trim_matches(char::is_whitespace);
        s.starts_with('-') || s.ends_with('-')
    };
    let (before, after) = (&text[lo..start], &text[end..hi]);
    (before.to_ascii_lowercase().contains("magnitude")
        && gap(before.rsplit(char::is_alphabetic).next().unwrap_or("")))
        || (after.to_ascii_lowercase().contains("magnitude")
            && gap(after.split(char::is_alphabetic).next().unwrap_or("")))
}

/// True when a word for an earthquake (or its scale) stands within [`QUAKE_REACH`] bytes of
/// the span; "magnitude" counts only when `magnitude`.
fn near_quake(text: &str, start: usize, end: usize, magnitude: bool) -> bool {
    let Span { start: lo, end: hi } = Span::new(start, end).widened(text, QUAKE_REACH);
    text[lo..hi]
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .any(|w| {
            lookup(QUAKE_WORDS, &w).is_some() || w == "richter" || (magnitude && w == "magnitude")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        extract(s, Language::English, &mut out);
        out.into_iter()
            .map(|f| (f.span.slice(s).to_string(), f.value))
            .collect()
    }

    #[test]
    fn magnitudes_in_every_style() {
        for (s, v) in [
            ("A 7.6-magnitude quake struck.", "7.6"),
            ("The quake had a magnitude of 7.7.", "7.7"),
            ("It measured 6.1 on the Richter scale.", "6.1"),
            ("A strong 4.4 aftershock followed.", "4.4"),
            ("Tremors measuring 3.0 or above occurred.", "3"),
            ("Ein Beben der Stärke 7,6 erschütterte die Insel.", "7.6"),
            ("a magnitude-5 tremor", "5"),
            ("A magnitude 6 quake shook the valley.", "6"),
        ] {
            let lang = Language::detect(s);
            let mut out = Vec::new();
            extract(s, lang, &mut out);
            assert_eq!(out.len(), 1, "{s}: {out:?}");
            assert_eq!(out[0].value, v, "{s}");
        }
    }

    #[test]
    fn two_magnitudes_named_at_once() {
        let got = run("It followed the 6.2 and 5.9 magnitude shocks of May.");
        assert_eq!(
            got,
            [
                ("6.2".to_string(), "6.2".to_string()),
                ("5.9".to_string(), "5.9".to_string())
            ]
        );
    }

    #[test]
    fn other_numbers_are_no_magnitudes() {
        for s in [
            "The fish measured 1.5 metres.",
            "Prices measured 2.5 percent higher.",
            "He scored 7.5 points in the game.",
            "Sales measuring 3.2 were reported.",
            "Nobody grasped the magnitude of 3 disasters in one week.",
            "The 2 magnitude charts were printed.",
        ] {
            assert!(run(s).is_empty(), "{s}: {:?}", run(s));
        }
    }
}
