//! Fact extraction on a 5,000-sentence document (with the sentence cut it reads in), timed next to `Comparison::build` on a pair
//! of such documents (segmentation, alignment, fact extraction of both documents side by
//! side with the alignment, and the comparison of their facts) and next to the same work
//! without the facts (segmentation and alignment). Target: the facts add ≤ 10% to
//! alignment time, i.e. build ≤ 1.1 × "segment and align, no facts"; the "facts overhead"
//! bench times the difference directly, each build right after an alignment.
//!
//! The text is generated from a fixed seed: news-like sentences with ages, sums, counts,
//! percentages, quantities, dates, quotes, attributions and names. Source B rewords some
//! sentences, changes some numbers and drops a few, so the aligner has real work, and keeps
//! 7 in 10 word for word, as a revision or a wire story's rewrite does: the comparer passes
//! over those. The same pair with every kept sentence altered by a doubled space times the
//! facts where every link is compared the long way, as between two outlets' own reports.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::align::{self, Side};
use parallax::comparison::Options;
use parallax::segment::{self, Segment, Unit};
use parallax::text::Language;
use parallax::{Comparison, Document, facts};

const SENTENCES: usize = 5_000;

/// A small deterministic generator (xorshift), so every run benches the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mar", "ten", "ri", "so", "vel", "da", "no", "bre", "li", "tos", "ga", "mi",
];
const PLACES: &[&str] = &[
    "Northport",
    "Lindau",
    "Cerro Alto",
    "Vessa",
    "Port Amar",
    "Ostrava",
];
const ORGS: &[&str] = &[
    "Ministry of Finance",
    "National Security Council",
    "Central Bank",
    "Harbour Authority",
];
const AGENCIES: &[&str] = &["Reuters", "the AP", "Bloomberg", "AFP"];
const THINGS: &[&str] = &[
    "officials",
    "sources",
    "people",
    "soldiers",
    "workers",
    "diplomats",
];
const WHEN: &[&str] = &[
    "last month",
    "last year",
    "on Jan. 3",
    "in November",
    "late Sunday",
    "in 2015",
    "on March 12, 2024",
    "for several years",
    "earlier this week",
];
const NUMBERS: &[&str] = &["two", "three", "four", "five", "12", "30", "250"];
const VERBS: &[&str] = &[
    "met",
    "called",
    "criticised",
    "visited",
    "sanctioned",
    "praised",
];
const TOPICS: &[&str] = &[
    "the talks",
    "the budget",
    "the port deal",
    "the security plan",
    "the new law",
];

fn name(r: &mut Rng) -> String {
    let mut word = |n: u64| {
        let mut w: String = (0..n).map(|_| r.pick(SYLLABLES)).collect();
        w[..1].make_ascii_uppercase();
        w
    };
    format!("{} {}", word(2), word(3))
}

fn sentence(r: &mut Rng, people: &[String]) -> String {
    let who = &people[r.below(people.len() as u64) as usize];
    let other = &people[r.below(people.len() as u64) as usize];
    let place = r.pick(PLACES);
    let when = r.pick(WHEN);
    match r.below(9) {
        0 => format!(
            "{who}, {}, {} {other} in {place} {when}.",
            30 + r.below(50),
            r.pick(VERBS)
        ),
        1 => format!(
            "The {} raised its offer to ${} million {when}, according to {}.",
            r.pick(ORGS),
            5 + r.below(40),
            r.pick(AGENCIES)
        ),
        2 => format!(
            "{} {} said {} stalled {when}.",
            r.pick(NUMBERS),
            r.pick(THINGS),
            r.pick(TOPICS)
        ),
        3 => format!(
            "\"We will not accept {} under any pressure,\" said {who}, who leads the {}.",
            r.pick(TOPICS),
            r.pick(ORGS)
        ),
        4 => format!(
            "Prices in {place} rose {}.{}% {when}, the {} said.",
            r.below(20),
            r.below(10),
            r.pick(ORGS)
        ),
        5 => format!(
            "The 62-year-old {} the plan to move {} barrels of oil, {} told {}.",
            r.pick(VERBS),
            1000 * (1 + r.below(900)),
            other,
            r.pick(AGENCIES)
        ),
        6 => format!(
            "It is not clear whether {} has the approval of {who} or of the {}.",
            r.pick(TOPICS),
            r.pick(ORGS)
        ),
        7 => format!(
            "{} of the {} who {} {place} {when} were {} on 2026-01-17.",
            r.pick(NUMBERS),
            r.pick(THINGS),
            r.pick(VERBS),
            r.pick(&["detained", "released", "questioned"])
        ),
        _ => format!(
            "{who} is one of the most powerful figures in {place}, and {} depends on him.",
            r.pick(TOPICS)
        ),
    }
}

/// Two related documents of `n` sentences each, in paragraphs of five. B keeps 7 sentences
/// in 10: word for word when `verbatim`, else each with one space doubled (the same words
/// and facts, but no passage the comparer may pass over as kept word for word).
fn pair(n: usize, verbatim: bool) -> (String, String) {
    let mut r = Rng(0x5eed_f4c7);
    let people: Vec<String> = (0..60).map(|_| name(&mut r)).collect();
    let (mut a, mut b) = (String::new(), String::new());
    for i in 0..n {
        let s = sentence(&mut r, &people);
        a.push_str(&s);
        match r.below(10) {
            0 => {}                                      // B drops it
            1 => b.push_str(&sentence(&mut r, &people)), // B says something else
            2 => b.push_str(
                &s.replace("last month", "in November")
                    .replace("two", "three"),
            ),
            _ if verbatim => b.push_str(&s),
            _ => b.push_str(&s.replacen(' ', "  ", 1)),
        }
        let sep = if i % 5 == 4 { "\n\n" } else { " " };
        a.push_str(sep);
        b.push_str(sep);
    }
    (a, b)
}

/// A segmented document as one side of an alignment.
fn side<'a>(doc: &'a Document, segments: &'a [Segment]) -> Side<'a> {
    Side {
        text: &doc.text,
        segments,
        lang: Language::detect(&doc.text),
        vectors: None,
    }
}

/// Everything `Comparison::build` does but the facts: both documents segmented side by
/// side (as build does), then aligned.
fn align_only(doc_a: &Document, doc_b: &Document) -> align::Alignment {
    let (sa, sb) = rayon::join(
        || segment::segment(black_box(doc_a), Unit::Sentence),
        || segment::segment(black_box(doc_b), Unit::Sentence),
    );
    align::align(side(doc_a, &sa), side(doc_b, &sb))
}

fn build(doc_a: &Document, doc_b: &Document) -> Comparison {
    Comparison::build(
        black_box(vec![doc_a.clone(), doc_b.clone()]),
        &Options::default(),
    )
    .unwrap()
}

/// Build minus alignment, timed back to back: the two are also timed apart below, but on a
/// shared machine their times drift by several percent between runs, more than the margin
/// the target leaves; each build against the alignment just before it, the drift cancels.
/// The differences are summed with their signs (a build that ran faster than the alignment
/// before it is noise the other way, which clipping at zero would count as cost), and the
/// sum is at least a nanosecond: criterion takes no zero time (the extraction runs beside
/// the alignment on the other core, so the wall time it adds can be none).
fn overhead(doc_a: &Document, doc_b: &Document, iters: u64) -> Duration {
    let mut extra = 0i128;
    for _ in 0..iters {
        let t = Instant::now();
        black_box(align_only(doc_a, doc_b));
        let aligned = t.elapsed();
        let t = Instant::now();
        black_box(build(doc_a, doc_b));
        extra += t.elapsed().as_nanos() as i128 - aligned.as_nanos() as i128;
    }
    Duration::from_nanos(extra.max(1) as u64)
}

fn bench(c: &mut Criterion) {
    let (a, b) = pair(SENTENCES, true);
    let doc_a = Document::from_text("a.txt", a);
    let doc_b = Document::from_text("b.txt", b);
    let mut group = c.benchmark_group("facts-5000-sentences");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("extract one document", |bch| {
        bch.iter(|| facts::extract(black_box(&doc_a)))
    });
    group.bench_function("segment and align, no facts (pair)", |bch| {
        bch.iter(|| align_only(&doc_a, &doc_b))
    });
    group.bench_function("Comparison::build (pair)", |bch| {
        bch.iter(|| build(&doc_a, &doc_b))
    });
    // More samples for the differences, which vary more than what they are taken from.
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(
        "facts overhead: build minus align, back to back (pair)",
        |bch| bch.iter_custom(|iters| overhead(&doc_a, &doc_b, iters)),
    );
    // The same pair with no passage kept byte for byte: every link compared the long way,
    // as between two outlets' own reports.
    let (a, b) = pair(SENTENCES, false);
    let (doc_a, doc_b) = (
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", b),
    );
    group.bench_function(
        "facts overhead, no passage kept word for word (pair)",
        |bch| bch.iter_custom(|iters| overhead(&doc_a, &doc_b, iters)),
    );
    group.bench_function(
        "segment and align, no passage kept word for word (pair)",
        |bch| bch.iter(|| align_only(&doc_a, &doc_b)),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
