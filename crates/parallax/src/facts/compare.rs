//! Facts that two linked passages state differently, and facts only one side gives.
//!
//! A false conflict misleads a reader more than a missed one, so two facts conflict only
//! when they fill the same slot: one age on each side; counts of the same noun; dates, sums,
//! percentages and quantities whose surrounding words share a content word ("sanctioned …
//! last year" vs "sanctioned … for several years"); one quote given to two speakers; one
//! name spelt two ways. Facts whose value the other side also states never conflict.

use std::collections::HashSet;

use super::attributions::edit_distance;
use super::quotes::speaker_key;
use super::{Analysed, Conflict, Fact, FactKind, FactsOnly};
use crate::ids::SegmentId;
use crate::span::Span;

mod changed;
mod slot;

pub use changed::changed_numbers;

use slot::{anchors, same};

/// Indices of the facts that start inside the given segments.
pub fn facts_in(source: Analysed<'_>, ids: &[SegmentId]) -> Vec<usize> {
    let mut out = Vec::new();
    for &id in ids {
        let Some(seg) = source.segments.get(id.0) else {
            continue;
        };
        let from = source
            .facts
            .partition_point(|f| f.span.start < seg.span.start);
        out.extend(
            (from..source.facts.len()).take_while(|&i| source.facts[i].span.start < seg.span.end),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// One side of a link: its source and the facts in its passages.
struct LinkSide<'a> {
    src: Analysed<'a>,
    facts: Vec<&'a Fact>,
}

impl<'a> LinkSide<'a> {
    fn new(src: Analysed<'a>, ids: &[SegmentId]) -> Self {
        let facts = facts_in(src, ids)
            .into_iter()
            .map(|i| &src.facts[i])
            .collect();
        LinkSide { src, facts }
    }

    fn of(&self, kind: FactKind) -> Vec<&'a Fact> {
        self.facts
            .iter()
            .copied()
            .filter(|f| f.kind == kind)
            .collect()
    }

    fn text(&self, f: &Fact) -> String {
        f.span.slice(self.src.text).to_string()
    }
}

fn conflict(kind: FactKind, a: String, b: String, x: Span, y: Span) -> Conflict {
    Conflict {
        kind,
        a,
        b,
        a_span: x,
        b_span: y,
    }
}

/// The conflicts between A's segments `ia` and B's segments `ib`.
pub fn conflicts(
    a: Analysed<'_>,
    ia: &[SegmentId],
    b: Analysed<'_>,
    ib: &[SegmentId],
) -> Vec<Conflict> {
    let (sa, sb) = (LinkSide::new(a, ia), LinkSide::new(b, ib));
    let mut out = Vec::new();
    ages(&sa, &sb, &mut out);
    counts(&sa, &sb, &mut out);
    for kind in [
        FactKind::Date,
        FactKind::Money,
        FactKind::Percent,
        FactKind::Quantity,
    ] {
        by_context(kind, &sa, &sb, &mut out);
    }
    quotes(&sa, &sb, &mut out);
    attributions(&sa, &sb, &mut out);
    spellings(&sa, &sb, &mut out);
    out
}

/// Facts of `kind` on each side whose value the other side does not state.
fn unmatched<'a>(
    kind: FactKind,
    x: &LinkSide<'a>,
    y: &LinkSide<'a>,
) -> (Vec<&'a Fact>, Vec<&'a Fact>) {
    let (fx, fy) = (x.of(kind), y.of(kind));
    let vx: HashSet<&str> = fx.iter().map(|f| f.value.as_str()).collect();
    let vy: HashSet<&str> = fy.iter().map(|f| f.value.as_str()).collect();
    (
        fx.into_iter()
            .filter(|f| !vy.contains(f.value.as_str()))
            .collect(),
        fy.into_iter()
            .filter(|f| !vx.contains(f.value.as_str()))
            .collect(),
    )
}

/// One age on each side, different: the same person's age told two ways.
fn ages(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    if let ([x], [y]) = (
        a.of(FactKind::Age).as_slice(),
        b.of(FactKind::Age).as_slice(),
    ) && x.value != y.value
    {
        out.push(conflict(
            FactKind::Age,
            x.value.clone(),
            y.value.clone(),
            x.span,
            y.span,
        ));
    }
}

/// Counts of the same noun with different numbers ("two sources" vs "three sources").
fn counts(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    let noun = |f: &Fact| f.value.split_once(' ').map(|(_, n)| n.to_string());
    let (ua, ub) = unmatched(FactKind::Count, a, b);
    let mut used = vec![false; ub.len()];
    for x in ua {
        let Some(nx) = noun(x) else { continue };
        let hit = ub
            .iter()
            .enumerate()
            .find(|(j, y)| !used[*j] && noun(y).as_deref() == Some(nx.as_str()));
        if let Some((j, y)) = hit {
            used[j] = true;
            out.push(conflict(
                FactKind::Count,
                a.text(x),
                b.text(y),
                x.span,
                y.span,
            ));
        }
    }
}

/// Dates, sums, percentages and quantities whose neighbourhoods share a content word.
fn by_context(kind: FactKind, a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    let (ua, ub) = unmatched(kind, a, b);
    if ua.is_empty() || ub.is_empty() {
        return;
    }
    let ka: Vec<HashSet<String>> = ua.iter().map(|f| anchors(a.src, f)).collect();
    let kb: Vec<HashSet<String>> = ub.iter().map(|f| anchors(b.src, f)).collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, x) in ua.iter().enumerate() {
        for (j, y) in ub.iter().enumerate() {
            if !comparable(kind, x, y) {
                continue;
            }
            let shared = ka[i].intersection(&kb[j]).count();
            if shared > 0 {
                pairs.push((shared, i, j));
            }
        }
    }
    pairs.sort_by_key(|&(s, i, j)| (std::cmp::Reverse(s), i, j));
    let (mut used_a, mut used_b) = (vec![false; ua.len()], vec![false; ub.len()]);
    for (_, i, j) in pairs {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let (x, y) = (ua[i], ub[j]);
        out.push(conflict(kind, a.text(x), b.text(y), x.span, y.span));
    }
}

/// Sums in one currency, quantities in one unit; dates and percentages always compare.
fn comparable(kind: FactKind, x: &Fact, y: &Fact) -> bool {
    let tail = |f: &Fact| f.value.rsplit_once(' ').map(|(_, t)| t.to_string());
    match kind {
        FactKind::Money | FactKind::Quantity => tail(x) == tail(y),
        _ => true,
    }
}

/// The same quote worded differently, or given to a different speaker.
fn quotes(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    for x in a.of(FactKind::Quote) {
        for y in b.of(FactKind::Quote) {
            if !same(x, y) {
                continue;
            }
            if let (Some(sx), Some(sy)) = (&x.speaker, &y.speaker)
                && speaker_key(sx) != speaker_key(sy)
                && source_role(sx, &speaker_key(sx)).is_some()
                && source_role(sx, &speaker_key(sx)) == source_role(sy, &speaker_key(sy))
            {
                out.push(conflict(
                    FactKind::Attribution,
                    sx.clone(),
                    sy.clone(),
                    x.span,
                    y.span,
                ));
            }
            if x.value != y.value {
                out.push(conflict(
                    FactKind::Quote,
                    a.text(x),
                    b.text(y),
                    x.span,
                    y.span,
                ));
            }
        }
    }
}

/// What kind of named source a speaker is: an outlet ("Reuters", "the AP") or a named
/// person or body ("Elliot Abrams"); `None` for unnamed ones ("a senior official").
/// Only sources of one kind are compared: an outlet that reports and the person it quotes
/// are not two versions of one source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Outlet,
    Named,
}

fn source_role(speaker: &str, key: &str) -> Option<Role> {
    if crate::lexicon::AGENCIES
        .iter()
        .any(|(_, canon)| *canon == key)
    {
        return Some(Role::Outlet);
    }
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| w.starts_with(char::is_uppercase));
    named.then_some(Role::Named)
}

/// One named source on each side, of the same role, and they differ ("according to
/// Reuters" vs "Says the AP").
fn attributions(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    let role = |f: &Fact| f.speaker.as_deref().and_then(|w| source_role(w, &f.value));
    let (fa, fb) = (a.of(FactKind::Attribution), b.of(FactKind::Attribution));
    if let ([x], [y]) = (fa.as_slice(), fb.as_slice())
        && x.value != y.value
        && role(x).is_some()
        && role(x) == role(y)
    {
        let who = |f: &Fact| f.speaker.clone().unwrap_or_default();
        let found = conflict(FactKind::Attribution, who(x), who(y), x.span, y.span);
        // A quote given to these two speakers is the same difference, found from the quote
        // ("Source A attributes it to Anna Weiß; source B to Anna Schwarz."): it is shown
        // once, on the attribution's own words.
        let from_quote = out
            .iter_mut()
            .find(|c| (c.kind, &c.a, &c.b) == (found.kind, &found.a, &found.b));
        match from_quote {
            Some(c) => *c = found,
            None => out.push(found),
        }
    }
}

/// One name spelt two ways ("Nicholas Maduro" vs "Nicolás Maduro", "Caracus" vs "Caracas");
/// accents alone are no difference.
fn spellings(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    let (ua, ub) = unmatched(FactKind::Entity, a, b);
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for x in &ua {
        for y in &ub {
            if misspelt(&x.value, &y.value) && seen.insert((x.value.clone(), y.value.clone())) {
                out.push(conflict(
                    FactKind::Entity,
                    a.text(x),
                    b.text(y),
                    x.span,
                    y.span,
                ));
            }
        }
    }
}

/// True when two folded names differ in one word by a small spelling change.
pub fn misspelt(x: &str, y: &str) -> bool {
    let (wx, wy): (Vec<&str>, Vec<&str>) = (x.split(' ').collect(), y.split(' ').collect());
    if wx.len() != wy.len() {
        return false;
    }
    let diff: Vec<(&str, &str)> = wx
        .iter()
        .zip(&wy)
        .filter(|(p, q)| p != q)
        .map(|(p, q)| (*p, *q))
        .collect();
    let [(p, q)] = diff.as_slice() else {
        return false;
    };
    let short = p.len().min(q.len());
    short >= 5
        && !p.starts_with(q)
        && !q.starts_with(p)
        && p.chars().next() == q.chars().next()
        && p.len().abs_diff(q.len()) <= 2
        && edit_distance(p, q) <= 2
}

/// Facts of A's segments `ia` that B's segments `ib` do not give, and the reverse: a fact
/// only one side of a link has. Bylines are left out (they belong to no passage).
pub fn link_additions(
    a: Analysed<'_>,
    ia: &[SegmentId],
    b: Analysed<'_>,
    ib: &[SegmentId],
) -> FactsOnly {
    let fa = facts_in(a, ia);
    let fb = facts_in(b, ib);
    let one_way = |x: Analysed, fx: &[usize], y: Analysed, fy: &[usize]| -> Vec<usize> {
        fx.iter()
            .copied()
            .filter(|&i| x.facts[i].kind != FactKind::Byline)
            .filter(|&i| !fy.iter().any(|&j| same(&x.facts[i], &y.facts[j])))
            .collect()
    };
    FactsOnly {
        a: one_way(a, &fa, b, &fb),
        b: one_way(b, &fb, a, &fa),
    }
}

/// The facts one document gives and the other gives nowhere, as indices into each
/// source's facts.
pub fn only_in(a: Analysed<'_>, b: Analysed<'_>) -> FactsOnly {
    FactsOnly {
        a: slot::missing(a, b),
        b: slot::missing(b, a),
    }
}
