//! `exchange_init` against the real SBF program in LiteSVM.
mod setup;

use futstar::state::exchange::Exchange;
use setup::{ix, world::World};
use solana_address::Address;
use solana_keypair::Keypair;
use solana_signer::Signer;

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
    let (mut svm, program_id) = setup::svm_with_futstar();
    let payer = Keypair::new();
    svm.airdrop(&payer.pubkey(), 1_000_000_000).unwrap();
    let mut w = World::bare();
    // A second, fresh program instance to measure init alone.
    w.svm = svm;
    w.program_id = program_id;
    w.exchange = Address::find_program_address(&[b"exchange"], &program_id).0;
    w.payer = payer.insecure_clone();
    let meta = w.send(ix::exchange_init(&w, &w.config()), &payer, &[]).expect("init");
    println!("exchange_init {} CU", meta.compute_units_consumed);
}

#[test]
fn exchange_init_rejects_reinitialization() {
    // Given an initialized exchange
    let mut w = World::bare();
    // When initializing again Then the create fails (account already in use)
    let payer = w.payer.insecure_clone();
    let err = w.send(ix::exchange_init(&w, &w.config()), &payer, &[]).unwrap_err();
    assert!(setup::custom_error_code(&err).is_none(), "system program refuses: {:?}", err.err);
    assert_eq!(w.exchange_state().config, w.config());
}

#[test]
fn exchange_init_rejects_a_wrong_seed_and_a_bad_config() {
    let (mut svm, program_id) = setup::svm_with_futstar();
    let payer = Keypair::new();
    svm.airdrop(&payer.pubkey(), 1_000_000_000).unwrap();
    let mut w = World::bare();
    w.svm = svm;
    w.program_id = program_id;
    w.payer = payer.insecure_clone();
    // Given an address from another seed: InvalidPda
    w.exchange = Address::find_program_address(&[b"not-the-exchange"], &program_id).0;
    assert_eq!(w.fail(ix::exchange_init(&w, &w.config()), &payer, &[]), 6001);
    // Given a fee above 10 %: InvalidConfig
    w.exchange = Address::find_program_address(&[b"exchange"], &program_id).0;
    let mut config = w.config();
    config.open_fee_bps = 1_001;
    assert_eq!(w.fail(ix::exchange_init(&w, &config), &payer, &[]), 6006);
    // Given a substituted system program: InvalidSystemProgram
    let mut ix = ix::exchange_init(&w, &w.config());
    ix.accounts[2].pubkey = Address::new_unique();
    assert_eq!(w.fail(ix, &payer, &[]), 6010);
}

#[test]
fn exchange_init_rejects_a_missing_signer() {
    let mut w = World::bare();
    let other = Keypair::new();
    w.svm.airdrop(&other.pubkey(), 1_000_000_000).unwrap();
    let mut ix = ix::exchange_init(&w, &w.config());
    ix.accounts[0].is_signer = false;
    let err = w.send(ix, &other, &[]).unwrap_err();
    assert_eq!(
        err.err,
        solana_transaction_error::TransactionError::InstructionError(0, solana_instruction::error::InstructionError::MissingRequiredSignature)
    );
}
