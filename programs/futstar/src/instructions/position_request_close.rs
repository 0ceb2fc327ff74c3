//! `position_request_close`: the owner asks to close an open position; the fill happens at the
//! first non-suspended sample at least `inplay_delay` seconds later (`position_fill_close`).
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | owner | signer |
//! | 1 | position | writable |
use pinocchio::{error::ProgramError, ProgramResult};
use sbf_runtime::sysvar::clock;

use crate::{
    error::FutstarError,
    events::{Event, CLOSE_REQUESTED},
    state::position::{Position, PositionStatus},
    validation::accounts::require_signer,
};

/// `sha256("global:position_request_close")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [249, 68, 63, 122, 11, 73, 197, 249];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    let [owner, position_account, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(owner)?;
    let mut position = Position::from_account(position_account, program_id)?;
    if position.owner != *owner.address() {
        return Err(FutstarError::NotPositionOwner.into());
    }
    if position.status != PositionStatus::Open {
        return Err(FutstarError::InvalidPositionStatus.into());
    }
    let now = clock()?.unix_timestamp;
    position.status = PositionStatus::PendingClose;
    position.close_request_ts = now;
    position.save(position_account)?;
    Event::new(CLOSE_REQUESTED).address(position_account.address()).i64(now).emit();
    Ok(())
}
