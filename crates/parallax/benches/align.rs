//! Alignment speed: generated document pairs of 1k to 20k sentences (seeded, so every run
//! aligns the same text). The sample pair as a whole process is in the front end's
//! `process` bench, which has the binary.
//!
//! `cargo bench --bench align` (quick: `-- --warm-up-time 1 --measurement-time 5`).

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax::SegmentId;
use parallax::align::{Side, align};
use parallax::segment::Segment;
use parallax::span::Span;
use parallax::text::Language;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// A made-up word from a number: syllables, so stemmers and vectors see word-like input.
fn word(k: usize) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mir", "an", "te", "vos", "ur", "pel", "di", "sa", "gon", "ri", "be", "nu",
        "tor", "el",
    ];
    let mut s = String::new();
    let mut x = k + 17;
    while x > 0 {
        s.push_str(SYL[x % 16]);
        x /= 16;
    }
    s
}

/// Two documents of `n` sentences: B keeps 70% of A's sentences, reworded a little and
/// shuffled locally, and adds sentences of its own.
fn documents(n: usize, seed: u64) -> (String, Vec<Segment>, String, Vec<Segment>) {
    let mut rng = Rng(seed);
    let vocab = 20_000;
    let sentences: Vec<Vec<String>> = (0..n)
        .map(|_| {
            let len = 8 + rng.below(16);
            (0..len).map(|_| word(rng.zipf(vocab))).collect()
        })
        .collect();
    let mut b_sents: Vec<Vec<String>> = Vec::new();
    for s in &sentences {
        if rng.below(10) < 7 {
            let mut t = s.clone();
            for w in t.iter_mut() {
                if rng.below(5) == 0 {
                    *w = word(rng.zipf(vocab));
                }
            }
            b_sents.push(t);
        }
        if rng.below(10) < 3 {
            let len = 8 + rng.below(16);
            b_sents.push((0..len).map(|_| word(rng.zipf(vocab))).collect());
        }
    }
    for k in 0..b_sents.len().saturating_sub(1) {
        if rng.below(4) == 0 {
            b_sents.swap(k, k + 1);
        }
    }
    let (ta, sa) = join(&sentences);
    let (tb, sb) = join(&b_sents);
    (ta, sa, tb, sb)
}

fn join(sentences: &[Vec<String>]) -> (String, Vec<Segment>) {
    let mut text = String::new();
    let mut segs = Vec::new();
    for (id, s) in sentences.iter().enumerate() {
        let start = text.len();
        text.push_str(&s.join(" "));
        text.push('.');
        segs.push(Segment {
            id: SegmentId(id),
            span: Span::new(start, text.len()),
            paragraph: id / 5,
        });
        text.push('\n');
    }
    (text, segs)
}

fn scale(c: &mut Criterion) {
    let mut g = c.benchmark_group("align_sentences");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    for n in [1_000, 5_000, 10_000, 20_000] {
        let (ta, sa, tb, sb) = documents(n, 42 + n as u64);
        let side = |text: &'static str, segs: &'static [Segment]| Side {
            text,
            segments: segs,
            lang: Language::English,
            vectors: None,
        };
        let (ta, sa, tb, sb): (
            &'static str,
            &'static [Segment],
            &'static str,
            &'static [Segment],
        ) = (
            Box::leak(ta.into_boxed_str()),
            Box::leak(sa.into_boxed_slice()),
            Box::leak(tb.into_boxed_str()),
            Box::leak(sb.into_boxed_slice()),
        );
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |bch, _| {
            bch.iter(|| align(side(ta, sa), side(tb, sb)))
        });
    }
    g.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
