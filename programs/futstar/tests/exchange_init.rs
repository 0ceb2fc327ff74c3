//! `exchange_init` against the real SBF program in LiteSVM.
mod setup;

use futstar::state::exchange::Exchange;
use setup::{
    attacks::{self, code, Attack::*, E},
    ix,
    world::World,
};
use solana_address::Address;
use solana_instruction::error::InstructionError;
use solana_transaction_error::TransactionError;

#[test]
fn exchange_init_creates_the_exchange_with_its_config() {
    // Given the program deployed, When the exchange is initialized (World::bare does it)
    let w = World::bare();
    // Then the PDA exists, owned by the program, holding the config and not paused
    let account = w.svm.get_account(&w.exchange).expect("exchange account exists");
    assert_eq!(account.owner, w.program_id);
    assert_eq!(account.data.len(), Exchange::LEN);
    assert_eq!(&account.data[..8], &setup::anchor_discriminator("account:Exchange"));
    let state = w.exchange_state();
    let (_, bump) = Address::find_program_address(&[b"exchange"], &w.program_id);
    assert_eq!(state.bump, bump);
    assert_eq!(state.config, w.config());
    assert!(!state.paused && !state.pending_active);
}

#[test]
fn exchange_init_prints_compute_units() {
    let mut w = World::uninitialized();
    let payer = w.payer.insecure_clone();
    let meta = w.send(ix::exchange_init(&w, &w.config()), &payer, &[]).expect("init");
    println!("exchange_init {} CU", meta.compute_units_consumed);
}

#[test]
fn exchange_init_rejects_reinitialization() {
    // Given an initialized exchange
    let mut w = World::bare();
    // When initializing again Then the create refuses an initialized account
    let payer = w.payer.insecure_clone();
    let err = w.send(ix::exchange_init(&w, &w.config()), &payer, &[]).unwrap_err();
    assert_eq!(err.err, TransactionError::InstructionError(0, InstructionError::AccountAlreadyInitialized));
    assert_eq!(w.exchange_state().config, w.config());
}

#[test]
fn exchange_init_rejects_a_bad_config() {
    // Given a fee above 10 %: InvalidConfig
    let mut w = World::uninitialized();
    let payer = w.payer.insecure_clone();
    let mut config = w.config();
    config.open_fee_bps = 1_001;
    assert_eq!(w.fail(ix::exchange_init(&w, &config), &payer, &[]), 6006);
}

#[test]
fn exchange_init_refuses_the_generic_attacks() {
    // Given a deployed program whose exchange does not exist yet
    let mut w = World::uninitialized();
    let payer = w.payer.insecure_clone();
    let base = ix::exchange_init(&w, &w.config());
    let other_seed = Address::find_program_address(&[b"not-the-exchange"], &w.program_id).0;
    let canonical = Address::find_program_address(&[b"exchange"], &w.program_id).1;
    let non_canonical = (0..canonical).rev().find_map(|b| Address::create_program_address(&[b"exchange", &[b]], &w.program_id).ok()).unwrap();
    attacks::run(
        &mut w,
        "exchange_init",
        &base,
        &[&payer],
        &[
            MissingSigner(0),
            NotWritable(0, attacks::cpi_write_refused()),
            NotWritable(1, code(E::AccountNotWritable)),
            Substitute(1, other_seed, code(E::InvalidPda)),
            Substitute(1, non_canonical, code(E::InvalidPda)),
            Substitute(2, Address::new_unique(), code(E::InvalidSystemProgram)),
            Substitute(2, setup::token_program_id(), code(E::InvalidSystemProgram)),
        ],
    );
    w.send(base, &payer, &[]).expect("init");
}
