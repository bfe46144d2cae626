//! Times of day: "9:30", "9:27 a.m.", "7 p.m.", "3pm local time", "14:25 GMT", "at noon",
//! "around midnight", and the news-wire artefacts "7 p. m." and "8: 05am". The value is the
//! time on a 24-hour clock with its zone when one is given ("19:00", "14:25 GMT"); a time
//! without a.m. or p.m. keeps the hour as written, and the comparer allows both readings.

use std::sync::LazyLock;

use regex::Regex;

use super::{Fact, FactKind};
use crate::span::Span;

/// Zones written after a time, upper case only ("ET", not the word "et").
const ZONES: &str = concat!(
    r"(?P<z>GMT|UTC|BST|CEST|CET|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|WITA|WIB|WIT|JST|KST|HKT|",
    r"SGT|IST|AEST|AEDT|MSK|MESZ|MEZ|ET|CT|MT|PT|UK|(?i:local\s+time|local|ortszeit)|",
    r"(?i:(?:eastern|central|mountain|pacific)(?:\s+(?:standard|daylight))?(?:\s+time)?))(?-u:\b)"
);

/// "a.m.", "am", "a. m.", "PM": the half of the day.
const HALF: &str = r"(?P<ap>(?i:[ap]\.\s?m\.?|[ap]m(?-u:\b)))";

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?-u:\b)(?:",
            // "9:30", "14:25", "8: 05am", "9:30:15"
            r"(?P<h>[01]?[0-9]|2[0-3]):\s?(?P<m>[0-5][0-9])(?::[0-5][0-9])?(?:\s?{half})?",
            // "9.30am": a point only with a.m./p.m., or it is a decimal
            r"|(?P<h2>1[0-2]|0?[1-9])\.(?P<m2>[0-5][0-9])\s?{half2}",
            // "7 p.m.", "3pm"
            r"|(?P<h3>1[0-2]|0?[1-9])\s?{half3}",
            // "0930 GMT": four digits are a time only with a zone (checked after the match),
            // or they are a year or a count
            r"|(?P<h4>[01][0-9]|2[0-3])(?P<m4>[0-5][0-9])",
            // "at noon", "around midnight": the word alone is often a figure of speech
            r"|(?i:at|around|about|after|before|by|until|till|past|near)\s+(?P<w>(?i:noon|midday|midnight))(?-u:\b)",
            r")(?:\s+{zones})?",
        ),
        half = HALF,
        half2 = HALF.replace("?P<ap>", "?P<ap2>"),
        half3 = HALF.replace("?P<ap>", "?P<ap3>"),
        zones = ZONES
    ))
    .unwrap()
});

/// A time in words: "half past six", "a quarter to nine", "five o'clock in the afternoon".
/// An hour alone is a time only with "o'clock" or minutes past or to it ("six" is a count).
static WORD_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?P<at>at\s+)?(?:(?P<q>half|(?:a\s+)?quarter|twenty[-\s]five|twenty|ten|five)\s+(?P<dir>past|to)\s+)?",
        r"(?P<h>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)",
        r"(?P<oc>\s+o['’]clock)?(?-u:\b)",
        r"(?:\s+(?P<part>in\s+the\s+morning|in\s+the\s+afternoon|in\s+the\s+evening|at\s+night))?",
    ))
    .unwrap()
});

/// This module's patterns, for compiling them ahead of use ([`super::prepare`]).
pub(super) static PATTERNS: [&LazyLock<Regex>; 2] = [&TIME, &WORD_TIME];

/// A time of day as read from its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// Minutes since midnight, on a 24-hour clock when the half of the day is known.
    pub minutes: i32,
    /// True when the text says neither a.m. nor p.m. and the hour may be either half.
    pub either_half: bool,
}

/// The times of day in `text`.
pub fn extract(text: &str, out: &mut Vec<Fact>) {
    for c in WORD_TIME.captures_iter(text) {
        if let Some((clock, start, end)) = in_words(&c, false) {
            let value = format!("{:02}:{:02}", clock.minutes / 60, clock.minutes % 60);
            out.push(Fact {
                kind: FactKind::Time,
                span: Span::new(start, end),
                value,
                speaker: None,
            });
        }
    }
    for c in TIME.captures_iter(text) {
        let Some((clock, start, end)) = read(&c) else {
            continue;
        };
        // "9:30pm Eastern" names a zone; "3pm Central Park" does not.
        let zone = c.name("z").filter(|z| {
            let bare = z.as_str().starts_with(|ch: char| "EeCcMmPp".contains(ch))
                && american_zone(z.as_str()).is_some()
                && !z.as_str().to_lowercase().ends_with("time");
            !(bare
                && text[z.end()..]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(char::is_uppercase)))
        });
        if c.name("h4").is_some() && !zone.is_some_and(|z| military_zone(z.as_str())) {
            continue;
        }
        let end = zone.map_or(end, |z| z.end());
        let mut value = format!("{:02}:{:02}", clock.minutes / 60, clock.minutes % 60);
        if let Some(z) = zone {
            let named = american_zone(z.as_str());
            let z = z.as_str().split_whitespace().next().unwrap_or("");
            value.push(' ');
            value.push_str(&named.map_or_else(|| z.to_uppercase(), str::to_string));
        }
        out.push(Fact {
            kind: FactKind::Time,
            span: Span::new(start, end),
            value,
            speaker: None,
        });
    }
}

/// A time in words ([`WORD_TIME`]) and where its words start and end.
/// `found`: the words are a time fact's, already judged a time (its "at" left out).
fn in_words(c: &regex::Captures, found: bool) -> Option<(Clock, usize, usize)> {
    // "ten to two" is a time only after "at": a vote, odds or a range ("five to ten years")
    // as often; "half past", "a quarter to" and "o'clock" are times wherever they stand.
    let q = c.name("q").map(|q| q.as_str().to_lowercase());
    let sure = c.name("oc").is_some()
        || c.name("at").is_some()
        || q.as_deref()
            .is_some_and(|q| q.contains("half") || q.contains("quarter"))
        || (q.is_some() && c["dir"].eq_ignore_ascii_case("past"));
    let hour_alone = q.is_none() && c.name("oc").is_none();
    if !found && (!sure || hour_alone) {
        return None;
    }
    let hour = crate::lexicon::number_word(&c["h"].to_lowercase())? as i32;
    let past = match q {
        None => 0,
        Some(q) => {
            let q: String = q.chars().filter(|c| c.is_alphabetic()).collect();
            let m = match q.trim_start_matches('a') {
                "half" => 30,
                "quarter" => 15,
                "twentyfive" => 25,
                "twenty" => 20,
                "ten" => 10,
                _ => 5,
            };
            if c["dir"].eq_ignore_ascii_case("to") {
                -m
            } else {
                m
            }
        }
    };
    let part = c.name("part").map(|p| p.as_str().to_lowercase());
    // "twelve at night" is midnight; "eleven at night" 23:00, "two at night" 02:00.
    let pm = part.as_deref().map(|p| {
        p.ends_with("afternoon")
            || p.ends_with("evening")
            || (p.ends_with("night") && (6..12).contains(&hour))
    });
    let h = match pm {
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
        None => hour,
    };
    let minutes = (h * 60 + past).rem_euclid(1440);
    let whole = c.get(0)?;
    let start = c.name("at").map_or(whole.start(), |a| a.end());
    Some((
        Clock {
            minutes,
            either_half: pm.is_none(),
        },
        start,
        whole.end(),
    ))
}

/// True for a zone that makes four digits a time ("0930 GMT"): an abbreviation of three
/// letters or more, not "UK", "PT" or "local", which follow a year or a count as often
/// ("2019 UK sales", "the 2005 PT Cruiser", "1500 MT of rice", "2019 local elections").
fn military_zone(zone: &str) -> bool {
    zone.len() >= 3 && zone.chars().all(|c| c.is_ascii_uppercase())
}

/// The time a match of [`TIME`] states, and where its words start and end (the zone left
/// out).
fn read(c: &regex::Captures) -> Option<(Clock, usize, usize)> {
    if let Some(w) = c.name("w") {
        let minutes = if w.as_str().eq_ignore_ascii_case("midnight") {
            0
        } else {
            12 * 60
        };
        let clock = Clock {
            minutes,
            either_half: false,
        };
        return Some((clock, w.start(), w.end()));
    }
    let (h, m, ap) = if let Some(h) = c.name("h") {
        (h, c.name("m"), c.name("ap"))
    } else if let Some(h) = c.name("h2") {
        (h, c.name("m2"), c.name("ap2"))
    } else if let Some(h) = c.name("h4") {
        (h, c.name("m4"), None)
    } else {
        (c.name("h3")?, None, c.name("ap3"))
    };
    let hour: i32 = h.as_str().parse().ok()?;
    let minute: i32 = m.map_or(Some(0), |m| m.as_str().parse().ok())?;
    let end = ap.or(m).map_or(h.end(), |x| x.end());
    let half = ap.map(|a| a.as_str().to_ascii_lowercase().starts_with('p'));
    let hour = match half {
        Some(pm) if hour <= 12 => hour % 12 + if pm { 12 } else { 0 },
        _ => hour,
    };
    // "8:05" alone may be morning or evening; "14:25", "0:30" and "0930 GMT" are not.
    let either_half = half.is_none() && (1..=12).contains(&hour) && c.name("h4").is_none();
    Some((
        Clock {
            minutes: hour * 60 + minute,
            either_half,
        },
        h.start(),
        end,
    ))
}

/// The time the fact at `span` states, read again from its words. A fact's words for noon
/// or midnight are the word alone ("noon"), without the "at" that let [`TIME`] take it.
pub fn clock(text: &str, span: Span) -> Option<Clock> {
    let words = span.slice(text);
    let word: String = words.chars().take_while(|c| c.is_alphabetic()).collect();
    let minutes = match word.to_ascii_lowercase().as_str() {
        "noon" | "midday" => Some(12 * 60),
        "midnight" => Some(0),
        _ => None,
    };
    if let Some(minutes) = minutes {
        return Some(Clock {
            minutes,
            either_half: false,
        });
    }
    if let Some(c) = WORD_TIME.captures(words)
        && let Some((clock, _, _)) = in_words(&c, true)
    {
        return Some(clock);
    }
    let c = TIME.captures(words)?;
    read(&c).map(|(clock, _, _)| clock)
}

/// The abbreviation of a North American zone written out: "Pacific time" PT, "Eastern
/// Standard Time" EST, "Central Daylight Time" CDT.
fn american_zone(written: &str) -> Option<&'static str> {
    let words: Vec<String> = written.split_whitespace().map(str::to_lowercase).collect();
    let region = match words.first()?.as_str() {
        "eastern" => 0,
        "central" => 1,
        "mountain" => 2,
        "pacific" => 3,
        _ => return None,
    };
    let season = match words.get(1).map(String::as_str) {
        Some("standard") => 1,
        Some("daylight") => 2,
        _ => 0,
    };
    const NAMES: [[&str; 3]; 4] = [
        ["ET", "EST", "EDT"],
        ["CT", "CST", "CDT"],
        ["MT", "MST", "MDT"],
        ["PT", "PST", "PDT"],
    ];
    Some(NAMES[region][season])
}

/// The zone a time fact's value names, folded ("gmt", "local"), if any.
pub fn zone(value: &str) -> Option<String> {
    value
        .split_once(' ')
        .map(|(_, z)| z.to_lowercase())
        .filter(|z| !z.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        extract(s, &mut out);
        out.into_iter()
            .map(|f| (f.span.slice(s).to_string(), f.value))
            .collect()
    }

    #[test]
    fn times_in_every_style() {
        for (s, text, value) in [
            ("It struck at 9:30 on Monday.", "9:30", "09:30"),
            (
                "It struck at 9:27 a.m. local time.",
                "9:27 a.m. local time",
                "09:27 LOCAL",
            ),
            ("She was hit around 7 p.m. Wednesday.", "7 p.m.", "19:00"),
            (
                "At approximately 7 p. m., the woman walked.",
                "7 p. m.",
                "19:00",
            ),
            ("Posted 8: 05am UK, Monday.", "8: 05am UK", "08:05 UK"),
            ("The vote closes at 14:25 GMT.", "14:25 GMT", "14:25 GMT"),
            ("The shells hit at about 3pm on Tuesday.", "3pm", "15:00"),
            ("They met at noon.", "noon", "12:00"),
            ("He left at 9.30pm.", "9.30pm", "21:30"),
            ("The bank spoke at 0930 GMT.", "0930 GMT", "09:30 GMT"),
            (
                "It opens at 10am Pacific time.",
                "10am Pacific time",
                "10:00 PT",
            ),
            (
                "Polls close at 8 p.m. Eastern Standard Time.",
                "8 p.m. Eastern Standard Time",
                "20:00 EST",
            ),
            (
                "The rocket launched at 9:30pm Eastern on Friday.",
                "9:30pm Eastern",
                "21:30 ET",
            ),
            ("They met at 3pm Central Park West.", "3pm", "15:00"),
            (
                "They left at half past six in the morning.",
                "half past six in the morning",
                "06:30",
            ),
            (
                "They left at a quarter to nine.",
                "a quarter to nine",
                "08:45",
            ),
            ("The shift ended at ten to two.", "ten to two", "01:50"),
            (
                "It hit at twenty five past three.",
                "twenty five past three",
                "03:25",
            ),
            (
                "We met at twelve o'clock at night.",
                "twelve o'clock at night",
                "00:00",
            ),
            (
                "They met at five o'clock in the afternoon.",
                "five o'clock in the afternoon",
                "17:00",
            ),
        ] {
            assert_eq!(run(s), [(text.to_string(), value.to_string())], "{s}");
        }
    }

    #[test]
    fn other_numbers_are_no_times() {
        for s in [
            "The magnitude was 7.6.",
            "They won 31-24 on Sunday.",
            "Prices rose 2.5 percent.",
            "It is the midnight rules they fear.",
            "I am 5 years old.",
            "The ratio was 2:1.",
            "It ended in 1945.",
            "In 2019 UK sales fell.",
            "The 2019 local elections were close.",
            "The 2005 PT Cruiser was recalled.",
            "The jury voted ten to two to convict.",
            "He faces five to ten years in prison.",
            "We arrived at six and left.",
        ] {
            assert!(run(s).is_empty(), "{s}: {:?}", run(s));
        }
    }

    #[test]
    fn the_half_of_the_day_is_known_or_open() {
        let t = "at 8:05 and at 20:05 and 8:05 pm";
        let mut out = Vec::new();
        extract(t, &mut out);
        let clocks: Vec<Clock> = out.iter().map(|f| clock(t, f.span).unwrap()).collect();
        assert!(clocks[0].either_half);
        assert!(!clocks[1].either_half);
        assert_eq!(clocks[2].minutes, 20 * 60 + 5);
    }

    #[test]
    fn noon_and_midnight_are_read_again_from_their_facts() {
        let t = "The gates shut at midnight and reopened around noon, or at 12:30.";
        let mut out = Vec::new();
        extract(t, &mut out);
        let minutes: Vec<Option<i32>> = out
            .iter()
            .map(|f| clock(t, f.span).map(|c| c.minutes))
            .collect();
        assert_eq!(minutes, [Some(0), Some(12 * 60), Some(12 * 60 + 30)]);
    }
}
