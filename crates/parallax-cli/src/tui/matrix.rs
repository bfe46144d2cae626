//! The claim matrix's rows: which claims are listed, in which order, under which filter.
//! `update` moves a cursor over these rows and the view draws them, so both read this one
//! list and the cursor always means the row on screen.

use parallax::comparison::Stance;
use parallax::{Comparison, SegmentId, SourceId};

/// Which rows the matrix shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    /// Every claim.
    #[default]
    All,
    /// Claims every source states through a link it is believed on (not only a weak one).
    Shared,
    /// What one source alone reports: its passages in no link with any other source.
    Only,
    /// Claims a source states with a different fact.
    Conflict,
}

impl Filter {
    /// The filter in words, for the overlay's title.
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all claims",
            Filter::Shared => "shared by all sources",
            Filter::Only => "only one source has it",
            Filter::Conflict => "in conflict",
        }
    }
}

/// One row of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A claim, by index into `Comparison::clusters`.
    Claim(usize),
    /// A passage only one source has.
    Only(SourceId, SegmentId),
}

/// The rows shown under `filter`: claims in their order (carried by the most sources first,
/// then by the most that state them firmly, then in text order); passages in source and
/// text order.
pub fn rows(cmp: &Comparison, filter: Filter) -> Vec<Row> {
    if filter == Filter::Only {
        return cmp
            .summaries()
            .into_iter()
            .flat_map(|s| s.only.into_iter().map(move |g| Row::Only(s.source, g)))
            .collect();
    }
    let n = cmp.sources.len();
    let keep = |k: &usize| {
        let c = &cmp.clusters[*k];
        match filter {
            Filter::All | Filter::Only => true,
            // A source whose passage only a weak link joins may not tell the claim at all.
            Filter::Shared => c.firmly_by() == n,
            Filter::Conflict => SourceId::all(n).any(|d| cmp.stance(c, d) == Stance::Differs),
        }
    };
    // The engine numbers the claims in the order shown (see `parallax::comparison::clusters`).
    (0..cmp.clusters.len())
        .filter(keep)
        .map(Row::Claim)
        .collect()
}
