//! Numbers as the comparer reads them: a fact's value in its dimension's base unit, with
//! its hedges, the range it opens or closes, and what it is a number of.

use super::Reading;
use crate::facts::compare::LinkSide;
use crate::facts::compare::amount::{self, Amount, Tolerance};
use crate::facts::compare::context::Context;
use crate::facts::numbers::{parse_number, plain_digits};
use crate::facts::{Fact, FactKind};
use crate::lexicon::{
    Hedge, MULTIPLIERS, NEUTRAL_MODIFIERS, PEOPLE_NOUNS, lookup, number_word, unit_scale,
};
use crate::span::Span;
use crate::text::Language;

/// How far a share in words ("a third", "half", "nine in ten") may stand from the exact
/// fraction, as a share of the smaller of itself and the rest: "half" is 45 to 55%, "a
/// third" 30 to 37%, "nine in ten" 89 to 91% (a share near the whole is said as closely as
/// one near nothing).
const SHARE_IN_WORDS: f64 = 0.1;

/// How many points either side "about" allows a percentage at most.
const PERCENT_POINTS: f64 = 5.0;

/// The numbers of `kind` on one side, ranges joined ("$140 million to $160 million").
pub(super) fn readings<'a>(side: &LinkSide<'a>, kind: FactKind) -> Vec<Reading<'a>> {
    let text = side.src.text;
    let mut out: Vec<Reading<'a>> = Vec::new();
    for f in side.of(kind) {
        let Some((v, key)) = value(kind, f) else {
            continue;
        };
        // A sum paid per week is of another slot than one paid once: "£90,000 a week" is
        // no clash with a "£18m" fee.
        let key = match rate_after(text, f.span.end) {
            Some(per) if kind == FactKind::Money => format!("{key} per {per}"),
            _ => key,
        };
        let tol = match kind {
            FactKind::Magnitude => Tolerance::Absolute(0.3),
            FactKind::Percent => Tolerance::StatedWithin(PERCENT_POINTS),
            _ => Tolerance::Stated,
        };
        let before = amount::hedge_before(text, f.span.start);
        let after = amount::hedge_after(text, f.span.end);
        let hedge = before.map(|h| h.0).or(after.map(|h| h.0));
        // A share in words is already a round figure (see below): "about a third" is as
        // vague as "a third", not five points wider.
        let written = f.span.slice(text).to_lowercase();
        let in_words = !["%", "cent", "prozent"].iter().any(|p| written.contains(p));
        let share_in_words = kind == FactKind::Percent && in_words;
        let bent = if share_in_words && hedge == Some(Hedge::About) {
            None
        } else {
            hedge
        };
        let mut amt = match v {
            // A measurement's hedge reads its number as written, then the unit converts
            // it: "about 20 mph" is 17 to 23 mph, not "about 32.19 km/h".
            Value::Exact(_) if kind == FactKind::Quantity => {
                let n = f
                    .value
                    .split_once(' ')
                    .and_then(|(n, _)| n.parse::<f64>().ok());
                let a = amount::bend(n.unwrap_or(0.0), bent, tol);
                Amount {
                    lo: to_base(kind, f, a.lo),
                    hi: to_base(kind, f, a.hi),
                }
            }
            Value::Exact(v) => amount::bend(v, bent, tol),
            Value::Vague(r) => match hedge {
                Some(Hedge::AtLeast | Hedge::Over) => Amount {
                    lo: r.lo,
                    hi: f64::INFINITY,
                },
                _ => r,
            },
        };
        // A share in words is a round figure (see [`SHARE_IN_WORDS`]); as a bound it is as
        // said ("more than half" is over 50%).
        if share_in_words && amt.lo.is_finite() && amt.hi.is_finite() {
            let width = |v: f64| SHARE_IN_WORDS * v.min(100.0 - v).max(0.0);
            amt = Amount {
                lo: amt.lo - width(amt.lo),
                hi: amt.hi + width(amt.hi),
            };
        }
        // "a magnitude 7 quake" may round 7.4 down: a whole magnitude allows its tenths.
        if kind == FactKind::Magnitude
            && hedge.is_none()
            && !f.span.slice(text).contains(['.', ','])
        {
            amt = Amount {
                lo: amt.lo - 0.5,
                hi: amt.hi + 0.95,
            };
        }
        let mut shown = amount::widen(f.span, before.map(|h| h.1), after.map(|h| h.1));
        // The lower end of a range written just before: "140 to 160 people".
        if before.is_none()
            && let Some((lo, from)) = amount::range_start(text, f.span.start)
            && let Some(lo) = lower_bound(kind, f, &lo, amt, text, side.src.lang)
        {
            amt = Amount {
                lo: lo.min(amt.lo),
                hi: amt.hi.max(lo),
            };
            shown = Span::new(from, shown.end);
        }
        // A range whose lower end is the reading before ("$10 and $20", "$10 to $20": the
        // "$10" was read as a sum of its own too) is one reading, as the "to" below joins
        // them: the first stays, so that the words around the range are its own.
        if let Some(prev) = out.last_mut()
            && prev.key == key
            && shown.start <= prev.shown.start
        {
            prev.amount = prev.amount.span(&amt);
            prev.shown = Span::new(shown.start, shown.end);
            continue;
        }
        // The same kind again right after "to": "$140 million to $160 million"; not a change
        // from one value to another ("rose from 5% to 10%"), nor a change and the level it
        // reached ("cut by 10 mph to 60 mph").
        if let Some(prev) = out.last_mut()
            && let Some(from) = joins(text, prev.shown.end, shown.start)
                .then_some(prev.shown.start)
                .or_else(|| between(text, prev.shown, shown.start))
            && prev.key == key
            && !amount::word_before(text, prev.shown.start, "from")
            && prev.change.is_none()
        {
            prev.amount = prev.amount.span(&amt);
            prev.shown = Span::new(from, shown.end);
            continue;
        }
        // A bound is a level: "fell below 30%".
        let change = (kind != FactKind::Age
            && matches!(hedge, None | Some(Hedge::About | Hedge::Nearly)))
        .then(|| change_at(text, shown))
        .flatten();
        // A change of 18 °F is one of 10 °C: degrees, not a reading, so without the offset.
        if change.is_some() && kind == FactKind::Quantity && f.value.ends_with(" °F") {
            amt = Amount {
                lo: amt.lo + 32.0 * 5.0 / 9.0,
                hi: amt.hi + 32.0 * 5.0 / 9.0,
            };
        }
        let mods = if kind == FactKind::Count {
            modifiers(text, f)
        } else {
            Vec::new()
        };
        let (unit, slack) = if kind == FactKind::Quantity {
            let (n, u) = f.value.split_once(' ').unwrap_or(("", ""));
            let n: f64 = n.parse().unwrap_or(0.0);
            let per = if u == "°F" {
                5.0 / 9.0
            } else {
                unit_factor(kind, f)
            };
            (u.to_string(), amount::rounding(n) * per)
        } else {
            (String::new(), 0.0)
        };
        let also = (kind == FactKind::Count)
            .then(|| also_counted(text, f.span.end))
            .flatten();
        out.push(Reading {
            fact: f,
            amount: amt,
            shown,
            key,
            also,
            mods,
            unit,
            slack,
            part: kind == FactKind::Count && crate::facts::counts::is_part(text, f.span),
            peak: kind == FactKind::Quantity
                && before.is_some_and(|(_, at)| {
                    let phrase = text[at..f.span.start].trim().to_lowercase();
                    matches!(phrase.as_str(), "up to" | "as many as" | "bis zu")
                }),
            rounding: if hedge.is_none() && matches!(kind, FactKind::Money | FactKind::Count) {
                rounding(f, text, side.src.lang)
            } else {
                0.0
            },
            change,
            // Read later, for the numbers still in question (see `with_context`).
            ctx: Context::default(),
        });
    }
    out
}

/// The length of time a sum right before `at` is paid per, folded ("a week", "per year",
/// "an hour", "annually").
fn rate_after(text: &str, at: usize) -> Option<&'static str> {
    const PERIODS: [&str; 6] = ["hour", "day", "week", "month", "year", "annum"];
    const ADVERBS: [(&str, &str); 5] = [
        ("hourly", "hour"),
        ("daily", "day"),
        ("weekly", "week"),
        ("monthly", "month"),
        ("annually", "year"),
    ];
    let mut words = text[at..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let first = words.next()?;
    if let Some(&(_, per)) = ADVERBS.iter().find(|(w, _)| *w == first) {
        return Some(per);
    }
    if !["a", "an", "per", "each", "every"].contains(&first.as_str()) {
        return None;
    }
    let second = words.next()?;
    // "£18m a year ago" is a sum paid then.
    let then = words
        .next()
        .is_some_and(|w| ["ago", "earlier", "later"].contains(&w.as_str()));
    PERIODS
        .iter()
        .find(|p| **p == second)
        .filter(|_| !then)
        .copied()
}

/// A number as stated: one value, or the range an amount in words allows.
enum Value {
    Exact(f64),
    Vague(Amount),
}

/// The value of a fact in its dimension's base unit, and what it is a number of.
fn value(kind: FactKind, f: &Fact) -> Option<(Value, String)> {
    let v = &f.value;
    let num = |s: &str| s.parse::<f64>().ok();
    match kind {
        FactKind::Age => {
            let val = match num(v) {
                Some(x) => Value::Exact(x),
                None => Value::Vague(decade(v)?),
            };
            Some((val, String::new()))
        }
        FactKind::Magnitude => Some((Value::Exact(num(v)?), String::new())),
        FactKind::Percent => Some((Value::Exact(num(v.trim_end_matches('%'))?), String::new())),
        FactKind::Money => {
            let (n, cur) = v.rsplit_once(' ')?;
            Some((Value::Exact(num(n)?), cur.to_string()))
        }
        FactKind::Quantity => {
            let (n, unit) = v.split_once(' ')?;
            let (dim, _) = unit_scale(unit)?;
            Some((Value::Exact(to_base(kind, f, num(n)?)), dim.to_string()))
        }
        FactKind::Count => {
            let (n, noun) = v.rsplit_once(' ')?;
            let val = match num(n) {
                Some(x) => Value::Exact(x),
                None => Value::Vague(amount::vague(n)?),
            };
            Some((val, noun_key(noun)))
        }
        _ => None,
    }
}

/// The years an age given as a decade allows: "40s" 40 to 49, "early 60s" 60 to 63, "mid
/// 60s" 63 to 67, "late 60s" 66 to 69.
fn decade(value: &str) -> Option<Amount> {
    let (part, tens) = value.rsplit_once(' ').unwrap_or(("", value));
    let lo: f64 = tens.strip_suffix('s')?.parse().ok()?;
    let (from, to) = match part {
        "early" => (0.0, 3.0),
        "mid" => (3.0, 7.0),
        "late" => (6.0, 9.0),
        _ => (0.0, 9.0),
    };
    Some(Amount {
        lo: lo + from,
        hi: lo + to,
    })
}

/// What one of a fact's units is worth in its dimension's base unit (1 but for quantities).
fn unit_factor(kind: FactKind, f: &Fact) -> f64 {
    if kind != FactKind::Quantity {
        return 1.0;
    }
    let unit = f.value.split_once(' ').map_or("", |(_, u)| u);
    unit_scale(unit).map_or(1.0, |(_, k)| k)
}

/// A number of `f`'s unit in its dimension's base unit: degrees Fahrenheit shifted and
/// scaled to Celsius, other units by their factor (numbers of other kinds as they are).
fn to_base(kind: FactKind, f: &Fact, n: f64) -> f64 {
    if kind == FactKind::Quantity && f.value.ends_with(" °F") {
        (n - 32.0) * 5.0 / 9.0
    } else {
        n * unit_factor(kind, f)
    }
}

/// The number a fact's words start with, as written ("160" in "$160 million", "three" in
/// "three million people", "1.5" in "US$1.5bn").
fn written(words: &str, lang: Language) -> Option<f64> {
    parse_number(written_str(words), lang)
}

/// The characters of the number a fact's words start with (see [`written`]).
fn written_str(words: &str) -> &str {
    let t = words.trim_start_matches(|c: char| !c.is_alphanumeric());
    // A currency's letters before its sign ("US$", "HK$", "A$") are no number in words.
    let t = match t.trim_start_matches(char::is_alphabetic) {
        rest if rest.len() < t.len()
            && rest.starts_with(|c: char| !c.is_alphanumeric() && !c.is_whitespace()) =>
        {
            rest.trim_start_matches(|c: char| !c.is_alphanumeric())
        }
        _ => t,
    };
    let end = if t.starts_with(|c: char| c.is_ascii_digit()) {
        t.find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.')))
    } else {
        t.find(|c: char| !c.is_alphabetic())
    };
    t[..end.unwrap_or(t.len())].trim_end_matches(['.', ','])
}

/// Half the last place of a number written in digits ("1.5": 0.05, "25": 0.5, "1.0":
/// 0.05), when it has two significant digits or more; zeros that end a whole number count
/// as significant up to the second digit ("20": 0.5, "100": 5). "$1bn" or "$3 million" is
/// no rounded "$1.4bn" or "$3.4 million", where "$1.5bn" may be a rounded "$1.48bn".
fn half_last_place(digits: &str, lang: Language) -> Option<f64> {
    let plain = plain_digits(digits, lang);
    let (whole, decimals) = plain.split_once('.').unwrap_or((&plain, ""));
    if !(whole.chars().chain(decimals.chars())).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    if !decimals.is_empty() {
        let significant = whole.len() + decimals.len();
        let significant = if whole.is_empty() {
            decimals.trim_start_matches('0').len()
        } else {
            significant
        };
        return (significant >= 2).then(|| 0.5 * 10f64.powi(-(decimals.len() as i32)));
    }
    if whole.len() < 2 {
        return None;
    }
    // A whole number's zeros count up to its second digit, as `amount::rounding` reads them.
    whole.parse::<f64>().ok().map(amount::rounding)
}
/// The scale (a thousand, a million…) a fact's value carries beyond its number as written:
/// 1e6 for "$160 million", 1 for "160 people".
fn scale(f: &Fact, text: &str, lang: Language) -> f64 {
    let Some(stated) = f
        .value
        .split(' ')
        .next()
        .and_then(|n| n.trim_end_matches('%').parse::<f64>().ok())
    else {
        return 1.0;
    };
    match written(f.span.slice(text), lang) {
        Some(w) if w > 0.0 && stated / w >= 999.0 => {
            10f64.powi((stated / w).log10().round() as i32)
        }
        _ => 1.0,
    }
}

/// Share of half its last written place that a sum or count given in thousands, millions
/// or billions may stand from a value written more finely: just under half, so that "£61
/// million" and "£62 million" still clash.
const ROUNDED: f64 = 0.98;

/// How far a sum or count `f` written without a hedge may stand from a value the other side
/// writes more finely, in base units: when it is given in thousands, millions or billions
/// with at least two significant digits ("$1.5bn", "£61 million", "1.2 million people"),
/// just under half its last written place, as outlets round the figure another gives
/// ("$1.48bn", "£60.9 million"); else 0 (a sum in units, "$15" against "$15.50", is exact,
/// and "$3 million" is no rounded "$3.4 million").
fn rounding(f: &Fact, text: &str, lang: Language) -> f64 {
    let k = scale(f, text, lang);
    match half_last_place(written_str(f.span.slice(text)), lang) {
        Some(half) if k >= 1000.0 => half * k * ROUNDED,
        _ => 0.0,
    }
}

/// The lower end of a range whose upper end is `f` (read as `upper`), from its number as
/// written `lo`, in the base unit `upper` is in. It takes the upper end's scale only when
/// that end names one and is bounded: "$140 to $160 million" is 140 to 160 million, while
/// "between 5 and 5000 people" starts at 5 and "10 to 20% or more" at 10.
fn lower_bound(
    kind: FactKind,
    f: &Fact,
    lo: &str,
    upper: Amount,
    text: &str,
    lang: Language,
) -> Option<f64> {
    let n = parse_number(lo, lang).or_else(|| number_word(&lo.to_lowercase()).map(|v| v as f64))?;
    let k = if upper.hi.is_finite() {
        scale(f, text, lang)
    } else {
        1.0
    };
    Some(to_base(kind, f, n * k))
}

/// Words of change and which way each goes (1 up, -1 down), and whether a number may
/// follow without "by" ("rose 5%"; "cut 300 jobs" counts jobs, so "cut" needs "by").
const CHANGE_WORDS: &[(&str, i8, bool)] = &[
    ("boosted", 1, false),
    ("climbed", 1, true),
    ("climbs", 1, true),
    ("cut", -1, false),
    ("declined", -1, true),
    ("declines", -1, true),
    ("decreased", -1, true),
    ("down", -1, true),
    ("dropped", -1, true),
    ("drops", -1, true),
    ("expanded", 1, false),
    ("extended", 1, false),
    ("fallen", -1, true),
    ("falls", -1, true),
    ("fell", -1, true),
    ("gained", 1, false),
    ("grew", 1, true),
    ("grown", 1, true),
    ("increased", 1, true),
    ("jumped", 1, true),
    ("lengthened", 1, false),
    ("lost", -1, false),
    ("lowered", -1, false),
    ("narrowed", -1, false),
    ("plunged", -1, true),
    ("raised", 1, false),
    ("reduced", -1, true),
    ("rises", 1, true),
    ("risen", 1, true),
    ("rose", 1, true),
    ("shortened", -1, false),
    ("shrank", -1, true),
    ("slashed", -1, false),
    ("slipped", -1, true),
    ("slumped", -1, true),
    ("soared", 1, true),
    ("surged", 1, true),
    ("trimmed", -1, false),
    ("tumbled", -1, true),
    ("up", 1, true),
    ("widened", 1, false),
    // German, each before "um" ("wuchs um 0,3 Prozent").
    ("erhöht", 1, false),
    ("fiel", -1, false),
    ("gesenkt", -1, false),
    ("sank", -1, false),
    ("schrumpfte", -1, false),
    ("stieg", 1, false),
    ("wuchs", 1, false),
];

/// Words right after a number that make it a change: "7% higher", "a 7% rise".
const CHANGE_AFTER: &[(&str, i8)] = &[
    ("cut", -1),
    ("decline", -1),
    ("decrease", -1),
    ("drop", -1),
    ("fall", -1),
    ("gain", 1),
    ("higher", 1),
    ("increase", 1),
    ("jump", 1),
    ("lower", -1),
    ("rise", 1),
];

/// What a difference is measured from, after "over", "above", "below" or "under": "30 mph
/// over the limit", "2C above normal" ("40 over the weekend" is no difference).
const REFERENCES: &[&str] = &[
    "average",
    "estimate",
    "estimates",
    "expectations",
    "expected",
    "forecast",
    "forecasts",
    "level",
    "limit",
    "normal",
    "previous",
    "record",
    "target",
    "threshold",
];

/// A number that is a change or a difference, not a level: which way it goes (1 up, -1
/// down, 0 unsaid) and where its verb starts, if the flag should show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Change {
    pub way: i8,
    pub verb: Option<usize>,
}

/// The change the number `shown` states, if it is one: after a word of change ("rose 5%",
/// "was cut by 10 mph") or before "over", "above", "below" or "under" and what it is
/// measured from ("30 mph over the limit"). A change is compared only with a change: "cut
/// by 10 mph to 60 mph" and "cut from 70 mph to 60 mph" agree; "grew by 0.3%" and "shrank
/// by 0.3%" do not.
fn change_at(text: &str, shown: Span) -> Option<Change> {
    let words_before: Vec<(usize, &str)> = text[..shown.start]
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let by =
        (words_before.first()).is_some_and(|(_, w)| w.eq_ignore_ascii_case("by") || *w == "um");
    let verb = words_before.get(usize::from(by));
    // "were up 12%", "2.1 billion euros, up 12%" are changes; "picked up 12 suspects" is
    // not (a verb before "up" or "down" makes it a phrase of its own).
    let be = |k: usize| {
        words_before.get(k).is_none_or(|(_, w)| {
            matches!(
                w.to_lowercase().as_str(),
                "is" | "are" | "was" | "were" | "be" | "been"
            ) || w.ends_with([',', ';', ':', '—', '–'])
        })
    };
    if let Some(&(at, w)) = verb
        && let Some(&(v, way, bare)) = CHANGE_WORDS
            .iter()
            .find(|(v, _, _)| w.eq_ignore_ascii_case(v))
        && (by || bare)
        && (by || !matches!(v, "up" | "down") || be(1))
    {
        return Some(Change {
            way,
            verb: Some(at),
        });
    }
    // "over the limit", "over the 50 mph limit".
    let after: Vec<String> = (text[shown.end..].split_whitespace())
        .take(5)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let first = after.first().map(String::as_str).unwrap_or("");
    if let Some(&(_, way)) = CHANGE_AFTER.iter().find(|(w, _)| *w == first) {
        return Some(Change { way, verb: None });
    }
    // A difference from a reference says how far, not which way the other side goes: its
    // way is left unsaid, so "5C above normal" is not set against "5C below the record".
    let reference = (after.iter().skip(1)).any(|w| REFERENCES.contains(&w.as_str()));
    (matches!(first, "over" | "above" | "below" | "under") && reference)
        .then_some(Change { way: 0, verb: None })
}

/// True when only a range's joiner stands between two numbers ("to", "-", "or").
fn joins(text: &str, end: usize, start: usize) -> bool {
    start > end && matches!(text[end..start].trim(), "to" | "-" | "–" | "or" | "bis")
}

/// Where the range starts when two numbers are its ends written "between … and …"
/// ("between £4m and £6m"): `first` is the first number's words, `start` where the second
/// begins.
fn between(text: &str, first: Span, start: usize) -> Option<usize> {
    if start <= first.end || !matches!(text[first.end..start].trim(), "and" | "und") {
        return None;
    }
    let before = text[..first.start].trim_end();
    ["between", "zwischen"]
        .into_iter()
        .find(|w| amount::word_before(text, first.start, w))
        .map(|w| before.len() - w.len())
}

/// The key of a counted noun: its singular, people counted as people ("one person", "300
/// others", "42 people").
pub fn noun_key(noun: &str) -> String {
    let noun = noun.to_lowercase();
    if let Some(k) =
        lookup(PEOPLE_NOUNS, &noun).or_else(|| lookup(PEOPLE_NOUNS, &format!("{noun}s")))
    {
        return k.trim_end_matches('s').to_string();
    }
    match noun.as_str() {
        "other" | "persons" => "people".to_string(),
        _ => noun,
    }
}

/// The noun after "and" or "and other" right behind a count: "135 homes and other
/// buildings" counts buildings too.
fn also_counted(text: &str, end: usize) -> Option<String> {
    let rest = text[end..].trim_start().strip_prefix("and ")?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("other ").unwrap_or(rest).trim_start();
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    (word.len() > 3 && word.ends_with('s') && word.starts_with(char::is_lowercase))
        .then(|| noun_key(word.trim_end_matches('s')))
}

/// The words inside a count between its number and its noun that narrow what it counts,
/// and a participle right after the noun ("404 yards rushing"), sorted.
fn modifiers(text: &str, f: &Fact) -> Vec<String> {
    let amount_words = f.value.rsplit_once(' ').map_or(1, |(n, _)| {
        if n.parse::<f64>().is_ok() {
            1
        } else {
            n.split(' ').count()
        }
    });
    let words: Vec<String> = f
        .span
        .slice(text)
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let mut out: Vec<String> = words
        .iter()
        .skip(amount_words)
        .take(words.len().saturating_sub(amount_words + 1))
        .filter(|w| {
            // "two dozen pupils", "three hundred and fifty soldiers", "half a million
            // people", "a quarter of a million fans": those words are of the number.
            !matches!(
                w.as_str(),
                "of" | "the" | "a" | "half" | "third" | "thirds" | "quarter" | "quarters"
            ) && !NEUTRAL_MODIFIERS.contains(&w.as_str())
                && lookup(MULTIPLIERS, w).is_none()
                && number_word(w).is_none()
        })
        .cloned()
        .collect();
    let next: String = text[f.span.end..]
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if next.len() > 4 && next.ends_with("ing") && next.starts_with(char::is_lowercase) {
        out.push(next);
    }
    out.sort();
    out
}
