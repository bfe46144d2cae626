//! The reasons of a link: shared names, numbers, near spellings and meanings, key terms,
//! and whether the texts' order helped. They are kept as data and put into words in one
//! place, [`Reason::words`], for every report and the reader.

use serde::{Deserialize, Serialize};

use super::Side;
use super::fuzzy::Aliases;
use super::group::Group;
use super::profile::{Profiles, Term};

/// Key terms named at most.
const KEY_TERMS: usize = 6;

/// One reason the aligner gives for a link. Words are as the texts write them; a pair holds
/// A's word, then B's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Names both sides hold.
    SharedNames(Vec<String>),
    /// Numbers both sides hold.
    SharedNumbers(Vec<String>),
    /// Words spelt nearly alike ("Caracus", "Caracas").
    NearSpellings(Vec<(String, String)>),
    /// Words near in meaning ("meeting", "met").
    NearMeanings(Vec<(String, String)>),
    /// The weightiest other words both sides hold, weightiest first.
    SharedTerms(Vec<String>),
    /// The passages stand where the order the two texts share expects them.
    InOrder,
    /// The sentence encoder reads the two as close in meaning: its cosine, in hundredths.
    CloseInMeaning {
        /// The cosine × 100.
        hundredths: u8,
    },
    /// The passages state one fact two ways (what differs, in words: "Killed", "Wording of
    /// the quote"): joined after the aligner's own links, so that a reader checking facts
    /// sees them side by side.
    SameFact(Vec<String>),
    /// The two passages have the same words, case and punctuation aside (a quote both give).
    SameWords,
    /// The reader linked the passages by hand: a correction, taken as certain.
    ByHand,
    /// The texts follow one order and this link stands at another point of it: a passage
    /// one of them moved (a revision that moves a paragraph up).
    Moved,
    /// The link joins `a` passages of A with `b` of B, more than one on some side.
    Grouped {
        /// Passages of A.
        a: usize,
        /// Passages of B.
        b: usize,
    },
}

impl Reason {
    /// The reason in words, with the link's sides named `la` and `lb` (A and B for the
    /// first two sources; a front end showing sources B and D names them so): "shared
    /// names: Cabello, Caracas", "near spellings: Caracus ≈ Caracas", "2 passages of B tell
    /// what 1 of D tells".
    pub fn words(&self, la: &str, lb: &str) -> String {
        let pairs = |ps: &[(String, String)]| {
            let each: Vec<String> = ps.iter().map(|(x, y)| format!("{x} ≈ {y}")).collect();
            each.join(", ")
        };
        match self {
            Reason::SharedNames(w) => format!("shared names: {}", w.join(", ")),
            Reason::SharedNumbers(w) => format!("shared numbers: {}", w.join(", ")),
            Reason::NearSpellings(p) => format!("near spellings: {}", pairs(p)),
            Reason::NearMeanings(p) => format!("near meanings: {}", pairs(p)),
            Reason::SharedTerms(w) => format!("shared terms: {}", w.join(", ")),
            Reason::InOrder => "in the same place in both texts' order".to_string(),
            Reason::CloseInMeaning { hundredths } => {
                format!(
                    "close in meaning: {}.{:02}",
                    hundredths / 100,
                    hundredths % 100
                )
            }
            Reason::SameFact(w) => format!("one fact told two ways: {}", w.join(", ")),
            Reason::SameWords => "word for word".to_string(),
            Reason::ByHand => "linked by hand".to_string(),
            Reason::Moved => "moved: out of the order both texts follow".to_string(),
            Reason::Grouped { a, b } => grouped(*a, *b, la, lb),
        }
    }
}

/// The reasons for one group.
pub fn reasons(
    p: &Profiles,
    aliases: &Aliases,
    a: Side<'_>,
    b: Side<'_>,
    g: &Group,
    ordered: bool,
) -> Vec<Reason> {
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
            let pair = (word, tb.span.slice(b.text).to_string());
            if al.by_meaning {
                close.push(pair);
            } else {
                near.push(pair);
            }
        }
    }
    keys.sort_by(|x, y| y.0.total_cmp(&x.0));
    let keys: Vec<String> = keys.into_iter().take(KEY_TERMS).map(|k| k.1).collect();
    let several = g.a.len() > 1 || g.b.len() > 1;
    [
        (!names.is_empty()).then_some(Reason::SharedNames(names)),
        (!numbers.is_empty()).then_some(Reason::SharedNumbers(numbers)),
        (!near.is_empty()).then_some(Reason::NearSpellings(near)),
        (!close.is_empty()).then_some(Reason::NearMeanings(close)),
        (!keys.is_empty()).then_some(Reason::SharedTerms(keys)),
        ordered.then_some(Reason::InOrder),
        several.then_some(Reason::Grouped {
            a: g.a.len(),
            b: g.b.len(),
        }),
    ]
    .into_iter()
    .flatten()
    .collect()
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

#[cfg(test)]
mod tests {
    use super::Reason;

    #[test]
    fn the_grouping_reason_takes_the_pairs_letters() {
        let r = Reason::Grouped { a: 2, b: 1 };
        assert_eq!(r.words("B", "D"), "2 passages of B tell what 1 of D tells");
        assert_eq!(
            Reason::Grouped { a: 1, b: 3 }.words("C", "D"),
            "1 passage of C tells what 3 of D tell"
        );
        assert_eq!(r.words("A", "B"), "2 passages of A tell what 1 of B tells");
        let other = Reason::SharedNames(vec!["A".into(), "B".into()]);
        assert_eq!(other.words("C", "D"), "shared names: A, B");
    }

    #[test]
    fn reasons_are_saved_as_data_not_words() {
        let near = Reason::NearSpellings(vec![("Caracus".into(), "Caracas".into())]);
        assert_eq!(near.words("A", "B"), "near spellings: Caracus ≈ Caracas");
        let saved = serde_json::to_string(&[near, Reason::InOrder, Reason::Grouped { a: 2, b: 1 }]);
        assert_eq!(
            saved.unwrap(),
            r#"[{"near_spellings":[["Caracus","Caracas"]]},"in_order",{"grouped":{"a":2,"b":1}}]"#
        );
    }
}
