//! The claim matrix's lines: a legend of the sources and of the signs, then one row per
//! visible claim with a sign and a colour per source's stance (the sign alone carries the
//! meaning, so NO_COLOR loses nothing), and under the list the row's passages and the
//! filter keys.

use parallax::SourceId;
use parallax::comparison::{ClaimTable, Stance};
use parallax::export::text::stance_mark;
use parallax::text::visible;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::action::Command;
use crate::tui::matrix::{Filter, Row, rows};
use crate::tui::model::{Model, Reader};
use crate::tui::theme::Theme;

/// What the overlay draws for the matrix.
pub struct Drawn {
    /// The box's title: what the signs mean and the filter in force.
    pub title: String,
    /// Legends, header and rows.
    pub lines: Vec<Line<'static>>,
    /// The line of the cursor's row, to keep in sight.
    pub keep: Option<usize>,
    /// How many lines the list starts with that say what its columns are (legends and
    /// header): they stay in sight as the rows scroll (on a screen too short for them all,
    /// the last alone: the column letters).
    pub head: usize,
    /// Per visible row, the words pinned under the list (lines split at `\n`).
    pub footers: Vec<String>,
}

/// A stance's sign and style in the matrix: the sign every report gives it
/// ([`stance_mark`]: ✓ ≠ ≈ → –), so the screen and an export read alike.
pub fn cell(t: &Theme, s: Stance) -> (&'static str, Style) {
    let style = match s {
        Stance::States => t.claim_states,
        Stance::Differs => t.claim_differs,
        Stance::Weakly => t.claim_weak,
        Stance::Outside | Stance::Silent => t.dim,
    };
    (stance_mark(s), style)
}

/// The matrix with the cursor on visible row `at` under `filter`.
pub fn drawn(m: &Model, r: &Reader, at: usize, filter: Filter) -> Drawn {
    let (t, km) = (&m.config.theme, &m.config.keymap);
    let cmp = &r.cmp;
    let n = cmp.sources.len();
    let mut lines = Vec::new();
    for (i, name) in m.names.iter().enumerate() {
        let name = visible(name, false).into_owned();
        lines.push(Line::styled(
            format!(" {}  {name}", SourceId(i).letter()),
            t.dim,
        ));
    }
    // What the signs mean, for the rows this filter shows.
    let legend = if filter == Filter::Only {
        " + only this source has it · – not"
    } else if filter == Filter::Conflict {
        " ✓ says it · ≠ differs · ≈ weak match · ? under a row: may differ · → linked · – not"
    } else {
        " ✓ says it · ≠ differs · ≈ weak match · → linked, not in it · – not"
    };
    lines.push(Line::styled(legend, t.dim));
    let head: String = SourceId::all(n)
        .map(|i| format!("{} ", i.letter()))
        .collect();
    let what = if filter == Filter::Only {
        "passage"
    } else {
        "claim"
    };
    // Claims are numbered as every report numbers them; passage rows have no number.
    let width = if filter == Filter::Only {
        0
    } else {
        cmp.clusters.len().to_string().len() + 1
    };
    lines.push(Line::styled(
        format!(" {:width$}{head} {what}", if width > 0 { "#" } else { "" }),
        t.key,
    ));
    let head_rows = lines.len();
    let shown = rows(cmp, filter);
    // Every cell's stance and every claim's links from outside, once per frame.
    let table = cmp.claim_table();
    let enter = km.hint(Command::Counterpart);
    let mut footers = Vec::new();
    for (k, row) in shown.iter().enumerate() {
        let mut spans = vec![Span::styled(
            if k == at { "▶" } else { " " }.to_string(),
            t.key,
        )];
        let (label, footer) = match *row {
            Row::Claim(c) => {
                let claim = &cmp.clusters[c];
                spans.push(Span::styled(format!("{:<width$}", c + 1), t.dim));
                for i in SourceId::all(n) {
                    let (sign, style) = cell(t, table.stance(c, i));
                    spans.push(Span::styled(sign.to_string(), style));
                    spans.push(Span::raw(" "));
                }
                (claim.label.clone(), claim_footer(r, (c, &table), &enter))
            }
            Row::Only(doc, seg) => {
                for i in SourceId::all(n) {
                    let (sign, style) = if i == doc {
                        ("+", t.added)
                    } else {
                        (stance_mark(Stance::Silent), t.dim)
                    };
                    spans.push(Span::styled(sign.to_string(), style));
                    spans.push(Span::raw(" "));
                }
                let text = cmp.source(doc).segment_text(seg);
                let one: Vec<&str> = text.split_whitespace().collect();
                let footer = format!(
                    "{enter} shows it · only {} has passage {}",
                    doc.letter(),
                    seg.number()
                );
                (one.join(" "), footer)
            }
        };
        let style = if k == at { t.title_active } else { t.text };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(visible(&label, false).into_owned(), style));
        lines.push(Line::from(spans));
        footers.push(visible(&footer, false).into_owned());
    }
    if shown.is_empty() {
        let none = match filter {
            Filter::All => "no claim is shared by two sources",
            Filter::Shared => "no claim is stated by every source",
            Filter::Only => "every passage is linked to another source",
            Filter::Conflict => {
                "no source tells a claim with a different fact, not even by a weak link"
            }
        };
        lines.push(Line::styled(format!(" {none}"), t.dim));
    }
    // The filter keys stay under the list, before the row's own words (a short screen cuts
    // the footer from its end), never scrolled away.
    let key = |c: Command| km.hint(c);
    let keys = format!(
        "{} shared by all · {} only one source · {} in conflict · {}/{} all",
        key(Command::ClaimsShared),
        key(Command::ClaimsOnly),
        key(Command::ClaimsConflict),
        key(Command::ClaimsAll),
        key(Command::Cancel),
    );
    if footers.is_empty() {
        footers.push(keys);
    } else {
        for f in &mut footers {
            *f = format!("{keys}\n{f}");
        }
    }
    Drawn {
        title: format!(" Claims × sources: {} ", filter.label()),
        lines,
        keep: (!shown.is_empty()).then_some(head_rows + at),
        head: head_rows,
        footers,
    }
}

/// Which passages of each source make claim `c`, the facts told differently in it, and the
/// links that reach it from outside (in `table`).
fn claim_footer(r: &Reader, (c, table): (usize, &ClaimTable), enter: &str) -> String {
    let claim = &r.cmp.clusters[c];
    let each: Vec<String> = claim
        .members
        .iter()
        .map(|mb| {
            let ids: Vec<String> = mb.segments.iter().map(|s| s.number().to_string()).collect();
            format!("{} {}", mb.doc.letter(), ids.join(","))
        })
        .collect();
    let mut out = format!("{enter} shows the claim · passages {}", each.join("; "));
    for flag in parallax::export::claims::flags(&r.cmp, claim) {
        out.push_str(&format!(" · ! {flag}"));
    }
    for flag in parallax::export::claims::possible_flags(&r.cmp, claim) {
        out.push_str(&format!(" · ? {flag}"));
    }
    for link in table.outside_lines(c) {
        out.push_str(&format!(" · → {link}"));
    }
    out
}
