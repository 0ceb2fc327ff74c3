//! `config_set_paused` against the real SBF program in LiteSVM.
mod setup;

use momentum_oracle::error::OracleError as E;
use setup::{assert_code, assert_instruction_error, ix, live, print_cu, Oracle, T0};
use solana_address::Address;
use solana_instruction::{error::InstructionError, AccountMeta};
use solana_keypair::Keypair;
use solana_signer::Signer;

#[test]
fn pause_blocks_updates_and_unpause_restores_them() {
    // Given a feed
    let mut oracle = Oracle::initialized(1, 1);
    let feed = oracle.create_feed("m");
    oracle.set_clock(T0 + 5);
    let admin = oracle.admin.insecure_clone();

    // When the admin pauses
    let meta = oracle.send(&[ix::config_set_paused(&oracle, 1)], &admin, &[]).expect("pause");
    print_cu("config_set_paused", &meta);
    let event = &setup::events(&meta)[0];
    assert_eq!(&event[..8], &setup::anchor_discriminator("event:ConfigPausedSet"));
    assert_eq!(event[40], 1);

    // Then updates fail until unpaused
    assert!(oracle.with_config(|c| c.paused()));
    assert_code(oracle.push(&[(feed, live(1, T0 + 5, 5_000))], &[0]), E::Paused as u32);
    oracle.send(&[ix::config_set_paused(&oracle, 0)], &admin, &[]).expect("unpause");
    oracle.push(&[(feed, live(1, T0 + 5, 5_000))], &[0]).expect("pushes again");
}

#[test]
fn generic_attacks_fail() {
    let mut oracle = Oracle::initialized(1, 1);
    let admin = oracle.admin.insecure_clone();
    let stranger = Keypair::new();
    oracle.svm.airdrop(&stranger.pubkey(), 1_000_000_000).unwrap();
    let mut ix = ix::config_set_paused(&oracle, 1);
    ix.accounts[0] = AccountMeta::new_readonly(stranger.pubkey(), true);
    assert_code(oracle.send(&[ix], &stranger, &[]), E::Unauthorized as u32);

    let mut ix = ix::config_set_paused(&oracle, 1);
    ix.accounts[0].is_signer = false;
    let payer = oracle.payer.insecure_clone();
    assert_instruction_error(oracle.send(&[ix], &payer, &[]), InstructionError::MissingRequiredSignature);

    let mut ix = ix::config_set_paused(&oracle, 1);
    ix.accounts[1].is_writable = false;
    assert_code(oracle.send(&[ix], &admin, &[]), E::AccountNotWritable as u32);

    assert_code(oracle.send(&[ix::config_set_paused(&oracle, 2)], &admin, &[]), E::InvalidInstructionData as u32);

    let feed = oracle.create_feed("m");
    let mut ix = ix::config_set_paused(&oracle, 1);
    ix.accounts[1] = AccountMeta::new(feed, false);
    assert_code(oracle.send(&[ix], &admin, &[]), E::InvalidAccountData as u32);

    let config = oracle.config;
    oracle.reown(&config, Address::new_unique());
    assert_code(oracle.send(&[ix::config_set_paused(&oracle, 1)], &admin, &[]), E::WrongAccountOwner as u32);
}
