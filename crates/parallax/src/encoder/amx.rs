//! The encoder's matrix products on Intel's AMX tile unit, in bfloat16, when the CPU has it.
//!
//! A Xeon of 2023 on (Sapphire Rapids) multiplies 16 × 32 by 32 × 16 bfloat16 tiles in one
//! instruction, some four times what its AVX-512 units do in f32 for these shapes (one core
//! measured 480 against some 115 billion multiply-adds a second). The weights lose nothing
//! in bfloat16: they are the embedded int8 values, exact in its 8-bit significand, with the
//! row's scale applied to the product afterwards. The activations are rounded to bfloat16
//! (a relative error of at most 2⁻⁸ each) and every sum is kept in f32: a sentence's vector
//! stays within a cosine of .999 of the f32 products' (the test
//! `products_on_amx_and_on_candle_give_the_same_vectors`), and over the engine test
//! `encoder`'s 300 sentences the cosines to the f32 model are as before (mean .9994).
//!
//! Written here because no crate does it: candle's products run on `gemm`, which has no AMX
//! kernels, and Rust's AMX intrinsics are not stable, hence the few `asm!` lines. Linux
//! hands a process the tile registers only when it asks (`arch_prctl`), so [`available`]
//! asks once; where the CPU, the kernel or the architecture lacks AMX, the products stay on
//! candle.

use rayon::prelude::*;

use super::wide::wide;

/// Rows, columns and terms of a sum taken per tile pass: the products here need both of a
/// weight matrix's sides to be multiples of this (MiniLM's are).
pub(super) const BLOCK: usize = 32;

/// A weight matrix laid out for the tile unit (see [`Tiles::pack`]), with its rows' scales.
#[cfg_attr(
    not(all(target_arch = "x86_64", target_os = "linux")),
    allow(dead_code)
)]
pub(super) struct Tiles {
    /// Rows of the matrix as stored: outputs of the product.
    outputs: usize,
    /// Columns of the matrix as stored: inputs of the product.
    inputs: usize,
    /// bfloat16 values, one 16 × 32 tile (1 KB) after another.
    data: Vec<u16>,
    scales: Vec<f32>,
}

impl Tiles {
    /// The int8 matrix `bytes` (`outputs` rows of `inputs`, row `r` meaning itself times
    /// `scales[r]`), laid out for the tile unit; `None` when a side is not a multiple of
    /// [`BLOCK`] or the lengths do not agree.
    ///
    /// The tile unit multiplies pairs: a tile of the right-hand side holds, for 16 outputs,
    /// 16 pairs of consecutive inputs, each output's pair side by side. Tile `(o, i)` covers
    /// outputs `16 o ..` and inputs `32 i ..`; the tiles of one output block follow each
    /// other, so a pass over the inputs reads memory in order.
    pub fn pack(bytes: &[u8], scales: &[f32], outputs: usize, inputs: usize) -> Option<Tiles> {
        if !outputs.is_multiple_of(BLOCK)
            || !inputs.is_multiple_of(BLOCK)
            || bytes.len() != outputs * inputs
            || scales.len() != outputs
        {
            return None;
        }
        let steps = inputs / BLOCK;
        let mut data = vec![0u16; outputs * inputs];
        for (group, tiles) in data.chunks_exact_mut(steps * 512).enumerate() {
            for (step, tile) in tiles.chunks_exact_mut(512).enumerate() {
                for pair in 0..16 {
                    for out in 0..16 {
                        for half in 0..2 {
                            let (row, col) = (16 * group + out, BLOCK * step + 2 * pair + half);
                            let q = f32::from(bytes[row * inputs + col] as i8);
                            tile[pair * 32 + 2 * out + half] = bf16(q);
                        }
                    }
                }
            }
        }
        Some(Tiles {
            outputs,
            inputs,
            data,
            scales: scales.to_vec(),
        })
    }

    /// What each output (row of the matrix as stored) is multiplied by.
    pub fn scales(&self) -> &[f32] {
        &self.scales
    }
}

/// True when the CPU has AMX with bfloat16 and the kernel lets this process use it (asked
/// once, at the first call).
pub(super) fn available() -> bool {
    static AVAILABLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *AVAILABLE.get_or_init(imp::enable)
}

/// Makes `a` the rows of `x` (each `width` long) in bfloat16, the input [`product`] takes:
/// filled out with rows of zeros to a multiple of the block of rows it multiplies at a time.
/// `a`'s memory is reused (fresh memory costs the kernel's zeroing of each page first).
pub(super) fn rows_in_bf16(x: &[f32], width: usize, a: &mut Vec<u16>) {
    let rows = x.len() / width;
    a.resize(rows.div_ceil(BLOCK) * BLOCK * width, 0);
    let (values, filling) = a.split_at_mut(x.len());
    filling.fill(0);
    values
        .par_chunks_mut(width)
        .zip(x.par_chunks(width))
        .for_each(|(a, x)| write_bf16(x, a));
}

/// Writes `x` into `a` (as long) in bfloat16.
pub(super) fn write_bf16(x: &[f32], a: &mut [u16]) {
    wide(|| a.iter_mut().zip(x).for_each(|(a, &x)| *a = bf16(x)));
}

/// `a Wᵀ` (`a` from [`rows_in_bf16`]), without a bias and before `W`'s row scales
/// ([`Tiles::scales`]), 32 rows at a time: `each(out, block)` gets the next item of `outs`
/// and the product's next 32 rows (`W`'s rows long each; rows past the end of the input
/// stand for no token, and `each` leaves them). `each` applies the scales with its own
/// step (a pass of its own over each block was 4% of the encoder's time). Nothing of the
/// product is kept but the block at hand, which is in the core's cache when `each` reads
/// it: `each` takes it where it goes.
/// `each` must not run rayon work itself: the block is borrowed from the thread while it
/// runs, and a task stolen meanwhile would borrow it again. Call only when [`available`].
pub(super) fn product<T: Send>(
    a: &[u16],
    w: &Tiles,
    outs: impl IndexedParallelIterator<Item = T>,
    each: impl Fn(T, &[f32]) + Sync + Send,
) {
    thread_local! {
        /// A block of the product, kept for the thread's next one.
        static BLOCK_OUT: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    assert!(available(), "AMX product called without AMX");
    a.par_chunks(BLOCK * w.inputs)
        .zip(outs)
        .for_each(|(a, out)| {
            BLOCK_OUT.with_borrow_mut(|c| {
                c.resize(BLOCK * w.outputs, 0.0);
                block(a, w, c);
                each(out, c);
            })
        });
}

/// `a Wᵀ` as [`product`] computes it, its row scales applied, written to `c`: as many rows
/// as `a` has (a multiple of the block), each `W`'s rows long.
pub(super) fn product_into(a: &[u16], w: &Tiles, c: &mut [f32]) {
    assert!(available(), "AMX product called without AMX");
    assert_eq!(a.len() / w.inputs * w.outputs, c.len());
    a.par_chunks(BLOCK * w.inputs)
        .zip(c.par_chunks_mut(BLOCK * w.outputs))
        .for_each(|(a, c)| {
            block(a, w, c);
            wide(|| {
                for row in c.chunks_exact_mut(w.outputs) {
                    row.iter_mut().zip(&w.scales).for_each(|(v, s)| *v *= s);
                }
            });
        });
}

/// One block of rows of `a Wᵀ`, before the row scales: `a` 32 rows of `W`'s columns, `c` 32
/// rows of its rows.
fn block(a: &[u16], w: &Tiles, c: &mut [f32]) {
    assert!(available(), "AMX product called without AMX");
    // SAFETY: AMX is available (just asserted); `imp::rows` checks the lengths.
    unsafe { imp::rows(a, w, c) };
}

/// `x` rounded to the nearest bfloat16 (ties to even), as its bits. Only finite values
/// reach it here.
#[inline(always)]
pub(super) fn bf16(x: f32) -> u16 {
    let bits = x.to_bits();
    (bits.wrapping_add(0x7fff + ((bits >> 16) & 1)) >> 16) as u16
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
mod imp {
    use std::arch::asm;

    use super::{BLOCK, Tiles};

    /// Asks Linux for the tile registers (`arch_prctl(ARCH_REQ_XCOMP_PERM,
    /// XFEATURE_XTILEDATA)`) if the CPU has AMX with bfloat16.
    pub(super) fn enable() -> bool {
        const ARCH_REQ_XCOMP_PERM: libc::c_long = 0x1023;
        const XFEATURE_XTILEDATA: libc::c_long = 18;
        use std::arch::x86_64::{__cpuid, __cpuid_count};
        // SAFETY: CPUID exists on every x86-64. (These are `unsafe fn` in older Rust, the
        // workspace's minimum version among them.)
        #[allow(unused_unsafe)]
        let (leaves, features) = unsafe { (__cpuid(0).eax, __cpuid_count(7, 0).edx) };
        if leaves < 7 {
            return false;
        }
        let (tile, bf16) = (features >> 24 & 1 == 1, features >> 22 & 1 == 1);
        // SAFETY: a plain system call with integer arguments; it changes only which
        // register state the kernel saves for this process.
        tile && bf16
            && unsafe {
                libc::syscall(
                    libc::SYS_arch_prctl,
                    ARCH_REQ_XCOMP_PERM,
                    XFEATURE_XTILEDATA,
                )
            } == 0
    }

    /// The tile configuration: palette 1, eight tiles of 16 rows of 64 bytes.
    #[repr(C, align(64))]
    struct Config([u8; 64]);

    /// `c = a Wᵀ` (unscaled) for 32 rows: `a` 32 rows of `w.inputs` bfloat16 values, `c` 32
    /// rows of `w.outputs` floats.
    ///
    /// Tiles 0–3 sum a 32 × 32 block of `c`; tiles 4 and 5 hold 16 rows of `a` each, tiles
    /// 6 and 7 16 outputs' weights each, over 32 inputs a step.
    ///
    /// # Safety
    ///
    /// AMX must be [`super::available`], and the slices as long as said.
    pub(super) unsafe fn rows(a: &[u16], w: &Tiles, c: &mut [f32]) {
        let (inputs, outputs) = (w.inputs, w.outputs);
        assert!(a.len() == BLOCK * inputs && c.len() == BLOCK * outputs);
        let steps = inputs / BLOCK;
        let mut config = Config([0; 64]);
        config.0[0] = 1;
        for tile in 0..8 {
            config.0[16 + 2 * tile] = 64;
            config.0[48 + tile] = 16;
        }
        let (a_stride, c_stride) = (2 * inputs, 4 * outputs);
        // SAFETY: every address read or written below lies in `a`, `w.data` or `c` (16 rows
        // of 64 bytes at the given stride from each pointer), by the lengths asserted above
        // and those `Tiles::pack` checked.
        unsafe {
            asm!(
                "ldtilecfg [{}]",
                in(reg) config.0.as_ptr(),
                options(nostack, readonly, preserves_flags)
            );
            for block in (0..outputs).step_by(BLOCK) {
                asm!(
                    "tilezero tmm0",
                    "tilezero tmm1",
                    "tilezero tmm2",
                    "tilezero tmm3",
                    out("tmm0") _,
                    out("tmm1") _,
                    out("tmm2") _,
                    out("tmm3") _,
                    options(nostack, nomem, preserves_flags)
                );
                let weights = w.data.as_ptr().add(block * inputs);
                for step in 0..steps {
                    let a0 = a.as_ptr().add(step * BLOCK);
                    let w0 = weights.add(step * 512);
                    asm!(
                        // Each product follows the loads it needs, not all four: tile
                        // registers are not renamed, so this lets them overlap (5% faster).
                        "tileloadd tmm4, [{a0} + {a_stride}*1]",
                        "tileloadd tmm6, [{w0} + {w_stride}*1]",
                        "tdpbf16ps tmm0, tmm4, tmm6",
                        "tileloadd tmm7, [{w1} + {w_stride}*1]",
                        "tdpbf16ps tmm1, tmm4, tmm7",
                        "tileloadd tmm5, [{a1} + {a_stride}*1]",
                        "tdpbf16ps tmm2, tmm5, tmm6",
                        "tdpbf16ps tmm3, tmm5, tmm7",
                        a0 = in(reg) a0,
                        a1 = in(reg) a0.add(16 * inputs),
                        w0 = in(reg) w0,
                        w1 = in(reg) w0.add(steps * 512),
                        a_stride = in(reg) a_stride,
                        w_stride = in(reg) 64usize,
                        out("tmm0") _,
                        out("tmm1") _,
                        out("tmm2") _,
                        out("tmm3") _,
                        out("tmm4") _,
                        out("tmm5") _,
                        out("tmm6") _,
                        out("tmm7") _,
                        options(nostack, readonly, preserves_flags)
                    );
                }
                let c0 = c.as_mut_ptr().add(block);
                asm!(
                    "tilestored [{c0} + {c_stride}*1], tmm0",
                    "tilestored [{c1} + {c_stride}*1], tmm1",
                    "tilestored [{c2} + {c_stride}*1], tmm2",
                    "tilestored [{c3} + {c_stride}*1], tmm3",
                    c0 = in(reg) c0,
                    c1 = in(reg) c0.add(16),
                    c2 = in(reg) c0.add(16 * outputs),
                    c3 = in(reg) c0.add(16 * outputs + 16),
                    c_stride = in(reg) c_stride,
                    options(nostack, preserves_flags)
                );
            }
            asm!("tilerelease", options(nostack, nomem, preserves_flags));
        }
    }
}

/// Elsewhere there is no AMX: [`available`] says so and nothing else is called.
#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
mod imp {
    use super::Tiles;

    pub(super) fn enable() -> bool {
        false
    }

    pub(super) unsafe fn rows(_: &[u16], _: &Tiles, _: &mut [f32]) {
        unreachable!("no AMX on this platform")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfloat16_rounds_to_nearest_and_keeps_small_integers() {
        assert_eq!(bf16(1.0), 0x3f80);
        assert_eq!(bf16(-127.0), 0xc2fe);
        // 1 + 2⁻⁸ lies halfway between 1 and 1 + 2⁻⁷: ties go to the even one, 1.
        assert_eq!(bf16(1.0 + 1.0 / 256.0), 0x3f80);
        assert_eq!(bf16(1.0 + 3.0 / 512.0), 0x3f81);
    }

    #[test]
    fn a_side_not_a_multiple_of_the_block_is_not_packed() {
        assert!(Tiles::pack(&[0; 32 * 48], &[1.0; 32], 32, 48).is_none());
        assert!(Tiles::pack(&[0; 32 * 64], &[1.0; 32], 32, 64).is_some());
    }

    /// The tile product agrees with a plain one over the same int8 weights, rows that are not
    /// a multiple of the block included.
    #[test]
    fn the_tile_product_agrees_with_a_plain_one() {
        if !available() {
            eprintln!("no AMX on this machine: the tile product is not run");
            return;
        }
        let (rows, inputs, outputs) = (37, 96, 64);
        let mut seed = 7u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as f32 / (1u32 << 24) as f32 - 0.5
        };
        let bytes: Vec<u8> = (0..outputs * inputs)
            .map(|_| (next() * 254.0).round() as i8 as u8)
            .collect();
        let scales: Vec<f32> = (0..outputs).map(|_| 0.01 + next().abs() / 10.0).collect();
        let x: Vec<f32> = (0..rows * inputs).map(|_| 3.0 * next()).collect();
        let w = Tiles::pack(&bytes, &scales, outputs, inputs).unwrap();
        let mut a = Vec::new();
        rows_in_bf16(&x, inputs, &mut a);
        // Both ways of taking the product: whole, and block by block with the scales
        // applied after.
        let mut whole = vec![f32::NAN; a.len() / inputs * outputs];
        product_into(&a, &w, &mut whole);
        let mut got = vec![f32::NAN; rows * outputs];
        let outs = got.par_chunks_mut(BLOCK * outputs);
        product(&a, &w, outs, |out, block| {
            for (o, b) in out
                .chunks_exact_mut(outputs)
                .zip(block.chunks_exact(outputs))
            {
                o.iter_mut()
                    .zip(b)
                    .zip(w.scales())
                    .for_each(|((o, b), s)| *o = b * s);
            }
        });
        assert_eq!(got[..], whole[..rows * outputs]);
        for r in 0..rows {
            for o in 0..outputs {
                let (mut want, mut size) = (0.0f64, 0.0f64);
                for i in 0..inputs {
                    let term = f64::from(x[r * inputs + i])
                        * f64::from(bytes[o * inputs + i] as i8)
                        * f64::from(scales[o]);
                    want += term;
                    size += term.abs();
                }
                // Each input is rounded by at most 2⁻⁸ of itself.
                let error = (f64::from(got[r * outputs + o]) - want).abs();
                assert!(
                    error <= size / 256.0 + 1e-5,
                    "row {r}, output {o}: {} vs {want}",
                    got[r * outputs + o]
                );
            }
        }
    }
}
