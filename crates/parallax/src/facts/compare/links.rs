//! Passages that state one fact differently although the aligner did not link them: "the
//! storm killed one person" and "at least four people died in the valley", one speaker's
//! "we knew this was the right call" and "we knew that this was the right call". A reader checking facts
//! wants these side by side, so the comparison joins them to a link (see
//! `align::Aligner::join`).
//!
//! Found without comparing every passage with every other: each passage is indexed by the
//! keys of its facts (what a number measures, runs of a quote's words, the letters a name
//! starts and ends with), and only passages sharing a key are compared. A pair is kept
//! when the two passages fill one slot with values that cannot both be true, the slot is
//! named on both sides (the same event counted, one speaker quoted), and the passages share
//! other words too: one fact in common is what two claims of one story share by chance.

use std::hash::BuildHasher;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rayon::prelude::*;

use super::compared_of;
use super::context::{context, numberish};
use super::numeric::noun_key;
use crate::align::Link;
use crate::facts::words::{fold, words};
use crate::facts::{Analysed, Conflict, Fact, FactKind};
use crate::ids::SegmentId;
use crate::lexicon::{EVENTS, QUAKE_WORDS, lookup};

/// Passages one key may index on each side; a key found in more says little about which
/// passages belong together and would make the search quadratic.
const POSTING_CAP: usize = 24;
/// Words of a quote that make one key.
const SHINGLE: usize = 3;
/// Candidate partners one passage of A is compared with, those sharing most keys first.
const PER_PASSAGE: usize = 8;
/// Content words (besides the differing facts) two passages must share.
const SUPPORT: usize = 2;

/// Two passages that state one fact differently.
#[derive(Clone, Debug, PartialEq)]
pub struct FactPair {
    /// Passage of A.
    pub a: SegmentId,
    /// Passage of B.
    pub b: SegmentId,
    /// What differs, in words ("Killed", "Wording of the quote").
    pub slot: String,
    /// How many other words they share.
    pub shared: usize,
}

/// The pairs of passages (A's, B's) that state one fact differently and that none of
/// `links` joins yet. At most one pair per passage: where a passage could pair with several,
/// the pair sharing most other words wins. Returned in the order of the passages (A's, then
/// B's).
pub fn fact_pairs(a: Analysed<'_>, b: Analysed<'_>, links: &[Link]) -> Vec<FactPair> {
    let candidates = candidates(keys(a), keys(b), links);
    let partners = Partners::of(links);
    // Each passage's words and years once, then the pairs side by side.
    let content_of = |src: Analysed<'_>, ids: Vec<usize>| -> HashMap<usize, Passage> {
        ids.into_par_iter()
            .map(|k| {
                let words = content(src, k);
                (
                    k,
                    Passage {
                        words,
                        years: years(src, k),
                    },
                )
            })
            .collect()
    };
    let mut ids_a: Vec<usize> = candidates.iter().map(|c| c.a).collect();
    let mut ids_b: Vec<usize> = candidates.iter().map(|c| c.b).collect();
    ids_a.sort_unstable();
    ids_a.dedup();
    ids_b.sort_unstable();
    ids_b.dedup();
    let (words_a, words_b) = (content_of(a, ids_a), content_of(b, ids_b));
    let mut found: Vec<FactPair> = candidates
        .into_par_iter()
        .filter_map(|c| {
            let (i, j) = (c.a, c.b);
            let (pa, pb) = (&words_a[&i], &words_b[&j]);
            let shared = pa.words.intersection(&pb.words).count();
            // Dated to different years, or only one of them dated: two events ("killed one
            // person" this week and "killing three people" in 2002).
            if shared < SUPPORT || pa.years != pb.years {
                return None;
            }
            let own = |kind, slot: &str| !other_event(a, b, &partners, (i, j), kind, slot);
            let slot = differing(a, i, b, j, &c.kinds, own)?;
            Some(FactPair {
                a: SegmentId(i),
                b: SegmentId(j),
                slot,
                shared,
            })
        })
        .collect();
    // The best supported pair of each passage.
    found.sort_by_key(|p| (std::cmp::Reverse(p.shared), p.a, p.b));
    let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
    found.retain(|p| used_a.insert(p.a) && used_b.insert(p.b));
    found.sort_by_key(|p| (p.a, p.b));
    found
}

/// Two passages (A's, B's) that share keys of their facts.
#[derive(Default)]
struct Candidate {
    a: usize,
    b: usize,
    /// How many keys they share.
    keys: usize,
    /// The kinds of facts those keys are of, in [`FactKind`]'s order.
    kinds: Vec<FactKind>,
}

/// The pairs of passages that share a key of their facts and that no link joins, those
/// sharing most keys first; each passage of A keeps only its [`PER_PASSAGE`] best.
fn candidates(ka: Keys, kb: Keys, links: &[Link]) -> Vec<Candidate> {
    let mut together: HashSet<(usize, usize)> = HashSet::new();
    for l in links {
        for i in &l.a {
            together.extend(l.b.iter().map(|j| (i.0, j.0)));
        }
    }
    let mut shared: HashMap<(usize, usize), Candidate> = HashMap::new();
    for (key, pa) in &ka {
        let Some(pb) = kb.get(key) else { continue };
        if pa.len() > POSTING_CAP || pb.len() > POSTING_CAP {
            continue;
        }
        for &i in pa {
            for &j in pb.iter().filter(|&&j| !together.contains(&(i, j))) {
                let c = shared.entry((i, j)).or_default();
                (c.a, c.b) = (i, j);
                c.keys += 1;
                if !c.kinds.contains(&key.0) {
                    c.kinds.push(key.0);
                }
            }
        }
    }
    let mut out: Vec<Candidate> = shared.into_values().collect();
    // The keys came in hash order, which differs from run to run: the first kind that
    // differs names the pair, so the same texts must always try the kinds in one order.
    for c in &mut out {
        c.kinds.sort_unstable();
    }
    out.sort_unstable_by_key(|c| (c.a, std::cmp::Reverse(c.keys), c.b));
    let mut tried: HashMap<usize, usize> = HashMap::new();
    out.retain(|c| {
        let t = tried.entry(c.a).or_default();
        *t += 1;
        *t <= PER_PASSAGE
    });
    out
}

/// The slot of the first fact of `kinds` that passage `i` of A and passage `j` of B state
/// differently, when the slot is named on both sides and `accept` takes it.
fn differing(
    a: Analysed<'_>,
    i: usize,
    b: Analysed<'_>,
    j: usize,
    kinds: &[FactKind],
    accept: impl Fn(FactKind, &str) -> bool,
) -> Option<String> {
    kinds.iter().find_map(|&kind| {
        compared_of(a, &[SegmentId(i)], b, &[SegmentId(j)], kind)
            .0
            .into_iter()
            .find(|c| named_on_both(a, b, c) && accept(kind, &c.slot))
            .map(|c| c.slot)
    })
}

/// Each passage's link partners: for a passage of A the passages of B its link holds, and
/// the other way round.
struct Partners {
    of_a: HashMap<usize, Vec<SegmentId>>,
    of_b: HashMap<usize, Vec<SegmentId>>,
}

impl Partners {
    fn of(links: &[Link]) -> Self {
        let (mut of_a, mut of_b) = (HashMap::new(), HashMap::new());
        for l in links {
            of_a.extend(l.a.iter().map(|i| (i.0, l.b.clone())));
            of_b.extend(l.b.iter().map(|j| (j.0, l.a.clone())));
        }
        Partners { of_a, of_b }
    }
}

/// True when the pair tells of another event than a link it would join: the link of
/// passage `i` of A already states the `slot` on both its sides, and passage `j` of B
/// states it otherwise than that link's own passages of B (or the same from B's side). "42
/// people were killed in the school" linked to "at least 43 people were killed in the
/// school" is not also paired with "two people were killed when a shell hit another
/// school": joined, the second school would lower the link's score and take the 42's
/// comparison. "At least four people died" beside a link's "killing four people" tells the
/// link's own fact again, and joins.
fn other_event(
    a: Analysed<'_>,
    b: Analysed<'_>,
    partners: &Partners,
    (i, j): (usize, usize),
    kind: FactKind,
    slot: &str,
) -> bool {
    // The link states the slot on both sides: its values clash there, or one value fits.
    let states = |(clash, fit): (Vec<Conflict>, Vec<Conflict>)| {
        clash.iter().chain(&fit).any(|c| c.slot == slot)
    };
    let clashes = |(clash, _): (Vec<Conflict>, Vec<Conflict>)| clash.iter().any(|c| c.slot == slot);
    let by_a = partners.of_a.get(&i).is_some_and(|ib| {
        states(compared_of(a, &[SegmentId(i)], b, ib, kind))
            && clashes(compared_of(b, ib, b, &[SegmentId(j)], kind))
    });
    let by_b = partners.of_b.get(&j).is_some_and(|ia| {
        states(compared_of(a, ia, b, &[SegmentId(j)], kind))
            && clashes(compared_of(a, ia, a, &[SegmentId(i)], kind))
    });
    by_a || by_b
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
                within(src, span)
                    .find(|f| f.kind == FactKind::Time)
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
    within(src, span).find(|f| numberish(f.kind))
}

/// The facts that lie inside `span` (found by bisection: the facts are in text order).
fn within(src: Analysed<'_>, span: crate::span::Span) -> impl Iterator<Item = &Fact> {
    let from = src.facts.partition_point(|f| f.span.start < span.start);
    src.facts[from..]
        .iter()
        .take_while(move |f| f.span.start < span.end)
        .filter(move |f| span.contains(&f.span))
}

/// What a candidate pair's passage brings to the comparison: its content words and the
/// years it dates what it says to.
struct Passage {
    words: HashSet<String>,
    years: Vec<u16>,
}

/// The years passage `k` dates what it says to, sorted: those of its date facts, and a year
/// that names an event though it is no date ("the 2004 Asian tsunami"): four digits from
/// 1900 to 2099 after "the" or "of" ([`BEFORE_A_YEAR`]), not part of a longer number, that
/// no fact (a count, a sum) holds. Not "Flight 2010", "Radio 1945" or "at 2000 local time".
fn years(src: Analysed<'_>, k: usize) -> Vec<u16> {
    let span = src.segments[k].span;
    let facts: Vec<&Fact> = within(src, span).collect();
    let mut out: Vec<u16> = (facts.iter())
        .filter(|f| f.kind == FactKind::Date)
        .filter_map(|f| {
            let y = f.value.get(..4)?;
            y.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| y.parse().ok())?
        })
        .collect();
    // Digits are ASCII, so a byte scan stays on character boundaries.
    let text = span.slice(src.text).as_bytes();
    // The run of digits ends the number: not a word's letters, nor more digits after a
    // point or comma ("2004.5").
    let ends = |k: usize| match text.get(k) {
        None => true,
        Some(b'.' | b',') => !text.get(k + 1).is_some_and(u8::is_ascii_digit),
        Some(c) => !c.is_ascii_alphanumeric(),
    };
    let mut at = 0;
    while at < text.len() {
        let run = text[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            at += 1;
            continue;
        }
        // The word before it (after one space or hyphen) also keeps it from being the end
        // of a longer number.
        if run == 4 && ends(at + run) && after_year_word(text, at) {
            let start = span.start + at;
            let held = facts
                .iter()
                .any(|f| f.span.start <= start && start < f.span.end);
            let year = (text[at..at + 4].iter()).fold(0u16, |y, c| y * 10 + u16::from(c - b'0'));
            if !held && (1900..2100).contains(&year) {
                out.push(year);
            }
        }
        at += run;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Words that lead to a year told alone that the date facts leave: "the 2004 tsunami", "the
/// floods of 1998". After "in", "since", "until" and the like, the year is a date fact
/// already (`facts::dates`).
const BEFORE_A_YEAR: [&str; 2] = ["the", "of"];

/// True when the word before the digits at `at` (one space or hyphen before them) leads to
/// a year.
fn after_year_word(text: &[u8], at: usize) -> bool {
    let Some(end) = at
        .checked_sub(1)
        .filter(|&k| matches!(text[k], b' ' | b'-'))
    else {
        return false;
    };
    let start = text[..end]
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |k| k + 1);
    let word = &text[start..end];
    BEFORE_A_YEAR
        .iter()
        .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
}

/// The content words of passage `k`, folded and cut to a rough stem (a plural or a verb's
/// ending off: the support of a pair needs no more, and a full stemmer costs most of the
/// search); words for an event or a quake by their class.
fn content(src: Analysed<'_>, k: usize) -> HashSet<String> {
    let span = src.segments[k].span;
    words(span.slice(src.text))
        .into_iter()
        .map(|w| fold(w.text(span.slice(src.text))))
        .filter(|w| {
            w.chars().count() > 2 && !src.lang.is_stop(w) && !w.chars().any(|c| c.is_ascii_digit())
        })
        .map(|w| {
            if let Some(class) = lookup(EVENTS, &w).or_else(|| lookup(QUAKE_WORDS, &w)) {
                return class.to_string();
            }
            let cut = ["ing", "ed", "es", "s"]
                .iter()
                .find_map(|end| w.strip_suffix(end).filter(|r| r.chars().count() >= 3));
            cut.map_or_else(|| w.clone(), str::to_string)
        })
        .collect()
}

/// The keys of a side's facts, each with the passages that hold it.
type Keys = HashMap<(FactKind, u64), Vec<usize>>;

/// Each key of a passage's facts, with the passages that hold it.
fn keys(src: Analysed<'_>) -> Keys {
    let mut out: HashMap<(FactKind, u64), Vec<usize>> = HashMap::new();
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
        for key in fact_keys(f) {
            let posting = out.entry((f.kind, key)).or_default();
            if posting.last() != Some(&seg) {
                posting.push(seg);
            }
        }
    }
    out
}

/// The keys one fact is found by (beside its kind): what a number measures, each run of
/// [`SHINGLE`] words of a quote, and for each longer word of a name its first two letters
/// and its last (a misspelt name keeps both).
fn fact_keys(f: &Fact) -> Vec<u64> {
    // Keys are hashed, not kept as strings: a long quote has a key per word.
    let hash = |parts: &[&str]| foldhash::fast::FixedState::default().hash_one(parts);
    let unit = || f.value.rsplit_once(' ').map_or("", |(_, u)| u);
    match f.kind {
        FactKind::Count => vec![hash(&[noun_key(unit()).as_str()])],
        FactKind::Money | FactKind::Quantity => vec![hash(&[unit()])],
        FactKind::Age | FactKind::Magnitude | FactKind::Percent | FactKind::Time => {
            vec![hash(&[])]
        }
        FactKind::Quote => {
            let words: Vec<&str> = f.value.split(' ').filter(|w| !w.is_empty()).collect();
            words.windows(SHINGLE).map(hash).collect()
        }
        FactKind::Entity => f
            .value
            .split(' ')
            .filter(|w| w.chars().count() >= 5)
            .map(|w| {
                let head = &w[..w.char_indices().nth(2).map_or(w.len(), |(k, _)| k)];
                let last = &w[w.char_indices().last().map_or(0, |(k, _)| k)..];
                hash(&[head, last])
            })
            .collect(),
        _ => Vec::new(),
    }
}
