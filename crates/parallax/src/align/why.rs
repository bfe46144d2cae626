//! The reasons of a link, in words: shared names, numbers, near spellings and meanings, key
//! terms, and whether the texts' order helped.

use super::Side;
use super::fuzzy::Aliases;
use super::group::Group;
use super::profile::{Profiles, Term};

/// Key terms named at most.
const KEY_TERMS: usize = 6;

/// The reasons for one group.
pub fn reasons(
    p: &Profiles,
    aliases: &Aliases,
    a: Side<'_>,
    b: Side<'_>,
    g: &Group,
    ordered: bool,
) -> Vec<String> {
    let mut terms_a: Vec<Term> =
        g.a.iter()
            .flat_map(|&i| p.a[i].terms.iter().copied())
            .collect();
    let mut terms_b: Vec<Term> =
        g.b.iter()
            .flat_map(|&j| p.b[j].terms.iter().copied())
            .collect();
    terms_a.sort_by_key(|t| (t.id, t.span.start));
    terms_a.dedup_by_key(|t| t.id);
    terms_b.sort_by_key(|t| (t.id, t.span.start));
    terms_b.dedup_by_key(|t| t.id);
    let in_b = |id: u32| {
        terms_b
            .binary_search_by_key(&id, |t| t.id)
            .ok()
            .map(|k| terms_b[k])
    };
    let (mut names, mut numbers, mut keys, mut near, mut close) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for ta in &terms_a {
        let word = ta.span.slice(a.text).to_string();
        if let Some(tb) = in_b(ta.id) {
            let info = p.info[ta.id as usize];
            let w = (ta.w * tb.w).sqrt();
            if info.number {
                numbers.push(word);
            } else if info.name {
                names.push(word);
            } else {
                keys.push((w, word));
            }
        } else if let Some((tb, al)) = aliases
            .get(&ta.id)
            .and_then(|al| al.iter().find_map(|al| Some((in_b(al.id)?, al))))
        {
            let pair = format!("{word} ≈ {}", tb.span.slice(b.text));
            if al.by_meaning {
                close.push(pair);
            } else {
                near.push(pair);
            }
        }
    }
    keys.sort_by(|x, y| y.0.total_cmp(&x.0));
    let keys: Vec<String> = keys.into_iter().take(KEY_TERMS).map(|k| k.1).collect();
    let mut out = Vec::new();
    for (label, list) in [
        ("shared names", names),
        ("shared numbers", numbers),
        ("near spellings", near),
        ("near meanings", close),
        ("shared terms", keys),
    ] {
        if !list.is_empty() {
            out.push(format!("{label}: {}", list.join(", ")));
        }
    }
    if ordered {
        out.push("in the same place in both texts' order".to_string());
    }
    if g.a.len() > 1 || g.b.len() > 1 {
        out.push(grouped(g.a.len(), g.b.len(), "A", "B"));
    }
    out
}

/// "2 passages of A tell what 1 of B tells": the reason of an n:m link, with its sides
/// named `la` and `lb`.
fn grouped(n: usize, m: usize, la: &str, lb: &str) -> String {
    let words = |k: usize| {
        if k == 1 {
            ("passage", "tells")
        } else {
            ("passages", "tell")
        }
    };
    let ((noun, verb), (_, verb_m)) = (words(n), words(m));
    format!("{n} {noun} of {la} {verb} what {m} of {lb} {verb_m}")
}

/// One reason of a link with the pair's sides named `la` and `lb` rather than A and B.
///
/// A link's reasons name its sides as the alignment sees them, A and B, which are the
/// report's letters only for the first two sources; a front end showing sources A and C
/// renames them here. Reasons that name no side are returned as they are.
pub fn with_letters(reason: &str, la: &str, lb: &str) -> String {
    let parse = || {
        let w: Vec<&str> = reason.split(' ').collect();
        let shape = w.len() == 10 && w[1].starts_with("passage") && w[5] == "what";
        if !(shape && w[2..4] == ["of", "A"] && w[7..9] == ["of", "B"]) {
            return None;
        }
        Some(grouped(w[0].parse().ok()?, w[6].parse().ok()?, la, lb))
    };
    parse().unwrap_or_else(|| reason.to_string())
}

#[cfg(test)]
mod tests {
    use super::with_letters;

    #[test]
    fn the_grouping_reason_takes_the_pairs_letters() {
        let r = "2 passages of A tell what 1 of B tells";
        assert_eq!(
            with_letters(r, "B", "D"),
            "2 passages of B tell what 1 of D tells"
        );
        assert_eq!(
            with_letters("1 passage of A tells what 3 of B tell", "C", "D"),
            "1 passage of C tells what 3 of D tell"
        );
        assert_eq!(with_letters(r, "A", "B"), r);
        let other = "shared names: A, B";
        assert_eq!(with_letters(other, "C", "D"), other);
    }
}
