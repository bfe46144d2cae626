//! How alike two passages read, for placing a note again by its quoted text.

use similar::{Algorithm, DiffOp, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

use crate::text::fold;

/// The words of `text`, folded (case, accents, curly quotes) and joined by single spaces,
/// so that re-typeset or re-wrapped text compares equal.
pub fn normalise(text: &str) -> String {
    text.unicode_words().map(fold).collect::<Vec<_>>().join(" ")
}

/// Similarity of two texts in [0, 1]: twice the words they share in order (a word-level
/// diff) over the words of both. 1 means the same words in the same order.
pub fn similarity(a: &str, b: &str) -> f32 {
    let wa: Vec<String> = a.unicode_words().map(fold).collect();
    let wb: Vec<String> = b.unicode_words().map(fold).collect();
    ratio(&wa, &wb)
}

/// The diff ratio of two word lists.
pub(super) fn ratio(wa: &[String], wb: &[String]) -> f32 {
    let total = wa.len() + wb.len();
    if total == 0 {
        return 1.0;
    }
    let same: usize = capture_diff_slices(Algorithm::Myers, wa, wb)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    2.0 * same as f32 / total as f32
}

/// The highest ratio two lists of these lengths could reach: a cheap bound that spares the
/// diff when it cannot reach a threshold.
pub(super) fn ratio_bound(a: usize, b: usize) -> f32 {
    if a + b == 0 {
        1.0
    } else {
        2.0 * a.min(b) as f32 / (a + b) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_words_despite_case_accents_and_spacing() {
        assert_eq!(
            similarity("Nicolás  MADURO said", "nicolas maduro\nsaid"),
            1.0
        );
        assert_eq!(normalise("It’s “Caracas”."), "it's caracas");
    }

    #[test]
    fn partial_and_unrelated() {
        let s = similarity(
            "The minister, 56, denied the report on Monday",
            "The minister, 62, denied the report on Tuesday",
        );
        assert!(s > 0.7 && s < 1.0, "{s}");
        assert!(similarity("apples and pears", "the court ruled today") < 0.2);
        assert_eq!(similarity("", ""), 1.0);
    }
}
