//! A first scorer: IDF-weighted cosine of content-word stems, candidates from an inverted
//! index, greedy one-to-one matching above a threshold.

use std::collections::HashMap;

use super::{Link, Side};
use crate::text::{Token, tokens};

const THRESHOLD: f32 = 0.25;

struct Bag {
    weights: HashMap<String, f32>,
    norm: f32,
}

fn stems(side: Side<'_>) -> Vec<Vec<Token>> {
    side.segments
        .iter()
        .map(|s| {
            tokens(side.text, s.span, side.lang)
                .into_iter()
                .filter(|t| !t.stop)
                .collect()
        })
        .collect()
}

/// Scored one-to-one links between the passages of `a` and `b`.
pub fn match_passages(a: Side<'_>, b: Side<'_>) -> Vec<Link> {
    let ta = stems(a);
    let tb = stems(b);
    let mut df: HashMap<&str, usize> = HashMap::new();
    for seg in ta.iter().chain(tb.iter()) {
        let mut seen: Vec<&str> = seg.iter().map(|t| t.stem.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        for s in seen {
            *df.entry(s).or_default() += 1;
        }
    }
    let n = (ta.len() + tb.len()) as f32;
    let idf = |s: &str| ((n + 1.0) / (df.get(s).copied().unwrap_or(0) as f32 + 1.0)).ln() + 1.0;
    let bag = |seg: &Vec<Token>| {
        let mut weights: HashMap<String, f32> = HashMap::new();
        for t in seg {
            *weights.entry(t.stem.clone()).or_default() += idf(&t.stem);
        }
        let norm = weights.values().map(|w| w * w).sum::<f32>().sqrt();
        Bag { weights, norm }
    };
    let bags_a: Vec<Bag> = ta.iter().map(bag).collect();
    let bags_b: Vec<Bag> = tb.iter().map(bag).collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, bg) in bags_b.iter().enumerate() {
        for s in bg.weights.keys() {
            index.entry(s.as_str()).or_default().push(j);
        }
    }
    let mut candidates: Vec<(f32, usize, usize, Vec<String>)> = Vec::new();
    for (i, ba) in bags_a.iter().enumerate() {
        let mut dots: HashMap<usize, f32> = HashMap::new();
        for (s, w) in &ba.weights {
            for &j in index.get(s.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                *dots.entry(j).or_default() += w * bags_b[j].weights[s];
            }
        }
        for (j, dot) in dots {
            let score = dot / (ba.norm * bags_b[j].norm).max(f32::EPSILON);
            if score >= THRESHOLD {
                let mut shared: Vec<String> = ta[i]
                    .iter()
                    .filter(|t| bags_b[j].weights.contains_key(&t.stem))
                    .map(|t| t.span.slice(a.text).to_string())
                    .collect();
                shared.dedup();
                candidates.push((score, i, j, shared));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut used_a = vec![false; ta.len()];
    let mut used_b = vec![false; tb.len()];
    let mut links = Vec::new();
    for (score, i, j, shared) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        links.push(Link {
            a: vec![a.segments[i].id],
            b: vec![b.segments[j].id],
            score: score.min(1.0),
            why: vec![format!("shared: {}", shared.join(", "))],
            changes: Vec::new(),
            conflicts: Vec::new(),
        });
    }
    links
}
