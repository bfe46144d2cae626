//! What every report says about claims across sources beyond the matrix: the flags of the
//! sources that tell a claim differently, and one summary line per source.

use crate::comparison::{Cluster, Comparison, MemberConflict};

/// The conflicts inside `claim`, each once, as the flags say them with the sources'
/// letters ("Age of Cabello: B says 56, D says 62"): each pair of sources is told from the
/// side of the one that comes first.
pub fn flags(cmp: &Comparison, claim: &Cluster) -> Vec<String> {
    told(cmp, claim, Comparison::claim_conflicts)
}

/// The possible flags inside `claim` ([`Comparison::possible_claim_conflicts`]), as
/// [`flags`] gives the believed ones, each ending "(possible: the link is weak)".
pub fn possible_flags(cmp: &Comparison, claim: &Cluster) -> Vec<String> {
    told(cmp, claim, Comparison::possible_claim_conflicts)
}

fn told(
    cmp: &Comparison,
    claim: &Cluster,
    conflicts: fn(&Comparison, &Cluster, crate::ids::SourceId) -> Vec<MemberConflict>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &claim.members {
        for c in conflicts(cmp, claim, m.doc) {
            let line = c.sentence(m.doc);
            if c.with > m.doc && !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

/// One line per source: its name and what it brings ([`crate::comparison::SourceSummary`]).
pub fn summary_lines(cmp: &Comparison) -> Vec<String> {
    let names = cmp.names();
    cmp.summaries()
        .iter()
        .map(|s| s.line(&format!("{} {}", s.source.letter(), names[s.source.0])))
        .collect()
}
