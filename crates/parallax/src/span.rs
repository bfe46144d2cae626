//! Byte spans into a document's text.

use serde::{Deserialize, Serialize};

/// A byte range `start..end` (end exclusive) into a document's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span holds no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span widened by `reach` bytes either side, within `text` and out to the nearest
    /// char boundaries (so that `text[..]` of it never splits a character).
    pub fn widened(self, text: &str, reach: usize) -> Span {
        let mut lo = self.start.saturating_sub(reach);
        while !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let mut hi = (self.end + reach).min(text.len());
        while !text.is_char_boundary(hi) {
            hi += 1;
        }
        Span::new(lo, hi)
    }

    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn widened_stays_within_the_text_and_whole_characters() {
        let text = "é1é";
        // One byte either side of "1" would cut both "é" in half: the span takes them whole.
        assert_eq!(Span::new(2, 3).widened(text, 1).slice(text), "é1é");
        assert_eq!(Span::new(2, 3).widened(text, 0).slice(text), "1");
        // Far past either end: the whole text, no further.
        assert_eq!(Span::new(2, 3).widened(text, 100), Span::new(0, text.len()));
    }
}
