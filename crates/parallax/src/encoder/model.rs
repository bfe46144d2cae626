//! The embedded compact model and its loader.
//!
//! `assets/minilm/encoder.safetensors` is written by `tools/compact-minilm.py` from the
//! original f32 weights of all-MiniLM-L6-v2. It is a standard safetensors file (8-byte
//! little-endian header length, JSON header, data) holding
//!
//! - `<name>`: `I8 [rows, cols]` for every matrix of the embeddings and the six layers (word
//!   and position embeddings; query, key, value, attention-output, intermediate and output
//!   weights), with
//! - `<name>.scale`: `F32 [rows]`, its per-row scale: row `r` = int8 row `r` × `scale[r]`;
//! - `<name>`: `F32` for the biases, LayerNorm weights and the two-row token-type table, kept
//!   exact because they are 0.6 % of the weights.
//!
//! Its `__metadata__` says `"format": "parallax-minilm-int8/1"` and carries the model's
//! `config.json` as `"config"`. The pooler is left out: the sentence vector is a mean over the
//! last hidden states, so it is never used. Scales are per row (one per output unit, token or
//! position) because a row's weights share a range, and one outlying row would otherwise cost
//! every other row its precision.
//!
//! candle has no int8 type, so the layers' weights are dequantized to f32 here once, when the
//! encoder is first built (about 42 MB), or, on a CPU with AMX, laid out in bfloat16 for its
//! tile unit (21 MB, exact: see [`super::amx`]); the word-piece table stays int8 in the
//! binary, and a row is dequantized when a sentence reads it.
//! `assets/minilm/tokenizer.json` is the model's own WordPiece tokenizer, byte for byte.

use candle_core::{Device, Tensor};
use rayon::prelude::*;
use safetensors::{Dtype, SafeTensors};
use tokenizers::{Tokenizer, TruncationParams};

use super::amx;
use super::bert::{Bert, HEADS, Layer, Linear, Norm, Weight, WordRows};
use super::{DIM, MAX_TOKENS};
use crate::error::{Error, Result};

static MODEL: &[u8] = include_bytes!("../../../../assets/minilm/encoder.safetensors");
static TOKENIZER: &[u8] = include_bytes!("../../../../assets/minilm/tokenizer.json");

/// The value of `format` in the file's metadata that this loader reads.
const FORMAT: &str = "parallax-minilm-int8/1";

/// A failure to build the encoder from the embedded files (only a broken asset can cause it).
pub(super) fn error(detail: impl std::fmt::Display) -> Error {
    Error::Encoder {
        detail: detail.to_string(),
    }
}

/// The model, its matrices laid out for AMX if `on_tiles` (which needs
/// [`amx::available`]), else dequantized to f32 (the word-piece table stays int8: rows are
/// read a few at a time).
pub(super) fn load_model(on_tiles: bool) -> Result<Bert> {
    let (_, header) = SafeTensors::read_metadata(MODEL).map_err(error)?;
    let meta = header.metadata().as_ref();
    let field = |key: &str| meta.and_then(|m| m.get(key)).map(String::as_str);
    if field("format") != Some(FORMAT) {
        return Err(error(format!(
            "embedded model has format {:?}, expected {FORMAT:?}",
            field("format")
        )));
    }
    let config = field("config").ok_or_else(|| error("embedded model has no config"))?;
    let config: serde_json::Value = serde_json::from_str(config).map_err(error)?;
    let number = |key: &str| {
        config[key]
            .as_u64()
            .ok_or_else(|| error(format!("embedded model's config has no {key}")))
    };
    // The vectors are fixed-size arrays and the forward pass is MiniLM's: a model of another
    // shape must not load.
    if number("hidden_size")? != DIM as u64 || number("num_attention_heads")? != HEADS as u64 {
        return Err(error(format!(
            "embedded model is not {DIM}-dimensional with {HEADS} heads"
        )));
    }
    if config["hidden_act"].as_str() != Some("gelu") {
        return Err(error("embedded model does not use GELU"));
    }
    let eps = config["layer_norm_eps"].as_f64().unwrap_or(1e-12) as f32;
    let layers = number("num_hidden_layers")? as usize;
    let wide = number("intermediate_size")? as usize;

    let file = SafeTensors::deserialize(MODEL).map_err(error)?;
    // A broken asset must give an error, never a panic or a silent misreading: every length
    // the forward pass relies on is checked here.
    let vector = |name: &str, len: usize| -> Result<Vec<f32>> {
        let view = file.tensor(name).map_err(error)?;
        if view.dtype() != Dtype::F32 || view.data().len() != 4 * len {
            return Err(error(format!("{name}: expected {len} f32 values")));
        }
        Ok(f32s(view.data()))
    };
    // An int8 matrix of `cols` columns with one scale per row: its rows, and its bytes.
    let int8 = |name: &str, cols: usize| -> Result<(usize, &'static [u8])> {
        let view = file.tensor(name).map_err(error)?;
        let (shape, data) = (view.shape(), view.data());
        if view.dtype() != Dtype::I8 || shape.len() != 2 || shape[1] != cols {
            return Err(error(format!("{name}: expected int8 rows of {cols}")));
        }
        Ok((shape[0], data))
    };
    // Appends the dequantized rows of int8 matrix `name` to `out`; returns their count.
    let matrix = |name: &str, cols: usize, out: &mut Vec<f32>| -> Result<usize> {
        let (rows, bytes) = int8(name, cols)?;
        let scales = vector(&format!("{name}.scale"), rows)?;
        dequantize(bytes, &scales, cols, out);
        Ok(rows)
    };
    // Every product of the model runs on AMX or none does.
    let on_tiles =
        on_tiles && amx::available() && [DIM, wide].iter().all(|n| n.is_multiple_of(amx::BLOCK));
    // One product's weights: the matrices of `names` stacked, each `cols` wide, laid out
    // for the tile unit where it serves, else dequantized for candle.
    let linear = |names: &[String], cols: usize, rows: usize| -> Result<Linear> {
        let (mut bytes, mut scales, mut bias) = (Vec::with_capacity(rows * cols), vec![], vec![]);
        for name in names {
            let (n, data) = int8(&format!("{name}.weight"), cols)?;
            bytes.extend_from_slice(data);
            scales.extend(vector(&format!("{name}.weight.scale"), n)?);
            bias.extend(vector(&format!("{name}.bias"), n)?);
        }
        if bias.len() != rows {
            return Err(error(format!("{}: expected {rows} rows", names[0])));
        }
        let weight = if on_tiles {
            let tiles = amx::Tiles::pack(&bytes, &scales, rows, cols);
            Weight::Tiles(tiles.ok_or_else(|| error(format!("{}: not packed", names[0])))?)
        } else {
            let mut values = Vec::with_capacity(rows * cols);
            dequantize(&bytes, &scales, cols, &mut values);
            let tensor = Tensor::from_vec(values, (rows, cols), &Device::Cpu);
            Weight::Dense(tensor.map_err(error)?)
        };
        Ok(Linear { weight, bias })
    };
    let norm = |name: &str| -> Result<Norm> {
        Ok(Norm {
            weight: vector(&format!("{name}.weight"), DIM)?,
            bias: vector(&format!("{name}.bias"), DIM)?,
        })
    };
    let layers = (0..layers)
        .into_par_iter()
        .map(|n| {
            let name = |part: &str| format!("encoder.layer.{n}.{part}");
            let attention = ["query", "key", "value"].map(|x| name(&format!("attention.self.{x}")));
            Ok(Layer {
                qkv: linear(&attention, DIM, 3 * DIM)?,
                out: linear(&[name("attention.output.dense")], DIM, DIM)?,
                attention_norm: norm(&name("attention.output.LayerNorm"))?,
                up: linear(&[name("intermediate.dense")], DIM, wide)?,
                down: linear(&[name("output.dense")], wide, DIM)?,
                output_norm: norm(&name("output.LayerNorm"))?,
            })
        })
        .collect::<Result<Vec<Layer>>>()?;
    let words = "embeddings.word_embeddings.weight";
    let (rows, bytes) = int8(words, DIM)?;
    let words = WordRows {
        scales: vector(&format!("{words}.scale"), rows)?,
        rows: bytes,
    };
    // Only the first rows are read: a sentence is cut at MAX_TOKENS.
    let mut positions = Vec::with_capacity(MAX_TOKENS * DIM);
    if matrix("embeddings.position_embeddings.weight", DIM, &mut positions)? < MAX_TOKENS {
        return Err(error("embedded model has too few positions"));
    }
    positions.truncate(MAX_TOKENS * DIM);
    let mut token_type = vector("embeddings.token_type_embeddings.weight", 2 * DIM)?;
    token_type.truncate(DIM);
    Ok(Bert {
        words,
        positions,
        token_type,
        embedding_norm: norm("embeddings.LayerNorm")?,
        layers,
        eps,
    })
}

/// The model's tokenizer, truncating at [`MAX_TOKENS`] and padding nothing (the file pads every
/// input to 128 tokens; the encoder packs sentences end to end instead).
pub(super) fn load_tokenizer() -> Result<Tokenizer> {
    let mut tokenizer = Tokenizer::from_bytes(TOKENIZER).map_err(error)?;
    tokenizer.with_padding(None);
    tokenizer
        .with_truncation(Some(TruncationParams {
            max_length: MAX_TOKENS,
            ..TruncationParams::default()
        }))
        .map_err(error)?;
    Ok(tokenizer)
}

/// Little-endian f32 values; the embedded bytes have no alignment, so they are copied.
fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// Appends the rows of `bytes` (int8, `cols` a row), each times its scale, to `out`.
fn dequantize(bytes: &[u8], scales: &[f32], cols: usize, out: &mut Vec<f32>) {
    out.reserve(bytes.len());
    for (row, &scale) in bytes.chunks_exact(cols).zip(scales) {
        out.extend(row.iter().map(|&q| f32::from(q as i8) * scale));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_dequantize_with_their_own_scale() {
        let bytes = [1u8, 255, 127, 129];
        let mut out = vec![1.0];
        dequantize(&bytes, &[0.5, 2.0], 2, &mut out);
        assert_eq!(out, [1.0, 0.5, -0.5, 254.0, -254.0]);
    }

    #[test]
    fn the_embedded_model_has_every_weight_of_six_layers() {
        let file = SafeTensors::deserialize(MODEL).unwrap();
        let matrices = file
            .tensors()
            .iter()
            .filter(|(_, v)| v.dtype() == Dtype::I8)
            .count();
        assert_eq!(
            matrices,
            2 + 6 * 6,
            "word and position embeddings, six per layer"
        );
        assert!(file.names().iter().all(|n| !n.starts_with("pooler.")));
    }
}
