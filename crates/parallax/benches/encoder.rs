//! The sentence encoder's speed: building it (dequantizing the embedded model), the two 2019
//! samples (the sentences of one small comparison), and 50, 200 and 800 news sentences, with
//! throughput in tokens a second (criterion's "elem/s": one element is one token the model
//! reads, markers included).
//!
//! The news sentences are those of the encoder's test fixture (lines of news articles, cut
//! into sentences by the engine's segmenter), taken in order and repeated past their count,
//! each repeat with its round's number in front (the encoder reads a sentence given twice in
//! one call once). The encoder remembers the sentences it has read, so every run first makes
//! it forget them (as a new process starts).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parallax::Document;
use parallax::encoder::Encoder;
use parallax::segment::{self, Unit};

#[path = "common/alloc.rs"]
mod alloc;

fn sentences_of(name: &str, text: &str) -> Vec<String> {
    let doc = Document::from_text(name, text);
    segment::segment(&doc, Unit::Sentence)
        .iter()
        .map(|s| s.span.slice(&doc.text).to_string())
        .collect()
}

fn read(path: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    std::fs::read_to_string(format!("{root}/{path}")).unwrap()
}

/// The news lines of the fixture (its first 270 entries; the rest are German and odd inputs).
fn news() -> Vec<String> {
    let lines: Vec<String> = serde_json::from_str(&read(
        "crates/parallax/tests/fixtures/encoder-sentences.json",
    ))
    .unwrap();
    lines[..270]
        .iter()
        .flat_map(|l| sentences_of("news.txt", l))
        .collect()
}

fn bench(c: &mut Criterion) {
    let encoder = Encoder::shared().unwrap();
    let tokens = |s: &[&str]| -> u64 {
        s.iter()
            .map(|s| encoder.token_count(s).unwrap() as u64)
            .sum()
    };
    let mut group = c.benchmark_group("encoder");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));

    group.bench_function("load", |b| b.iter(|| Encoder::load().unwrap()));

    let mut pair = Vec::new();
    for name in ["cabello-2019-ap-rewrite.txt", "cabello-2019-speed-read.txt"] {
        pair.extend(sentences_of(name, &read(&format!("assets/samples/{name}"))));
    }
    let pair: Vec<&str> = pair.iter().map(String::as_str).collect();
    group.throughput(Throughput::Elements(tokens(&pair)));
    group.bench_function(format!("cabello-2019 ({} sentences)", pair.len()), |b| {
        b.iter(|| {
            encoder.forget();
            encoder.encode(black_box(&pair)).unwrap()
        })
    });

    let news = news();
    for n in [50, 200, 800] {
        let batch: Vec<String> = (0..n)
            .map(|k| match k / news.len() {
                0 => news[k].clone(),
                round => format!("{round} {}", news[k % news.len()]),
            })
            .collect();
        let batch: Vec<&str> = batch.iter().map(String::as_str).collect();
        group.throughput(Throughput::Elements(tokens(&batch)));
        group.bench_with_input(BenchmarkId::new("news", n), &batch, |b, batch| {
            b.iter(|| {
                encoder.forget();
                encoder.encode(black_box(batch)).unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
