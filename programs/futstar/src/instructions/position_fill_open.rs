//! `position_fill_open` (permissionless, cranked by the keeper): prices a pending open at the
//! first non-suspended feed sample at or after `request_ts + inplay_delay`. The fee is split
//! between LPs (liquidity) and the treasury (fees owed) and the maximum payout is reserved. If
//! the sample is not Live, or limits or free liquidity no longer allow it, the escrow is
//! refunded instead (`RequestRejected`). Accounts: see `position_accounts`.
use momentum_oracle::state::feed::FeedStatus;
use pinocchio::{error::ProgramError, ProgramResult};

use crate::{
    controller::{
        book::{Book, RejectReason},
        tokens::transfer_out,
    },
    error::FutstarError,
    events::{Event, OPEN_FILLED, REQUEST_REJECTED, SAMPLE_EVICTED},
    instructions::position_accounts,
    state::position::PositionStatus,
    validation::{feed, token::vault_balance},
};

/// `sha256("global:position_fill_open")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [254, 113, 78, 30, 100, 21, 177, 7];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    let mut loaded = position_accounts::load(program_id, accounts)?;
    let [_, pool_account, feed_account, position_account, trader_account, owner_token, vault, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    if loaded.exchange.paused {
        return Err(FutstarError::ExchangePaused.into());
    }
    if loaded.position.status != PositionStatus::PendingOpen {
        return Err(FutstarError::InvalidPositionStatus.into());
    }
    let target = loaded
        .position
        .request_ts
        .checked_add(loaded.pool.limits.inplay_delay_s as i64)
        .ok_or(FutstarError::MathOverflow)?;
    let sample = {
        let data = feed_account.try_borrow()?;
        let view = feed::view(&data)?;
        match view.unsuspended_sample_at_or_after(target) {
            Some(lookup) => Ok(lookup),
            None if matches!(feed::status(&view)?, FeedStatus::Ended | FeedStatus::Abandoned) => Err(RejectReason::FeedNotLive),
            None => return Err(FutstarError::NotYetFillable.into()),
        }
    };
    let mut book = Book { pool: &mut loaded.pool, position: &mut loaded.position, trader: &mut loaded.trader };
    let outcome = match sample {
        Ok(lookup) if matches!(lookup.sample.status, FeedStatus::Live) => {
            if lookup.evicted {
                Event::new(SAMPLE_EVICTED).address(feed_account.address()).i64(target).i64(lookup.sample.ts).emit();
            }
            book.fill_open(lookup.sample.index_bps, lookup.sample.ts, loaded.exchange.config.lp_fee_share_bps)?
                .map(|split| (split, lookup.sample.index_bps))
        }
        Ok(_) => Err(RejectReason::FeedNotLive),
        Err(reason) => Err(reason),
    };
    let refund = match outcome {
        Ok(_) => 0,
        Err(_) => book.refund_pending_open(PositionStatus::Rejected)?,
    };
    loaded.pool.save(pool_account)?;
    loaded.position.save(position_account)?;
    loaded.trader.save(trader_account)?;
    transfer_out(vault, owner_token, pool_account, &loaded.pool, refund)?;
    loaded.pool.assert_solvent(vault_balance(vault, &loaded.pool.vault)?)?;
    match outcome {
        Ok((split, entry_index)) => Event::new(OPEN_FILLED)
            .address(position_account.address())
            .u16(entry_index)
            .i64(loaded.position.entry_ts)
            .i64(loaded.position.expiry_ts)
            .u64(loaded.position.max_profit)
            .u64(split.lp)
            .u64(split.treasury)
            .emit(),
        Err(reason) => Event::new(REQUEST_REJECTED).address(position_account.address()).u8(reason as u8).u64(refund).emit(),
    }
    Ok(())
}
