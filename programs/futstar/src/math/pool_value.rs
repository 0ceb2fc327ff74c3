//! What a pool is worth to its LPs: liquidity minus the open positions' unrealised PnL, marked
//! at the feed's current index from the pool's aggregate book (no per-position loop).
//!
//! Per side the pool keeps open interest `oi = Σ notional` and `entry_sum = Σ notional × entry`,
//! so the traders' raw PnL is `(index × oi_long − entry_sum_long) / 10000` for longs and
//! `(entry_sum_short − index × oi_short) / 10000` for shorts. A position's real PnL is clamped to
//! `[−collateral, max_profit]`, which an aggregate cannot do position by position; the sum is
//! clamped to `[−collateral_locked, reserved]` instead and used asymmetrically, in the pool's
//! favour:
//! - deposit: `value = liquidity − pnl` (rounded down): a depositor pays for the traders'
//!   unrealised losses, so nobody buys shares cheaply while the pool is winning;
//! - withdraw: `value = liquidity − max(pnl, 0)` (rounded up): a leaver bears the traders'
//!   unrealised gains, and takes no credit for their losses (which the aggregate may overstate
//!   for a position past its stop-out), so nobody exits ahead of a pool loss.

use super::{
    bounds::{check_amount, check_bps, BPS},
    MathError,
};

/// The pool's aggregate book of open (filled) positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct OpenBook {
    pub liquidity: u64,
    pub reserved: u64,
    pub collateral_locked: u64,
    pub oi_long: u64,
    pub entry_sum_long: u64,
    pub oi_short: u64,
    pub entry_sum_short: u64,
}

/// A position's weight in `entry_sum`: `notional × entry_bps`. Bounds: `notional ≤ MAX_AMOUNT`,
/// `entry ≤ 10000`, so the product is at most 10^19 < 2^64.
#[inline(always)]
pub fn entry_weight(notional: u64, entry_bps: u64) -> Result<u64, MathError> {
    Ok(check_amount(notional)?.wrapping_mul(check_bps(entry_bps)?))
}

/// `(gain − loss) / BPS` for `gain, loss ≤ 10^19`, rounded down or up; fits `i64` (≤ 10^15).
#[inline(always)]
fn signed_bps_div(gain: u64, loss: u64, round_up: bool) -> i64 {
    if gain >= loss {
        let x = gain - loss;
        (if round_up { x.div_ceil(BPS) } else { x / BPS }) as i64
    } else {
        let x = loss - gain;
        -((if round_up { x / BPS } else { x.div_ceil(BPS) }) as i64)
    }
}

/// One side's raw PnL for the traders; `long` decides the sign convention.
#[inline(always)]
fn side_pnl(oi: u64, entry_sum: u64, index: u64, long: bool, round_up: bool) -> Result<i64, MathError> {
    let marked = entry_weight(oi, index)?;
    if entry_sum > check_amount(oi)?.wrapping_mul(BPS) {
        return Err(MathError::OutOfBounds);
    }
    Ok(if long { signed_bps_div(marked, entry_sum, round_up) } else { signed_bps_div(entry_sum, marked, round_up) })
}

/// The traders' unrealised PnL at `index_bps`, clamped to `[−collateral_locked, reserved]`,
/// rounded up (`round_up`) or down.
pub fn traders_pnl(book: &OpenBook, index_bps: u64, round_up: bool) -> Result<i64, MathError> {
    let index = check_bps(index_bps)?;
    let long = side_pnl(book.oi_long, book.entry_sum_long, index, true, round_up)?;
    let short = side_pnl(book.oi_short, book.entry_sum_short, index, false, round_up)?;
    let floor = check_amount(book.collateral_locked)? as i64;
    let cap = check_amount(book.reserved)? as i64;
    // Each side is within ±10^15, so the sum cannot overflow i64.
    Ok((long + short).clamp(-floor, cap))
}

/// Pool value that prices a deposit (see the module docs).
pub fn deposit_value(book: &OpenBook, index_bps: u64) -> Result<u64, MathError> {
    let pnl = traders_pnl(book, index_bps, false)?;
    let magnitude = pnl.unsigned_abs();
    if pnl >= 0 {
        book.liquidity.checked_sub(magnitude).ok_or(MathError::OutOfBounds)
    } else {
        book.liquidity.checked_add(magnitude).ok_or(MathError::Overflow)
    }
}

/// Pool value that prices a withdrawal (see the module docs).
pub fn withdraw_value(book: &OpenBook, index_bps: u64) -> Result<u64, MathError> {
    let pnl = traders_pnl(book, index_bps, true)?;
    book.liquidity.checked_sub(pnl.max(0) as u64).ok_or(MathError::OutOfBounds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book_with(side_long: bool, notional: u64, entry: u64) -> OpenBook {
        let mut b = OpenBook { liquidity: 1_000_000, reserved: 0, collateral_locked: notional / 10, ..OpenBook::default() };
        let room = if side_long { BPS - entry } else { entry };
        b.reserved = notional * room / BPS;
        if side_long {
            b.oi_long = notional;
            b.entry_sum_long = notional * entry;
        } else {
            b.oi_short = notional;
            b.entry_sum_short = notional * entry;
        }
        b
    }

    #[test]
    fn an_empty_book_is_worth_its_liquidity() {
        let b = OpenBook { liquidity: 777, ..OpenBook::default() };
        for index in [0, 5_000, 10_000] {
            assert_eq!(deposit_value(&b, index), Ok(777));
            assert_eq!(withdraw_value(&b, index), Ok(777));
        }
    }

    #[test]
    fn winning_traders_lower_the_value_both_ways() {
        // A 100,000 long from 5000, index now 6000: traders are up 10,000.
        let b = book_with(true, 100_000, 5_000);
        assert_eq!(traders_pnl(&b, 6_000, false), Ok(10_000));
        assert_eq!(deposit_value(&b, 6_000), Ok(990_000));
        assert_eq!(withdraw_value(&b, 6_000), Ok(990_000));
    }

    #[test]
    fn losing_traders_raise_only_the_deposit_price() {
        // A 100,000 short from 5000, index now 5400: traders are down 4,000 (collateral 10,000).
        let b = book_with(false, 100_000, 5_000);
        assert_eq!(traders_pnl(&b, 5_400, false), Ok(-4_000));
        assert_eq!(deposit_value(&b, 5_400), Ok(1_004_000));
        assert_eq!(withdraw_value(&b, 5_400), Ok(1_000_000));
    }

    #[test]
    fn the_aggregate_is_clamped_to_collateral_and_reservations() {
        // Long 100,000 from 5000 with 10,000 collateral: at index 0 the raw loss is 50,000.
        let b = book_with(true, 100_000, 5_000);
        assert_eq!(traders_pnl(&b, 0, false), Ok(-10_000));
        assert_eq!(traders_pnl(&b, 10_000, true), Ok(50_000));
        let capped = OpenBook { reserved: 20_000, ..b };
        assert_eq!(traders_pnl(&capped, 10_000, true), Ok(20_000));
    }

    #[test]
    fn rounding_favours_the_pool() {
        // 3 units long from 3333, index 3334: raw gain 3/10000 of a unit.
        let b = OpenBook { liquidity: 100, reserved: 3, collateral_locked: 1, oi_long: 3, entry_sum_long: 3 * 3_333, ..OpenBook::default() };
        assert_eq!(withdraw_value(&b, 3_334), Ok(99));
        assert_eq!(deposit_value(&b, 3_334), Ok(100));
        // Index 3332: raw loss 3/10000 of a unit.
        assert_eq!(deposit_value(&b, 3_332), Ok(101));
        assert_eq!(withdraw_value(&b, 3_332), Ok(100));
    }

    #[test]
    fn inconsistent_or_out_of_range_inputs_are_errors() {
        let b = OpenBook { liquidity: 10, oi_long: 1, entry_sum_long: 10_001, ..OpenBook::default() };
        assert_eq!(deposit_value(&b, 5_000), Err(MathError::OutOfBounds));
        let ok = OpenBook { liquidity: 10, ..OpenBook::default() };
        assert_eq!(withdraw_value(&ok, 10_001), Err(MathError::OutOfBounds));
        assert_eq!(entry_weight(crate::math::bounds::MAX_AMOUNT + 1, 1), Err(MathError::OutOfBounds));
    }

    #[test]
    fn extremes_do_not_overflow() {
        let max = crate::math::bounds::MAX_AMOUNT;
        let full = OpenBook { liquidity: max, reserved: max, collateral_locked: max, oi_long: max, oi_short: max, ..OpenBook::default() };
        // Longs entered at 0 and shorts at 10000: at either end one side is up the whole notional.
        let winning = OpenBook { entry_sum_short: max * BPS, ..full };
        assert_eq!(traders_pnl(&winning, 10_000, true), Ok(max as i64));
        assert_eq!(withdraw_value(&winning, 0), Ok(0));
        // Longs entered at 10000 and shorts at 0: at 5000 both sides are down half the notional.
        let losing = OpenBook { entry_sum_long: max * BPS, ..full };
        assert_eq!(traders_pnl(&losing, 5_000, false), Ok(-(max as i64)));
        assert_eq!(deposit_value(&losing, 5_000), Ok(2 * max));
        assert_eq!(withdraw_value(&losing, 5_000), Ok(max));
    }
}
