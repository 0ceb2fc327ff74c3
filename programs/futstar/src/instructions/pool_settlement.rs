//! Batch end-of-match processing shared by `pool_settle_all` (match Ended) and `pool_void`
//! (match Abandoned).
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | exchange | |
//! | 1 | pool | writable |
//! | 2 | feed | |
//! | 3 | vault | writable |
//! | 4 | token_program | |
//! | 5.. | triples: position (writable), trader (writable), owner_token (writable) | |
use momentum_oracle::state::feed::FeedStatus;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};
use sbf_runtime::sysvar::clock;

use crate::{
    controller::{
        book::{Book, Exit, Fees},
        tokens::transfer_out,
    },
    error::FutstarError,
    events::{Event, POOL_STATUS_CHANGED, POSITION_CLOSED, POSITION_VOIDED},
    state::{
        exchange::Exchange,
        pool::{Pool, PoolStatus},
        position::{Position, PositionStatus},
        trader::Trader,
    },
    validation::{
        accounts::{require_distinct, require_token_program},
        feed,
        token::{token_balance, vault_balance},
    },
};

/// `PositionClosed.reason` of a position settled by `pool_settle_all`.
pub const REASON_SETTLE_ALL: u8 = 3;

/// Which end the match had.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Ended: settle open positions at expiry / the final index, refund pending opens.
    Settle,
    /// Abandoned: refund every position's collateral (pending opens: the whole escrow).
    Void,
}

/// Handler shared by both instructions.
#[inline(never)]
pub fn process(program_id: &Address, accounts: &mut [AccountView], mode: Mode) -> ProgramResult {
    let (fixed, batch) = accounts.split_at_mut_checked(5).ok_or(ProgramError::NotEnoughAccountKeys)?;
    let [exchange_account, pool_account, feed_account, vault, token_program] = fixed else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    if batch.len() % 3 != 0 {
        return Err(ProgramError::NotEnoughAccountKeys);
    }
    require_token_program(token_program)?;
    let exchange = Exchange::from_account(exchange_account, program_id)?;
    let mut pool = Pool::from_account(pool_account, program_id)?;
    feed::check_feed_account(feed_account, &exchange.config.oracle_program, &pool.feed)?;
    vault_balance(vault, &pool.vault)?;
    let now = clock()?.unix_timestamp;
    let fees = Fees { close_bps: exchange.config.close_fee_bps, lp_share_bps: exchange.config.lp_fee_share_bps };
    let status_before = pool.status;
    {
        let data = feed_account.try_borrow()?;
        let view = feed::view(&data)?;
        match (mode, feed::status(&view)?) {
            (Mode::Settle, FeedStatus::Ended) => pool.status = PoolStatus::Settling,
            (Mode::Void, FeedStatus::Abandoned) => pool.status = PoolStatus::Closed,
            (Mode::Settle, _) => return Err(FutstarError::MatchNotEnded.into()),
            (Mode::Void, _) => return Err(FutstarError::MatchNotAbandoned.into()),
        }
        for triple in batch.chunks_exact_mut(3) {
            let [position_account, trader_account, owner_token] = triple else {
                return Err(ProgramError::NotEnoughAccountKeys);
            };
            let mut position = Position::from_account(position_account, program_id)?;
            if position.pool != *pool_account.address() {
                return Err(FutstarError::PositionPoolMismatch.into());
            }
            let mut trader = Trader::from_account(trader_account, program_id)?;
            if position.trader != *trader_account.address() {
                return Err(FutstarError::TraderMismatch.into());
            }
            require_distinct(&[owner_token, vault])?;
            token_balance(owner_token, &pool.collateral_mint, Some(&position.owner))?;
            let mut book = Book { pool: &mut pool, position: &mut position, trader: &mut trader };
            let pending = book.position.status == PositionStatus::PendingOpen;
            let open = book.position.status.is_open();
            let paid = match mode {
                Mode::Settle if open => {
                    let price = feed::settlement_price(&view, book.position.expiry_ts)?.ok_or(FutstarError::NotYetFillable)?;
                    let exit = Exit { index_bps: price.index_bps, ts: price.ts, status: PositionStatus::Settled, now };
                    let s = book.realize(&exit, &fees)?;
                    Event::new(POSITION_CLOSED)
                        .address(position_account.address())
                        .address(&position.owner)
                        .u8(REASON_SETTLE_ALL)
                        .u16(price.index_bps)
                        .i64(price.ts)
                        .i64(s.pnl)
                        .u64(s.fee)
                        .u64(s.payout)
                        .emit();
                    s.payout
                }
                Mode::Settle if pending => {
                    let refund = book.refund_pending_open(PositionStatus::Rejected)?;
                    Event::new(POSITION_VOIDED).address(position_account.address()).u64(refund).emit();
                    refund
                }
                Mode::Void if open => {
                    let refund = book.void_open()?;
                    Event::new(POSITION_VOIDED).address(position_account.address()).u64(refund).emit();
                    refund
                }
                Mode::Void if pending => {
                    let refund = book.refund_pending_open(PositionStatus::Voided)?;
                    Event::new(POSITION_VOIDED).address(position_account.address()).u64(refund).emit();
                    refund
                }
                _ => return Err(FutstarError::InvalidPositionStatus.into()),
            };
            position.save(position_account)?;
            trader.save(trader_account)?;
            transfer_out(vault, owner_token, pool_account, &pool, paid)?;
        }
    }
    if mode == Mode::Settle && pool.live_positions == 0 {
        pool.status = PoolStatus::Closed;
    }
    pool.save(pool_account)?;
    pool.assert_solvent(vault_balance(vault, &pool.vault)?)?;
    if pool.status != status_before {
        Event::new(POOL_STATUS_CHANGED).address(pool_account.address()).u8(pool.status as u8).emit();
    }
    Ok(())
}
