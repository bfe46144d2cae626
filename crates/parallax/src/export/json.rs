//! The JSON report, version 1 (README "The JSON report"). These structs are the contract: fields may be
//! added, never removed or renamed without a version bump. Their indices are plain numbers,
//! as the contract describes them: the engine's ids end here.

mod clusters;
mod notes;

use serde::{Deserialize, Serialize};

use crate::align::Link;
use crate::annotate::Notes;
use crate::comparison::{Comparison, LinkFacts, PairAlignment, Source};
use crate::diff::ChangeOp;
use crate::document::SourceFormat;
use crate::ids::SegmentId;

pub use clusters::{
    ReportCluster, ReportMember, ReportMemberConflict, ReportSummary, stance_label,
};
pub use notes::{ReportAnchor, ReportNote, ReportQuote, where_label};

/// The value of `format` in every report.
pub const FORMAT: &str = "parallax-report";
/// The report's schema version.
pub const VERSION: u32 = 1;

/// The whole report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The sources.
    pub documents: Vec<ReportDocument>,
    /// With two sources: their links.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub links: Option<Vec<ReportLink>>,
    /// With two sources: the segments only one of them has.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub only: Option<ReportOnly>,
    /// With two sources: facts (indices into each document's `facts`) only one of them gives.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub facts_only: Option<ReportOnly>,
    /// With more than two sources: one alignment per pair.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pairs: Option<Vec<ReportPair>>,
    /// With more than two sources: claims across sources, each member with its stance and
    /// the facts it states differently.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub clusters: Option<Vec<ReportCluster>>,
    /// With more than two sources: what each source brings (claims, passages only it has,
    /// claims it tells differently).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub summaries: Option<Vec<ReportSummary>>,
    /// The reader's notes, in reading order (exports of saved comparisons; absent from
    /// `parallax align`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub notes: Option<Vec<ReportNote>>,
    /// The reader's corrections of links (exports of saved comparisons, and `parallax align
    /// --corrections`): links marked wrong, which the report leaves out, and links made by
    /// hand, which it holds with score 1 and the reason "linked by hand".
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub corrections: Option<Vec<super::corrections::ReportCorrection>>,
}

/// One source in the report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportDocument {
    pub id: usize,
    pub path: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    /// How the source was written: `text`, `markdown` or `html`.
    #[serde(default = "text_format")]
    pub format: String,
    /// For Markdown and HTML input, the extracted text that spans index (plain text input
    /// is indexed as read, so its text is the input itself and is not repeated).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
    pub segments: Vec<ReportSegment>,
    pub facts: Vec<ReportFact>,
    /// The language the text was read as (`english` or `german`).
    #[serde(default)]
    pub language: crate::text::Language,
    /// True when the sentence encoder read it, whole or in part (English, not `--fast`):
    /// its links weigh closeness in meaning; false when it was aligned on words alone.
    #[serde(default)]
    pub encoder: bool,
    /// How many of its passages the encoder read (the most in any of its pairs): all of
    /// them for a source of at most [`crate::comparison::ENCODER_MAX_PASSAGES`], those the
    /// words leave in doubt for a longer one.
    #[serde(default)]
    pub encoded: usize,
}

/// One passage: byte offsets into the input as read, and its text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportSegment {
    pub id: usize,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub text: String,
}

/// One fact with its span and normalised value.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportFact {
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker: Option<String>,
}

/// One link between passages of the two sources.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportLink {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
    pub score: f32,
    /// The link is weak ([`crate::align::Link::is_weak`]): the passages may only share a
    /// few words of one story (the text report says "(weak)").
    #[serde(default)]
    pub weak: bool,
    /// The texts follow one order and this link stands at another point of it (a passage
    /// one of them moved); the `why` list then opens with "moved: …".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    pub why: Vec<String>,
    pub changes: Vec<ReportChange>,
    /// Facts the two sides state differently, on a link that is not weak.
    pub conflicts: Vec<ReportConflict>,
    /// Facts the two sides state differently on a weak link (its passages may not tell the
    /// same thing): shown as possible, not counted, each with `"possible": true`.
    #[serde(default)]
    pub possible_conflicts: Vec<ReportConflict>,
    /// Facts one side of the link has and the other side's passages do not (indices into
    /// each document's `facts`).
    #[serde(default)]
    pub fact_additions: ReportOnly,
}

/// A word-level change inside a link.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportChange {
    pub op: String,
    pub a: String,
    pub b: String,
}

/// Two facts of one slot that the sides of a link state differently.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportConflict {
    pub kind: String,
    pub a: String,
    pub b: String,
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
    /// What is measured, in words ("Magnitude", "Killed", "Age of Halden").
    #[serde(default)]
    pub slot: String,
    /// The flag as the reports say it, the sides named by their sources' letters:
    /// "Magnitude: A says 7.6, B says 7.7"; "B says …, D says …" in the pair of B and D.
    #[serde(default)]
    pub sentence: String,
    /// True on a weak link: the difference is possible, not counted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub possible: bool,
}

/// Segment ids in no link, per side (or, for facts, fact indices only one side gives).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ReportOnly {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
}

/// The alignment of one pair of sources.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportPair {
    pub a: usize,
    pub b: usize,
    pub links: Vec<ReportLink>,
    pub only: ReportOnly,
    /// Facts only one source of the pair gives.
    #[serde(default)]
    pub facts_only: ReportOnly,
}

/// The report of a comparison.
pub fn report(cmp: &Comparison) -> Report {
    let documents = cmp
        .sources
        .iter()
        .enumerate()
        .map(|(id, s)| document(id, s, cmp.encoded(crate::SourceId(id)).0))
        .collect();
    let (links, only, pairs, clusters) = if cmp.sources.len() == 2 {
        let p = &cmp.pairs[0];
        (Some(links(p)), Some(only(p)), None, None)
    } else {
        let pairs = cmp
            .pairs
            .iter()
            .map(|p| ReportPair {
                a: p.a.0,
                b: p.b.0,
                links: links(p),
                only: only(p),
                facts_only: facts_only(p),
            })
            .collect();
        (None, None, Some(pairs), Some(clusters::clusters(cmp)))
    };
    Report {
        format: FORMAT.to_string(),
        version: VERSION,
        documents,
        links,
        only,
        facts_only: (cmp.sources.len() == 2).then(|| facts_only(&cmp.pairs[0])),
        pairs,
        clusters,
        summaries: (cmp.sources.len() > 2).then(|| clusters::summaries(cmp)),
        notes: None,
        corrections: None,
    }
}

/// The report of a comparison with its notes (the `notes` array, always present).
pub fn report_with_notes(cmp: &Comparison, notes: &Notes) -> Report {
    Report {
        notes: Some(notes::notes(cmp, notes)),
        // Only when there are any: a comparison without corrections reports as before.
        corrections: (!notes.corrections().is_empty()).then(|| super::corrections::report(notes)),
        ..report(cmp)
    }
}

/// The report with notes as pretty-printed JSON.
pub fn to_string_with_notes(cmp: &Comparison, notes: &Notes) -> String {
    serde_json::to_string_pretty(&report_with_notes(cmp, notes))
        .expect("the report always serialises")
}

/// The report as pretty-printed JSON.
pub fn to_string(cmp: &Comparison) -> String {
    serde_json::to_string_pretty(&report(cmp)).expect("the report always serialises")
}

fn text_format() -> String {
    "text".to_string()
}

fn document(id: usize, s: &Source, encoded: usize) -> ReportDocument {
    let text = &s.document.text;
    let format = s.document.format;
    ReportDocument {
        id,
        language: s.lang,
        encoder: encoded > 0,
        encoded,
        path: s.document.path.clone(),
        title: s.document.meta.title.clone(),
        byline: s.document.meta.byline.clone(),
        date: s.document.meta.date.clone(),
        format: format.label().to_string(),
        text: (format != SourceFormat::Text).then(|| text.clone()),
        segments: s
            .segments
            .iter()
            .map(|g| ReportSegment {
                id: g.id.0,
                start: g.span.start,
                end: g.span.end,
                paragraph: g.paragraph,
                text: g.span.slice(text).to_string(),
            })
            .collect(),
        facts: s
            .facts
            .iter()
            .map(|f| ReportFact {
                kind: f.kind.label().to_string(),
                start: f.span.start,
                end: f.span.end,
                text: f.span.slice(text).to_string(),
                value: f.value.clone(),
                speaker: f.speaker.clone(),
            })
            .collect(),
    }
}

fn links(p: &PairAlignment) -> Vec<ReportLink> {
    // The sides named by their sources' letters, as every other report and the reader name
    // them: in a pair of B and D, "B says seven bridges, D says 8 bridges" (A and B for the
    // first two sources, which is all a two-source report has).
    let letters = [p.a.letter(), p.b.letter()];
    p.alignment
        .links
        .iter()
        .zip(&p.link_facts)
        .map(|(l, f)| link(l, f, &letters))
        .collect()
}

fn facts_only(p: &PairAlignment) -> ReportOnly {
    ReportOnly {
        a: p.facts_only.a.clone(),
        b: p.facts_only.b.clone(),
    }
}

fn link(l: &Link, facts: &LinkFacts, [la, lb]: &[String; 2]) -> ReportLink {
    // A flag on a weak link is possible: listed apart, so a count of `conflicts` counts
    // only the flags of links the aligner believes.
    let possible = crate::facts::is_possible(l);
    ReportLink {
        fact_additions: ReportOnly {
            a: facts.additions.a.clone(),
            b: facts.additions.b.clone(),
        },
        a: numbers(&l.a),
        b: numbers(&l.b),
        score: (l.score * 1000.0).round() / 1000.0,
        weak: l.is_weak(),
        moved: l.why.contains(&crate::align::Reason::Moved),
        why: l.why.iter().map(|r| r.words(la, lb)).collect(),
        changes: l
            .changes
            .iter()
            .map(|c| ReportChange {
                op: match c.op {
                    ChangeOp::Replace => "replace",
                    ChangeOp::Delete => "delete",
                    ChangeOp::Insert => "insert",
                }
                .to_string(),
                a: c.a.clone(),
                b: c.b.clone(),
            })
            .collect(),
        conflicts: if possible {
            Vec::new()
        } else {
            conflicts(facts, false, la, lb)
        },
        possible_conflicts: if possible {
            conflicts(facts, true, la, lb)
        } else {
            Vec::new()
        },
    }
}

/// The conflicts of a link as the report gives them.
fn conflicts(facts: &LinkFacts, possible: bool, la: &str, lb: &str) -> Vec<ReportConflict> {
    facts
        .conflicts
        .iter()
        .map(|c| ReportConflict {
            kind: c.kind.label().to_string(),
            a: c.a.clone(),
            b: c.b.clone(),
            a_start: c.a_span.start,
            a_end: c.a_span.end,
            b_start: c.b_span.start,
            b_end: c.b_span.end,
            slot: c.slot.clone(),
            sentence: crate::facts::sentence(c, la, lb, possible),
            possible,
        })
        .collect()
}

fn only(p: &PairAlignment) -> ReportOnly {
    ReportOnly {
        a: numbers(&p.alignment.only_a),
        b: numbers(&p.alignment.only_b),
    }
}

/// Segment ids as the report gives them.
fn numbers(ids: &[SegmentId]) -> Vec<usize> {
    ids.iter().map(|i| i.0).collect()
}
