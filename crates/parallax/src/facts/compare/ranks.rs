//! Ranks compared: two places in one series that cannot both be right ("the 14th floor" and
//! "the 12th floor"; "finished third" and "finished fifth"). Held back wherever a passage may
//! name two members of a series: ranks of two series are never set against each other ("the
//! third meeting" and "the second hold"), nor a series a side ranks twice, nor one whose
//! members a story names by turns ("the first half", "the second round", "the third time
//! this month"), nor any rank of a passage with an ordinal of no series ("the first flight
//! left at 6am and the second at 9am"), and two ranks of a thing are compared only where
//! the words around them tell of one thing (a word both share) or, for places in a field,
//! of one runner in one field.

use std::collections::HashSet;

use super::super::ranks::PLACE;
use super::{LinkSide, conflict};
use crate::facts::{Conflict, Fact, FactKind};
use crate::span::Span;

/// Series whose members one story names by turns: two of them are two moments, not two
/// accounts of one.
const BY_TURNS: &[&str] = &[
    "time", "half", "quarter", "round", "set", "leg", "stage", "day", "week", "month", "year",
    "period", "inning", "innings", "game", "match", "century", "decade", "lap", "hole",
];

/// How far around a rank, in bytes, the words that tell what it ranks are read.
const AROUND: usize = 60;

/// A rank's number and series, from its value ("14 floor"); none for a rank of no series.
fn read(f: &Fact) -> Option<(&str, &str)> {
    f.value.split_once(' ')
}

/// A place in a field's runner and field ("place/kipchoge/berlin").
fn runner_and_field(series: &str) -> Option<(&str, &str)> {
    let rest = series.strip_prefix(PLACE)?.strip_prefix('/')?;
    rest.split_once('/')
}

/// True when two series are one: the same noun, or places of one runner in one field (a
/// field only one side names may be the other's).
fn one_series(x: &str, y: &str) -> bool {
    match (runner_and_field(x), runner_and_field(y)) {
        (Some((rx, fx)), Some((ry, fy))) => {
            rx == ry && !rx.is_empty() && (fx == fy || fx.is_empty() || fy.is_empty())
        }
        (None, None) => x == y,
        _ => false,
    }
}

/// The content words around `span` (not stop words, not `except`), lower case.
fn words_around(side: &LinkSide, span: Span, except: &str) -> HashSet<String> {
    span.widened(side.src.text, AROUND)
        .slice(side.src.text)
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 2 && w != except && !side.src.lang.is_stop(w))
        .collect()
}

/// Prepositions that tell where a rank stands in what happened: "started on the 14th
/// floor" and "spread to the 20th floor" are two floors of one fire.
const PREPOSITIONS: &[&str] = &[
    "on", "to", "from", "at", "in", "into", "onto", "off", "above", "below",
];

/// The preposition before a rank, past its determiners ("on the 14th", "to its 20th").
fn preposition_before(side: &LinkSide, span: Span) -> Option<&'static str> {
    let mut words = side.src.text[..span.start].split_whitespace().rev();
    let w = words.find(|w| {
        let l = w.to_lowercase();
        !matches!(
            l.as_str(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our"
        ) && !l.ends_with("'s")
            && !l.ends_with("’s")
    })?;
    PREPOSITIONS
        .iter()
        .find(|p| w.eq_ignore_ascii_case(p))
        .copied()
}

/// The slot in words: "Place", "Which floor".
fn label(series: &str) -> String {
    if runner_and_field(series).is_some() {
        "Place".to_string()
    } else {
        format!("Which {series}")
    }
}

/// A conflict for each series both sides rank once, with two numbers, where the words
/// around say it is one thing's rank (see the module's notes).
pub(super) fn compare<'a>(a: &LinkSide<'a>, b: &LinkSide<'a>, out: &mut Vec<Conflict>) {
    let (ra, rb) = (a.of(FactKind::Rank), b.of(FactKind::Rank));
    if ra.is_empty() || rb.is_empty() || ra.iter().chain(&rb).any(|f| read(f).is_none()) {
        return;
    }
    for &x in &ra {
        let Some((n, series)) = read(x) else { continue };
        if BY_TURNS.contains(&series) {
            continue;
        }
        let of = |side: &[&'a Fact], s: &str| -> Vec<&'a Fact> {
            (side.iter().copied())
                .filter(|f| read(f).is_some_and(|(_, t)| one_series(s, t)))
                .collect()
        };
        let (xs, ys) = (of(&ra, series), of(&rb, series));
        let [y] = ys.as_slice() else { continue };
        let Some((m, other)) = read(y) else { continue };
        if xs.len() != 1 || n == m || of(&rb, other).len() != 1 {
            continue;
        }
        let one_thing = runner_and_field(series).is_some() || {
            let (wx, wy) = (
                words_around(a, x.span, series),
                words_around(b, y.span, series),
            );
            let (px, py) = (preposition_before(a, x.span), preposition_before(b, y.span));
            wx.intersection(&wy).next().is_some() && (px.is_none() || py.is_none() || px == py)
        };
        if !one_thing {
            continue;
        }
        let mut c = conflict(
            FactKind::Rank,
            x.span.slice(a.src.text).to_string(),
            y.span.slice(b.src.text).to_string(),
            x.span,
            y.span,
        );
        c.slot = label(series);
        out.push(c);
    }
}
