//! A contextual sentence encoder: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), run
//! on the CPU in pure Rust (the matrix products on AMX or candle, the rest in [`bert`]), for
//! the aligner's learned link score.
//!
//! Unlike the static word vectors of [`crate::align::vectors`], it reads a sentence as a
//! whole, so "the talks collapsed" and "negotiations broke down" come out close although
//! they share no word. The model is embedded in the binary in a compact form (int8 weights
//! with a scale per row, 23 MB instead of 91 MB, written by `tools/compact-minilm.py`; see
//! [`model`] for the format), so nothing is downloaded, at build time or ever.
//!
//! A sentence's vector is the mean of the model's last hidden states over its tokens,
//! L2-normalised: what sentence-transformers computes for this model, so its cosines are the
//! ones published for it. Against the original f32 weights the compact model's vectors agree
//! to a cosine of at least .99 (the engine test `encoder` checks it on 300 sentences).
//!
//! It costs about 21 MFLOP a token. Two cores of a Xeon with AMX (see [`amx`]) read some
//! 40,000 tokens (1,400 news sentences) a second; with AVX-512 and no AMX, some 10,000 on
//! the machine the bench `encoder` was run on (it varies by up to a fifth within a day
//! there); fewer with AVX2 only or when other work shares the cores. Several packs of
//! sentences run in parallel (see [`Encoder::encode`]). Callers should encode only the
//! sentences whose link is in doubt, each once.

mod amx;
mod bert;
mod model;
mod wide;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;
use tokenizers::{Encoding, Tokenizer};

use crate::error::{Error, Result};

/// The length of a sentence vector.
pub const DIM: usize = 384;

/// Tokens kept of a sentence, counting the two markers the model adds. The model was
/// fine-tuned on inputs of at most 128 word pieces, so later positions add little it learned
/// to use; attention costs grow with the square of the length; and a news sentence is rarely
/// half that long (the 285 news and German test sentences average 29 tokens, the longest 88).
/// A longer one is read from its start, which is where a sentence says what it is about.
pub const MAX_TOKENS: usize = 128;

/// Tokens run through the model together: sentences are packed end to end (nothing is
/// padded, see [`bert`]) until the next would pass this. Large enough that the matrix
/// products run near the cores' peak (4,096 measured the same), small enough that the two
/// widest intermediates (1,536 values a token each) stay some 25 MB a pack.
const PACK_TOKENS: usize = 2_048;

/// Packs run at once at most (one per core of rayon's pool up to this): each works in some
/// 25 MB of its own, so on many cores memory stays bounded, and the cores beyond these
/// share the packs' steps.
const PACKS_AT_ONCE: usize = 4;

/// Sentences whose vectors are remembered (about 1.5 KB each, so some 12 MB at most): a
/// comparison opened again, a source in several pairs or a refreshed text that is mostly
/// unchanged is not encoded twice, and the encoder is the slowest stage by far.
const MEMO_MAX: usize = 8_192;

/// A unit sentence vector.
pub type Vector = [f32; DIM];

/// The model and its tokenizer, ready to encode. Build it once: [`Encoder::shared`].
pub struct Encoder {
    model: bert::Bert,
    tokenizer: Tokenizer,
    /// The vectors of sentences encoded before, by their text.
    memo: Mutex<HashMap<String, Vector>>,
}

static SHARED: OnceLock<std::result::Result<Encoder, String>> = OnceLock::new();

impl Encoder {
    /// The process-wide encoder, built at the first call. Building dequantizes the embedded
    /// weights (about 42 MB of f32) and takes a fraction of a second; every later call is
    /// free. Fails only if the embedded model is broken, and then every time.
    pub fn shared() -> Result<&'static Encoder> {
        match SHARED.get_or_init(|| Encoder::load().map_err(|e| e.to_string())) {
            Ok(encoder) => Ok(encoder),
            Err(detail) => Err(Error::Encoder {
                detail: detail.clone(),
            }),
        }
    }

    /// A private encoder with its own copy of the weights. [`Encoder::shared`] is the one to
    /// use; this is for measuring what building one costs.
    pub fn load() -> Result<Encoder> {
        // Parsing the tokenizer's JSON runs on one core; the model's layers fill both.
        let (model, tokenizer) = rayon::join(|| model::load_model(true), model::load_tokenizer);
        let (model, tokenizer) = (model?, tokenizer?);
        // Every id the tokenizer gives must have its row in the model's table.
        if tokenizer.get_vocab_size(true) > model.words.scales.len() {
            return Err(model::error(
                "the tokenizer's vocabulary outgrows the model's",
            ));
        }
        Ok(Encoder {
            model,
            tokenizer,
            memo: Mutex::new(HashMap::new()),
        })
    }

    /// Forgets the sentences encoded so far, so that the next [`Encoder::encode`] costs what
    /// a first one in a new process does (benchmarks measure that).
    pub fn forget(&self) {
        self.memo.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// The number of tokens the model reads of `sentence` (at most [`MAX_TOKENS`], markers
    /// included): its share of the cost of [`Encoder::encode`].
    pub fn token_count(&self, sentence: &str) -> Result<usize> {
        Ok(self.tokenize(sentence)?.len())
    }

    /// The unit vector of every sentence, in the order given. An empty sentence gets a vector
    /// too (that of the model's two markers), so results line up with the input.
    /// Sentences encoded before (by this encoder), or given twice, are run through the model
    /// once.
    pub fn encode(&self, sentences: &[&str]) -> Result<Vec<Vector>> {
        let mut vectors = vec![[0.0; DIM]; sentences.len()];
        let mut missing: Vec<usize> = Vec::new();
        {
            // A poisoned memo only means a panic elsewhere mid-insert: its entries are whole.
            let memo = self.memo.lock().unwrap_or_else(|e| e.into_inner());
            for (i, s) in sentences.iter().enumerate() {
                match memo.get(*s) {
                    Some(v) => vectors[i] = *v,
                    None => missing.push(i),
                }
            }
        }
        let (missing, same_as) = first_of_each(sentences, missing);
        // Only the ids are kept: a tokenizer's encoding of a sentence holds some 100 bytes a
        // token besides. On all cores: on one, 2,000 sentences took 65 ms, some 4% of
        // encoding them.
        let ids = missing
            .par_iter()
            .map(|&i| Ok(self.tokenize(sentences[i])?.get_ids().to_vec()))
            .collect::<Result<Vec<Vec<u32>>>>()?;
        let packs = packs(&ids);
        // With several packs, they run in parallel: a few workers (see [`PACKS_AT_ONCE`]),
        // each taking the next pack until none is left, in a workspace of its own; a
        // pack's steps are split among idle cores too (rayon's work stealing), so the last
        // pack does not run on one core alone. With one pack at a time and its steps split
        // evenly, the cores met at some 30 points a layer, where one waited for the other:
        // they were 9% idle on 800 sentences.
        let next = AtomicUsize::new(0);
        let workers = rayon::current_num_threads().clamp(1, PACKS_AT_ONCE);
        let ran: Vec<(usize, candle_core::Result<Vec<[f32; DIM]>>)> = (0..workers.min(packs.len()))
            .into_par_iter()
            .flat_map_iter(|_| {
                let mut work = bert::Workspace::default();
                let mut out = Vec::new();
                while let Some(pack) = packs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let sentences: Vec<&[u32]> =
                        ids[pack.clone()].iter().map(Vec::as_slice).collect();
                    let means = self.model.pooled(&sentences, &mut work);
                    let failed = means.is_err();
                    out.push((pack.start, means));
                    if failed {
                        break;
                    }
                }
                out
            })
            .collect();
        for (start, means) in ran {
            for (k, mean) in (start..).zip(means.map_err(model::error)?) {
                vectors[missing[k]] = unit(&mean);
            }
        }
        for (i, k) in same_as {
            vectors[i] = vectors[k];
        }
        let mut memo = self.memo.lock().unwrap_or_else(|e| e.into_inner());
        if memo.len() + missing.len() > MEMO_MAX {
            memo.clear();
        }
        for &i in missing.iter().take(MEMO_MAX) {
            memo.insert(sentences[i].to_string(), vectors[i]);
        }
        Ok(vectors)
    }

    fn tokenize(&self, sentence: &str) -> Result<Encoding> {
        self.tokenizer.encode(sentence, true).map_err(model::error)
    }
}

/// The sentences (by index) run through the model together: in order, each pack as many as
/// fit in [`PACK_TOKENS`], and at least one.
fn packs(ids: &[Vec<u32>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < ids.len() {
        let mut end = start;
        let mut tokens = 0;
        while end < ids.len() && (end == start || tokens + ids[end].len() <= PACK_TOKENS) {
            tokens += ids[end].len();
            end += 1;
        }
        out.push(start..end);
        start = end;
    }
    out
}

/// `which` (indices into `sentences`) split into the first of each text, to be read, and
/// each later copy with the index of its first.
fn first_of_each(sentences: &[&str], which: Vec<usize>) -> (Vec<usize>, Vec<(usize, usize)>) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut copies = Vec::new();
    let mut firsts = Vec::with_capacity(which.len());
    for i in which {
        match first.get(sentences[i]) {
            Some(&k) => copies.push((i, k)),
            None => {
                first.insert(sentences[i], i);
                firsts.push(i);
            }
        }
    }
    (firsts, copies)
}

fn unit(v: &[f32]) -> Vector {
    let mut out = [0.0; DIM];
    // sentence-transformers divides by max(norm, 1e-12): the same guard against zero.
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    for (o, x) in out.iter_mut().zip(v) {
        *o = x / norm;
    }
    out
}

/// True unless `v` is the zero vector, which stands for a passage the encoder did not read
/// (see [`crate::align::Side::vectors`]); every vector it makes has length 1.
pub fn was_read(v: &Vector) -> bool {
    v.iter().any(|&x| x != 0.0)
}

/// The cosine of two vectors (the dot product for the encoder's unit vectors) over the length
/// of the shorter; 0 if either is zero.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    of_lengths(dot(a, b), dot(a, a).sqrt(), dot(b, b).sqrt())
}

/// The cosine of every vector of `a` with every vector of `b`, a row per vector of `a`:
/// [`cosine`] of each pair, to the bit, with each vector's length taken once rather than
/// once per pair (the aligner takes the cosines of two 200-sentence articles, 40,000 pairs).
pub fn cosines(a: &[&Vector], b: &[&Vector]) -> Vec<Vec<f32>> {
    let lengths =
        |vs: &[&Vector]| -> Vec<f32> { vs.iter().map(|v| dot(&v[..], &v[..]).sqrt()).collect() };
    let (la, lb) = (lengths(a), lengths(b));
    a.iter()
        .zip(la)
        .map(|(x, na)| {
            let mut row = vec![0.0; b.len()];
            dots(x, b, &mut row);
            for (c, &nb) in row.iter_mut().zip(&lb) {
                *c = of_lengths(*c, na, nb);
            }
            row
        })
        .collect()
}

/// The cosine of two vectors from their dot product and lengths; 0 if either is zero.
fn of_lengths(dot: f32, na: f32, nb: f32) -> f32 {
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

wide::wide_fn! {
    /// `a · b`, of equal lengths.
    fn dot<M>(a: &[f32], b: &[f32]) -> f32 {
        wide::dot::<M>(a, b)
    }
}

wide::wide_fn! {
    /// `x · y` for each `y` of `ys`, into `out`, as [`dot`] takes them.
    fn dots<M>(x: &Vector, ys: &[&Vector], out: &mut [f32]) {
        for (o, y) in out.iter_mut().zip(ys) {
            *o = wide::dot::<M>(x, *y);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On a CPU with AMX the products run there, in bfloat16, and the vectors come out as
    /// those of the f32 products on candle (which run where there is no AMX) to a cosine of
    /// .999; without AMX only the latter run, and this checks that they give vectors.
    #[test]
    fn products_on_amx_and_on_candle_give_the_same_vectors() {
        let encoder = Encoder::shared().unwrap();
        let sentences = [
            "The central bank raised interest rates by half a point on Tuesday.",
            "Rescuers pulled 14 survivors from the rubble overnight, officials said.",
            "OK.",
        ];
        let ids: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| encoder.tokenize(s).unwrap().get_ids().to_vec())
            .collect();
        let ids: Vec<&[u32]> = ids.iter().map(Vec::as_slice).collect();
        let on_candle = model::load_model(false)
            .unwrap()
            .pooled(&ids, &mut Default::default())
            .unwrap();
        assert!(on_candle.iter().all(|v| v.iter().any(|&x| x != 0.0)));
        if !amx::available() {
            eprintln!("no AMX on this machine: only the products on candle are run");
            return;
        }
        let on_tiles = model::load_model(true)
            .unwrap()
            .pooled(&ids, &mut Default::default())
            .unwrap();
        for (k, (a, b)) in on_candle.iter().zip(&on_tiles).enumerate() {
            let close = cosine(a, b);
            assert!(close > 0.999, "{:?}: cosine {close}", sentences[k]);
        }
    }

    #[test]
    fn cosine_of_parallel_orthogonal_and_zero_vectors() {
        assert!((cosine(&[1.0, 2.0], &[2.0, 4.0]) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&[1.0, 0.0], &[0.0, 3.0]), 0.0);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 1.0]), 0.0);
        // Vectors longer than the lanes the sums are kept in, with a remainder.
        for n in [DIM, 37] {
            let a: Vec<f32> = (0..n).map(|k| ((k * 7) % 13) as f32 - 6.0).collect();
            let b: Vec<f32> = (0..n).map(|k| ((k * 5) % 11) as f32 - 4.5).collect();
            let f = |v: &[f32]| v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>();
            let (a64, b64) = (f(&a), f(&b));
            let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(x, y)| x * y).sum::<f64>();
            let want = dot(&a64, &b64) / (dot(&a64, &a64) * dot(&b64, &b64)).sqrt();
            assert!(
                (f64::from(cosine(&a, &b)) - want).abs() < 1e-6,
                "{n} values"
            );
        }
    }

    #[test]
    fn a_sentence_given_twice_is_read_once_and_gets_one_vector() {
        let sentences = ["a", "b", "a", "c", "b", "a"];
        assert_eq!(
            first_of_each(&sentences, vec![0, 1, 2, 3, 4, 5]),
            (vec![0, 1, 3], vec![(2, 0), (4, 1), (5, 0)])
        );
        // Those the memo had are not asked about.
        assert_eq!(first_of_each(&sentences, vec![2, 4]), (vec![2, 4], vec![]));
        let sentences = [
            "The ferry left at dawn.",
            "Rain fell all week.",
            "The ferry left at dawn.",
        ];
        let vectors = Encoder::shared().unwrap().encode(&sentences).unwrap();
        assert_eq!(vectors[0], vectors[2]);
        assert!(cosine(&vectors[0], &vectors[1]) < 0.9);
    }

    #[test]
    fn vectors_are_unit_length_and_in_input_order() {
        let encoder = Encoder::shared().unwrap();
        let sentences = [
            "A long sentence about the election results in Turkmenistan.",
            "",
            "Hi",
        ];
        let vectors = encoder.encode(&sentences).unwrap();
        assert_eq!(vectors.len(), 3);
        for v in &vectors {
            assert!((cosine(v, v) - 1.0).abs() < 1e-5);
        }
        let alone = encoder.encode(&sentences[2..]).unwrap();
        assert!(
            cosine(&alone[0], &vectors[2]) > 0.9999,
            "packing changed a vector"
        );
    }

    /// The aligner's table of cosines holds what [`cosine`] gives each pair, to the bit
    /// (the zero vector of a passage not read included): its choices must not depend on
    /// which of the two took a cosine.
    #[test]
    fn the_table_of_cosines_is_each_pair_s_cosine() {
        let mut seed = 0x2545_F491_u32;
        let mut vector = |zero: bool| -> Vector {
            std::array::from_fn(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                if zero {
                    0.0
                } else {
                    (seed % 2001) as f32 / 1000.0 - 1.0
                }
            })
        };
        let a: Vec<Vector> = (0..7).map(|k| vector(k == 3)).collect();
        let b: Vec<Vector> = (0..9).map(|k| vector(k == 0)).collect();
        let table = cosines(&a.iter().collect::<Vec<_>>(), &b.iter().collect::<Vec<_>>());
        assert_eq!(table.len(), a.len());
        for (x, row) in a.iter().zip(&table) {
            assert_eq!(row.len(), b.len());
            for (y, &got) in b.iter().zip(row) {
                assert_eq!(got.to_bits(), cosine(x, y).to_bits());
            }
        }
        assert_eq!(table[3][4], 0.0, "a zero vector has cosine 0");
    }

    #[test]
    fn long_sentences_are_truncated() {
        let encoder = Encoder::shared().unwrap();
        let long = "word ".repeat(1000);
        assert_eq!(encoder.token_count(&long).unwrap(), MAX_TOKENS);
        assert_eq!(encoder.token_count("").unwrap(), 2, "[CLS] and [SEP]");
    }

    #[test]
    fn a_sentence_encoded_before_comes_from_the_memo_unchanged() {
        let encoder = Encoder::shared().unwrap();
        let first = encoder
            .encode(&["The ferry left at dawn.", "Rain fell all week."])
            .unwrap();
        let again = encoder
            .encode(&["Rain fell all week.", "A new sentence here."])
            .unwrap();
        assert_eq!(first[1], again[0]);
        assert!(cosine(&again[0], &again[1]) < 0.99);
        let memo = encoder.memo.lock().unwrap();
        assert!(memo.contains_key("A new sentence here."));
    }
}
