//! Trading fees: charged on notional, rounded up, split between LPs and the treasury.

use super::{
    bounds::{check_amount, mul_bps_ceil, MAX_AMOUNT, MAX_LEVERAGE},
    MathError,
};

/// `collateral × leverage`, at most `MAX_AMOUNT` (`collateral ≤ MAX_AMOUNT` and
/// `leverage ≤ 100` keep the product below 10^17 < 2^64 before the check).
pub fn notional(collateral: u64, leverage: u64) -> Result<u64, MathError> {
    if leverage == 0 || leverage > MAX_LEVERAGE {
        return Err(MathError::OutOfBounds);
    }
    let product = check_amount(collateral)?.wrapping_mul(leverage);
    if product > MAX_AMOUNT {
        return Err(MathError::Overflow);
    }
    Ok(product)
}

/// Fee on `notional` at `fee_bps`, rounded up.
pub fn fee(notional: u64, fee_bps: u64) -> Result<u64, MathError> {
    mul_bps_ceil(notional, fee_bps)
}

/// A fee divided between liquidity providers and the treasury.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeSplit {
    /// Stays in the pool's liquidity (rounded up: LPs carry the risk).
    pub lp: u64,
    /// Owed to the treasury.
    pub treasury: u64,
}

/// Splits `fee` with `lp_share_bps` of it to LPs.
pub fn split(fee: u64, lp_share_bps: u64) -> Result<FeeSplit, MathError> {
    let lp = mul_bps_ceil(fee, lp_share_bps)?;
    Ok(FeeSplit { lp, treasury: fee - lp })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_rounds_up() {
        assert_eq!(fee(10_001, 10), Ok(11));
        assert_eq!(fee(10_000, 10), Ok(10));
        assert_eq!(fee(1, 1), Ok(1));
        assert_eq!(fee(0, 100), Ok(0));
    }

    #[test]
    fn split_is_exhaustive() {
        assert_eq!(split(11, 7_000), Ok(FeeSplit { lp: 8, treasury: 3 }));
        assert_eq!(split(11, 10_000), Ok(FeeSplit { lp: 11, treasury: 0 }));
        assert_eq!(split(11, 0), Ok(FeeSplit { lp: 0, treasury: 11 }));
    }

    #[test]
    fn notional_is_bounded() {
        assert_eq!(notional(1_000, 5), Ok(5_000));
        assert_eq!(notional(MAX_AMOUNT, 2), Err(MathError::Overflow));
        assert_eq!(notional(1, 0), Err(MathError::OutOfBounds));
        assert_eq!(notional(1, 101), Err(MathError::OutOfBounds));
    }
}
