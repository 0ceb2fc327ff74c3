//! 64×64→128-bit multiply and 128/64 division over `u64` halves (no u128 on BPF).

use super::MathError;

const LOW32: u64 = 0xFFFF_FFFF;
const BASE32: u64 = 1 << 32;

/// `a × b` as `(high, low)` 64-bit halves. Each partial product multiplies two values below
/// 2^32, so it is below 2^64; the middle sum is below 3·2^32.
#[inline(always)]
pub fn wide_mul(a: u64, b: u64) -> (u64, u64) {
    let (a1, a0) = (a >> 32, a & LOW32);
    let (b1, b0) = (b >> 32, b & LOW32);
    let p00 = a0.wrapping_mul(b0);
    let p01 = a0.wrapping_mul(b1);
    let p10 = a1.wrapping_mul(b0);
    let p11 = a1.wrapping_mul(b1);
    let mid = (p00 >> 32).wrapping_add(p01 & LOW32).wrapping_add(p10 & LOW32);
    let low = (mid << 32) | (p00 & LOW32);
    let high = p11.wrapping_add(p01 >> 32).wrapping_add(p10 >> 32).wrapping_add(mid >> 32);
    (high, low)
}

/// Divides the 128-bit `(high, low)` by `divisor`, returning `(quotient, remainder)`.
/// Fails when `divisor` is zero or the quotient needs more than 64 bits (`high ≥ divisor`).
/// Knuth's algorithm D with 32-bit digits (Hacker's Delight `divlu`): every intermediate product
/// is of a value below 2^32 by a value below 2^32 (the `q ≥ BASE32` test short-circuits first).
pub fn wide_div(high: u64, low: u64, divisor: u64) -> Result<(u64, u64), MathError> {
    if divisor == 0 {
        return Err(MathError::DivisionByZero);
    }
    if high >= divisor {
        return Err(MathError::Overflow);
    }
    if high == 0 {
        return Ok((low / divisor, low % divisor));
    }
    let shift = divisor.leading_zeros();
    let v = divisor << shift;
    let (vn1, vn0) = (v >> 32, v & LOW32);
    let un32 = if shift == 0 { high } else { (high << shift) | (low >> (64 - shift)) };
    let un10 = low << shift;
    let (un1, un0) = (un10 >> 32, un10 & LOW32);

    let mut q1 = un32 / vn1;
    let mut rhat = un32 - q1.wrapping_mul(vn1);
    while q1 >= BASE32 || q1.wrapping_mul(vn0) > (rhat << 32).wrapping_add(un1) {
        q1 -= 1;
        rhat = rhat.wrapping_add(vn1);
        if rhat >= BASE32 {
            break;
        }
    }
    let un21 = (un32 << 32).wrapping_add(un1).wrapping_sub(q1.wrapping_mul(v));

    let mut q0 = un21 / vn1;
    rhat = un21 - q0.wrapping_mul(vn1);
    while q0 >= BASE32 || q0.wrapping_mul(vn0) > (rhat << 32).wrapping_add(un0) {
        q0 -= 1;
        rhat = rhat.wrapping_add(vn1);
        if rhat >= BASE32 {
            break;
        }
    }
    let remainder = (un21 << 32).wrapping_add(un0).wrapping_sub(q0.wrapping_mul(v)) >> shift;
    Ok(((q1 << 32) | q0, remainder))
}

/// `a × b / d` rounded down; errors on `d = 0` or a quotient above `u64::MAX`.
#[inline(always)]
pub fn mul_div_floor(a: u64, b: u64, d: u64) -> Result<u64, MathError> {
    let (high, low) = wide_mul(a, b);
    Ok(wide_div(high, low, d)?.0)
}

/// `a × b / d` rounded up; errors on `d = 0` or a quotient above `u64::MAX`.
#[inline(always)]
pub fn mul_div_ceil(a: u64, b: u64, d: u64) -> Result<u64, MathError> {
    let (high, low) = wide_mul(a, b);
    let (q, r) = wide_div(high, low, d)?;
    if r == 0 {
        Ok(q)
    } else {
        q.checked_add(1).ok_or(MathError::Overflow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(a: u64, b: u64, d: u64) -> Option<(u64, u64)> {
        if d == 0 {
            return None;
        }
        let p = a as u128 * b as u128;
        let q = p / d as u128;
        (q <= u64::MAX as u128).then(|| (q as u64, (p % d as u128) as u64))
    }

    #[test]
    fn wide_mul_matches_u128() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let (a, b) = (x, x.rotate_left(23) >> (x % 64));
            let p = a as u128 * b as u128;
            assert_eq!(wide_mul(a, b), ((p >> 64) as u64, p as u64));
        }
    }

    #[test]
    fn wide_div_matches_u128_including_edges() {
        let edges = [0u64, 1, 2, 3, 0xFFFF_FFFF, 1 << 32, (1 << 32) + 1, u64::MAX - 1, u64::MAX, 10_000];
        for &a in &edges {
            for &b in &edges {
                for &d in &edges {
                    let got = wide_mul(a, b);
                    let got = wide_div(got.0, got.1, d).ok();
                    assert_eq!(got, reference(a, b, d), "{a} * {b} / {d}");
                }
            }
        }
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let a = x >> (x % 61);
            let b = x.rotate_left(17) >> ((x >> 8) % 61);
            let d = x.rotate_left(41) >> ((x >> 16) % 63);
            let (h, l) = wide_mul(a, b);
            assert_eq!(wide_div(h, l, d).ok(), reference(a, b, d), "{a} * {b} / {d}");
        }
    }

    #[test]
    fn mul_div_rounds_both_ways() {
        assert_eq!(mul_div_floor(7, 3, 2), Ok(10));
        assert_eq!(mul_div_ceil(7, 3, 2), Ok(11));
        assert_eq!(mul_div_ceil(6, 3, 2), Ok(9));
        assert_eq!(mul_div_floor(u64::MAX, u64::MAX, u64::MAX), Ok(u64::MAX));
        assert_eq!(mul_div_floor(u64::MAX, 2, 1), Err(MathError::Overflow));
        assert_eq!(mul_div_floor(1, 1, 0), Err(MathError::DivisionByZero));
    }
}
