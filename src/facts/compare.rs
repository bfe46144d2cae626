//! Facts that two linked passages state differently.

use super::{Conflict, Fact, FactKind};
use crate::comparison::Source;
use crate::span::Span;

/// Kinds whose values can be compared one to one inside a link.
const COMPARABLE: &[FactKind] = &[
    FactKind::Age,
    FactKind::Money,
    FactKind::Count,
    FactKind::Percent,
    FactKind::Quantity,
    FactKind::Date,
];

/// The facts inside the given segments.
fn facts_in<'a>(source: &'a Source, ids: &[usize]) -> Vec<&'a Fact> {
    let spans: Vec<Span> = ids.iter().map(|&i| source.segments[i].span).collect();
    source
        .facts
        .iter()
        .filter(|f| spans.iter().any(|s| s.contains(&f.span)))
        .collect()
}

/// The conflicts between A's segments `ia` and B's segments `ib`: a kind that both sides
/// state once, with different values.
pub fn conflicts(a: &Source, ia: &[usize], b: &Source, ib: &[usize]) -> Vec<Conflict> {
    let fa = facts_in(a, ia);
    let fb = facts_in(b, ib);
    let mut out = Vec::new();
    for &kind in COMPARABLE {
        let xa: Vec<&&Fact> = fa.iter().filter(|f| f.kind == kind).collect();
        let xb: Vec<&&Fact> = fb.iter().filter(|f| f.kind == kind).collect();
        if let ([x], [y]) = (xa.as_slice(), xb.as_slice())
            && x.value != y.value
        {
            out.push(Conflict {
                kind,
                a: x.span.slice(&a.document.text).to_string(),
                b: y.span.slice(&b.document.text).to_string(),
                a_span: x.span,
                b_span: y.span,
            });
        }
    }
    out
}
