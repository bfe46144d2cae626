//! Dates and relative times: "Jan. 3", "January 11", "in 2015", "In November", "last
//! month", "late Sunday", "2026-01-17", "1/17/2026", "for several years", German "17. Januar".
//!
//! Values are ISO where the text allows ("2026-01-03", "--01-03" without a year, "2015",
//! "--11" for a bare month); relative times keep their words, folded ("last month").

use std::sync::LazyLock;

use regex::Regex;

use super::compare::calendar::unit_days;
use super::words::{fold, without_joiners};
use super::{Fact, FactKind};
use crate::lexicon::{MONTHS, TIME_UNITS, WEEKDAYS, lookup, number_word};
use crate::span::Span;

/// Months abbreviated, as written before a point ("Aug.") or, in page headers, without one.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Okt",
    "Dez",
];

/// A month's name, or its abbreviation with its point, or without it (read only between a
/// day and a year, see [`month_dates`]).
fn month_pattern() -> String {
    let short = MONTH_ABBREVIATIONS.join("|");
    format!(
        concat!(
            r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December",
            r"|Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember)(?-u:\b)",
            r"|(?:{short})\.|(?:{short})(?-u:\b))"
        ),
        short = short
    )
}

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{4})-([0-9]{2})-([0-9]{2})(?-u:\b)").unwrap());

/// "1/17/2026" (month first) and "17.1.2026" (day first); a reading time may be glued to
/// the year in page headers ("1/17/20262 min read").
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})|([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4}))([0-9]{0,2}\s*min)?")
        .unwrap()
});

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?-u:\b)(?P<d1>[0-9]{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{m})(?:,?\s+(?P<y1>[0-9]{{4}})(?-u:\b))?",
            r"|(?-u:\b)(?P<m2>{m})(?:\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?-u:\b))?(?:,?\s+(?P<y2>[0-9]{{4}})(?-u:\b))?",
        ),
        m = month_pattern()
    ))
    .unwrap()
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?i:in|since|until|till|by|before|after|from|during|early|late|mid|im|seit|bis|vor|nach|ab|anfang|ende|mitte|aus\s+dem\s+jahre?",
        r"|(?:the\s+)?(?:start|beginning|middle|end|close)\s+of)",
        r"(?:\s+|-)(?:the\s+year\s+|(?i:(?:dem\s+)?jahr)\s+)?(?P<y>1[89][0-9][0-9]|20[0-9][0-9])(?-u:\b)",
    ))
    .unwrap()
});

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:(?P<mod>early|late|(?i:on|last|next|this))\s+)?",
        r"(?P<d>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
        r"|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)",
        // German writes the part of the day into the day: "Dienstagabend".
        r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?(?-u:\b)",
    ))
    .unwrap()
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?:",
        r"(?:last|next|this|past|previous|coming|earlier\s+this|later\s+this|early\s+this|late\s+last|early\s+last)",
        r"\s+(?:year|month|week|weekend|spring|summer|fall|autumn|winter|decade|century|morning|night|evening)",
        r"|yesterday|today|tonight|tomorrow|in\s+recent\s+(?:days|weeks|months|years)",
        r"|(?:letzte[nrms]?|vergangene[nrms]?|nächste[nrms]?|diese[nrms]?|kommende[nrms]?)\s+(?:jahr|monat|woche|wochenende)",
        r"|gestern|heute|vorgestern",
        r")(?-u:\b)",
        // No ASCII word boundary can stand before "ü": this one word goes without.
        r"|übermorgen(?-u:\b)",
    ))
    .unwrap()
});

/// A span of time: "for several years", "two years ago", "over the past decade", "seit drei Jahren".
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&concat!(
        r"(?i)(?-u:\b)(?P<pre>for|over|within|in|during|seit|vor)\s+(?:the\s+(?:past|last|next)\s+)?",
        r"(?P<n>[0-9]+|a|an|a\s+few|several|many|some|one|two|three|four|five|six|seven|eight|nine|ten|twenty|mehreren|einigen|zwei|drei|vier|fünf)\s+",
        r"(?P<u>years?|months?|weeks?|days?|decades?|hours?|jahren?|monaten?|wochen|tagen)(?-u:\b)",
        r"|(?-u:\b)(?P<n2>[0-9]+|a|an|a\s+few|several|many|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+",
        r"(?P<u2>years?|months?|weeks?|days?|decades?|hours?)\s+(?P<post>ago|earlier|later)(?-u:\b)",
        // A length of time on its own: "sentenced to six months", "a 90-minute journey".
        r"|(?-u:\b)(?P<n3>[0-9]+(?:\.[0-9]+)?|an?|{WORDS})(?:\s+and\s+an?\s+(?P<part>half|quarter))?[\s-]",
        r"(?P<u3>years?|months?|weeks?|days?|decades?|hours?|minutes?)(?-u:\b)",
    )
    .replace("{WORDS}", LENGTH_WORDS))
    .unwrap()
});

/// Number words that may count a length of time on their own ("six months", "two-hour",
/// "twenty-four months"). The compounds come first: "four months" alone would also match
/// inside "twenty-four months".
const LENGTH_WORDS: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-‑](?:one|two|three|four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty|sixty|ninety";

/// The lower end of a range of lengths right before the upper one: the "10-" of "10-12
/// hours", the "two to " of "two to three years".
static RANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<lo>[0-9]+|{LENGTH_WORDS})(?:\s*[-–]\s*|\s+(?:to|or)\s+)$"
    ))
    .unwrap()
});

/// The half after a length of time's unit: "a year and a half".
static HALF_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+and\s+a\s+half(?-u:\b)").unwrap());

/// A smaller unit right after a length of time, which adds to it: the "30 minutes" of "13
/// hours 30 minutes", the "and six months" of "two years and six months".
static LENGTH_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s+(?:and\s+)?(?P<n>[0-9]+|{LENGTH_WORDS})[\s-](?P<u>months?|weeks?|days?|hours?|minutes?)(?-u:\b)"
    ))
    .unwrap()
});

/// Holidays on one day of the year, whatever the year: "Christmas Eve" is 24 December.
const HOLIDAYS: &[(&str, u32, u32)] = &[
    ("christmas eve", 12, 24),
    ("christmas day", 12, 25),
    ("boxing day", 12, 26),
    ("new year's eve", 12, 31),
    ("new year's day", 1, 1),
    ("valentine's day", 2, 14),
    ("st patrick's day", 3, 17),
    ("st. patrick's day", 3, 17),
    ("bastille day", 7, 14),
    ("fourth of july", 7, 4),
    ("halloween", 10, 31),
    ("armistice day", 11, 11),
    ("bonfire night", 11, 5),
];

/// A holiday of [`HOLIDAYS`], with a straight or curly apostrophe.
static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<String> = (HOLIDAYS.iter())
        .map(|(n, _, _)| regex::escape(n).replace(' ', r"\s+").replace('\'', "['’]"))
        .collect();
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", names.join("|"))).unwrap()
});

/// This module's patterns, for compiling them ahead of use ([`super::prepare`]).
pub(super) static PATTERNS: [&LazyLock<Regex>; 9] = [
    &ISO,
    &NUMERIC,
    &MONTH_DAY,
    &YEAR,
    &WEEKDAY,
    &RELATIVE,
    &DURATION,
    &HOLIDAY,
    &RANGE_BEFORE,
];

fn month_number(s: &str) -> Option<u32> {
    lookup(MONTHS, &fold(s.trim_end_matches('.')))
}

fn push(out: &mut Vec<Fact>, start: usize, end: usize, value: String) {
    out.push(Fact {
        kind: FactKind::Date,
        span: Span::new(start, end),
        value,
        speaker: None,
    });
}

fn iso(y: Option<&str>, m: u32, d: Option<u32>) -> String {
    match (y, d) {
        (Some(y), Some(d)) => format!("{y}-{m:02}-{d:02}"),
        (Some(y), None) => format!("{y}-{m:02}"),
        (None, Some(d)) => format!("--{m:02}-{d:02}"),
        (None, None) => format!("--{m:02}"),
    }
}

/// The dates and times in `text`.
pub fn extract(text: &str, out: &mut Vec<Fact>) {
    for c in ISO.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (mo, d): (u32, u32) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if (1..=12).contains(&mo) && (1..=31).contains(&d) {
            push(out, m.start(), m.end(), m.as_str().to_string());
        }
    }
    numeric(text, out);
    month_dates(text, out);
    for m in HOLIDAY.find_iter(text) {
        let name = fold(m.as_str()).replace('’', "'");
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(&(_, mo, d)) = HOLIDAYS.iter().find(|(n, _, _)| *n == name) {
            push(out, m.start(), m.end(), iso(None, mo, Some(d)));
        }
    }
    for c in YEAR.captures_iter(text) {
        let m = c.get(0).unwrap();
        push(out, m.start(), m.end(), c["y"].to_string());
    }
    for c in WEEKDAY.captures_iter(text) {
        let m = c.get(0).unwrap();
        let day = lookup(WEEKDAYS, &fold(&c["d"])).unwrap_or("");
        let value = match c.name("mod").map(|x| x.as_str().to_lowercase()) {
            Some(x) if x == "last" || x == "next" => format!("{x} {day}"),
            _ => day.to_string(),
        };
        push(out, m.start(), m.end(), value);
    }
    for m in RELATIVE.find_iter(text) {
        let words: Vec<String> = m.as_str().split_whitespace().map(fold).collect();
        push(out, m.start(), m.end(), words.join(" "));
    }
    let mut taken = 0;
    for c in DURATION.captures_iter(text) {
        let m = c.get(0).unwrap();
        if m.start() < taken
            || (c.name("n3").is_some()
                && (an_age(text, m.start(), m.end()) || compared(text, m.end())))
        {
            continue;
        }
        // Each of the pattern's three forms names its number and unit apart.
        let first = |names: [&str; 3]| names.iter().find_map(|k| c.name(k)).map(|x| x.as_str());
        let (Some(n), Some(u)) = (first(["n", "n2", "n3"]), first(["u", "u2", "u3"])) else {
            continue;
        };
        let mut n = number_of(n);
        let mut end = m.end();
        // "two and a half years", "a year and a half".
        let half_after = (c.name("post").is_none())
            .then(|| HALF_AFTER.find(&text[end..]))
            .flatten();
        let part = match (
            c.name("part").map(|p| p.as_str().to_lowercase()),
            half_after,
        ) {
            (Some(p), _) => Some(if p == "half" { 0.5 } else { 0.25 }),
            (None, Some(h)) => {
                end += h.end();
                Some(0.5)
            }
            _ => None,
        };
        // "an hour" alone is "once an hour" or "$20 an hour" as often as a length; with
        // more after it ("an hour and 40 minutes", "a year and a half") it is one.
        let article = c
            .name("n3")
            .is_some_and(|x| matches!(x.as_str().to_lowercase().as_str(), "a" | "an"));
        if article && part.is_none() && LENGTH_TAIL.find(&text[end..]).is_none() {
            continue;
        }
        if let (Some(p), Ok(v)) = (part, n.parse::<f64>()) {
            n = crate::facts::numbers::show(v + p);
        }
        let mut unit = lookup(TIME_UNITS, &fold(u)).unwrap_or("year");
        // "13 hours 30 minutes" is one length, in its smaller unit: 810 minutes.
        if c.name("post").is_none()
            && let Some(t) = LENGTH_TAIL.captures(&text[end..])
            && let Some(small) = lookup(TIME_UNITS, &fold(&t["u"]))
            && let (Some(big_days), Some(small_days)) = (unit_days(unit), unit_days(small))
            && small_days < big_days
            && let (Ok(x), Ok(y)) = (n.parse::<f64>(), number_of(&t["n"]).parse::<f64>())
        {
            // Rounded: a year is not quite twelve of [`unit_days`]'s months.
            let total = ((x * (big_days / small_days) + y) * 10.0).round() / 10.0;
            end += t.get(0).unwrap().end();
            taken = end;
            unit = small;
            let value = format!("for {} {unit}s", crate::facts::numbers::show(total));
            push(out, m.start(), end, value);
            continue;
        }
        let s = if n == "1" { "" } else { "s" };
        // "10-12 hours", "two to three years": a range, from its lower end.
        // Only the last few words before are read: the pattern ends at the text's end, and
        // run over the whole text before each length it would cost the square of its size.
        let from = Span::new(m.start(), m.start()).widened(text, 24).start;
        let range = (c.name("n3").is_some())
            .then(|| RANGE_BEFORE.captures(&text[from..m.start()]))
            .flatten()
            .map(|r| (from + r.get(0).unwrap().start(), number_of(&r["lo"])));
        let (start, n) = match range {
            Some((at, lo)) => (at, format!("{lo}-{n}")),
            None => (m.start(), n),
        };
        let value = match c.name("post") {
            Some(p) => format!("{n} {unit}{s} {}", fold(p.as_str())),
            None => format!("for {n} {unit}{s}"),
        };
        push(out, start, end, value);
    }
}

/// A count of a length of time as its value reads: digits, or a number word's digits ("an
/// hour" is one hour).
fn number_of(n: &str) -> String {
    let n = fold(n);
    match n.as_str() {
        "a" | "an" => "1".to_string(),
        // "twenty-four" too: the compounds are read by `number_word`.
        _ => number_word(&n).map_or(n, |v| v.to_string()),
    }
}

/// True when the length of time ending at `end` is a difference between two others: "about
/// four years more than for men", "two hours longer than planned".
fn compared(text: &str, end: usize) -> bool {
    let mut after = text[end..].split_whitespace().map(|w| w.to_lowercase());
    let first = after.next().unwrap_or_default();
    let second = after.next().unwrap_or_default();
    matches!(
        first.as_str(),
        "more" | "less" | "fewer" | "longer" | "shorter" | "older" | "younger"
    ) && second == "than"
}

/// True when the length of time at `start..end` is an age: "a 10-year-old", "10 years
/// old", "aged 10 years", "40 years of age".
fn an_age(text: &str, start: usize, end: usize) -> bool {
    let after: String = text[end..]
        .chars()
        .take(7)
        .collect::<String>()
        .to_lowercase();
    let before = text[..start].trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    after.starts_with("-old")
        || after.starts_with(" old")
        || after.starts_with(" of age")
        || last.eq_ignore_ascii_case("aged")
}

fn numeric(text: &str, out: &mut Vec<Fact>) {
    for c in NUMERIC.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (mo, d, y, end) = if let Some(y) = c.get(3) {
            (&c[1], &c[2], y.as_str(), y.end())
        } else {
            (&c[5], &c[4], &c[6], c.get(6).unwrap().end())
        };
        // Digits glued to the year are a date only when a reading time follows.
        let glued = text[end..].starts_with(|ch: char| ch.is_ascii_digit());
        if glued && c.get(7).is_none() {
            continue;
        }
        let (Ok(mo), Ok(d)) = (mo.parse::<u32>(), d.parse::<u32>()) else {
            continue;
        };
        if (1..=12).contains(&mo) && (1..=31).contains(&d) {
            push(out, m.start(), end, iso(Some(y), mo, Some(d)));
        }
    }
}

/// Words before a bare "May" or "March" that make it a month rather than a verb or a noun.
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this", "during",
    "before", "after", "from", "im", "seit", "bis", "anfang", "ende", "mitte",
];

fn month_dates(text: &str, out: &mut Vec<Fact>) {
    for c in MONTH_DAY.captures_iter(text) {
        let m = c.get(0).unwrap();
        let mon = c.name("m1").or_else(|| c.name("m2")).unwrap().as_str();
        let Some(mo) = month_number(mon) else {
            continue;
        };
        let day = c
            .name("d1")
            .or_else(|| c.name("d2"))
            .and_then(|d| d.as_str().parse::<u32>().ok());
        let year = c.name("y1").or_else(|| c.name("y2")).map(|y| y.as_str());
        if day.is_some_and(|d| !(1..=31).contains(&d)) {
            continue;
        }
        // Without its point ("5 Aug 2013", "Jul 02, 2013", as page headers write it) only
        // between a day and a year: alone, "Jan" and "Jun" are names and "Mar" a verb.
        let abbreviated = MONTH_ABBREVIATIONS.contains(&mon);
        if abbreviated && (day.is_none() || year.is_none()) {
            continue;
        }
        let mut start = m.start();
        if day.is_none() && year.is_none() {
            // "mid-March": the cue may be joined by a hyphen.
            let before = without_joiners(&text[..m.start()]);
            let prev = before
                .rsplit(|ch: char| !ch.is_alphabetic())
                .next()
                .unwrap_or("");
            let cued = MONTH_CUES.contains(&prev.to_lowercase().as_str());
            let bare = mon.trim_end_matches('.');
            // "May I ask", "the March": a bare ambiguous month needs a cue; abbreviations
            // never stand alone.
            if matches!(bare, "May" | "March" | "Mai") && !cued || mon.ends_with('.') {
                continue;
            }
            if cued && matches!(prev.to_lowercase().as_str(), "in" | "im" | "since" | "seit") {
                start = before.len() - prev.len();
            }
        }
        push(out, start, m.end(), iso(year, mo, day));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        extract(s, &mut out);
        out.sort_by_key(|f| f.span);
        out.into_iter()
            .map(|f| (f.span.slice(s).to_string(), f.value))
            .collect()
    }

    #[test]
    fn a_month_abbreviated_without_its_point_between_a_day_and_a_year() {
        assert_eq!(
            run("Posted 5 Aug 2013 10:37, updated Jul 02, 2013; Sept 9 2014 too."),
            [
                ("5 Aug 2013".to_string(), "2013-08-05".to_string()),
                ("Jul 02, 2013".to_string(), "2013-07-02".to_string()),
                ("Sept 9 2014".to_string(), "2014-09-09".to_string()),
            ]
        );
        // Alone, or with a day only, it is a name or a word.
        assert!(run("Jan 3 and Jun were there; storms Mar the coast.").is_empty());
    }

    #[test]
    fn a_year_after_jahr() {
        assert_eq!(
            run(
                "Der Plan kam im Jahr 2015, gilt seit dem Jahr 2016 und ersetzt einen aus dem Jahr 2009."
            ),
            [
                ("im Jahr 2015".to_string(), "2015".to_string()),
                ("seit dem Jahr 2016".to_string(), "2016".to_string()),
                ("aus dem Jahr 2009".to_string(), "2009".to_string()),
            ]
        );
    }

    #[test]
    fn german_months_with_an_umlaut() {
        assert_eq!(
            run("Die Sitzung fand am 3. März 2015 statt, der Bericht kam im Jänner 2016."),
            [
                ("3. März 2015".to_string(), "2015-03-03".to_string()),
                ("Jänner 2016".to_string(), "2016-01".to_string()),
            ]
        );
    }

    #[test]
    fn an_hour_is_one_hour() {
        let values: Vec<String> = run("It struck within an hour, three days ago.")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert_eq!(values, ["for 1 hour", "3 days ago"]);
    }

    #[test]
    fn lengths_of_time_on_their_own() {
        let f = run(
            "Sentenced to six months, a 90-minute journey, a flight of 13 hours 30 minutes, \
             two years and six months in all, for a year and a half, two and a half days; not \
             a 10-year-old, nor 40 years old.",
        );
        let v: Vec<(&str, &str)> = f.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            v,
            [
                ("six months", "for 6 months"),
                ("90-minute", "for 90 minutes"),
                ("13 hours 30 minutes", "for 810 minutes"),
                ("two years and six months", "for 30 months"),
                ("for a year and a half", "for 1.5 years"),
                ("two and a half days", "for 2.5 days"),
            ]
        );
    }

    #[test]
    fn holidays_are_days_of_the_year() {
        let f = run("On Christmas Eve, not on New Year’s Day nor at Halloween, in 2019.");
        let v: Vec<(&str, &str)> = f.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            v,
            [
                ("Christmas Eve", "--12-24"),
                ("New Year’s Day", "--01-01"),
                ("Halloween", "--10-31"),
                ("in 2019", "2019"),
            ]
        );
    }

    #[test]
    fn absolute_dates() {
        let f =
            run("On Jan. 3 and January 11, 2026; 2026-01-17 and 1/17/2026 and 17. Januar 2026.");
        let v: Vec<&str> = f.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            v,
            [
                "--01-03",
                "2026-01-11",
                "2026-01-17",
                "2026-01-17",
                "2026-01-17"
            ]
        );
    }

    #[test]
    fn years_months_and_relative_times() {
        let f = run("In 2015 they met. In November, late Sunday, last month, for several years.");
        let v: Vec<&str> = f.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            v,
            ["2015", "--11", "Sunday", "last month", "for several years"]
        );
    }

    #[test]
    fn glued_reading_time() {
        let f = run("1/17/20262 min read");
        assert_eq!(f, [("1/17/2026".to_string(), "2026-01-17".to_string())]);
    }

    #[test]
    fn not_dates() {
        for s in [
            "May I ask a question?",
            "the Trump administration said",
            "March on, they said.",
            "He paid 1/2 of it.",
        ] {
            assert!(run(s).is_empty(), "{s}: {:?}", run(s));
        }
    }
}
