//! Prints, for two documents, the JSON report and every candidate link the learned link
//! score weighs, with its features: what `tools/train-link-model` learns from.
//!
//! cargo run --release -p parallax --example link-candidates -- A B [--fast] [--params FILE]

use std::process::ExitCode;

use parallax::align::{self, Params};
use parallax::document::{LoadOptions, load};
use parallax::export::{self, Format};
use parallax::{Comparison, Options};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("link-candidates: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = Options::default();
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--fast" => options.fast = true,
            "--params" => {
                let file = it.next().ok_or("--params needs a file")?;
                let json = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
                options.params = Params::from_json(&json).map_err(|e| format!("{file}: {e}"))?;
            }
            _ => paths.push(arg.clone()),
        }
    }
    let [a, b] = paths.as_slice() else {
        return Err("give two documents".into());
    };
    let docs = [a, b]
        .iter()
        .map(|p| load(p, &LoadOptions::default()).map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let cmp = Comparison::build(docs, &options).map_err(|e| e.to_string())?;
    // The sides with their sentence vectors, as the comparison aligned them (the news pairs
    // it is run on are short: read whole).
    let vectors: Vec<_> = cmp.sources.iter().map(|s| s.encode(&options)).collect();
    let side = |k: usize| cmp.sources[k].side_with(vectors[k].as_deref());
    let candidates = align::weigh(side(0), side(1), &options.params);
    let report: serde_json::Value =
        serde_json::from_str(&export::report(&cmp, Format::Json)).map_err(|e| e.to_string())?;
    let out = serde_json::json!({ "features": align::FEATURES, "report": report, "candidates": candidates });
    println!("{out}");
    Ok(())
}
