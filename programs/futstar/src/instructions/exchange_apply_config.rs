//! `exchange_apply_config`: applies the pending change once its timelock has elapsed.
//! Permissionless: the change was authorized when proposed; anyone may execute it on time.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | exchange | writable |
use pinocchio::{error::ProgramError, ProgramResult};
use sbf_runtime::sysvar::clock;

use crate::{
    error::FutstarError,
    events::{Event, CONFIG_APPLIED},
    state::exchange::Exchange,
};

/// `sha256("global:exchange_apply_config")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [103, 88, 40, 86, 17, 211, 237, 62];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    let [exchange_account, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    let mut exchange = Exchange::from_account(exchange_account, program_id)?;
    if !exchange.pending_active {
        return Err(FutstarError::NoPendingChange.into());
    }
    if clock()?.unix_timestamp < exchange.pending_eta {
        return Err(FutstarError::TimelockNotElapsed.into());
    }
    exchange.config = exchange.pending;
    exchange.pending_active = false;
    exchange.save(exchange_account)?;
    Event::new(CONFIG_APPLIED)
        .address(exchange_account.address())
        .address(&exchange.config.admin)
        .u32(exchange.config.timelock_delay_s)
        .emit();
    Ok(())
}
