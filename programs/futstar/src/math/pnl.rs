//! Profit and loss of a position on the momentum index.
//!
//! `pnl = notional × (exit − entry) / 10000 × side`, a profit rounded down and a loss rounded up
//! (the pool's favour), floored at `−collateral` and capped at `+max_profit` (what was reserved).

use super::{
    bounds::{check_amount, check_bps, BPS},
    MathError,
};

/// Direction of a position on the home side's momentum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Gains when the index rises (home momentum grows).
    Long,
    /// Gains when the index falls.
    Short,
}

impl Side {
    /// Decodes the wire byte (0 long, 1 short).
    pub fn from_u8(value: u8) -> Option<Side> {
        match value {
            0 => Some(Side::Long),
            1 => Some(Side::Short),
            _ => None,
        }
    }
}

/// What a position locked in at open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PositionTerms {
    pub side: Side,
    pub collateral: u64,
    pub notional: u64,
    pub entry_bps: u64,
    pub max_profit: u64,
}

/// Signed PnL at `exit_bps`. Bounds: amounts ≤ `MAX_AMOUNT`, indices ≤ 10000, so
/// `notional × |exit − entry| ≤ 10^19 < 2^64` and every result fits in `i64`.
pub fn pnl(terms: &PositionTerms, exit_bps: u64) -> Result<i64, MathError> {
    let notional = check_amount(terms.notional)?;
    let collateral = check_amount(terms.collateral)?;
    let max_profit = check_amount(terms.max_profit)?;
    let entry = check_bps(terms.entry_bps)?;
    let exit = check_bps(exit_bps)?;
    let (gain, diff) = match terms.side {
        Side::Long if exit >= entry => (true, exit - entry),
        Side::Long => (false, entry - exit),
        Side::Short if entry >= exit => (true, entry - exit),
        Side::Short => (false, exit - entry),
    };
    let product = notional.wrapping_mul(diff);
    if gain {
        Ok((product / BPS).min(max_profit) as i64)
    } else {
        Ok(-(product.div_ceil(BPS).min(collateral) as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(side: Side, entry: u64) -> PositionTerms {
        PositionTerms { side, collateral: 1_000, notional: 10_000, entry_bps: entry, max_profit: 5_000 }
    }

    #[test]
    fn long_and_short_are_mirror_images() {
        assert_eq!(pnl(&terms(Side::Long, 5000), 5100), Ok(100));
        assert_eq!(pnl(&terms(Side::Short, 5000), 5100), Ok(-100));
        assert_eq!(pnl(&terms(Side::Short, 5000), 4900), Ok(100));
    }

    #[test]
    fn losses_round_up_and_profits_round_down() {
        let t = PositionTerms { side: Side::Long, collateral: 1_000, notional: 3, entry_bps: 5000, max_profit: 10 };
        assert_eq!(pnl(&t, 5001), Ok(0));
        assert_eq!(pnl(&t, 4999), Ok(-1));
    }

    #[test]
    fn loss_is_floored_at_collateral_and_profit_capped() {
        assert_eq!(pnl(&terms(Side::Long, 5000), 0), Ok(-1_000));
        assert_eq!(pnl(&terms(Side::Long, 0), 10_000), Ok(5_000));
    }

    #[test]
    fn rejects_out_of_range_inputs() {
        assert_eq!(pnl(&terms(Side::Long, 10_001), 0), Err(MathError::OutOfBounds));
        assert_eq!(pnl(&terms(Side::Long, 0), 10_001), Err(MathError::OutOfBounds));
        let mut t = terms(Side::Long, 0);
        t.notional = super::super::bounds::MAX_AMOUNT + 1;
        assert_eq!(pnl(&t, 1), Err(MathError::OutOfBounds));
    }
}
