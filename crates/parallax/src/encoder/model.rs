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
//! candle has no int8 type, so the weights are dequantized to f32 here once, when the encoder
//! is first built: about 90 MB of memory, which the smaller file saves in the binary only.
//! `assets/minilm/tokenizer.json` is the model's own WordPiece tokenizer, byte for byte.

use std::collections::HashMap;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use safetensors::{Dtype, SafeTensors};
use tokenizers::{Tokenizer, TruncationParams};

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

/// The BERT model with its weights dequantized to f32, on the CPU.
pub(super) fn load_model() -> Result<BertModel> {
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
    // The vectors are fixed-size arrays: a model of another width must not load.
    if config["hidden_size"].as_u64() != Some(DIM as u64) {
        return Err(error(format!("embedded model is not {DIM}-dimensional")));
    }
    let config: Config = serde_json::from_value(config).map_err(error)?;

    let file = SafeTensors::deserialize(MODEL).map_err(error)?;
    let mut tensors = HashMap::new();
    for (name, view) in file.tensors() {
        if name.ends_with(".scale") {
            continue;
        }
        let values = match view.dtype() {
            Dtype::F32 => f32s(view.data()),
            Dtype::I8 => {
                let scales = file.tensor(&format!("{name}.scale")).map_err(error)?;
                let scales = f32s(scales.data());
                let cols = view.shape().last().copied().unwrap_or(1).max(1);
                if scales.len() * cols != view.data().len() {
                    return Err(error(format!("{name}: one scale per row expected")));
                }
                dequantize(view.data(), &scales, cols)
            }
            other => return Err(error(format!("{name}: unexpected type {other:?}"))),
        };
        let tensor = Tensor::from_vec(values, view.shape(), &Device::Cpu).map_err(error)?;
        tensors.insert(name, tensor);
    }
    let weights = VarBuilder::from_tensors(tensors, DType::F32, &Device::Cpu);
    BertModel::load(weights, &config).map_err(error)
}

/// The model's tokenizer, truncating at [`MAX_TOKENS`] and padding nothing (the file pads every
/// input to 128 tokens; the encoder pads each batch to its longest member instead).
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

fn dequantize(bytes: &[u8], scales: &[f32], cols: usize) -> Vec<f32> {
    bytes
        .chunks_exact(cols)
        .zip(scales)
        .flat_map(|(row, &scale)| row.iter().map(move |&q| f32::from(q as i8) * scale))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_dequantize_with_their_own_scale() {
        let bytes = [1u8, 255, 127, 129];
        assert_eq!(
            dequantize(&bytes, &[0.5, 2.0], 2),
            [0.5, -0.5, 254.0, -254.0]
        );
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
