//! `exchange_init(config: ExchangeConfig)`: creates the singleton `Exchange` PDA `["exchange"]`.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | payer | writable, signer |
//! | 1 | exchange (PDA) | writable |
//! | 2 | system_program | |
//!
//! The admin in `config` need not sign (it is meant to be a multisig); deploy and initialize in
//! one transaction so nobody front-runs the initialization.
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    ProgramResult,
};
use sbf_runtime::pda_account::create_pda_account;

use crate::{
    events::{Event, EXCHANGE_INITIALIZED},
    seeds,
    state::{codec::Reader, exchange::Exchange, limits::ExchangeConfig},
    validation::accounts::{require_signer, require_system_program, require_writable},
};

/// `sha256("global:exchange_init")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [95, 32, 250, 106, 176, 168, 71, 222];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let [payer, exchange, system_program, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(payer)?;
    require_writable(exchange)?;
    require_system_program(system_program)?;
    let mut r = Reader::new(args, 0);
    let config = ExchangeConfig::read(&mut r).map_err(|_| ProgramError::InvalidInstructionData)?;
    r.finish()?;
    config.validate()?;

    let seed = core::hint::black_box(Exchange::SEED);
    let (expected, bump) = seeds::find(&[seed], program_id);
    seeds::require_address(exchange, &expected)?;
    let bump_seed = [bump];
    let signer_seeds = [Seed::from(Exchange::SEED), Seed::from(&bump_seed)];
    create_pda_account(payer, exchange, Exchange::LEN as u64, program_id, Signer::from(&signer_seeds))?;

    let state = Exchange { bump, paused: false, config, pending_active: false, pending_eta: 0, pending: config };
    state.save(exchange)?;
    Event::new(EXCHANGE_INITIALIZED)
        .address(exchange.address())
        .address(&config.admin)
        .address(&config.guardian)
        .address(&config.oracle_program)
        .emit();
    Ok(())
}
