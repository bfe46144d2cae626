//! The comparison: every front end (reader, report, exports) reads this and nothing else.

mod cluster;
pub mod encoding;
mod names;
mod outside;
mod stance;
mod summary;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{self, Alignment, Side};
use crate::document::Document;
use crate::encoder::{Encoder, Vector};
use crate::error::{Error, Result};
use crate::facts::{self, Conflict, Fact, FactsOnly};
use crate::ids::{SegmentId, SourceId};
use crate::segment::{self, Segment, Unit};
use crate::span::Span;
use crate::text::Language;

pub(crate) use cluster::in_order as claims_in_order;
pub use cluster::{Cluster, ClusterMember, Stance, WEAK_LINK};
pub use names::names;
pub use outside::{ClaimTable, OutsideLink};
pub use stance::{ClaimLink, MemberConflict};
pub use summary::SourceSummary;

/// How to build a comparison.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// What one passage is.
    pub unit: Unit,
    /// The language of all sources; detected per source when `None`.
    pub language: Option<Language>,
    /// Align without the sentence encoder: faster, and without the evidence of meaning that
    /// finds reworded claims (`--fast`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fast: bool,
    /// The aligner's knobs (saved only when they are not the defaults).
    #[serde(default, skip_serializing_if = "align::Params::is_default")]
    pub params: align::Params,
}

/// One source of a comparison: the document, its passages and its facts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The document as loaded.
    pub document: Document,
    /// Its passages, in text order; `segments[i].id == i`.
    pub segments: Vec<Segment>,
    /// Its facts, in text order.
    pub facts: Vec<Fact>,
    /// The language it was read in.
    pub lang: Language,
}

impl Source {
    /// Segments and analyses one document.
    pub fn analyse(document: Document, options: &Options) -> Source {
        let mut s = Source::segmented(document, options);
        s.facts = s.extract_facts(options.unit);
        s
    }

    /// The facts of this source, read in its sentences (see [`facts::extract_in`]): its
    /// passages when they are sentences, else its sentences cut for the purpose. Input
    /// already split a line a passage is read a line at a time.
    fn extract_facts(&self, unit: Unit) -> Vec<Fact> {
        match unit {
            Unit::Sentence => facts::extract_in(&self.document, &self.segments, self.lang),
            Unit::Paragraph => {
                let sentences = segment::segment(&self.document, Unit::Sentence);
                facts::extract_in(&self.document, &sentences, self.lang)
            }
            Unit::Line => facts::extract_in(&self.document, &[], self.lang),
        }
    }

    /// Segments one document; its facts are left empty.
    fn segmented(document: Document, options: &Options) -> Source {
        let lang = options
            .language
            .unwrap_or_else(|| Language::detect(&document.text));
        let segments = segment::segment(&document, options.unit);
        Source {
            document,
            segments,
            facts: Vec::new(),
            lang,
        }
    }

    /// The text of segment `id`.
    pub fn segment_text(&self, id: SegmentId) -> &str {
        self.segments[id.0].span.slice(&self.document.text)
    }

    /// This source as the facts stage compares it.
    pub fn analysed(&self) -> facts::Analysed<'_> {
        facts::Analysed {
            text: &self.document.text,
            segments: &self.segments,
            facts: &self.facts,
            lang: self.lang,
        }
    }

    /// This source as one side of an alignment, without sentence vectors (only
    /// [`Comparison::build`] computes them, for the pairs it aligns).
    pub fn side(&self) -> Side<'_> {
        self.side_with(None)
    }

    /// This source as one side of an alignment, with the sentence vectors of its passages
    /// if it has them ([`Source::encode`]).
    pub fn side_with<'a>(&'a self, vectors: Option<&'a [Vector]>) -> Side<'a> {
        Side {
            text: &self.document.text,
            segments: &self.segments,
            lang: self.lang,
            vectors,
        }
    }

    /// True when the sentence encoder would read this source whole if it had fewer
    /// passages: it is English, not `fast`, but longer than [`ENCODER_MAX_PASSAGES`]; it
    /// reads only the passages in doubt of it (see [`encoding`]).
    pub fn too_long_to_encode(&self, options: &Options) -> bool {
        self.may_encode(options) && self.segments.len() > ENCODER_MAX_PASSAGES
    }

    /// True when the sentence encoder reads this source whole under `options`: English text
    /// (the model is English), not `fast`, at most [`ENCODER_MAX_PASSAGES`] passages.
    pub fn encodes(&self, options: &Options) -> bool {
        self.may_encode(options) && self.segments.len() <= ENCODER_MAX_PASSAGES
    }

    /// The sentence vectors of this source's passages, if the encoder applies
    /// ([`Source::encodes`]). `None` also when the encoder fails, which leaves the aligner
    /// without the evidence of meaning, as with `--fast`.
    pub fn encode(&self, options: &Options) -> Option<Vec<Vector>> {
        if !self.encodes(options) {
            return None;
        }
        self.encode_only(&(0..self.segments.len()).collect::<Vec<_>>())
    }

    /// The sentence vectors of passages `which` (by index), and the zero vector, "not
    /// encoded", for the others; `None` when the encoder fails.
    pub fn encode_only(&self, which: &[usize]) -> Option<Vec<Vector>> {
        let encoder = Encoder::shared().ok()?;
        let texts: Vec<&str> = which
            .iter()
            .map(|&i| self.segments[i].span.slice(&self.document.text))
            .collect();
        let read = encoder.encode(&texts).ok()?;
        let mut out = vec![[0.0; crate::encoder::DIM]; self.segments.len()];
        for (&i, v) in which.iter().zip(read) {
            out[i] = v;
        }
        Some(out)
    }

    /// True when the sentence encoder may read this source under `options`: English text,
    /// not `fast`. A long one is read only in part, where the words leave a link in doubt.
    pub fn may_encode(&self, options: &Options) -> bool {
        !options.fast && self.lang == Language::English
    }
}

/// The sentence vectors of each source the encoder reads whole ([`Source::encodes`]) if
/// some other source can be encoded too (the evidence needs both sides), else `None`. The
/// sources' passages go to the encoder in one call, so they share its batches.
fn encode_whole(sources: &[Source], options: &Options) -> Vec<Option<Vec<Vector>>> {
    let read: Vec<bool> = (0..sources.len())
        .map(|k| sources[k].encodes(options) && encoding::has_partner(sources, k, options))
        .collect();
    let texts: Vec<&str> = (sources.iter().zip(&read))
        .filter(|(_, read)| **read)
        .flat_map(|(s, _)| s.segments.iter().map(|g| g.span.slice(&s.document.text)))
        .collect();
    if texts.is_empty() {
        return vec![None; sources.len()];
    }
    let Some(mut vectors) = Encoder::shared().ok().and_then(|e| e.encode(&texts).ok()) else {
        return vec![None; sources.len()];
    };
    let mut out = Vec::with_capacity(sources.len());
    for (s, read) in sources.iter().zip(read).rev() {
        out.push(read.then(|| vectors.split_off(vectors.len() - s.segments.len())));
    }
    out.reverse();
    out
}

/// Passages of one source the sentence encoder reads at most: a source this long is read
/// whole, a longer one only where its words leave a link in doubt, and not at all when more
/// than this many are (see [`encoding`]). The encoder reads some 10,000 tokens a second on
/// two cores with AVX-512 (40,000 with AMX) and a news sentence has about 30: 400
/// passages cost one to two seconds, where a news article has 20 to 60 and a long report a
/// few hundred; beyond that the wait would grow with the input while the words alone still
/// align long texts well.
pub const ENCODER_MAX_PASSAGES: usize = 400;

/// The alignment of two sources, `a` < `b` by index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairAlignment {
    /// The first source.
    pub a: SourceId,
    /// The second source.
    pub b: SourceId,
    /// Links and what each side adds.
    pub alignment: Alignment,
    /// Facts one source gives and the other gives nowhere (indices into each source's facts).
    #[serde(default)]
    pub facts_only: FactsOnly,
    /// What the facts stage found in each link, in the order of `alignment.links`.
    pub link_facts: Vec<LinkFacts>,
    /// What the sentence encoder read of `a` and `b` for this pair.
    #[serde(default)]
    pub encoded: encoding::Read,
}

/// The facts of one link: kept beside the link rather than in it, because the aligner that
/// makes links runs before the facts are compared.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkFacts {
    /// Facts the two sides state differently.
    pub conflicts: Vec<Conflict>,
    /// Facts one side has and the other side's passages do not (indices into each source's
    /// facts); a fact in a conflict is not also here.
    pub additions: FactsOnly,
}

/// How far [`Comparison::build_with_progress`] has come. Every stage counts, the last
/// ones too, so `done` reaches `total` only when the comparison is complete: on long
/// inputs comparing the facts of every link takes a while after the aligner ends, and a
/// full bar then would say the work was done when it was not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Steps done.
    pub done: usize,
    /// Steps in all.
    pub total: usize,
    /// The stage the step just done belongs to.
    pub stage: Stage,
}

/// The stages of building a comparison, in the order they end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Cutting a source into passages (one step per source).
    Segmenting,
    /// Finding a source's facts (one step per source).
    Facts,
    /// Aligning a pair of sources (one step per pair).
    Aligning,
    /// Comparing the facts of a pair's links and joining passages that state one fact
    /// (one step per pair).
    Comparing,
    /// Gathering the claims shared across sources (one step, the last).
    Claims,
}

/// Several sources, their passages and facts, the links between every pair, and the claims
/// they share.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The sources, in the order given.
    pub sources: Vec<Source>,
    /// One alignment per pair of sources (i < j), ordered by (i, j).
    pub pairs: Vec<PairAlignment>,
    /// Claims across sources (connected links), for more than two sources.
    pub clusters: Vec<Cluster>,
    /// The options it was built with.
    pub options: Options,
}

impl Comparison {
    /// Builds the comparison of `documents` (at least two).
    pub fn build(documents: Vec<Document>, options: &Options) -> Result<Comparison> {
        Comparison::build_with_progress(documents, options, &|_| {})
    }

    /// Builds the comparison, calling `progress` as sources are analysed and pairs aligned.
    pub fn build_with_progress(
        documents: Vec<Document>,
        options: &Options,
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<Comparison> {
        if documents.len() < 2 {
            return Err(Error::TooFewSources {
                got: documents.len(),
            });
        }
        let n = documents.len();
        let pair_ids: Vec<(SourceId, SourceId)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (SourceId(i), SourceId(j))))
            .collect();
        let total = 2 * n + 2 * pair_ids.len() + 1;
        let done = std::sync::atomic::AtomicUsize::new(0);
        let tick = |stage: Stage| {
            let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(Progress {
                done: d,
                total,
                stage,
            });
        };
        // Segment every source, then extract facts and align pairs side by side: alignment
        // needs only the passages, and fact extraction starts by compiling its patterns
        // (most of the cost on short texts), so the two overlap on separate cores. The
        // extraction runs on a thread of its own, one source after another, and hands
        // nothing to rayon (so a build called from a rayon worker cannot wait on itself):
        // aligning a pair is mostly sequential, and as a pool task the extraction held a
        // worker while the aligner's parallel stages waited for it (two cores, 5,000
        // sentences a side, timed back to back: facts added 35-39 ms to the build that
        // way, 25-32 ms on a thread of its own). With many sources the pairs keep the pool
        // busy and the one thread reads a source in a fraction of the time a pair takes.
        let mut sources: Vec<Source> = documents
            .into_par_iter()
            .map(|d| {
                let s = Source::segmented(d, options);
                tick(Stage::Segmenting);
                s
            })
            .collect();
        let (facts, alignments) = std::thread::scope(|scope| {
            let facts = scope.spawn(|| {
                facts::prepare();
                sources
                    .iter()
                    .map(|s| {
                        let f = s.extract_facts(options.unit);
                        tick(Stage::Facts);
                        f
                    })
                    .collect::<Vec<_>>()
            });
            let alignments = {
                // Each short source is encoded once, for all the pairs it is in, if some
                // other source can be encoded too (the evidence needs both sides).
                let vectors = encode_whole(&sources, options);
                pair_ids
                    .par_iter()
                    .map(|&(i, j)| {
                        let (a, b) = (&sources[i.0], &sources[j.0]);
                        let whole = [vectors[i.0].as_deref(), vectors[j.0].as_deref()];
                        let al = encoding::align_pair([a, b], whole, options);
                        // Alignment is the slow part: count each pair as it ends.
                        tick(Stage::Aligning);
                        al
                    })
                    .collect::<Vec<_>>()
            };
            let facts = facts
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (facts, alignments)
        });
        for (s, f) in sources.iter_mut().zip(facts) {
            s.facts = f;
        }
        let joined: Vec<(Alignment, encoding::Read)> = pair_ids
            .par_iter()
            .zip(alignments)
            .map(|(&(i, j), ((mut alignment, prepared), encoded))| {
                let (a, b) = (&sources[i.0], &sources[j.0]);
                join_fact_pairs((a, b), &prepared, options, &mut alignment);
                (alignment, encoded)
            })
            .collect();
        // The claims need only the links: they grow beside the comparison of the facts.
        let links: Vec<cluster::PairLinks> = (pair_ids.iter().zip(&joined))
            .map(|(&(a, b), (alignment, _))| cluster::PairLinks { a, b, alignment })
            .collect();
        let (clusters, compared) = rayon::join(
            || cluster::of_links(&sources, &links),
            || {
                (pair_ids.par_iter().zip(&joined))
                    .map(|(&ids, (alignment, _))| {
                        let found = PairFacts::of(&sources, ids, alignment);
                        tick(Stage::Comparing);
                        found
                    })
                    .collect::<Vec<_>>()
            },
        );
        // Counted last, whichever of the two ends first: the bar is full only when both are.
        tick(Stage::Claims);
        let pairs: Vec<PairAlignment> = (pair_ids.iter().zip(joined).zip(compared))
            .map(|((&ids, (alignment, encoded)), found)| found.into_pair(ids, alignment, encoded))
            .collect();
        Ok(Comparison {
            sources,
            pairs,
            clusters,
            options: options.clone(),
        })
    }

    /// What the sentence encoder read of source `s`, in the pair where it read the most of
    /// it: (passages read, passages its words left in doubt), see
    /// [`PairAlignment::encoded`].
    pub fn encoded(&self, s: SourceId) -> (usize, usize) {
        self.pairs
            .iter()
            .filter_map(|p| {
                let k = [p.a, p.b].iter().position(|&x| x == s)?;
                Some((p.encoded.passages[k], p.encoded.in_doubt[k]))
            })
            .max()
            .unwrap_or((0, 0))
    }

    /// True when the sentence encoder may read source `k` beside some other source (see
    /// [`Source::may_encode`]): its evidence needs both sides.
    pub fn encoder_applies(&self, k: SourceId) -> bool {
        encoding::has_partner(&self.sources, k.0, &self.options)
            && self.sources[k.0].may_encode(&self.options)
    }

    /// The `top` passages of source `other` that would best link with passage `passage` of
    /// source `of`, best first, rated as the link score rates a link of the two alone, with
    /// what they share: why two passages were (not) linked.
    pub fn partners(
        &self,
        (of, passage): (SourceId, SegmentId),
        other: SourceId,
        top: usize,
    ) -> Vec<align::Partner> {
        if of == other || of.0 >= self.sources.len() || other.0 >= self.sources.len() {
            return Vec::new();
        }
        let (lo, hi) = if of < other { (of, other) } else { (other, of) };
        let sources = [self.source(lo), self.source(hi)];
        let whole = sources.map(|s| s.encode(&self.options));
        let whole = [whole[0].as_deref(), whole[1].as_deref()];
        let vectors = encoding::for_pair(sources, whole, &self.options);
        let side = |k: usize| sources[k].side_with(vectors[k].as_deref());
        let which = if of == lo {
            align::Of::A(passage)
        } else {
            align::Of::B(passage)
        };
        align::partners(side(0), side(1), &self.options.params, which, top)
    }

    /// Replaces the links of the pairs in `changed` (corrections by hand): each pair's
    /// passages in no link, its facts and the claims across sources follow.
    pub fn relink(&mut self, changed: Vec<((SourceId, SourceId), Vec<align::Link>)>) {
        if changed.is_empty() {
            return;
        }
        for ((a, b), links) in changed {
            let Some(k) = self.pairs.iter().position(|p| p.a == a && p.b == b) else {
                continue;
            };
            let (na, nb) = (self.source(a).segments.len(), self.source(b).segments.len());
            let mut alignment = Alignment::from_links(links, na, nb);
            alignment.keep_possible(self.pairs[k].alignment.possible.clone());
            let encoded = self.pairs[k].encoded;
            self.pairs[k] = PairAlignment::with_facts(&self.sources, (a, b), alignment);
            self.pairs[k].encoded = encoded;
        }
        self.clusters = cluster::clusters(&self.sources, &self.pairs);
    }

    /// Source `id`.
    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.0]
    }

    /// The alignment of sources `a` and `b` as stored (with `a < b`), if both exist.
    pub fn pair(&self, a: SourceId, b: SourceId) -> Option<&PairAlignment> {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.pairs.iter().find(|p| p.a == lo && p.b == hi)
    }
}

impl PairAlignment {
    /// How many facts its links state differently: on believed links (counted by every
    /// report), and on weak links (only possible).
    pub fn conflict_counts(&self) -> (usize, usize) {
        let (mut believed, mut possible) = (0, 0);
        for (l, f) in self.alignment.links.iter().zip(&self.link_facts) {
            if facts::is_possible(l) {
                possible += f.conflicts.len();
            } else {
                believed += f.conflicts.len();
            }
        }
        (believed, possible)
    }

    /// The alignment of `sources[i]` and `sources[j]` with what follows from its links by
    /// rule: each link's conflicts and fact additions, and the facts only one side gives.
    /// (`Comparison::build` does this after aligning; a front end that assembles a
    /// comparison from recorded links calls it too.)
    pub fn with_facts(
        sources: &[Source],
        (i, j): (SourceId, SourceId),
        alignment: Alignment,
    ) -> PairAlignment {
        PairFacts::of(sources, (i, j), &alignment).into_pair(
            (i, j),
            alignment,
            encoding::Read::default(),
        )
    }
}

/// What the facts stage finds in the alignment of two sources (see
/// [`PairAlignment::with_facts`]).
struct PairFacts {
    facts_only: FactsOnly,
    link_facts: Vec<LinkFacts>,
}

impl PairFacts {
    /// The pair these facts were found in, with them.
    fn into_pair(
        self,
        (a, b): (SourceId, SourceId),
        alignment: Alignment,
        encoded: encoding::Read,
    ) -> PairAlignment {
        PairAlignment {
            a,
            b,
            alignment,
            facts_only: self.facts_only,
            link_facts: self.link_facts,
            encoded,
        }
    }

    fn of(sources: &[Source], (i, j): (SourceId, SourceId), alignment: &Alignment) -> PairFacts {
        let (a, b) = (sources[i.0].analysed(), sources[j.0].analysed());
        // Links are compared one by one, each on its own: side by side. Per link, its
        // facts and the stretches of A and B that state one fact both ways (differing or
        // worded apart).
        let compared: Vec<(LinkFacts, Vec<(Span, Span)>)> = alignment
            .links
            .par_iter()
            .map(|link| {
                if facts::verbatim(a, &link.a, b, &link.b) {
                    return (LinkFacts::default(), Vec::new());
                }
                let found = facts::compare(a, &link.a, b, &link.b);
                let texts = (a.text, b.text);
                let more = facts::changed_numbers(&link.changes, &found.conflicts, &found, texts);
                let mut conflicts = found.conflicts;
                conflicts.extend(more);
                let mut both: Vec<(Span, Span)> =
                    conflicts.iter().map(|c| (c.a_span, c.b_span)).collect();
                both.extend(found.agreeing);
                let mut additions = facts::link_additions(a, &link.a, b, &link.b);
                drop_stated(&mut additions, a, b, &both);
                let facts = LinkFacts {
                    conflicts,
                    additions,
                };
                (facts, both)
            })
            .collect();
        let mut facts_only = facts::only_in(a, b);
        let both: Vec<(Span, Span)> = compared.iter().flat_map(|(_, s)| s.clone()).collect();
        drop_stated(&mut facts_only, a, b, &both);
        let link_facts = compared.into_iter().map(|(f, _)| f).collect();
        PairFacts {
            facts_only,
            link_facts,
        }
    }
}

/// Joins to the links the passages of `a` and `b` that state one fact two ways and that
/// the aligner left apart ([`facts::fact_pairs`], [`align::join`]).
fn join_fact_pairs(
    (a, b): (&Source, &Source),
    prepared: &align::Prepared,
    options: &Options,
    alignment: &mut Alignment,
) {
    // Checked on English news, where two outlets word one fact apart. On German versions of
    // one text (DEplain) the aligner's own links already hold what joins would add, and the
    // joins cost pairs (micro F1 .619 -> .616, exact groups .595 -> .587).
    if a.lang != Language::English || b.lang != Language::English {
        return;
    }
    let pairs: Vec<(SegmentId, SegmentId, String)> =
        facts::fact_pairs(a.analysed(), b.analysed(), &alignment.links)
            .into_iter()
            .map(|p| (p.a, p.b, p.slot))
            .collect();
    let sides = (a.side(), b.side());
    align::join(sides, prepared, &options.params, alignment, &pairs);
}

/// A fact a link states on both sides is not "only in" one of them: not one it shows as
/// differing (the report would say both "A gives 12, B gives 15" and "only A says 12"), nor
/// one worded apart that one value fits ("10 to 40 cm" and "25 cm"). `both` holds the
/// stretches of A and B that state such facts.
fn drop_stated(
    only: &mut facts::FactsOnly,
    a: facts::Analysed<'_>,
    b: facts::Analysed<'_>,
    both: &[(Span, Span)],
) {
    let stated = |f: &facts::Fact, side_a: bool| {
        both.iter()
            .any(|(x, y)| f.span.overlaps(if side_a { x } else { y }))
    };
    only.a.retain(|&i| !stated(&a.facts[i], true));
    only.b.retain(|&i| !stated(&b.facts[i], false));
}
