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
    /// Claims a source states with a different fact, or may (a weak link tells one of the
    /// claim's facts differently: the `?` flags under the row).
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
            // Only a source the claim holds can state it differently. A difference a weak link
            // tells is listed too: a fact-checker looks for those first, and the row's `?`
            // flag says it is only possible.
            Filter::Conflict => {
                (c.members.iter()).any(|m| cmp.stance(c, m.doc) == Stance::Differs)
                    || (c.members.iter())
                        .any(|m| !cmp.possible_claim_conflicts(c, m.doc).is_empty())
            }
        }
    };
    // The engine numbers the claims in the order shown (see `parallax::comparison::clusters`).
    (0..cmp.clusters.len())
        .filter(keep)
        .map(Row::Claim)
        .collect()
}

/// The passages row `at` of `rows(cmp, filter)` holds, by source: what the row is, whatever
/// its number, so it can be found again once the claims are grown anew.
pub fn passages_at(cmp: &Comparison, filter: Filter, at: usize) -> Vec<(SourceId, SegmentId)> {
    let shown = rows(cmp, filter);
    passages_of(cmp, shown.get(at))
}

/// What the matrix's cursor, at row `at`, follows once the claims are grown anew: the
/// passages of the row the user moved to ([`passages_at`]). The top row is where the matrix
/// starts (a matrix never opened or never moved is "on" it too): it stays the top row,
/// however the claims are numbered now, rather than jump to where its old claim went.
pub fn left_on(cmp: &Comparison, filter: Filter, at: usize) -> Vec<(SourceId, SegmentId)> {
    if at == 0 {
        return Vec::new();
    }
    passages_at(cmp, filter, at)
}

fn passages_of(cmp: &Comparison, row: Option<&Row>) -> Vec<(SourceId, SegmentId)> {
    match row {
        Some(&Row::Claim(k)) => (cmp.clusters[k].members.iter())
            .flat_map(|m| m.segments.iter().map(move |&g| (m.doc, g)))
            .collect(),
        Some(&Row::Only(doc, seg)) => vec![(doc, seg)],
        None => Vec::new(),
    }
}

/// The row of `rows(cmp, filter)` that holds the most of `passages` (the first such row), or
/// the top row when none holds any: where the cursor goes when the claims it was on are
/// numbered anew (links refined or corrected), so it stays on the same claim.
pub fn row_holding(cmp: &Comparison, filter: Filter, passages: &[(SourceId, SegmentId)]) -> usize {
    if passages.is_empty() {
        return 0;
    }
    // The rows once: under the Only filter each listing of them weighs every claim.
    let shown = rows(cmp, filter);
    let held = |row: &Row| {
        (passages_of(cmp, Some(row)).iter())
            .filter(|p| passages.contains(p))
            .count()
    };
    (shown.iter().enumerate())
        .map(|(at, row)| (held(row), at))
        .filter(|&(n, _)| n > 0)
        .max_by_key(|&(n, at)| (n, std::cmp::Reverse(at)))
        .map_or(0, |(_, at)| at)
}
