//! A source too long for the sentence encoder to read whole is read where the words leave a
//! link in doubt: in a long revision, the few sentences reworded are linked by their
//! meaning while the rest, the same word for word, are never encoded.

use parallax::align::Reason;
use parallax::comparison::ENCODER_MAX_PASSAGES;
use parallax::{Comparison, Options, SegmentId};

#[path = "../../benches/common/revision.rs"]
mod revision;

/// The passages reworded in the second version.
const REWORDED: [usize; 3] = [10, 200, 300];

#[test]
fn a_long_revision_is_encoded_only_where_a_link_is_in_doubt() {
    let n = ENCODER_MAX_PASSAGES + 50;
    let (a, b) = revision::versions(n, &REWORDED);
    let cmp = Comparison::build(vec![a.clone(), b.clone()], &Options::default()).unwrap();
    let pair = &cmp.pairs[0];
    assert_eq!(cmp.sources[0].segments.len(), n);
    for side in 0..2 {
        let read = pair.encoded.passages[side];
        assert!(
            (REWORDED.len()..=20).contains(&read),
            "side {side}: the encoder read {read} of {n} passages"
        );
        assert_eq!(pair.encoded.in_doubt[side], read);
    }
    for k in REWORDED {
        let link = pair
            .alignment
            .links
            .iter()
            .find(|l| l.a.contains(&SegmentId(k)))
            .unwrap_or_else(|| panic!("passage {k} reworded is linked"));
        assert_eq!(link.b, [SegmentId(k)]);
        assert!(
            link.why
                .iter()
                .any(|r| matches!(r, Reason::CloseInMeaning { .. })),
            "passage {k}: {:?}",
            link.why
        );
    }

    // A correction by hand rebuilds the pair; what the encoder read stays said.
    let mut corrected = cmp.clone();
    let ids = (pair.a, pair.b);
    corrected.relink(vec![(ids, pair.alignment.links.clone())]);
    assert_eq!(corrected.pairs[0].encoded, pair.encoded);

    // A model without weights for the links the encoder did not read keeps the aligner's
    // own choice rather than dropping those links.
    let mut no_fast = Options::default();
    no_fast.params.link_model.fast = Vec::new();
    let kept = Comparison::build(vec![a.clone(), b.clone()], &no_fast).unwrap();
    assert!(kept.pairs[0].alignment.links.len() > n - 10);

    // Without the encoder the words alone leave some of them unlinked.
    let fast = Options {
        fast: true,
        ..Options::default()
    };
    let words = Comparison::build(vec![a, b], &fast).unwrap();
    let unlinked = &words.pairs[0].alignment.only_a;
    assert!(
        REWORDED.iter().any(|k| unlinked.contains(&SegmentId(*k))),
        "{unlinked:?}"
    );
    assert_eq!(words.pairs[0].encoded.passages, [0, 0]);
}
