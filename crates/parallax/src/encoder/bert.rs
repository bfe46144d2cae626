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
//! On a CPU with AMX the products run there instead ([`super::amx`], in bfloat16), and each
//! block of 32 rows of a product goes straight on to the step after it while it is in the
//! core's cache ([`Bert::layer_on_tiles`]): there the products were no longer the slow part,
//! the passes over whole products in memory were. The steps between the products are
//! compiled twice more, for AVX-512 and AVX2, and run so when the CPU has them
//! ([`super::wide`]).
//!
//! The result is the model's, not an approximation of it: up to rounding (sums taken in
//! another order, and on AMX the products' inputs rounded to bfloat16, by at most 2⁻⁸ of
//! each), the only differences
//! in arithmetic are `erf`, here a rational approximation good to 1.5e-7, and `exp`, a
//! series good to 4e-7 (the engine test `encoder` checks the vectors against an independent
//! float64 forward pass of the original weights).

use candle_core::{Device, Storage, Tensor};
use rayon::prelude::*;

use super::wide::{MulAdd, exp, greatest, sum, wide, wide_fn};
use super::{DIM, amx};

/// Rows of a product that one task of the steps between the products on candle takes.
const ROWS_A_TASK: usize = 32;

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
    pub weight: Weight,
    pub bias: Vec<f32>,
}

/// A layer's `W`, for the unit that multiplies by it.
pub(super) enum Weight {
    /// In f32, for candle's products.
    Dense(Tensor),
    /// In bfloat16 tiles, for AMX.
    Tiles(amx::Tiles),
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
    /// ids, the markers included, each no longer than the position table. `work` holds the
    /// intermediates, to be reused by the next call.
    pub fn pooled(
        &self,
        sentences: &[&[u32]],
        work: &mut Workspace,
    ) -> candle_core::Result<Vec<[f32; DIM]>> {
        let lens: Vec<usize> = sentences.iter().map(|s| s.len()).collect();
        let tokens: Vec<(u32, usize)> = sentences
            .iter()
            .flat_map(|s| s.iter().enumerate().map(|(pos, &id)| (id, pos)))
            .collect();
        let rows = tokens.len();
        if rows == 0 {
            return Ok(vec![[0.0; DIM]; sentences.len()]);
        }
        let Workspace { x, tiles: buffers } = work;
        // Every value is written below, whatever the last call left.
        x.resize(rows * DIM, 0.0);
        x.par_chunks_mut(DIM)
            .zip(&tokens)
            .for_each(|(row, &(id, pos))| {
                wide(|| {
                    let position = &self.positions[pos * DIM..(pos + 1) * DIM];
                    for ((r, p), t) in row.iter_mut().zip(position).zip(&self.token_type) {
                        *r = p + t;
                    }
                    self.words.add_to(id as usize, row);
                    normalize(row, &self.embedding_norm, self.eps);
                })
            });
        // Every layer runs on AMX or none does: the layers on AMX also keep `x` in
        // bfloat16, which a layer on candle would leave behind.
        let tiles: Option<Vec<_>> = self.layers.iter().map(Layer::tiles).collect();
        match tiles {
            Some(tiles) => {
                buffers.fill(x);
                for (layer, tiles) in self.layers.iter().zip(tiles) {
                    self.layer_on_tiles(layer, tiles, x, buffers, &lens);
                }
            }
            None => {
                for layer in &self.layers {
                    self.layer_on_candle(layer, x, &lens)?;
                }
            }
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

impl Bert {
    /// One layer, its products on candle: `x` (the hidden states, a row of [`DIM`] per
    /// token) becomes the layer's output.
    fn layer_on_candle(
        &self,
        layer: &Layer,
        x: &mut [f32],
        lens: &[usize],
    ) -> candle_core::Result<()> {
        let rows = x.len() / DIM;
        let qkv = product(x.to_vec(), rows, &layer.qkv)?;
        let context = values(&qkv, |qkv| {
            let mut context = vec![0.0f32; x.len()];
            attention(qkv, lens, &layer.qkv.bias, &mut context, None);
            context
        })?;
        let attended = product(context, rows, &layer.out)?;
        values(&attended, |y| {
            add_and_normalize(x, y, &layer.out.bias, &layer.attention_norm, self.eps)
        })?;
        let widened = product(x.to_vec(), rows, &layer.up)?;
        let width = layer.up.bias.len();
        let activated = values(&widened, |widened| {
            let mut out = vec![0.0f32; widened.len()];
            out.par_chunks_mut(ROWS_A_TASK * width)
                .zip(widened.par_chunks(ROWS_A_TASK * width))
                .for_each(|(o, y)| activate_f32(o, y, &layer.up.bias));
            out
        })?;
        let narrowed = product(activated, rows, &layer.down)?;
        values(&narrowed, |y| {
            add_and_normalize(x, y, &layer.down.bias, &layer.output_norm, self.eps)
        })
    }

    /// One layer, its products on AMX: as [`Bert::layer_on_candle`], with `xb` kept equal
    /// to `x` in bfloat16 (see [`amx::rows_in_bf16`]). Each product's block of rows goes
    /// straight on to the next step (bias, GELU, residual and layer norm) while it is in the
    /// core's cache; a whole product is kept only where attention reads it.
    fn layer_on_tiles(
        &self,
        layer: &Layer,
        [qkv_w, out_w, up_w, down_w]: [&amx::Tiles; 4],
        x: &mut [f32],
        buffers: &mut TileBuffers,
        lens: &[usize],
    ) {
        let TileBuffers {
            xb,
            qkv,
            context,
            context_b,
            activated,
        } = buffers;
        amx::product_into(xb, qkv_w, qkv);
        attention(
            &qkv[..3 * x.len()],
            lens,
            &layer.qkv.bias,
            context,
            Some(context_b),
        );
        let eps = self.eps;
        let norm = &layer.attention_norm;
        settle_product(context_b, out_w, x, xb, &layer.out.bias, norm, eps);
        let width = layer.up.bias.len();
        activated.resize(xb.len() / DIM * width, 0);
        amx::product(
            xb,
            up_w,
            activated.par_chunks_mut(amx::BLOCK * width),
            |out, c| activate(out, c, &layer.up.bias, up_w.scales()),
        );
        let norm = &layer.output_norm;
        settle_product(activated, down_w, x, xb, &layer.down.bias, norm, eps);
    }
}

/// `x ← norm(x + a Wᵀ + bias)` on AMX, block by block of rows, and `xb` with it.
fn settle_product(
    a: &[u16],
    w: &amx::Tiles,
    x: &mut [f32],
    xb: &mut [u16],
    bias: &[f32],
    norm: &Norm,
    eps: f32,
) {
    let rows = amx::BLOCK * DIM;
    let blocks = x.par_chunks_mut(rows).zip(xb.par_chunks_mut(rows));
    let scales = w.scales();
    amx::product(a, w, blocks, |(x, xb), y| {
        settle(x, xb, y, bias, scales, norm, eps)
    });
}

wide_fn! {
    /// `x ← norm(x + y × scales + bias)` row by row, and `xb` (`x` in bfloat16) with it.
    fn settle(
        x: &mut [f32],
        xb: &mut [u16],
        y: &[f32],
        bias: &[f32],
        scales: &[f32],
        norm: &Norm,
        eps: f32,
    ) {
        add_normalize_rows(x, y, bias, Some(scales), norm, eps);
        xb.iter_mut().zip(&*x).for_each(|(o, &v)| *o = amx::bf16(v));
    }
}

wide_fn! {
    /// `out ← GELU(y + bias)`, row by row (each as long as `bias`).
    fn activate_f32<M>(out: &mut [f32], y: &[f32], bias: &[f32]) {
        for (o, y) in out.chunks_exact_mut(bias.len()).zip(y.chunks_exact(bias.len())) {
            for ((o, y), b) in o.iter_mut().zip(y).zip(bias) {
                *o = gelu::<M>(y + b);
            }
        }
    }
}

wide_fn! {
    /// `out ← GELU(y × scales + bias)` in bfloat16, row by row (each as long as `bias`).
    fn activate<M>(out: &mut [u16], y: &[f32], bias: &[f32], scales: &[f32]) {
        for (o, y) in out.chunks_exact_mut(bias.len()).zip(y.chunks_exact(bias.len())) {
            for (((o, y), b), s) in o.iter_mut().zip(y).zip(bias).zip(scales) {
                *o = amx::bf16(gelu::<M>(M::mul_add(*y, *s, *b)));
            }
        }
    }
}

/// What [`Bert::pooled`] works in, kept from one call to the next: fresh memory costs the
/// kernel's zeroing of each page first (a tenth of the layers' time when each layer made its
/// own buffers, some 4% of the encoder's when each call did).
#[derive(Default)]
pub(super) struct Workspace {
    /// The hidden states, a row of [`DIM`] per token.
    x: Vec<f32>,
    tiles: TileBuffers,
}

/// What the layers on AMX write and read again.
#[derive(Default)]
struct TileBuffers {
    /// The hidden states in bfloat16 (see [`amx::rows_in_bf16`]).
    xb: Vec<u16>,
    /// Each token's query, key and value (before their bias), and rows of zeros as in `xb`.
    qkv: Vec<f32>,
    /// The attention's result, and in bfloat16.
    context: Vec<f32>,
    context_b: Vec<u16>,
    /// The feed-forward block's activations in bfloat16 (sized by the first layer).
    activated: Vec<u16>,
}

impl TileBuffers {
    /// Sized for the hidden states `x`, and `xb` set from them. (The other buffers are
    /// written whole before they are read.)
    fn fill(&mut self, x: &[f32]) {
        amx::rows_in_bf16(x, DIM, &mut self.xb);
        // Attention writes the first rows; the filling stays zeros.
        self.context_b.resize(self.xb.len(), 0);
        self.context_b[x.len()..].fill(0);
        self.qkv.resize(3 * self.xb.len(), 0.0);
        self.context.resize(x.len(), 0.0);
    }
}

impl Layer {
    /// The layer's four weight matrices when all are laid out for AMX.
    fn tiles(&self) -> Option<[&amx::Tiles; 4]> {
        match [&self.qkv, &self.out, &self.up, &self.down].map(|l| &l.weight) {
            [
                Weight::Tiles(a),
                Weight::Tiles(b),
                Weight::Tiles(c),
                Weight::Tiles(d),
            ] => Some([a, b, c, d]),
            _ => None,
        }
    }
}

/// `x Wᵀ` for the `rows` rows of `x`, on candle (without the bias, which the next step adds
/// in its own pass). `x` is moved into the tensor, not copied.
fn product(x: Vec<f32>, rows: usize, linear: &Linear) -> candle_core::Result<Tensor> {
    let Weight::Dense(weight) = &linear.weight else {
        return Err(candle_core::Error::Msg(
            "a layer with some of its weights laid out for AMX".into(),
        ));
    };
    let cols = x.len() / rows;
    Tensor::from_vec(x, (rows, cols), &Device::Cpu)?.matmul(&weight.t()?)
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
/// context, one row of [`DIM`], written to `context`, and to `in_bf16` if given (as each
/// sentence's is done, while it is in the core's cache).
fn attention(
    qkv: &[f32],
    lens: &[usize],
    bias: &[f32],
    context: &mut [f32],
    in_bf16: Option<&mut [u16]>,
) {
    let width = 3 * DIM;
    type Part<'a> = (&'a [f32], &'a mut [f32], Option<&'a mut [u16]>);
    let mut parts: Vec<Part> = Vec::with_capacity(lens.len());
    let (mut input, mut output, mut output_b) = (qkv, context, in_bf16);
    for &len in lens {
        let (i, rest_in) = input.split_at(len * width);
        let (o, rest_out) = output.split_at_mut(len * DIM);
        let (b, rest_b) = match output_b {
            Some(b) => {
                let (b, rest) = b.split_at_mut(len * DIM);
                (Some(b), Some(rest))
            }
            None => (None, None),
        };
        parts.push((i, o, b));
        (input, output, output_b) = (rest_in, rest_out, rest_b);
    }
    let scale = 1.0 / (HEAD_DIM as f32).sqrt();
    parts.into_par_iter().for_each(|(input, output, output_b)| {
        attend(input, output, bias, scale);
        if let Some(b) = output_b {
            amx::write_bf16(output, b);
        }
    });
}

/// Keys whose attention weights one query sums at a time, in registers (one of AVX-512's,
/// two of AVX2's).
const KEYS: usize = 16;

wide_fn! {
/// One sentence's self-attention (see [`attention`]): `input` its rows of `qkv`, `output`
/// its rows of the context.
fn attend<M>(input: &[f32], output: &mut [f32], bias: &[f32], scale: f32) {
    let width = 3 * DIM;
    let len = input.len() / width;
    // The keys of all heads transposed (one row per dimension, filled out with zeros to a
    // multiple of `KEYS`), so a query's weights over `KEYS` keys are summed in registers,
    // one vector operation per dimension, with no remainder to take one at a time.
    let padded = len.div_ceil(KEYS) * KEYS;
    let mut keys = vec![0.0f32; DIM * padded];
    // `KEYS` tokens at a time, a dimension at a time: each write is a whole register's
    // worth of one row of `keys` (one token's dimensions at a time wrote a float to each
    // of 384 rows, a cache line apart).
    for (c, tokens) in input.chunks(KEYS * width).enumerate() {
        let n = tokens.len() / width;
        for d in 0..DIM {
            let b = bias[DIM + d];
            let row = &mut keys[d * padded + c * KEYS..][..KEYS];
            for (t, k) in row[..n].iter_mut().enumerate() {
                *k = tokens[t * width + DIM + d] + b;
            }
        }
    }
    let mut q = vec![0.0f32; len * HEAD_DIM];
    let mut weights = vec![0.0f32; padded];
    for head in 0..HEADS {
        let at = head * HEAD_DIM;
        let keys = &keys[at * padded..][..HEAD_DIM * padded];
        // The head's queries, scaled, each token's contiguous.
        let b: &[f32; HEAD_DIM] = bias[at..][..HEAD_DIM].try_into().expect("a head");
        for (o, row) in q.chunks_exact_mut(HEAD_DIM).zip(input.chunks_exact(width)) {
            let x: &[f32; HEAD_DIM] = row[at..][..HEAD_DIM].try_into().expect("a head");
            for j in 0..HEAD_DIM {
                o[j] = (x[j] + b[j]) * scale;
            }
        }
        for (i, query) in q.chunks_exact(HEAD_DIM).enumerate() {
            // Four sums (over every fourth dimension) and two (over every other key) rather
            // than one, so that each multiply and add does not wait for the one before.
            for (c, w) in weights.chunks_exact_mut(KEYS).enumerate() {
                let mut s = [[0.0f32; KEYS]; 4];
                let first = c * KEYS;
                for (x, rows) in query.chunks_exact(4).zip(keys.chunks_exact(4 * padded)) {
                    add_scaled::<M, KEYS>(&mut s[0], x[0], &rows[first..]);
                    add_scaled::<M, KEYS>(&mut s[1], x[1], &rows[padded + first..]);
                    add_scaled::<M, KEYS>(&mut s[2], x[2], &rows[2 * padded + first..]);
                    add_scaled::<M, KEYS>(&mut s[3], x[3], &rows[3 * padded + first..]);
                }
                // The keys past the sentence's end get no weight worth counting (some
                // 1e-38: see `exp`), so the softmax runs over whole registers. (Set here,
                // in the register: written over the stored sums, they made each read of
                // the whole register wait for the writes to drain.)
                for j in 0..KEYS {
                    let score = (s[0][j] + s[1][j]) + (s[2][j] + s[3][j]);
                    w[j] = if first + j < len { score } else { f32::NEG_INFINITY };
                }
            }
            let total = exponentiate::<M>(&mut weights);
            // The values are read where they are, without their bias, and summed with the
            // weights not yet divided by their total: the weights sum to one once divided,
            // so the division and the bias come once, at the end.
            let value = |t: usize| &input[t * width + 2 * DIM + at..];
            let mut s = [[0.0f32; HEAD_DIM]; 2];
            let pairs = weights[..len].chunks_exact(2);
            let last = pairs.remainder().first().copied();
            for (t, w) in pairs.enumerate() {
                add_scaled::<M, HEAD_DIM>(&mut s[0], w[0], value(2 * t));
                add_scaled::<M, HEAD_DIM>(&mut s[1], w[1], value(2 * t + 1));
            }
            if let Some(w) = last {
                add_scaled::<M, HEAD_DIM>(&mut s[0], w, value(len - 1));
            }
            let out = &mut output[i * DIM + at..][..HEAD_DIM];
            let b = &bias[2 * DIM + at..][..HEAD_DIM];
            let inverse = 1.0 / total;
            for j in 0..HEAD_DIM {
                out[j] = M::mul_add(s[0][j] + s[1][j], inverse, b[j]);
            }
        }
    }
}
}

/// `sum += x · v` over the first `N` values of `v`: a fixed length, so the loop is unrolled
/// and `sum` kept in registers.
#[inline(always)]
fn add_scaled<M: MulAdd, const N: usize>(sum: &mut [f32; N], x: f32, v: &[f32]) {
    let v: &[f32; N] = v[..N].try_into().expect("N values");
    for j in 0..N {
        sum[j] = M::mul_add(x, v[j], sum[j]);
    }
}

/// The softmax of `v` but for its last step: `v` becomes `e^(v - max v)`, and their sum is
/// returned, to divide by.
#[inline(always)]
fn exponentiate<M: MulAdd>(v: &mut [f32]) -> f32 {
    let max = greatest(v);
    v.iter_mut().for_each(|x| *x = exp::<M>(*x - max));
    sum(v, |x| x)
}

/// `x ← norm(x + y + bias)`, row by row.
fn add_and_normalize(x: &mut [f32], y: &[f32], bias: &[f32], norm: &Norm, eps: f32) {
    let rows = ROWS_A_TASK * DIM;
    x.par_chunks_mut(rows)
        .zip(y.par_chunks(rows))
        .for_each(|(x, y)| add_normalize(x, y, bias, norm, eps));
}

wide_fn! {
    /// [`add_normalize_rows`], compiled for the CPU.
    fn add_normalize(x: &mut [f32], y: &[f32], bias: &[f32], norm: &Norm, eps: f32) {
        add_normalize_rows(x, y, bias, None, norm, eps)
    }
}

/// `x ← norm(x + y × scales + bias)` row by row (no scales: all 1).
#[inline(always)]
fn add_normalize_rows(
    x: &mut [f32],
    y: &[f32],
    bias: &[f32],
    scales: Option<&[f32]>,
    norm: &Norm,
    eps: f32,
) {
    for (row, add) in x.chunks_exact_mut(DIM).zip(y.chunks_exact(DIM)) {
        match scales {
            Some(scales) => {
                for (((r, a), b), s) in row.iter_mut().zip(add).zip(bias).zip(scales) {
                    *r += a * s + b;
                }
            }
            None => {
                for ((r, a), b) in row.iter_mut().zip(add).zip(bias) {
                    *r += a + b;
                }
            }
        }
        normalize(row, norm, eps);
    }
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
fn gelu<M: MulAdd>(x: f32) -> f32 {
    let half = 0.5 * x;
    M::mul_add(half, erf::<M>(x * std::f32::consts::FRAC_1_SQRT_2), half)
}

/// `erf` by Abramowitz and Stegun's formula 7.1.26, absolute error below 1.5e-7: a few
/// operations and one `exp`, where libm's `erff` (what candle calls) branches into a slow
/// path for most of the values a GELU sees. Written here because no maintained crate offers
/// a fast single-precision `erf`.
#[inline(always)]
fn erf<M: MulAdd>(x: f32) -> f32 {
    let a = x.abs();
    // The formula's `t = 1 / (1 + 0.3275911 a)`, without a division: a vector division
    // holds its unit for some 16 cycles, as long as the rest of a GELU. `y` is in [1, 2.32]
    // (past `a = 4` the term `t` goes with is below 1e-7 anyway), where this cubic (fitted
    // by Remez's method) is `1 / y` within 0.37%, and two steps of Newton's method make
    // that 2e-10.
    let y = M::mul_add(0.327_591_1, a.min(4.0), 1.0);
    let mut t = [1.042_212_2, -2.520_003_4, 2.631_581_9]
        .into_iter()
        .fold(-0.157_416_54, |p, c| M::mul_add(p, y, c));
    for _ in 0..2 {
        t = M::mul_add(t, M::mul_add(-y, t, 1.0), t);
    }
    let poly = [-1.453_152_1, 1.421_413_8, -0.284_496_74, 0.254_829_6]
        .into_iter()
        .fold(1.061_405_4, |p, c| M::mul_add(p, t, c))
        * t;
    M::mul_add(-poly, exp::<M>(-a * a), 1.0).copysign(x)
}

#[cfg(test)]
mod tests {
    use super::super::wide::{Apart, Fused};
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
            for got in [erf::<Apart>(x), erf::<Fused>(x)] {
                assert!((got - want).abs() < 3e-7, "erf({x}) = {got}");
            }
        }
    }

    /// The reciprocal without a division costs `erf` nothing past rounding: across the
    /// range a GELU sees, it agrees with the formula worked with a true division (in f64)
    /// to 5e-7, what rounding `1 - poly × e^(-a²)` to f32 leaves.
    #[test]
    fn erf_agrees_with_its_formula_everywhere() {
        let formula = |x: f64| {
            let a = x.abs();
            let t = 1.0 / (1.0 + 0.327_591_1 * a);
            let poly = t
                * (0.254_829_6
                    + t * (-0.284_496_74
                        + t * (1.421_413_8 + t * (-1.453_152_1 + t * 1.061_405_4))));
            (1.0 - poly * (-a * a).exp()).copysign(x)
        };
        let mut x = -12.0f32;
        while x <= 12.0 {
            let want = formula(f64::from(x));
            for got in [erf::<Apart>(x), erf::<Fused>(x)] {
                assert!(
                    (f64::from(got) - want).abs() < 5e-7,
                    "erf({x}) = {got}, not {want}"
                );
            }
            x += 0.001_3;
        }
    }

    /// The attention (compiled for the CPU at hand) gives what the formula gives, worked
    /// out plainly in f64, for sentences shorter and longer than the keys summed at a time.
    #[test]
    fn attention_agrees_with_the_formula() {
        let lens = [3usize, 17, 1, 40];
        let rows: usize = lens.iter().sum();
        let mut seed = 1u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as f32 / (1u32 << 24) as f32 - 0.5
        };
        let qkv: Vec<f32> = (0..rows * 3 * DIM).map(|_| 4.0 * next()).collect();
        let bias: Vec<f32> = (0..3 * DIM).map(|_| next()).collect();
        let mut got = vec![f32::NAN; rows * DIM];
        attention(&qkv, &lens, &bias, &mut got, None);
        let value = |t: usize, part: usize, d: usize| {
            f64::from(qkv[t * 3 * DIM + part * DIM + d] + bias[part * DIM + d])
        };
        let mut start = 0;
        for len in lens {
            for head in 0..HEADS {
                let dims = head * HEAD_DIM..(head + 1) * HEAD_DIM;
                for i in start..start + len {
                    let scores: Vec<f64> = (start..start + len)
                        .map(|t| {
                            let dot: f64 =
                                dims.clone().map(|d| value(i, 0, d) * value(t, 1, d)).sum();
                            dot / (HEAD_DIM as f64).sqrt()
                        })
                        .collect();
                    let top = scores.iter().copied().fold(f64::MIN, f64::max);
                    let e: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
                    let total: f64 = e.iter().sum();
                    for d in dims.clone() {
                        let want: f64 = (start..start + len)
                            .map(|t| e[t - start] / total * value(t, 2, d))
                            .sum();
                        let have = f64::from(got[i * DIM + d]);
                        assert!(
                            (have - want).abs() <= 1e-5 * want.abs().max(1.0),
                            "token {i}, dimension {d}: {have} vs {want}"
                        );
                    }
                }
            }
            start += len;
        }
    }

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let mut v = [1.0, 3.0, 2.0];
        let total = exponentiate::<Apart>(&mut v);
        let v = v.map(|x| x / total);
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
