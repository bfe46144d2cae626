//! How exact a stated number is. A number is read with its hedges ("about 40", "at least
//! 43", "magnitude 3.0 or above", "$140 million to $160 million", "dozens") as the range of
//! true values it allows; two statements conflict only when their ranges share no value.

use crate::lexicon::{HEDGES_AFTER, HEDGES_BEFORE, Hedge, VAGUE_AMOUNTS};
use crate::span::Span;

/// The values a statement allows, inclusive.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount {
    /// The least value it allows.
    pub lo: f64,
    /// The greatest value it allows.
    pub hi: f64,
}

impl Amount {
    /// Exactly `v`.
    pub fn exact(v: f64) -> Amount {
        Amount { lo: v, hi: v }
    }

    /// True when it allows one value only.
    pub fn is_exact(&self) -> bool {
        self.lo == self.hi
    }

    /// True when one true value fits both statements.
    pub fn fits(&self, other: &Amount) -> bool {
        // A hair of slack for values parsed from decimals.
        let slack = |v: f64| v.abs() * 1e-9 + 1e-9;
        self.lo <= other.hi + slack(other.hi) && other.lo <= self.hi + slack(self.hi)
    }

    /// The smallest range holding both.
    pub fn span(&self, other: &Amount) -> Amount {
        Amount {
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }
}

/// How wide "about" is for a kind of number.
#[derive(Clone, Copy, Debug)]
pub enum Tolerance {
    /// As precise as the number is written: "about 168,000" allows a thousand either side
    /// (it names its thousands); a round number of one or two significant digits 15% of
    /// itself, and at least one ("about 40" allows 34 to 46, "about 200" 170 to 230, "about
    /// 5" 4 to 6).
    Stated,
    /// As [`Tolerance::Stated`], but never more than this amount either side: "about 85%"
    /// is 80 to 90%, not 72 to 98% (a share is given in points, whatever its size).
    StatedWithin(f64),
    /// A share of the value either side.
    Relative(f64),
    /// A fixed amount either side ("about magnitude 7" allows 6.7 to 7.3).
    Absolute(f64),
}

impl Tolerance {
    fn width(self, v: f64) -> f64 {
        match self {
            Tolerance::Stated => {
                let (place, digits) = precision(v);
                if digits >= 3 {
                    place
                } else {
                    (0.15 * v.abs()).max(place.min(1.0))
                }
            }
            Tolerance::StatedWithin(most) => Tolerance::Stated.width(v).min(most),
            Tolerance::Relative(share) => v.abs() * share,
            Tolerance::Absolute(w) => w,
        }
    }
}

/// The place of a number's last significant digit and how many significant digits it has:
/// 168000 → (1000, 3), 40 → (10, 1), 7.6 → (0.1, 2).
pub fn precision(v: f64) -> (f64, usize) {
    let s = super::super::numbers::show(v.abs());
    match s.split_once('.') {
        Some((int, frac)) => {
            let digits = int.trim_start_matches('0').len() + frac.len();
            (10f64.powi(-(frac.len() as i32)), digits.max(1))
        }
        None => {
            let zeros = s.len() - s.trim_end_matches('0').len();
            let digits = s.trim_end_matches('0').trim_start_matches('0').len();
            (10f64.powi(zeros as i32), digits.max(1))
        }
    }
}

/// Half of the last place a number is written to (0.5 for "17", 5 for "650", 0.05 for
/// "7.5"): how far a value converted from another unit may stray by rounding. The zeros
/// that end a round integer may be rounding too, down to its two leading digits: "650 ft"
/// is 645 to 655 ft and "200 m" 195 to 205 m (one distance, 198 m), while "30 °C" stays
/// 29.5 to 30.5 and is not "95 °F".
pub fn rounding(v: f64) -> f64 {
    let s = super::super::numbers::show(v.abs());
    match s.split_once('.') {
        Some((_, f)) => 0.5 * 10f64.powi(-(f.len() as i32)),
        None => {
            let zeros = s.len() - s.trim_end_matches('0').len();
            0.5 * 10f64.powi(zeros.min(s.len().saturating_sub(2)) as i32)
        }
    }
}

/// The range a number `v` allows under `hedge`.
pub fn bend(v: f64, hedge: Option<Hedge>, tol: Tolerance) -> Amount {
    // The width is worked out from the number as written: only for the hedges that use it.
    match hedge {
        None | Some(Hedge::After | Hedge::Before) => Amount::exact(v),
        Some(Hedge::About) => Amount {
            lo: v - tol.width(v),
            hi: v + tol.width(v),
        },
        Some(Hedge::Nearly) => Amount {
            lo: v - tol.width(v),
            hi: v,
        },
        Some(Hedge::AtLeast) => Amount {
            lo: v,
            hi: f64::INFINITY,
        },
        Some(Hedge::Over) => Amount {
            lo: v + beyond(v),
            hi: f64::INFINITY,
        },
        Some(Hedge::AtMost) => Amount {
            lo: f64::NEG_INFINITY,
            hi: v,
        },
        Some(Hedge::Under) => Amount {
            lo: f64::NEG_INFINITY,
            hi: v - beyond(v),
        },
    }
}

/// How far past `v` a bound that leaves `v` out ("more than 1,000", "fewer than 50") starts:
/// a step above the slack [`Amount::fits`] allows, so that "more than 1,000" and "nearly
/// 1,000" share no value, while "at least 1,000" and "up to 1,000" share 1,000. "Nearly"
/// keeps its number: "spread over 500 hectares" is no bound, and must not clash with it.
fn beyond(v: f64) -> f64 {
    v.abs() * 1e-6 + 1e-6
}

/// The range an amount in words allows ("dozens": 24 to 199), if `words` is one.
pub fn vague(words: &str) -> Option<Amount> {
    let w = words.to_lowercase();
    VAGUE_AMOUNTS
        .iter()
        .find(|(p, _, _)| *p == w)
        .map(|&(_, lo, hi)| Amount { lo, hi })
}

/// True when `c` may stand inside a word.
fn wordish(c: char) -> bool {
    c.is_alphanumeric() || c == '.'
}

/// True when the `n` bytes of `s` from `at` are `phrase` in any case. The bytes are those
/// of the text itself, never of a lower-cased copy (whose length may differ: the Kelvin
/// sign is three bytes, its lower case 'k' one).
fn phrase_at(s: &str, at: usize, phrase: &str) -> bool {
    let end = at + phrase.len();
    end <= s.len()
        && s.is_char_boundary(at)
        && s.is_char_boundary(end)
        && if s[at..end].is_ascii() {
            s[at..end].eq_ignore_ascii_case(phrase)
        } else {
            // Folding allocates: only for the few words outside ASCII ("Über", "ungefähr").
            s[at..end].to_lowercase() == phrase
        }
}

/// The hedge written just before byte `start` ("at least", "about"), and where it starts.
pub fn hedge_before(text: &str, start: usize) -> Option<(Hedge, usize)> {
    let before = text[..start].trim_end();
    let last = before.as_bytes().last()?.to_ascii_lowercase();
    for (phrase, hedge) in HEDGES_BEFORE {
        // A phrase that ends in another letter cannot be there: most are passed over at
        // once (no character outside ASCII folds to an ASCII letter of the same length).
        if phrase
            .as_bytes()
            .last()
            .is_some_and(|&b| b.is_ascii() && b != last)
        {
            continue;
        }
        let Some(at) = before.len().checked_sub(phrase.len()) else {
            continue;
        };
        if phrase_at(before, at, phrase) && !before[..at].ends_with(wordish) {
            return Some((*hedge, at));
        }
    }
    None
}

/// The hedge written just after byte `end` ("or above", "or more"), and where it ends.
pub fn hedge_after(text: &str, end: usize) -> Option<(Hedge, usize)> {
    let after = &text[end..];
    let lead = after.len() - after.trim_start().len();
    let first = after.as_bytes().get(lead).map(u8::to_ascii_lowercase);
    for (phrase, hedge) in HEDGES_AFTER {
        // As in `hedge_before`: a phrase that starts with another letter cannot be there.
        if phrase
            .as_bytes()
            .first()
            .is_some_and(|&b| b.is_ascii() && Some(b) != first)
        {
            continue;
        }
        let stop = lead + phrase.len();
        if phrase_at(after, lead, phrase) && !after[stop..].starts_with(wordish) {
            return Some((*hedge, end + stop));
        }
    }
    // "50+": a plus glued to the number.
    after.starts_with('+').then_some((Hedge::AtLeast, end + 1))
}

/// True when the word just before byte `start` is `word` (in any case) and no longer word
/// ends with it.
pub fn word_before(text: &str, start: usize, word: &str) -> bool {
    let before = text[..start].trim_end();
    before
        .len()
        .checked_sub(word.len())
        .is_some_and(|at| phrase_at(before, at, word) && !before[..at].ends_with(wordish))
}

/// A number written just before `start` that opens a range ending at the fact there ("140
/// to", "two or", "10-"), and where the range starts: its value as written.
pub fn range_start(text: &str, start: usize) -> Option<(String, usize)> {
    let before = text[..start].trim_end();
    let (rest, joiner) = ["to", "or", "and", "-", "–", "bis"]
        .iter()
        .find_map(|j| before.strip_suffix(j).map(|r| (r, *j)))?;
    if joiner.chars().all(char::is_alphabetic) && rest.ends_with(char::is_alphanumeric) {
        return None; // "into", "for"
    }
    let rest = rest.trim_end();
    // "Twenty-five to thirty": a compound number word holds its hyphen.
    let word_start = rest
        .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, ',' | '.' | '$' | '€' | '-' | '‑')))
        .map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
    // A hyphen before the number is its sign, not a joiner ("-5 to 10"): left out, as
    // before compounds were read.
    let word_start = word_start
        + (rest[word_start..].len() - rest[word_start..].trim_start_matches(['-', '‑']).len());
    let word = &rest[word_start..];
    let digits = word.trim_start_matches(['$', '€', '£']);
    let number = !digits.is_empty()
        && (digits.starts_with(|c: char| c.is_ascii_digit())
            || crate::lexicon::number_word(&digits.to_lowercase()).is_some());
    let opener = rest[..word_start].trim_end();
    // "rose from 5% to 10%": a change, not a range.
    if !number
        || word_before(rest, word_start, "from")
        || (joiner == "and" && !word_before(rest, word_start, "between"))
    {
        return None;
    }
    let from = if joiner == "and" {
        opener.len() - "between".len()
    } else {
        word_start
    };
    Some((digits.to_string(), from))
}

/// The words a fact is shown with: its own span widened to take in its hedges.
pub fn widen(span: Span, before: Option<usize>, after: Option<usize>) -> Span {
    Span::new(
        before.map_or(span.start, |b| b.min(span.start)),
        after.map_or(span.end, |a| a.max(span.end)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNT: Tolerance = Tolerance::Stated;

    /// Every hedge is found in lower case, title case and capitals: the letter checked
    /// before a phrase is compared must not pass one over in any case.
    #[test]
    fn every_hedge_is_found_in_any_case() {
        let cases = |phrase: &str| {
            let mut title = phrase.chars();
            let title = title.next().map_or(String::new(), |c| {
                c.to_uppercase().chain(title).collect::<String>()
            });
            [phrase.to_string(), title, phrase.to_uppercase()]
        };
        for (phrase, hedge) in HEDGES_BEFORE {
            for written in cases(phrase) {
                let text = format!("{written} 40 people");
                let found = hedge_before(&text, written.len() + 1);
                assert_eq!(found.map(|h| h.1), Some(0), "{text:?}");
                assert_eq!(found.map(|h| h.0), Some(*hedge), "{text:?}");
            }
        }
        for (phrase, hedge) in HEDGES_AFTER {
            for written in cases(phrase) {
                let text = format!("40 {written}");
                let found = hedge_after(&text, 2);
                assert_eq!(found, Some((*hedge, text.len())), "{text:?}");
            }
        }
    }

    #[test]
    fn hedged_numbers_fit_when_one_value_fits_both() {
        let about_40 = bend(40.0, Some(Hedge::About), COUNT);
        let at_least_43 = bend(43.0, Some(Hedge::AtLeast), COUNT);
        assert!(about_40.fits(&at_least_43));
        let exact_42 = bend(42.0, None, COUNT);
        assert!(!exact_42.fits(&at_least_43));
        // A precise number hedged is still precise: "some 168,000" is not 170,000.
        assert!(!bend(168_000.0, Some(Hedge::About), COUNT).fits(&Amount::exact(170_000.0)));
        assert!(bend(168_000.0, Some(Hedge::About), COUNT).fits(&Amount::exact(168_500.0)));
        assert_eq!(precision(168_000.0), (1000.0, 3));
        // "more than" and "nearly" leave their number out; "at least" and "up to" keep it.
        let bound = |h| bend(1000.0, Some(h), COUNT);
        assert!(!bound(Hedge::Over).fits(&bound(Hedge::Nearly)));
        assert!(!bound(Hedge::Over).fits(&bound(Hedge::Under)));
        assert!(bound(Hedge::AtLeast).fits(&bound(Hedge::AtMost)));
        assert!(bound(Hedge::Over).fits(&bend(1001.0, None, COUNT)));
        assert_eq!(precision(7.6), (0.1, 2));
        assert!(vague("dozens").unwrap().fits(&Amount::exact(50.0)));
        assert!(!vague("Dozens").unwrap().fits(&Amount::exact(8.0)));
        let range = Amount {
            lo: 140e6,
            hi: 160e6,
        };
        assert!(range.fits(&Amount::exact(150e6)));
        assert!(!range.fits(&Amount::exact(170e6)));
    }

    #[test]
    fn hedges_are_read_around_the_number() {
        let t = "At least 43 people died; magnitude 3.0 or above; about 200m";
        let at = t.find("43").unwrap();
        assert_eq!(hedge_before(t, at), Some((Hedge::AtLeast, 0)));
        let three = t.find("3.0").unwrap() + 3;
        assert_eq!(hedge_after(t, three).map(|h| h.0), Some(Hedge::AtLeast));
        let m = t.find("200m").unwrap();
        assert_eq!(hedge_before(t, m).map(|h| h.0), Some(Hedge::About));
        // "over" inside "moreover" is no hedge.
        let t = "moreover 40 came";
        assert_eq!(hedge_before(t, t.find("40").unwrap()), None);
    }

    #[test]
    fn offsets_fall_between_characters_whatever_lower_casing_does() {
        // The Kelvin sign lower-cases to a one-byte 'k'; 'İ' to two characters.
        let t = "\u{212A}napp 7 %";
        assert_eq!(hedge_before(t, t.find('7').unwrap()), None);
        let t = "Knapp 7 %";
        assert_eq!(hedge_before(t, t.find('7').unwrap()).map(|h| h.1), Some(0));
        for t in [
            "\u{212A}napp 7 %, \u{212A}\u{212A}at least 40 or mor\u{212A} İİ between 5 and 9",
            "İ about 3 or moreİ \u{212A}\u{212A} 10 to 20 from 5 to 6 Über 4 über 5",
        ] {
            for at in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let ok = |i: usize| t.is_char_boundary(i);
                assert!(hedge_before(t, at).is_none_or(|h| ok(h.1)), "{t:?} {at}");
                assert!(hedge_after(t, at).is_none_or(|h| ok(h.1)), "{t:?} {at}");
                assert!(range_start(t, at).is_none_or(|r| ok(r.1)), "{t:?} {at}");
            }
        }
    }

    #[test]
    fn round_integers_round_to_their_last_digit_that_is_no_zero() {
        assert_eq!(rounding(650.0), 5.0);
        assert_eq!(rounding(200.0), 5.0);
        assert_eq!(rounding(6000.0), 50.0);
        assert_eq!(rounding(30.0), 0.5);
        assert_eq!(rounding(0.0), 0.5);
        assert_eq!(rounding(17.0), 0.5);
        assert_eq!(rounding(7.5), 0.05);
    }

    #[test]
    fn ranges_open_before_the_upper_number() {
        let t = "between 140 and 160 people; two or three sources; into 5 parts";
        let at = t.find("160").unwrap();
        assert_eq!(range_start(t, at), Some(("140".to_string(), 0)));
        let at = t.find("three").unwrap();
        assert_eq!(range_start(t, at).map(|r| r.0), Some("two".to_string()));
        let at = t.find("5 parts").unwrap();
        assert_eq!(range_start(t, at), None);
        // "from 5 to 10": a change from one value to another.
        let t = "the rate rose from 5 to 10 in a year";
        assert_eq!(range_start(t, t.find("10").unwrap()), None);
    }
}
