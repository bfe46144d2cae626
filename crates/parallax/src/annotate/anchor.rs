//! What a note is on: a passage or a link, and the text quoted from it.

use serde::{Deserialize, Serialize};

use crate::align::Link;
use crate::comparison::Comparison;
use crate::error::{Error, Result};
use crate::ids::{LinkId, SegmentId, SourceId};

/// What a note is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Anchor {
    /// One passage of one source.
    Passage {
        /// The source.
        source: SourceId,
        /// Segment id in that source.
        segment: SegmentId,
    },
    /// A link between two sources, named by its passages (links have no stable index).
    Link {
        /// The pair's first source (the smaller).
        a: SourceId,
        /// The pair's second source.
        b: SourceId,
        /// The link's segment ids in `a`.
        a_segments: Vec<SegmentId>,
        /// The link's segment ids in `b`.
        b_segments: Vec<SegmentId>,
    },
}

impl Anchor {
    /// The anchor of link `id` of the pair (`a`, `b`), if there is such a link.
    pub fn link(cmp: &Comparison, a: SourceId, b: SourceId, id: LinkId) -> Option<Anchor> {
        let pair = cmp.pair(a, b)?;
        let l = pair.alignment.links.get(id.0)?;
        Some(Anchor::Link {
            a: pair.a,
            b: pair.b,
            a_segments: l.a.clone(),
            b_segments: l.b.clone(),
        })
    }

    /// The link this anchor names, with its id in its pair, if it is a link anchor and the
    /// comparison has that link.
    pub fn find_link<'c>(&self, cmp: &'c Comparison) -> Option<(LinkId, &'c Link)> {
        let Anchor::Link {
            a,
            b,
            a_segments,
            b_segments,
        } = self
        else {
            return None;
        };
        let pair = cmp.pair(*a, *b).filter(|p| p.a == *a)?;
        pair.alignment
            .links
            .iter()
            .enumerate()
            .find(|(_, l)| &l.a == a_segments && &l.b == b_segments)
            .map(|(i, l)| (LinkId(i), l))
    }

    /// Checks that the anchor names something the comparison has.
    pub fn check(&self, cmp: &Comparison) -> Result<()> {
        match self {
            Anchor::Passage { source, segment } => {
                let s = cmp.sources.get(source.0).ok_or_else(|| Error::Note {
                    detail: format!("there is no source {}", source.0.saturating_add(1)),
                })?;
                if segment.0 >= s.segments.len() {
                    return Err(Error::Note {
                        detail: format!(
                            "source {} has no passage {}",
                            source.0.saturating_add(1),
                            segment.number()
                        ),
                    });
                }
                Ok(())
            }
            Anchor::Link { .. } => match self.find_link(cmp) {
                Some(_) => Ok(()),
                None => Err(Error::Note {
                    detail: "the comparison has no such link".to_string(),
                }),
            },
        }
    }

    /// The quoted text of what the anchor names, one quote per side.
    pub fn quotes(&self, cmp: &Comparison) -> Vec<Quote> {
        let quote = |source: SourceId, ids: &[SegmentId]| {
            let src = cmp.source(source);
            let neighbour = |k: Option<usize>| {
                k.filter(|&k| k < src.segments.len())
                    .map(|k| src.segment_text(SegmentId(k)).to_string())
            };
            Quote {
                source,
                text: ids
                    .iter()
                    .map(|&i| src.segment_text(i))
                    .collect::<Vec<_>>()
                    .join(" "),
                before: neighbour(ids.first().and_then(|i| i.0.checked_sub(1))),
                after: neighbour(ids.last().map(|i| i.0 + 1)),
            }
        };
        match self {
            Anchor::Passage { source, segment } => vec![quote(*source, &[*segment])],
            Anchor::Link {
                a,
                b,
                a_segments,
                b_segments,
            } => vec![quote(*a, a_segments), quote(*b, b_segments)],
        }
    }

    /// True when the pair of sources `a` and `b` (`a` the smaller) shows the anchor: a link
    /// of that pair, or a passage of either source.
    pub fn in_pair(&self, a: SourceId, b: SourceId) -> bool {
        match self {
            Anchor::Passage { source, .. } => *source == a || *source == b,
            Anchor::Link { a: x, b: y, .. } => (*x, *y) == (a, b),
        }
    }

    /// True when the anchor covers segment `segment` of source `source`.
    pub fn touches(&self, source: SourceId, segment: SegmentId) -> bool {
        match self {
            Anchor::Passage {
                source: s,
                segment: g,
            } => *s == source && *g == segment,
            Anchor::Link {
                a,
                b,
                a_segments,
                b_segments,
            } => {
                (*a == source && a_segments.contains(&segment))
                    || (*b == source && b_segments.contains(&segment))
            }
        }
    }

    /// Where the anchor stands in reading order: (source, first segment, passage before link).
    pub(super) fn order_key(&self) -> (SourceId, SegmentId, u8) {
        match self {
            Anchor::Passage { source, segment } => (*source, *segment, 0),
            Anchor::Link { a, a_segments, .. } => {
                (*a, a_segments.first().copied().unwrap_or_default(), 1)
            }
        }
    }
}

/// The text a note was written on, kept to place the note again after the sources change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The source it was quoted from.
    pub source: SourceId,
    /// The passage text as it was.
    pub text: String,
    /// The passage just before it, as it was (none at the start of the text, or in a file
    /// saved before neighbours were kept): a sentence reworded in place is still found
    /// between the same two neighbours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The passage just after it, as it was (none at the end of the text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}
