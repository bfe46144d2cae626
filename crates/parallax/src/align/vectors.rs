//! Static word vectors distilled from all-MiniLM-L6-v2 (Apache-2.0) by
//! `tools/distill-vectors.py`, and the nearest neighbours of every whole word among them: a
//! semantic signal that needs no model and no download ("talks" ≈ "conversations").
//!
//! The table is embedded in the binary and read in place: entries are sorted by their bytes,
//! so a lookup is a binary search over the offsets and start-up parses nothing but the
//! header. That keeps `parallax align` cheap to start thousands of times. The neighbour
//! lists were computed offline from the vectors: comparing every word of two documents with
//! every other at run time would cost far more than the whole alignment.

use std::sync::LazyLock;

static BLOB: &[u8] = include_bytes!("../../../../assets/minilm-static.bin");

/// The vector table, borrowed from the embedded blob.
pub struct Table {
    n: usize,
    k: usize,
    offsets: &'static [u8],
    words: &'static [u8],
    // The vectors themselves are only read by the tests that check the neighbour lists
    // against them; the engine needs the lists alone.
    #[cfg_attr(not(test), allow(dead_code))]
    dim: usize,
    #[cfg_attr(not(test), allow(dead_code))]
    scales: &'static [u8],
    #[cfg_attr(not(test), allow(dead_code))]
    vectors: &'static [u8],
    neighbours: &'static [u8],
    cosines: &'static [u8],
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
        if b.len() < 24 || &b[..5] != b"PLXV2" {
            return None;
        }
        let h = &b[8..24];
        let [n, dim, wlen, k] = [0, 1, 2, 3].map(|i| u32_at(h, i) as usize);
        let mut at: usize = 24;
        let mut take = |len: usize| -> Option<&'static [u8]> {
            let s = b.get(at..at.checked_add(len)?)?;
            at += len;
            Some(s)
        };
        let offsets = take(4 * (n + 1))?;
        let _ranks = take(4 * n)?;
        let scales = take(4 * n)?;
        let words = take(wlen)?;
        let vectors = take(n * dim)?;
        let neighbours = take(4 * n * k)?;
        let cosines = take(n * k)?;
        let table = Table {
            n,
            dim,
            k,
            offsets,
            scales,
            words,
            vectors,
            neighbours,
            cosines,
        };
        // Every offset must lie in the words block, or a lookup could slice out of it.
        let valid = (0..=n).all(|i| u32_at(offsets, i) as usize <= wlen)
            && (0..n * k).all(|i| {
                let e = u32_at(neighbours, i);
                e == u32::MAX || (e as usize) < n
            });
        valid.then_some(table)
    }

    fn word(&self, i: usize) -> &'static [u8] {
        let (s, e) = (u32_at(self.offsets, i), u32_at(self.offsets, i + 1));
        self.words.get(s as usize..e as usize).unwrap_or(&[])
    }

    /// The entry of a whole word (folded: lower case, no accents), if the vocabulary has it.
    pub fn find(&self, word: &str) -> Option<usize> {
        let key = word.as_bytes();
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

    /// The nearest whole words of `entry` with their cosines, nearest first.
    pub fn neighbours(&self, entry: usize) -> impl Iterator<Item = (&'static str, f32)> + '_ {
        (entry * self.k..(entry + 1) * self.k).filter_map(|i| {
            let e = u32_at(self.neighbours, i);
            let word = std::str::from_utf8(self.word(e.try_into().ok().filter(|&e| e < self.n)?));
            Some((word.ok()?, f32::from(self.cosines[i]) / 255.0))
        })
    }

    /// The stored vector of `entry` (unit length up to int8 rounding).
    #[cfg(test)]
    fn vector(&self, entry: usize) -> Vec<f32> {
        let scale = f32::from_le_bytes(
            self.scales[4 * entry..4 * entry + 4]
                .try_into()
                .expect("four bytes"),
        );
        self.vectors[entry * self.dim..(entry + 1) * self.dim]
            .iter()
            .map(|&q| f32::from(q as i8) * scale)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(t: &Table, w: &str) -> Vec<&'static str> {
        t.neighbours(t.find(w).expect(w)).map(|(n, _)| n).collect()
    }

    #[test]
    fn related_words_are_neighbours_and_unrelated_ones_are_not() {
        let t = Table::get().expect("embedded table parses");
        assert!(near(t, "talks").contains(&"conversations"));
        assert!(near(t, "meeting").contains(&"meetings"));
        assert!(!near(t, "talks").contains(&"banana"));
        assert!(t.find("##s").is_some() && t.neighbours(t.find("##s").unwrap()).count() == 0);
    }

    #[test]
    fn neighbour_cosines_agree_with_the_stored_vectors() {
        let t = Table::get().expect("embedded table parses");
        let a = t.find("talks").expect("talks");
        let va = t.vector(a);
        for (w, c) in t.neighbours(a) {
            let vb = t.vector(t.find(w).expect(w));
            let dot: f32 = va.iter().zip(&vb).map(|(x, y)| x * y).sum();
            assert!((dot - c).abs() < 0.03, "{w}: {dot} vs {c}");
            assert!(c >= 0.5);
        }
    }

    #[test]
    fn a_malformed_blob_is_refused() {
        let mut b = BLOB[..200].to_vec();
        assert!(Table::parse(Box::leak(b.clone().into_boxed_slice())).is_none());
        b[0] = b'X';
        assert!(Table::parse(Box::leak(b.into_boxed_slice())).is_none());
    }
}
