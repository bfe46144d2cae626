//! Facts in a text (ages, sums, counts, measurements, magnitudes, dates, times, quotes,
//! attributions, names) and the facts that two linked passages disagree on.
//!
//! Two facts disagree only when they fill one slot (what is measured: the deaths at the
//! school, the magnitude of the main quake, the age of one man) and no single true value
//! fits both: "about 40" and "at least 43" agree, "dozens" and "eight" do not.

use serde::{Deserialize, Serialize};

use crate::segment::Segment;
use crate::span::Span;
use crate::text::Language;

mod attributions;
mod compare;
mod counts;
mod dates;
mod entities;
mod extract;
mod flag;
mod measures;
mod number_words;
mod numbers;
mod quotes;
mod ranks;
mod ratios;
mod times;
mod words;

pub use compare::links::{FactPair, fact_pairs};
pub use compare::{
    Compared, changed_numbers, compare, conflicts, facts_in, link_additions, misspelt, only_in,
    verbatim,
};
pub use entities::key as name_key;
pub use extract::{extract, extract_in};
pub use flag::{is_possible, sentence};

/// Compiles the extractors' patterns, in parallel. Optional: each compiles on first use
/// anyway, but one by one; compiling them side by side halves the fixed cost of a short run.
/// On threads of its own, not rayon's: `Comparison::build` calls this from a thread that
/// waits on nothing of rayon's, and work handed to rayon from there could wait for ever on
/// a pool whose workers are all blocked in a build of their own.
pub fn prepare() {
    let all: Vec<&std::sync::LazyLock<regex::Regex>> = numbers::PATTERNS
        .iter()
        .chain(&dates::PATTERNS)
        .chain(&attributions::PATTERNS)
        .chain(&measures::PATTERNS)
        .chain(&ratios::PATTERNS)
        .chain(&times::PATTERNS)
        .copied()
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let all = &all;
    std::thread::scope(|scope| {
        // Every n-th pattern to each thread: neighbours in the lists cost alike.
        for first in 0..threads.min(all.len()) {
            scope.spawn(move || {
                for p in all.iter().skip(first).step_by(threads) {
                    std::sync::LazyLock::force(p);
                }
            });
        }
    });
}

/// What kind of fact a span states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// A person's age: "Halden, 56,", "the 62-year-old".
    Age,
    /// A sum of money: "$25 million".
    Money,
    /// A number of people or things: "two sources".
    Count,
    /// A percentage: "12%".
    Percent,
    /// A number with a unit: "30 gigawatts", "200ft", "-5 °C".
    Quantity,
    /// A date or a relative time: "Jan. 3", "last month".
    Date,
    /// The strength of an earthquake: "a 7.6-magnitude quake", "6.1 on the Richter scale".
    Magnitude,
    /// A time of day, with its zone when given: "9:30 a.m.", "7 p.m. GMT", "at noon".
    Time,
    /// A place in a series: "the 14th floor", "her ninth novel", "finished third".
    Rank,
    /// The date the article carries in its header (the document's own date), against which
    /// its relative times ("today", "Tuesday") are read.
    Published,
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
            FactKind::Magnitude => "magnitude",
            FactKind::Time => "time",
            FactKind::Rank => "rank",
            FactKind::Published => "published",
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
    /// Who said it, for quotes; who is cited, for attributions; whose age it is, for ages
    /// written after a name ("Jones, 45,").
    pub speaker: Option<String>,
}

impl Fact {
    /// The words a reader sees for what this fact is: its kind's label, but "name" for a
    /// named entity and "length of time" for a date that is one ("for 40 minutes"; JSON
    /// keeps the kind `date` the contract names).
    pub fn label(&self) -> &'static str {
        match self.kind {
            FactKind::Entity => "name",
            FactKind::Date if self.value.starts_with("for ") => "length of time",
            kind => kind.label(),
        }
    }
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

/// Two linked passages that state values for one slot that cannot both be true.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The kind both facts are of.
    pub kind: FactKind,
    /// The fact as source A states it (its words, hedge included: "at least 43 people").
    pub a: String,
    /// The fact as source B states it.
    pub b: String,
    /// Where A states it.
    pub a_span: Span,
    /// Where B states it.
    pub b_span: Span,
    /// What is measured, in words: "Magnitude", "Killed", "Age of Halden". (Empty in
    /// comparisons saved before slots were named; [`sentence`] then names the kind.)
    #[serde(default)]
    pub slot: String,
    /// For a quote worded two ways, where `a` and `b` are the stretches that differ: per
    /// side, whether words of its quote stand before and after the stretch. The flag's
    /// sentence marks them with "…", so "the winter in a" does not read as all that was
    /// said; `a` and `b` stay the words as written.
    #[serde(default, skip_serializing_if = "Elided::is_none")]
    pub elided: Elided,
}

/// Per side of a conflict (A, then B), whether its words leave out words of the fact
/// before and after them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Elided {
    /// A's words: left out before, left out after.
    pub a: [bool; 2],
    /// B's words: left out before, left out after.
    pub b: [bool; 2],
}

impl Elided {
    /// True when neither side leaves anything out.
    pub fn is_none(&self) -> bool {
        *self == Elided::default()
    }
}

impl Conflict {
    /// The same conflict seen from the other side: B's statement first.
    pub fn swapped(&self) -> Conflict {
        Conflict {
            kind: self.kind,
            a: self.b.clone(),
            b: self.a.clone(),
            a_span: self.b_span,
            b_span: self.a_span,
            slot: self.slot.clone(),
            elided: Elided {
                a: self.elided.b,
                b: self.elided.a,
            },
        }
    }
}

/// Facts one side gives and the other does not, as indices into each source's `facts`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactsOnly {
    /// Facts only source A gives.
    pub a: Vec<usize>,
    /// Facts only source B gives.
    pub b: Vec<usize>,
}
