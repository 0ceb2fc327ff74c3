//! `trader_init`: creates the caller's `Trader` account for a pool, PDA
//! `["trader", pool, owner]`.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | owner (payer) | writable, signer |
//! | 1 | pool | |
//! | 2 | trader (PDA) | writable |
//! | 3 | system_program | |
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    ProgramResult,
};
use sbf_runtime::pda_account::create_pda_account;

use crate::{
    events::{Event, TRADER_INITIALIZED},
    seeds,
    state::{pool::Pool, trader::Trader},
    validation::accounts::{require_signer, require_system_program},
};

/// `sha256("global:trader_init")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [79, 222, 222, 8, 165, 66, 73, 229];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    let [owner, pool_account, trader_account, system_program, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(owner)?;
    require_system_program(system_program)?;
    Pool::from_account(pool_account, program_id)?;
    let seed = core::hint::black_box(Trader::SEED);
    let (expected, bump) = seeds::find(&[seed, pool_account.address().as_ref(), owner.address().as_ref()], program_id);
    seeds::require_address(trader_account, &expected)?;
    let bump_seed = [bump];
    let signer_seeds = [
        Seed::from(Trader::SEED),
        Seed::from(pool_account.address().as_ref()),
        Seed::from(owner.address().as_ref()),
        Seed::from(&bump_seed),
    ];
    create_pda_account(owner, trader_account, Trader::LEN as u64, program_id, Signer::from(&signer_seeds))?;
    let trader = Trader {
        owner: *owner.address(),
        pool: *pool_account.address(),
        next_position_id: 0,
        open_positions: 0,
        bump,
        last_open_slot: 0,
        daily_loss_limit: 0,
        daily_deposit_limit: 0,
        pending_loss_limit: 0,
        pending_deposit_limit: 0,
        pending_effective_ts: 0,
        self_excluded_until: 0,
        day: 0,
        day_deposited: 0,
        day_lost: 0,
    };
    trader.save(trader_account)?;
    Event::new(TRADER_INITIALIZED)
        .address(trader_account.address())
        .address(owner.address())
        .address(pool_account.address())
        .emit();
    Ok(())
}
