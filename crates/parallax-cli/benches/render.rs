//! Reader latency: key → frame drawn with two 10,000-sentence documents, and start → first
//! frame on the demo.
//!
//! The large comparison is put together from two generated texts with links made directly
//! (every other passage of B restates one of A, with a changed word), because this bench
//! measures the reader, not the aligner; the demo bench runs the real aligner.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::align::{Alignment, Link, Reason};
use parallax::comparison::{PairAlignment, Source};
use parallax::diff::word_changes;
use parallax::{Comparison, Document, Options, SegmentId, SourceId};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use parallax_cli::tui;
use parallax_cli::tui::action::{Action, Command};
use parallax_cli::tui::config::Config;
use parallax_cli::tui::model::Model;
use parallax_cli::tui::update::update;
use parallax_cli::tui::view::view;

const WORDS: [&str; 24] = [
    "officials",
    "said",
    "the",
    "minister",
    "met",
    "envoy",
    "in",
    "capital",
    "last",
    "month",
    "talks",
    "secret",
    "report",
    "according",
    "to",
    "sources",
    "government",
    "would",
    "not",
    "comment",
    "on",
    "plans",
    "after",
    "meeting",
];

/// A small seeded generator (xorshift), so every run benches the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

fn sentence(rng: &mut Rng) -> String {
    let n = 8 + rng.next() % 25;
    let mut words: Vec<&str> = (0..n).map(|_| WORDS[rng.next() % WORDS.len()]).collect();
    let first = words[0];
    let mut s = first[..1].to_uppercase() + &first[1..];
    words.remove(0);
    for w in words {
        s.push(' ');
        s.push_str(w);
    }
    s.push('.');
    s
}

/// Two documents of `n` sentences each, five to a paragraph, and links between them.
fn big(n: usize) -> Comparison {
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let a: Vec<String> = (0..n).map(|_| sentence(&mut rng)).collect();
    let b: Vec<String> = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                a[i].replacen("said", "stated", 1)
            } else {
                sentence(&mut rng)
            }
        })
        .collect();
    let text = |ss: &[String]| {
        ss.chunks(5)
            .map(|c| c.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let opts = Options::default();
    let sa = Source::analyse(Document::from_text("a.txt", text(&a)), &opts);
    let sb = Source::analyse(Document::from_text("b.txt", text(&b)), &opts);
    let m = sa.segments.len().min(sb.segments.len());
    let links: Vec<Link> = (0..m)
        .step_by(2)
        .map(SegmentId)
        .map(|i| Link {
            a: vec![i],
            b: vec![i],
            score: 0.9,
            why: vec![Reason::InOrder],
            changes: word_changes(&sa.side().passages(&[i]), &sb.side().passages(&[i])),
            doubted: false,
        })
        .collect();
    let only = |len: usize| {
        (0..len)
            .filter(|i| i % 2 == 1 || *i >= m)
            .map(SegmentId)
            .collect()
    };
    let alignment = Alignment {
        links,
        only_a: only(sa.segments.len()),
        only_b: only(sb.segments.len()),
        possible: Vec::new(),
    };
    Comparison {
        sources: vec![sa, sb],
        pairs: vec![PairAlignment {
            a: SourceId(0),
            b: SourceId(1),
            link_facts: vec![Default::default(); alignment.links.len()],
            facts_only: Default::default(),
            alignment,
            encoded: Default::default(),
        }],
        clusters: vec![],
        options: opts,
    }
}

fn model(cmp: Comparison, w: u16, h: u16) -> Model {
    let mut m = Model::new(Config::default(), vec!["a".into(), "b".into()]);
    update(&mut m, Action::Resize(w, h));
    update(&mut m, Action::Loaded(Box::new(cmp)));
    m
}

fn key_to_frame(c: &mut Criterion) {
    let cmp = big(10_000);
    assert!(
        cmp.sources[0].segments.len() >= 9_000,
        "about 10,000 sentences"
    );
    let mut m = model(cmp, 200, 50);
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    term.draw(|f| view(&m, f)).unwrap();
    let mut g = c.benchmark_group("key_to_frame_10k");
    for (name, cmd) in [
        ("j", Command::Down),
        ("n", Command::NextLink),
        ("pagedown", Command::PageDown),
        ("enter_tab", Command::Counterpart),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                update(&mut m, Action::Cmd(cmd));
                if cmd == Command::Counterpart {
                    update(&mut m, Action::Cmd(Command::SwitchPane));
                }
                term.draw(|f| view(black_box(&m), f)).unwrap();
            });
            update(&mut m, Action::Cmd(Command::First));
        });
    }
    g.bench_function("v_toggle_view", |b| {
        b.iter(|| {
            update(&mut m, Action::Cmd(Command::ToggleView));
            term.draw(|f| view(black_box(&m), f)).unwrap();
        })
    });
    g.finish();
    let r = m.ready_mut().unwrap();
    let w = [r.wraps(SourceId(0), 92), r.wraps(SourceId(1), 92)];
    let pair = r.pair.clone();
    let paras: Vec<usize> = r.cmp.sources[0]
        .segments
        .iter()
        .map(|s| s.paragraph)
        .collect();
    let mut g = c.benchmark_group("layout_10k");
    g.bench_function("synoptic", |b| {
        b.iter(|| tui::layout::synoptic(black_box(&pair), [&w[0], &w[1]], None))
    });
    g.bench_function("reading", |b| {
        b.iter(|| tui::layout::reading(black_box(&paras), &w[0]))
    });
    g.bench_function("wrap_one_source", |b| {
        let src = &r.cmp.sources[0];
        b.iter(|| {
            src.segments
                .iter()
                .map(|g| tui::wrap::wrap(src.segment_text(g.id), black_box(92)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn start_to_first_frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("start_to_first_frame_demo");
    g.sample_size(20);
    g.bench_function("align_and_draw", |b| {
        b.iter(|| {
            let cmp = Comparison::build(parallax::demo::documents(), &Options::default()).unwrap();
            let m = model(cmp, 120, 40);
            let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
            term.draw(|f| view(&m, f)).unwrap();
        })
    });
    g.bench_function("loading_screen", |b| {
        b.iter(|| {
            let mut m = Model::new(Config::default(), vec!["a".into(), "b".into()]);
            update(&mut m, Action::Resize(120, 40));
            let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
            term.draw(|f| view(&m, f)).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, key_to_frame, start_to_first_frame);
criterion_main!(benches);
