//! `position_stop_out` (anyone): closes an open position whose equity at the feed's current,
//! non-suspended index has reached zero (`collateral + pnl ≤ 0`). The owner receives nothing,
//! so no token moves; the collateral becomes pool liquidity.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | exchange | |
//! | 1 | pool | writable |
//! | 2 | feed | |
//! | 3 | position | writable |
//! | 4 | trader | writable |
use pinocchio::{error::ProgramError, ProgramResult};
use sbf_runtime::sysvar::clock;

use crate::{
    controller::book::{Book, Exit, Fees},
    error::FutstarError,
    events::{Event, POSITION_CLOSED},
    math::pnl::pnl,
    state::{exchange::Exchange, pool::Pool, position::{Position, PositionStatus}, trader::Trader},
    validation::feed,
};

/// `sha256("global:position_stop_out")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [210, 249, 123, 159, 205, 247, 190, 47];

/// `PositionClosed.reason` of a stop-out.
pub const REASON_STOP_OUT: u8 = 2;

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    let [exchange_account, pool_account, feed_account, position_account, trader_account, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    let exchange = Exchange::from_account(exchange_account, program_id)?;
    let mut pool = Pool::from_account(pool_account, program_id)?;
    feed::check_feed_account(feed_account, &exchange.config.oracle_program, &pool.feed)?;
    let mut position = Position::from_account(position_account, program_id)?;
    if position.pool != *pool_account.address() {
        return Err(FutstarError::PositionPoolMismatch.into());
    }
    let mut trader = Trader::from_account(trader_account, program_id)?;
    if position.trader != *trader_account.address() {
        return Err(FutstarError::TraderMismatch.into());
    }
    if !position.status.is_open() {
        return Err(FutstarError::InvalidPositionStatus.into());
    }
    let (index, ts) = {
        let data = feed_account.try_borrow()?;
        let view = feed::view(&data)?;
        if view.suspended() {
            return Err(FutstarError::FeedSuspended.into());
        }
        (view.index_bps(), view.last_update_ts())
    };
    let equity_gone = pnl(&position.terms(), index as u64)? <= -(position.collateral as i64);
    if !equity_gone {
        return Err(FutstarError::EquityPositive.into());
    }
    let now = clock()?.unix_timestamp;
    let exit = Exit { index_bps: index, ts, status: PositionStatus::StoppedOut, now };
    let fees = Fees { close_bps: exchange.config.close_fee_bps, lp_share_bps: exchange.config.lp_fee_share_bps };
    let settlement = Book { pool: &mut pool, position: &mut position, trader: &mut trader }.realize(&exit, &fees)?;
    pool.save(pool_account)?;
    position.save(position_account)?;
    trader.save(trader_account)?;
    Event::new(POSITION_CLOSED)
        .address(position_account.address())
        .address(&position.owner)
        .u8(REASON_STOP_OUT)
        .u16(index)
        .i64(ts)
        .i64(settlement.pnl)
        .u64(settlement.fee)
        .u64(settlement.payout)
        .emit();
    Ok(())
}
