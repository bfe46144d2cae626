//! Numbers written in several words: "three hundred and fifty" (350), "two hundred thousand"
//! (200,000), "two thousand five hundred", "twenty five", "two dozen" (24). Counts and
//! quantities read their number here, so neither takes "three hundred and fifty soldiers"
//! for fifty of them.

use crate::lexicon::number_word;

/// The number that `first` (its word as written, lower case, and its value) makes with the
/// words after it (`rest`, lower case, each parted from the one before by a space), and how
/// many of `rest` it takes (0: none adds to it). With `range`, "and" parts two numbers
/// ("between two hundred and three hundred") instead of joining one.
pub(crate) fn read(first: (&str, f64), rest: &[&str], range: bool) -> (f64, usize) {
    let (word, value) = first;
    if rest.first() == Some(&"dozen") {
        return (value * 12.0, 1);
    }
    let in_words = word.starts_with(char::is_alphabetic);
    let mut n = Number {
        thousands: 0.0,
        group: value,
        after_scale: matches!(word, "hundred" | "thousand"),
        after_tens: in_words && is_tens(value),
    };
    let mut taken = 0;
    while let Some(&w) = rest.get(taken) {
        let step = match w {
            // British "and" joins a hundred or a thousand and a smaller number after it,
            // unless a "hundred" follows that one ("two hundred and three hundred").
            "and" if n.after_scale && !range => match rest.get(taken + 1).and_then(|w| small(w)) {
                Some(v) if rest.get(taken + 2) != Some(&"hundred") => n.add(v).map(|n| (n, 2)),
                _ => None,
            },
            _ => n.then(w).map(|n| (n, 1)),
        };
        let Some((next, k)) = step else {
            break;
        };
        n = next;
        taken += k;
    }
    (n.thousands + n.group, taken)
}

/// True when the text before a number (`before`) ends in "between": an "and" after the
/// number then parts a range ("between two hundred and three hundred").
pub(crate) fn opens_range(before: &str) -> bool {
    let before = before.trim_end();
    before
        .get(before.len().saturating_sub(7)..)
        .is_some_and(|w| w.eq_ignore_ascii_case("between"))
        && !before[..before.len() - 7].ends_with(char::is_alphanumeric)
}

/// The parts a share in words counts, from its first word: "a" quarter, "two" thirds.
pub(crate) fn share_parts(w: &str) -> Option<f64> {
    match w.to_lowercase().as_str() {
        "a" | "one" => Some(1.0),
        "two" => Some(2.0),
        "three" => Some(3.0),
        "four" => Some(4.0),
        "nine" => Some(9.0),
        _ => None,
    }
}

/// The parts a share in words cuts its whole into, from its word: "half" 2, "third" or
/// "thirds" 3, "quarter(s)" 4, "fifth(s)" 5, "tenth(s)" 10.
pub(crate) fn share_whole(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    let w = if w == "halves" {
        "half"
    } else {
        w.trim_end_matches('s')
    };
    match w {
        "half" => Some(2.0),
        "third" => Some(3.0),
        "quarter" => Some(4.0),
        "fifth" => Some(5.0),
        "tenth" => Some(10.0),
        _ => None,
    }
}

/// A number read so far.
#[derive(Clone, Copy)]
struct Number {
    /// The thousands already read ("two thousand": 2,000).
    thousands: f64,
    /// The part below a thousand, or before "thousand" is read.
    group: f64,
    /// The last word was "hundred" or "thousand": a smaller number may follow.
    after_scale: bool,
    /// The last word was twenty, thirty, … ninety: a unit may follow ("twenty five").
    after_tens: bool,
}

impl Number {
    /// This number with word `w` after it, if `w` adds to it.
    fn then(self, w: &str) -> Option<Number> {
        let g = self.group;
        match w {
            "hundred" if (1.0..10.0).contains(&g) || (11.0..100.0).contains(&g) && !is_tens(g) => {
                Some(Number {
                    group: g * 100.0,
                    after_scale: true,
                    after_tens: false,
                    ..self
                })
            }
            "thousand" if self.thousands == 0.0 && (1.0..1000.0).contains(&g) => Some(Number {
                thousands: g * 1000.0,
                group: 0.0,
                after_scale: true,
                after_tens: false,
            }),
            _ => self.add(small(w)?),
        }
    }

    /// This number with `v` (below a hundred) added, if it has room for it: after a hundred
    /// or a thousand ("three hundred fifty"), or a unit after a multiple of ten.
    fn add(self, v: f64) -> Option<Number> {
        let fits = (self.after_scale && self.group % 100.0 == 0.0) || (self.after_tens && v < 10.0);
        fits.then_some(Number {
            group: self.group + v,
            after_scale: false,
            after_tens: is_tens(v),
            ..self
        })
    }
}

/// The value of a number word below a hundred: "fifty", "twenty-five".
fn small(w: &str) -> Option<f64> {
    number_word(w)
        .filter(|&v| v < 100 && !matches!(w, "dozen" | "dozens"))
        .map(|v| v as f64)
}

/// True for twenty, thirty, … ninety.
fn is_tens(v: f64) -> bool {
    (20.0..100.0).contains(&v) && v % 10.0 == 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> (f64, usize) {
        let ws: Vec<&str> = s.split(' ').collect();
        let first = number_word(ws[0]).map_or_else(|| ws[0].parse().unwrap(), |v| v as f64);
        read((ws[0], first), &ws[1..], false)
    }

    #[test]
    fn several_words_make_one_number() {
        assert_eq!(words("three hundred and fifty"), (350.0, 3));
        assert_eq!(words("two hundred thousand"), (200_000.0, 2));
        assert_eq!(words("two thousand five hundred"), (2500.0, 3));
        assert_eq!(words("three hundred twenty-five"), (325.0, 2));
        assert_eq!(words("three hundred and twenty five"), (325.0, 4));
        assert_eq!(words("fifteen hundred"), (1500.0, 1));
        assert_eq!(words("hundred and fifty"), (150.0, 2));
        assert_eq!(words("one thousand five hundred"), (1500.0, 3));
        assert_eq!(words("two dozen"), (24.0, 1));
        assert_eq!(words("3 hundred"), (300.0, 1));
    }

    #[test]
    fn what_does_not_join_is_left() {
        // Two numbers side by side, or a unit after digits, are not one.
        assert_eq!(words("five five"), (5.0, 0));
        assert_eq!(words("20 five"), (20.0, 0));
        assert_eq!(words("twenty hundred"), (20.0, 0));
        // "and" before another hundred parts two numbers.
        assert_eq!(words("two hundred and three hundred"), (200.0, 1));
        assert_eq!(words("five hundred and some"), (500.0, 1));
        let ws = ["hundred", "and", "four", "thousand"];
        assert_eq!(read(("two", 2.0), &ws, true), (200.0, 1));
    }
}
