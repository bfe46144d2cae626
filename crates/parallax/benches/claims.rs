//! Many sources: N documents of 200 sentences each, every pair aligned, facts compared and
//! the claims across sources built (`Comparison::build`, what `parallax align` and the
//! reader run), with and without the sentence encoder.
//!
//! The documents are made from real English news sentences (the encoder's test fixture),
//! seeded so every run builds the same ones: each document tells 60% of its sentences from
//! a shared pool, lightly reworded (a word dropped, two words swapped) and in its own order,
//! and 40% of its own (halves of two pool sentences joined), as outlets retelling one wire
//! story do.
//!
//! `cargo bench --bench claims` (the encoder's 10 sources take a few minutes).

use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax::encoder::Encoder;
use parallax::segment::{self, Unit};
use parallax::{Comparison, Document, Options};

#[path = "common/alloc.rs"]
mod alloc;
#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// The news sentences of the encoder's fixture (its first 270 lines are English news).
fn pool() -> Vec<Vec<String>> {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/encoder-sentences.json"
    );
    let lines: Vec<String> = serde_json::from_str(&std::fs::read_to_string(root).unwrap()).unwrap();
    lines[..270]
        .iter()
        .flat_map(|l| {
            let doc = Document::from_text("news.txt", l.as_str());
            segment::segment(&doc, Unit::Sentence)
                .iter()
                .map(|s| {
                    s.span
                        .slice(&doc.text)
                        .split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .filter(|w| w.len() >= 6)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `n` documents of `len` sentences (see the module's notes).
fn documents(n: usize, len: usize) -> Vec<Document> {
    let pool = pool();
    let mut rng = Rng(0x5EED + n as u64);
    (0..n)
        .map(|d| {
            let mut sentences: Vec<Vec<String>> = (0..len)
                .map(|_| {
                    let mut s = pool[rng.below(pool.len())].clone();
                    if rng.below(10) < 4 {
                        // A sentence of its own: the start of one and the end of another.
                        let other = &pool[rng.below(pool.len())];
                        s.truncate(s.len() / 2);
                        s.extend(other[other.len() / 2..].iter().cloned());
                    } else if rng.below(2) == 0 {
                        let k = 1 + rng.below(s.len() - 2);
                        s.swap(k, k + 1);
                    } else {
                        s.remove(rng.below(s.len()));
                    }
                    s
                })
                .collect();
            for k in 0..sentences.len() - 1 {
                if rng.below(3) == 0 {
                    sentences.swap(k, k + 1);
                }
            }
            let text: Vec<String> = sentences.iter().map(|s| s.join(" ")).collect();
            Document::from_text(format!("outlet-{d}.txt"), text.join("\n"))
        })
        .collect()
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("claims_200_sentences");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    let fast = Options {
        fast: true,
        ..Options::default()
    };
    for n in [2, 5, 10] {
        let docs = documents(n, 200);
        g.bench_with_input(BenchmarkId::new("fast", n), &docs, |b, docs| {
            b.iter_batched(
                || docs.clone(),
                |docs| Comparison::build(docs, &fast).unwrap(),
                BatchSize::LargeInput,
            )
        });
    }
    // What the reports and the reader's matrix read of the claims: every source's stance on
    // every claim with the links from outside each (per frame of the matrix), and the
    // summary per source.
    let built = Comparison::build(documents(10, 200), &fast).unwrap();
    g.bench_function("table/10", |b| b.iter(|| built.claim_table()));
    g.bench_function("summaries/10", |b| b.iter(|| built.summaries()));
    // The encoder remembers the sentences it read; each run starts without them, as a new
    // process does.
    let encoder = Encoder::shared().unwrap();
    for n in [2, 5, 10] {
        let docs = documents(n, 200);
        g.bench_with_input(BenchmarkId::new("encoder", n), &docs, |b, docs| {
            b.iter_batched(
                || {
                    encoder.forget();
                    docs.clone()
                },
                |docs| Comparison::build(docs, &Options::default()).unwrap(),
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, build);
criterion_main!(benches);
