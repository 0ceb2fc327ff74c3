//! The ranges every math input is checked against.

/// Basis points denominator (index and fee scale).
pub const BPS: u64 = 10_000;
/// Largest token amount (collateral, notional, liquidity) the math accepts: 10^15 base units
/// (one billion tokens at 6 decimals). `MAX_AMOUNT × BPS = 10^19 < 2^64`, so an amount times a
/// basis-point value never overflows.
pub const MAX_AMOUNT: u64 = 1_000_000_000_000_000;
/// Largest leverage multiplier.
pub const MAX_LEVERAGE: u64 = 100;

/// Checks `value ≤ BPS`.
#[inline(always)]
pub fn check_bps(value: u64) -> Result<u64, super::MathError> {
    if value > BPS {
        return Err(super::MathError::OutOfBounds);
    }
    Ok(value)
}

/// Checks `value ≤ MAX_AMOUNT`.
#[inline(always)]
pub fn check_amount(value: u64) -> Result<u64, super::MathError> {
    if value > MAX_AMOUNT {
        return Err(super::MathError::OutOfBounds);
    }
    Ok(value)
}

/// `amount × bps / BPS` rounded down. Bounds: `amount ≤ MAX_AMOUNT`, `bps ≤ BPS`, so the
/// product is at most 10^19 < 2^64.
#[inline(always)]
pub fn mul_bps_floor(amount: u64, bps: u64) -> Result<u64, super::MathError> {
    let product = check_amount(amount)?.wrapping_mul(check_bps(bps)?);
    Ok(product / BPS)
}

/// `amount × bps / BPS` rounded up (same bounds as [`mul_bps_floor`]).
#[inline(always)]
pub fn mul_bps_ceil(amount: u64, bps: u64) -> Result<u64, super::MathError> {
    let product = check_amount(amount)?.wrapping_mul(check_bps(bps)?);
    Ok(product.div_ceil(BPS))
}
