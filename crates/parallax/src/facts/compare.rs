//! Facts that two linked passages state differently, and facts only one side gives.
//!
//! A false conflict misleads a reader more than a missed one, so two facts conflict only
//! when they fill one slot and no single true value fits both. The slot of a number is what
//! it measures (the counted noun and the words that narrow it, the currency, the dimension of
//! its unit), the event it counts ("killed", "injured"), whose it is, and the words around
//! it; a date's or a time's likewise. Hedges and ranges widen a number ("about 40" fits "at
//! least 43"); relative times are read against the article's own date, and without one
//! never conflict with a date. Quotes differ in words only, speakers in names only, names in
//! spelling only. Facts whose value the other side also states never conflict.

use std::collections::HashSet;

use super::attributions::edit_distance;
use super::{Analysed, Conflict, Fact, FactKind, FactsOnly};
use crate::ids::SegmentId;
use crate::span::Span;

mod amount;
pub(crate) mod calendar;
mod changed;
mod context;
pub mod links;
mod names;
mod numeric;
mod part;
mod ranks;
mod slot;
mod when;

pub use changed::changed_numbers;

use slot::same;

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

/// True when A's segments `ia` and B's segments `ib` are the same text, byte for byte,
/// with the same facts read from it (kind, value, speaker and place): they hold no fact
/// stated two ways and none only one side has (a date both sides state alike is none, even
/// under other article dates), so callers skip [`compare`] and [`link_additions`]. The long
/// way could only flag such a passage against itself, where it names two parties both ways
/// round ("Smith accused Jones …, and later Jones accused Smith …"): a false flag the skip
/// avoids. Revisions of one text are mostly such passages, and on them comparing every link
/// the long way was most of the facts' cost.
pub fn verbatim(a: Analysed<'_>, ia: &[SegmentId], b: Analysed<'_>, ib: &[SegmentId]) -> bool {
    fn texts<'t>(x: Analysed<'t>, ids: &[SegmentId]) -> Option<Vec<(usize, &'t str)>> {
        ids.iter()
            .map(|id| {
                x.segments
                    .get(id.0)
                    .map(|s| (s.span.start, s.span.slice(x.text)))
            })
            .collect()
    }
    let (Some(ta), Some(tb)) = (texts(a, ia), texts(b, ib)) else {
        return false;
    };
    if ta.len() != tb.len() || ta.iter().zip(&tb).any(|(x, y)| x.1 != y.1) {
        return false;
    }
    // Each fact's place in its passage's text, laid end to end.
    let placed = |x: Analysed<'_>, t: &[(usize, &str)]| -> Vec<(usize, usize, usize)> {
        let mut before = 0;
        let mut out = Vec::new();
        for &(start, text) in t {
            let end = start + text.len();
            let from = x.facts.partition_point(|f| f.span.start < start);
            for (i, f) in x.facts.iter().enumerate().skip(from) {
                if f.span.start >= end {
                    break;
                }
                out.push((i, before + f.span.start - start, f.span.len()));
            }
            before += text.len();
        }
        out
    };
    let (fa, fb) = (placed(a, &ta), placed(b, &tb));
    fa.len() == fb.len()
        && fa.iter().zip(&fb).all(|(&(i, x, n), &(j, y, m))| {
            let (f, g) = (&a.facts[i], &b.facts[j]);
            x == y && n == m && f.kind == g.kind && f.value == g.value && f.speaker == g.speaker
        })
}

/// One side of a link: its source, the facts in its passages, and the article's own date.
struct LinkSide<'a> {
    src: Analysed<'a>,
    /// The link's passages on this side.
    ids: Vec<SegmentId>,
    facts: Vec<&'a Fact>,
    /// The article's date (days from 1970-01-01), from its header, if it has one.
    published: Option<i64>,
}

impl<'a> LinkSide<'a> {
    fn new(src: Analysed<'a>, ids: &[SegmentId]) -> Self {
        let facts = facts_in(src, ids)
            .into_iter()
            .map(|i| &src.facts[i])
            .collect();
        LinkSide {
            src,
            ids: ids.to_vec(),
            facts,
            published: published(src),
        }
    }

    fn of(&self, kind: FactKind) -> Vec<&'a Fact> {
        self.facts
            .iter()
            .copied()
            .filter(|f| f.kind == kind)
            .collect()
    }

    /// True when this side has a fact of `kind`: reading facts in their context is the
    /// costly part of comparing, and pointless when the other side has none to set beside.
    fn has(&self, kind: FactKind) -> bool {
        self.facts.iter().any(|f| f.kind == kind)
    }

    /// True when the passages write the number `v` where no fact was read, as a count
    /// whose noun is left to the one before ("312 votes to 198", "12 people in the town and
    /// 30 across the province", "18 people for smoke and four for burns"; see [`elided`]).
    /// What it counts is unknown, so it may be the other side's count.
    fn bare_number(&self, v: f64) -> bool {
        self.ids
            .iter()
            .filter_map(|id| self.src.segments.get(id.0))
            .any(|seg| {
                let text = seg.span.slice(self.src.text);
                let in_fact = |at: usize| {
                    let abs = seg.span.start + at;
                    (self.facts.iter()).any(|f| f.span.start <= abs && abs < f.span.end)
                };
                numbers_in(text)
                    .chain(number_words_in(text))
                    .any(|(at, n)| n == v && elided(text, at) && !in_fact(at))
            })
    }

    fn text(&self, f: &Fact) -> String {
        f.span.slice(self.src.text).to_string()
    }

    fn words(&self, span: Span) -> String {
        span.slice(self.src.text).to_string()
    }

    /// Where `words` stand as whole words inside `span` (an age's value in its phrase, a
    /// speaker in the attribution read from it), first found; `span` itself when they do not.
    fn within(&self, words: &str, span: Span) -> Span {
        whole_words(self.src.text, span, words)
            .next()
            .unwrap_or(span)
    }

    /// Where the link's passages write `words` as whole words nearest to `quote`, outside it
    /// (the speaker of a quote, "…," said her neighbor Maria Lopez, not a name the quote
    /// itself says), so that a flag on who said it points at the name; `quote` itself when
    /// they are not written as given.
    fn beside(&self, words: &str, quote: Span) -> Span {
        let distance = |s: &Span| s.start.abs_diff(quote.end).min(s.end.abs_diff(quote.start));
        (self.ids.iter())
            .filter_map(|id| self.src.segments.get(id.0))
            .flat_map(|seg| whole_words(self.src.text, seg.span, words))
            .filter(|s| !s.overlaps(&quote))
            .min_by_key(distance)
            .unwrap_or(quote)
    }
}

/// Where `words` stand in `text` inside `span`, not as part of a longer word.
fn whole_words<'t>(text: &'t str, span: Span, words: &'t str) -> impl Iterator<Item = Span> + 't {
    let inside = span.slice(text);
    let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    (!words.is_empty())
        .then(|| inside.match_indices(words))
        .into_iter()
        .flatten()
        .filter(move |&(at, w)| {
            edge(inside[..at].chars().next_back()) && edge(inside[at + w.len()..].chars().next())
        })
        .map(move |(at, w)| Span::new(span.start + at, span.start + at + w.len()))
}

/// The whole numbers written in digits in `text` ("1,200" is 1200), with where each starts;
/// not the parts of decimals, times or scores ("2.5", "9:30", "31-24").
fn numbers_in(text: &str) -> impl Iterator<Item = (usize, f64)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            if !bytes[at].is_ascii_digit() || (at > 0 && bytes[at - 1].is_ascii_alphanumeric()) {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len()
                && (bytes[at].is_ascii_digit()
                    || (bytes[at] == b',' && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)))
            {
                at += 1;
            }
            let joined = |i: usize| bytes.get(i).is_some_and(|b| b".:-/".contains(b));
            if joined(at) && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
                || start > 0 && joined(start - 1)
            {
                continue;
            }
            let digits: String = text[start..at]
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            if let Ok(n) = digits.parse::<f64>() {
                return Some((start, n));
            }
        }
        None
    })
}

/// Numbers written as words in `text` ("four", "twenty-one"), with where each starts. Words
/// run on through hyphens, so "twenty-four" is read whole.
fn number_words_in(text: &str) -> impl Iterator<Item = (usize, f64)> + '_ {
    let joined = |c: char| c.is_alphanumeric() || c == '-' || c == '‑';
    text.char_indices()
        .filter(move |&(at, c)| joined(c) && !text[..at].ends_with(joined))
        .filter_map(move |(at, _)| {
            let len = text[at..]
                .find(|c: char| !joined(c))
                .unwrap_or(text.len() - at);
            let n = crate::lexicon::number_word(&text[at..at + len].to_lowercase())?;
            Some((at, n as f64))
        })
}

/// True when the number at byte `at` of `text` follows "to", "and" or "against" and no verb
/// of its own follows it: it counts what the count before it counts ("by 312 votes to 198",
/// "and 30 across the province", "and four for burns"), unlike "Highway 7" or "and 40 were
/// damaged".
fn elided(text: &str, at: usize) -> bool {
    let before = text[..at].split_whitespace().next_back().unwrap_or("");
    let rest = text[at..].trim_start_matches(|c: char| c.is_alphanumeric() || c == ',');
    let next = rest.split_whitespace().next().unwrap_or("");
    matches!(before, "to" | "and" | "against")
        && !matches!(
            next.to_lowercase().as_str(),
            "were" | "was" | "are" | "is" | "had" | "have" | "has" | "died" | "more"
        )
}

/// The article's own date: the published fact of its header. The header stands before the
/// body, at most a headline and a standfirst into the passages, so only the facts before the
/// third passage are looked at (a link is compared in time independent of the text's length).
fn published(src: Analysed<'_>) -> Option<i64> {
    let bound = src.segments.get(2).map_or(src.text.len(), |s| s.span.start);
    src.facts
        .iter()
        .take_while(|f| f.span.start < bound)
        .find(|f| f.kind == FactKind::Published)
        .and_then(|f| calendar::parse_iso(&f.value))
}

fn conflict(kind: FactKind, a: String, b: String, x: Span, y: Span) -> Conflict {
    Conflict {
        kind,
        a,
        b,
        a_span: x,
        b_span: y,
        slot: String::new(),
        elided: Default::default(),
    }
}

/// The conflicts between A's segments `ia` and B's segments `ib`: facts of one slot that
/// no single true value fits.
pub fn conflicts(
    a: Analysed<'_>,
    ia: &[SegmentId],
    b: Analysed<'_>,
    ib: &[SegmentId],
) -> Vec<Conflict> {
    compare(a, ia, b, ib).conflicts
}

/// What comparing two sides of a link finds.
#[derive(Clone, Debug, Default)]
pub struct Compared {
    /// Facts of one slot that no single true value fits ([`conflicts`]).
    pub conflicts: Vec<Conflict>,
    /// Numbers of one slot that one value fits though they are worded apart ("10 to 40
    /// centimeters" and "25 centimeters", "about 40" and "at least 43"), and dates and
    /// times told alike ("on Thursday" and "March 13" from an article of Wednesday 12
    /// March): the stretches of A and of B that state them. Each side states the fact, so
    /// neither gives it alone.
    pub agreeing: Vec<(Span, Span)>,
    /// The numbers of [`Compared::agreeing`] ("roughly 0.4%" and "roughly 0.5%", "below
    /// 12°C" and "below 10°C"), as a flag would name them: where a revision changed one,
    /// [`changed_numbers`] flags it by its slot.
    pub fitting: Vec<Conflict>,
    /// The spans of the link's numbers of the kinds whose slots the comparer reads (ages,
    /// counts, sums, shares, measures, magnitudes, ranks) and the stretches of the dates
    /// and times it found told alike or both sides state ("18:45" and "6:45 p.m.", "from
    /// June 3 to June 9"), on A's side and on B's: a number a word change replaces there
    /// was judged by its slot ("9:00 GMT" is "10:00 CET"), and [`changed_numbers`] leaves
    /// it be.
    pub typed: (Vec<Span>, Vec<Span>),
    /// The spans of the link's other dates and times, on A's side and on B's: the comparer
    /// read them by their words too, but where it found no slot for them the word diff
    /// still flags a changed one in a passage revised, not retold (see
    /// [`changed_numbers`]).
    pub dated: (Vec<Span>, Vec<Span>),
}

/// The conflicts and the agreeing numbers between A's segments `ia` and B's segments `ib`.
pub fn compare(a: Analysed<'_>, ia: &[SegmentId], b: Analysed<'_>, ib: &[SegmentId]) -> Compared {
    let (sa, sb) = (LinkSide::new(a, ia), LinkSide::new(b, ib));
    let typed = |side: &LinkSide| -> Vec<Span> {
        (side.facts.iter())
            .filter(|f| numeric::KINDS.contains(&f.kind) || f.kind == FactKind::Rank)
            .map(|f| f.span)
            .collect()
    };
    let dated = |side: &LinkSide| -> Vec<Span> {
        (side.facts.iter())
            .filter(|f| matches!(f.kind, FactKind::Date | FactKind::Time))
            .map(|f| f.span)
            .collect()
    };
    let mut found = Compared {
        typed: (typed(&sa), typed(&sb)),
        dated: (dated(&sa), dated(&sb)),
        ..Compared::default()
    };
    let out = &mut found.conflicts;
    numeric::compare(&sa, &sb, out, &mut found.fitting);
    (found.agreeing).extend(found.fitting.iter().map(|c| (c.a_span, c.b_span)));
    let mut told_alike = Vec::new();
    when::compare(&sa, &sb, out, &mut told_alike);
    // Dates and times the comparer judged told alike ("9:00 GMT" and "10:00 CET") are left
    // to it with the words that state them (a range's: "from June 3 to June 9").
    for &(x, y) in &told_alike {
        found.typed.0.push(x);
        found.typed.1.push(y);
    }
    let (xa, xb) = when::stated_alike(&sa, &sb);
    found.typed.0.extend(xa);
    found.typed.1.extend(xb);
    found.agreeing.extend(told_alike);
    names::quotes(&sa, &sb, out);
    names::attributions(&sa, &sb, out);
    names::spellings(&sa, &sb, out);
    names::roles(&sa, &sb, out);
    ranks::compare(&sa, &sb, out);
    found
}

/// The conflicts of one kind between A's segments `ia` and B's segments `ib` (what
/// [`conflicts`] finds of that kind, or of its quotes' speakers for quotes), for callers
/// that know which kind they look for; and for numbers the pairs of one slot that one value
/// fits ([`Compared::fitting`]).
fn compared_of(
    a: Analysed<'_>,
    ia: &[SegmentId],
    b: Analysed<'_>,
    ib: &[SegmentId],
    kind: FactKind,
) -> (Vec<Conflict>, Vec<Conflict>) {
    let (sa, sb) = (LinkSide::new(a, ia), LinkSide::new(b, ib));
    let (mut out, mut fitting) = (Vec::new(), Vec::new());
    match kind {
        FactKind::Time => when::compare_times(&sa, &sb, &mut out, &mut Vec::new()),
        FactKind::Date => when::compare(&sa, &sb, &mut out, &mut Vec::new()),
        FactKind::Quote => names::quotes(&sa, &sb, &mut out),
        FactKind::Entity => {
            names::spellings(&sa, &sb, &mut out);
            names::roles(&sa, &sb, &mut out);
        }
        FactKind::Attribution => names::attributions(&sa, &sb, &mut out),
        FactKind::Rank => ranks::compare(&sa, &sb, &mut out),
        _ if context::numberish(kind) => {
            numeric::compare_kind(&sa, &sb, kind, &mut out, &mut fitting)
        }
        _ => {}
    }
    (out, fitting)
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

/// Words that put a place's name after them.
const PLACE_QUALIFIERS: &[&str] = &[
    "new", "east", "west", "north", "south", "northern", "southern", "eastern", "western",
    "central", "upper", "lower", "greater",
];

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
    // The last of several words, after the same first ones, is a surname ("Andrew Wetzler"
    // / "Andrew Wetzel", "Dirk Kempthorne" / "Dirk Kempthorn"): a letter more or less at its
    // end is spelling too, though not a plural's or a people's ("New York Giants" / "New
    // York Giant", "North Syrian" / "North Syria"), nor British and American spelling
    // ("Treatment Centre" / "Treatment Center").
    // A last letter doubled is how one name is written from another alphabet ("Zelensky" /
    // "Zelenskyy").
    let family = |x: &str, y: &str| {
        x.strip_prefix(y)
            .is_some_and(|rest| matches!(rest, "s" | "i" | "n" | "y") || y.ends_with(rest))
    };
    // A place's qualifier says the last word is a place or its people ("New Mexico" / "New
    // Mexican", "East Germany" / "East German", "Northern Greece" / "Northern Greek").
    let place = wx.iter().any(|w| PLACE_QUALIFIERS.contains(w));
    let surname = wx.len() >= 2
        && !place
        && wx.last() == Some(p)
        && p.len().abs_diff(q.len()) <= 1
        && !family(p, q)
        && !family(q, p)
        && names::american(p) != names::american(q);
    let short = p.len().min(q.len());
    // A given name before one surname, spelt two ways ("John Abernathy" / "Jon Abernathy",
    // "Katherine Morrow" / "Catherine Morrow"): a letter more or less inside a short name
    // (not at its end: "Paul" / "Paula", "Dan" / "Dana" are other people), or a C for a K
    // before the same letters. Longer given names follow the rule for any word below,
    // which keeps "Daniel" / "Danielle" and "Christian" / "Christina" apart.
    let given = wx.len() >= 2 && !place && wx.last() == wy.last() && wx.last() != Some(p);
    if given && p.chars().chain(q.chars()).all(char::is_alphabetic) {
        let (cp, cq) = (p.chars().next(), q.chars().next());
        let swapped =
            matches!((cp, cq), (Some('c'), Some('k')) | (Some('k'), Some('c'))) && p[1..] == q[1..];
        let inside = short >= 3
            && p.len().abs_diff(q.len()) == 1
            && cp == cq
            && p.chars().last() == q.chars().last()
            && edit_distance(p, q) == 1;
        if swapped || inside {
            return true;
        }
    }
    short >= 5
        && (surname || (!p.starts_with(q) && !q.starts_with(p)))
        && p.chars().next() == q.chars().next()
        // An ending that differs is another word of one family ("Greece", "Greek"), not a
        // misspelling, which changes a letter or two inside ("Tarvena", "Tarvenna").
        && (surname || p.chars().last() == q.chars().last())
        && p.len().abs_diff(q.len()) <= 2
        && edit_distance(p, q) <= 2
}

/// Facts of A's segments `ia` that B's segments `ib` do not give, and the reverse: a fact
/// only one side of a link has. Bylines and the article's date are left out (they belong to
/// no passage), and so are ranks: read only to be set against each other, "first" and
/// "second" said of one thing and not the other are no news.
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
            .filter(|&i| {
                !matches!(
                    x.facts[i].kind,
                    FactKind::Byline | FactKind::Published | FactKind::Rank
                )
            })
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

/// Which of `na` values of A and `nb` of B agree with a value of the other side, and the
/// agreeing pairs `(i, j)`, with `agree` asked once per pair: a value that agrees is no
/// conflict, and the pairs are what [`Compared::agreeing`] reports.
struct Agreement {
    pairs: Vec<(usize, usize)>,
    a: Vec<bool>,
    b: Vec<bool>,
}

impl Agreement {
    fn new(na: usize, nb: usize, agree: impl Fn(usize, usize) -> bool) -> Agreement {
        let mut out = Agreement {
            pairs: Vec::new(),
            a: vec![false; na],
            b: vec![false; nb],
        };
        for i in 0..na {
            for j in (0..nb).filter(|&j| agree(i, j)) {
                out.pairs.push((i, j));
                out.a[i] = true;
                out.b[j] = true;
            }
        }
        out
    }

    /// True when neither value `i` of A nor `j` of B agrees with a value of the other side.
    fn neither(&self, i: usize, j: usize) -> bool {
        !self.a[i] && !self.b[j]
    }
}

/// Pairs `(affinity, i, j)` chosen one to one, strongest affinity first (ties by position):
/// each value of A and of B is compared with at most one of the other side's.
fn one_to_one(mut pairs: Vec<(usize, usize, usize)>, na: usize, nb: usize) -> Vec<(usize, usize)> {
    pairs.sort_by_key(|&(s, i, j)| (std::cmp::Reverse(s), i, j));
    let (mut used_a, mut used_b) = (vec![false; na], vec![false; nb]);
    let mut chosen = Vec::new();
    for (_, i, j) in pairs {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        chosen.push((i, j));
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::{misspelt, numbers_in};

    #[test]
    fn a_given_name_spelt_two_ways_is_told_from_another_name() {
        let one = |p: &str, q: &str| misspelt(&format!("{p} abernathy"), &format!("{q} abernathy"));
        for (p, q) in [
            ("john", "jon"),
            ("katherine", "catherine"),
            ("carl", "karl"),
            ("stephen", "steven"),
        ] {
            assert!(one(p, q), "{p} / {q}");
        }
        for (p, q) in [
            ("mark", "mary"),
            ("john", "joan"),
            ("eric", "erica"),
            ("paul", "paula"),
            ("dan", "dana"),
            ("daniel", "danielle"),
            ("christian", "christina"),
        ] {
            assert!(!one(p, q), "{p} / {q}");
        }
    }

    #[test]
    fn whole_numbers_are_found_but_not_the_parts_of_decimals_times_or_scores() {
        let text = "By 312 votes to 1,198, at 9:30, a 2.5 rise, won 31-24, on A4 road, 7.";
        let found: Vec<f64> = numbers_in(text).map(|(_, n)| n).collect();
        assert_eq!(found, [312.0, 1198.0, 7.0]);
        let at: Vec<usize> = numbers_in("a 40 b").map(|(at, _)| at).collect();
        assert_eq!(at, [2]);
    }
}
