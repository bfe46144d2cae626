//! Dates and times of day compared by slot.
//!
//! A date is read as the days it allows: an absolute date as its day, month or year; a
//! relative time ("today", "last week", "Tuesday") as the days it names counted from the
//! article's own date, when the article has one. Without that date a relative time names
//! no day, so it never conflicts with an absolute one ("Tuesday" vs "Sept. 18"), nor with
//! another relative time (two articles may be written days apart), but for two days of the
//! week more than a day apart ("on Tuesday" vs "on Thursday": whichever the week, two
//! days), or a day apart when the earlier is told only near its start or the later only
//! near its end ("early on Thursday" / "early on Friday").
//! Durations ("for several years") compare only with durations. Times of day compare in one zone, or, when their
//! zones cannot be matched, by their minutes alone (zones differ by whole hours).

use std::collections::HashSet;

use super::amount::{self, Amount};
use super::calendar::{self, civil, day, month, parse_iso, relative, unit_days, weekday_of};
use super::context::{Context, context};
use super::part::{self, Part, part_named};
use super::{Agreement, LinkSide, conflict};
use crate::facts::times::{clock, zone};
use crate::facts::words::fold;
use crate::facts::{Conflict, Fact, FactKind};
use crate::lexicon::{Hedge, MONTHS, TIME_ZONES, lookup};
use crate::span::Span;

/// What a date allows.
#[derive(Clone, Debug, PartialEq)]
enum When {
    /// Days (from 1970-01-01), inclusive; any of several stretches. True when read from a
    /// relative time ("Tuesday" in an article dated 2013-09-17), which may be a day off
    /// another source's date for one moment (time zones, a post dated after midnight).
    Days(Vec<(i64, i64)>, bool),
    /// A stretch of one year's days with no year given: (month · 32 + day), inclusive.
    Yearless(u32, u32),
    /// A length of time, in days.
    Span(Amount),
    /// A day of the week (0 Monday) in a week we cannot place, the article being undated,
    /// and which edge of its day it is told near ("Saturday night", "early on Sunday", "at
    /// 11pm"). Two of them a day apart may name one moment (a night that runs past
    /// midnight, time zones) unless their edges say otherwise (see [`Edge::next_day`]);
    /// further apart they are two days, whichever week is meant.
    Weekday(u32, Edge),
    /// A time that names no day we can place: it never conflicts.
    Floating,
}

/// Conflicts between the dates and the times of day of two sides of a link.
pub fn compare(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>, agree: &mut Vec<(Span, Span)>) {
    // A date the other side also states is no conflict, and most dates of a link are
    // stated alike: only the others are read in their context.
    let (sa, sb) = (stated(a, FactKind::Date), stated(b, FactKind::Date));
    // Reading a date's context is the costly part: only when both sides have dates left.
    let left = |side: &LinkSide, other: &HashSet<String>| {
        side.of(FactKind::Date)
            .iter()
            .any(|f| !told_by(side, f, other))
    };
    if left(a, &sb) && left(b, &sa) {
        pair(
            &dates(a, &sb),
            &dates(b, &sa),
            (a, b),
            FactKind::Date,
            out,
            agree,
        );
    }
    compare_times(a, b, out, agree);
}

/// The values of the facts of `kind` a side states, each in every reading it allows (see
/// [`readings`]).
fn stated(side: &LinkSide<'_>, kind: FactKind) -> HashSet<String> {
    (side.of(kind).iter())
        .flat_map(|f| readings(side.src.text, f))
        .collect()
}

/// The values fact `f` of `text` may stand for: its own, and for a date written "04/03/2026"
/// the day and month the other way round too (the order is read month first, as in the US,
/// but most of the world writes the day first: only a day above 12 tells).
fn readings(text: &str, f: &Fact) -> Vec<String> {
    // "Early 2014" is not told by "2014", nor by "late 2014".
    let value = match part_of_date(text, f) {
        Some((p, _, _)) => format!("{} {}", f.value, p.name()),
        None => f.value.clone(),
    };
    let mut out = vec![value];
    let written = f.span.slice(text);
    let parts: Vec<&str> = written.splitn(3, '/').collect();
    let small = |p: &str| p.len() <= 2 && p.parse::<u32>().is_ok_and(|n| (1..=12).contains(&n));
    if f.kind == FactKind::Date
        && parts.len() == 3
        && small(parts[0])
        && small(parts[1])
        && let Some((year, rest)) = f.value.split_once('-')
        && let Some((month, day)) = rest.split_once('-')
    {
        out.push(format!("{year}-{day}-{month}"));
    }
    out
}

/// The spans of the dates and times of each side that the other side states with one value
/// ("18:45" and "6:45 p.m.", "04/03/2026" and "4 March 2026"): the comparer has read them
/// alike, so a word change inside them ("18" → "6") is a change of form.
pub fn stated_alike(a: &LinkSide, b: &LinkSide) -> (Vec<Span>, Vec<Span>) {
    let mut out = (Vec::new(), Vec::new());
    for kind in [FactKind::Date, FactKind::Time] {
        let (sa, sb) = (stated(a, kind), stated(b, kind));
        let alike = |side: &LinkSide, other: &HashSet<String>| -> Vec<Span> {
            (side.of(kind).iter())
                .filter(|f| told_by(side, f, other))
                .map(|f| f.span)
                .collect()
        };
        out.0.extend(alike(a, &sb));
        out.1.extend(alike(b, &sa));
    }
    out
}

/// Conflicts between the times of day of two sides of a link. Like numbers, two times
/// are set side by side only when they time one thing (a shared event or word): "struck at
/// 9:30" and "rescuers arrived at 11:00" are the only times of their sides and no clash.
pub fn compare_times(
    a: &LinkSide,
    b: &LinkSide,
    out: &mut Vec<Conflict>,
    agree: &mut Vec<(Span, Span)>,
) {
    let (sa, sb) = (stated(a, FactKind::Time), stated(b, FactKind::Time));
    let (ta, tb) = (times(a, &sb), times(b, &sa));
    pair(&ta, &tb, (a, b), FactKind::Time, out, agree);
}

/// One date or time as the comparer reads it.
struct Reading {
    /// Its words, with the range it ends or opens ("March 3-5", "from 3 to 5 March").
    shown: Span,
    /// True for a range of days: its two ends are both facts ("from 3 to 5 March" is not
    /// "from 3 to 6 March"), where a range of numbers is a spread of estimates.
    range: bool,
    /// True for a length of time written as a word of its noun ("a 24-hour strike"): set
    /// only against another such ("a two-hour journey"), not against a length the clause
    /// states ("for the first time in 20 years").
    adjective: bool,
    what: What,
    /// The day of the week as written ("early Thursday"), with its edge, when the date is
    /// a weekday's name: two of them are set side by side by name, whatever the articles'
    /// dates (see [`named_days_fit`]).
    named_day: Option<(u32, Edge)>,
    ctx: Context,
}

enum What {
    Date(When),
    /// Candidate minutes after midnight (both halves of the day when a.m./p.m. is not said),
    /// each with how far before and after it the time may lie, and the zone.
    Time {
        at: Vec<i32>,
        early: i32,
        late: i32,
        zone: Option<String>,
    },
}

/// True when `other` (a side's stated values) holds a reading of fact `f` of `side`.
fn told_by(side: &LinkSide, f: &Fact, other: &HashSet<String>) -> bool {
    readings(side.src.text, f).iter().any(|v| other.contains(v))
}

fn dates<'a>(side: &LinkSide<'a>, other: &HashSet<String>) -> Vec<Reading> {
    let today = side.published;
    side.of(FactKind::Date)
        .into_iter()
        .filter(|f| !told_by(side, f, other))
        .map(|f| {
            // "last Tuesday" and "next Tuesday" say which week: read against the dates.
            let which_week = (f.value.split_whitespace().next())
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "last" | "next"));
            let named_day = match when(f, None) {
                When::Weekday(w, _) if !which_week && !beside_a_date(side, f) => {
                    Some((w, days_edge(side.src.text, f.span)))
                }
                _ => None,
            };
            let (what, shown) = match when(f, today) {
                When::Span(a) => {
                    let (a, from) = hedged_length(side.src.text, f.span.start, a);
                    (When::Span(a), amount::widen(f.span, from, None))
                }
                // A weekday beside its date ("Monday, January 20") is told by the date.
                When::Weekday(..) if beside_a_date(side, f) => (When::Floating, f.span),
                When::Weekday(w, _) => (When::Weekday(w, days_edge(side.src.text, f.span)), f.span),
                w => day_range(side.src.text, f, w),
            };
            // A part of a year or month ("early 2014") is a stretch of days, not a range
            // whose ends are both facts.
            let (what, shown, range) = match part_of_date(side.src.text, f) {
                Some((_, w, words)) => (w, words, false),
                None => (what, shown, shown != f.span),
            };
            // The weekday beside a date is the date's ("Tuesday 14 May"): shown with it, and
            // no fact of its own once the date is compared.
            let shown = match weekday_beside(side, f) {
                Some(day) => Span::new(shown.start.min(day.start), shown.end.max(day.end)),
                None => shown,
            };
            let adjective = matches!(what, When::Span(_))
                && f.span.slice(side.src.text).split_whitespace().count() == 1
                && f.span.slice(side.src.text).contains(['-', '‑']);
            Reading {
                range,
                adjective,
                shown,
                what: What::Date(what),
                named_day,
                ctx: context(side.src, f),
            }
        })
        .filter(|r| !r.ctx.stamp)
        .collect()
}

/// True when another date of `side` stands right after the weekday `f`, or right before it
/// ("Monday, January 20", "on 9 May, a Friday"): the day is the date's.
fn beside_a_date(side: &LinkSide, f: &Fact) -> bool {
    (side.of(FactKind::Date).iter())
        .any(|g| g.span != f.span && beside(side.src.text, f.span, g.span))
}

/// The weekday that stands right before or after date `f` of `side` ("Tuesday 14 May",
/// "on 9 May, a Friday"), when `f` is no weekday itself.
fn weekday_beside(side: &LinkSide, f: &Fact) -> Option<Span> {
    if weekday_of(f.value.rsplit(' ').next().unwrap_or("")).is_some() {
        return None;
    }
    (side.of(FactKind::Date).into_iter())
        .filter(|g| g.span != f.span && weekday_of(&g.value).is_some())
        .find(|g| beside(side.src.text, g.span, f.span))
        .map(|g| g.span)
}

/// True when only spaces, commas and an "a" stand between spans `x` and `y` of `text`.
fn beside(text: &str, x: Span, y: Span) -> bool {
    let glue = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == 'a')
            .is_empty()
    };
    (y.start >= x.end && glue(&text[x.end..y.start]))
        || (y.end <= x.start && glue(&text[y.end..x.start]))
}

/// Which edge of its day a moment is told near, where one outlet's day may be another's.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Edge {
    /// Near its end: "Saturday night", "late on Friday", "at 11pm".
    late: bool,
    /// Near its start: "early on Sunday", "at dawn", "at 1am".
    early: bool,
    /// In its middle, near neither edge: "on Saturday afternoon", "at 14:00".
    mid: bool,
}

impl Edge {
    /// True when a moment on one day (`earlier`) and one on the next (`later`) may be one
    /// (a night past midnight, time zones, an event over two days): unless the earlier is
    /// told only away from its end or the later only away from its start ("early on
    /// Thursday" / "early on Friday", "7am on Sunday" / "7am on Monday", "Saturday
    /// afternoon" / "Sunday" are a day apart).
    fn next_day(earlier: &Edge, later: &Edge) -> bool {
        let earlier_may_end = earlier.late || !(earlier.early || earlier.mid);
        let later_may_start = later.early || !(later.late || later.mid);
        earlier_may_end && later_may_start
    }
}

/// Words that put a moment near its day's end, near its start, or either (a time in a
/// named zone, which another zone may put on the next or the previous day).
const LATE_WORDS: &[&str] = &["night", "evening", "late", "tonight", "p.m"];
const EARLY_WORDS: &[&str] = &["early", "dawn", "a.m"];
const MID_WORDS: &[&str] = &["afternoon", "noon", "midday", "lunchtime", "daytime"];
const EITHER_EDGE: &[&str] = &[
    "overnight",
    "midnight",
    "gmt",
    "utc",
    "bst",
    "cet",
    "est",
    "edt",
    "pst",
    "pdt",
    "et",
    "pt",
];

/// Which edge of its day a few words either side of `span` put it near: "Saturday night",
/// "late-night vote on Friday", "on Sunday at 1am", "at 23:40 on Saturday", "at 0400 GMT
/// on Saturday".
fn days_edge(text: &str, span: Span) -> Edge {
    let before: Vec<&str> = text[..span.start]
        .split_whitespace()
        .rev()
        .take(3)
        .collect();
    // The fact's own words too: "early Thursday" is read as one date.
    let inside = span.slice(text).split_whitespace();
    let after = text[span.end..].split_whitespace().take(4);
    let words: Vec<String> = (before.into_iter().rev().chain(inside).chain(after))
        .flat_map(|w| w.split(['-', '‑']))
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ':')))
        .map(|w| w.trim_end_matches(['.', ':']).to_string())
        .collect();
    let mut edge = Edge::default();
    for (i, w) in words.iter().enumerate() {
        let w = w.as_str();
        let after_digit = i > 0 && words[i - 1].starts_with(|c: char| c.is_ascii_digit());
        // "11pm", "11 pm", "1am": the half of the day, after its hour ("am" alone is
        // German "on").
        let digits = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
        let half = if digits.len() < w.len() {
            digits
        } else if after_digit {
            w
        } else {
            ""
        };
        // "23:40", "02:15": a clock late or early in its day.
        let hour = w
            .split_once(':')
            .and_then(|(h, m)| (m.len() == 2).then(|| h.parse::<u32>().ok()).flatten());
        let either = EITHER_EDGE.contains(&w);
        edge.late |= either
            || LATE_WORDS.contains(&w)
            || matches!(half, "pm" | "p.m")
            || hour.is_some_and(|h| (21..24).contains(&h));
        edge.early |= either
            || EARLY_WORDS.contains(&w)
            || matches!(half, "am" | "a.m")
            || hour.is_some_and(|h| h < 5);
        edge.mid |= MID_WORDS.contains(&w) || hour.is_some_and(|h| (10..18).contains(&h));
    }
    edge
}

fn times<'a>(side: &LinkSide<'a>, other: &HashSet<String>) -> Vec<Reading> {
    let text = side.src.text;
    side.of(FactKind::Time)
        .into_iter()
        .filter(|f| !told_by(side, f, other))
        .filter_map(|f| {
            let c = clock(text, f.span)?;
            let mut at = vec![c.minutes];
            if c.either_half {
                at.push((c.minutes + 720) % 1440);
            }
            let (early, late) = match amount::hedge_before(text, f.span.start).map(|h| h.0) {
                Some(Hedge::About | Hedge::Nearly) => (15, 15),
                Some(Hedge::After) => (0, 45),
                Some(Hedge::Before) => (45, 0),
                _ => (0, 0),
            };
            Some(Reading {
                shown: f.span,
                range: false,
                adjective: false,
                what: What::Time {
                    at,
                    early,
                    late,
                    zone: zone(&f.value),
                },
                named_day: None,
                ctx: context(side.src, f),
            })
        })
        .filter(|r| !r.ctx.stamp)
        .collect()
}

/// The conflicts between the dates or times `ra` of A and `rb` of B, readings of one slot
/// that no value fits (to `out`, as [`super::numeric`] does for numbers), and the pairs told
/// alike in other words (to `agree_out`: "on Thursday" and "March 13", the Thursday after
/// the article's date).
fn pair(
    ra: &[Reading],
    rb: &[Reading],
    (a, b): (&LinkSide, &LinkSide),
    kind: FactKind,
    out: &mut Vec<Conflict>,
    agree_out: &mut Vec<(Span, Span)>,
) {
    if ra.is_empty() || rb.is_empty() {
        return;
    }
    let slot = |x: &Reading, y: &Reading| same_slot(x, y);
    let fits = |x: &Reading, y: &Reading| {
        if let (Some(p), Some(q)) = (x.named_day, y.named_day) {
            return named_days_fit(p, q);
        }
        fits(&x.what, &y.what)
            && match (&x.what, &y.what) {
                (What::Date(p), What::Date(q)) if x.range && y.range => same_ends(p, q),
                _ => true,
            }
    };
    let apart = match (a.published, b.published) {
        (Some(p), Some(q)) => (p - q).abs() > RELATIVE_REACH,
        _ => false,
    };
    let comparable = |x: &Reading, y: &Reading| {
        (x.named_day.is_some() && y.named_day.is_some())
            || (comparable(&x.what, &y.what) && !(apart && days_near_its_date(x, y)))
    };
    // A date is told alike when the other side gives a date it fits, though no word around
    // the two is shared: "quakes hit in 2002, as well as the tsunami in 2004" states the
    // other side's "December 2004", and its 2002 is another event's, no clash with it. Not
    // when the two are another person's or another event's ("Smith was born in 1965" does
    // not tell Jones's 1965). Times of day are matched in their slot only: one story has
    // many of them.
    let agree = |x: &Reading, y: &Reading| {
        fits(x, y)
            && comparable(x, y)
            && (slot(x, y).is_some() || (kind == FactKind::Date && !told_apart(x, y)))
    };
    let agreed = Agreement::new(ra.len(), rb.len(), |i, j| agree(&ra[i], &rb[j]));
    agree_out.extend((agreed.pairs.iter()).map(|&(i, j)| (ra[i].shown, rb[j].shown)));
    let mut pairs = Vec::new();
    for (i, x) in ra.iter().enumerate() {
        for (j, y) in rb.iter().enumerate() {
            if !agreed.neither(i, j) || !comparable(x, y) {
                continue;
            }
            if let Some(s) = slot(x, y) {
                pairs.push((s, i, j));
            }
        }
    }
    for (i, j) in super::one_to_one(pairs, ra.len(), rb.len()) {
        let (x, y) = (&ra[i], &rb[j]);
        let mut c = conflict(kind, a.words(x.shown), b.words(y.shown), x.shown, y.shown);
        c.slot = match (&x.what, kind) {
            (What::Date(When::Span(_)), _) => "Length of time".to_string(),
            (_, FactKind::Time) => "Time of day".to_string(),
            _ => "Date".to_string(),
        };
        out.push(c);
    }
}

/// How strongly two dates or times fill one slot: they share a word or an event and have
/// no two owners.
fn same_slot(x: &Reading, y: &Reading) -> Option<usize> {
    if told_apart(x, y) || x.adjective != y.adjective {
        return None;
    }
    let shared = x.ctx.words.intersection(&y.ctx.words).count();
    match (x.ctx.event, y.ctx.event) {
        (Some(_), Some(_)) => Some(10 + shared),
        _ if shared > 0 => Some(shared),
        _ => None,
    }
}

/// True when two readings are of two owners or two events by their words.
fn told_apart(x: &Reading, y: &Reading) -> bool {
    let owners = x.ctx.owned_apart(&y.ctx);
    let events = matches!((x.ctx.event, y.ctx.event), (Some(p), Some(q)) if p != q);
    owners || events
}

/// True when two readings say the same sort of thing: two points in time, two lengths of
/// time, or two times of day.
fn comparable(x: &What, y: &What) -> bool {
    match (x, y) {
        // A weekday in no known week says nothing of a date's day, nor a length of a
        // point in time.
        (What::Date(p), What::Date(q)) => match (p, q) {
            (When::Floating, _) | (_, When::Floating) => false,
            (When::Weekday(..), When::Weekday(..)) | (When::Span(_), When::Span(_)) => true,
            (When::Weekday(..) | When::Span(_), _) | (_, When::Weekday(..) | When::Span(_)) => {
                false
            }
            _ => true,
        },
        (What::Time { .. }, What::Time { .. }) => true,
        _ => false,
    }
}

/// How far apart, in days, two articles' dates may lie for the days each names near its
/// own date ("today", "on Tuesday", "this week") to be set against the other's dates.
const RELATIVE_REACH: i64 = 31;

/// The most days a relative time may span to name days near its article's date ("today",
/// "on Tuesday", "this week"; not "last year" or "three years ago").
const NEAR_ITS_DATE: i64 = 7;

/// True when one of two dates is a few days near its own article's date, read against it.
/// Between articles written more than [`RELATIVE_REACH`] days apart, such a day is not the
/// other article's: "disclosed today" in two articles a year apart tells of two flaws, and
/// "facts differ" would say neither. "Founded last year" against "in 2009" is still read.
fn days_near_its_date(x: &Reading, y: &Reading) -> bool {
    let near = |r: &Reading| match &r.what {
        What::Date(When::Days(ranges, true)) => {
            ranges.iter().all(|(lo, hi)| hi - lo < NEAR_ITS_DATE)
        }
        _ => false,
    };
    near(x) || near(y)
}

/// True when one true date or time fits both readings (or they cannot be set side by side).
fn fits(x: &What, y: &What) -> bool {
    match (x, y) {
        (What::Date(p), What::Date(q)) => dates_fit(p, q),
        (
            What::Time {
                at: ta,
                early: ea,
                late: la,
                zone: za,
            },
            What::Time {
                at: tb,
                early: eb,
                late: lb,
                zone: zb,
            },
        ) => {
            // The offsets a zone may stand at: its own, or for a North American zone named
            // without its season ("ET") its standard time or an hour later.
            let offsets = |z: &Option<String>| -> Vec<i32> {
                match (
                    z.as_deref().and_then(|z| lookup(TIME_ZONES, z)).flatten(),
                    american(z),
                ) {
                    (Some(o), _) => vec![o],
                    (None, Some(s)) => vec![s, s + 60],
                    (None, None) => Vec::new(),
                }
            };
            let (shifts, period) = match (za, zb) {
                (None, None) => (vec![0], 1440),
                (Some(p), Some(q)) if p == q => (vec![0], 1440),
                _ => match (american(za), american(zb)) {
                    // Two seasonless North American zones keep one season between them.
                    (Some(p), Some(q)) => (vec![q - p], 1440),
                    _ => {
                        let (oa, ob) = (offsets(za), offsets(zb));
                        if oa.is_empty() || ob.is_empty() {
                            // Zones that cannot be matched shift a time by whole hours only.
                            (vec![0], 60)
                        } else {
                            (
                                oa.iter()
                                    .flat_map(|p| ob.iter().map(move |q| q - p))
                                    .collect(),
                                1440,
                            )
                        }
                    }
                },
            };
            shifts.iter().any(|&shift| {
                ta.iter().any(|&p| {
                    tb.iter().any(|&q| {
                        let (lo_a, hi_a) = (p - ea, p + la);
                        let (lo_b, hi_b) = (q - eb - shift, q + lb - shift);
                        circular_overlap(lo_a, hi_a, lo_b, hi_b, period)
                    })
                })
            })
        }
        _ => true,
    }
}

/// The offset of a North American zone named without its season ("ET", "PT": standard or
/// daylight time, whichever is in force), in minutes from its standard time: two of them
/// stand a whole number of hours apart all year ("10am PT" is "1pm ET"), though not from
/// GMT.
fn american(zone: &Option<String>) -> Option<i32> {
    let z = zone.as_deref()?;
    if !matches!(z, "et" | "ct" | "mt" | "pt") {
        return None;
    }
    // "et" stands as "est" does in the table of zones.
    lookup(TIME_ZONES, &format!("{}st", &z[..1])).flatten()
}

/// True when [lo_a, hi_a] and [lo_b, hi_b] meet on a circle of `period` minutes.
fn circular_overlap(lo_a: i32, hi_a: i32, lo_b: i32, hi_b: i32, period: i32) -> bool {
    if hi_a - lo_a >= period || hi_b - lo_b >= period {
        return true;
    }
    // Turn b by whole periods to just before a, then try it there and one period on.
    let base = (lo_a - lo_b).div_euclid(period) * period;
    (-1..=1).any(|k| {
        let s = base + k * period;
        lo_a <= hi_b + s && lo_b + s <= hi_a
    })
}

/// True when two days named by their weekday may be one: the same name, or a day apart
/// where their edges allow (as for [`When::Weekday`]). Read by name even when the articles'
/// dates place both: a revision that adds its time stamp still says "Thursday" where the
/// first version said "Wednesday", and the two days the dates give are within the day of
/// slack a relative date is allowed against another source's date.
fn named_days_fit((a, ea): (u32, Edge), (b, eb): (u32, Edge)) -> bool {
    dates_fit(&When::Weekday(a, ea), &When::Weekday(b, eb))
}

fn dates_fit(p: &When, q: &When) -> bool {
    use When::*;
    match (p, q) {
        (Days(x, rx), Days(y, ry)) => {
            let k = i64::from(*rx || *ry);
            x.iter()
                .any(|&(a, b)| y.iter().any(|&(c, d)| a - k <= d && c - k <= b))
        }
        (Yearless(a, b), Yearless(c, d)) => a <= d && c <= b,
        (Weekday(a, ea), Weekday(b, eb)) => match (7 + a - b) % 7 {
            0 => true,
            // b is the day before a
            1 => Edge::next_day(eb, ea),
            6 => Edge::next_day(ea, eb),
            _ => false,
        },
        (Yearless(a, b), Days(ds, r)) | (Days(ds, r), Yearless(a, b)) => {
            ds.iter().any(|&(lo, hi)| {
                let k = i64::from(*r);
                let (y1, m1, d1) = civil(lo - k);
                let (y2, m2, d2) = civil(hi + k);
                if y1 != y2 {
                    return true; // across a new year: the day of the year says little
                }
                let (c, d) = (m1 * 32 + d1, m2 * 32 + d2);
                *a <= d && c <= *b
            })
        }
        (Span(x), Span(y)) => x.fits(y),
        _ => true,
    }
}

/// What a date allows when it ends or opens a range of days written around it, and the
/// words that say so: "March 3-5" runs to the 5th, "from 3 to 5 March" and "3-5 March" from
/// the 3rd. `w` is what the date alone allows ([`when`]); only a single day is widened.
fn day_range(text: &str, f: &Fact, w: When) -> (When, Span) {
    let later = day_after(&text[f.span.end..]).filter(|_| single(&w));
    let earlier = day_before(&text[..f.span.start]).filter(|_| single(&w));
    let (start, end) = (
        earlier.map_or(f.span.start, |(_, at)| at),
        later.map_or(f.span.end, |(_, len)| f.span.end + len),
    );
    let widen = |d: u32| {
        let lo = earlier.filter(|&(e, _)| e < d).map_or(0, |(e, _)| d - e);
        let hi = later.filter(|&(l, _)| l > d).map_or(0, |(l, _)| l - d);
        (lo, hi)
    };
    let w = match w {
        When::Yearless(a, b) if later.is_some() || earlier.is_some() => {
            let (lo, hi) = widen(a % 32);
            When::Yearless(a - lo, b + hi)
        }
        When::Days(ds, r) if later.is_some() || earlier.is_some() => {
            let (_, _, d) = civil(ds[0].0);
            let (lo, hi) = widen(d);
            When::Days(vec![(ds[0].0 - i64::from(lo), ds[0].1 + i64::from(hi))], r)
        }
        w => w,
    };
    (w, Span::new(start, end))
}

/// True when two ranges of days start and end on the same days (a range without its year
/// set beside one with it by month and day).
fn same_ends(p: &When, q: &When) -> bool {
    let day_of_year = |d: i64| {
        let (_, m, day) = civil(d);
        m * 32 + day
    };
    match (p, q) {
        (When::Yearless(a, b), When::Yearless(c, d)) => a == c && b == d,
        (When::Days(x, _), When::Days(y, _)) => x == y,
        (When::Yearless(a, b), When::Days(ds, _)) | (When::Days(ds, _), When::Yearless(a, b)) => {
            ds.len() == 1 && day_of_year(ds[0].0) == *a && day_of_year(ds[0].1) == *b
        }
        _ => true,
    }
}

/// True when a date names one day of a month, with or without its year.
fn single(w: &When) -> bool {
    match w {
        When::Yearless(a, b) => a == b && a % 32 > 0,
        When::Days(ds, _) => ds.len() == 1 && ds[0].0 == ds[0].1,
        _ => false,
    }
}

/// The day that ends a range right after a date, and the length of its words: the "-5" of
/// "March 3-5" (a dash and one or two digits, no time after).
fn day_after(after: &str) -> Option<(u32, usize)> {
    let rest = after.strip_prefix(['-', '–'])?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let next = rest[digits..].chars().next();
    if digits == 0
        || digits > 2
        || next.is_some_and(|c| {
            c == ':' || (c == '.' && rest[digits + 1..].starts_with(|c: char| c.is_ascii_digit()))
        })
    {
        return None;
    }
    let day: u32 = rest[..digits].parse().ok()?;
    (1..=31)
        .contains(&day)
        .then_some((day, after.len() - rest.len() + digits))
}

/// The day that opens a range right before a date, and where its words start: the 3 of "3-5
/// March", "from 3 to 5 March" and "between 3 and 5 March".
fn day_before(before: &str) -> Option<(u32, usize)> {
    let trimmed = before.trim_end();
    let rest = ["-", "–", " to", " and"]
        .iter()
        .find_map(|j| trimmed.strip_suffix(j))?
        .trim_end();
    let head = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = rest.len() - head.len();
    // Not the day of a date of its own: the 3 of "from June 3 to June 9".
    let word_before = head.split_whitespace().next_back().unwrap_or("");
    if digits == 0
        || digits > 2
        || head.ends_with(|c: char| c.is_alphanumeric() || c == ',' || c == '.')
        || lookup(MONTHS, &fold(word_before.trim_end_matches('.'))).is_some()
    {
        return None;
    }
    let day: u32 = rest[head.len()..].parse().ok()?;
    let mut start = head.len();
    // "from 3 to 5 March", "between 3 and 5 March": the opener belongs to the range.
    for opener in ["from ", "between "] {
        if head.ends_with(opener)
            && !head[..head.len() - opener.len()].ends_with(char::is_alphanumeric)
        {
            start -= opener.len();
        }
    }
    (1..=31).contains(&day).then_some((day, start))
}

/// The part of its year or month that date `f` is told in ("early 2014", "Ende März"), the
/// days that part allows, and the words that tell it; `None` for any other date.
fn part_of_date(text: &str, f: &Fact) -> Option<(Part, When, Span)> {
    // Only a whole year or month has parts ("2014", "2014-03", "--03"): most dates are
    // days, and this is asked of every date of every link.
    let v = f.value.as_bytes();
    let whole = match v.len() {
        4 => v.iter().all(u8::is_ascii_digit) || v.starts_with(b"--"),
        7 => v[4] == b'-' && v[..4].iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if f.kind != FactKind::Date || !whole {
        return None;
    }
    let (p, shown) = part_named(text, f)?;
    let w = match when(f, None) {
        When::Days(ds, false) if ds.len() == 1 => {
            When::Days(vec![part::narrowed(ds[0], p)?], false)
        }
        When::Yearless(lo, hi) => {
            let (lo, hi) = part::narrowed_yearless((lo, hi), p)?;
            When::Yearless(lo, hi)
        }
        _ => return None,
    };
    Some((p, w, shown))
}

/// What a date fact allows, read against the article's own day `today` when known.
fn when(f: &Fact, today: Option<i64>) -> When {
    let v = f.value.as_str();
    if let Some(d) = parse_iso(v) {
        return When::Days(vec![(d, d)], false);
    }
    if let Some(rest) = v.strip_prefix("--") {
        let mut parts = rest.split('-').map(|p| p.parse::<u32>().ok());
        return match (parts.next().flatten(), parts.next().flatten()) {
            (Some(m), Some(d)) => When::Yearless(m * 32 + d, m * 32 + d),
            (Some(m), None) => When::Yearless(m * 32 + 1, m * 32 + 31),
            _ => When::Floating,
        };
    }
    if let Some((y, m)) = v.split_once('-')
        && let (Ok(y), Ok(m)) = (y.parse::<i64>(), m.parse::<u32>())
        && (1..=12).contains(&m)
    {
        return When::Days(vec![month(y, m)], false);
    }
    if v.len() == 4
        && let Ok(y) = v.parse::<i64>()
    {
        return When::Days(vec![(day(y, 1, 1), day(y, 12, 31))], false);
    }
    let words: Vec<&str> = v.split(' ').collect();
    if let Some(w) = words.last().and_then(|w| weekday_of(w)) {
        let which = if words.len() > 1 { words[0] } else { "" };
        // Without the article's date a weekday is in no known week, but it is still that
        // day of the week (see [`When::Weekday`]).
        return match (today, which) {
            (None, _) => When::Weekday(w, Edge::default()),
            (Some(t), _) => {
                let (lo, hi) = match which {
                    "last" => (t - 13, t - 1),
                    "next" => (t + 1, t + 13),
                    _ => (t - 6, t + 6),
                };
                let days: Vec<(i64, i64)> = (lo..=hi)
                    .filter(|&d| calendar::weekday(d) == w)
                    .map(|d| (d, d))
                    .collect();
                When::Days(days, true)
            }
        };
    }
    if let Some(span) = duration(&words) {
        return span;
    }
    if let (Some(t), Some((n, unit))) = (today, ago(&words)) {
        let back = (n * unit).round() as i64;
        let slack = (unit / 2.0).ceil() as i64;
        return When::Days(vec![(t - back - slack, t - back + slack)], true);
    }
    match today.and_then(|t| relative(v, t)) {
        Some(days) => When::Days(vec![days], true),
        None => When::Floating,
    }
}

/// How far a length of time in months may stand from its number of days, as a share:
/// months differ in length, and "six months" is "180 days" as writers count.
const LENGTH_SLACK: f64 = 0.05;

/// As [`LENGTH_SLACK`], for years and longer: a year is 365 or 366 days, so "18 months" is
/// "a year and a half", but "11 years" is not "12 years".
const YEAR_SLACK: f64 = 0.01;

/// How far "about" takes a length of time either side, as a share ("about six hours" is
/// some 4.5 to 7.5 hours).
const LENGTH_ABOUT: f64 = 0.25;

/// A length of time as the hedge before its number (at `start`) bends it: "more than 10
/// hours", "about six hours", "up to 14 years". Not [`amount::bend`], which bends one
/// written number: a length is already an amount (a range, "several years", a calendar
/// slack), bent here as a share of itself.
fn hedged_length(text: &str, start: usize, a: Amount) -> (Amount, Option<usize>) {
    let Some((hedge, at)) = amount::hedge_before(text, start) else {
        return (a, None);
    };
    let b = match hedge {
        Hedge::About => Amount {
            lo: a.lo * (1.0 - LENGTH_ABOUT),
            hi: a.hi * (1.0 + LENGTH_ABOUT),
        },
        Hedge::Nearly => Amount {
            lo: a.lo * (1.0 - LENGTH_ABOUT),
            hi: a.hi,
        },
        Hedge::AtLeast | Hedge::Over => Amount {
            lo: a.lo,
            hi: f64::INFINITY,
        },
        Hedge::AtMost | Hedge::Under => Amount { lo: 0.0, hi: a.hi },
        Hedge::After | Hedge::Before => return (a, None),
    };
    (b, Some(at))
}

/// "for 3 years", "for several years": a length of time in days, as [`When::Span`].
fn duration(words: &[&str]) -> Option<When> {
    let ["for", n @ .., unit] = words else {
        return None;
    };
    let per = unit_days(unit.trim_end_matches('s'))?;
    let n = n.join(" ");
    // Months and longer vary in length; days, hours and minutes do not.
    let slack = match per {
        365.0.. => YEAR_SLACK,
        28.0.. => LENGTH_SLACK,
        _ => 0.0,
    };
    let range = n
        .split_once('-')
        .and_then(|(lo, hi)| Some((calendar::count(lo)?, calendar::count(hi)?)));
    let amt = match calendar::count(&n) {
        Some(v) => amount::bend(
            v * per,
            Some(Hedge::About),
            amount::Tolerance::Relative(slack),
        ),
        None if range.is_some() => {
            let (lo, hi) = range?;
            Amount {
                lo: lo * per * (1.0 - slack),
                hi: hi * per * (1.0 + slack),
            }
        }
        None => {
            let r = amount::vague(&n)?;
            Amount {
                lo: r.lo * per,
                hi: r.hi * per,
            }
        }
    };
    Some(When::Span(amt))
}

/// "2 years ago", "a week ago": how many units back, and the unit in days.
fn ago(words: &[&str]) -> Option<(f64, f64)> {
    let [n, unit, "ago"] = words else {
        return None;
    };
    Some((calendar::count(n)?, unit_days(unit.trim_end_matches('s'))?))
}
