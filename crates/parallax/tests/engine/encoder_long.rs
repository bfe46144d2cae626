//! A source too long for the sentence encoder to read whole is read where the words leave a
//! link in doubt: in a long revision, the few sentences reworded are linked by their
//! meaning while the rest, the same word for word, are never encoded.

use parallax::align::Reason;
use parallax::comparison::ENCODER_MAX_PASSAGES;
use parallax::{Comparison, Document, Options, SegmentId};

/// Passages that say one thing in other words, with few words in common.
const REWORDED: [(usize, &str, &str); 3] = [
    (
        10,
        "The talks collapsed and the two sides reached no deal.",
        "Negotiations between the two sides broke down without any agreement.",
    ),
    (
        200,
        "Power was cut to thousands of households as the storm swept through.",
        "The storm knocked out electricity for thousands of homes across the region.",
    ),
    (
        300,
        "The plant will close permanently next spring, officials said.",
        "Officials said the factory would shut its doors for good in the spring.",
    ),
];

/// Two versions of a text of `n` varied sentences, the same but for [`REWORDED`].
fn versions(n: usize) -> (Document, Document) {
    let subjects = [
        "The council",
        "A spokesman",
        "The mayor",
        "Residents",
        "Police",
    ];
    let verbs = [
        "approved",
        "rejected",
        "questioned",
        "announced",
        "delayed",
        "funded",
    ];
    let objects = [
        "a plan for the northern bridge",
        "the budget for next year",
        "new rules on river traffic",
        "a study of the flood defences",
        "the closure of the old mill",
        "a ban on night flights",
        "the contract for the rail depot",
    ];
    let when = [
        "on Monday",
        "last week",
        "after a long debate",
        "at a public meeting",
    ];
    let mut state = 7u64;
    let mut pick = |k: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % k
    };
    let mut a: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "{} {} {} {}, item {i}.",
                subjects[pick(subjects.len())],
                verbs[pick(verbs.len())],
                objects[pick(objects.len())],
                when[pick(when.len())]
            )
        })
        .collect();
    let mut b = a.clone();
    for (k, before, after) in REWORDED {
        a[k] = before.to_string();
        b[k] = after.to_string();
    }
    let doc = |name: &str, v: &[String]| Document::from_text(name, v.join("\n\n"));
    (doc("before.txt", &a), doc("after.txt", &b))
}

#[test]
fn a_long_revision_is_encoded_only_where_a_link_is_in_doubt() {
    let n = ENCODER_MAX_PASSAGES + 50;
    let (a, b) = versions(n);
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
    for (k, _, _) in REWORDED {
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
        REWORDED
            .iter()
            .any(|(k, _, _)| unlinked.contains(&SegmentId(*k))),
        "{unlinked:?}"
    );
    assert_eq!(words.pairs[0].encoded.passages, [0, 0]);
}
