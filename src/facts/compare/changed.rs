//! Numbers a link's word changes replace, where no typed fact covers them: "400 mg" →
//! "300 mg", "im Jahr 2015" → "im Jahr 2018". The extractors type only the numbers they
//! understand (ages, sums, counts of a known noun, quantities in a known unit, dates); an
//! editor comparing two revisions wants every changed number, so the word diff supplies
//! the rest.

use std::sync::LazyLock;

use regex::Regex;

use crate::align::{Change, ChangeOp};
use crate::facts::{Conflict, FactKind};

/// A number as written: digits with inner separators ("2,5", "1.000", "3/4").
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+(?:[.,/:]\d+)*").expect("valid pattern"));

/// The numbers of `s`, digits only: "2,5" and "2.5", "1.000" and "1,000" are written
/// differently in German and English but say the same.
fn numbers(s: &str) -> Vec<String> {
    NUMBER
        .find_iter(s)
        .map(|m| m.as_str().chars().filter(char::is_ascii_digit).collect())
        .collect()
}

/// Conflicts for the replaced words of `changes` that hold numbers on both sides and
/// different ones, unless a conflict in `found` already covers them. They are reported as
/// quantities: a number, with whatever words the diff took along.
pub fn changed_numbers(changes: &[Change], found: &[Conflict]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for c in changes {
        let (ChangeOp::Replace, Some(sa), Some(sb)) = (c.op, c.a_span, c.b_span) else {
            continue;
        };
        let (na, nb) = (numbers(&c.a), numbers(&c.b));
        if na.is_empty() || nb.is_empty() || na == nb {
            continue;
        }
        let covered = found
            .iter()
            .any(|f| f.a_span.overlaps(&sa) || f.b_span.overlaps(&sb));
        if !covered {
            out.push(Conflict {
                kind: FactKind::Quantity,
                a: c.a.clone(),
                b: c.b.clone(),
                a_span: sa,
                b_span: sb,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

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
        let got = changed_numbers(&changes, &[]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].a.as_str(), got[0].b.as_str()), ("400", "300"));
        // A number a typed fact already compares is not reported twice.
        assert!(changed_numbers(&changes[..1], &got[..1]).is_empty());
    }
}
