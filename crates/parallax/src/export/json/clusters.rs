//! The claims across sources in the report: each member with its stance and the facts it
//! states differently, and a summary per source. Fields are only ever added here: a member
//! keeps `doc`, `segments` and `weak` as the contract first gave them.

use serde::{Deserialize, Serialize};

use crate::comparison::{ClusterMember, Comparison, Stance};

/// One claim across sources.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportCluster {
    pub id: usize,
    pub label: String,
    pub members: Vec<ReportMember>,
    /// Believed links that reach the claim from passages of sources it does not hold
    /// (stance `outside`): the passage stands in another claim or in none. By source,
    /// passage and target; left out when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<ReportOutside>,
}

/// A believed link from a passage outside a claim to one of the claim's passages.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportOutside {
    /// The source of the passage outside the claim (a document id).
    pub doc: usize,
    /// Its segment id.
    pub segment: usize,
    /// The document id of the claim's passage it is linked to.
    pub to_doc: usize,
    /// The segment id of the claim's passage it is linked to.
    pub to_segment: usize,
    /// The claim that holds the passage, if one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<usize>,
    /// The link's score.
    pub score: f32,
}

/// One source's part in a claim.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportMember {
    #[serde(flatten)]
    pub member: ClusterMember,
    /// `states`, `differs` (states it with a different fact) or `weakly`. (A source the
    /// claim does not hold is no member; the links that reach the claim from one are in
    /// [`ReportCluster::outside`], and the reports mark it `outside`, →.)
    #[serde(default)]
    pub stance: String,
    /// The facts this source states differently from other sources of the claim (believed
    /// links only); left out when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<ReportMemberConflict>,
}

/// A fact a member states differently from another source of the claim.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportMemberConflict {
    /// The other source (a document id).
    pub with: usize,
    pub kind: String,
    pub slot: String,
    /// The words of this source.
    pub a: String,
    /// The words of the other source.
    pub b: String,
    /// The flag as the reports say it, the sources named by their letters.
    pub sentence: String,
}

/// What one source brings to a comparison of several (claim ids, segment ids).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportSummary {
    pub doc: usize,
    /// The name the reports give the source (its title, or the path end that tells it apart).
    pub name: String,
    /// Claims it states (weak matches left out).
    pub claims: Vec<usize>,
    /// Its segments in no link with any other source.
    pub only: Vec<usize>,
    /// Claims it states with a different fact.
    pub differs: Vec<usize>,
    /// Claims where it is the one source that tells it differently.
    pub alone_differs: Vec<usize>,
    /// The summary in words.
    pub line: String,
}

/// The label of a stance in the report.
pub fn stance_label(s: Stance) -> &'static str {
    match s {
        Stance::States => "states",
        Stance::Differs => "differs",
        Stance::Weakly => "weakly",
        Stance::Outside => "outside",
        Stance::Silent => "silent",
    }
}

/// The claims of `cmp` as the report gives them.
pub fn clusters(cmp: &Comparison) -> Vec<ReportCluster> {
    let table = cmp.claim_table();
    (cmp.clusters.iter().zip(&table.outside))
        .map(|(c, outside)| ReportCluster {
            id: c.id,
            label: c.label.clone(),
            members: c
                .members
                .iter()
                .map(|m| ReportMember {
                    member: m.clone(),
                    stance: stance_label(cmp.stance(c, m.doc)).to_string(),
                    conflicts: cmp
                        .claim_conflicts(c, m.doc)
                        .iter()
                        .map(|mc| ReportMemberConflict {
                            with: mc.with.0,
                            kind: mc.conflict.kind.label().to_string(),
                            slot: mc.conflict.slot.clone(),
                            a: mc.conflict.a.clone(),
                            b: mc.conflict.b.clone(),
                            sentence: mc.sentence(m.doc),
                        })
                        .collect(),
                })
                .collect(),
            outside: (outside.iter())
                .map(|(d, o)| ReportOutside {
                    doc: d.0,
                    segment: o.from.0,
                    to_doc: o.to.0.0,
                    to_segment: o.to.1.0,
                    claim: o.stands_in,
                    score: o.score,
                })
                .collect(),
        })
        .collect()
}

/// One summary per source.
pub fn summaries(cmp: &Comparison) -> Vec<ReportSummary> {
    let names = cmp.names();
    cmp.summaries()
        .into_iter()
        .map(|s| ReportSummary {
            doc: s.source.0,
            name: names[s.source.0].clone(),
            line: s.line(&names[s.source.0]),
            claims: s.claims,
            only: s.only.iter().map(|i| i.0).collect(),
            differs: s.differs,
            alone_differs: s.alone,
        })
        .collect()
}
