//! Places in an order: "the 14th floor", "her ninth novel", "its 12th straight increase",
//! "finished third". A rank says which one of a series, so it is compared only with a rank of
//! the same series: the noun it stands before ("floor", "novel", "increase"), or a place in a
//! field when a verb of ranking stands just before it ("finished", "came", "ranked").
//!
//! The value is the number and that noun, "14 floor"; the span is the ordinal alone. Ordinals
//! glued to another word ("third-quarter", "twenty-first", "second-largest") are left out: they
//! name a kind of thing, not a place in a series the sentence counts.

use super::words::Word;
use super::{Fact, FactKind};
use crate::lexicon::{lookup, number_word};
use crate::text::Language;

/// Ordinals in words, with their numbers.
const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("hundredth", 100),
];

/// Verbs that give a place in a field when they stand just before an ordinal with no noun
/// after it ("finished third", "was ranked 8th", "placed the university 18th").
const RANKING_VERBS: &[&str] = &[
    "finished",
    "finishes",
    "finish",
    "finishing",
    "came",
    "comes",
    "coming",
    "placed",
    "places",
    "ranked",
    "ranks",
    "rank",
    "ranking",
    "rated",
];

/// How many words before an ordinal a ranking verb may stand.
const VERB_REACH: usize = 3;

/// Words between an ordinal and its noun that say how the series runs, not what it is of
/// ("its 12th straight increase", "a fourth consecutive weekend").
const SERIES_WORDS: &[&str] = &[
    "straight",
    "consecutive",
    "successive",
    "successful",
    "major",
    "full",
    "annual",
    "overall",
    "official",
];

/// Words after an ordinal that end its phrase, though no stop word: "the first since 2019".
const PHRASE_ENDS: &[&str] = &["since", "ever", "among", "overall", "yet"];

/// How many words after an ordinal its noun may stand ("the 2nd Infantry Division").
const PHRASE_REACH: usize = 4;

/// The key of a place in a field, as the comparer names it.
pub(super) const PLACE: &str = "place";

/// The number an ordinal stands for, as written: "14th", "23rd", "ninth".
fn ordinal(w: &str) -> Option<u32> {
    // Every ordinal ends in "st", "nd", "rd" or "th": most words are turned away unread.
    let tail = w.as_bytes().get(w.len().saturating_sub(2)..)?;
    let ends = |x: &[u8; 2]| tail.eq_ignore_ascii_case(x);
    if w.len() > 11 || !(ends(b"st") || ends(b"nd") || ends(b"rd") || ends(b"th")) {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    if let Some(n) = lookup(ORDINAL_WORDS, &lower) {
        return Some(n);
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    // "21st", "22nd", "23rd", "11th", "12th", "13th": the suffix must fit the number.
    let fits = match (n % 10, n % 100) {
        (_, 11..=13) => suffix == "th",
        (1, _) => suffix == "st",
        (2, _) => suffix == "nd",
        (3, _) => suffix == "rd",
        _ => suffix == "th",
    };
    fits.then_some(n)
}

/// The noun an ordinal at `ws[i]` stands before, if one does: the first lower-case word
/// after it, past words of [`SERIES_WORDS`] ("14th floor of the tower": "floor"; "its 12th
/// straight increase": "increase"), or the last of the names right after it ("the 2nd
/// Infantry Division": "division"). A stop word, a mark, or a verb's past form ("the fifth
/// fired", "first called") leave it with none.
fn noun_after(text: &str, ws: &[Word], i: usize, lang: Language) -> Option<String> {
    let mut name = None;
    for k in i + 1..ws.len().min(i + 1 + PHRASE_REACH) {
        if !text[ws[k - 1].span.end..ws[k].span.start].trim().is_empty() {
            break;
        }
        let w = ws[k].text(text);
        if !w.chars().all(char::is_alphabetic) {
            break;
        }
        let lower = w.to_lowercase();
        if w.starts_with(char::is_uppercase) {
            name = Some(lower);
            continue;
        }
        // "the first two", "the first one": a count of the first, not a series.
        if name.is_some()
            || lang.is_stop(&lower)
            || PHRASE_ENDS.contains(&lower.as_str())
            || number_word(&lower).is_some()
        {
            break;
        }
        if SERIES_WORDS.contains(&lower.as_str()) {
            continue;
        }
        if past_form(&lower) {
            return None;
        }
        return Some(singular(&lower));
    }
    name.map(|n| singular(&n))
}

/// True for a verb's past form ("fired", "implemented"), roughly: "-ed" words of five
/// letters or more, but for the nouns among them.
fn past_form(w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ed") && !matches!(w, "hundred" | "speed" | "breed" | "seed")
}

/// A noun in the singular, roughly: "floors" as "floor", "titles" as "title" ("glass" and
/// "series" stay).
fn singular(w: &str) -> String {
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with(['s', 'u', 'i']) => stem.to_string(),
        _ => w.to_string(),
    }
}

/// True when a verb of ranking stands among the [`VERB_REACH`] words before `ws[i]`, in its
/// clause (no mark between).
fn ranked(text: &str, ws: &[Word], i: usize) -> bool {
    (i.saturating_sub(VERB_REACH)..i).rev().any(|k| {
        let between = &text[ws[k].span.end..ws[i].span.start];
        !between.contains(['.', ',', ';', ':', '!', '?'])
            && RANKING_VERBS.contains(&ws[k].text(text).to_ascii_lowercase().as_str())
    })
}

/// The ranks in `text` (English only: the words and verbs are English).
pub fn extract(text: &str, ws: &[Word], lang: Language, out: &mut Vec<Fact>) {
    if lang != Language::English {
        return;
    }
    for (i, w) in ws.iter().enumerate() {
        let Some(n) = ordinal(w.text(text)) else {
            continue;
        };
        let key = match noun_after(text, ws, i, lang) {
            Some(noun) => noun,
            None if ranked(text, ws, i) => PLACE.to_string(),
            None => continue,
        };
        out.push(Fact {
            kind: FactKind::Rank,
            span: w.span,
            value: format!("{n} {key}"),
            speaker: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn ranks(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        extract(s, &words(s), Language::English, &mut out);
        out.into_iter()
            .map(|f| (f.span.slice(s).to_string(), f.value))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn an_ordinal_is_keyed_by_the_noun_it_stands_before() {
        assert_eq!(
            ranks("The fire broke out on the 14th floor of the tower."),
            pairs(&[("14th", "14 floor")])
        );
        assert_eq!(
            ranks("He claimed his 24th title in Paris."),
            pairs(&[("24th", "24 title")])
        );
        assert_eq!(
            ranks("The 2nd Infantry Division moved in."),
            pairs(&[("2nd", "2 division")])
        );
        assert_eq!(
            ranks("It was the bank's twelfth straight increase."),
            pairs(&[("twelfth", "12 increase")])
        );
        assert_eq!(
            ranks("The second profit warning came in May."),
            pairs(&[("second", "2 profit")])
        );
        assert_eq!(
            ranks("He was the fifth coach fired this season."),
            pairs(&[("fifth", "5 coach")])
        );
    }

    #[test]
    fn a_ranking_verb_makes_a_place_in_a_field() {
        assert_eq!(
            ranks("She finished third in the giant slalom."),
            pairs(&[("third", "3 place")])
        );
        assert_eq!(
            ranks("The table placed the university 18th in the world."),
            pairs(&[("18th", "18 place")])
        );
    }

    #[test]
    fn ordinals_without_a_series_are_no_ranks() {
        // No noun and no ranking verb; glued to another word; a wrong suffix.
        assert!(ranks("The strike, the third this month, starts today.").is_empty());
        assert!(ranks("Third-quarter growth and the twenty-first century.").is_empty());
        assert!(ranks("The 14st floor.").is_empty());
        assert!(ranks("He was the fifth fired, the first since May.").is_empty());
        assert!(ranks("The first two died; the first one lived.").is_empty());
        assert!(ranks("It ended on the 14th. He finished, and the 3rd.").is_empty());
    }
}
