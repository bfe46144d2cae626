//! Static word vectors distilled from all-MiniLM-L6-v2 (Apache-2.0) by
//! `tools/distill-vectors.py`: a semantic signal that needs no model and no download.
//!
//! The table is embedded in the binary and read in place: entries are sorted by their bytes,
//! so a lookup is a binary search over the offsets and start-up parses nothing but the
//! header. That keeps `parallax align` cheap to start thousands of times.

use std::sync::LazyLock;

static BLOB: &[u8] = include_bytes!("../../assets/minilm-static.bin");

/// The vector table, borrowed from the embedded blob.
pub struct Table {
    n: usize,
    dim: usize,
    offsets: &'static [u8],
    ranks: &'static [u8],
    scales: &'static [u8],
    words: &'static [u8],
    vectors: &'static [u8],
}

static TABLE: LazyLock<Option<Table>> = LazyLock::new(|| Table::parse(BLOB));

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]])
}

impl Table {
    /// The embedded table, or `None` if the blob is malformed (then the aligner goes on
    /// without a semantic signal rather than failing).
    pub fn get() -> Option<&'static Table> {
        TABLE.as_ref()
    }

    fn parse(b: &'static [u8]) -> Option<Table> {
        if b.len() < 20 || &b[..5] != b"PLXV1" {
            return None;
        }
        let h = &b[8..20];
        let (n, dim, wlen) = (
            u32_at(h, 0) as usize,
            u32_at(h, 1) as usize,
            u32_at(h, 2) as usize,
        );
        let mut at = 20;
        let mut take = |len: usize| -> Option<&'static [u8]> {
            let s = b.get(at..at + len)?;
            at += len;
            Some(s)
        };
        let offsets = take(4 * (n + 1))?;
        let ranks = take(4 * n)?;
        let scales = take(4 * n)?;
        let words = take(wlen)?;
        let vectors = take(n * dim)?;
        Some(Table {
            n,
            dim,
            offsets,
            ranks,
            scales,
            words,
            vectors,
        })
    }

    /// Length of every vector.
    pub fn dim(&self) -> usize {
        self.dim
    }

    fn word(&self, i: usize) -> &[u8] {
        let (s, e) = (u32_at(self.offsets, i), u32_at(self.offsets, i + 1));
        &self.words[s as usize..e as usize]
    }

    /// The entry of a WordPiece token ("talk", "##s"), if the vocabulary has it.
    pub fn find(&self, token: &str) -> Option<usize> {
        let key = token.as_bytes();
        let (mut lo, mut hi) = (0, self.n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The token's id in the model's vocabulary, which runs roughly from frequent to rare.
    pub fn rank(&self, entry: usize) -> u32 {
        u32_at(self.ranks, entry)
    }

    /// Adds `weight` × the entry's vector to `acc`.
    pub fn add_to(&self, entry: usize, weight: f32, acc: &mut [f32]) {
        let scale = f32::from_le_bytes([
            self.scales[4 * entry],
            self.scales[4 * entry + 1],
            self.scales[4 * entry + 2],
            self.scales[4 * entry + 3],
        ]) * weight;
        let row = &self.vectors[entry * self.dim..(entry + 1) * self.dim];
        for (a, &q) in acc.iter_mut().zip(row) {
            *a += (q as i8) as f32 * scale;
        }
    }

    /// WordPiece pieces of one folded word (lower case, no accents), greedy longest match
    /// first as BERT's tokenizer does; `None` when some part has no piece (BERT's [UNK]).
    ///
    /// Written here rather than pulling the `tokenizers` crate: the engine only needs this
    /// one step for single words that it has already split and folded, and that crate
    /// would bring a large dependency tree (and its own normaliser) for ~30 lines.
    pub fn pieces(&self, word: &str) -> Option<Vec<usize>> {
        if word.len() > 100 {
            return None;
        }
        let mut out = Vec::new();
        let mut start = 0;
        let mut buf = String::new();
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                if word.is_char_boundary(end) {
                    buf.clear();
                    if start > 0 {
                        buf.push_str("##");
                    }
                    buf.push_str(&word[start..end]);
                    if let Some(e) = self.find(&buf) {
                        found = Some(e);
                        break;
                    }
                }
                end -= 1;
            }
            out.push(found?);
            start = end;
        }
        Some(out)
    }

    /// The vector of one folded word (mean of its pieces) added to `acc` with `weight`;
    /// returns false when the word has no pieces.
    pub fn add_word(&self, word: &str, weight: f32, acc: &mut [f32]) -> bool {
        match self.pieces(word) {
            Some(p) if !p.is_empty() => {
                let w = weight / p.len() as f32;
                for e in p {
                    self.add_to(e, w, acc);
                }
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_words_are_closer_than_unrelated_ones() {
        let t = Table::get().expect("embedded table parses");
        let vec = |w: &str| {
            let mut v = vec![0.0; t.dim()];
            assert!(t.add_word(w, 1.0, &mut v), "{w} has pieces");
            let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.iter().map(|x| x / n).collect::<Vec<f32>>()
        };
        let cos = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
        let (talks, negotiations, banana) = (vec("talks"), vec("negotiations"), vec("banana"));
        assert!(cos(&talks, &negotiations) > cos(&talks, &banana));
    }

    #[test]
    fn wordpiece_splits_unknown_words_into_known_pieces() {
        let t = Table::get().expect("embedded table parses");
        let p = t.pieces("backchannel").expect("pieces");
        assert!(p.len() >= 2);
        assert!(t.find("the").is_some());
        assert!(t.rank(t.find("the").unwrap()) < t.rank(t.find("negotiations").unwrap()));
    }
}
