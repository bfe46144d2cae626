//! Numbers compared by slot: ages, counts, sums, percentages, measurements and magnitudes.
//!
//! Each number is read as a range of values (its hedges and ranges taken in) in a slot:
//! what it measures (the counted noun and the words that qualify it, the currency, the
//! dimension of its unit, the shock a magnitude is of), the event it counts, whose it is, and
//! the words around it. Two numbers conflict when they fill one slot, no single value fits
//! both (a round figure may stand for a finer one it rounds; two peaks, "up to 40 cm" and
//! "up to 4 m", differ when a factor of two apart), and neither agrees with another number
//! of that slot on the other side.

mod read;

use super::amount::Amount;
use super::context::{Context, Scope, context};
use super::{Agreement, LinkSide, conflict};
use crate::facts::{Conflict, Fact, FactKind};
use crate::lexicon::{
    DIMENSION_NAMES, EVENT_NAMES, EVENTS, IRREGULAR_PLURALS, QUAKE_WORDS, lookup,
};
use crate::span::Span;
pub use read::noun_key;
use read::readings;

/// The most two magnitudes, one a side of a link, may differ to be taken for one quake's
/// with nothing else in common: what agencies measuring one quake differ by.
const ALONE_APART: f64 = 0.5;

/// How far apart two magnitudes (their nearest values) may be and still be taken for one
/// quake's on the numbers alone (see `same_slot`).
const MAGNITUDES_APART: f64 = 1.0;

/// How many times over each other two peaks of a measurement must be apart to differ (see
/// `Reading::fits`): a unit slipped, not two places' figures.
const PEAKS_APART: f64 = 2.0;

/// Words two sides must share around their one magnitude each, a point or more apart, for
/// the two to be one quake's: a verb and a place ("struck", "coast").
const ONE_QUAKE_WORDS: usize = 2;

/// The kinds compared here.
pub(super) const KINDS: [FactKind; 6] = [
    FactKind::Age,
    FactKind::Count,
    FactKind::Money,
    FactKind::Percent,
    FactKind::Quantity,
    FactKind::Magnitude,
];

/// One number as the comparer reads it.
struct Reading<'a> {
    fact: &'a Fact,
    /// The values it allows, in the base unit of its dimension.
    amount: Amount,
    /// Its words, hedges and range included ("at least 43 people").
    shown: Span,
    /// What it is a number of: the counted noun, the currency, the dimension.
    key: String,
    /// Another noun a count takes in ("135 homes and other buildings").
    also: Option<String>,
    /// Words that narrow what a count counts ("rushing" yards), sorted.
    mods: Vec<String>,
    /// The unit it is written in, for measurements.
    unit: String,
    /// How far it may stray, in base units, when set beside a value in another unit (its
    /// last written place: "six miles" is a rounded "10 km").
    slack: f64,
    /// A part of the count before it: "40 of them" in "85 people, 40 of them in Korbal".
    part: bool,
    /// How far an unhedged sum or count given in thousands or more may stand from a finer
    /// figure that rounds to it ("$1.5bn" and "$1.48bn"), in base units; 0 for others.
    rounding: f64,
    /// The most of a measurement that was seen ("gusts of up to 90 mph", "as many as 4
    /// metres"), not a limit ("under 20 mph", "no more than 5 metres"). Not counts: "up to
    /// 50 people" is often a round "as many as 48".
    peak: bool,
    /// A change or a difference ("rose by 5%", "30 mph over the limit"), not a level.
    change: Option<read::Change>,
    ctx: Context,
}

impl Reading<'_> {
    /// True when one true value fits both, allowing for rounding across units and for a
    /// figure rounded to its last written place; two peaks fit unless far apart.
    fn fits(&self, other: &Reading) -> bool {
        if opposite(self, other) {
            return false;
        }
        // Two peaks of a measurement ("snow drifts of up to 40 cm", "up to 4 m") each state
        // the most its source saw; but two close ones may be of two measures or places
        // ("winds of up to 70 mph", "gusts of up to 90 mph"; "up to 20cm in the north", "up
        // to 30cm on higher ground"), so only peaks a factor of two apart differ.
        if self.peak && other.peak {
            let (lo, hi) = (
                self.amount.hi.min(other.amount.hi),
                self.amount.hi.max(other.amount.hi),
            );
            return lo <= 0.0 || hi < PEAKS_APART * lo;
        }
        if self.unit == other.unit {
            // Two single figures: the coarser may be the finer one rounded ("$1.5bn",
            // "$1.48bn"), not the other way round ("$3 million" is no rounded "$3.5 million").
            let round = self.rounding.max(other.rounding);
            if round > 0.0 && self.amount.is_exact() && other.amount.is_exact() {
                return (self.amount.lo - other.amount.lo).abs() <= round;
            }
            // Against a figure that is not exact (hedged, or a range), a round one stands for
            // any it may round ("$1.5bn", "about $1.48bn"); `rounding` is 0 for hedged ones.
            if round > 0.0 {
                let widen = |r: &Reading| Amount {
                    lo: r.amount.lo - r.rounding,
                    hi: r.amount.hi + r.rounding,
                };
                return widen(self).fits(&widen(other));
            }
            return self.amount.fits(&other.amount);
        }
        let wide = |r: &Reading| Amount {
            lo: r.amount.lo - r.slack,
            hi: r.amount.hi + r.slack,
        };
        wide(self).fits(&wide(other))
    }
}

/// Conflicts between the numbers of two sides of a link (to `out`), and the numbers of one
/// slot that one value fits though they are worded apart (to `agree`, as a flag would name
/// them: see [`super::Compared::fitting`]).
pub fn compare(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>, agree: &mut Vec<Conflict>) {
    for kind in KINDS {
        compare_kind(a, b, kind, out, agree);
    }
}

/// Conflicts between the numbers of one kind of two sides of a link (to `out`), and the
/// numbers of one slot that one value fits though they are worded apart (to `agree`, with
/// the stretches of A and B that state them, "10 to 40 centimeters" and "25 centimeters",
/// and their slot).
pub fn compare_kind(
    a: &LinkSide,
    b: &LinkSide,
    kind: FactKind,
    out: &mut Vec<Conflict>,
    agree: &mut Vec<Conflict>,
) {
    if !a.has(kind) || !b.has(kind) {
        return;
    }
    let (ra, rb) = (readings(a, kind), readings(b, kind));
    // A value the other side also states (or gives rounded) is no conflict, whatever its
    // slot there, unless both hedge it so that no value fits both ("more than 1,000" and
    // "nearly 1,000"; a bare "$1 million" against "more than $1 million" is a round
    // figure), or one is a part ("40 of them") and the other a count of its own ("40
    // people"): their slots decide.
    // A count written without its noun ("… and 30 were arrested") counts what its sentence
    // counts: it states its number for a count of any noun on the other side.
    let unnamed = |side: &LinkSide, rs: &[Reading]| -> Vec<bool> {
        rs.iter()
            .map(|r| {
                kind == FactKind::Count
                    && (side.words(r.fact.span).chars()).all(|c| c.is_ascii_digit() || c == ',')
            })
            .collect()
    };
    let (unnamed_a, unnamed_b) = (unnamed(a, &ra), unnamed(b, &rb));
    let stated = |r: &Reading, r_unnamed: bool, other: &[Reading], others_unnamed: &[bool]| {
        other.iter().zip(others_unnamed).any(|(o, &o_unnamed)| {
            let same_number =
                (r_unnamed || o_unnamed) && o.amount.is_exact() && o.amount == r.amount;
            // A figure the other gives rounded is stated too ("$58.2 million" / "$58m").
            let rounded = o.key == r.key
                && (o.rounding > 0.0 || r.rounding > 0.0)
                && o.amount.is_exact()
                && r.amount.is_exact()
                && o.fits(r);
            (o.fact.value == r.fact.value || same_number || rounded)
                && o.part == r.part
                && !opposite(o, r)
                && (o.fits(r) || o.amount.is_exact() || r.amount.is_exact())
        })
    };
    let (keep_a, keep_b): (Vec<bool>, Vec<bool>) = (
        (ra.iter().zip(&unnamed_a))
            .map(|(r, &u)| !stated(r, u, &rb, &unnamed_b))
            .collect(),
        (rb.iter().zip(&unnamed_b))
            .map(|(r, &u)| !stated(r, u, &ra, &unnamed_a))
            .collect(),
    );
    let (ra, rb) = (kept(ra, keep_a), kept(rb, keep_b));
    if ra.is_empty() || rb.is_empty() {
        return;
    }
    let (ra, rb) = (with_context(a, ra), with_context(b, rb));
    if ra.is_empty() || rb.is_empty() {
        return;
    }
    let alone = ra.len() == 1 && rb.len() == 1;
    let slots: Vec<Vec<Option<usize>>> = ra
        .iter()
        .map(|x| rb.iter().map(|y| same_slot(kind, x, y, alone)).collect())
        .collect();
    // A number that agrees with some number of its slot on the other side is no conflict.
    let agreed = Agreement::new(ra.len(), rb.len(), |i, j| {
        slots[i][j].is_some() && ra[i].fits(&rb[j]) && !one_number(&ra[i], &rb[j])
    });
    agree.extend(agreed.pairs.iter().map(|&(i, j)| {
        let (x, y) = (&ra[i], &rb[j]);
        let mut c = conflict(kind, a.words(x.shown), b.words(y.shown), x.shown, y.shown);
        c.slot = label(kind, x, y);
        c
    }));
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, row) in slots.iter().enumerate() {
        for (j, slot) in row.iter().enumerate() {
            if let Some(affinity) = *slot
                && agreed.neither(i, j)
            {
                pairs.push((affinity, i, j));
            }
        }
    }
    // A count the other side also writes without a noun ("by 312 votes to 198" against
    // "198 votes against and 312 in favour") may be that side's count of this slot.
    let untyped = |r: &Reading, other: &LinkSide| {
        kind == FactKind::Count && r.amount.is_exact() && other.bare_number(r.amount.lo)
    };
    for (i, j) in super::one_to_one(pairs, ra.len(), rb.len()) {
        let (x, y) = (&ra[i], &rb[j]);
        if untyped(x, b) || untyped(y, a) {
            continue;
        }
        // A rise against a fall shows its verbs: "A says grew by 0.3%, B says shrank by 0.3%".
        let with_verb = |r: &Reading| match r.change.and_then(|c| c.verb) {
            Some(at) if opposite(x, y) => Span::new(at, r.shown.end),
            _ => r.shown,
        };
        let (sx, sy) = (with_verb(x), with_verb(y));
        let mut c = conflict(kind, a.words(sx), b.words(sy), sx, sy);
        if kind == FactKind::Age {
            // An age is a value, not a phrase: "56" and "62", not "the 62-year-old"; a
            // decade as its words say it ("in his 40s").
            let shown = |r: &Reading, side: &LinkSide| match r.amount.is_exact() {
                true => r.fact.value.clone(),
                false => side.words(r.shown),
            };
            c.a = shown(x, a);
            c.b = shown(y, b);
            // The offsets follow: where the value stands inside the phrase.
            c.a_span = a.within(&c.a, c.a_span);
            c.b_span = b.within(&c.b, c.b_span);
        }
        c.slot = label(kind, x, y);
        out.push(c);
    }
}

/// True when one reading is a rise and the other a fall, which no value makes one ("grew by
/// 0.3%", "shrank by 0.3%"), unless both are nothing.
fn opposite(x: &Reading, y: &Reading) -> bool {
    matches!((x.change, y.change), (Some(p), Some(q)) if p.way * q.way < 0)
        && (x.amount.hi > 0.0 || y.amount.hi > 0.0)
}

/// The items of `items` whose flag in `keep` is set.
fn kept<T>(items: Vec<T>, keep: Vec<bool>) -> Vec<T> {
    (items.into_iter().zip(keep))
        .filter_map(|(x, k)| k.then_some(x))
        .collect()
}

/// The readings with what they are about, time stamps left out. Apart from [`readings`]
/// because most numbers of a link are stated alike on both sides and need no context.
fn with_context<'a>(side: &LinkSide<'a>, rs: Vec<Reading<'a>>) -> Vec<Reading<'a>> {
    rs.into_iter()
        .map(|mut r| {
            r.ctx = context(side.src, r.fact);
            r
        })
        .filter(|r| !r.ctx.stamp)
        .collect()
}

/// How strongly two readings fill one slot, or `None` when they fill two. `alone` when
/// each side has only this one number of the kind.
fn same_slot(kind: FactKind, x: &Reading, y: &Reading, alone: bool) -> Option<usize> {
    let counts = |r: &Reading, k: &str| r.key == k || r.also.as_deref() == Some(k);
    if !(counts(x, &y.key) || y.also.as_deref().is_some_and(|k| counts(x, k)) || one_number(x, y))
        || x.mods != y.mods
        || x.change.is_some() != y.change.is_some()
    {
        return None;
    }
    if x.ctx.owned_apart(&y.ctx) {
        return None;
    }
    if let (Some(p), Some(q)) = (x.ctx.quake, y.ctx.quake)
        && p != q
    {
        return None;
    }
    // Two sides of a crime are two people; a night's low and a day's high two readings;
    // sales and profits two figures; a speed limit is no speed ("caught at 112mph" where
    // "the limit is 70mph").
    let apart = |p: Option<&str>, q: Option<&str>| matches!((p, q), (Some(p), Some(q)) if p != q);
    if apart(x.ctx.role, y.ctx.role)
        || apart(x.ctx.period, y.ctx.period)
        || apart(x.ctx.measure, y.ctx.measure)
        || (x.key == "speed" && x.ctx.limit != y.ctx.limit)
    {
        return None;
    }
    // An age at a moment is compared with an age at that moment only: "his debut at the
    // age of 19" is no clash with "the 82-year-old actor died"; "died at the age of 82"
    // is with "the 81-year-old died".
    let at = |p: &Reading, q: &Reading| {
        p.ctx.moment.as_ref().is_none_or(|m| {
            !m.is_empty() && (q.ctx.event == Some(m.as_str()) || q.ctx.moment.as_ref() == Some(m))
        })
    };
    if !at(x, y) || !at(y, x) {
        return None;
    }
    // A part and its whole are two tallies: the dead "in Indonesia's Aceh province" and
    // those "across Asia".
    if x.ctx.scope.part_and_whole(y.ctx.scope) {
        return None;
    }
    // A part of a total ("40 of them") is one slot with a count of one place only: "the
    // storm killed 40 people" is a total, to be set against the other total.
    let whole = |p: &Reading, q: &Reading| p.part && !q.part && q.ctx.scope != Scope::One;
    if whole(x, y) || whole(y, x) {
        return None;
    }
    if kind == FactKind::Magnitude {
        // Every magnitude stands by a quake, and a quake kills: only other words tell two
        // quakes' magnitudes from one's ("struck", "measured").
        let shared = x
            .ctx
            .words
            .intersection(&y.ctx.words)
            .filter(|w| {
                !EVENTS.iter().any(|(_, e)| e == w) && !QUAKE_WORDS.iter().any(|(_, q)| q == w)
            })
            .count();
        // Agencies measuring one quake differ by tenths; magnitudes a whole point apart
        // (a 7.5 main shock, a 6.1 aftershock days later) are of two quakes, unless each
        // side has only this one, of the same kind of shock, told in the same words and
        // not set after or before another moment ("a magnitude 7.1 quake struck off the
        // coast" / "a magnitude 6.0 quake struck off the coast"; not "… two weeks later").
        let apart = (x.amount.lo - y.amount.hi).max(y.amount.lo - x.amount.hi);
        if apart > MAGNITUDES_APART {
            let one_moment = !x.ctx.shifted && !y.ctx.shifted;
            return (alone
                && one_moment
                && x.ctx.quake == y.ctx.quake
                && shared >= ONE_QUAKE_WORDS)
                .then_some(shared);
        }
        // One magnitude a side, tenths apart, in one link is one quake's, though the
        // verbs differ ("struck" / "hit").
        let tenths = (x.amount.lo - y.amount.hi).max(y.amount.lo - x.amount.hi) <= ALONE_APART;
        return (shared > 0 || (alone && tenths)).then_some(shared);
    }
    // A word for the quake does not say what a measurement measures: the epicentre's
    // distance, the depth and how far away it was felt all stand by "quake".
    let telling =
        |w: &&String| kind != FactKind::Quantity || !QUAKE_WORDS.iter().any(|(_, q)| q == *w);
    let shared = x
        .ctx
        .words
        .intersection(&y.ctx.words)
        .filter(telling)
        .count();
    // The word right beside a number says most what it is ("a depth of 35 km"): shared
    // there, it counts thrice, so "depth" beats a verb both clauses have ("struck").
    let close = x
        .ctx
        .nearest
        .intersection(&y.ctx.nearest)
        .filter(telling)
        .count();
    let shared = shared + 2 * close;
    match (x.ctx.event, y.ctx.event) {
        (Some(p), Some(q)) if p != q => None,
        (Some(_), Some(_)) => Some(10 + shared),
        _ if shared > 0 => Some(shared),
        // One age a side is one person's, unless one is of someone a name has ("his son").
        // Nor when one is an age at some moment ("his debut at the age of 19").
        _ if alone
            && kind == FactKind::Age
            && ![x, y]
                .iter()
                .any(|r| r.ctx.possessed || r.ctx.moment.is_some()) =>
        {
            Some(0)
        }
        _ => None,
    }
}

/// True when two readings state one number in two units, so that one of them has the unit
/// wrong: one sum, or one range, in two currencies ("£300 million" and "€300 million",
/// "$2-3 million" and "£2-3 million"; sums in two currencies are otherwise of two slots, for
/// one may be the other converted), or one measure in two units, bounds alike ("up to 120
/// km/h" and "up to 120 mph": even as limits, not peaks, both would fit any lower speed).
fn one_number(x: &Reading, y: &Reading) -> bool {
    match x.fact.kind {
        FactKind::Money => {
            // Two currencies, paid per the same length of time (see `read::rate_after`).
            let rate = |r: &Reading| r.key.split_once(" per ").map(|(_, per)| per.to_string());
            x.key != y.key
                && rate(x) == rate(y)
                && x.amount.lo.is_finite()
                && x.amount.hi.is_finite()
                && x.amount == y.amount
        }
        FactKind::Quantity => {
            let number = |r: &Reading| r.fact.value.split_once(' ').map(|(n, _)| n.to_string());
            let bounds = |r: &Reading| (r.amount.lo.is_finite(), r.amount.hi.is_finite());
            x.key == y.key
                && x.unit != y.unit
                && number(x).is_some()
                && number(x) == number(y)
                && bounds(x) == bounds(y)
        }
        _ => false,
    }
}

/// True when two folded names are one: equal, or one's words all in the other ("halden",
/// "marta halden"), a word standing for another by its initial ("s. whitfield", "sarah
/// whitfield") or spelt a little differently ("zelensky", "zelenskyy"; the spelling is
/// flagged on its own, see [`super::names::spellings`]), or written as its initials ("un",
/// "united nations"; "fbi", "federal bureau of investigation").
pub fn same_name(p: &str, q: &str) -> bool {
    let (wp, wq): (Vec<&str>, Vec<&str>) = (
        p.split_whitespace().collect(),
        q.split_whitespace().collect(),
    );
    let within = |x: &[&str], y: &[&str]| x.iter().all(|w| y.iter().any(|v| same_word(w, v)));
    within(&wp, &wq) || within(&wq, &wp) || initials_of(&wp, &wq) || initials_of(&wq, &wp)
}

/// True when `short` is one word (after an article), two to six letters, that spells the
/// initials of the words of `long`, with or without its small words ("of", "the"): "un" of
/// "united nations", "doj" of "department of justice", "fbi" of "federal bureau of
/// investigation". A word of two letters may stand whole ("ukhsa" of "uk health security
/// agency"), and the initials may stop at "and" ("cdc" of "centers for disease control and
/// prevention").
fn initials_of(short: &[&str], long: &[&str]) -> bool {
    let short: Vec<&str> = short.iter().copied().filter(|w| *w != "the").collect();
    let long: Vec<&str> = long.iter().copied().filter(|w| *w != "the").collect();
    let [word] = short.as_slice() else {
        return false;
    };
    let letters = word.replace('.', "");
    if long.len() < 2
        || !(2..=6).contains(&letters.chars().count())
        || !letters.chars().all(char::is_alphabetic)
    {
        return false;
    }
    let small = |w: &str| matches!(w, "of" | "for" | "and" | "on" | "in" | "to");
    let before_and = long
        .iter()
        .position(|w| *w == "and")
        .map_or(long.len(), |k| k);
    let initials = |skip: bool, whole_short: bool, upto: usize| -> String {
        long[..upto]
            .iter()
            .filter(|w| !(skip && small(w)))
            .map(|w| {
                let first = w.chars().next().map(String::from).unwrap_or_default();
                if whole_short && w.chars().count() == 2 && !small(w) {
                    w.to_string()
                } else {
                    first
                }
            })
            .collect()
    };
    [true, false].into_iter().any(|skip| {
        [false, true].into_iter().any(|whole| {
            [long.len(), before_and]
                .into_iter()
                .any(|upto| upto >= 2 && letters == initials(skip, whole, upto))
        })
    })
}

/// True when two folded words of names are one (see [`same_name`]).
fn same_word(p: &str, q: &str) -> bool {
    // "j.k." is "jk"; "8.1" is no "81" (a number is no initial, and its point counts).
    let bare = |w: &str| {
        if w.starts_with(char::is_alphabetic) {
            w.replace('.', "")
        } else {
            w.to_string()
        }
    };
    let (bp, bq) = (bare(p), bare(q));
    let initial = |i: &str, w: &str| {
        i.chars().count() == 1
            && i.starts_with(char::is_alphabetic)
            && w.len() > 1
            && w.starts_with(i)
    };
    bp == bq
        || initial(&bp, &bq)
        || initial(&bq, &bp)
        || (bp.chars().chain(bq.chars()).all(char::is_alphabetic)
            && bp.chars().count().min(bq.chars().count()) >= 5
            && bp.chars().next() == bq.chars().next()
            && crate::facts::attributions::edit_distance(&bp, &bq) <= 2)
}

/// The slot in words: "Killed", "Age of Halden", "Distance", "Magnitude".
fn label(kind: FactKind, x: &Reading, y: &Reading) -> String {
    let owner = x.ctx.owner_text.as_ref().or(y.ctx.owner_text.as_ref());
    match kind {
        FactKind::Age => owner.map_or_else(|| "Age".to_string(), |o| format!("Age of {o}")),
        FactKind::Count => {
            if let Some(e) = x.ctx.event.or(y.ctx.event) {
                return lookup(EVENT_NAMES, e).unwrap_or("Number").to_string();
            }
            let noun = x.fact.value.rsplit_once(' ').map_or("", |(_, n)| n);
            let mut what = x.mods.join(" ");
            if !what.is_empty() {
                what.push(' ');
            }
            format!("Number of {what}{}", plural(noun))
        }
        FactKind::Money => "Sum".to_string(),
        FactKind::Percent => "Percentage".to_string(),
        FactKind::Quantity => lookup(DIMENSION_NAMES, &x.key)
            .unwrap_or("Amount")
            .to_string(),
        FactKind::Magnitude => match x.ctx.quake.or(y.ctx.quake) {
            Some("aftershock") => "Magnitude of the aftershock".to_string(),
            Some("foreshock") => "Magnitude of the foreshock".to_string(),
            _ => "Magnitude".to_string(),
        },
        _ => kind.label().to_string(),
    }
}

/// A counted noun's key in the plural, as a label reads it.
fn plural(noun: &str) -> String {
    if noun.is_empty()
        || noun.ends_with('s')
        || noun.ends_with("en")
        || IRREGULAR_PLURALS.contains(&noun)
    {
        noun.to_string()
    } else if let Some(stem) = noun.strip_suffix('y')
        && stem.ends_with(|c: char| c.is_alphabetic() && !"aeiou".contains(c))
    {
        // "family" (the key of "families"), not "familys"; "day" keeps its "y".
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    }
}
