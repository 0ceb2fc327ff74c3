//! `pool_set_limits(limits: PoolLimits)`: the admin replaces one pool's risk limits (a pool
//! starts with the exchange's defaults). Takes effect at once: the admin is meant to be a
//! multisig, and traders are protected by what each position already locked in (its collateral,
//! notional, entry, reserved payout and expiry never change). A request already escrowed is
//! filled under the limits in force at its fill. Refused on a Closed pool.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | admin | signer |
//! | 1 | exchange | |
//! | 2 | pool | writable |
use pinocchio::{error::ProgramError, ProgramResult};

use crate::{
    error::FutstarError,
    events::{Event, POOL_LIMITS_SET},
    state::{
        codec::Reader,
        exchange::Exchange,
        limits::PoolLimits,
        pool::{Pool, PoolStatus},
    },
    validation::accounts::require_signer,
};

/// `sha256("global:pool_set_limits")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [141, 211, 253, 162, 175, 63, 169, 2];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let [admin, exchange_account, pool_account, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(admin)?;
    let mut r = Reader::new(args, 0);
    let limits = PoolLimits::read(&mut r).map_err(|_| ProgramError::InvalidInstructionData)?;
    r.finish()?;
    let exchange = Exchange::from_account(exchange_account, program_id)?;
    if admin.address() != &exchange.config.admin {
        return Err(FutstarError::Unauthorized.into());
    }
    let mut pool = Pool::from_account(pool_account, program_id)?;
    if pool.status == PoolStatus::Closed {
        return Err(FutstarError::PoolNotOpen.into());
    }
    limits.validate()?;
    pool.limits = limits;
    pool.save(pool_account)?;
    // `args` is exactly the limits' encoding (read in full above, nothing trailing): the event
    // carries the same PoolLimits layout.
    Event::new(POOL_LIMITS_SET)
        .address(pool_account.address())
        .address(admin.address())
        .bytes(args)
        .emit();
    Ok(())
}
