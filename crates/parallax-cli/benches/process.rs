//! The 2019 sample pair as a whole process: start, load, align, facts, JSON report, exit;
//! with the sentence encoder and with `--fast`.
//!
//! `cargo bench --bench process`

use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

fn sample_process(c: &mut Criterion) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let a = format!("{root}/assets/samples/cabello-2019-ap-rewrite.txt");
    let b = format!("{root}/assets/samples/cabello-2019-speed-read.txt");
    let mut g = c.benchmark_group("sample_2019");
    g.sample_size(20);
    // With the sentence encoder (the default) and without it, in the same run.
    for (name, fast) in [
        ("whole_process_json", false),
        ("whole_process_json_fast", true),
    ] {
        g.bench_function(name, |bch| {
            bch.iter(|| {
                let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
                cmd.args(["align", &a, &b, "--format", "json"]);
                if fast {
                    cmd.arg("--fast");
                }
                let out = cmd.output().expect("runs");
                assert!(out.status.success());
            })
        });
    }
    g.finish();
}

criterion_group!(benches, sample_process);
criterion_main!(benches);
