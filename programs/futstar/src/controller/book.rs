//! Position bookkeeping across the pool, the position and its trader. No token moves here:
//! the instruction transfers what these functions return, then checks solvency.
use crate::{
    error::FutstarError,
    math::{
        bounds::MAX_AMOUNT,
        fees::{split, FeeSplit},
        payout::{max_profit, settle, Settlement},
        pnl::Side,
        pool_value::entry_weight,
    },
    state::{
        pool::Pool,
        position::{Position, PositionStatus},
        trader::Trader,
    },
};

/// The three accounts a position's life touches.
pub struct Book<'a> {
    pub pool: &'a mut Pool,
    pub position: &'a mut Position,
    pub trader: &'a mut Trader,
}

/// Fee settings in force.
#[derive(Clone, Copy)]
pub struct Fees {
    pub close_bps: u16,
    pub lp_share_bps: u16,
}

/// Where and why a position exits.
#[derive(Clone, Copy)]
pub struct Exit {
    pub index_bps: u16,
    pub ts: i64,
    pub status: PositionStatus,
    pub now: i64,
}

/// Why a fill turned into a refund.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum RejectReason {
    /// The fill sample was not Live (half time, ended, abandoned).
    FeedNotLive = 0,
    /// Not enough free liquidity to reserve the maximum payout.
    InsufficientLiquidity = 1,
    /// Open interest per side would exceed the pool's limit.
    OpenInterest = 2,
    /// Long/short imbalance would exceed the pool's limit.
    Skew = 3,
}

#[inline(always)]
fn add(a: u64, b: u64) -> Result<u64, FutstarError> {
    a.checked_add(b).ok_or(FutstarError::MathOverflow)
}

#[inline(always)]
fn sub(a: u64, b: u64) -> Result<u64, FutstarError> {
    a.checked_sub(b).ok_or(FutstarError::MathOverflow)
}

impl Book<'_> {
    fn forget_live(&mut self) -> Result<(), FutstarError> {
        self.pool.live_positions = sub(self.pool.live_positions, 1)?;
        self.trader.open_positions = self.trader.open_positions.checked_sub(1).ok_or(FutstarError::MathOverflow)?;
        Ok(())
    }

    /// Fills a pending open at `entry_index`, reserving its maximum payout, or reports why it
    /// must be refunded instead. Returns the fee split on success.
    pub fn fill_open(&mut self, entry_index: u16, entry_ts: i64, lp_share_bps: u16) -> Result<Result<FeeSplit, RejectReason>, FutstarError> {
        let p = *self.position;
        let limits = self.pool.limits;
        let profit = max_profit(p.side, p.notional, entry_index as u64, limits.max_payout)?;
        let (oi_long, oi_short) = match p.side {
            Side::Long => (add(self.pool.oi_long, p.notional)?, self.pool.oi_short),
            Side::Short => (self.pool.oi_long, add(self.pool.oi_short, p.notional)?),
        };
        if oi_long.max(oi_short) > limits.max_oi_per_side {
            return Ok(Err(RejectReason::OpenInterest));
        }
        if oi_long.abs_diff(oi_short) > limits.max_skew {
            return Ok(Err(RejectReason::Skew));
        }
        let fee_split = split(p.open_fee, lp_share_bps as u64)?;
        // Fee LP share counts as liquidity before the reservation check.
        let liquidity = add(self.pool.liquidity, fee_split.lp)?;
        let reserved = add(self.pool.reserved, profit)?;
        if reserved > liquidity || liquidity > MAX_AMOUNT {
            return Ok(Err(RejectReason::InsufficientLiquidity));
        }
        self.pool.escrowed = sub(self.pool.escrowed, add(p.collateral, p.open_fee)?)?;
        self.pool.liquidity = liquidity;
        self.pool.reserved = reserved;
        self.pool.fees_owed = add(self.pool.fees_owed, fee_split.treasury)?;
        self.pool.collateral_locked = add(self.pool.collateral_locked, p.collateral)?;
        let weight = entry_weight(p.notional, entry_index as u64)?;
        match p.side {
            Side::Long => self.pool.entry_sum_long = add(self.pool.entry_sum_long, weight)?,
            Side::Short => self.pool.entry_sum_short = add(self.pool.entry_sum_short, weight)?,
        }
        self.pool.oi_long = oi_long;
        self.pool.oi_short = oi_short;
        let position = &mut *self.position;
        position.status = PositionStatus::Open;
        position.entry_index = entry_index;
        position.entry_ts = entry_ts;
        position.max_profit = profit;
        position.expiry_ts = if p.duration_s == crate::state::limits::DURATION_MATCH_END {
            i64::MAX
        } else {
            entry_ts.checked_add(p.duration_s as i64).ok_or(FutstarError::MathOverflow)?
        };
        Ok(Ok(fee_split))
    }

    /// Releases a pending open's escrow (rejected, cancelled or voided); returns the refund.
    pub fn refund_pending_open(&mut self, status: PositionStatus) -> Result<u64, FutstarError> {
        let refund = add(self.position.collateral, self.position.open_fee)?;
        self.pool.escrowed = sub(self.pool.escrowed, refund)?;
        self.forget_live()?;
        self.position.status = status;
        self.position.payout = refund;
        Ok(refund)
    }

    fn release_open(&mut self) -> Result<(), FutstarError> {
        let p = *self.position;
        self.pool.collateral_locked = sub(self.pool.collateral_locked, p.collateral)?;
        self.pool.reserved = sub(self.pool.reserved, p.max_profit)?;
        let weight = entry_weight(p.notional, p.entry_index as u64)?;
        match p.side {
            Side::Long => {
                self.pool.oi_long = sub(self.pool.oi_long, p.notional)?;
                self.pool.entry_sum_long = sub(self.pool.entry_sum_long, weight)?;
            }
            Side::Short => {
                self.pool.oi_short = sub(self.pool.oi_short, p.notional)?;
                self.pool.entry_sum_short = sub(self.pool.entry_sum_short, weight)?;
            }
        }
        self.forget_live()
    }

    /// Closes an open position at `exit`: PnL against the pool's liquidity, close fee split,
    /// reservation released. Returns the settlement (the payout is the owner's).
    pub fn realize(&mut self, exit: &Exit, fees: &Fees) -> Result<Settlement, FutstarError> {
        let settlement = settle(&self.position.terms(), exit.index_bps as u64, fees.close_bps as u64)?;
        let fee_split = split(settlement.fee, fees.lp_share_bps as u64)?;
        self.release_open()?;
        let magnitude = settlement.pnl.unsigned_abs();
        let liquidity = if settlement.pnl >= 0 {
            sub(self.pool.liquidity, magnitude)?
        } else {
            add(self.pool.liquidity, magnitude)?
        };
        self.pool.liquidity = add(liquidity, fee_split.lp)?;
        self.pool.fees_owed = add(self.pool.fees_owed, fee_split.treasury)?;
        if settlement.pnl < 0 {
            self.trader.record_loss(exit.now, magnitude);
        }
        let position = &mut *self.position;
        position.status = exit.status;
        position.exit_index = exit.index_bps;
        position.payout = settlement.payout;
        position.realized_pnl = settlement.pnl;
        Ok(settlement)
    }

    /// Voids an open position (abandoned match): collateral back, nothing else.
    pub fn void_open(&mut self) -> Result<u64, FutstarError> {
        self.release_open()?;
        self.position.status = PositionStatus::Voided;
        self.position.payout = self.position.collateral;
        Ok(self.position.collateral)
    }
}
