//! `position_cancel_request`: the owner withdraws a pending open (escrow refunded in full) or a
//! pending close (position stays open) — only while it is not yet fillable, i.e. before
//! `request time + inplay_delay`, so nobody holds a free option on the fill price. A request
//! still unfillable `REQUEST_TIMEOUT_S` after that (feed stuck or suspended) may be cancelled too.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | owner | signer |
//! | 1..=8 | as `position_accounts` (exchange, pool, feed, position, trader, owner_token, vault, token_program) | |
use pinocchio::{error::ProgramError, ProgramResult};
use sbf_runtime::sysvar::clock;

use crate::{
    controller::{book::Book, tokens::transfer_out},
    error::FutstarError,
    events::{Event, REQUEST_CANCELLED},
    instructions::position_accounts,
    state::position::PositionStatus,
    validation::{accounts::require_signer, feed, token::vault_balance},
};

/// `sha256("global:position_cancel_request")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [116, 59, 104, 231, 110, 105, 126, 177];

/// Seconds after the fill time from which an unfillable request may be cancelled.
pub const REQUEST_TIMEOUT_S: i64 = 300;

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    let (owner, rest) = accounts.split_first_mut().ok_or(ProgramError::NotEnoughAccountKeys)?;
    require_signer(owner)?;
    let mut loaded = position_accounts::load(program_id, rest)?;
    if loaded.position.owner != *owner.address() {
        return Err(FutstarError::NotPositionOwner.into());
    }
    let (requested, was_close) = match loaded.position.status {
        PositionStatus::PendingOpen => (loaded.position.request_ts, false),
        PositionStatus::PendingClose => (loaded.position.close_request_ts, true),
        _ => return Err(FutstarError::InvalidPositionStatus.into()),
    };
    let target = requested.checked_add(loaded.pool.limits.inplay_delay_s as i64).ok_or(FutstarError::MathOverflow)?;
    let now = clock()?.unix_timestamp;
    if now >= target {
        let timed_out = now >= target.saturating_add(REQUEST_TIMEOUT_S);
        let feed_account = rest.get(2).ok_or(ProgramError::NotEnoughAccountKeys)?;
        let data = feed_account.try_borrow()?;
        let fillable = feed::view(&data)?.unsuspended_sample_at_or_after(target).is_some();
        if !timed_out || fillable {
            return Err(FutstarError::RequestFillable.into());
        }
    }
    let [_, pool_account, _, position_account, trader_account, owner_token, vault, ..] = rest else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    let refund = if was_close {
        loaded.position.status = PositionStatus::Open;
        loaded.position.close_request_ts = 0;
        0
    } else {
        Book { pool: &mut loaded.pool, position: &mut loaded.position, trader: &mut loaded.trader }
            .refund_pending_open(PositionStatus::Cancelled)?
    };
    loaded.pool.save(pool_account)?;
    loaded.position.save(position_account)?;
    loaded.trader.save(trader_account)?;
    transfer_out(vault, owner_token, pool_account, &loaded.pool, refund)?;
    loaded.pool.assert_solvent(vault_balance(vault, &loaded.pool.vault)?)?;
    Event::new(REQUEST_CANCELLED).address(position_account.address()).bool(was_close).u64(refund).emit();
    Ok(())
}
