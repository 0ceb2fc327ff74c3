//! `position_settle` (anyone): once a position has expired, or the match has ended, settles it
//! at the feed's history value at expiry (the first sample at or after `expiry_ts`; for a
//! match-end position, or a match that ended before expiry, the final index) and pays the
//! owner's token account. Accounts: see `position_accounts`.
use momentum_oracle::state::feed::FeedStatus;
use pinocchio::{error::ProgramError, AccountView, ProgramResult};
use sbf_runtime::sysvar::clock;

use crate::{
    controller::{
        book::{Book, Exit, Fees},
        tokens::transfer_out,
    },
    error::FutstarError,
    events::{Event, POSITION_CLOSED, SAMPLE_EVICTED},
    instructions::position_accounts::{self, PositionAccounts},
    state::position::PositionStatus,
    validation::{feed, token::vault_balance},
};

/// `sha256("global:position_settle")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [75, 106, 68, 70, 28, 160, 187, 60];

/// Why a position closed (`PositionClosed.reason`).
pub const REASON_FILL_CLOSE: u8 = 0;
/// Settled at expiry or match end.
pub const REASON_SETTLE: u8 = 1;

/// Realizes the exit, stores the three accounts, pays the owner, checks solvency, emits.
/// `accounts` is the `position_accounts` list.
#[inline(always)]
pub fn finish_exit(accounts: &mut [AccountView], loaded: &mut PositionAccounts, exit: &Exit, evicted: bool, reason: u8) -> ProgramResult {
    let [_, pool_account, feed_account, position_account, trader_account, owner_token, vault, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    let fees = Fees { close_bps: loaded.exchange.config.close_fee_bps, lp_share_bps: loaded.exchange.config.lp_fee_share_bps };
    let settlement = Book { pool: &mut loaded.pool, position: &mut loaded.position, trader: &mut loaded.trader }.realize(exit, &fees)?;
    loaded.pool.save(pool_account)?;
    loaded.position.save(position_account)?;
    loaded.trader.save(trader_account)?;
    transfer_out(vault, owner_token, pool_account, &loaded.pool, settlement.payout)?;
    loaded.pool.assert_solvent(vault_balance(vault, &loaded.pool.vault)?)?;
    if evicted {
        Event::new(SAMPLE_EVICTED).address(feed_account.address()).i64(loaded.position.expiry_ts).i64(exit.ts).emit();
    }
    Event::new(POSITION_CLOSED)
        .address(position_account.address())
        .address(&loaded.position.owner)
        .u8(reason)
        .u16(exit.index_bps)
        .i64(exit.ts)
        .i64(settlement.pnl)
        .u64(settlement.fee)
        .u64(settlement.payout)
        .emit();
    Ok(())
}

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    let mut loaded = position_accounts::load(program_id, accounts)?;
    if !loaded.position.status.is_open() {
        return Err(FutstarError::InvalidPositionStatus.into());
    }
    let now = clock()?.unix_timestamp;
    let price = {
        let feed_account = accounts.get(2).ok_or(ProgramError::NotEnoughAccountKeys)?;
        let data = feed_account.try_borrow()?;
        let view = feed::view(&data)?;
        let status = feed::status(&view)?;
        if matches!(status, FeedStatus::Abandoned) {
            return Err(FutstarError::MatchAbandoned.into());
        }
        if now < loaded.position.expiry_ts && !matches!(status, FeedStatus::Ended) {
            return Err(FutstarError::NotYetExpired.into());
        }
        feed::settlement_price(&view, loaded.position.expiry_ts)?.ok_or(FutstarError::NotYetFillable)?
    };
    let exit = Exit { index_bps: price.index_bps, ts: price.ts, status: PositionStatus::Settled, now };
    finish_exit(accounts, &mut loaded, &exit, price.evicted, REASON_SETTLE)
}
