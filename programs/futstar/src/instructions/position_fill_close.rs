//! `position_fill_close` (permissionless): closes a pending-close position at the first
//! non-suspended sample at or after `close_request_ts + inplay_delay` — or at the settlement
//! price if the position expires (or the match ends) first — and pays the owner
//! `collateral + pnl − close fee`. Accounts: see `position_accounts`.
use momentum_oracle::state::feed::FeedStatus;
use pinocchio::{error::ProgramError, ProgramResult};
use sbf_runtime::sysvar::clock;

use crate::{
    controller::book::Exit,
    error::FutstarError,
    instructions::{position_accounts, position_settle::finish_exit},
    state::position::PositionStatus,
    validation::feed,
};

/// `sha256("global:position_fill_close")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [210, 3, 250, 153, 140, 122, 30, 119];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    let mut loaded = position_accounts::load(program_id, accounts)?;
    if loaded.position.status != PositionStatus::PendingClose {
        return Err(FutstarError::InvalidPositionStatus.into());
    }
    let target = loaded
        .position
        .close_request_ts
        .checked_add(loaded.pool.limits.inplay_delay_s as i64)
        .ok_or(FutstarError::MathOverflow)?;
    let price = {
        let feed_account = accounts.get(2).ok_or(ProgramError::NotEnoughAccountKeys)?;
        let data = feed_account.try_borrow()?;
        let view = feed::view(&data)?;
        if matches!(feed::status(&view)?, FeedStatus::Abandoned) {
            return Err(FutstarError::MatchAbandoned.into());
        }
        feed::fill_price(&view, target, loaded.position.expiry_ts)?.ok_or(FutstarError::NotYetFillable)?
    };
    let now = clock()?.unix_timestamp;
    let exit = Exit { index_bps: price.index_bps, ts: price.ts, status: PositionStatus::Closed, now };
    finish_exit(accounts, &mut loaded, &exit, price.evicted, 0)
}
