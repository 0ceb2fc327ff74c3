//! `exchange_propose_config(config: ExchangeConfig)`: the admin stages a change that applies
//! after the CURRENT timelock delay (so a shorter delay cannot take effect inside the old one).
//! A new proposal replaces the pending one and restarts its clock.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | admin | signer |
//! | 1 | exchange | writable |
use pinocchio::{error::ProgramError, ProgramResult};
use sbf_runtime::sysvar::clock;

use crate::{
    error::FutstarError,
    events::{Event, CONFIG_PROPOSED},
    state::{codec::Reader, exchange::Exchange, limits::ExchangeConfig},
    validation::accounts::require_signer,
};

/// `sha256("global:exchange_propose_config")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [124, 200, 34, 32, 101, 90, 50, 179];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let [admin, exchange_account, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(admin)?;
    let mut exchange = Exchange::from_account(exchange_account, program_id)?;
    if admin.address() != &exchange.config.admin {
        return Err(FutstarError::Unauthorized.into());
    }
    let mut r = Reader::new(args, 0);
    let config = ExchangeConfig::read(&mut r).map_err(|_| ProgramError::InvalidInstructionData)?;
    r.finish()?;
    config.validate()?;
    let now = clock()?.unix_timestamp;
    exchange.pending = config;
    exchange.pending_active = true;
    exchange.pending_eta = now.checked_add(exchange.config.timelock_delay_s as i64).ok_or(FutstarError::MathOverflow)?;
    exchange.save(exchange_account)?;
    Event::new(CONFIG_PROPOSED)
        .address(exchange_account.address())
        .i64(exchange.pending_eta)
        .u32(config.timelock_delay_s)
        .emit();
    Ok(())
}
