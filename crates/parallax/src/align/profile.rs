//! What the aligner knows about each passage: its content terms with weights.
//!
//! A term is a stem shared by both sides (interned to a number). Its weight is how rare it
//! is in its own document (a word every passage uses tells nothing about which passages
//! match), times a bonus for names and numbers, which carry most of what identifies a claim.

use std::collections::HashMap;

use super::{Params, Side};
use crate::span::Span;
use crate::text::{Language, Token, tokens};

/// One content term of a passage.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    /// The interned stem.
    pub id: u32,
    /// Its weight in this passage.
    pub w: f32,
    /// Where it first stands in the passage.
    pub span: Span,
}

/// A passage as the aligner sees it.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    /// Content terms, sorted by id, each once.
    pub terms: Vec<Term>,
    /// Sum of the weights.
    pub total: f32,
}

impl Profile {
    /// The union of passages' terms, as one passage.
    pub fn merged(ps: &[Profile]) -> Profile {
        let mut terms: Vec<Term> = ps.iter().flat_map(|p| p.terms.iter().copied()).collect();
        terms.sort_by_key(|t| t.id);
        terms.dedup_by_key(|t| t.id);
        let total = terms.iter().map(|t| t.w).sum();
        Profile { terms, total }
    }

    /// The terms of `self` that `other` lacks.
    pub fn without(&self, other: &Profile) -> Profile {
        let terms: Vec<Term> = self
            .terms
            .iter()
            .copied()
            .filter(|t| other.terms.binary_search_by_key(&t.id, |o| o.id).is_err())
            .collect();
        let total = terms.iter().map(|t| t.w).sum();
        Profile { terms, total }
    }
}

/// Facts about an interned term.
#[derive(Clone, Copy, Debug, Default)]
pub struct TermInfo {
    /// Written capitalised inside a sentence: a name.
    pub name: bool,
    /// Holds a digit.
    pub number: bool,
}

/// Both sides' profiles and the shared term dictionary.
pub struct Profiles {
    /// Profiles of A's passages.
    pub a: Vec<Profile>,
    /// Profiles of B's passages.
    pub b: Vec<Profile>,
    /// Per term id.
    pub info: Vec<TermInfo>,
    /// Folded spellings per term id (for near-spelling matches).
    pub spelling: Vec<String>,
    /// Term id per stem.
    pub ids: foldhash::HashMap<String, u32>,
}

struct Raw {
    id: u32,
    span: Span,
}

/// Builds the profiles of both sides.
pub fn build(a: Side<'_>, b: Side<'_>, params: &Params) -> Profiles {
    let mut dict: foldhash::HashMap<String, u32> = Default::default();
    let mut info: Vec<TermInfo> = Vec::new();
    let mut spelling: Vec<String> = Vec::new();
    let mut raw_side = |side: Side<'_>| -> Vec<Vec<Raw>> {
        side.segments
            .iter()
            .map(|s| {
                let mut out: Vec<Raw> = Vec::new();
                let toks = tokens(side.text, s.span, side.lang);
                let headline = title_case(&toks, params);
                let mut intern = |stem: String, folded: &str| -> u32 {
                    let next = dict.len() as u32;
                    let id = *dict.entry(stem).or_insert(next);
                    if id == next {
                        info.push(TermInfo::default());
                        spelling.push(folded.to_string());
                    }
                    id
                };
                // A compound written with a hyphen, as plain language does
                // ("Energy-Drinks"), is also the closed compound the other source may
                // write ("Energydrinks"). One written with a middle dot ("Bundes·tag") is one
                // word, and folding already drops the dot.
                for w in toks.windows(2) {
                    let gap = &side.text[w[0].span.end..w[1].span.start];
                    if matches!(gap, "-" | "‐" | "‑") && !w[0].numeric && !w[1].numeric {
                        let joined = format!("{}{}", w[0].folded, w[1].folded);
                        let id = intern(side.lang.stem(&joined), &joined);
                        let span = Span::new(w[0].span.start, w[1].span.end);
                        out.push(Raw { id, span });
                    }
                }
                let kept: Vec<&Token> = toks
                    .iter()
                    .filter(|t| !t.stop && (t.folded.chars().count() >= 2 || t.numeric))
                    .collect();
                let ids: Vec<u32> = kept
                    .iter()
                    .map(|t| intern(t.stem.clone(), &t.folded))
                    .collect();
                for (t, id) in kept.into_iter().zip(ids) {
                    let inf = &mut info[id as usize];
                    // German capitalises every noun, so a capital says nothing about names.
                    // In a headline every word is capitalised, names or not.
                    inf.name |=
                        t.capitalised && !headline && !t.numeric && side.lang == Language::English;
                    inf.number |= t.numeric;
                    out.push(Raw { id, span: t.span });
                }
                out
            })
            .collect()
    };
    let ra = raw_side(a);
    let rb = raw_side(b);
    let pa = profiles(&ra, &info, params);
    let pb = profiles(&rb, &info, params);
    Profiles {
        a: pa,
        b: pb,
        info,
        spelling,
        ids: dict,
    }
}

/// True when the passage is written in title case ("US Held Secret Talks With Minister"):
/// its capitals say nothing about which words are names.
fn title_case(toks: &[Token], params: &Params) -> bool {
    let words: Vec<&Token> = toks
        .iter()
        .skip(1)
        .filter(|t| !t.numeric && t.folded.chars().any(char::is_alphabetic))
        .collect();
    let caps = words.iter().filter(|t| t.capitalised).count();
    words.len() >= params.title_min_words && caps as f32 >= params.title_share * words.len() as f32
}

fn profiles(raw: &[Vec<Raw>], info: &[TermInfo], params: &Params) -> Vec<Profile> {
    let n = raw.len() as f32;
    let mut df: HashMap<u32, u32> = HashMap::new();
    for seg in raw {
        let mut ids: Vec<u32> = seg.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            *df.entry(id).or_default() += 1;
        }
    }
    raw.iter()
        .map(|seg| {
            let mut terms: Vec<Term> = Vec::with_capacity(seg.len());
            for r in seg {
                if terms.iter().any(|t| t.id == r.id) {
                    continue;
                }
                let d = df[&r.id] as f32;
                let idf = (1.0 + n / d).ln();
                let inf = info[r.id as usize];
                let bonus = if inf.number {
                    params.number_bonus
                } else if inf.name {
                    params.name_bonus
                } else {
                    1.0
                };
                let w = idf * bonus;
                terms.push(Term {
                    id: r.id,
                    w,
                    span: r.span,
                });
            }
            terms.sort_unstable_by_key(|t| t.id);
            let total = terms.iter().map(|t| t.w).sum();
            Profile { terms, total }
        })
        .collect()
}
