//! Numbers a link's word changes replace, where no typed fact covers them: "Level 4" →
//! "Level 3", "the 2015 plan" → "the 2018 plan". The extractors type only the numbers they
//! understand (ages, sums, counts of a known noun, quantities in a known unit, dates, times);
//! an editor comparing two revisions wants every changed number, so the word diff supplies
//! the rest, but only where the diff itself names the slot: the words around the number are
//! the same on both sides and only the number changed (or a hedge came with it, "167,000" →
//! "over 170,000", flagged when the ranges they allow share no value). A change that swaps
//! words as well ("14:25 Sun Sep 15" → "8: 05am UK, Monday 16 September") or a link whose
//! two sides hold different counts of changed numbers ("$140 million to $160 million" →
//! "$150 million") says no more than that the passages differ, which the word changes
//! already show.

use std::sync::LazyLock;

use regex::Regex;

use super::amount;
use crate::diff::{Change, ChangeOp};
use crate::facts::{Conflict, FactKind};
use crate::lexicon::Hedge;
use crate::span::Span;
use crate::text::Language;

/// A number as written: digits with inner separators ("2,5", "1.000", "3/4", "10:30"), or
/// thousands grouped by spaces ("10 000", as French and Swiss German write them).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,3}(?:[ \u{a0}\u{202f}]\d{3}\b)+|\d+(?:[.,/:]\d+)*").expect("valid pattern")
});

/// The numbers of `s`, each in one spelling (see [`canonical`]).
fn numbers(s: &str) -> Vec<String> {
    NUMBER.find_iter(s).map(|m| canonical(m.as_str())).collect()
}

/// One spelling for the ways a number is written: "2,5" = "2.5" = "2,50", "1.000" =
/// "1,000" = "10 000" / 10, "03.05.2024" = "3.5.2024". Thousands are marked by one mark
/// before groups of three digits; a last, different mark (or a lone one before other than
/// three digits) is the decimal mark; anything else (dates, times, fractions) is a sequence
/// of whole numbers.
fn canonical(written: &str) -> String {
    let digits: String = written
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let whole = |g: &str| match g.trim_start_matches('0') {
        "" => "0".to_string(),
        t => t.to_string(),
    };
    let marks: Vec<char> = digits.chars().filter(|c| !c.is_ascii_digit()).collect();
    let groups: Vec<&str> = digits.split(|c: char| !c.is_ascii_digit()).collect();
    let Some(&last) = marks.last() else {
        return whole(&digits);
    };
    let of_three = |gs: &[&str]| gs.iter().all(|g| g.len() == 3);
    if marks.iter().all(|&c| c == '.' || c == ',') {
        if marks.iter().all(|&c| c == last) && groups[0].len() <= 3 && of_three(&groups[1..]) {
            return whole(&groups.concat());
        }
        let head = &marks[..marks.len() - 1];
        let n = groups.len();
        if head.iter().all(|&c| c != last && c == head[0]) && of_three(&groups[1..n - 1]) {
            let int = whole(&groups[..n - 1].concat());
            return match groups[n - 1].trim_end_matches('0') {
                "" => int,
                frac => format!("{int}.{frac}"),
            };
        }
    }
    groups
        .iter()
        .map(|g| whole(g))
        .collect::<Vec<_>>()
        .join("-")
}

/// The hedge written right before the one number of `s` ("over 170,000"), and the bytes it
/// takes; none when `s` holds no number or more than one.
fn lone_hedge(s: &str) -> Option<(Hedge, Span)> {
    let mut found = NUMBER.find_iter(s);
    let (number, None) = (found.next()?, found.next()) else {
        return None;
    };
    let (hedge, at) = amount::hedge_before(s, number.start())?;
    Some((hedge, Span::new(at, number.start())))
}

/// True when one true value fits both numbers under their hedges ("167,000" and "about
/// 170,000"; not "167,000" and "over 170,000"). "Before" and "after" bound a date or a time
/// that [`amount::bend`] leaves exact ("built 1910" / "built before 1920" fit): taken as
/// fitting.
fn hedged_fit(a: &str, ha: Option<(Hedge, Span)>, b: &str, hb: Option<(Hedge, Span)>) -> bool {
    if [ha, hb]
        .iter()
        .flatten()
        .any(|(h, _)| matches!(h, Hedge::Before | Hedge::After))
    {
        return true;
    }
    let amount = |n: &str, h: Option<(Hedge, Span)>| {
        let v: f64 = n.parse().ok()?;
        Some(amount::bend(v, h.map(|h| h.0), amount::Tolerance::Stated))
    };
    match (amount(a, ha), amount(b, hb)) {
        (Some(x), Some(y)) => x.fits(&y),
        _ => true,
    }
}

/// The words of `s` that are not numbers, folded, punctuation left out.
fn other_words(s: &str) -> Vec<String> {
    NUMBER
        .replace_all(s, " ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::text::fold)
        .collect()
}

/// How many words either side of a changed date or time must be the same in both texts for
/// the word diff to flag it (see [`changed_numbers`]).
const FRAME_WORDS: usize = 3;

/// Conflicts for the replaced words of `changes` that hold different numbers amid the same
/// words, unless a conflict in `found` already covers them. A number the comparer read
/// (`compared.typed`, see [`super::Compared::typed`], and the dates and times of
/// `compared.dated`) is left to it, except in a passage revised: where the
/// [`FRAME_WORDS`] words either side are the same in `texts` (A's and B's), the currency
/// sign is the same and neither number is the other rounded ("carries about 42,000
/// vehicles a day" → "… about 48,000 …", which one true value near 45,000 would fit; "the
/// patch issued Jan. 14 that" → "… Jan. 15 that"; not "£100m" → "€115m", which may be
/// converted). Elsewhere the comparer knows more than the diff: it reads two slots in
/// "120 people in Varna province" / "300 people across the region", and two events' dates
/// in "after leaving Southampton on 2 June" / "it docked in Lisbon on 9 June". A number of
/// a slot the comparer read, one value fitting both sides ([`super::Compared::fitting`]),
/// is flagged by that slot, whole ("Percentage: A says roughly 0.4%"); a date it found no
/// slot for, as the date; any other as a number, with whatever words the diff took along.
pub fn changed_numbers(
    changes: &[Change],
    found: &[Conflict],
    compared: &super::Compared,
    texts: (&str, &str),
) -> Vec<Conflict> {
    let mut out = Vec::new();
    // Numbers must pair one to one across the link's replacements, or a replacement pairs
    // numbers that say different things (a range on one side, one value on the other).
    // Words only one side has (inserted or deleted) pair with nothing and are not counted.
    let count = |side: fn(&Change) -> &str| -> usize {
        changes
            .iter()
            .filter(|c| c.op == ChangeOp::Replace)
            .map(|c| numbers(side(c)).len())
            .sum()
    };
    if count(|c| &c.a) != count(|c| &c.b) {
        return out;
    }
    for c in changes {
        let (ChangeOp::Replace, Some(sa), Some(sb)) = (c.op, c.a_span, c.b_span) else {
            continue;
        };
        let (na, nb) = (numbers(&c.a), numbers(&c.b));
        if na.is_empty() || na.len() != nb.len() || na == nb {
            continue;
        }
        // "167,000" → "over 170,000": a hedge one side adds to its one number is read as
        // the range it allows, and the change flagged only when no value fits both.
        let (ha, hb) = (lone_hedge(&c.a), lone_hedge(&c.b));
        let unhedged = |s: &str, h: Option<(Hedge, Span)>| match h {
            Some((_, at)) => other_words(&format!("{}{}", &s[..at.start], &s[at.end..])),
            None => other_words(s),
        };
        if unhedged(&c.a, ha) != unhedged(&c.b, hb) || one_decade(&c.a, &c.b) {
            continue;
        }
        let hedged = ha.map(|h| h.0) != hb.map(|h| h.0);
        if hedged && hedged_fit(&na[0], ha, &nb[0], hb) {
            continue;
        }
        let in_spans = |(a, b): &(Vec<Span>, Vec<Span>)| {
            a.iter().any(|t| t.overlaps(&sa)) || b.iter().any(|t| t.overlaps(&sb))
        };
        let flagged = (found.iter()).any(|f| f.a_span.overlaps(&sa) || f.b_span.overlaps(&sb));
        let dated = in_spans(&compared.dated);
        // A date's digits are never a rounding ("Jan. 10" / "Jan. 14", "2020" / "2024").
        // A hedge one side adds was weighed above, rounding included.
        let rounding = || !hedged && !dated && na.iter().zip(&nb).all(|(x, y)| rounded(x, y));
        // "£100m" → "€115m" is a sum in another currency, which the comparer weighs.
        // The sign may stand just before the replaced words ("£" kept apart by the diff).
        let marks = |t: &str, s: Span| -> String {
            let around = s.widened(t, 3);
            (t.get(around.start..around.end).unwrap_or_default().chars())
                .filter(|c| is_currency(*c))
                .collect()
        };
        let same_currency = || marks(texts.0, sa) == marks(texts.1, sb);
        let revised = || same_currency() && framed(texts, sa, sb) && !rounding();
        let covered = flagged || ((in_spans(&compared.typed) || dated) && !revised());
        // A number of a slot the comparer read, which one value fits ("roughly 0.4%" /
        // "roughly 0.5%"), changed in a passage revised: flagged by that slot, whole.
        let fitting =
            || (compared.fitting.iter()).find(|f| f.a_span.overlaps(&sa) && f.b_span.overlaps(&sb));
        if !covered && let Some(f) = fitting() {
            // Both ends of a range ("60 to 80" → "70 to 90") are one flag, with its hedge.
            let mut f = f.clone();
            for (text, span, words) in [
                (texts.0, &mut f.a_span, &mut f.a),
                (texts.1, &mut f.b_span, &mut f.b),
            ] {
                if let Some((_, at)) = amount::hedge_before(text, span.start) {
                    *span = Span::new(at, span.end);
                    *words = text[at..span.end].to_string();
                }
            }
            if !out
                .iter()
                .any(|o: &Conflict| o.a_span == f.a_span && o.b_span == f.b_span)
            {
                out.push(f);
            }
        } else if !covered && let Some((da, db)) = dates_of(&compared.dated, sa, sb) {
            // A date the comparer found no slot for, changed in a passage revised ("aus dem
            // Jahr 2015" → "… 2016"): flagged as the date it is, whole.
            out.push(Conflict {
                kind: FactKind::Date,
                a: texts.0[da.start..da.end].to_string(),
                b: texts.1[db.start..db.end].to_string(),
                a_span: da,
                b_span: db,
                slot: "Date".to_string(),
                elided: Default::default(),
            });
        } else if !covered {
            // Shown with the words that say what the number counts, if both sides share
            // them: "about 40 Palestinians" / "about 45 Palestinians", not "40" / "45".
            let (wa, wb) = (number_phrase(texts.0, sa), number_phrase(texts.1, sb));
            let shared = |x: Span, y: Span, wx: Span, wy: Span| {
                texts.0.get(wx.start..x.start) == texts.1.get(wy.start..y.start)
                    && texts.0.get(x.end..wx.end) == texts.1.get(y.end..wy.end)
            };
            let (sa, sb) = if shared(sa, sb, wa, wb) {
                (wa, wb)
            } else {
                (sa, sb)
            };
            out.push(Conflict {
                kind: FactKind::Quantity,
                a: texts.0.get(sa.start..sa.end).unwrap_or(&c.a).to_string(),
                b: texts.1.get(sb.start..sb.end).unwrap_or(&c.b).to_string(),
                a_span: sa,
                b_span: sb,
                slot: "Number".to_string(),
                elided: Default::default(),
            });
        }
    }
    join_ranges(&mut out, texts);
    out
}

/// The dates of A and of B (`dated`) that hold the changed words `sa` and `sb`, one each.
fn dates_of((a, b): &(Vec<Span>, Vec<Span>), sa: Span, sb: Span) -> Option<(Span, Span)> {
    let da = a.iter().find(|d| d.overlaps(&sa))?;
    let db = b.iter().find(|d| d.overlaps(&sb))?;
    Some((*da, *db))
}

/// Words that join the two ends of a range ("60 to 80", "60 bis 80", "60-80").
const RANGE_JOINS: &[&str] = &["to", "bis", "-", "–", "and", "und"];

/// Two flags in a row whose numbers are the two ends of one range on both sides ("about 60
/// to 80 gigawatts" → "about 70 to 90 gigawatts") made one: the range is one statement, and
/// "80 / 90" alone loses what it counts.
fn join_ranges(out: &mut Vec<Conflict>, texts: (&str, &str)) {
    let joined = |t: &str, x: Span, y: Span| {
        (t.get(x.end..y.start)).is_some_and(|gap| RANGE_JOINS.contains(&gap.trim()))
    };
    let mut k = 1;
    while k < out.len() {
        let (x, y) = (&out[k - 1], &out[k]);
        if joined(texts.0, x.a_span, y.a_span) && joined(texts.1, x.b_span, y.b_span) {
            let y = out.remove(k);
            let x = &mut out[k - 1];
            x.a_span = Span::new(x.a_span.start, y.a_span.end);
            x.b_span = Span::new(x.b_span.start, y.b_span.end);
            x.a = texts.0[x.a_span.start..x.a_span.end].to_string();
            x.b = texts.1[x.b_span.start..x.b_span.end].to_string();
        } else {
            k += 1;
        }
    }
}

/// `span` (changed words holding a number) widened to its phrase in `text`: the hedges and
/// numbers with their units before it ("about", "more than", "4 minutes") and the word after
/// it that says what is counted ("Palestinians", "seconds").
fn number_phrase(text: &str, span: Span) -> Span {
    if text.get(span.start..span.end).is_none() {
        return span;
    }
    // The word just before byte `at`, across one space, ending in a letter, digit or "%"
    // (a comma or a point ends a clause: "In 2019, 40 people").
    let word_before = |at: usize| -> Option<(usize, &str)> {
        let head = text[..at].strip_suffix(' ')?;
        let start = (head.char_indices())
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &head[start..];
        w.ends_with(|c: char| c.is_alphanumeric() || c == '%')
            .then_some((start, w))
    };
    // Hedges ("about", "more than"), and a number with its unit ("4 minutes"), but not a
    // number alone, which may end another clause ("Since 2019 roughly 40 people").
    let digits = |w: &str| w.contains(|c: char| c.is_ascii_digit());
    let mut start = span.start;
    for _ in 0..4 {
        if let Some((_, at)) = amount::hedge_before(text, start) {
            start = at;
            continue;
        }
        let Some((at, w)) = word_before(start) else {
            break;
        };
        // "60 bis" before "80" is a range's other end, which has its own flag.
        if let Some((from, n)) = word_before(at).filter(|_| !digits(w) && !RANGE_JOINS.contains(&w))
            && digits(n)
        {
            start = from;
        } else {
            break;
        }
    }
    let mut end = span.end;
    let tail = &text[span.end..];
    if let Some(rest) = tail.strip_prefix(' ') {
        let len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let w = &rest[..len];
        // A function word ("the", "des") or "said" says nothing of what is counted.
        let folded = crate::text::fold(w);
        let function = [Language::English, Language::German]
            .iter()
            .any(|l| l.is_stop(&folded));
        if len > 0 && !function && folded != "said" {
            end = span.end + 1 + len;
        }
    }
    Span::new(start, end)
}

/// True when the [`FRAME_WORDS`] words before `sa` in A's text and before `sb` in B's are
/// the same, and so are those after.
fn framed((a, b): (&str, &str), sa: Span, sb: Span) -> bool {
    // Three words lie well within this many bytes; the rest of the text is not read.
    const REACH: usize = 120;
    // Within the sentence: what the next passage says is no frame of this one's number
    // ("fell below 12°C." / "fell below 10°C. The cat sat …").
    let around = |t: &str, at: usize| sentence_around(t, Span::new(at, at).widened(t, REACH), at);
    let before = |t: &str, at: usize| -> Vec<String> {
        let words = other_words(&t[around(t, at).start..at]);
        words[words.len().saturating_sub(FRAME_WORDS)..].to_vec()
    };
    let after = |t: &str, at: usize| -> Vec<String> {
        other_words(&t[at..around(t, at).end])
            .into_iter()
            .take(FRAME_WORDS)
            .collect()
    };
    before(a, sa.start) == before(b, sb.start) && after(a, sa.end) == after(b, sb.end)
}

/// `reach` cut to the sentence that holds byte `at` of `t`: after the last sentence end
/// (".", "!" or "?" before white space) or blank line before `at`, up to the first after it.
fn sentence_around(t: &str, reach: Span, at: usize) -> Span {
    let ends_here = |s: &str, i: usize, c: char| {
        (matches!(c, '.' | '!' | '?') && s[i + 1..].starts_with(char::is_whitespace))
            || (c == '\n' && s[i + 1..].starts_with(['\n', '\r']))
    };
    let before = &t[reach.start..at];
    let start = (before.char_indices().rev())
        .find(|&(i, c)| ends_here(before, i, c))
        .map_or(reach.start, |(i, _)| reach.start + i + 1);
    let after = &t[at..reach.end];
    let end = (after.char_indices())
        .find(|&(i, c)| ends_here(after, i, c))
        .map_or(reach.end, |(i, c)| at + i + c.len_utf8());
    Span::new(start, end)
}

/// True for a currency sign: "$", "£", "¥", "¢", "¤" and Unicode's block of them ("€", "₹").
fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '¥' | '¢' | '¤' | '\u{20A0}'..='\u{20CF}')
}

/// True when one of two numbers (in [`canonical`] spelling) is the other rounded to its
/// last significant digit: "58" and "58.2", "42,000" and "42,300"; not "40" and "43", nor
/// "100" and "150" (half a step is no rounding).
fn rounded(x: &str, y: &str) -> bool {
    // The place of a number's last significant digit: 0.1 for "58.2", 1,000 for "42000".
    // Below ROUND_FROM a whole number is taken as exact: "10 people" is no rounded 14, and a
    // year is no rounded other year.
    const ROUND_FROM: f64 = 10_000.0;
    let step = |n: &str, v: f64| match n.split_once('.') {
        Some((_, frac)) => 10f64.powi(-(frac.len() as i32)),
        None if v < ROUND_FROM => 1.0,
        None => 10f64.powi((n.len() - n.trim_end_matches('0').len()).min(n.len() - 1) as i32),
    };
    let (Ok(a), Ok(b)) = (x.parse::<f64>(), y.parse::<f64>()) else {
        return false;
    };
    (a - b).abs() < step(x, a).max(step(y, b)) / 2.0
}

/// True when two stretches differ only in how they write decades: "the 90s", "the '90s"
/// and "the 1990s" are one decade.
fn one_decade(a: &str, b: &str) -> bool {
    let decade = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let digits = w.strip_suffix('s')?;
        (matches!(digits.len(), 2 | 4) && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits[digits.len() - 2..].to_string())
    };
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    wa.len() == wb.len()
        && wa.iter().zip(&wb).any(|(x, y)| x != y)
        && wa
            .iter()
            .zip(&wb)
            .all(|(x, y)| x == y || decade(x).is_some_and(|d| decade(y) == Some(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No typed number in the link.
    const NONE: (&[Span], &[Span]) = (&[], &[]);

    /// What the comparer read: the numbers at `a` in A and at `b` in B, typed.
    fn typed_at(a: &[Span], b: &[Span]) -> crate::facts::Compared {
        crate::facts::Compared {
            typed: (a.to_vec(), b.to_vec()),
            ..Default::default()
        }
    }

    /// [`changed_numbers`] with `typed` numbers and no dates.
    fn numbers_changed(
        changes: &[Change],
        found: &[Conflict],
        typed: (&[Span], &[Span]),
    ) -> Vec<Conflict> {
        changed_numbers(changes, found, &typed_at(typed.0, typed.1), ("", ""))
    }

    #[test]
    fn a_changed_date_is_flagged_only_amid_the_same_words() {
        let revised = (
            "the patch issued Jan. 14 that plugged",
            "the patch issued Jan. 15 that plugged",
        );
        let retold = (
            "after leaving Southampton on 2 June.",
            "it docked in Lisbon on 9 June.",
        );
        // A round day is no rounding of another.
        let round = (
            "the patch issued Jan. 10 that plugged",
            "the patch issued Jan. 14 that plugged",
        );
        for ((a, b), flagged) in [(revised, 1), (retold, 0), (round, 1)] {
            let (at, bt) = (
                a.find(char::is_numeric).unwrap(),
                b.find(char::is_numeric).unwrap(),
            );
            let (na, nb) = (&a[at..at + 2].trim(), &b[bt..bt + 2].trim());
            let mut change = replace(na, nb, at);
            change.b_span = Some(Span::new(bt, bt + nb.len()));
            let compared = crate::facts::Compared {
                dated: (
                    vec![Span::new(at, at + na.len())],
                    vec![Span::new(bt, bt + nb.len())],
                ),
                ..Default::default()
            };
            let got = changed_numbers(&[change], &[], &compared, (a, b));
            assert_eq!(got.len(), flagged, "{a} / {b}");
        }
    }

    #[test]
    fn a_number_phrase_takes_its_hedges_whole() {
        let phrase = |t: &str, n: &str| {
            let at = t.find(n).unwrap();
            number_phrase(t, Span::new(at, at + n.len()))
                .slice(t)
                .to_string()
        };
        assert_eq!(
            phrase("At least 40 people died.", "40"),
            "At least 40 people"
        );
        assert_eq!(
            phrase("Es starben mehr als 40 Menschen.", "40"),
            "mehr als 40 Menschen"
        );
        // A number before a range's other end is that end's, not a unit of this one.
        assert_eq!(phrase("rund 60 bis 80 Gigawatt", "80"), "80 Gigawatt");
    }

    #[test]
    fn a_number_the_comparer_typed_is_left_to_it() {
        // "120 people in Varna province" and "300 people across the region": counts the
        // comparer read as a part and a whole, two slots; the diff only sees 120 -> 300.
        let changes = [replace("120", "300", 14)];
        assert_eq!(numbers_changed(&changes, &[], NONE).len(), 1);
        let typed = [Span::new(14, 24)];
        let texts = (
            "Floods killed 120 people in Varna province.",
            "Floods killed 300 people across the region.",
        );
        assert!(changed_numbers(&changes, &[], &typed_at(&typed, &[]), texts).is_empty());
        assert!(changed_numbers(&changes, &[], &typed_at(&[], &typed), texts).is_empty());
    }

    #[test]
    fn a_typed_number_revised_amid_the_same_words_is_flagged_unless_rounded() {
        // The comparer finds "about 42,000" and "about 48,000" compatible (45,000 fits
        // both), but a passage revised with only the figure changed states another figure.
        let texts = |x: &str, y: &str| {
            (
                format!("The bridge carries about {x} vehicles a day, the council said."),
                format!("The bridge carries about {y} vehicles a day, the council said."),
            )
        };
        for ((x, y), flagged) in [(("42,000", "48,000"), 1), (("42,000", "42,300"), 0)] {
            let (a, b) = texts(x, y);
            let at = a.find(x).unwrap();
            let typed = vec![Span::new(at, at + x.len())];
            let compared = typed_at(&typed, &typed);
            let got = changed_numbers(&[replace(x, y, at)], &[], &compared, (&a, &b));
            assert_eq!(got.len(), flagged, "{x} / {y}");
        }
    }

    #[test]
    fn a_sum_revised_into_another_currency_is_left_to_the_comparer() {
        let (a, b) = (
            "The shirt deal was announced on Thursday, a deal worth £100m.",
            "The shirt deal was announced on Thursday, a deal worth €115m.",
        );
        // The diff keeps the sign apart: only "100m" -> "115m" is replaced.
        let (at, bt) = (a.find("100m").unwrap(), b.find("115m").unwrap());
        let mut change = replace("100m", "115m", at);
        change.b_span = Some(Span::new(bt, bt + 4));
        let typed = typed_at(&[Span::new(at, at + 4)], &[Span::new(bt, bt + 4)]);
        // In one currency it is a figure revised.
        let same = b.replace('€', "£");
        let mut revised = change.clone();
        revised.b_span = Some(Span::new(at, at + 4));
        let one = typed_at(&[Span::new(at, at + 4)], &[Span::new(at, at + 4)]);
        assert_eq!(changed_numbers(&[revised], &[], &one, (a, &same)).len(), 1);
        assert!(changed_numbers(&[change], &[], &typed, (a, b)).is_empty());
    }

    #[test]
    fn rounding_is_no_revision() {
        assert!(rounded("58", "58.2"));
        assert!(rounded("42000", "42300"));
        assert!(!rounded("40", "43"));
        assert!(!rounded("10", "14"));
        assert!(!rounded("2020", "2024"));
        assert!(!rounded("2", "2.5"));
        assert!(!rounded("42000", "48000"));
        assert!(!rounded("58", "59"));
        assert!(!rounded("3-5", "3-6"));
    }

    fn replace(a: &str, b: &str, at: usize) -> Change {
        Change {
            op: ChangeOp::Replace,
            a: a.into(),
            b: b.into(),
            a_span: Some(Span::new(at, at + a.len())),
            b_span: Some(Span::new(at, at + b.len())),
        }
    }

    #[test]
    fn a_replaced_number_conflicts_once() {
        let changes = [
            replace("400", "300", 16),
            replace("Köln", "Bonn", 40),
            replace("2,5", "2.5", 60),
        ];
        let got = numbers_changed(&changes, &[], NONE);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].a.as_str(), got[0].b.as_str()), ("400", "300"));
        // A number a typed fact already compares is not reported twice.
        assert!(numbers_changed(&changes[..1], &got[..1], NONE).is_empty());
    }

    #[test]
    fn inserted_numbers_do_not_unbalance_the_replaced_ones() {
        // B adds a clause with a number of its own: the replaced pair is still one to one.
        let added = Change {
            op: ChangeOp::Insert,
            a: String::new(),
            b: "after 3 days".into(),
            a_span: None,
            b_span: Some(Span::new(80, 92)),
        };
        let changes = [replace("12 boats", "14 boats", 10), added];
        let got = numbers_changed(&changes, &[], NONE);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].a.as_str(), got[0].b.as_str()),
            ("12 boats", "14 boats")
        );
    }

    #[test]
    fn one_number_written_two_ways_is_no_change() {
        for (a, b) in [
            ("03.05.2024", "3.5.2024"),
            ("05/03/2025", "5/3/2025"),
            ("2,50 Euro", "2,5 Euro"),
            ("$1.5 billion", "$1.50 billion"),
            ("10.000 Einwohner", "10 000 Einwohner"),
            ("10,000 people", "10.000 people"),
            ("1,234.5", "1.234,5"),
        ] {
            assert!(
                numbers_changed(&[replace(a, b, 0)], &[], NONE).is_empty(),
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn a_decade_written_two_ways_is_no_change() {
        assert!(one_decade("90s", "1990s"));
        assert!(one_decade("the '90s", "the 1990s"));
        assert!(!one_decade("80s", "1990s"));
        assert!(!one_decade("90", "1990"));
    }

    #[test]
    fn a_number_ten_times_larger_is_a_change() {
        for (a, b) in [
            ("auf 2,5 Punkte", "auf 25 Punkte"),
            ("1.500 Euro", "1,5 Euro"),
            ("um 10:00", "um 10:30"),
            ("in 2019 300 people", "in 2019 30 people"),
        ] {
            assert_eq!(
                numbers_changed(&[replace(a, b, 0)], &[], NONE).len(),
                1,
                "{a} / {b}"
            );
        }
    }
}
