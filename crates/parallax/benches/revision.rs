//! A long revision with the sentence encoder: two versions of one text of 1,000 and 5,000
//! sentences, one in a hundred reworded, compared whole (`Comparison::build`, default
//! options). The encoder reads a source over 400 passages only where its words leave a link
//! in doubt, so this costs the alignment on words twice (once to find the doubt) plus the
//! encoding of the reworded sentences; `--fast` beside it for the ratio.
//!
//! `cargo bench --bench revision`

use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax::encoder::Encoder;
use parallax::{Comparison, Document, Options};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// Reworded claims: the words the two versions share are few.
const REWORDED: [(&str, &str); 4] = [
    (
        "The talks collapsed and the two sides reached no deal",
        "Negotiations between the two sides broke down without any agreement",
    ),
    (
        "Power was cut to thousands of households as the storm swept through",
        "The storm knocked out electricity for thousands of homes across the region",
    ),
    (
        "The plant will close permanently next spring, officials said",
        "Officials said the factory would shut its doors for good in the spring",
    ),
    (
        "Prices at the pump climbed for a third straight week",
        "Fuel costs rose again, the third weekly increase in a row",
    ),
];

/// Two versions of `n` sentences, every hundredth reworded.
fn versions(n: usize) -> (Document, Document) {
    let subjects = [
        "The council",
        "A spokesman",
        "The mayor",
        "Residents",
        "Police",
        "Engineers",
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
    let mut r = Rng(0x5eed);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for i in 0..n {
        if i % 100 == 50 {
            let (x, y) = REWORDED[(i / 100) % REWORDED.len()];
            a.push(format!("{x} (note {i})."));
            b.push(format!("{y} (note {i})."));
        } else {
            let s = format!(
                "{} {} {} {}, item {i}.",
                subjects[r.below(subjects.len())],
                verbs[r.below(verbs.len())],
                objects[r.below(objects.len())],
                when[r.below(when.len())]
            );
            a.push(s.clone());
            b.push(s);
        }
    }
    let doc = |name: &str, v: &[String]| Document::from_text(name, v.join("\n\n"));
    (doc("before.txt", &a), doc("after.txt", &b))
}

fn revision(c: &mut Criterion) {
    let mut g = c.benchmark_group("revision");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    let encoder = Encoder::shared().unwrap();
    for n in [1_000, 5_000] {
        let (a, b) = versions(n);
        for (name, fast) in [("encoder", false), ("fast", true)] {
            let options = Options {
                fast,
                ..Options::default()
            };
            g.bench_with_input(BenchmarkId::new(name, n), &n, |bch, _| {
                bch.iter_batched(
                    || {
                        // As a new process: nothing read before.
                        encoder.forget();
                        vec![a.clone(), b.clone()]
                    },
                    |docs| Comparison::build(docs, &options).unwrap(),
                    BatchSize::LargeInput,
                )
            });
        }
    }
    g.finish();
}

criterion_group!(benches, revision);
criterion_main!(benches);
