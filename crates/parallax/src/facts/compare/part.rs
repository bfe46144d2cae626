//! The part of a year or a month named before it: "early 2014", "mid-March", "Ende März",
//! "the end of 2014". "Early 2014" and "late 2014" are two times, though both are 2014.

use super::calendar::{civil, day, month};
use crate::facts::Fact;
use crate::facts::words::{fold, without_joiners};
use crate::lexicon::{MONTHS, lookup};
use crate::span::Span;

/// A part of a year or a month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    /// The months of a year, or the days of a month, the part allows, inclusive. Early and
    /// mid meet at their edges, as do mid and late: writers draw the lines loosely. Early and
    /// late never meet.
    fn bounds(self, of_year: bool) -> (u32, u32) {
        match (self, of_year) {
            (Part::Early, true) => (1, 4),
            (Part::Mid, true) => (4, 9),
            (Part::Late, true) => (9, 12),
            (Part::Early, false) => (1, 10),
            (Part::Mid, false) => (8, 22),
            (Part::Late, false) => (20, 31),
        }
    }

    /// A short name, kept in a date's reading so that "early 2014" is not told by "2014".
    pub fn name(self) -> &'static str {
        match self {
            Part::Early => "early",
            Part::Mid => "mid",
            Part::Late => "late",
        }
    }
}

/// Words that name a part on their own, right before the date ("early", "mid-", "Ende").
const PART_WORDS: &[(&str, Part)] = &[
    ("early", Part::Early),
    ("anfang", Part::Early),
    ("mid", Part::Mid),
    ("mitte", Part::Mid),
    ("late", Part::Late),
    ("ende", Part::Late),
];

/// Nouns that name a part before "of" ("the end of 2014").
const PART_NOUNS: &[(&str, Part)] = &[
    ("start", Part::Early),
    ("beginning", Part::Early),
    ("middle", Part::Mid),
    ("end", Part::Late),
    ("close", Part::Late),
];

/// The part of its year or month that the words right before date `f` of `text` name, and
/// the span from those words to the date's end, as a flag shows it. `None` for a date
/// without such words, or whose words stand apart from it ("It ended early. In 2014 …").
pub fn part_named(text: &str, f: &Fact) -> Option<(Part, Span)> {
    let core = core_start(text, f.span)?;
    // Up to three words before the date's year or month, joined to it by spaces or hyphens
    // only ("mid-March", "the end of 2014").
    let mut words: Vec<(String, usize)> = Vec::new();
    let mut end = core;
    while words.len() < 3 {
        let before = &text[..end];
        let gap = without_joiners(before);
        if gap.len() == before.len() && end != core {
            break;
        }
        let start = gap
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        if start == gap.len() {
            break;
        }
        words.push((fold(&gap[start..]).to_lowercase(), start));
        end = start;
    }
    let part_of = |list: &[(&str, Part)], w: &str| list.iter().find(|(x, _)| *x == w).map(|p| p.1);
    let (part, start) = match words.as_slice() {
        [(w, at), ..] if part_of(PART_WORDS, w).is_some() => (part_of(PART_WORDS, w)?, *at),
        [(of, _), (noun, at), rest @ ..] if of == "of" => {
            let part = part_of(PART_NOUNS, noun)?;
            // "the end of 2014" is shown whole.
            let the = rest.first().filter(|(w, _)| w == "the");
            (part, the.map_or(*at, |(_, the_at)| *the_at))
        }
        _ => return None,
    };
    Some((part, Span::new(start.min(f.span.start), f.span.end)))
}

/// Where the year or the month of date span `span` starts: its first digit or month name.
fn core_start(text: &str, span: Span) -> Option<usize> {
    let s = span.slice(text);
    let digit = s.find(|c: char| c.is_ascii_digit());
    let mut at = 0;
    let mut month = None;
    for w in s.split(|c: char| !c.is_alphabetic() && c != '.') {
        if !w.is_empty() && lookup(MONTHS, &fold(w.trim_end_matches('.'))).is_some() {
            month = Some(at);
            break;
        }
        at += w.len() + s[at + w.len()..].chars().next().map_or(0, char::len_utf8);
    }
    let first = match (digit, month) {
        (Some(d), Some(m)) => d.min(m),
        (d, m) => d.or(m)?,
    };
    Some(span.start + first)
}

/// The days a whole year or month (`lo`..=`hi`) keeps in `part`; `None` when the stretch is
/// neither (a day, a week).
pub fn narrowed((lo, hi): (i64, i64), part: Part) -> Option<(i64, i64)> {
    let (y, m1, d1) = civil(lo);
    let (y2, m2, _) = civil(hi);
    if y != y2 || d1 != 1 {
        return None;
    }
    if m1 == 1 && m2 == 12 && hi == day(y, 12, 31) {
        let (a, b) = part.bounds(true);
        return Some((month(y, a).0, month(y, b).1));
    }
    if m1 == m2 && hi == month(y, m1).1 {
        let (a, b) = part.bounds(false);
        return Some((day(y, m1, a), day(y, m1, b).min(hi)));
    }
    None
}

/// Like [`narrowed`], for a month with no year: `(month · 32 + day)` bounds.
pub fn narrowed_yearless((lo, hi): (u32, u32), part: Part) -> Option<(u32, u32)> {
    let m = lo / 32;
    if hi / 32 != m || lo % 32 != 1 || hi % 32 != 31 {
        return None;
    }
    let (a, b) = part.bounds(false);
    Some((m * 32 + a, m * 32 + b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactKind;

    fn fact(text: &str, date: &str) -> Fact {
        let start = text.find(date).unwrap();
        Fact {
            kind: FactKind::Date,
            span: Span::new(start, start + date.len()),
            value: String::new(),
            speaker: None,
        }
    }

    fn part(text: &str, date: &str) -> Option<(Part, &'static str)> {
        let (p, s) = part_named(text, &fact(text, date))?;
        Some((p, &text.to_string().leak()[s.start..s.end]))
    }

    #[test]
    fn parts_are_read_from_the_words_before_the_date() {
        let t = "It is due in early 2014.";
        assert_eq!(part(t, "early 2014"), Some((Part::Early, "early 2014")));
        let t = "The vote is due in mid-March.";
        assert_eq!(part(t, "March"), Some((Part::Mid, "mid-March")));
        let t = "Die Abstimmung ist Ende März.";
        assert_eq!(part(t, "März"), Some((Part::Late, "Ende März")));
        let t = "It will be done by the end of 2014.";
        assert_eq!(
            part(t, "the end of 2014"),
            Some((Part::Late, "the end of 2014"))
        );
        let t = "They met in late March 2014.";
        assert_eq!(part(t, "March 2014"), Some((Part::Late, "late March 2014")));
    }

    #[test]
    fn words_apart_from_the_date_name_no_part() {
        assert_eq!(part("It ended late. In 2014 it began.", "In 2014"), None);
        assert_eq!(part("They met in 2014.", "in 2014"), None);
        assert_eq!(part("Im Jahr 2014 begann es.", "Im Jahr 2014"), None);
    }

    #[test]
    fn early_and_late_never_meet() {
        let year = (day(2014, 1, 1), day(2014, 12, 31));
        let (e, l) = (
            narrowed(year, Part::Early).unwrap(),
            narrowed(year, Part::Late).unwrap(),
        );
        assert!(e.1 < l.0);
        let mid = narrowed(year, Part::Mid).unwrap();
        assert!(e.1 >= mid.0 && mid.1 >= l.0);
        let march = month(2014, 3);
        assert_eq!(
            narrowed(march, Part::Late),
            Some((day(2014, 3, 20), day(2014, 3, 31)))
        );
        assert_eq!(
            narrowed((day(2014, 3, 5), day(2014, 3, 5)), Part::Late),
            None
        );
        assert_eq!(
            narrowed_yearless((3 * 32 + 1, 3 * 32 + 31), Part::Early),
            Some((97, 106))
        );
    }
}
