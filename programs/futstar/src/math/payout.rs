//! Maximum payout reserved at open, and the settlement of a position at its exit index.

use super::{
    bounds::{check_amount, check_bps, mul_bps_ceil, BPS},
    fees::fee,
    pnl::{pnl, PositionTerms, Side},
    MathError,
};

/// Largest profit a position can make: long `notional × (10000 − entry) / 10000`, short
/// `notional × entry / 10000`, rounded up (reserving more is the pool's side), capped by `cap`.
pub fn max_profit(side: Side, notional: u64, entry_bps: u64, cap: u64) -> Result<u64, MathError> {
    let entry = check_bps(entry_bps)?;
    let room = match side {
        Side::Long => BPS - entry,
        Side::Short => entry,
    };
    Ok(mul_bps_ceil(notional, room)?.min(check_amount(cap)?))
}

/// The outcome of closing a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settlement {
    /// Signed PnL (see [`pnl`]).
    pub pnl: i64,
    /// Close fee actually charged (never more than the equity left).
    pub fee: u64,
    /// Tokens paid to the owner: `collateral + pnl − fee`.
    pub payout: u64,
}

/// Settles `terms` at `exit_bps` with a close fee of `close_fee_bps` on notional.
pub fn settle(terms: &PositionTerms, exit_bps: u64, close_fee_bps: u64) -> Result<Settlement, MathError> {
    let pnl = pnl(terms, exit_bps)?;
    let magnitude = pnl.unsigned_abs();
    // pnl ≥ −collateral, so equity ≥ 0; collateral + max_profit ≤ 2·MAX_AMOUNT fits.
    let equity = if pnl >= 0 { terms.collateral + magnitude } else { terms.collateral - magnitude };
    let fee = fee(terms.notional, close_fee_bps)?.min(equity);
    Ok(Settlement { pnl, fee, payout: equity - fee })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_profit_by_side() {
        assert_eq!(max_profit(Side::Long, 10_000, 6_000, crate::math::bounds::MAX_AMOUNT), Ok(4_000));
        assert_eq!(max_profit(Side::Short, 10_000, 6_000, 100_000), Ok(6_000));
        assert_eq!(max_profit(Side::Short, 10_000, 6_000, 1_000), Ok(1_000));
        assert_eq!(max_profit(Side::Long, 3, 5_001, 10), Ok(2));
    }

    #[test]
    fn settlement_charges_fee_from_equity() {
        let t = PositionTerms { side: Side::Long, collateral: 1_000, notional: 10_000, entry_bps: 5_000, max_profit: 5_000 };
        assert_eq!(settle(&t, 5_100, 10), Ok(Settlement { pnl: 100, fee: 10, payout: 1_090 }));
        assert_eq!(settle(&t, 4_000, 10), Ok(Settlement { pnl: -1_000, fee: 0, payout: 0 }));
        assert_eq!(settle(&t, 4_005, 100), Ok(Settlement { pnl: -995, fee: 5, payout: 0 }));
    }
}
