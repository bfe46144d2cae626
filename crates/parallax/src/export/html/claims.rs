//! The claims across sources under the pairs: a summary line per source, then the claim
//! matrix as a table (claims × sources), each cell the source's stance as a sign and a
//! link to its passage in a pair that shows it, and the facts told differently.

use std::fmt::Write;

use super::esc;
use crate::comparison::{ClaimTable, Cluster, ClusterMember, Comparison, OutsideLink, Stance};
use crate::export::claims::{flags, possible_flags, summary_lines};
use crate::export::text::stance_mark;
use crate::ids::{SegmentId, SourceId};

const SCRIPT: &str = include_str!("claims.js");
const STYLE: &str = ".claims table { border-collapse: collapse; margin: .5rem 0; } \
.claims th, .claims td { border-bottom: 1px solid var(--rule); padding: .2rem .5rem; text-align: left; vertical-align: top; } \
.claims td.cell { text-align: center; font-weight: 700; } .claims td.cell a { text-decoration: none; } \
.claims .differs { color: var(--conflict); } .claims .weakly, .claims .outside, .claims .silent, .claims .possible { color: var(--muted); }";

/// The section, for more than two sources.
pub(super) fn section(out: &mut String, cmp: &Comparison) {
    if cmp.sources.len() <= 2 {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"claims\" id=\"claims\">\n<style>{STYLE}</style>\n<h2>Claims across sources</h2>"
    );
    if cmp.clusters.is_empty() {
        out.push_str("<p>No claim is shared by two sources.</p>\n");
        per_source(out, cmp);
        out.push_str("</section>\n");
        return;
    }
    out.push_str(
        "<p class=\"legend\">✓ states it, ≠ states it with a different fact, ≈ only a weak \
         match, → a passage outside it (in another claim or none) is linked to it, not \
         counted as stating it, – does not. ✓ and ≠ open the source's passage beside another \
         source's passage it is linked to; ≈ opens the passage that only a link below the \
         shown score joins to the claim; → opens the passage outside the claim beside the \
         claim's passage it is linked to.</p>\n",
    );
    let names = cmp.names();
    out.push_str("<table class=\"matrix\">\n<thead><tr><th>#</th><th>Claim</th>");
    for (i, name) in names.iter().enumerate() {
        let _ = write!(
            out,
            "<th title=\"{}\">{}</th>",
            esc(name),
            SourceId(i).letter()
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let table = cmp.claim_table();
    for (k, c) in cmp.clusters.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td><td>{}", k + 1, esc(&c.label));
        for f in flags(cmp, c) {
            let _ = write!(out, "<br><span class=\"differs\">⚠ {}</span>", esc(&f));
        }
        for f in possible_flags(cmp, c) {
            let _ = write!(out, "<br><span class=\"possible\">? {}</span>", esc(&f));
        }
        for o in table.outside_lines(k) {
            let _ = write!(out, "<br><span class=\"outside\">→ {}</span>", esc(&o));
        }
        out.push_str("</td>");
        for i in SourceId::all(cmp.sources.len()) {
            cell(out, cmp, (c, &table, k), i, &names[i.0]);
        }
        out.push_str("</tr>\n");
    }
    let _ = writeln!(out, "</tbody>\n</table>\n<script>\n{SCRIPT}</script>");
    // After the table, as the text and Markdown reports have them.
    per_source(out, cmp);
    out.push_str("</section>\n");
}

/// One line per source: what it brings.
fn per_source(out: &mut String, cmp: &Comparison) {
    out.push_str("<h3>Per source</h3>\n<ul class=\"summary\">\n");
    for line in summary_lines(cmp) {
        let _ = writeln!(out, "<li>{}</li>", esc(&line));
    }
    out.push_str("</ul>\n");
}

/// One cell: the stance's sign, as a link to the source's first passage of the claim (of
/// claim `k`, `c`, whose stances `table` holds), or for → to its passage outside the claim.
fn cell(
    out: &mut String,
    cmp: &Comparison,
    (c, table, k): (&Cluster, &ClaimTable, usize),
    i: SourceId,
    name: &str,
) {
    let stance = table.stance(k, i);
    let class = crate::export::json::stance_label(stance);
    let mark = stance_mark(stance);
    let said = match stance {
        Stance::States => "states it",
        Stance::Differs => "states it with a different fact",
        Stance::Weakly => "only a weak match",
        Stance::Outside => "a passage outside it is linked to it, not counted",
        Stance::Silent => "does not state it",
    };
    let mut title = format!("{name}: {said}");
    let outside: Vec<&OutsideLink> = (table.outside[k].iter())
        .filter(|(d, _)| *d == i)
        .map(|(_, o)| o)
        .collect();
    for o in &outside {
        title.push_str(&format!(" — {}", o.sentence(i)));
    }
    let title = esc(&title);
    let target = match c.members.iter().find(|m| m.doc == i) {
        Some(m) => anchor(cmp, c, m),
        // The best link from outside: the page has its passage in the pair of the two.
        None => (outside.iter())
            .max_by(|x, y| x.score.total_cmp(&y.score))
            .map(|o| passage_id((i, o.from), o.to.0)),
    };
    match target {
        Some(id) => {
            let _ = write!(
                out,
                "<td class=\"cell {class}\"><a class=\"cell\" href=\"#{id}\" title=\"{title}\">{mark}</a></td>"
            );
        }
        None => {
            let _ = write!(
                out,
                "<td class=\"cell {class}\" title=\"{title}\">{mark}</td>"
            );
        }
    }
}

/// The id of member `m`'s passage in the page, in a pair where it is linked to another
/// source's passage of the claim (the best such link), so that the sign opens the claim
/// linked; else in the pair with another source of the claim (one that states it firmly,
/// if any). Every pair is in the page, so the id exists (`column` writes
/// `s{a}-{b}-{a|b}-{segment}`).
fn anchor(cmp: &Comparison, c: &Cluster, m: &ClusterMember) -> Option<String> {
    if let Some(l) = cmp.claim_links(c, Some(m.doc)).first() {
        let (own, other) = if l.a.0 == m.doc {
            (l.a, l.b)
        } else {
            (l.b, l.a)
        };
        return Some(passage_id(own, other.0));
    }
    let other = c
        .members
        .iter()
        .filter(|o| o.doc != m.doc)
        .min_by_key(|o| o.weak)?;
    Some(passage_id((m.doc, *m.segments.first()?), other.doc))
}

/// The id of passage `seg` of source `doc` in the page's column of the pair of `doc` and
/// `other`, as `column` writes it: `s{a}-{b}-{a|b}-{segment}`.
fn passage_id((doc, seg): (SourceId, SegmentId), other: SourceId) -> String {
    let (lo, hi) = if doc < other {
        (doc, other)
    } else {
        (other, doc)
    };
    let side = if doc == lo { "a" } else { "b" };
    format!("s{lo}-{hi}-{side}-{seg}")
}
