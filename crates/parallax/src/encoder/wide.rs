//! The steps between the encoder's matrix products, on the CPU's wide vector registers.
//!
//! The engine is compiled for any x86-64, whose vectors hold four floats (SSE2). The loops
//! of [`super::bert`] between its matrix products (GELU, layer norms, softmax, attention)
//! are written so the compiler can vectorize them: no calls per value (hence [`exp`] here
//! rather than libm's) and sums kept in lanes ([`sum`]). [`wide`] and [`wide_fn`] compile
//! such a loop twice more, for AVX-512 (sixteen floats) and AVX2 (eight), and run the copy
//! the CPU can. Plain `#[target_feature]` and std's cached CPU check are all it takes, so
//! no crate is added for it.

/// Runs `f`, compiled for AVX-512 or AVX2 (with FMA) when the CPU has them. `f` and what
/// it calls must be inlined into it for that: a small closure is, helpers here are
/// `#[inline(always)]`; a larger body is a function of its own, written with [`wide_fn`].
#[inline(always)]
pub(super) fn wide<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    {
        if has_avx512() {
            // SAFETY: the CPU has the features `avx512` is compiled for, just checked.
            return unsafe { avx512(f) };
        }
        if has_avx2() {
            // SAFETY: the CPU has the features `avx2` is compiled for, just checked.
            return unsafe { avx2(f) };
        }
    }
    f()
}

/// True when the CPU has AVX2 and FMA (std checks once and keeps the answer).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(super) fn has_avx2() -> bool {
    std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
}

/// True when the CPU has AVX-512 (foundation, byte and word, double and quad word, vector
/// length), and AVX2, FMA and F16C.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(super) fn has_avx512() -> bool {
    use std::arch::is_x86_feature_detected as has;
    // `avx512f` implies `f16c` to the compiler, so that is checked too.
    has!("avx512f")
        && has!("avx512bw")
        && has!("avx512dq")
        && has!("avx512vl")
        && has!("f16c")
        && has_avx2()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn avx2<R>(f: impl FnOnce() -> R) -> R {
    f()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma,avx512f,avx512bw,avx512dq,avx512vl")]
fn avx512<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// How a build of a loop multiplies and adds (`a × b + c`): see [`Fused`] and [`Apart`].
/// Loops written with [`wide_fn`] take it as a type parameter, so each build uses its own.
pub(super) trait MulAdd {
    fn mul_add(a: f32, b: f32, c: f32) -> f32;
}

/// One instruction, rounded once: what the builds for AVX2 and AVX-512 (which have FMA) and
/// for ARM use. In the attention's and GELU's loops, a multiply and its add are most of the
/// work, so fusing them takes half the instructions.
pub(super) enum Fused {}

impl MulAdd for Fused {
    #[inline(always)]
    fn mul_add(a: f32, b: f32, c: f32) -> f32 {
        a.mul_add(b, c)
    }
}

/// A multiply, then an add: for an x86-64 without FMA, where `f32::mul_add` is a call to
/// libm's software `fmaf`, many times slower.
pub(super) enum Apart {}

impl MulAdd for Apart {
    #[inline(always)]
    fn mul_add(a: f32, b: f32, c: f32) -> f32 {
        a * b + c
    }
}

/// How the plain build multiplies and adds: every ARM64 CPU has FMA, an x86-64 may not.
#[cfg(target_arch = "aarch64")]
pub(super) type Plain = Fused;
#[cfg(not(target_arch = "aarch64"))]
pub(super) type Plain = Apart;

/// `fn name<M>(args) { body }`, with the body run compiled for AVX-512 or AVX2 when the CPU
/// has them, as [`wide`] runs a closure: for a body too large for a closure to be inlined
/// into [`wide`]. `M` (any name; it may be left out) is the build's [`MulAdd`]. Its
/// arguments may not be generic.
macro_rules! wide_fn {
    ($(#[$meta:meta])* fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $crate::encoder::wide::wide_fn! {
            $(#[$meta])* fn $name<_M>($($arg: $ty),*) $(-> $ret)? $body
        }
    };
    ($(#[$meta:meta])* fn $name:ident<$m:ident>($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $(#[$meta])*
        fn $name($($arg: $ty),*) $(-> $ret)? {
            #[inline(always)]
            fn plain<$m: $crate::encoder::wide::MulAdd>($($arg: $ty),*) $(-> $ret)? $body
            #[cfg(target_arch = "x86_64")]
            {
                use $crate::encoder::wide::Fused;
                #[target_feature(enable = "avx2,fma,avx512f,avx512bw,avx512dq,avx512vl")]
                fn avx512($($arg: $ty),*) $(-> $ret)? {
                    plain::<Fused>($($arg),*)
                }
                #[target_feature(enable = "avx2,fma")]
                fn avx2($($arg: $ty),*) $(-> $ret)? {
                    plain::<Fused>($($arg),*)
                }
                if $crate::encoder::wide::has_avx512() {
                    // SAFETY: the CPU has the features `avx512` is compiled for, just checked.
                    return unsafe { avx512($($arg),*) };
                }
                if $crate::encoder::wide::has_avx2() {
                    // SAFETY: the CPU has AVX2 and FMA, just checked.
                    return unsafe { avx2($($arg),*) };
                }
            }
            plain::<$crate::encoder::wide::Plain>($($arg),*)
        }
    };
}
pub(super) use wide_fn;

/// Lanes a sum is kept in: the sum of a slice is a chain of additions the compiler may not
/// reorder (floating-point addition is not associative), so it would not vectorize.
const LANES: usize = 16;

/// The sum of `f` over `v`, kept in [`LANES`] lanes.
#[inline(always)]
pub(super) fn sum(v: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut lanes = [0.0f32; LANES];
    let chunks = v.chunks_exact(LANES);
    let rest: f32 = chunks.remainder().iter().map(|&x| f(x)).sum();
    for chunk in chunks {
        for (l, &x) in lanes.iter_mut().zip(chunk) {
            *l += f(x);
        }
    }
    fold_lanes(lanes, |a, b| a + b) + rest
}

/// The lanes folded by `f` as a tree (8 pairs, then 4, 2, 1): four steps, each waiting on
/// the one before, where a fold from the first lane to the last takes fifteen. Short sums
/// (a softmax over 30 keys) would wait on that chain more than on their additions.
#[inline(always)]
fn fold_lanes(lanes: [f32; LANES], f: impl Fn(f32, f32) -> f32) -> f32 {
    // Hidden from the optimizer: seeing the tree, it regrouped the loop that fills the lanes
    // (one register of 16) into eight registers of two, a quarter of the speed.
    let mut lanes = std::hint::black_box(lanes);
    let mut half = LANES / 2;
    while half > 0 {
        for i in 0..half {
            lanes[i] = f(lanes[i], lanes[i + half]);
        }
        half /= 2;
    }
    lanes[0]
}

/// `a · b` (of equal lengths), kept in [`LANES`] lanes as [`sum`] is.
#[inline(always)]
pub(super) fn dot<M: MulAdd>(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0f32; LANES];
    let (x, y) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let rest: f32 = x
        .remainder()
        .iter()
        .zip(y.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in x.zip(y) {
        for ((l, x), y) in lanes.iter_mut().zip(x).zip(y) {
            *l = M::mul_add(*x, *y, *l);
        }
    }
    fold_lanes(lanes, |a, b| a + b) + rest
}

/// The greatest of `v` (`-∞` when it is empty; `v` holds no NaN), kept in [`LANES`] lanes:
/// `f32::max` passes NaN over, a rule the compiler keeps by comparing one value at a time.
#[inline(always)]
pub(super) fn greatest(v: &[f32]) -> f32 {
    let mut lanes = [f32::NEG_INFINITY; LANES];
    let chunks = v.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        for (l, &x) in lanes.iter_mut().zip(chunk) {
            *l = if x > *l { x } else { *l };
        }
    }
    let most = |a: f32, b: f32| if a > b { a } else { b };
    rest.iter().copied().fold(fold_lanes(lanes, most), most)
}

/// `eˣ` in plain arithmetic, so a loop of it vectorizes (libm's `expf` is a call a value):
/// `x = n ln 2 + r` with `|r| ≤ ln 2 / 2`, `eʳ` by its series to `r⁶` (the next term is at
/// most 1.2e-7 of it), times `2ⁿ` written into the exponent's bits. `x` is held to
/// [-87, 88], where `eˣ` is a normal float: below, the result is some 1e-38, not 0.
#[inline(always)]
pub(super) fn exp<M: MulAdd>(x: f32) -> f32 {
    // Adding 1.5 × 2²³ rounds a float of magnitude below 2²² to an integer.
    const ROUND: f32 = 12_582_912.0;
    // ln 2 in two parts (Cody and Waite): `n × LN2_HI` is exact for the `n` here.
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    let x = x.clamp(-87.0, 88.0);
    let shifted = M::mul_add(x, std::f32::consts::LOG2_E, ROUND);
    let n = shifted - ROUND;
    let r = M::mul_add(-n, LN2_LO, M::mul_add(-n, LN2_HI, x));
    let series = [1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 1.0 / 2.0, 1.0, 1.0]
        .into_iter()
        .fold(1.0 / 720.0, |p, c| M::mul_add(p, r, c));
    // `n` is also in the low bits of `shifted` (whose last place is 1), so `2ⁿ` is taken
    // from them by integer operations: `n as i32` is a saturating conversion, which the
    // compiler does not vectorize.
    const ROUND_BITS: u32 = 0x4b40_0000;
    let two_to_n = (shifted.to_bits().wrapping_sub(ROUND_BITS).wrapping_add(127)) << 23;
    f32::from_bits(two_to_n) * series
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_agrees_with_libm_across_its_range() {
        fn check<M: MulAdd>() {
            let mut x = -87.0f32;
            while x <= 88.0 {
                let (got, want) = (exp::<M>(x), x.exp());
                assert!(
                    ((got - want) / want).abs() < 4e-7,
                    "exp({x}) = {got}, libm {want}"
                );
                x += 0.0137;
            }
            assert_eq!(exp::<M>(0.0), 1.0);
            assert!(exp::<M>(-1e4) < 1e-37 && exp::<M>(-f32::INFINITY) < 1e-37);
            assert!(exp::<M>(f32::NAN).is_nan());
        }
        check::<Apart>();
        check::<Fused>();
    }

    #[test]
    fn the_greatest_in_lanes_is_the_greatest() {
        assert_eq!(greatest(&[]), f32::NEG_INFINITY);
        for n in [1, 15, 16, 17, 40] {
            let v: Vec<f32> = (0..n).map(|k| ((k * 7) % 11) as f32 - 20.0).collect();
            let want = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            assert_eq!(greatest(&v), want, "{n} values");
        }
        assert_eq!(
            greatest(
                &[-3.0; 20]
                    .map(|x: f32| x)
                    .into_iter()
                    .chain([5.0])
                    .collect::<Vec<_>>()
            ),
            5.0
        );
    }

    #[test]
    fn sums_in_lanes_match_a_plain_sum() {
        for n in [0, 1, 15, 16, 17, 384, 1000] {
            let v: Vec<f32> = (0..n).map(|k| (k % 7) as f32 - 3.0).collect();
            let plain: f32 = v.iter().map(|x| x * x).sum();
            assert_eq!(sum(&v, |x| x * x), plain, "{n} values");
            assert_eq!(wide(|| sum(&v, |x| x)), v.iter().sum::<f32>());
        }
    }
}
