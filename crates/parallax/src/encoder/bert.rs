//! MiniLM's forward pass (a six-layer BERT) over sentences packed end to end.
//!
//! Why not candle-transformers' `BertModel`, which this replaced: it pads every sentence of a
//! batch to the longest one and masks the padding, and it runs the steps between its matrix
//! products (GELU through libm's `erf`, softmax, layer norms, the attention's reshapes) on one
//! core while candle's thread pool spins on the other. A profile of the encoder bench had
//! the spinning alone at a quarter of the CPU time and `erf` at a tenth. Here the sentences of
//! a batch sit one after another in one matrix of real tokens, with no padding at all; the
//! matrix products still run on candle (its gemm, on both cores); and the steps between them
//! are fused into one pass each over rayon: bias and GELU, bias, residual and layer norm, and
//! attention computed sentence by sentence, so no token attends to another sentence's.
//!
//! The steps between the products are compiled a second time for AVX2 and run so when the
//! CPU has it ([`super::wide`]).
//!
//! The result is the model's, not an approximation of it: up to rounding (sums taken in
//! another order), the only differences in arithmetic are `erf`, here a rational
//! approximation good to 1.5e-7, and `exp`, a series good to 4e-7 (the engine test
//! `encoder` checks the vectors against an independent float64 forward pass of the
//! original weights).

use candle_core::{Device, Storage, Tensor};
use rayon::prelude::*;

use super::DIM;
#[cfg(target_arch = "x86_64")]
use super::wide::has_avx2;
use super::wide::{exp, sum, wide};

/// The heads of each attention layer, and the width of each.
pub(super) const HEADS: usize = 12;
const HEAD_DIM: usize = DIM / HEADS;

/// One layer's weights (`model::load_model` reads them by the checkpoint's names).
pub(super) struct Layer {
    /// Query, key and value stacked: one product gives all three ([3 × DIM, DIM]).
    pub qkv: Linear,
    /// The attention's output projection ([DIM, DIM]).
    pub out: Linear,
    pub attention_norm: Norm,
    /// The feed-forward block's widening and narrowing products.
    pub up: Linear,
    pub down: Linear,
    pub output_norm: Norm,
}

/// A dense layer: `y = x Wᵀ + b`, with `W` as stored, one row per output.
pub(super) struct Linear {
    pub weight: Tensor,
    pub bias: Vec<f32>,
}

/// A layer norm's gain and bias.
pub(super) struct Norm {
    pub weight: Vec<f32>,
    pub bias: Vec<f32>,
}

/// The word-piece embeddings, kept as the embedded int8 rows with a scale each: a sentence
/// reads a few of 30,522 rows, so dequantizing them all (45 MB) would be waste.
pub(super) struct WordRows {
    pub rows: &'static [u8],
    pub scales: Vec<f32>,
}

impl WordRows {
    /// Adds row `id` to `out`.
    #[inline(always)]
    fn add_to(&self, id: usize, out: &mut [f32]) {
        let scale = self.scales[id];
        let row = &self.rows[id * DIM..(id + 1) * DIM];
        for (o, &q) in out.iter_mut().zip(row) {
            *o += f32::from(q as i8) * scale;
        }
    }
}

/// The whole model.
pub(super) struct Bert {
    pub words: WordRows,
    /// Position embeddings, one row of [`DIM`] per position.
    pub positions: Vec<f32>,
    /// The embedding of token type 0 (every token here is of the first segment).
    pub token_type: Vec<f32>,
    pub embedding_norm: Norm,
    pub layers: Vec<Layer>,
    /// The layer norms' epsilon.
    pub eps: f32,
}

impl Bert {
    /// The mean over its tokens of each sentence's last hidden states. `sentences` are token
    /// ids, the markers included, each no longer than the position table.
    pub fn pooled(&self, sentences: &[&[u32]]) -> candle_core::Result<Vec<[f32; DIM]>> {
        let lens: Vec<usize> = sentences.iter().map(|s| s.len()).collect();
        let tokens: Vec<(u32, usize)> = sentences
            .iter()
            .flat_map(|s| s.iter().enumerate().map(|(pos, &id)| (id, pos)))
            .collect();
        let rows = tokens.len();
        if rows == 0 {
            return Ok(vec![[0.0; DIM]; sentences.len()]);
        }
        let mut x = vec![0.0f32; rows * DIM];
        x.par_chunks_mut(DIM)
            .zip(&tokens)
            .for_each(|(row, &(id, pos))| {
                wide(|| {
                    self.words.add_to(id as usize, row);
                    let position = &self.positions[pos * DIM..(pos + 1) * DIM];
                    for ((r, p), t) in row.iter_mut().zip(position).zip(&self.token_type) {
                        *r += p + t;
                    }
                    normalize(row, &self.embedding_norm, self.eps);
                })
            });
        for layer in &self.layers {
            let qkv = product(x.clone(), rows, &layer.qkv)?;
            let context = values(&qkv, |qkv| attention(qkv, &lens, &layer.qkv.bias))?;
            let attended = product(context, rows, &layer.out)?;
            values(&attended, |y| {
                add_and_normalize(&mut x, y, &layer.out.bias, &layer.attention_norm, self.eps)
            })?;
            let widened = product(x.clone(), rows, &layer.up)?;
            let width = layer.up.bias.len();
            let activated = values(&widened, |widened| {
                let mut out = vec![0.0f32; widened.len()];
                out.par_chunks_mut(width)
                    .zip(widened.par_chunks(width))
                    .for_each(|(o, w)| {
                        wide(|| {
                            for ((o, w), b) in o.iter_mut().zip(w).zip(&layer.up.bias) {
                                *o = gelu(w + b);
                            }
                        })
                    });
                out
            })?;
            let narrowed = product(activated, rows, &layer.down)?;
            values(&narrowed, |y| {
                add_and_normalize(&mut x, y, &layer.down.bias, &layer.output_norm, self.eps)
            })?;
        }
        let mut out = Vec::with_capacity(sentences.len());
        let mut start = 0;
        for &len in &lens {
            let mut mean = [0.0f32; DIM];
            for row in x[start * DIM..(start + len) * DIM].chunks_exact(DIM) {
                for (m, v) in mean.iter_mut().zip(row) {
                    *m += v;
                }
            }
            let n = len.max(1) as f32;
            mean.iter_mut().for_each(|m| *m /= n);
            out.push(mean);
            start += len;
        }
        Ok(out)
    }
}

/// `x Wᵀ` for the `rows` rows of `x`, on candle (without the bias, which the next step adds
/// in its own pass). `x` is moved into the tensor, not copied.
fn product(x: Vec<f32>, rows: usize, linear: &Linear) -> candle_core::Result<Tensor> {
    let cols = x.len() / rows;
    Tensor::from_vec(x, (rows, cols), &Device::Cpu)?.matmul(&linear.weight.t()?)
}

/// `f` applied to the values of a product, borrowed where candle keeps them.
fn values<T>(t: &Tensor, f: impl FnOnce(&[f32]) -> T) -> candle_core::Result<T> {
    let (storage, layout) = t.storage_and_layout();
    let (Storage::Cpu(cpu), Some((start, end))) = (&*storage, layout.contiguous_offsets()) else {
        return Err(candle_core::Error::Msg(
            "a product off the CPU or not contiguous".into(),
        ));
    };
    Ok(f(&cpu.as_slice::<f32>()?[start..end]))
}

/// Self-attention within each sentence: `qkv` holds each token's query, key and value
/// (before their bias, `bias`), one row of `3 × DIM` per token; the result is each token's
/// context, one row of [`DIM`].
fn attention(qkv: &[f32], lens: &[usize], bias: &[f32]) -> Vec<f32> {
    let width = 3 * DIM;
    let mut context = vec![0.0f32; qkv.len() / 3];
    let mut parts: Vec<(&[f32], &mut [f32])> = Vec::with_capacity(lens.len());
    let (mut input, mut output) = (qkv, context.as_mut_slice());
    for &len in lens {
        let (i, rest_in) = input.split_at(len * width);
        let (o, rest_out) = output.split_at_mut(len * DIM);
        parts.push((i, o));
        (input, output) = (rest_in, rest_out);
    }
    let scale = 1.0 / (HEAD_DIM as f32).sqrt();
    parts.into_par_iter().for_each(|(input, output)| {
        #[cfg(target_arch = "x86_64")]
        if has_avx2() {
            // SAFETY: the CPU has AVX2 and FMA, just checked.
            return unsafe { attend_avx2(input, output, bias, scale) };
        }
        attend(input, output, bias, scale)
    });
    context
}

/// [`attend`] compiled for AVX2 (see [`super::wide`]). Spelled out because a closure
/// handed to [`wide`] this large was not inlined into it, so it ran as compiled for any
/// x86-64.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn attend_avx2(input: &[f32], output: &mut [f32], bias: &[f32], scale: f32) {
    attend(input, output, bias, scale)
}

/// One sentence's self-attention (see [`attention`]): `input` its rows of `qkv`, `output`
/// its rows of the context.
#[inline(always)]
fn attend(input: &[f32], output: &mut [f32], bias: &[f32], scale: f32) {
    let width = 3 * DIM;
    let len = input.len() / width;
    // One head's queries (scaled) and values, each token's contiguous, and its keys
    // transposed (one row of `len` per dimension), so a query's weights over every key are
    // summed along the rows: one vector operation covers many keys.
    let (mut q, mut keys, mut v) = (
        vec![0.0f32; len * HEAD_DIM],
        vec![0.0f32; HEAD_DIM * len],
        vec![0.0f32; len * HEAD_DIM],
    );
    let mut weights = vec![0.0f32; len];
    for head in 0..HEADS {
        let at = head * HEAD_DIM;
        for (t, row) in input.chunks_exact(width).enumerate() {
            let part = |from: usize| (&row[from..][..HEAD_DIM], &bias[from..][..HEAD_DIM]);
            let (query, b) = part(at);
            for ((o, x), b) in q[t * HEAD_DIM..][..HEAD_DIM].iter_mut().zip(query).zip(b) {
                *o = (x + b) * scale;
            }
            let (key, b) = part(DIM + at);
            for (d, (x, b)) in key.iter().zip(b).enumerate() {
                keys[d * len + t] = x + b;
            }
            let (value, b) = part(2 * DIM + at);
            for ((o, x), b) in v[t * HEAD_DIM..][..HEAD_DIM].iter_mut().zip(value).zip(b) {
                *o = x + b;
            }
        }
        for (i, query) in q.chunks_exact(HEAD_DIM).enumerate() {
            weights.fill(0.0);
            for (&x, key_row) in query.iter().zip(keys.chunks_exact(len)) {
                for (w, k) in weights.iter_mut().zip(key_row) {
                    *w += x * k;
                }
            }
            softmax(&mut weights);
            // Summed in registers, written once.
            let mut mixed = [0.0f32; HEAD_DIM];
            for (&w, value) in weights.iter().zip(v.chunks_exact(HEAD_DIM)) {
                for (o, x) in mixed.iter_mut().zip(value) {
                    *o += w * x;
                }
            }
            output[i * DIM + at..][..HEAD_DIM].copy_from_slice(&mixed);
        }
    }
}

#[inline(always)]
fn softmax(v: &mut [f32]) {
    let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    v.iter_mut().for_each(|x| *x = exp(*x - max));
    let total = sum(v, |x| x);
    v.iter_mut().for_each(|x| *x /= total);
}

/// `x ← norm(x + y + bias)`, row by row.
fn add_and_normalize(x: &mut [f32], y: &[f32], bias: &[f32], norm: &Norm, eps: f32) {
    x.par_chunks_mut(DIM)
        .zip(y.par_chunks(DIM))
        .for_each(|(row, add)| {
            wide(|| {
                for ((r, a), b) in row.iter_mut().zip(add).zip(bias) {
                    *r += a + b;
                }
                normalize(row, norm, eps);
            })
        });
}

/// A layer norm of one row, in place.
#[inline(always)]
fn normalize(row: &mut [f32], norm: &Norm, eps: f32) {
    let n = row.len() as f32;
    let mean = sum(row, |x| x) / n;
    let var = sum(row, |x| (x - mean) * (x - mean)) / n;
    let inv = 1.0 / (var + eps).sqrt();
    for ((r, w), b) in row.iter_mut().zip(&norm.weight).zip(&norm.bias) {
        *r = (*r - mean) * inv * w + b;
    }
}

/// BERT's GELU, `x Φ(x)`, with the exact `erf` (not the tanh approximation).
#[inline(always)]
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// `erf` by Abramowitz and Stegun's formula 7.1.26, absolute error below 1.5e-7: a few
/// operations and one `exp`, where libm's `erff` (what candle calls) branches into a slow
/// path for most of the values a GELU sees. Written here because no maintained crate offers
/// a fast single-precision `erf`.
#[inline(always)]
fn erf(x: f32) -> f32 {
    let a = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let poly = ((((1.061_405_4 * t - 1.453_152_1) * t + 1.421_413_8) * t - 0.284_496_74) * t
        + 0.254_829_6)
        * t;
    (1.0 - poly * exp(-a * a)).copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erf_matches_known_values() {
        for (x, want) in [
            (0.0f32, 0.0f32),
            (0.5, 0.520_499_9),
            (1.0, 0.842_700_8),
            (-1.0, -0.842_700_8),
            (2.0, 0.995_322_3),
            (-3.5, -0.999_999_3),
            (10.0, 1.0),
        ] {
            assert!((erf(x) - want).abs() < 3e-7, "erf({x}) = {}", erf(x));
        }
    }

    /// The attention compiled for AVX2 (what runs here) gives what the one for any x86-64
    /// gives (what runs on a CPU without AVX2), up to the order of sums.
    #[test]
    fn attention_on_avx2_agrees_with_attention_anywhere() {
        let lens = [3usize, 7, 1];
        let rows: usize = lens.iter().sum();
        let mut seed = 1u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as f32 / (1u32 << 24) as f32 - 0.5
        };
        let qkv: Vec<f32> = (0..rows * 3 * DIM).map(|_| 4.0 * next()).collect();
        let bias: Vec<f32> = (0..3 * DIM).map(|_| next()).collect();
        let scale = 1.0 / (HEAD_DIM as f32).sqrt();
        let (mut plain, mut wide) = (vec![0.0f32; rows * DIM], vec![0.0f32; rows * DIM]);
        let mut at = 0;
        for len in lens {
            let input = &qkv[at * 3 * DIM..(at + len) * 3 * DIM];
            let out = at * DIM..(at + len) * DIM;
            attend(input, &mut plain[out.clone()], &bias, scale);
            #[cfg(target_arch = "x86_64")]
            if has_avx2() {
                // SAFETY: the CPU has AVX2 and FMA, just checked.
                unsafe { attend_avx2(input, &mut wide[out.clone()], &bias, scale) };
            } else {
                attend(input, &mut wide[out.clone()], &bias, scale);
            }
            #[cfg(not(target_arch = "x86_64"))]
            attend(input, &mut wide[out.clone()], &bias, scale);
            at += len;
        }
        assert!(plain.iter().any(|&x| x.abs() > 0.1));
        for (k, (p, w)) in plain.iter().zip(&wide).enumerate() {
            assert!(
                (p - w).abs() <= 1e-5 * p.abs().max(1.0),
                "value {k}: {p} vs {w}"
            );
        }
    }

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let mut v = [1.0, 3.0, 2.0];
        softmax(&mut v);
        assert!((v.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(v[1] > v[2] && v[2] > v[0]);
    }

    #[test]
    fn a_row_normalizes_to_zero_mean_and_unit_variance() {
        let norm = Norm {
            weight: vec![1.0; 4],
            bias: vec![0.0; 4],
        };
        let mut row = [1.0, 2.0, 3.0, 6.0];
        normalize(&mut row, &norm, 1e-12);
        let mean = row.iter().sum::<f32>() / 4.0;
        let var = row.iter().map(|x| x * x).sum::<f32>() / 4.0;
        assert!(mean.abs() < 1e-6 && (var - 1.0).abs() < 1e-5);
    }
}
