//! Passages that state one fact differently although the aligner did not link them: "the
//! quake killed one person" and "at least four people died in Papua", one speaker's "felt
//! this was the best move" and "felt that this was the best move". A reader checking facts
//! wants these side by side, so the comparison joins them to a link (see
//! `align::Aligner::join`).
//!
//! Found without comparing every passage with every other: each passage is indexed by the
//! keys of its facts (what a number measures, runs of a quote's words, the letters a name
//! starts and ends with), and only passages sharing a key are compared. A pair is kept
//! when the two passages fill one slot with values that cannot both be true, the slot is
//! named on both sides (the same event counted, one speaker quoted), and the passages share
//! other words too: one fact in common is what two claims of one story share by chance.

use std::collections::{HashMap, HashSet};

use super::conflicts;
use super::context::{context, numberish};
use crate::facts::{Analysed, Conflict, Fact, FactKind};
use crate::lexicon::{EVENTS, QUAKE_WORDS, lookup};
use crate::text::tokens;

/// Passages one key may index on each side; a key found in more says little about which
/// passages belong together and would make the search quadratic.
const POSTING_CAP: usize = 24;
/// Words of a quote that make one key.
const SHINGLE: usize = 3;
/// Content words (besides the differing facts) two passages must share.
const SUPPORT: usize = 2;

/// Two passages that state one fact differently.
#[derive(Clone, Debug, PartialEq)]
pub struct FactPair {
    /// Passage of A.
    pub a: usize,
    /// Passage of B.
    pub b: usize,
    /// What differs, in words ("Killed", "Wording of the quote").
    pub slot: String,
    /// How many other words they share.
    pub shared: usize,
}

/// The pairs of passages (A's, B's) that state one fact differently and that no link in
/// `linked` (segment ids of A, of B) joins yet. At most one pair per passage, the best
/// supported first.
pub fn fact_pairs(
    a: Analysed<'_>,
    b: Analysed<'_>,
    linked: &[(Vec<usize>, Vec<usize>)],
) -> Vec<FactPair> {
    let (ka, kb) = (keys(a), keys(b));
    let mut together: HashSet<(usize, usize)> = HashSet::new();
    for (x, y) in linked {
        for &i in x {
            together.extend(y.iter().map(|&j| (i, j)));
        }
    }
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    for (key, pa) in &ka {
        let Some(pb) = kb.get(key) else { continue };
        if pa.len() > POSTING_CAP || pb.len() > POSTING_CAP {
            continue;
        }
        for &i in pa {
            candidates.extend(pb.iter().map(|&j| (i, j)).filter(|p| !together.contains(p)));
        }
    }
    let mut candidates: Vec<(usize, usize)> = candidates.into_iter().collect();
    candidates.sort_unstable();
    let mut words_a: HashMap<usize, HashSet<String>> = HashMap::new();
    let mut words_b: HashMap<usize, HashSet<String>> = HashMap::new();
    let mut found: Vec<FactPair> = Vec::new();
    for (i, j) in candidates {
        let Some(slot) = differing(a, i, b, j) else {
            continue;
        };
        let wa = words_a.entry(i).or_insert_with(|| content(a, i));
        let wb = words_b.entry(j).or_insert_with(|| content(b, j));
        let shared = wa.intersection(wb).count();
        if shared >= SUPPORT && !dated_apart(a, i, b, j) {
            found.push(FactPair {
                a: i,
                b: j,
                slot,
                shared,
            });
        }
    }
    // The best supported pair of each passage.
    found.sort_by_key(|p| (std::cmp::Reverse(p.shared), p.a, p.b));
    let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
    found.retain(|p| used_a.insert(p.a) && used_b.insert(p.b));
    found.sort_by_key(|p| (p.a, p.b));
    found
}

/// The slot of the first fact passage `i` of A and passage `j` of B state differently, when
/// the slot is named on both sides.
fn differing(a: Analysed<'_>, i: usize, b: Analysed<'_>, j: usize) -> Option<String> {
    conflicts(a, &[i], b, &[j])
        .into_iter()
        .find(|c| named_on_both(a, b, c))
        .map(|c| c.slot)
}

/// True when a conflict's slot is clear on both sides: a count of the same event, one
/// magnitude, an age of one named person, a sum, share or measure; a quote's wording or a
/// name's spelling. Dates and times of day are left out (two events of one story have
/// different days and hours), and so are sources (every passage cites someone).
fn named_on_both(a: Analysed<'_>, b: Analysed<'_>, c: &Conflict) -> bool {
    match c.kind {
        FactKind::Count => {
            let event =
                |src: Analysed<'_>, span| fact_at(src, span).and_then(|f| context(src, f).event);
            let (x, y) = (event(a, c.a_span), event(b, c.b_span));
            x.is_some() && x == y
        }
        FactKind::Age => {
            let owner =
                |src: Analysed<'_>, span| fact_at(src, span).and_then(|f| context(src, f).owner);
            owner(a, c.a_span).is_some() && owner(b, c.b_span).is_some()
        }
        FactKind::Time => {
            // The only times on each side compare whatever their words; a pair of passages
            // needs the words around the two times to say they time one thing.
            let words = |src: Analysed<'_>, span: crate::span::Span| {
                src.facts
                    .iter()
                    .find(|f| f.kind == FactKind::Time && span.contains(&f.span))
                    .map(|f| context(src, f).words)
            };
            // A word for the quake or for what it did is what every time of one story
            // stands by: it tells no shock from another.
            let telling = |w: &&String| {
                lookup(EVENTS, w).is_none()
                    && lookup(QUAKE_WORDS, w).is_none()
                    && !EVENTS.iter().any(|(_, e)| e == w)
                    && !QUAKE_WORDS.iter().any(|(_, q)| q == w)
            };
            match (words(a, c.a_span), words(b, c.b_span)) {
                (Some(x), Some(y)) => x.intersection(&y).any(|w| telling(&w)),
                _ => false,
            }
        }
        FactKind::Magnitude
        | FactKind::Money
        | FactKind::Percent
        | FactKind::Quantity
        | FactKind::Quote
        | FactKind::Entity => true,
        _ => false,
    }
}

/// The number fact inside the words a conflict shows.
fn fact_at(src: Analysed<'_>, span: crate::span::Span) -> Option<&Fact> {
    src.facts
        .iter()
        .find(|f| numberish(f.kind) && span.contains(&f.span))
}

/// True when the passages date what they say to different years, or only one of them names
/// a year: "killed one person" this week and "killing three people" in 2002 are two events.
fn dated_apart(a: Analysed<'_>, i: usize, b: Analysed<'_>, j: usize) -> bool {
    let years = |src: Analysed<'_>, k: usize| -> HashSet<String> {
        let span = src.segments[k].span;
        src.facts
            .iter()
            .filter(|f| f.kind == FactKind::Date && span.contains(&f.span))
            .filter_map(|f| {
                let y = f.value.get(..4)?;
                y.bytes().all(|c| c.is_ascii_digit()).then(|| y.to_string())
            })
            .collect()
    };
    years(a, i) != years(b, j)
}

/// The content words of passage `k`, stemmed; words for an event or a quake by their class.
fn content(src: Analysed<'_>, k: usize) -> HashSet<String> {
    tokens(src.text, src.segments[k].span, src.lang)
        .into_iter()
        .filter(|t| !t.stop && !t.numeric && t.folded.chars().count() > 2)
        .map(|t| {
            lookup(EVENTS, &t.folded)
                .or_else(|| lookup(QUAKE_WORDS, &t.folded))
                .map_or(t.stem, str::to_string)
        })
        .collect()
}

/// Each key of a passage's facts, with the passages that hold it.
fn keys(src: Analysed<'_>) -> HashMap<String, Vec<usize>> {
    let mut out: HashMap<String, Vec<usize>> = HashMap::new();
    let mut seg = 0;
    for f in src.facts {
        while seg < src.segments.len() && src.segments[seg].span.end <= f.span.start {
            seg += 1;
        }
        let Some(s) = src.segments.get(seg) else {
            break;
        };
        if !s.span.contains(&f.span) {
            continue;
        }
        for key in fact_keys(src, f) {
            let posting = out.entry(key).or_default();
            if posting.last() != Some(&seg) {
                posting.push(seg);
            }
        }
    }
    out
}

/// The keys one fact is found by: what a number measures, each run of [`SHINGLE`] words of
/// a quote, and for each longer word of a name its first two letters and its last (a
/// misspelt name keeps both).
fn fact_keys(src: Analysed<'_>, f: &Fact) -> Vec<String> {
    match f.kind {
        FactKind::Count => {
            let noun = f.value.rsplit_once(' ').map_or("", |(_, n)| n);
            vec![format!("count {}", noun.trim_end_matches('s'))]
        }
        FactKind::Money | FactKind::Quantity => {
            let unit = f.value.rsplit_once(' ').map_or("", |(_, u)| u);
            vec![format!("{} {unit}", f.kind.label())]
        }
        FactKind::Age | FactKind::Magnitude | FactKind::Percent | FactKind::Time => {
            vec![f.kind.label().to_string()]
        }
        FactKind::Quote => {
            let words: Vec<String> = tokens(src.text, f.span, src.lang)
                .into_iter()
                .map(|t| t.folded)
                .collect();
            words
                .windows(SHINGLE)
                .map(|w| format!("quote {}", w.join(" ")))
                .collect()
        }
        FactKind::Entity => f
            .value
            .split(' ')
            .filter(|w| w.chars().count() >= 5)
            .map(|w| {
                let head: String = w.chars().take(2).collect();
                let last = w.chars().last().unwrap_or(' ');
                format!("name {head}…{last}")
            })
            .collect(),
        _ => Vec::new(),
    }
}
