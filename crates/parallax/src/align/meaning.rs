//! Near meanings: a word of one source that the other says with another word ("talks" ≈
//! "conversations", "meeting" ≈ "met"), from the neighbour lists of the static vectors.
//!
//! Only whole words that the model's vocabulary holds are matched, and neither names nor
//! numbers: their vectors are made of word pieces and say nothing about what they mean.

use std::collections::{HashMap, HashSet};

use super::fuzzy::{Alias, Aliases};
use super::profile::Profiles;
use super::vectors::Table;
use crate::text::Language;

/// Adds near-meaning partners between A's terms (`in_a`) and B's terms (`in_b`) to `out`,
/// both ways: a term of A near a term of B, or a term of B near a term of A, when their
/// cosine is above `close`.
pub fn add_aliases(
    table: &Table,
    prof: &Profiles,
    lang: Language,
    (in_a, in_b): (&HashSet<u32>, &HashSet<u32>),
    close: f32,
    out: &mut Aliases,
) {
    let usable = |id: u32| {
        let info = prof.info[id as usize];
        !info.name && !info.number
    };
    // The terms near one term, with the cosine, found through its spelling's neighbours.
    let near = |id: u32| -> Vec<(u32, f32)> {
        let Some(entry) = table.find(&prof.spelling[id as usize]) else {
            return Vec::new();
        };
        table
            .neighbours(entry)
            .filter(|&(_, c)| c > close)
            .filter_map(|(w, c)| {
                let other = *prof.ids.get(&lang.stem(w))?;
                (other != id && usable(other)).then_some((other, c))
            })
            .collect()
    };
    let mut found: HashMap<(u32, u32), f32> = HashMap::new();
    for &x in in_a.iter().filter(|&&x| usable(x)) {
        for (y, c) in near(x) {
            if in_b.contains(&y) {
                found.insert((x, y), c);
            }
        }
    }
    for &y in in_b.iter().filter(|&&y| usable(y)) {
        for (x, c) in near(y) {
            if in_a.contains(&x) {
                let e = found.entry((x, y)).or_default();
                *e = e.max(c);
            }
        }
    }
    for ((x, y), c) in found {
        let list = out.entry(x).or_default();
        if list.iter().any(|al| al.id == y) {
            continue;
        }
        list.push(Alias {
            id: y,
            q: (c - close) / (1.0 - close),
            by_meaning: true,
        });
        list.sort_by_key(|al| al.id);
    }
}
