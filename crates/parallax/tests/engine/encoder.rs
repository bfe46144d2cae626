//! The sentence encoder: its compact int8 model gives the vectors of the original f32 model,
//! and it scores paraphrases above unrelated sentences.
//!
//! The reference vectors (tests/fixtures/encoder-reference.f16, one row of 384 f16 per
//! sentence of encoder-sentences.json) were computed from the original weights by an
//! independent numpy forward pass in float64 (`tools/compact-minilm.py --reference`), which
//! agrees with sentence-transformers itself; so this checks the engine's forward pass
//! (encoder/bert.rs), the tokenizer, pooling and the quantization together.

use std::fs;

use parallax::encoder::{DIM, Encoder, cosine};

use crate::support::fixture;

/// An IEEE half-precision value (the reference is stored as f16 to keep it at 230 KB).
fn f16(bits: u16) -> f32 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f32::from(bits & 0x3ff);
    sign * match exponent {
        0 => fraction * 2f32.powi(-24),
        31 if fraction == 0.0 => f32::INFINITY,
        31 => f32::NAN,
        _ => (1.0 + fraction / 1024.0) * 2f32.powi(exponent - 15),
    }
}

#[test]
fn f16_decodes() {
    assert_eq!(f16(0x3c00), 1.0);
    assert_eq!(f16(0xc000), -2.0);
    assert_eq!(f16(0x0001), 2f32.powi(-24));
    assert_eq!(f16(0x3555), 0.333_251_95);
}

#[test]
fn compact_model_agrees_with_full_precision() {
    let sentences: Vec<String> =
        serde_json::from_str(&fs::read_to_string(fixture("encoder-sentences.json")).unwrap())
            .unwrap();
    let bytes = fs::read(fixture("encoder-reference.f16")).unwrap();
    assert_eq!(bytes.len(), sentences.len() * DIM * 2);
    let reference: Vec<f32> = bytes
        .chunks_exact(2)
        .map(|b| f16(u16::from_le_bytes([b[0], b[1]])))
        .collect();

    let inputs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let vectors = Encoder::shared().unwrap().encode(&inputs).unwrap();
    let cosines: Vec<f32> = vectors
        .iter()
        .zip(reference.chunks_exact(DIM))
        .map(|(v, r)| cosine(v, r))
        .collect();
    let (worst, min) = cosines
        .iter()
        .copied()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    let mean = cosines.iter().sum::<f32>() / cosines.len() as f32;
    // Shown with --nocapture: the figure to watch when the model or candle changes.
    eprintln!(
        "encoder fidelity on {} sentences: mean cosine {mean:.5}, min {min:.5} ({:?})",
        cosines.len(),
        sentences[worst]
    );
    assert!(
        min >= 0.99,
        "sentence {worst} ({:?}): cosine {min} to the f32 model",
        sentences[worst]
    );
    assert!(mean >= 0.998, "mean cosine {mean} to the f32 model");
}

#[test]
fn paraphrases_score_above_unrelated_sentences() {
    let pairs = [
        (
            "The talks between the two governments collapsed on Tuesday.",
            "Negotiations between the two countries broke down on Tuesday.",
        ),
        (
            "At least 30 people were killed when the earthquake struck the north.",
            "The quake in the northern region left no fewer than thirty dead.",
        ),
        (
            "The central bank raised interest rates by half a percentage point.",
            "Borrowing costs were increased by 0.5 points by the central bank.",
        ),
        (
            "The director has not been arrested.",
            "Police have not taken the director into custody.",
        ),
    ];
    let unrelated = [
        "The museum reopened its modern art wing after a two-year renovation.",
        "Heavy snow closed schools across the region on Monday.",
        "The striker scored twice in the second half.",
    ];
    let mut inputs: Vec<&str> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    inputs.extend(unrelated);
    let v = Encoder::shared().unwrap().encode(&inputs).unwrap();
    for (p, &(a, b)) in pairs.iter().enumerate() {
        let (i, j) = (2 * p, 2 * p + 1);
        let close = cosine(&v[i], &v[j]);
        // Measured .58 to .82 for these pairs, and at most .17 between the rest.
        assert!(close > 0.5, "{a:?} ~ {b:?}: only {close:.3}");
        // Everything that is not this pair's partner: the other pairs and the unrelated.
        for k in (0..inputs.len()).filter(|&k| k != i && k != j) {
            for (s, x) in [(a, i), (b, j)] {
                let far = cosine(&v[x], &v[k]);
                assert!(
                    close > far + 0.2,
                    "{s:?} is closer to {:?} ({far:.3}) than to its paraphrase ({close:.3})",
                    inputs[k]
                );
            }
        }
    }
}
