//! Places in an order: "the 14th floor", "her ninth novel", "its 12th straight increase",
//! "she finished third". A rank says which one of a series, so it is compared only with a
//! rank of the same series: the noun it stands before ("floor", "novel", "increase"), or a
//! runner's place in a field when a verb of ranking stands just before it ("finished",
//! "came", "ranked"), keyed "place/runner/field".
//!
//! The value is the number and that series, "14 floor"; the span is the ordinal alone. An
//! ordinal of no series we can name is kept with its number alone, so that the comparer
//! knows the passage may name a series twice. Ordinals glued to another word
//! ("third-quarter", "twenty-first", "second-largest") and those of a date ("Friday 3rd
//! May") are left out.

use super::words::Word;
use super::words::fold;
use super::{Fact, FactKind};
use crate::lexicon::{MONTHS, WEEKDAYS, lookup, number_word};
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

/// How many words after an ordinal its noun may stand ("its 12th straight increase").
const PHRASE_REACH: usize = 4;

/// The start of the key of a place in a field, as the comparer reads it.
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
/// straight increase": "increase"). A name after it ("Fifth Avenue", "the 2nd Infantry
/// Division"), a stop word, a mark, or a verb's past form ("the fifth fired", "first
/// called") leave it with none.
fn noun_after(text: &str, ws: &[Word], i: usize, lang: Language) -> Option<String> {
    for k in i + 1..ws.len().min(i + 1 + PHRASE_REACH) {
        if !text[ws[k - 1].span.end..ws[k].span.start].trim().is_empty() {
            return None;
        }
        let w = ws[k].text(text);
        if !w.chars().all(char::is_alphabetic) || w.starts_with(char::is_uppercase) {
            return None;
        }
        let lower = w.to_lowercase();
        // "the first two", "the first one": a count of the first, not a series.
        if lang.is_stop(&lower)
            || PHRASE_ENDS.contains(&lower.as_str())
            || number_word(&lower).is_some()
            || past_form(&lower)
        {
            return None;
        }
        if !SERIES_WORDS.contains(&lower.as_str()) {
            return Some(singular(&lower));
        }
    }
    None
}

/// The ordinal after `ws[i]` that shares its noun ("the fourth and fifth floors", "the 4th,
/// 5th and 6th floors"): the next word is "and", "or" or "to", or a comma, then an ordinal.
fn joined_to_next(text: &str, ws: &[Word], i: usize) -> Option<usize> {
    let mut k = i + 1;
    while k < ws.len() && k <= i + 2 {
        let gap = text[ws[k - 1].span.end..ws[k].span.start].trim();
        let w = ws[k].text(text).to_ascii_lowercase();
        if ordinal(&w).is_some() && (gap == "," || gap.is_empty() && k == i + 2) {
            return Some(k);
        }
        if !(gap.is_empty() || gap == ",") || !matches!(w.as_str(), "and" | "or" | "to") {
            return None;
        }
        k += 1;
    }
    None
}

/// True when `ws[i]` stands by a month or a day ("3rd May", "May 3rd", "the 3rd of May",
/// "Friday 3rd"): a date's, which the dates read.
fn in_a_date(text: &str, ws: &[Word], i: usize) -> bool {
    let dated = |k: usize| {
        let w = fold(ws[k].text(text));
        lookup(MONTHS, &w).is_some() || lookup(WEEKDAYS, &w).is_some()
    };
    (i > 0 && dated(i - 1))
        || (i + 1 < ws.len() && dated(i + 1))
        || (i + 2 < ws.len() && ws[i + 1].text(text).eq_ignore_ascii_case("of") && dated(i + 2))
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

/// The place in a field an ordinal at `ws[i]` gives, when a verb of ranking stands among
/// the [`VERB_REACH`] words before it in its clause: keyed by the word before the verb, its
/// subject ("Kipchoge finished first" and "Bekele finished second" are two runners' places),
/// and by the field after it when it names one ("18th in the world", "first in Europe").
fn place(text: &str, ws: &[Word], i: usize) -> Option<String> {
    let verb = (i.saturating_sub(VERB_REACH)..i).rev().find(|&k| {
        let between = &text[ws[k].span.end..ws[i].span.start];
        !between.contains(['.', ',', ';', ':', '!', '?'])
            && RANKING_VERBS.contains(&ws[k].text(text).to_ascii_lowercase().as_str())
    })?;
    let subject = fold(ws[verb.checked_sub(1)?].text(text));
    let mut field = String::new();
    if let Some(next) = ws.get(i + 1)
        && matches!(next.text(text), "in" | "among" | "for")
    {
        let after = (i + 2..ws.len().min(i + 5))
            .map(|k| fold(ws[k].text(text)))
            .find(|w| !matches!(w.as_str(), "the" | "a" | "an" | "its" | "their"));
        field = after.unwrap_or_default();
    }
    Some(format!("{PLACE}/{subject}/{field}"))
}

/// The ranks in `text` (English only: the words and verbs are English).
pub fn extract(text: &str, ws: &[Word], lang: Language, out: &mut Vec<Fact>) {
    if lang != Language::English {
        return;
    }
    // Read from the last: an ordinal joined to the next ("fourth and fifth floors") takes
    // its noun.
    let mut keys: Vec<Option<String>> = vec![None; ws.len()];
    for i in (0..ws.len()).rev() {
        let Some(n) = ordinal(ws[i].text(text)) else {
            continue;
        };
        if in_a_date(text, ws, i) {
            continue;
        }
        let key = noun_after(text, ws, i, lang)
            .or_else(|| joined_to_next(text, ws, i).and_then(|k| keys[k].clone()))
            .or_else(|| place(text, ws, i));
        // An ordinal of no series we can name ("the second at 9am") is kept without one:
        // the comparer then sets none of the passage's ranks against the other side's.
        let value = match &key {
            Some(k) => format!("{n} {k}"),
            None => n.to_string(),
        };
        keys[i] = key;
        out.push(Fact {
            kind: FactKind::Rank,
            span: ws[i].span,
            value,
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
            ranks("It was the bank's twelfth straight increase."),
            pairs(&[("twelfth", "12 increase")])
        );
        assert_eq!(
            ranks("He was the fifth coach fired this season."),
            pairs(&[("fifth", "5 coach")])
        );
        // Ordinals joined to the next share its noun.
        assert_eq!(
            ranks("Residents of the 4th, 5th and 6th floors left."),
            pairs(&[("6th", "6 floor"), ("5th", "5 floor"), ("4th", "4 floor")])
        );
    }

    #[test]
    fn a_ranking_verb_makes_a_runners_place_in_a_field() {
        assert_eq!(
            ranks("She finished third in the giant slalom."),
            pairs(&[("third", "3 place/she/giant")])
        );
        assert_eq!(
            ranks("Kipchoge came first, and Bekele finished second."),
            pairs(&[
                ("second", "2 place/bekele/"),
                ("first", "1 place/kipchoge/")
            ])
        );
    }

    #[test]
    fn ordinals_of_no_series_are_kept_without_one() {
        // No noun and no ranking verb; a name after it; a verb after it; a count after it.
        for s in [
            "The strike, the third this month, starts today.",
            "The 2nd Infantry Division moved in.",
            "He was the fifth fired, the first since May.",
            "The first two died.",
        ] {
            let found = ranks(s);
            assert!(
                found.iter().all(|(_, v)| !v.contains(' ')),
                "{s}: {found:?}"
            );
            assert!(!found.is_empty(), "{s}");
        }
    }

    #[test]
    fn ordinals_that_are_no_ranks() {
        // Glued to another word; a wrong suffix; a day of a month.
        assert!(ranks("Third-quarter growth and the twenty-first century.").is_empty());
        assert!(ranks("The 14st floor.").is_empty());
        assert!(ranks("On Friday 3rd May, and on the 10th of May.").is_empty());
    }
}
