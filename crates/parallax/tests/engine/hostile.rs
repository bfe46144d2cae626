//! Inputs built to blow up the cost of a stage (issue F-numbers in the hardening issue).
//! Each once took seconds to minutes or gigabytes; here each must simply finish with a sane
//! result (how fast is measured by `cargo bench --bench hostile`, not here).

use parallax::{Comparison, Document, Options};

/// A seeded run of `n` letters from a ten-letter alphabet: one word with no space.
pub fn long_word(n: usize, mut seed: u64) -> String {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (b'a' + (seed % 10) as u8) as char
        })
        .collect()
}

/// `n` bytes of `a?"` repeated: question marks and quotes with no space between them.
pub fn quote_runs(n: usize) -> String {
    "a?\"".repeat(n / 3)
}

fn build(a: String, b: String) -> Comparison {
    let docs = vec![
        Document::from_text("a.txt", &a),
        Document::from_text("b.txt", &b),
    ];
    Comparison::build(docs, &Options::default()).unwrap()
}

/// F1: an 80 KB "word" on both sides went through the near-spelling index (6.3 GB).
#[test]
fn an_80_kb_word_is_not_matched_by_spelling() {
    let a = format!("The mayor said {} today.", long_word(80_000, 1));
    let b = format!("The mayor said {} yesterday.", long_word(80_000, 2));
    let cmp = build(a, b);
    assert_eq!(cmp.pairs[0].alignment.links.len(), 1);
}

/// F2: 128 KB of quote runs made sentence splitting quadratic (6–7 s).
#[test]
fn quote_runs_split_in_linear_time() {
    let cmp = build(
        quote_runs(128 * 1024),
        "The mayor opened the bridge.".into(),
    );
    let segs = &cmp.sources[0].segments;
    assert!(!segs.is_empty());
    let covered: usize = segs.iter().map(|s| s.span.end - s.span.start).sum();
    assert!(covered >= 128 * 1024 - 8, "{covered}");
}

/// An HTML page with `body` inside, loaded as a file would be.
fn page(body: &str) -> parallax::Document {
    let html = format!("<html><body>{body}</body></html>");
    let opts = parallax::document::LoadOptions::default();
    parallax::document::load_reader("page.html", html.as_bytes(), &opts).unwrap()
}

const ARTICLE: &str = "<p>The mayor opened the new bridge over the river on Monday morning.</p>";

/// F3: 520 KB of nested `<div>` ran past 30 s or overflowed the stack; the deep tags are
/// now read as text, with a note.
#[test]
fn deeply_nested_html_is_read_with_a_note() {
    let n = 520 * 1024 / 5;
    let doc = page(&format!(
        "{}{ARTICLE}{}",
        "<div>".repeat(n),
        "</div>".repeat(n)
    ));
    assert!(doc.text.contains("The mayor opened the new bridge"));
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert!(
        doc.warnings[0].contains("nested deeper than"),
        "{:?}",
        doc.warnings
    );
}

/// F4: an element with 500,000 attributes took 75 s.
#[test]
fn an_element_with_half_a_million_attributes_is_read_with_a_note() {
    let attrs: Vec<String> = (0..500_000).map(|i| format!("a{i}=x")).collect();
    let doc = page(&format!("<div {}>{ARTICLE}</div>", attrs.join(" ")));
    assert!(doc.text.contains("The mayor opened the new bridge"));
    assert!(
        doc.warnings[0].contains("499000 attributes"),
        "{:?}",
        doc.warnings
    );
}
