//! Which passages the sentence encoder reads for a pair of sources.
//!
//! A source of at most [`ENCODER_MAX_PASSAGES`] passages is read whole, once, for every pair
//! it is in. A longer one is read only where the encoder can change a link: its passages
//! that the words alone do not link surely (the learned score without the encoder gives
//! their link less than [`SURE`]). The long texts worth reading side by side are mostly
//! versions of one text, where most passages match word for word and the few reworded ones
//! are those the encoder is for. When even those are more than [`ENCODER_MAX_PASSAGES`]
//! (two long texts that differ throughout), the pair is aligned without the encoder, as
//! with `--fast`: the wait would grow with the input.
//!
//! A passage left out gets the zero vector, which the judge reads as "not encoded" (see
//! [`crate::align::Side::vectors`]): its candidate links are weighed without the encoder.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{ENCODER_MAX_PASSAGES, Options, Source};
use crate::align::{self, Alignment, Prepared};
use crate::encoder::{self, Vector};

/// From this probability up, a link the words alone make is sure enough that the encoder
/// is not asked about its passages: the score is calibrated, so nine in ten such links are
/// right.
pub const SURE: f32 = 0.9;

/// True when some source other than `k` may be read by the encoder.
pub(crate) fn has_partner(sources: &[Source], k: usize, options: &Options) -> bool {
    (sources.iter().enumerate()).any(|(j, t)| j != k && t.may_encode(options))
}

/// Both sides' vectors, borrowed (a source read whole) or made for the pair.
type Pair<'a> = [Option<Cow<'a, [Vector]>>; 2];

/// What the encoder read of a pair's two sources.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Read {
    /// How many passages of each it read: all of a short source, those in doubt of a long
    /// one, none with `--fast`.
    pub passages: [usize; 2],
    /// How many passages of each long source the words alone leave in doubt (0 for a short
    /// one): more than [`ENCODER_MAX_PASSAGES`] and the encoder read none of the pair.
    pub in_doubt: [usize; 2],
}

/// Aligns the pair of `sources`, given the vectors of each source read whole (`whole`), and
/// says what the encoder read. A pair with a long source is first aligned on words alone;
/// that alignment stands when no passage is in doubt or too many are.
pub(crate) fn align_pair(
    sources: [&Source; 2],
    whole: [Option<&[Vector]>; 2],
    options: &Options,
) -> ((Alignment, Prepared), Read) {
    let align = |v: &Pair<'_>| {
        align::align_prepared(
            sources[0].side_with(v[0].as_deref()),
            sources[1].side_with(v[1].as_deref()),
            &options.params,
        )
    };
    let read_all = |v: &Pair<'_>| [read(v[0].as_deref()), read(v[1].as_deref())];
    match plan(sources, whole, options) {
        Plan::Whole(v) => {
            let passages = read_all(&v);
            (
                align(&v),
                Read {
                    passages,
                    in_doubt: [0, 0],
                },
            )
        }
        Plan::InDoubt => {
            let first = align(&[None, None]);
            let doubt = doubtful(sources, options, &first.0);
            let in_doubt = doubt.each_ref().map(Vec::len);
            match vectors_of(sources, whole, &doubt) {
                Some(v) => {
                    let passages = read_all(&v);
                    (align(&v), Read { passages, in_doubt })
                }
                None => (
                    first,
                    Read {
                        passages: [0, 0],
                        in_doubt,
                    },
                ),
            }
        }
    }
}

/// The vectors the pair of `sources` is aligned with (see [`align_pair`]).
pub(crate) fn for_pair<'a>(
    sources: [&'a Source; 2],
    whole: [Option<&'a [Vector]>; 2],
    options: &Options,
) -> Pair<'a> {
    match plan(sources, whole, options) {
        Plan::Whole(v) => v,
        Plan::InDoubt => {
            let (first, _) =
                align::align_prepared(sources[0].side(), sources[1].side(), &options.params);
            let doubt = doubtful(sources, options, &first);
            vectors_of(sources, whole, &doubt).unwrap_or([None, None])
        }
    }
}

enum Plan<'a> {
    /// Align with these vectors (none when either side has none: the evidence needs both).
    Whole(Pair<'a>),
    /// A long source: read the passages its first alignment leaves in doubt.
    InDoubt,
}

fn plan<'a>(
    sources: [&'a Source; 2],
    whole: [Option<&'a [Vector]>; 2],
    options: &Options,
) -> Plan<'a> {
    let long = sources.map(|s| s.too_long_to_encode(options));
    if (0..2).any(|k| !long[k] && whole[k].is_none()) {
        Plan::Whole([None, None])
    } else if long.contains(&true) {
        Plan::InDoubt
    } else {
        Plan::Whole(whole.map(|w| w.map(Cow::Borrowed)))
    }
}

/// The passages of each long source that `first` (the pair aligned on words) links with
/// less than [`SURE`] or not at all; none of a short source.
fn doubtful(sources: [&Source; 2], options: &Options, first: &Alignment) -> [Vec<usize>; 2] {
    let mut sure = sources.map(|s| vec![false; s.segments.len()]);
    for link in first.links.iter().filter(|l| l.score >= SURE) {
        for s in &link.a {
            sure[0][s.0] = true;
        }
        for s in &link.b {
            sure[1][s.0] = true;
        }
    }
    let mut doubt = [Vec::new(), Vec::new()];
    for k in 0..2 {
        if sources[k].too_long_to_encode(options) {
            doubt[k] = (0..sure[k].len()).filter(|&i| !sure[k][i]).collect();
        }
    }
    doubt
}

/// The vectors of the `doubt` passages of long sources and of short sources whole; `None`
/// when a long source has no passage in doubt (no cosine could then be had with it) or more
/// than [`ENCODER_MAX_PASSAGES`], or when the encoder fails.
fn vectors_of<'a>(
    sources: [&'a Source; 2],
    whole: [Option<&'a [Vector]>; 2],
    doubt: &[Vec<usize>; 2],
) -> Option<Pair<'a>> {
    let long = |k: usize| whole[k].is_none();
    if (0..2).any(|k| long(k) && (doubt[k].is_empty() || doubt[k].len() > ENCODER_MAX_PASSAGES)) {
        return None;
    }
    let mut out: Pair<'a> = [None, None];
    for k in 0..2 {
        out[k] = Some(match whole[k] {
            Some(w) => Cow::Borrowed(w),
            None => Cow::Owned(sources[k].encode_only(&doubt[k])?),
        });
    }
    Some(out)
}

/// How many passages `vectors` hold that the encoder read (not the zero vector).
fn read(vectors: Option<&[Vector]>) -> usize {
    vectors.map_or(0, |v| v.iter().filter(|x| encoder::was_read(x)).count())
}
