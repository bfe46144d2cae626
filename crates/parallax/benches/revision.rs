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
use parallax::{Comparison, Options};

#[path = "common/revision.rs"]
mod revision;

fn revision(c: &mut Criterion) {
    let mut g = c.benchmark_group("revision");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    let encoder = Encoder::shared().unwrap();
    for n in [1_000, 5_000] {
        // One sentence in a hundred reworded.
        let at: Vec<usize> = (50..n).step_by(100).collect();
        let (a, b) = revision::versions(n, &at);
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
