//! A flag in words. The text report, the Markdown and HTML exports, the JSON report and the
//! reader's panel all say a conflict with [`sentence`], so a reader meets one wording.

use super::{Conflict, FactKind};
use crate::align::Link;
use crate::lexicon::{HEDGES_BEFORE, number_word};

/// Longest value shown in a flag, in characters; quotes are cut with "…".
const SHOWN: usize = 80;

/// True when a flag on `link` is only possible: the link is weak ([`Link::is_weak`]), so
/// its passages may not tell the same thing, and its flags are shown as possible and not
/// counted.
pub fn is_possible(link: &Link) -> bool {
    link.is_weak()
}

/// A conflict in plain words, naming the slot and what each source says: "Magnitude: A says
/// 7.6, B says 7.7". `la` and `lb` name the sources of `c.a` and `c.b`; a `possible` flag
/// (on a weak link) says so.
pub fn sentence(c: &Conflict, la: &str, lb: &str, possible: bool) -> String {
    let (mut a, mut b) = (shown(&c.a), shown(&c.b));
    if !matches!(
        c.kind,
        FactKind::Quote | FactKind::Entity | FactKind::Attribution | FactKind::Byline
    ) {
        (a, b) = (mid_sentence(a), mid_sentence(b));
    }
    let slot = if c.slot.is_empty() {
        default_slot(c.kind)
    } else {
        c.slot.as_str()
    };
    let mut out = match c.kind {
        FactKind::Quote => {
            // Words of the quote left out before or after what differs: "… the winter in a …"
            // (one "…" at the end when `shown` has already cut it).
            let cut = |s: String, [before, after]: [bool; 2]| {
                format!(
                    "{}{s}{}",
                    if before { "… " } else { "" },
                    if after && !s.ends_with('…') {
                        " …"
                    } else {
                        ""
                    }
                )
            };
            let (a, b) = (cut(a, c.elided.a), cut(b, c.elided.b));
            format!("{slot}: {la} has “{a}”, {lb} has “{b}”")
        }
        FactKind::Entity => format!("{slot}: {la} writes “{a}”, {lb} writes “{b}”"),
        _ => format!("{slot}: {la} says {a}, {lb} says {b}"),
    };
    if possible {
        out.push_str(" (possible: the link is weak)");
    }
    out
}

/// The slot of a conflict that does not name one (saved before slots were named).
fn default_slot(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Age => "Age",
        FactKind::Money => "Sum",
        FactKind::Count => "Number",
        FactKind::Percent => "Percentage",
        FactKind::Quantity => "Amount",
        FactKind::Date => "Date",
        FactKind::Magnitude => "Magnitude",
        FactKind::Time => "Time",
        FactKind::Rank => "Place in a series",
        FactKind::Published => "Date of the article",
        FactKind::Quote => "Wording of the quote",
        FactKind::Attribution => "Who said it",
        FactKind::Entity => "Spelling of a name",
        FactKind::Byline => "Author",
    }
}

/// A value that opened its sentence as it reads inside the flag's: "At least 43 people" as
/// "at least 43 people", "Seven climbers" as "seven climbers", "A third" as "a third". Only
/// a hedge, an article or a number word is lowered; a name stays as written.
fn mid_sentence(v: String) -> String {
    let lower = v.to_lowercase();
    let hedged = HEDGES_BEFORE
        .iter()
        .any(|(h, _)| lower.starts_with(h) && !lower[h.len()..].starts_with(char::is_alphanumeric));
    let first_word = lower.split_whitespace().next().unwrap_or("");
    let counted = matches!(first_word, "a" | "an") || number_word(first_word).is_some();
    match v.chars().next() {
        Some(first) if (hedged || counted) && first.is_uppercase() => {
            first.to_lowercase().chain(v.chars().skip(1)).collect()
        }
        _ => v,
    }
}

/// `s` on one line, white space collapsed, cut to [`SHOWN`] characters.
fn shown(s: &str) -> String {
    let one: Vec<&str> = s.split_whitespace().collect();
    let one = one.join(" ");
    if one.chars().count() <= SHOWN {
        return one;
    }
    let cut: String = one.chars().take(SHOWN - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn flag(kind: FactKind, slot: &str, a: &str, b: &str) -> Conflict {
        Conflict {
            kind,
            a: a.into(),
            b: b.into(),
            a_span: Span::new(0, a.len()),
            b_span: Span::new(0, b.len()),
            slot: slot.into(),
            elided: Default::default(),
        }
    }

    #[test]
    fn a_flag_names_its_slot_and_both_values() {
        let c = flag(FactKind::Magnitude, "Magnitude", "7.6", "7.7");
        assert_eq!(
            sentence(&c, "A", "B", false),
            "Magnitude: A says 7.6, B says 7.7"
        );
        let c = flag(FactKind::Count, "Killed", "42", "At least 43");
        assert_eq!(
            sentence(&c, "A", "C", true),
            "Killed: A says 42, C says at least 43 (possible: the link is weak)"
        );
        // A hedge that opened its sentence is lowered; a word it only begins is not.
        let c = flag(
            FactKind::Count,
            "Killed",
            "Some 168,000 people",
            "Overton's 170",
        );
        assert_eq!(
            sentence(&c, "A", "B", false),
            "Killed: A says some 168,000 people, B says Overton's 170"
        );
        // So are an article and a number word; a name is not.
        let c = flag(
            FactKind::Count,
            "Protesters",
            "A dozen protesters",
            "Forty-two protesters",
        );
        assert_eq!(
            sentence(&c, "A", "B", false),
            "Protesters: A says a dozen protesters, B says forty-two protesters"
        );
        let c = flag(FactKind::Count, "Killed", "Seven", "Avalon's 8");
        assert_eq!(
            sentence(&c, "A", "B", false),
            "Killed: A says seven, B says Avalon's 8"
        );
        // A conflict saved before slots were named still reads as a sentence.
        let c = flag(FactKind::Age, "", "56", "62");
        assert_eq!(sentence(&c, "A", "B", false), "Age: A says 56, B says 62");
    }

    #[test]
    fn long_quotes_are_cut_on_one_line() {
        let long = "word ".repeat(40);
        let c = flag(
            FactKind::Quote,
            "Wording of the quote",
            &long,
            "short\nquote",
        );
        let s = sentence(&c, "A", "B", false);
        assert!(s.contains("“short quote”"), "{s}");
        assert!(s.contains("…”"), "{s}");
        assert!(!s.contains('\n'));
    }
}
