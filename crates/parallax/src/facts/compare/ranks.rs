//! Ranks compared: two places in one series that cannot both be right ("the 14th floor" and
//! "the 12th floor"; "finished third" and "finished fifth"). A series is the noun the ranks
//! stand before, or a place in a field (see `facts::ranks`); ranks of two series are never
//! set against each other ("the third meeting" and "the second hold").

use super::super::ranks::PLACE;
use super::{LinkSide, conflict};
use crate::facts::{Conflict, Fact, FactKind};

/// A rank's number and series, from its value ("14 floor").
fn read(f: &Fact) -> Option<(&str, &str)> {
    f.value.split_once(' ')
}

/// The slot in words: "Place", "Which floor".
fn label(series: &str) -> String {
    if series == PLACE {
        "Place".to_string()
    } else {
        format!("Which {series}")
    }
}

/// A conflict for each series both sides rank where no rank of one side is a rank of the
/// other: one flag per series, on the first rank each side gives of it.
pub(super) fn compare<'a>(a: &LinkSide<'a>, b: &LinkSide<'a>, out: &mut Vec<Conflict>) {
    let (ra, rb) = (a.of(FactKind::Rank), b.of(FactKind::Rank));
    if ra.is_empty() || rb.is_empty() {
        return;
    }
    let mut done: Vec<&str> = Vec::new();
    for x in &ra {
        let Some((_, series)) = read(x) else { continue };
        if done.contains(&series) {
            continue;
        }
        done.push(series);
        let of = |side: &[&'a Fact]| -> Vec<(&'a str, &'a Fact)> {
            (side.iter())
                .filter_map(|&f| read(f).filter(|(_, s)| *s == series).map(|(n, _)| (n, f)))
                .collect()
        };
        let (xs, ys) = (of(&ra), of(&rb));
        if ys.is_empty() || xs.iter().any(|(n, _)| ys.iter().any(|(m, _)| n == m)) {
            continue;
        }
        let (fx, fy) = (xs[0].1, ys[0].1);
        let mut c = conflict(
            FactKind::Rank,
            fx.span.slice(a.src.text).to_string(),
            fy.span.slice(b.src.text).to_string(),
            fx.span,
            fy.span,
        );
        c.slot = label(series);
        out.push(c);
    }
}
