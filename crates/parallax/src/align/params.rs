//! The aligner's knobs in one value. The defaults are the values measured best; each field
//! says what it does and, where it was tuned, what the alternatives measured. Evaluation
//! tools sweep them without rebuilding: `parallax align --params FILE` reads a JSON object
//! with any subset of the fields (`{"order_bonus": 0.3}`), the rest keeping their default.

use serde::{Deserialize, Serialize};

/// The largest count a parameter may hold: far above any useful value, and small enough
/// that a sum or a product of two counts fits in 64 bits.
pub const MAX_COUNT: usize = u32::MAX as usize;

/// Every tunable of the aligner, by the stage that reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    // Profiles (profile.rs): what each passage's terms weigh.
    /// Extra weight of a name (a word capitalised inside an English sentence).
    pub name_bonus: f32,
    /// Extra weight of a number.
    pub number_bonus: f32,
    /// Fewest words after the first for a passage to be judged written in title case (a
    /// headline, whose capitals say nothing about names).
    pub title_min_words: usize,
    /// Share of those words written capitalised in title case. Running text that lists
    /// names ("Cabello, Delcy Rodríguez and Nicolás Maduro met") stays below it.
    pub title_share: f32,

    // Near words (fuzzy.rs, meaning.rs).
    /// Shortest word (in characters) that may match by spelling: short words are too often
    /// one letter from another word ("US"/"UN", "war"/"was").
    pub spelling_min_len: usize,
    /// Neighbours closer than this cosine count as near in meaning. On the samples, at 0.6
    /// loose pairs ("somewhat" ≈ "part") lift the background so much that true links with
    /// little in common fall below it; at 0.7 and above only close words remain.
    pub meaning_close: f32,

    // Pair scores (score.rs).
    /// Share of containment (vs. the symmetric cosine) in the lexical score.
    pub containment_share: f32,
    /// A pair whose shared weight comes from a single term keeps only `lone_term` of its
    /// score when both passages have at least this many terms: one word in common is what
    /// two claims of one story share by chance. A one-word piece ("And lazy.") is exempt.
    /// Measured: sample link precision .79 → .93 and unique recall .81 → .94 at the same link
    /// recall; DEplain micro F1 .579 → .585, groups .558 → .588; MSRP unchanged. A share of 0
    /// or 0.5, or a minimum of 1 or 3 terms, measured lower.
    pub lone_min_terms: usize,
    /// See `lone_min_terms`.
    pub lone_term: f32,
    /// Pairs of documents smaller than this (passages of A × passages of B) are scored in
    /// full; larger ones only on candidates from the inverted index (a cost bound).
    pub full_pairs: usize,
    /// A term found in more passages than this is skipped when looking for candidates: it
    /// would make the search quadratic and says little about which passages match.
    pub posting_cap: usize,
    /// Candidates kept per passage of A from the index.
    pub per_passage: usize,

    // Order (order.rs, align.rs).
    /// Matches surer than this trace the texts' common path.
    pub anchor: f32,
    /// Fewest anchors for a path to mean anything.
    pub min_anchors: usize,
    /// Share of anchors that must lie on one increasing path for the texts to count as
    /// ordered.
    pub ordered_share: f32,
    /// Before the path's first point and after its last, a source may add a whole opening
    /// or ending: inside such an open end the closeness is scaled down to this many passages
    /// of B over the width of the range. (Without it, a rewrite's unrelated last paragraphs
    /// all counted as "on the path" and linked on a name or two: sample precision .81
    /// instead of .93.)
    pub open_end_width: f32,
    /// Largest bonus a pair gets for lying on the path of two texts told in the same order.
    /// DEplain-web dev, micro pair F1 with the path traced by the plain chain: .595 at 0.12,
    /// .598 at 0.15, .604 at 0.2, .602 at 0.25, .599 at 0.3 (the samples do not move).
    pub order_bonus: f32,
    /// Share of its score a pair far from that path loses: a repeated line ("So it was.")
    /// should match its counterpart in place, not one three pages on.
    pub off_path: f32,
    /// How far (in passages) from the expected place the order bonus reaches.
    pub order_reach: f32,
    /// Widest range of B (in passages) whose pairs near the path are added for one passage
    /// of A. A wider range (a long stretch one text adds, or an open end) would add a pair
    /// for every passage in it, quadratic in its length; the candidate search covers it.
    pub near_span_cap: f32,

    // Best partners (group.rs).
    /// Weakest score that links two passages, whatever the background.
    pub floor: f32,
    /// How far above the background a score must stand to link.
    pub margin: f32,
    /// The background score expected between unrelated passages before any is seen.
    pub prior_background: f32,
    /// How many observations `prior_background` is worth.
    pub prior_weight: f32,
    /// Competitors averaged per passage for its background.
    pub competitors: usize,
    /// A second partner is kept when its score reaches this share of the best one.
    pub near_tie: f32,
    /// A join that would make a group with several passages on both sides (n:m) needs a
    /// score this high: weaker chains of "best partner of a best partner" would otherwise
    /// glue half a document together.
    pub many_to_many: f32,
    /// A pair is dropped when either of its passages has a partner this much better.
    pub outdone: f32,

    // The monotone chain for ordered texts (monotone.rs, absorb.rs, align.rs).
    /// What a merged step (1:2 and the like) costs per extra passage: a merge must match
    /// clearly better than the single passage it extends.
    pub merge_cost: f32,
    /// Inputs this small (cells of the dynamic programme) are searched whole rather than in
    /// a band around the path.
    pub full_band: usize,
    /// Largest band (cells) worth searching; larger inputs keep best-partner links.
    pub max_cells: usize,
    /// Above this many cells only the steps of up to three passages are tried: the long
    /// merges cost a profile union each.
    pub long_steps_cells: usize,
    /// A link off the chain survives only this strong: in ordered texts a moved sentence is
    /// rarer than a chance match, and it has already lost `off_path` of its score. At 0.4 a
    /// moved sentence with one word changed ("Herbst 2025" → "Herbst 2026") still links.
    /// DEplain-web dev, micro pair F1 / groups: .608 / .587 at 0.6, .609 / .588 at 0.5 and
    /// at 0.4, .608 / .585 at 0.3; the samples do not move.
    pub strong_outside: f32,
    /// Share of a passage's (weighted) words that must stand in what the neighbouring link's
    /// other side says beyond the link's own passages, for a passage the chain left out to
    /// join it. DEplain-web dev (micro pair F1 / exact groups), 2026-11-22: against what the
    /// link's passages leave uncovered .600 / .591 at 0.3, .608 / .592 at 0.25, .615 / .595
    /// at 0.2, .619 / .595 at 0.15, .617 / .597 at 0.1, .609 / .593 at 0.05.
    pub held: f32,

    // The learned link score (judge.rs).
    /// Its weights and the probability a link must reach; the defaults are the shipped
    /// model (`assets/link-model.json`).
    pub link_model: super::LinkModel,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            name_bonus: 1.6,
            number_bonus: 1.6,
            title_min_words: 4,
            title_share: 0.75,
            spelling_min_len: 5,
            meaning_close: 0.7,
            containment_share: 0.4,
            lone_min_terms: 2,
            lone_term: 0.3,
            full_pairs: 40_000,
            posting_cap: 64,
            per_passage: 24,
            anchor: 0.25,
            min_anchors: 4,
            ordered_share: 0.5,
            open_end_width: 3.0,
            order_bonus: 0.2,
            off_path: 0.3,
            order_reach: 3.0,
            near_span_cap: 64.0,
            floor: 0.1,
            margin: 0.05,
            prior_background: 0.35,
            prior_weight: 2.0,
            competitors: 8,
            near_tie: 0.85,
            many_to_many: 0.6,
            outdone: 0.65,
            merge_cost: 0.02,
            full_band: 40_000,
            max_cells: 6_000_000,
            long_steps_cells: 400_000,
            strong_outside: 0.4,
            held: 0.15,
            link_model: super::LinkModel::default(),
        }
    }
}

impl Params {
    /// True for the defaults: saved comparisons leave them out.
    pub fn is_default(&self) -> bool {
        *self == Params::default()
    }

    /// Parameters from a JSON object holding any subset of the fields; the message says
    /// what is wrong (an unknown field, a value of the wrong type, a number out of range:
    /// see [`Params::check`]).
    pub fn from_json(json: &str) -> Result<Params, String> {
        let params: Params = serde_json::from_str(json).map_err(|e| e.to_string())?;
        params.check()?;
        Ok(params)
    }

    /// Checks that every number is finite (1e40 reads as an infinite `f32`) and every count
    /// at most [`MAX_COUNT`]: the stages add to and multiply counts, and `competitors` at
    /// `u64::MAX` overflowed (found by the property test of the parsers). For `--params`
    /// and for the parameters a saved comparison holds.
    pub fn check(&self) -> Result<(), String> {
        // As JSON every field is a number (or, in the link model, a list of numbers), and a
        // non-finite float comes back as null: one walk checks every field, whatever fields
        // are added later.
        let back = serde_json::to_value(self).map_err(|e| e.to_string())?;
        check_numbers("", &back)
    }
}

/// Checks every number in `value` (at `name`) as [`Params::check`] says.
fn check_numbers(name: &str, value: &serde_json::Value) -> Result<(), String> {
    use serde_json::Value;
    match value {
        Value::Null => Err(format!("{name}: not a finite number")),
        Value::Number(n) if n.as_u64().is_some_and(|n| n > MAX_COUNT as u64) => {
            Err(format!("{name}: at most {MAX_COUNT}"))
        }
        Value::Array(items) => items.iter().try_for_each(|v| check_numbers(name, v)),
        Value::Object(fields) => fields.iter().try_for_each(|(k, v)| {
            let inner = if name.is_empty() {
                k.clone()
            } else {
                format!("{name}.{k}")
            };
            check_numbers(&inner, v)
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::Params;

    #[test]
    fn a_partial_object_keeps_the_other_defaults_and_a_typo_is_refused() {
        let p = Params::from_json(r#"{"order_bonus": 0.3}"#).unwrap();
        assert_eq!(p.order_bonus, 0.3);
        assert_eq!(p.held, Params::default().held);
        let e = Params::from_json(r#"{"order_bonsu": 0.3}"#).unwrap_err();
        assert!(e.contains("order_bonsu"), "{e}");
    }

    /// An infinite weight or a count past the cap is refused by name (`competitors` at
    /// u64::MAX overflowed in the aligner).
    #[test]
    fn out_of_range_numbers_are_refused_by_name() {
        let e = Params::from_json(r#"{"competitors": 18446744073709551615}"#).unwrap_err();
        assert!(e.starts_with("competitors: at most"), "{e}");
        let e = Params::from_json(r#"{"order_bonus": 1e40}"#).unwrap_err();
        assert_eq!(e, "order_bonus: not a finite number");
        assert!(Params::from_json(r#"{"competitors": 4294967295}"#).is_ok());
        let e = Params::from_json(
            r#"{"link_model": {"meaning": [], "fast": [1e40], "min_score": 0.5}}"#,
        )
        .unwrap_err();
        assert_eq!(e, "link_model.fast: not a finite number");
    }
}
