//! Near spellings: "Caracus" ≈ "Caracas", "Nicholas" ≈ "Nicolás" (after folding).
//!
//! Only words one side has and the other lacks are compared, through a deletion index
//! (every word and its one-letter deletions as keys, as SymSpell does): two words that meet
//! on a key are at most two edits apart, and no pair of the vocabularies is compared blindly.

use std::collections::{HashMap, HashSet};

/// Longest word (in characters) matched by spelling. The deletion index costs the square of
/// a word's length (each deletion is a copy of the word) and the edit distance the product
/// of two lengths, so an 80 KB "word" took 6 GB (F1). The longest words of real text, German
/// compounds ("Donaudampfschifffahrtsgesellschaftskapitän", 42), stay below it.
const MAX_LEN: usize = 64;

/// A term of B that may stand for a term of A.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alias {
    /// B's term id.
    pub id: u32,
    /// How much of a match it is, in (0, 1).
    pub q: f32,
    /// Near in meaning ("talks" ≈ "conversations") rather than in spelling.
    pub by_meaning: bool,
}

/// Partners of A's terms among B's terms, by id: near spellings and near meanings. Looked
/// up for every term a candidate pair does not share, so with a fast hash.
pub type Aliases = foldhash::HashMap<u32, Vec<Alias>>;

fn deletions(w: &[char]) -> Vec<String> {
    let mut out = vec![w.iter().collect::<String>()];
    for i in 0..w.len() {
        out.push(w[..i].iter().chain(&w[i + 1..]).collect());
    }
    out
}

/// Optimal-string-alignment distance (Levenshtein with transpositions).
pub fn distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Aliases between the terms only A uses and the terms only B uses, of at least `min_len`
/// characters.
pub fn aliases(
    spelling: &[String],
    in_a: &HashSet<u32>,
    in_b: &HashSet<u32>,
    min_len: usize,
) -> Aliases {
    let usable = |id: &u32| {
        let s = &spelling[*id as usize];
        (min_len..=MAX_LEN).contains(&s.chars().count()) && s.chars().all(char::is_alphabetic)
    };
    let mut index: HashMap<String, Vec<u32>> = HashMap::new();
    for &id in in_b.iter().filter(|id| !in_a.contains(id) && usable(id)) {
        let chars: Vec<char> = spelling[id as usize].chars().collect();
        for key in deletions(&chars) {
            index.entry(key).or_default().push(id);
        }
    }
    let mut out = Aliases::default();
    for &id in in_a.iter().filter(|id| !in_b.contains(id) && usable(id)) {
        let chars: Vec<char> = spelling[id as usize].chars().collect();
        let mut seen: HashSet<u32> = HashSet::new();
        for key in deletions(&chars) {
            for &other in index.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
                if !seen.insert(other) {
                    continue;
                }
                let oc: Vec<char> = spelling[other as usize].chars().collect();
                // Same first letter: spelling slips rarely hit the first one, and it keeps
                // "bound"/"round" apart.
                if oc[0] != chars[0] {
                    continue;
                }
                let d = distance(&chars, &oc);
                let len = chars.len().min(oc.len());
                let q = match d {
                    1 => 0.85,
                    2 if len >= 7 => 0.7,
                    _ => continue,
                };
                out.entry(id).or_default().push(Alias {
                    id: other,
                    q,
                    by_meaning: false,
                });
            }
        }
    }
    for v in out.values_mut() {
        v.sort_by_key(|x| x.id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_spellings_pair_up_and_distant_words_do_not() {
        let words: Vec<String> = [
            "caracus", "nicholas", "meeting", "caracas", "nicolas", "melting", "round",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let a: HashSet<u32> = [0, 1, 2].into();
        let b: HashSet<u32> = [3, 4, 5, 6].into();
        let al = aliases(&words, &a, &b, 5);
        assert_eq!(al[&0][0].id, 3);
        assert_eq!(al[&1][0].id, 4);
        assert!(al.get(&2).is_none_or(|v| v.iter().all(|x| x.id != 6)));
        assert_eq!(distance(&['a', 'b'], &['b', 'a']), 1);
    }
}
