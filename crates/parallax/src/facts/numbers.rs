//! Numbers with a meaning: ages, sums of money, percentages, quantities with units, and
//! counts of people or things.

use std::sync::LazyLock;

use regex::Regex;

use super::number_words;
use super::words::Word;
use super::words::fold;
use super::{Fact, FactKind};
use crate::lexicon::{CURRENCIES, SCALES, TIME_UNITS, UNITS, lookup, number_word};
use crate::span::Span;
use crate::text::Language;

/// A number as written: "25", "1,200", "3.5", German "2,5" and "1.200".
const NUM: &str = r"[0-9]{1,3}(?:[,.][0-9]{3})+(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?";

/// An age in words, up to ninety-nine: "twenty-three", "six".
const AGE_WORDS: &str = concat!(
    r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?",
    r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|",
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|",
    r"eighty|ninety)"
);

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(concat!(
        r"(?P<who>\p{{Lu}}[\p{{L}}'’-]+),\s(?P<n>[0-9]{{1,3}}),",
        // "54 years old", German "54 Jahre alt"
        r"|(?-u:\b)(?P<m>[0-9]{{1,3}})(?:[-\s]years?[-\s]old|\sJahre\salt)(?-u:\b)",
        // "a twenty-three-year-old", "the six-year-old"
        r"|(?-u:\b)(?P<w>{words})-year-old(?-u:\b)",
        // "aged 15", "Aged 57,", "at the age of 116", "aged fifteen"
        r"|(?-u:\b)(?:[Aa]ged|age|(?i:at\s+the\s+age\s+of))\s(?P<k>[0-9]{{1,3}})(?-u:\b)",
        r"|(?-u:\b)[Aa]ged\s(?P<aw>{words})(?-u:\b)",
        // "Pryde, who was 78, died", "who is 23." (not "who was 30 minutes late", "who
        // was 2.5 seconds behind", "who was 30,000 feet up", "who was 19 when he began")
        r"|(?-u:\b)who\s(?:is|was)\s(?P<wh>[0-9]{{1,3}})[,.;](?:\s|$)",
        r"|(?-u:\b)(?P<j>[0-9]{{1,3}})-[Jj]ährige[nrms]?(?-u:\b)",
        r"|(?P<who2>\p{{Lu}}[\p{{L}}'’-]+)\s\((?P<p>[0-9]{{1,3}})\)",
        // "the retired nurse, 48, ", "the bank's new chief executive, 52, ": English words,
        // in ASCII, which keeps the pattern fast
        r"|(?-u:\b)(?:[Tt]he|[Aa]n?)\s(?:[a-z]+(?:'s)?\s){{0,3}}[a-z]+,\s(?P<q>[0-9]{{1,2}}),\s",
        r"|(?-u:\b)(?i:in\s+(?:his|her|their)\s+)(?P<part>(?i:early|mid|late)[-\s])?",
        r"(?P<dec>[1-9]0'?s|(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?-u:\b)",
    ), words = AGE_WORDS))
    .unwrap()
});

/// The scale words a sum may carry ("million", "bn", "Mrd.").
const MONEY_SCALE: &str = r"(?P<scale>[Mm]illion(?:en)?|[Bb]illion|[Tt]rillion|[Mm]illiarden?|Mio\.?|Mrd\.?|bln|mln|bn|mn|tn|[mkb])(?-u:\b)";

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    let scale = MONEY_SCALE;
    Regex::new(&format!(
        concat!(
            r"(?P<cur>US\$|\$|€|£|¥|(?:USD|EUR|GBP|CHF)(?-u:\b))\s?(?P<num>{num})(?:\s?{scale})?",
            r"|(?-u:\b)(?P<num2>{num})\s?(?:(?P<scale2>[Mm]illion(?:en)?|[Bb]illion|[Mm]illiarden?|Mio\.|Mrd\.)\s)?",
            r"(?P<cur2>(?i:dollars?|euros?|pounds|usd|eur|gbp|chf|franken)(?-u:\b)|€|\$)",
        ),
        num = NUM,
        scale = scale
    ))
    .unwrap()
});

/// The upper end of a range of sums right after its lower one, which names the currency and
/// leaves the scale to it: the "-3 million" of "$2-3 million", the "-12bn" of "€10-12bn".
static MONEY_RANGE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^[-–‑](?P<num>{NUM})\s?{MONEY_SCALE}")).unwrap());

/// A share in words of a whole the text names: "a quarter of the vineyards", "two thirds of
/// its members", "half of the town's buildings", "half the houses" (not "a quarter of an
/// hour", nor "half the cost", a ratio, nor "the first half of the year", a stretch of time). The pattern opens
/// on the fraction's word, which is rare, so that the text is scanned for it quickly; the
/// number before it is read in [`fractions`].
static FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?P<den>halves|half|thirds?|quarters?|fifths?|tenths?)(?-u:\b)",
        r"(?P<of>\s+of)?\s+(?:(?:the|its|their|his|her|all)(?-u:\b)(?:\s+(?P<next>\w+))?|(?P<bare>\w+))",
    ))
    .unwrap()
});

/// A share as a count of a count: "one in five adults", "two out of three schools", "4 in
/// 10 voters" (read in [`shares_in`]).
static SHARE_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?P<n>one|two|three|four|five|six|seven|eight|nine|[0-9]{1,3})",
        r"\s+(?:in|out\s+of)\s+(?P<m>two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3}(?:,[0-9]{3})*)",
        r"(?-u:\b)(?P<after>\s+\w+)?",
    ))
    .unwrap()
});

/// A percentage in digits or in number words ("12%", "twelve percent", "fünfzehn Prozent",
/// "twenty-five per cent").
static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = (crate::lexicon::NUMBER_WORDS.iter())
        .filter(|(w, v)| *v <= 100 && !w.starts_with("dozen"))
        .map(|(w, _)| *w)
        .collect();
    let word = format!("(?i:{})", words.join("|"));
    Regex::new(&format!(
        r"(?-u:\b)(?P<num>{NUM}|{word}(?:[-‑]{word})?)\s?(?:%|(?i:percent|per cent|prozent)(?-u:\b))"
    ))
    .unwrap()
});

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let mut units: Vec<&str> = UNITS.iter().map(|(w, _)| *w).collect();
    units.sort_by_key(|u| std::cmp::Reverse(u.len()));
    let alt = units
        .iter()
        .map(|u| regex::escape(u))
        .collect::<Vec<_>>()
        .join("|");
    // A sign only where it stands alone ("-5 °C", "minus 5 degrees", not the "-15" of
    // "10-15 km": checked after the match); a number word only apart from its unit ("six
    // miles").
    Regex::new(&format!(
        concat!(
            r"(?:(?P<sign>[-−]|(?i:minus)\s)|(?-u:\b))(?:(?P<num>{NUM})|(?P<word>(?i:(?:{tens})[-‑])?(?i:{words}))[\s-])",
            // "600 million km", and "600m kilometres", where the glued "m" is a million
            // only when a unit follows it (else "600m" is metres).
            r"(?:[\s-](?P<scale>million|billion)|(?P<short>m|bn)\s+)?[\s-]?(?P<unit>(?i:{alt}))(?-u:\b)"
        ),
        NUM = NUM,
        words = QUANTITY_WORDS,
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety",
        alt = alt
    ))
    .unwrap()
});

/// A temperature with its scale's letter glued on, as British and wire copy write it:
/// "30C", "minus 5C", "96F", "38.7C". Only a capital C or F right after the digits, and
/// not after a capitalised word, which names a flat, a room or a route ("Flat 30C", "Gate
/// 4F"; checked in [`temperatures`]).
static TEMPERATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?P<sign>[-−]|(?i:minus)\s)|(?-u:\b))(?P<num>\d{1,3}(?:\.\d)?)(?P<unit>[CF])(?-u:\b)",
    )
    .unwrap()
});

/// Number words that may count a unit ("six miles", "two tonnes").
const QUANTITY_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred";

/// This module's patterns, for compiling them ahead of use ([`super::prepare`]).
pub(super) static PATTERNS: [&LazyLock<Regex>; 8] = [
    &AGE,
    &MONEY,
    &MONEY_RANGE_END,
    &FRACTION,
    &PERCENT,
    &QUANTITY,
    &TEMPERATURE,
    &SHARE_IN,
];

/// Parses a number as written; German swaps the roles of point and comma. Digits that open
/// with a zero ("000", "05") are no number of their own but the tail of one broken apart
/// ("2, 000ft", "8: 05am"): `None`, so no fact reads "000ft" as nothing.
pub fn parse_number(s: &str, lang: Language) -> Option<f64> {
    if let Some(v) = number_word(&s.to_lowercase()) {
        return Some(v as f64);
    }
    if s.len() > 1 && s.starts_with('0') && s.as_bytes()[1].is_ascii_digit() {
        return None;
    }
    plain_digits(s, lang).parse().ok()
}

/// Digits as written, with thousands separators dropped and the decimal separator a point
/// ("1,200.5" and German "1.200,5" are "1200.5"); the number's last written place is this
/// string's.
pub fn plain_digits(s: &str, lang: Language) -> String {
    // Of the languages known, only English writes a decimal point.
    let (thousands, decimal) = match lang {
        Language::English => (',', '.'),
        _ => ('.', ','),
    };
    let groups: Vec<&str> = s.split(thousands).collect();
    // "2,5" in English or "3.5" in German: a lone separator before fewer than three digits is
    // a decimal point whatever the language.
    if groups.len() == 2 && groups[1].len() != 3 && !groups[1].contains(decimal) {
        format!("{}.{}", groups[0], groups[1])
    } else {
        s.replace(thousands, "").replace(decimal, ".")
    }
}

/// True when the digits at `start` are three after "N, " ("2, 500ft"): a thousands
/// separator set apart by a space, so they are the tail of a number broken apart, not a
/// number of their own. (A tail that opens with a zero is caught by [`parse_number`].)
pub fn broken_tail(text: &str, start: usize) -> bool {
    let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
    let Some(head) = text[..start].strip_suffix(", ") else {
        return false;
    };
    let lead = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let before = &head[..head.len() - lead];
    // The head is 1 to 3 digits standing alone: "around 2", not "5,000" or "v2".
    let alone = before
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != ',' && c != '.');
    // A capitalised word before the head makes it a date or a label ("May 5, 300 people",
    // "Chapter 11, 300 jobs"): the number after the comma is one of its own.
    let labelled = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    digits == 3 && (1..=3).contains(&lead) && alone && !labelled
}

/// Formats a value without a trailing ".0".
pub fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn scale_of(s: &str) -> u64 {
    let w = s.trim_end_matches('.').to_lowercase();
    lookup(SCALES, &w).unwrap_or(1)
}

fn fact(kind: FactKind, start: usize, end: usize, value: String) -> Fact {
    Fact {
        kind,
        span: Span::new(start, end),
        value,
        speaker: None,
    }
}

/// Ages, sums, percentages, quantities and counts in `text`.
pub fn extract(text: &str, ws: &[Word], lang: Language, out: &mut Vec<Fact>) {
    ages(text, out);
    money(text, lang, out);
    for c in PERCENT.captures_iter(text) {
        let m = c.get(0).unwrap();
        // "twenty five percent", "zero point five percent", "two hundred percent": a number
        // in words is read whole or not at all, never from its last word.
        let before = text[..m.start()].trim_end();
        let last = before
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lower = last.to_lowercase();
        if m.as_str().starts_with(char::is_alphabetic)
            && before.len() < m.start()
            && (number_word(&lower).is_some() || matches!(lower.as_str(), "point" | "komma"))
        {
            continue;
        }
        if let Some(v) = parse_number(&c["num"], lang) {
            out.push(fact(
                FactKind::Percent,
                m.start(),
                m.end(),
                format!("{}%", show(v)),
            ));
        }
    }
    fractions(text, out);
    shares_in(text, lang, out);
    quantities(text, lang, out);
    temperatures(text, out);
    super::counts::extract(text, ws, lang, out);
}

/// Shares in words ([`FRACTION`]) as percentages: "a quarter" of a whole is 25%. The fact's
/// words are the share ("a quarter", "half"), and its value the percentage, to one decimal.
fn fractions(text: &str, out: &mut Vec<Fact>) {
    for c in FRACTION.captures_iter(text) {
        let den = c.name("den").unwrap();
        let Some(d) = number_words::share_whole(den.as_str()) else {
            continue;
        };
        // The number of parts, right before: "a quarter", "two-thirds"; "half" needs none.
        let before = text[..den.start()].strip_suffix([' ', '-']).unwrap_or("");
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let n = number_words::share_parts(&before[word_start..]);
        // "the first half of the year" is a stretch of time, not a share.
        let ordinal = matches!(
            before[word_start..].to_lowercase().as_str(),
            "first" | "second" | "last" | "latter" | "former" | "other" | "upper" | "lower"
        );
        // "half of voters": with no article, the whole is a plural ("a quarter of an hour"
        // is none).
        if c.name("bare")
            .is_some_and(|w| c.name("of").is_none() || !members(w.as_str()))
        {
            continue;
        }
        let (n, start) = match n {
            Some(n) if n < d && c.name("of").is_some() => (n, word_start),
            None if !ordinal
                && (c.name("of").is_some()
                    || c.name("next").is_some_and(|w| members(w.as_str())))
                && den.as_str().eq_ignore_ascii_case("half") =>
            {
                (1.0, den.start())
            }
            _ => continue,
        };
        let value = format!("{}%", show((n / d * 1000.0_f64).round() / 10.0));
        out.push(fact(FactKind::Percent, start, den.end(), value));
    }
}

/// Nouns after "N in M" that hold a tally rather than name a population: "7 in 8 games",
/// "12 in 3 states" are counts, not shares.
const CONTAINERS: &[&str] = &[
    "appearances",
    "areas",
    "attempts",
    "cities",
    "countries",
    "districts",
    "games",
    "innings",
    "matches",
    "outings",
    "places",
    "provinces",
    "races",
    "regions",
    "rounds",
    "seasons",
    "starts",
    "states",
    "towns",
    "tries",
    "villages",
];

/// Shares written as a count of a count ([`SHARE_IN`]) as percentages: "one in five adults"
/// is 20%. Not a year ("3 in 2019"), nor a length of time ("two in three minutes").
fn shares_in(text: &str, lang: Language, out: &mut Vec<Fact>) {
    for c in SHARE_IN.captures_iter(text) {
        let (Some(n), Some(m)) = (parse_number(&c["n"], lang), parse_number(&c["m"], lang)) else {
            continue;
        };
        let year = !c["m"].contains(',') && (1000.0..=2100.0).contains(&m);
        let after = c
            .name("after")
            .map_or(String::new(), |a| a.as_str().trim().to_lowercase());
        let container =
            lookup(TIME_UNITS, &after).is_some() || CONTAINERS.contains(&after.as_str());
        if n >= m || n <= 0.0 || year || container {
            continue;
        }
        let whole = c.name("m").unwrap();
        let value = format!("{}%", show((n / m * 1000.0).round() / 10.0));
        out.push(fact(
            FactKind::Percent,
            c.get(0).unwrap().start(),
            whole.end(),
            value,
        ));
    }
}

/// True when `word`, after "half the", names the members of a set ("half the houses", "half
/// its seats"), so that the half is a share of them; a word in the singular or one that names
/// an amount makes a ratio ("half the cost", "half the previous levels").
fn members(word: &str) -> bool {
    const AMOUNTS: &[&str] = &[
        "amounts",
        "costs",
        "earnings",
        "emissions",
        "figures",
        "fees",
        "levels",
        "losses",
        "numbers",
        "prices",
        "proceeds",
        "profits",
        "rates",
        "revenues",
        "salaries",
        "sizes",
        "speeds",
        "sums",
        "taxes",
        "times",
        "totals",
        "values",
        "wages",
    ];
    let w = word.to_lowercase();
    super::counts::plural_noun(&w, Language::English) && !AMOUNTS.contains(&w.as_str())
}

/// The sign of a match's number, when it stands alone ("-5 °C", "minus 5C"): a sign glued
/// to a word before it joins a range ("10-15 km"), it is no minus.
fn lone_sign<'t>(text: &str, c: &regex::Captures<'t>) -> Option<regex::Match<'t>> {
    c.name("sign")
        .filter(|s| (text[..s.start()].chars().next_back()).is_none_or(|p| !p.is_alphanumeric()))
}

fn quantities(text: &str, lang: Language, out: &mut Vec<Fact>) {
    for c in QUANTITY.captures_iter(text) {
        let m = c.get(0).unwrap();
        let n = c.name("num").or_else(|| c.name("word")).unwrap();
        let unit = lookup(UNITS, &c["unit"].to_lowercase()).unwrap_or("");
        let scale =
            (c.name("scale").or_else(|| c.name("short"))).map_or(1, |s| scale_of(s.as_str()));
        // A sign glued to a word before it joins a range ("10-15 km"), not a negative.
        let sign = lone_sign(text, &c);
        let start = sign.map_or(n.start(), |s| s.start());
        if lang == Language::English && broken_tail(text, n.start()) {
            continue;
        }
        // "three hundred and fifty miles" is matched at "fifty".
        let before = c
            .name("word")
            .and_then(|w| words_before(text, w.start(), w.end()));
        let (start, v) = match before {
            Some((s, v)) => (s, v),
            None => match parse_number(n.as_str(), lang) {
                Some(v) => (start, v),
                None => continue,
            },
        };
        // "10 degrees below zero" is minus 10.
        let below_zero = text[m.end()..]
            .trim_start()
            .get(..10)
            .is_some_and(|w| w.eq_ignore_ascii_case("below zero"));
        let v = if sign.is_some() != below_zero { -v } else { v };
        let value = format!("{} {unit}", show(v * scale as f64));
        out.push(fact(FactKind::Quantity, start, m.end(), value));
    }
}

/// Words before a glued temperature that make it a reading ("reached 30C", "to 96F").
const READING_WORDS: &[&str] = &[
    "about", "above", "around", "at", "below", "climbed", "dropped", "exceeded", "fell", "high",
    "highs", "hit", "low", "lows", "minus", "near", "nearly", "of", "over", "peaked", "plunged",
    "reached", "rose", "soared", "to", "topped", "touched", "under",
];

/// Words of the weather or the body near a glued temperature: "in 34C heat", "Madrid, 41C,
/// the hottest day", "a fever of 39C".
const TEMPERATURE_WORDS: &[&str] = &[
    "celsius",
    "cold",
    "coldest",
    "cool",
    "degrees",
    "fahrenheit",
    "fever",
    "freezing",
    "frost",
    "heat",
    "heatwave",
    "hot",
    "hotter",
    "hottest",
    "mercury",
    "scorching",
    "sweltering",
    "temperature",
    "temperatures",
    "thermometer",
    "warm",
    "warmer",
    "warmest",
    "weather",
];

/// True when a word of [`TEMPERATURE_WORDS`] stands within some 60 bytes of `start..end`,
/// in its sentence.
fn temperature_near(text: &str, start: usize, end: usize) -> bool {
    let Span { start: lo, end: hi } = Span::new(start, end).widened(text, 60);
    // Within its sentence only.
    let lo = text[lo..start].rfind(". ").map_or(lo, |i| lo + i);
    let hi = text[end..hi].find(". ").map_or(hi, |i| end + i);
    text[lo..hi]
        .split(|c: char| !c.is_alphabetic())
        .any(|w| TEMPERATURE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Temperatures written "30C" ([`TEMPERATURE`]) as quantities in °C or °F.
fn temperatures(text: &str, out: &mut Vec<Fact>) {
    for c in TEMPERATURE.captures_iter(text) {
        let (m, n) = (c.get(0).unwrap(), c.name("num").unwrap());
        let sign = lone_sign(text, &c);
        let start = sign.map_or(n.start(), |s| s.start());
        // Not the tail of another number ("38.75C", "1,030C", the score "12-5C").
        if text[..start]
            .ends_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '–'))
        {
            continue;
        }
        // A reading, by the words around it ("highs of 30C", "in 34C heat") or the word
        // before ("reached 30C", "minus 5C"); "seat 23F", "flat 4C", "a 34C bra" are not.
        let before = text[..start].trim_end();
        let word = (before.rsplit(|c: char| !c.is_alphanumeric()).next())
            .unwrap_or("")
            .to_lowercase();
        if !READING_WORDS.contains(&word.as_str()) && !temperature_near(text, start, m.end()) {
            continue;
        }
        let Ok(v) = n.as_str().parse::<f64>() else {
            continue;
        };
        let v = if sign.is_some() { -v } else { v };
        let unit = if &c["unit"] == "C" { "°C" } else { "°F" };
        out.push(fact(
            FactKind::Quantity,
            start,
            m.end(),
            format!("{} {unit}", show(v)),
        ));
    }
}

/// Where a number in words that ends with the word at `start..end` begins, if words before
/// it are of it, and its value: "three hundred and fifty", "3 hundred", "a hundred".
fn words_before(text: &str, start: usize, end: usize) -> Option<(usize, f64)> {
    // The starts of up to eight words before, each parted from the next by one space.
    let mut starts = Vec::new();
    let mut at = start;
    while starts.len() < 8 {
        let Some(before) = text[..at].strip_suffix(' ') else {
            break;
        };
        let from = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '‑'))
            .map_or(0, |(k, c)| k + c.len_utf8());
        if from == before.len() {
            break;
        }
        starts.push(from);
        at = from;
    }
    // The longest run of words that all make one number with this one.
    starts.into_iter().rev().find_map(|from| {
        let words: Vec<String> = text[from..end].split(' ').map(str::to_lowercase).collect();
        let first = words[0].as_str();
        let value = match number_word(first) {
            Some(v) => v as f64,
            None if first == "a" && matches!(words[1].as_str(), "hundred" | "thousand") => 1.0,
            None if first.bytes().all(|b| b.is_ascii_digit()) => first.parse().ok()?,
            None => return None,
        };
        let rest: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        let range = number_words::opens_range(&text[..from]);
        let (v, taken) = number_words::read((first, value), &rest, range);
        (taken == rest.len()).then_some((from, v))
    })
}

/// The decades of life in words, as "in her sixties" says them.
const DECADES: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// An age given as a decade ("in his 40s", "in her early sixties"): its value, "40s" or
/// "early 60s", which the comparer reads as the years it allows.
fn decade(c: &regex::Captures) -> Option<String> {
    let dec = c.name("dec")?.as_str().to_lowercase();
    let tens = match DECADES.iter().position(|d| *d == dec) {
        Some(i) => 20 + 10 * i,
        None => dec
            .trim_end_matches('s')
            .trim_end_matches('\'')
            .parse()
            .ok()?,
    };
    let part = c.name("part").map_or(String::new(), |p| {
        let word = p
            .as_str()
            .trim_end_matches(|c: char| c == '-' || c.is_whitespace());
        format!("{} ", word.to_lowercase())
    });
    Some(format!("{part}{tens}s"))
}

fn ages(text: &str, out: &mut Vec<Fact>) {
    for c in AGE.captures_iter(text) {
        let whole = c.get(0).unwrap();
        if c.name("dec").is_some() {
            if let Some(value) = decade(&c) {
                out.push(fact(FactKind::Age, whole.start(), whole.end(), value));
            }
            continue;
        }
        let (n, span) = if let Some(n) = ["n", "p", "q", "wh"].iter().find_map(|g| c.name(g)) {
            // "Halden, 56,", "the retired nurse, 48,", "who was 78,": the number is the age;
            // the name or the noun is context only.
            (n, Span::new(n.start(), n.end()))
        } else {
            let n = ["m", "k", "j", "w", "aw"]
                .iter()
                .find_map(|g| c.name(g))
                .unwrap();
            (n, Span::new(whole.start(), whole.end()))
        };
        // "who was 6, when his family moved": the age then, not now.
        if c.name("wh").is_some() && text[whole.end()..].trim_start().starts_with("when") {
            continue;
        }
        let who = c.name("who").or_else(|| c.name("who2")).map(|w| w.as_str());
        if who.is_some_and(|w| lookup(crate::lexicon::MONTHS, &fold(w)).is_some()) {
            continue; // "Jan, 3," is a date
        }
        // A number in words is its words' values added: "twenty-three" is 23.
        let in_words = || -> Option<u32> {
            (n.as_str().split('-'))
                .map(|w| number_word(&w.to_lowercase()).map(|v| v as u32))
                .sum()
        };
        let Some(v) = n.as_str().parse::<u32>().ok().or_else(in_words) else {
            continue;
        };
        if (1..=120).contains(&v) {
            let mut f = fact(FactKind::Age, span.start, span.end, v.to_string());
            // Whose age it is, when the text says it: "Jones, 45,".
            f.speaker = who.map(str::to_string);
            out.push(f);
        }
    }
}

fn money(text: &str, lang: Language, out: &mut Vec<Fact>) {
    for c in MONEY.captures_iter(text) {
        let m = c.get(0).unwrap();
        let mut num = c.name("num").or_else(|| c.name("num2")).unwrap().as_str();
        let cur = c.name("cur").or_else(|| c.name("cur2")).unwrap();
        let mut scale = c
            .name("scale")
            .or_else(|| c.name("scale2"))
            .map(|s| s.as_str());
        let mut span = (m.start(), m.end());
        // "$2-3 million" is a range of millions: the sum is its upper end, "3 million" in
        // dollars, and the comparer reads the "$2-" before it as where the range starts.
        if scale.is_none()
            && c.name("cur").is_some()
            && let Some(end) = MONEY_RANGE_END.captures(&text[m.end()..])
        {
            let (n, whole) = (end.name("num").unwrap(), end.get(0).unwrap());
            num = n.as_str();
            scale = end.name("scale").map(|s| s.as_str());
            span = (m.end() + n.start(), m.end() + whole.end());
        }
        if weighed(text, m.start(), cur.as_str()) {
            continue; // a weight: the measures read it
        }
        let code = lookup(CURRENCIES, &cur.as_str().to_lowercase()).unwrap_or("USD");
        let scale = scale.map_or(1, scale_of);
        if let Some(v) = parse_number(num, lang) {
            // To the cent: "£11.44" is no "£11.20" (rounding off float noise, not pence).
            let value = format!(
                "{} {code}",
                show((v * scale as f64 * 100.0).round() / 100.0)
            );
            out.push(fact(FactKind::Money, span.0, span.1, value));
        }
    }
}

/// How far before a number "pounds" is read as a weight when a word of weighing stands
/// there ("weighing 2,479 pounds", "weighed in at 11 pounds").
const WEIGHED_REACH: usize = 24;

/// True when the sum at `start`, in `currency` as written, is a weight: "pounds" after a
/// word of weighing within [`WEIGHED_REACH`] bytes ("weighing", "a weight of", "tipped the
/// scales at"; not "a heavyweight boxer was paid", "a heavy fine of").
fn weighed(text: &str, start: usize, currency: &str) -> bool {
    const WEIGHING: [&str; 6] = ["weigh", "weighs", "weighed", "weighing", "weight", "scales"];
    if !currency.eq_ignore_ascii_case("pounds") {
        return false;
    }
    let from = Span::new(start, start).widened(text, WEIGHED_REACH).start;
    (text[from..start].split(|c: char| !c.is_alphabetic()))
        .any(|w| WEIGHING.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<(FactKind, String, String)> {
        let mut out = Vec::new();
        extract(
            s,
            &super::super::words::words(s),
            Language::English,
            &mut out,
        );
        out.into_iter()
            .map(|f| (f.kind, f.span.slice(s).to_string(), f.value))
            .collect()
    }

    #[test]
    fn ages_in_both_styles() {
        let f = run(
            "Halden, 56, met them. The 62-year-old left. The retired nurse, 48, won. A \
             twenty-three-year-old and a six-year-old came. A boy aged fifteen, a man aged 40. \
             Aged 57, she left. He died at the age of 116. The bank's new chief executive, 52, \
             spoke. Pryde, who was 78, died. Hart, who is 23. A man who was 30 minutes late. \
             Ross, who was 2.5 seconds behind. Lee, who was 30,000 feet up. Ada, who was 19 \
             when. Cole, who was 7, when he moved.",
        );
        assert!(f.contains(&(FactKind::Age, "78".into(), "78".into())));
        assert!(f.contains(&(FactKind::Age, "23".into(), "23".into())));
        for v in ["30", "2", "19", "7"] {
            assert!(
                !f.iter().any(|(k, _, w)| *k == FactKind::Age && w == v),
                "{v}"
            );
        }
        assert!(f.contains(&(FactKind::Age, "Aged 57".into(), "57".into())));
        assert!(f.contains(&(FactKind::Age, "at the age of 116".into(), "116".into())));
        assert!(f.contains(&(FactKind::Age, "52".into(), "52".into())));
        assert!(f.contains(&(FactKind::Age, "aged fifteen".into(), "15".into())));
        assert!(f.contains(&(FactKind::Age, "aged 40".into(), "40".into())));
        assert!(f.contains(&(FactKind::Age, "twenty-three-year-old".into(), "23".into())));
        assert!(f.contains(&(FactKind::Age, "six-year-old".into(), "6".into())));
        assert!(f.contains(&(FactKind::Age, "56".into(), "56".into())));
        assert!(f.contains(&(FactKind::Age, "48".into(), "48".into())));
        assert!(f.contains(&(FactKind::Age, "62-year-old".into(), "62".into())));
    }

    #[test]
    fn percentages_in_number_words() {
        let f = |s: &str, lang| {
            let mut out = Vec::new();
            extract(s, &[], lang, &mut out);
            (out.into_iter())
                .filter(|f| f.kind == FactKind::Percent)
                .map(|f| (f.span.slice(s).to_string(), f.value))
                .collect::<Vec<_>>()
        };
        let pair = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
        assert_eq!(
            f("It pays twelve percent of it.", Language::English),
            pair("twelve percent", "12%")
        );
        assert_eq!(
            f("Twenty-five per cent voted.", Language::English),
            pair("Twenty-five per cent", "25%")
        );
        assert_eq!(
            f("Der Bund übernimmt fünfzehn Prozent.", Language::German),
            pair("fünfzehn Prozent", "15%")
        );
        assert!(f("Someone percent", Language::English).is_empty());
        for whole in [
            "About twenty five percent voted.",
            "Zero point five percent voted.",
            "Two hundred percent more.",
        ] {
            assert!(f(whole, Language::English).is_empty(), "{whole}");
        }
    }

    #[test]
    fn shares_in_words_are_percentages_of_a_named_whole() {
        let f = run(
            "“A quarter of the farms, half of the town and two thirds of its staff, not a quarter \
             of an hour, nor on behalf of the firm, nor the first quarter of the year, nor the \
             first half of the season, nor half the cost, nor half the previous levels, nor a man \
             in his early\u{a0}40s—a quarter of the town, half the houses.",
        );
        let shares: Vec<(String, String)> = (f.into_iter())
            .filter(|x| x.0 == FactKind::Percent)
            .map(|x| (x.1, x.2))
            .collect();
        assert_eq!(
            shares,
            [
                ("A quarter".to_string(), "25%".to_string()),
                ("half".to_string(), "50%".to_string()),
                ("two thirds".to_string(), "66.7%".to_string()),
                ("a quarter".to_string(), "25%".to_string()),
                ("half".to_string(), "50%".to_string()),
            ]
        );
    }

    #[test]
    fn millions_in_words_are_counted() {
        let f = run(
            "Two million people fled, 2.5 million voters stayed home, half a million homes lost \
             power, two and a half million pupils and a million and a half workers stayed in, \
             a quarter of a million fans came and three-quarters of a million tourists left.",
        );
        let counts: Vec<String> = (f.into_iter())
            .filter(|x| x.0 == FactKind::Count)
            .map(|x| x.2)
            .collect();
        assert_eq!(
            counts,
            [
                "2000000 people",
                "2500000 voter",
                "500000 home",
                "2500000 pupil",
                "1500000 worker",
                "250000 fan",
                "750000 tourist"
            ]
        );
    }

    #[test]
    fn ages_in_decades() {
        let f = run("A man in his 40s and a woman in her early sixties, in their late 20's.");
        let ages: Vec<(String, String)> = (f.into_iter())
            .filter(|x| x.0 == FactKind::Age)
            .map(|x| (x.1, x.2))
            .collect();
        assert_eq!(
            ages,
            [
                ("in his 40s".to_string(), "40s".to_string()),
                ("in her early sixties".to_string(), "early 60s".to_string()),
                ("in their late 20's".to_string(), "late 20s".to_string()),
            ]
        );
    }

    #[test]
    fn the_tail_of_a_number_broken_apart_is_no_number() {
        let f = run("He fell around 2, 000ft and 2, 000 people watched from 2, 500ft.");
        assert!(
            f.iter().all(|x| !x.1.starts_with('0')),
            "a broken number's tail read as a value: {f:?}"
        );
        assert!(
            f.iter().all(|x| !x.1.starts_with("500")),
            "a broken number's tail read as a value: {f:?}"
        );
        // A date or a label before a comma is a number of its own: the count after it
        // stands.
        for s in [
            "On May 5, 300 people fled.",
            "After Chapter 11, 300 jobs went.",
        ] {
            assert!(run(s).iter().any(|x| x.2.starts_with("300")), "{s}");
        }
        assert!(
            run("In 2019, 300 people fled.")
                .iter()
                .any(|x| x.2.starts_with("300"))
        );
        assert!(run("He fell 600ft.").iter().any(|x| x.2 == "600 ft"));
    }

    #[test]
    fn money_is_normalised() {
        let f = run("a $25 million bounty and €3bn in aid and 10 million dollars");
        assert!(f.contains(&(FactKind::Money, "$25 million".into(), "25000000 USD".into())));
        assert!(f.contains(&(FactKind::Money, "€3bn".into(), "3000000000 EUR".into())));
        assert!(f.iter().any(|x| x.2 == "10000000 USD"));
        let f = run("a GBP 6 million fine and EUR 40m in aid");
        assert!(f.contains(&(
            FactKind::Money,
            "GBP 6 million".into(),
            "6000000 GBP".into()
        )));
        assert!(f.contains(&(FactKind::Money, "EUR 40m".into(), "40000000 EUR".into())));
    }

    #[test]
    fn pounds_weighed_are_no_sum() {
        let f = run(
            "The pumpkin, weighing 2,479 pounds, won a prize of 5,000 pounds. A heavyweight \
             was paid 5 million pounds; a heavy fine of 50,000 pounds. It tipped the scales \
             at 2,100 pounds.",
        );
        let sums: Vec<&str> = (f.iter())
            .filter(|x| x.0 == FactKind::Money)
            .map(|x| x.1.as_str())
            .collect();
        assert_eq!(sums, ["5,000 pounds", "5 million pounds", "50,000 pounds"]);
    }

    #[test]
    fn a_range_of_sums_is_read_at_its_upper_end_in_its_currency() {
        let f = run("It costs $2-3 million, or €10–12bn, or $4 to $5 a day.");
        let sums: Vec<(String, String)> = (f.into_iter())
            .filter(|x| x.0 == FactKind::Money)
            .map(|x| (x.1, x.2))
            .collect();
        assert_eq!(
            sums,
            [
                ("3 million".to_string(), "3000000 USD".to_string()),
                ("12bn".to_string(), "12000000000 EUR".to_string()),
                ("$4".to_string(), "4 USD".to_string()),
                ("$5".to_string(), "5 USD".to_string()),
            ]
        );
        let f = run("The wage rises to £11.44 an hour; the deal is worth $1.48bn.");
        let sums: Vec<String> = (f.into_iter())
            .filter(|x| x.0 == FactKind::Money)
            .map(|x| x.2)
            .collect();
        assert_eq!(sums, ["11.44 GBP", "1480000000 USD"]);
    }

    #[test]
    fn a_glued_m_before_a_unit_is_a_million() {
        let f = run("The probe will cover 600m kilometres; the tower is 300m high; a 400m race.");
        let q: Vec<(String, String)> = (f.into_iter())
            .filter(|x| x.0 == FactKind::Quantity)
            .map(|x| (x.1, x.2))
            .collect();
        let want = [
            ("600m kilometres", "600000000 km"),
            ("300m", "300 m"),
            ("400m", "400 m"),
        ];
        assert_eq!(q, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn temperatures_with_a_glued_scale_letter() {
        let f = run(
            "Highs reached 30C (86F), lows fell to minus 5C and -2C, a fever of 38.7C. \
             Flat 30C, seat 23F, a 34C bra, 38.75C and the score 12-5C are no readings.",
        );
        let temps: Vec<(String, String)> = (f.into_iter())
            .filter(|x| x.0 == FactKind::Quantity)
            .map(|x| (x.1, x.2))
            .collect();
        let want = [
            ("30C", "30 °C"),
            ("86F", "86 °F"),
            ("minus 5C", "-5 °C"),
            ("-2C", "-2 °C"),
            ("38.7C", "38.7 °C"),
        ];
        assert_eq!(temps, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn counts_of_counts_are_shares() {
        let f = run(
            "One in five adults, two out of three schools, 4 in 10 voters and half of voters \
             agreed; not 3 in 2019, two in three minutes, nor a quarter of an hour.",
        );
        let shares: Vec<(String, String)> = (f.into_iter())
            .filter(|x| x.0 == FactKind::Percent)
            .map(|x| (x.1, x.2))
            .collect();
        // Shares in words are read before counts of counts.
        let want = [
            ("half", "50%"),
            ("One in five", "20%"),
            ("two out of three", "66.7%"),
            ("4 in 10", "40%"),
        ];
        assert_eq!(shares, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn counts_of_people() {
        let f = run(
            "two sources said; four of the people said; five current and former officials tell",
        );
        let values: Vec<&str> = f.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(values, ["2 source", "4 people", "5 official"]);
    }

    #[test]
    fn german_numbers() {
        let mut out = Vec::new();
        let s = "Es kostet 2,5 Millionen Euro und 12,5 Prozent.";
        extract(
            s,
            &super::super::words::words(s),
            Language::German,
            &mut out,
        );
        let v: Vec<&str> = out.iter().map(|f| f.value.as_str()).collect();
        assert!(v.contains(&"2500000 EUR"), "{v:?}");
        assert!(v.contains(&"12.5%"), "{v:?}");
    }
}
