//! Facts in a text (ages, sums, counts, dates, quotes, attributions, names) and the facts that
//! two linked passages disagree on.

use serde::{Deserialize, Serialize};

use crate::segment::Segment;
use crate::span::Span;
use crate::text::Language;

mod attributions;
mod compare;
mod dates;
mod entities;
mod extract;
mod numbers;
mod quotes;
mod words;

pub use compare::{changed_numbers, conflicts, facts_in, link_additions, misspelt, only_in};
pub use entities::key as name_key;
pub use extract::extract;

/// Compiles the extractors' patterns, in parallel. Optional: each compiles on first use
/// anyway, but one by one; compiling them side by side halves the fixed cost of a short run.
pub fn prepare() {
    use rayon::prelude::*;
    let all: Vec<&std::sync::LazyLock<regex::Regex>> = numbers::PATTERNS
        .iter()
        .chain(&dates::PATTERNS)
        .chain(&attributions::PATTERNS)
        .copied()
        .collect();
    all.into_par_iter().for_each(|p| {
        std::sync::LazyLock::force(p);
    });
}

/// What kind of fact a span states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// A person's age: "Cabello, 56,", "the 62-year-old".
    Age,
    /// A sum of money: "$25 million".
    Money,
    /// A number of people or things: "two sources".
    Count,
    /// A percentage: "12%".
    Percent,
    /// A number with a unit: "30 gigawatts".
    Quantity,
    /// A date or a relative time: "Jan. 3", "last month".
    Date,
    /// Quoted speech.
    Quote,
    /// Who a claim is attributed to: "according to Reuters".
    Attribution,
    /// A named person, place or organisation.
    Entity,
    /// The author of a source.
    Byline,
}

impl FactKind {
    /// The word a reader sees for this kind.
    pub fn label(self) -> &'static str {
        match self {
            FactKind::Age => "age",
            FactKind::Money => "money",
            FactKind::Count => "count",
            FactKind::Percent => "percent",
            FactKind::Quantity => "quantity",
            FactKind::Date => "date",
            FactKind::Quote => "quote",
            FactKind::Attribution => "attribution",
            FactKind::Entity => "entity",
            FactKind::Byline => "byline",
        }
    }
}

/// One fact found in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// What kind of fact it is.
    pub kind: FactKind,
    /// Where it stands in the document's text.
    pub span: Span,
    /// The normalised value ("56", "25000000 USD", "2026-01-03", a folded name).
    pub value: String,
    /// Who said it, for quotes; who is cited, for attributions.
    pub speaker: Option<String>,
}

/// A source as the comparer reads it: its text, passages and language, and the facts found
/// in it. Borrowed rather than the comparison's own source, which is built from what this
/// stage returns.
#[derive(Clone, Copy, Debug)]
pub struct Analysed<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its passages, in text order; `segments[i].id == i`.
    pub segments: &'a [Segment],
    /// Its facts, in text order.
    pub facts: &'a [Fact],
    /// The language it was read in.
    pub lang: Language,
}

/// Two linked passages that state different values for the same kind of fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The kind both facts are of.
    pub kind: FactKind,
    /// The fact as source A states it.
    pub a: String,
    /// The fact as source B states it.
    pub b: String,
    /// Where A states it.
    pub a_span: Span,
    /// Where B states it.
    pub b_span: Span,
}

/// Facts one side gives and the other does not, as indices into each source's `facts`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactsOnly {
    /// Facts only source A gives.
    pub a: Vec<usize>,
    /// Facts only source B gives.
    pub b: Vec<usize>,
}
