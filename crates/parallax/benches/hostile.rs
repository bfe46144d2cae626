//! Inputs crafted against a stage's cost, as the hardening issue found them: an 80 KB word
//! (F1: the near-spelling index), 128 KB of `a?"` runs (F2: sentence splitting), each a whole
//! `Comparison::build` against a short ordinary text; 520 KB of nested `<div>` (F3) and an
//! element with 500,000 attributes (F4), each loaded as an HTML file; 20,000 sentences of
//! repetitive text full of quotes, names and counts (F16: the facts one source gives and
//! the other does not, and the passages that state one fact two ways, were found by
//! comparing every quote with every other).
//!
//! `cargo bench --bench hostile`

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::{Comparison, Document, Options, Source, facts};

/// `n` letters from a seeded linear congruential generator, with no space.
fn letters(n: usize, seed: u64) -> String {
    let mut x = seed;
    let mut out = String::with_capacity(n);
    for _ in 0..n {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push((b'a' + ((x >> 33) % 10) as u8) as char);
    }
    out
}

fn build(a: &str, b: &str) -> Comparison {
    let docs = vec![
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", b),
    ];
    Comparison::build(docs, &Options::default()).unwrap()
}

/// `n` sentences of one pattern: a quote that differs by a number, a speaker from a short
/// list, a count and a name spelt a few ways.
fn repetitive_quotes(n: usize, shift: usize) -> String {
    let names = ["Officer Dana Kirby", "Dr. Lena Marsh", "Captain Ivo Brandt"];
    let towns = ["Marbella", "Marbela", "Marbello"];
    (0..n)
        .map(|i| {
            format!(
                "\"The council will review plan number {} before the vote in {},\" said {}, adding that {} people had signed.{}",
                i + shift,
                towns[i % 3],
                names[i % 3],
                10 + i % 90,
                if i % 5 == 4 { "\n\n" } else { " " }
            )
        })
        .collect()
}

fn hostile(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10);
    let word_a = format!("The mayor said {} today.", letters(80_000, 1));
    let word_b = format!("The mayor said {} yesterday.", letters(80_000, 2));
    g.bench_function("word_80kb", |b| b.iter(|| build(&word_a, &word_b)));
    let quotes = "a?\"".repeat(128 * 1024 / 3);
    g.bench_function("quote_runs_128kb", |b| {
        b.iter(|| build(&quotes, "The mayor opened the bridge."))
    });
    let article = "<p>The mayor opened the new bridge over the river on Monday morning.</p>";
    let n = 520 * 1024 / 5;
    let deep = format!(
        "<html><body>{}{article}{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let opts = parallax::document::LoadOptions::default();
    g.bench_function("nested_html_520kb", |b| {
        b.iter(|| parallax::document::load_reader("deep.html", deep.as_bytes(), &opts).unwrap())
    });
    let attrs: Vec<String> = (0..500_000).map(|i| format!("a{i}=x")).collect();
    let wide = format!(
        "<html><body><div {}>{article}</div></body></html>",
        attrs.join(" ")
    );
    g.bench_function("attributes_500k", |b| {
        b.iter(|| parallax::document::load_reader("wide.html", wide.as_bytes(), &opts).unwrap())
    });
    let opts = Options::default();
    let qa = Source::analyse(
        Document::from_text("a.txt", repetitive_quotes(20_000, 0)),
        &opts,
    );
    let qb = Source::analyse(
        Document::from_text("b.txt", repetitive_quotes(20_000, 7)),
        &opts,
    );
    g.bench_function("facts_only_20k_quotes", |b| {
        b.iter(|| facts::only_in(qa.analysed(), qb.analysed()))
    });
    g.bench_function("fact_pairs_20k_quotes", |b| {
        b.iter(|| facts::fact_pairs(qa.analysed(), qb.analysed(), &[]))
    });
    // The whole comparison of the two with the default options (segmenting, aligning, the
    // encoder reading at most the passages in doubt, facts, joins): the 5 s.
    let (ra, rb) = (repetitive_quotes(20_000, 0), repetitive_quotes(20_000, 7));
    g.bench_function("build_20k_quotes", |b| b.iter(|| build(&ra, &rb)));
    g.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
