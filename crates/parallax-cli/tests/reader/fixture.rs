//! A fixed comparison for the reader's snapshots: `fixtures/demo.json` holds the demo as it
//! was aligned once (texts, passages, links, claims), as plain data, and [`comparison`]
//! rebuilds the `Comparison` from it through the engine's public constructors. So the
//! aligner can change without moving the snapshots that use it.
//!
//! The file records what the aligner decided, apart from the engine's saved format: per
//! source its path, text and passages (byte spans and paragraph), per pair its links as
//! segment ids, score and reasons, and the claims across sources. What follows from those by
//! rule (word changes, facts and conflicts) is computed again, as `Comparison::build` does
//! after aligning.
//!
//! To write it again from the live demo (when the screens are meant to change):
//! `PARALLAX_WRITE_FIXTURE=1 cargo test -p parallax-cli --test reader -- --ignored fixture`.

use std::sync::OnceLock;

use parallax::align::{Alignment, Link, Reason};
use parallax::comparison::{Cluster, ClusterMember, PairAlignment, Source};
use parallax::diff::word_changes;
use parallax::segment::Segment;
use parallax::{Comparison, Document, Options, SegmentId, SourceId, Span};
use serde::{Deserialize, Serialize};

/// Where the fixture lives.
const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/reader/fixtures/demo.json"
);

/// The fixture file.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Fixture {
    /// What the file is, for whoever opens it.
    about: String,
    /// The sources, in order (A, B, …).
    sources: Vec<FixtureSource>,
    /// One entry per pair of sources (a < b), in (a, b) order.
    pairs: Vec<FixturePair>,
    /// The claims across sources, in order.
    claims: Vec<FixtureClaim>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct FixtureSource {
    path: String,
    /// True for the bundled demo articles (their titles name no file to read again).
    bundled: bool,
    text: String,
    /// Each passage as [start, end, paragraph]: byte offsets into `text`.
    passages: Vec<[usize; 3]>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct FixturePair {
    a: SourceId,
    b: SourceId,
    links: Vec<FixtureLink>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct FixtureLink {
    /// Passages of source `a`.
    a: Vec<SegmentId>,
    /// Passages of source `b`.
    b: Vec<SegmentId>,
    score: f32,
    /// Why the aligner linked them (the reasons as data, as a saved comparison keeps them).
    why: Vec<Reason>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct FixtureClaim {
    label: String,
    members: Vec<FixtureMember>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct FixtureMember {
    /// The source.
    doc: SourceId,
    /// Its passages that state the claim.
    passages: Vec<SegmentId>,
    /// Joined to the claim only by weak links.
    weak: bool,
}

/// The fixed comparison, built once per test binary.
pub fn comparison() -> Comparison {
    static CMP: OnceLock<Comparison> = OnceLock::new();
    CMP.get_or_init(|| {
        let text = std::fs::read_to_string(PATH).expect("the fixture file");
        build(serde_json::from_str(&text).expect("the fixture parses"))
    })
    .clone()
}

/// The comparison the fixture records.
fn build(f: Fixture) -> Comparison {
    let options = Options::default();
    let sources: Vec<Source> = f
        .sources
        .into_iter()
        .map(|s| {
            let doc = Document {
                bundled: s.bundled,
                ..Document::from_text(s.path, s.text)
            };
            // Facts and the language come from the text; the passages are the recorded ones,
            // so the link ids keep pointing at the same sentences whatever the segmenter does.
            let mut src = Source::analyse(doc, &options);
            src.segments = s
                .passages
                .iter()
                .enumerate()
                .map(|(id, &[start, end, paragraph])| Segment {
                    id: SegmentId(id),
                    span: Span::new(start, end),
                    paragraph,
                })
                .collect();
            src
        })
        .collect();
    let pairs = f.pairs.into_iter().map(|p| pair(&sources, p)).collect();
    let clusters = f
        .claims
        .into_iter()
        .enumerate()
        .map(|(id, c)| Cluster {
            id,
            label: c.label,
            members: c
                .members
                .into_iter()
                .map(|m| ClusterMember {
                    doc: m.doc,
                    segments: m.passages,
                    weak: m.weak,
                })
                .collect(),
        })
        .collect();
    Comparison {
        sources,
        pairs,
        clusters,
        options,
    }
}

/// One pair's alignment from its recorded links, with their word changes computed again
/// and the facts that follow from them filled in as `Comparison::build` fills them.
fn pair(sources: &[Source], p: FixturePair) -> PairAlignment {
    let (a, b) = (sources[p.a.0].side(), sources[p.b.0].side());
    let links: Vec<Link> = p
        .links
        .into_iter()
        .map(|l| Link {
            changes: word_changes(&a.passages(&l.a), &b.passages(&l.b)),
            a: l.a,
            b: l.b,
            score: l.score,
            why: l.why,
            doubted: false,
        })
        .collect();
    let unlinked = |n: usize, side: &dyn Fn(&Link) -> &[SegmentId]| -> Vec<SegmentId> {
        (0..n)
            .map(SegmentId)
            .filter(|i| !links.iter().any(|l| side(l).contains(i)))
            .collect()
    };
    let only_a = unlinked(a.segments.len(), &|l| &l.a);
    let only_b = unlinked(b.segments.len(), &|l| &l.b);
    let alignment = Alignment {
        links,
        only_a,
        only_b,
        possible: Vec::new(),
    };
    PairAlignment::with_facts(sources, (p.a, p.b), alignment)
}

/// What the fixture records of `cmp`.
fn record(cmp: &Comparison) -> Fixture {
    Fixture {
        about: "The bundled demo as aligned once, for the reader's snapshots: see \
                tests/reader/fixture.rs"
            .into(),
        sources: cmp
            .sources
            .iter()
            .map(|s| FixtureSource {
                path: s.document.path.clone(),
                bundled: s.document.bundled,
                text: s.document.text.clone(),
                passages: s
                    .segments
                    .iter()
                    .map(|g| [g.span.start, g.span.end, g.paragraph])
                    .collect(),
            })
            .collect(),
        pairs: cmp
            .pairs
            .iter()
            .map(|p| FixturePair {
                a: p.a,
                b: p.b,
                links: p
                    .alignment
                    .links
                    .iter()
                    .map(|l| FixtureLink {
                        a: l.a.clone(),
                        b: l.b.clone(),
                        score: l.score,
                        why: l.why.clone(),
                    })
                    .collect(),
            })
            .collect(),
        claims: cmp
            .clusters
            .iter()
            .map(|c| FixtureClaim {
                label: c.label.clone(),
                members: c
                    .members
                    .iter()
                    .map(|m| FixtureMember {
                        doc: m.doc,
                        passages: m.segments.clone(),
                        weak: m.weak,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The comparison keeps all the file says: nothing recorded is lost or altered on the way.
#[test]
fn the_fixture_comparison_is_what_the_file_records() {
    let text = std::fs::read_to_string(PATH).expect("the fixture file");
    let file: Fixture = serde_json::from_str(&text).unwrap();
    assert_eq!(record(&comparison()), file);
}

/// Writes the fixture from the live demo (only with PARALLAX_WRITE_FIXTURE set), after
/// checking that it rebuilds the demo exactly.
#[test]
#[ignore = "writes tests/reader/fixtures/demo.json; run on purpose"]
fn write_the_fixture_from_the_demo() {
    if std::env::var_os("PARALLAX_WRITE_FIXTURE").is_none() {
        return;
    }
    let demo = crate::support::demo();
    let fixture = record(&demo);
    // Pretty, but a list of numbers (a passage, a link's ids) stays on one line.
    let pretty = serde_json::to_string_pretty(&fixture).unwrap();
    let json = one_line_lists(&pretty);
    assert!(
        build(serde_json::from_str(&json).unwrap()) == demo,
        "the fixture must rebuild the demo as the aligner built it"
    );
    std::fs::write(PATH, json + "\n").unwrap();
}

/// `json` with every array of plain numbers or booleans written on one line.
fn one_line_lists(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        let close = rest.find(']').unwrap_or(0);
        let inner = &rest[..close];
        let plain = inner
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || ",.-truefals".contains(c));
        if plain && !inner.contains('[') {
            let items: Vec<&str> = inner.split(',').map(str::trim).collect();
            out.push_str(&items.join(", "));
            rest = &rest[close..];
        }
    }
    out.push_str(rest);
    out
}
