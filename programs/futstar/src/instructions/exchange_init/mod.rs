//! `exchange_init`: creates the singleton `Exchange` PDA (seeds `["exchange"]`).
//!
//! Accounts:
//! 0. `[writable, signer]` payer / admin
//! 1. `[writable]` exchange PDA
//! 2. `[]` system program
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    AccountView, Address, ProgramResult,
};
use sbf_runtime::{log::log, pda_account::create_pda_account};

use crate::{error::FutstarError, state::exchange::Exchange};

pub const DISCRIMINATOR: [u8; 8] = [95, 32, 250, 106, 176, 168, 71, 222];

pub fn process(program_id: &Address, accounts: &mut [AccountView], _args: &[u8]) -> ProgramResult {
    let [admin, exchange, system_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    if !admin.is_signer() {
        return Err(ProgramError::MissingRequiredSignature);
    }
    if system_program.address() != &pinocchio_system::ID {
        return Err(ProgramError::IncorrectProgramId);
    }
    // black_box keeps the seed list off .rodata: sbpf-linker 0.1.9 leaves pointers stored in
    // .rodata unrelocated (null), so slices of slices must be built at run time.
    let seed = core::hint::black_box(Exchange::SEED);
    let (expected, bump) = Address::find_program_address(&[seed], program_id);
    if exchange.address() != &expected {
        return Err(FutstarError::InvalidPda.into());
    }
    let bump_seed = [bump];
    let seeds = [Seed::from(Exchange::SEED), Seed::from(&bump_seed)];
    create_pda_account(admin, exchange, Exchange::LEN as u64, program_id, Signer::from(&seeds))?;
    let mut data = exchange.try_borrow_mut()?;
    Exchange::init(&mut data, admin.address(), bump)?;
    log("futstar: exchange initialized");
    Ok(())
}
