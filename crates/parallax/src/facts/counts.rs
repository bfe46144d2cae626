//! Counts of people or things: "two sources", "four of the people", "five current and former
//! officials", "1,200 protesters", and counts in words: "dozens of others", "hundreds of
//! buildings", "tens of thousands of people", "a handful of protesters", "killed one person".
//!
//! The value is the number (or the amount in words) and the counted noun without its plural
//! "s": "4 people", "dozens other". How exact the number is ("at least", "about") is read
//! when two counts are compared.

use super::number_words;
use super::numbers::{parse_number, show};
use super::words::{Word, is_capitalised};
use super::{Fact, FactKind};
use crate::lexicon::{
    CURRENCIES, EVENTS, HEDGES_BEFORE, HUMAN_EVENTS, IRREGULAR_PLURALS, MULTIPLIERS, PART_PRONOUNS,
    PEOPLE_NOUNS, SCALES, TIME_UNITS, UNITS, VAGUE_AMOUNTS, VAGUE_NUMBERS, lookup, number_word,
};
use crate::span::Span;
use crate::text::Language;

/// "two sources", "four of the people", "five current and former officials", "30 people",
/// "dozens of others", "killed one person".
pub fn extract(text: &str, ws: &[Word], lang: Language, out: &mut Vec<Fact>) {
    // The shares read before ("one in five adults"), by where they start.
    let mut shares: Vec<Span> = (out.iter())
        .filter(|f| f.kind == FactKind::Percent)
        .map(|f| f.span)
        .collect();
    shares.sort_by_key(|s| s.start);
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        // An amount in words of more than one word opens here: "tens of thousands".
        if let Some((amount, k)) = amount_in_words(text, ws, i)
            && let Some((noun, end)) = noun_after_of(text, ws, i + k - 1, lang)
        {
            push(out, w.span.start, end, &amount, &noun);
            i += k;
            continue;
        }
        let raw = w.text(text);
        let next = |k: usize| {
            ws.get(i + k)
                .filter(|_| gap_is_space(text, ws, i + k - 1, i + k))
                .map(|n| n.text(text))
        };
        // "a dozen", "one hundred", "a million", "one and a half million".
        let multiplier = |w: Option<&str>, least: f64| {
            w.and_then(|w| lookup(MULTIPLIERS, w))
                .is_some_and(|m| m >= least)
        };
        let scale_next = multiplier(next(1), 0.0)
            || (next(1) == Some("and")
                && next(2) == Some("a")
                && next(3) == Some("half")
                && multiplier(next(4), 1e6));
        if raw.eq_ignore_ascii_case("one") && !scale_next {
            // "one of the most …", "the one who …": a count only of people ("one person").
            if let Some(next) = ws.get(i + 1)
                && gap_is_space(text, ws, i, i + 1)
                && lookup(PEOPLE_NOUNS, &next.text(text).to_lowercase()).is_some()
            {
                push(out, w.span.start, next.span.end, "1", next.text(text));
            }
            i += 1;
            continue;
        }
        // "hundreds", "dozens": an amount in words, kept as written.
        // ("many" is too common to count anything: "many people think".)
        let in_words = !raw.eq_ignore_ascii_case("many")
            && VAGUE_AMOUNTS
                .iter()
                .any(|(p, _, _)| raw.eq_ignore_ascii_case(p));
        let Some(n) = (if in_words {
            Some(raw.to_lowercase())
        } else if raw.eq_ignore_ascii_case("a") && scale_next {
            // "a hundred and fifty", "over a dozen": the hedge stands before the "a".
            Some("1".to_string())
        } else if raw.eq_ignore_ascii_case("half") {
            // "half a million people"; [`scaled`] takes the "a million".
            Some("0.5".to_string())
        } else {
            number_value(raw, lang)
        }) else {
            i += 1;
            continue;
        };
        if preceded_by_no(text, ws, i)
            || in_share(ws[i].span, &shares)
            || text[w.span.end..].starts_with(['-', '%', '‑'])
            || (lang == Language::English && super::numbers::broken_tail(text, w.span.start))
        {
            i += 1;
            continue;
        }
        // "two dozen students", "three hundred and fifty homes": one number in words.
        let (n, i_last) = compound(text, ws, i, &n).unwrap_or((n, i));
        // "two million people", "2.5 million barrels", "half a million people".
        let mut start = w.span.start;
        let (n, i_last) = match scaled(text, ws, i_last, &n) {
            // "a quarter of a million fans": the share takes its part of the million.
            Some((m, last)) => match (share_before(&text[..start]), m.parse::<f64>()) {
                (Some((share, at)), Ok(v)) => {
                    start = at;
                    (show(v * share), last)
                }
                _ => (m, last),
            },
            // "half" alone counts nothing ("half the cost").
            None if raw.eq_ignore_ascii_case("half") => {
                i += 1;
                continue;
            }
            None => (n, i_last),
        };
        let found = counted_noun(text, ws, i_last, lang)
            .or_else(|| {
                // "dozens of others", "hundreds of buildings"
                in_words.then(|| noun_after_of(text, ws, i, lang)).flatten()
            })
            .or_else(|| of_the_people(text, ws, i_last, lang));
        if let Some((noun, end)) = found {
            push(out, start, end, &n, &noun);
        } else if let Some((noun, end)) = part_of_last(text, ws, i_last, out) {
            push(out, start, end, &n, &noun);
        } else if let Some(noun) = included_in_last(text, ws, i_last, out) {
            push(out, start, ws[i_last].span.end, &n, &noun);
        } else if tolled(text, ws, i) {
            // A toll is a running total, compared only with another toll: "killed 43 in the
            // school, pushing the toll above 680" counts two things.
            push(out, start, ws[i_last].span.end, &n, "toll");
        } else if counts_people(text, ws, i_last) || gathered(text, ws, i) {
            push(out, start, ws[i_last].span.end, &n, "people");
        }
        i = i_last + 1;
    }
}

/// The number that the exact number `n` at word `i` makes with the number words right after
/// it ([`number_words::read`]), and its last word; `None` when no word after adds to it.
fn compound(text: &str, ws: &[Word], i: usize, n: &str) -> Option<(String, usize)> {
    let first: f64 = n.parse().ok()?;
    // The longest number in words takes nine: "two thousand three hundred and twenty five".
    let rest: Vec<String> = (i + 1..ws.len().min(i + 10))
        .take_while(|&k| gap_is_space(text, ws, k - 1, k))
        .map(|k| ws[k].text(text).to_lowercase())
        .collect();
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    // "between two hundred and three hundred": "and" parts a range.
    let range = number_words::opens_range(&text[..ws[i].span.start]);
    let word = ws[i].text(text).to_lowercase();
    let (value, taken) = number_words::read((&word, first), &rest, range);
    (taken > 0).then(|| (show(value), i + taken))
}

/// The share of a whole that `before` ends in, and where its words start: "a quarter of",
/// "three-quarters of", "two thirds of", "half of".
fn share_before(before: &str) -> Option<(f64, usize)> {
    // The last three words of `before`, last first, each with where it starts.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut end = before.len();
    while words.len() < 3 {
        let t = before[..end].trim_end();
        if t.is_empty() {
            break;
        }
        let at = t
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        words.push((at, &t[at..]));
        end = at;
    }
    let [(_, "of"), (den_at, den), rest @ ..] = words.as_slice() else {
        return None;
    };
    let den = den.to_lowercase();
    let (written, den) = match den.split_once(['-', '‑']) {
        Some((n, d)) => (Some(n.to_string()), d.to_string()),
        None => (None, den),
    };
    let d = number_words::share_whole(&den)?;
    let part = number_words::share_parts;
    let (n, at) = match (written, rest.first()) {
        (Some(w), _) => (part(&w)?, *den_at),
        (None, Some(&(at, w))) if part(w).is_some() => (part(w)?, at),
        (None, _) if d == 2.0 => (1.0, *den_at),
        _ => return None,
    };
    (n < d).then_some((n / d, at))
}

/// The number `n` read up to word `last` times the "million" or "billion" right after it
/// ("two million", "half a million": "a" after "half", "two and a half million", "a million
/// and a half"), and the last word read.
fn scaled(text: &str, ws: &[Word], last: usize, n: &str) -> Option<(String, usize)> {
    let mut value: f64 = n.parse().ok()?;
    let mut k = last + 1;
    let word = |k: usize| {
        (k < ws.len() && gap_is_space(text, ws, k - 1, k)).then(|| ws[k].text(text).to_lowercase())
    };
    let and_a_half = |k: usize| {
        word(k).as_deref() == Some("and")
            && word(k + 1).as_deref() == Some("a")
            && word(k + 2).as_deref() == Some("half")
    };
    if ws[last].text(text).eq_ignore_ascii_case("half") && word(k).as_deref() == Some("a") {
        k += 1;
    } else if and_a_half(k) {
        // "two and a half million"
        value += 0.5;
        k += 3;
    }
    // Dozens, hundreds and thousands are read with the number ([`compound`]).
    let scale = lookup(MULTIPLIERS, &word(k)?).filter(|&m| m >= 1e6)?;
    // "a million and a half"
    if and_a_half(k + 1) {
        value += 0.5;
        k += 3;
    }
    Some((show(value * scale), k))
}

/// True when the count at `span` of `text` is a part of the count before it: its words end
/// in "of" and a pronoun of its part ([`PART_PRONOUNS`]: "40 of them"), or "including"
/// stands right before its bare number ("including 12 in the market"), as [`extract`]
/// reads them.
pub(crate) fn is_part(text: &str, span: Span) -> bool {
    let words = span.slice(text);
    let of_them = words
        .rsplit_once(' ')
        .is_some_and(|(rest, last)| rest.ends_with(" of") && PART_PRONOUNS.contains(&last));
    // A noun of its own makes it a count of its own: "including 9 children".
    let included = !words.contains(' ') && text[..span.start].trim_end().ends_with(" including");
    of_them || included
}

/// Most words between a count and "N of them" that counts a part of it.
pub(crate) const PART_REACH: usize = 8;

/// "85 people, 40 of them in Korbal", "63 people across the region, 21 of them in Melsa": a
/// part of the count just before in the clause, of its noun, and the end of "of them".
fn part_of_last(text: &str, ws: &[Word], i: usize, out: &[Fact]) -> Option<(String, usize)> {
    let last = out.last().filter(|f| f.kind == FactKind::Count)?;
    let (of, them) = (ws.get(i + 1)?, ws.get(i + 2)?);
    let between = &text[last.span.end.min(ws[i].span.start)..ws[i].span.start];
    if of.text(text) != "of"
        || !PART_PRONOUNS.contains(&them.text(text))
        || !gap_is_space(text, ws, i, i + 2)
        || !between.trim_end().ends_with(',')
        || between.contains(['.', ';', '!', '?', '"', '“', '”'])
        || between.split_whitespace().count() > PART_REACH
    {
        return None;
    }
    // The noun is the value's last word: "tens of thousands people".
    let (_, noun) = last.value.rsplit_once(' ')?;
    Some((noun.to_string(), them.span.end))
}

/// "30 people, including 12 in the market": a part, in one place, of the count just before
/// in the clause, and its noun. Only before "in" or "at": "including 12 children" counts
/// children of its own.
fn included_in_last(text: &str, ws: &[Word], i: usize, out: &[Fact]) -> Option<String> {
    let last = out.last().filter(|f| f.kind == FactKind::Count)?;
    let (including, place) = (ws.get(i.checked_sub(1)?)?, ws.get(i + 1)?);
    let between = &text[last.span.end.min(including.span.start)..including.span.start];
    if including.text(text) != "including"
        || !matches!(place.text(text), "in" | "at")
        || !between.trim_end().ends_with(',')
        || between.contains(['.', ';', '!', '?', '"', '“', '”'])
        || between.split_whitespace().count() > PART_REACH
    {
        return None;
    }
    let (_, noun) = last.value.rsplit_once(' ')?;
    Some(noun.to_string())
}

/// Nouns of a gathering of people, whose size follows "of": "a crowd of 81,500", "an
/// audience of 2,000".
const GATHERINGS: &[&str] = &[
    "attendance",
    "audience",
    "congregation",
    "crowd",
    "gathering",
    "population",
];

/// True when the number at word `i` is the size of a gathering named just before ("a crowd
/// of 81,500 watched"), and so a count of people.
fn gathered(text: &str, ws: &[Word], i: usize) -> bool {
    // Past a hedge ([`HEDGES_BEFORE`]): "a crowd of more than 90,000", "of an estimated
    // 2,000".
    (i.saturating_sub(4)..i).any(|k| {
        let between = text[ws[k].span.end..ws[i].span.start].to_lowercase();
        let between = between.split_whitespace().collect::<Vec<_>>().join(" ");
        k >= 1
            && ws[k].text(text) == "of"
            && GATHERINGS.contains(&ws[k - 1].text(text).to_lowercase().as_str())
            && (between.is_empty() || HEDGES_BEFORE.iter().any(|(h, _)| *h == between))
            && gap_is_space(text, ws, k - 1, k + 1)
    })
}

/// True when the number at word `i` is what a toll of lives stands at ("the death toll rose
/// to 43", "the death toll from the flood in Varna rose to 43", "a death toll of 12",
/// "pushing the death toll above 680"): a count of its own (the context reads the event,
/// "death", before it). "The bridge toll rose to 5" is a price. Only words of rising,
/// standing and hedging stand right before the number, after the toll or a phrase of where
/// or from what.
fn tolled(text: &str, ws: &[Word], i: usize) -> bool {
    const BEFORE: &[&str] = &[
        "rose",
        "risen",
        "rises",
        "climbed",
        "climbs",
        "jumped",
        "reached",
        "hit",
        "stood",
        "stands",
        "stand",
        "is",
        "was",
        "has",
        "had",
        "now",
        "went",
        "up",
        "to",
        "at",
        "of",
        "above",
        "over",
        "more",
        "than",
        "nearly",
        "almost",
        "about",
        "around",
        "least",
        "some",
        "past",
        "topped",
        "passed",
        "increased",
        "surpassed",
        "exceeded",
    ];
    const PLACE: &[&str] = &["from", "in", "of", "on", "among", "after", "for"];
    // A toll of lives, not of a bridge or a road.
    const DEATHS: &[&str] = &["death", "casualty", "fatality", "human"];
    let is = |k: usize, set: &[&str]| {
        let w = ws[k].text(text);
        set.iter().any(|s| w.eq_ignore_ascii_case(s))
    };
    let mut first = i;
    while first > 0 && i - first < 5 && is(first - 1, BEFORE) {
        first -= 1;
    }
    first < i
        && (i.saturating_sub(12)..first).any(|k| {
            is(k, &["toll", "tolls"])
                && k > 0
                && is(k - 1, DEATHS)
                && (k + 1 == first || is(k + 1, PLACE))
                && gap_is_space(text, ws, k - 1, i)
        })
}

/// True when the number at word `i` counts people without naming them, by what happened to
/// them: "killing four", "injured dozens", "Dozens injured", "12 dead".
fn counts_people(text: &str, ws: &[Word], i: usize) -> bool {
    let human = |k: usize| {
        ws.get(k)
            .and_then(|w| lookup(EVENTS, &w.text(text).to_lowercase()))
            .is_some_and(|e| HUMAN_EVENTS.contains(&e))
    };
    // "Dozens were injured", "three have been arrested": the event after a verb of being.
    let mut k = i + 1;
    while ws.get(k).is_some_and(|w| {
        matches!(
            w.text(text).to_lowercase().as_str(),
            "were" | "was" | "are" | "is" | "have" | "has" | "had" | "been" | "be" | "reported"
        )
    }) && k < i + 4
    {
        k += 1;
    }
    // Only where no noun follows (counted_noun found none): "killed 3 soldiers" counts
    // soldiers.
    (human(k) && gap_is_space(text, ws, i, k))
        || (i > 0 && human(i - 1) && gap_is_space(text, ws, i - 1, i))
}

fn push(out: &mut Vec<Fact>, start: usize, end: usize, n: &str, noun: &str) {
    let noun = noun.to_lowercase();
    // "stories" is counted in story, "people" and "homes" in people and home.
    let key = match noun.strip_suffix("ies") {
        Some(stem) if stem.len() > 1 => format!("{stem}y"),
        _ => noun.trim_end_matches('s').to_string(),
    };
    out.push(Fact {
        kind: FactKind::Count,
        span: Span::new(start, end),
        value: format!("{n} {key}"),
        speaker: None,
    });
}

/// An amount in words of two or more words starting at word `i` ("tens of thousands", "a
/// handful", "a few"), folded, and how many words it takes.
fn amount_in_words(text: &str, ws: &[Word], i: usize) -> Option<(String, usize)> {
    let first = ws[i].text(text);
    if !matches!(
        first,
        "a" | "A"
            | "tens"
            | "Tens"
            | "hundreds"
            | "Hundreds"
            | "half"
            | "Half"
            | "several"
            | "Several"
    ) {
        return None;
    }
    let mut best = None;
    for (phrase, _, _) in VAGUE_AMOUNTS {
        let len = phrase.split(' ').count();
        if len < 2 || i + len > ws.len() {
            continue;
        }
        let same = phrase.split(' ').enumerate().all(|(k, p)| {
            ws[i + k].text(text).eq_ignore_ascii_case(p)
                && (k == 0 || gap_is_space(text, ws, i + k - 1, i + k))
        });
        if same && best.as_ref().is_none_or(|(_, n)| len > *n) {
            best = Some((phrase.to_string(), len));
        }
    }
    best
}

/// The noun after "of" (and an optional "the") following word `i`: "dozens of others".
fn noun_after_of(text: &str, ws: &[Word], i: usize, lang: Language) -> Option<(String, usize)> {
    let mut j = i + 1;
    if ws.get(j).is_none_or(|w| w.text(text) != "of") || !gap_is_space(text, ws, i, j) {
        // "a handful protesters" is not English, but "a few officials" is.
        return counted_noun(text, ws, i, lang);
    }
    j += 1;
    let the = ws.get(j).is_some_and(|w| w.text(text) == "the");
    if the {
        j += 1;
    }
    let w = ws.get(j)?;
    let lw = w.text(text).to_lowercase();
    // "seven of the injured": a word for people by what befell them, a noun after "the".
    let people = the && lang == Language::English && THE_PEOPLE.contains(&lw.as_str());
    (gap_is_space(text, ws, i, j) && (plural_noun(&lw, lang) || lw == "others" || people))
        .then_some((lw, w.span.end))
}

/// "seven of the injured", "12 of the dead": a count of people named by what befell them,
/// after "of the" (a number before "of" and another noun is left as it was: "two of the
/// bridges").
fn of_the_people(text: &str, ws: &[Word], i: usize, lang: Language) -> Option<(String, usize)> {
    let said = |k: usize, word: &str| ws.get(i + k).is_some_and(|w| w.text(text) == word);
    let who = ws.get(i + 3)?;
    let person = THE_PEOPLE.contains(&who.text(text).to_lowercase().as_str());
    // Counted as people, which is what they are: "seven of the injured were taken to
    // hospital" and "nine people were taken to hospital" count one thing.
    (lang == Language::English
        && said(1, "of")
        && said(2, "the")
        && person
        && gap_is_space(text, ws, i, i + 3))
    .then(|| ("people".to_string(), who.span.end))
}

/// Words that name people by what befell them after "the" ("the injured", "the dead"):
/// counted as a plural noun is after "of the".
const THE_PEOPLE: &[&str] = &[
    "injured",
    "wounded",
    "dead",
    "missing",
    "displaced",
    "homeless",
    "hurt",
    "evacuated",
    "detained",
    "arrested",
    "rescued",
];

/// What a number before a word is worth: digits, a number word, or a vague amount.
fn number_value(w: &str, lang: Language) -> Option<String> {
    let first = w.chars().next()?;
    // The longest number word is a compound: "seventy‑seven" with a non-breaking hyphen.
    if !first.is_ascii_digit() && (w.len() > 15 || !first.is_alphabetic()) {
        return None;
    }
    // Most words are lower case already: fold only the others.
    let lower: std::borrow::Cow<str> = if w.chars().any(char::is_uppercase) {
        w.to_lowercase().into()
    } else {
        w.into()
    };
    if VAGUE_NUMBERS.contains(&lower.as_ref()) {
        return Some(lower.into_owned());
    }
    if w.chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        // Years and other long bare numbers are not counts.
        if w.len() == 4 && !w.contains([',', '.']) {
            return None;
        }
        return parse_number(w, lang).map(show);
    }
    number_word(&lower).map(|v| v.to_string())
}

/// Plurals without their "s" that also stand before a noun as its modifier ("aircraft
/// carriers", "police officers", "crew members").
const MODIFIER_PLURALS: &[&str] = &[
    "aircraft",
    "sheep",
    "cattle",
    "police",
    "staff",
    "crew",
    "personnel",
];

/// True when `w` (lower case) is a plural noun people or things are counted in.
pub(super) fn plural_noun(w: &str, lang: Language) -> bool {
    if IRREGULAR_PLURALS.contains(&w) {
        return true;
    }
    if lang.is_stop(w) || w.len() < 4 || !w.chars().all(char::is_alphabetic) {
        return false;
    }
    // "fishermen", "gunmen", "servicemen": a compound of "men" (not "specimen", "Yemen",
    // "the Turkmen constitution").
    let men = w.ends_with("men")
        && !matches!(
            w,
            "specimen"
                | "abdomen"
                | "regimen"
                | "acumen"
                | "stamen"
                | "hymen"
                | "semen"
                | "yemen"
                | "turkmen"
                | "omen"
                | "amen"
                | "ramen"
                | "bitumen"
                | "lumen"
                | "dolmen"
        );
    men || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

/// True when `w` may stand between a number and its noun ("current and former").
fn modifier(w: &str, lang: Language) -> bool {
    w == "and" || (!lang.is_stop(w) && w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// "No. 2 official", "Nr. 3": a rank, not a count.
fn preceded_by_no(text: &str, ws: &[Word], i: usize) -> bool {
    i > 0 && {
        let p = ws[i - 1].text(text);
        matches!(p, "No" | "Nr" | "no" | "nr" | "Number" | "number")
            || p.starts_with('#')
            || text[ws[i - 1].span.end..ws[i].span.start].contains('#')
    }
}

/// True when the number at `span` is the whole of a share read as a count of a count ("one
/// in five adults" is 20%, see [`super::numbers`]; `shares` sorted by start): no count of
/// its own.
fn in_share(span: Span, shares: &[Span]) -> bool {
    // The last share starting before the number is the only one that may hold it.
    let k = shares.partition_point(|s| s.start < span.start);
    k > 0 && span.end <= shares[k - 1].end
}

/// The noun a number counts, within four words, and the end of the phrase.
fn counted_noun(text: &str, ws: &[Word], i: usize, lang: Language) -> Option<(String, usize)> {
    let mut j = i + 1;
    // "four of the people"; "163 of the 325 seats" counts seats too, and ends at its number
    // (the whole, "325 seats", is a count of its own).
    if ws.get(j).is_some_and(|w| w.text(text) == "of")
        && ws.get(j + 1).is_some_and(|w| w.text(text) == "the")
    {
        let whole = ws
            .get(j + 2)
            .is_some_and(|w| number_value(w.text(text), lang).is_some());
        let k = if whole { j + 3 } else { j + 2 };
        return ws.get(k).and_then(|w| {
            let lw = w.text(text).to_lowercase();
            let end = if whole { ws[i].span.end } else { w.span.end };
            (plural_noun(&lw, lang) && gap_is_space(text, ws, i, k)).then_some((lw, end))
        });
    }
    while j < ws.len() && j <= i + 4 {
        if !gap_is_space(text, ws, j - 1, j) {
            return None;
        }
        let lw = ws[j].text(text).to_lowercase();
        if lookup(TIME_UNITS, &lw).is_some()
            || lookup(UNITS, &lw).is_some()
            || lookup(SCALES, &lw).is_some()
            || lookup(CURRENCIES, &lw).is_some()
            || matches!(lw.as_str(), "percent" | "prozent" | "cent")
        {
            return None;
        }
        // Another amount ("injuring dozens and destroying hundreds of buildings") is no
        // noun of this one: it counts on its own.
        if VAGUE_AMOUNTS.iter().any(|(p, _, _)| *p == lw) || number_word(&lw).is_some() {
            return None;
        }
        // "3 Bremen fans", "Carmen": a name that ends in "men" is no plural of "men".
        let name_in_men = lw.ends_with("men")
            && !IRREGULAR_PLURALS.contains(&lw.as_str())
            && is_capitalised(ws[j].text(text));
        if plural_noun(&lw, lang) && !name_in_men {
            // "two aircraft carriers", "200 sheep farmers": a plural without its "s" may
            // be the modifier of the noun counted after it (not "12 people overseas").
            let next = ws.get(j + 1).filter(|_| gap_is_space(text, ws, j, j + 1));
            if MODIFIER_PLURALS.contains(&lw.as_str())
                && let Some(n) = next
                && plural_noun(&n.text(text).to_lowercase(), lang)
            {
                return Some((n.text(text).to_lowercase(), n.span.end));
            }
            return Some((lw, ws[j].span.end));
        }
        // "eight were badly hurt and 261 other got minor injury": "other" for "others",
        // as wire copy writes it, when a verb follows at once (else it is the adjective of
        // the noun after it, "261 other people").
        let told_with = || {
            let next = ws.get(j + 1).filter(|_| gap_is_space(text, ws, j, j + 1));
            next.is_some_and(|n| OTHER_THEN_VERB.contains(&n.text(text)))
        };
        if lw == "other" && j == i + 1 && lang == Language::English && told_with() {
            return Some(("others".to_string(), ws[j].span.end));
        }
        // "five current and former officials": "and" joins two words that describe the
        // noun; right after the number, or before a verb's past or "-ing" form, it opens
        // another clause ("injured dozens and destroyed buildings", "arrested 30 overnight
        // and seized weapons").
        let verb_form_next = || {
            ws.get(j + 1)
                .map(|n| n.text(text).to_lowercase())
                .is_some_and(|n| n.len() > 4 && (n.ends_with("ed") || n.ends_with("ing")))
        };
        let clause = lw == "and" && (j == i + 1 || verb_form_next());
        if clause || !modifier(&lw, lang) || is_capitalised(ws[j].text(text)) {
            return None;
        }
        j += 1;
    }
    None
}

/// Verbs that, right after "261 other", make "other" the noun counted ("261 other got
/// minor injury"): those a count of people is told with.
const OTHER_THEN_VERB: &[&str] = &[
    "got",
    "were",
    "was",
    "are",
    "had",
    "have",
    "suffered",
    "sustained",
    "received",
    "died",
    "remain",
    "remained",
    "fled",
];

/// True when only spaces stand between word `a` and word `b`.
fn gap_is_space(text: &str, ws: &[Word], a: usize, b: usize) -> bool {
    (a + 1..=b).all(|k| text[ws[k - 1].span.end..ws[k].span.start].trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn run(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        extract(s, &words(s), Language::English, &mut out);
        out.into_iter()
            .map(|f| (f.span.slice(s).to_string(), f.value))
            .collect()
    }

    /// "261 other got minor injury" (wire English for "others") counts 261 others, as
    /// "261 others suffered" does; in "261 other people", "other" is no noun.
    #[test]
    fn other_before_a_verb_is_the_noun_counted() {
        let f = run("Eight had serious injury and 261 other got minor injury.");
        assert!(
            f.contains(&("261 other".into(), "261 other".into())),
            "{f:?}"
        );
        let f = run("Eight had serious injury and 261 others suffered minor injuries.");
        assert!(
            f.contains(&("261 others".into(), "261 other".into())),
            "{f:?}"
        );
        let f = run("Eight had serious injury and 261 other people were hurt.");
        assert!(f.iter().all(|(_, v)| v != "261 other"), "{f:?}");
    }

    #[test]
    fn a_death_toll_is_counted_and_a_price_is_not() {
        for (s, value) in [
            (
                "The death toll from the flood in Varna rose to 43.",
                "43 toll",
            ),
            ("It pushed the death toll above 680.", "680 toll"),
            ("The quake had a death toll of 12.", "12 toll"),
        ] {
            assert!(run(s).iter().any(|(_, v)| v == value), "{s}: {:?}", run(s));
        }
        for s in [
            "The bridge toll rose to 5 on Monday.",
            "Tolls rose to 12 on the bridge.",
        ] {
            assert!(run(s).is_empty(), "{s}: {:?}", run(s));
        }
    }

    #[test]
    fn counts_in_words() {
        for (s, text, value) in [
            (
                "Dozens of others were hurt.",
                "Dozens of others",
                "dozens other",
            ),
            (
                "It hit hundreds of buildings.",
                "hundreds of buildings",
                "hundreds building",
            ),
            (
                "Tens of thousands of people marched.",
                "Tens of thousands of people",
                "tens of thousands people",
            ),
            (
                "A handful of protesters stayed.",
                "A handful of protesters",
                "a handful protester",
            ),
            ("The quake killed one person.", "one person", "1 person"),
            (
                "The blast shook several stories of the tower.",
                "several stories",
                "several story",
            ),
            ("Eight people were hurt.", "Eight people", "8 people"),
            (
                "Half a dozen officers were hurt.",
                "Half a dozen officers",
                "half a dozen officer",
            ),
            (
                "Twenty-six people were killed.",
                "Twenty-six people",
                "26 people",
            ),
            (
                "It left seventy‑seven homes flooded.",
                "seventy‑seven homes",
                "77 home",
            ),
            (
                "Two dozen students were evacuated.",
                "Two dozen students",
                "24 student",
            ),
            (
                "They evacuated two dozen students.",
                "two dozen students",
                "24 student",
            ),
            (
                "The fire razed three hundred homes.",
                "three hundred homes",
                "300 home",
            ),
            (
                "The blast injured dozens, police said.",
                "dozens",
                "dozens people",
            ),
            ("Dozens injured as storm hits", "Dozens", "dozens people"),
            ("Dozens were injured.", "Dozens", "dozens people"),
            ("It struck on Sunday, killing four.", "four", "4 people"),
        ] {
            assert_eq!(run(s), [(text.to_string(), value.to_string())], "{s}");
        }
    }

    #[test]
    fn numbers_in_several_words_are_one_number() {
        for (s, value) in [
            ("Three hundred and fifty soldiers were sent.", "350 soldier"),
            ("Two hundred thousand people marched.", "200000 people"),
            ("two thousand five hundred homes", "2500 home"),
            ("three hundred twenty-five homes", "325 home"),
            ("three hundred twenty five homes", "325 home"),
            ("fifteen hundred workers", "1500 worker"),
            ("two dozen students", "24 student"),
            ("One hundred and fifty soldiers", "150 soldier"),
            ("a hundred and twenty residents", "120 resident"),
            ("One thousand five hundred residents", "1500 resident"),
        ] {
            let found = run(s);
            assert_eq!(found.len(), 1, "{s}: {found:?}");
            assert_eq!(found[0].1, value, "{s}");
        }
        // A range's "and" parts its two numbers; a year is no part of a count.
        let found = run("Between two hundred and three hundred people fled.");
        assert_eq!(found.last().unwrap().1, "300 people", "{found:?}");
        assert!(found.iter().all(|f| !f.1.starts_with("203")), "{found:?}");
        assert_eq!(run("In 2019 three hundred homes burned.")[0].1, "300 home");
    }

    /// `(text, value)` pairs as [`run`] gives them.
    fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        (pairs.iter())
            .map(|(t, v)| (t.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn an_amount_is_no_noun_of_another() {
        let s = "It killed four, injuring dozens and destroying hundreds of homes.";
        let want = [
            ("four", "4 people"),
            ("dozens", "dozens people"),
            ("hundreds of homes", "hundreds home"),
        ];
        assert_eq!(run(s), owned(&want));
        // "and" right after the amount opens another clause: its words count nothing.
        let s = "The quake injured dozens and destroyed buildings.";
        assert_eq!(run(s), owned(&[("dozens", "dozens people")]));
        let s = "Police arrested 30 overnight and seized weapons.";
        assert!(
            run(s).iter().all(|(_, v)| !v.contains("weapon")),
            "{:?}",
            run(s)
        );
        let s = "It cited five current and former officials.";
        assert_eq!(
            run(s),
            owned(&[("five current and former officials", "5 official")])
        );
    }

    #[test]
    fn a_part_of_a_count_counts_its_noun() {
        let s = "The storm killed 85 people, 40 of them in Korbal. 12 of them had fled. It \
                 killed 63 people across the region, 21 of them in Melsa.";
        let want = [
            ("85 people", "85 people"),
            ("40 of them", "40 people"),
            ("63 people", "63 people"),
            ("21 of them", "21 people"),
        ];
        assert_eq!(run(s), owned(&want));
    }

    #[test]
    fn a_count_of_a_counted_whole_counts_its_noun() {
        let s = "The party won 163 of the 325 seats and four of the officials resigned.";
        let want = [
            ("163", "163 seat"),
            ("325 seats", "325 seat"),
            ("four of the officials", "4 official"),
        ];
        assert_eq!(run(s), owned(&want));
    }

    #[test]
    fn the_size_of_a_gathering_counts_people() {
        let s = "A crowd of 81,500 watched, from a population of 12,000.";
        let want = [("81,500", "81500 people"), ("12,000", "12000 people")];
        assert_eq!(run(s), owned(&want));
    }

    #[test]
    fn one_alone_counts_nothing() {
        assert!(run("He is one of the most powerful men.").is_empty());
        assert!(run("The one who left was a friend.").is_empty());
    }
}
