//! Extraction of facts from a document's text.

use std::sync::LazyLock;

use regex::Regex;

use super::{Fact, FactKind};
use crate::document::Document;
use crate::span::Span;

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[A-Z][\p{L}'-]+,\s+(?P<a>\d{1,3}),|(?P<b>\d{1,3})-year-old)").unwrap()
});

/// All facts in `doc`, sorted by position.
pub fn extract(doc: &Document) -> Vec<Fact> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for c in AGE.captures_iter(text) {
        let m = c.name("a").or_else(|| c.name("b")).unwrap();
        let whole = if c.name("b").is_some() {
            c.get(0).unwrap()
        } else {
            m
        };
        out.push(Fact {
            kind: FactKind::Age,
            span: Span::new(whole.start(), whole.end()),
            value: m.as_str().to_string(),
            speaker: None,
        });
    }
    out.sort_by_key(|f| f.span);
    out
}
