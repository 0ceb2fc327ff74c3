//! `exchange_set_paused(paused: bool)`: the admin may pause or unpause; the guardian may only
//! pause. Paused blocks what adds risk: pool creation, deposits, open requests and open fills.
//! Exits (withdraw, close, cancel, settle, stop-out, void) stay available.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | authority (admin or guardian) | signer |
//! | 1 | exchange | writable |
use pinocchio::{error::ProgramError, ProgramResult};

use crate::{
    error::FutstarError,
    events::{Event, PAUSED_SET},
    state::{codec::Reader, exchange::Exchange},
    validation::accounts::require_signer,
};

/// `sha256("global:exchange_set_paused")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [232, 88, 190, 62, 230, 137, 159, 220];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let [authority, exchange_account, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(authority)?;
    let mut r = Reader::new(args, 0);
    let paused = r.bool().map_err(|_| ProgramError::InvalidInstructionData)?;
    r.finish()?;
    let mut exchange = Exchange::from_account(exchange_account, program_id)?;
    let is_admin = authority.address() == &exchange.config.admin;
    let is_guardian = authority.address() == &exchange.config.guardian;
    if !(is_admin || (is_guardian && paused)) {
        return Err(FutstarError::Unauthorized.into());
    }
    exchange.paused = paused;
    exchange.save(exchange_account)?;
    Event::new(PAUSED_SET).address(exchange_account.address()).address(authority.address()).bool(paused).emit();
    Ok(())
}
