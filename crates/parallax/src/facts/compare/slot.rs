//! When two facts are the same fact, and which facts one document gives and the other
//! gives nowhere.

use std::collections::HashSet;

use super::super::{Analysed, Fact, FactKind};

/// Share of the shorter quote's words the other must hold for both to be one quote.
const QUOTE_OVERLAP: f32 = 0.6;

fn words(value: &str) -> HashSet<&str> {
    value.split(' ').filter(|w| !w.is_empty()).collect()
}

/// True when two quotes share most of the shorter one's words.
pub fn same_quote(x: &str, y: &str) -> bool {
    let (wx, wy) = (words(x), words(y));
    let short = wx.len().min(wy.len());
    short > 0 && wx.intersection(&wy).count() as f32 >= QUOTE_OVERLAP * short as f32
}

/// True when `x` and `y` state the same fact: equal values; for names, one the other's part
/// ("Cabello" in "Diosdado Cabello"); for quotes, mostly the same words.
pub fn same(x: &Fact, y: &Fact) -> bool {
    if x.kind != y.kind {
        return false;
    }
    if x.value == y.value {
        return true;
    }
    match x.kind {
        FactKind::Entity => {
            let (wx, wy) = (words(&x.value), words(&y.value));
            wx.is_subset(&wy) || wy.is_subset(&wx)
        }
        FactKind::Quote => same_quote(&x.value, &y.value),
        _ => false,
    }
}

/// Indices of the facts of `a` that `b` gives nowhere.
pub fn missing(a: Analysed<'_>, b: Analysed<'_>) -> Vec<usize> {
    let exact: HashSet<(FactKind, &str)> =
        b.facts.iter().map(|f| (f.kind, f.value.as_str())).collect();
    let names: HashSet<&str> = b
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Entity)
        .map(|f| f.value.as_str())
        .collect();
    let name_words: HashSet<&str> = b
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Entity)
        .flat_map(|f| f.value.split(' '))
        .collect();
    let quotes: Vec<&Fact> = b
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Quote)
        .collect();
    a.facts
        .iter()
        .enumerate()
        .filter(|(_, f)| !matches!(f.kind, FactKind::Byline | FactKind::Published))
        .filter(|(_, f)| {
            if exact.contains(&(f.kind, f.value.as_str())) {
                return false;
            }
            match f.kind {
                // A name spelt another way is a conflict, not a name only one side gives.
                FactKind::Entity => {
                    !f.value.split(' ').all(|w| name_words.contains(w))
                        && !names.iter().any(|n| super::misspelt(&f.value, n))
                }
                FactKind::Quote => !quotes.iter().any(|q| same_quote(&f.value, &q.value)),
                _ => true,
            }
        })
        .map(|(i, _)| i)
        .collect()
}
