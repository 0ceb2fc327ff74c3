//! `config_cancel_change` against the real SBF program in LiteSVM.
mod setup;

use momentum_oracle::error::OracleError as E;
use setup::{assert_code, assert_instruction_error, ix, print_cu, Oracle, RAILS, T0};
use solana_instruction::{error::InstructionError, AccountMeta};
use solana_keypair::Keypair;
use solana_signer::Signer;

#[test]
fn the_admin_withdraws_a_pending_change() {
    // Given a pending proposal
    let mut oracle = Oracle::initialized(1, 1);
    let admin = oracle.admin.insecure_clone();
    oracle.send(&[ix::config_propose_change(&oracle, &oracle.params(1, RAILS))], &admin, &[]).unwrap();
    // When the admin cancels it
    let meta = oracle.send(&[ix::config_cancel_change(&oracle)], &admin, &[]).expect("cancel succeeds");
    print_cu("config_cancel_change", &meta);
    // Then nothing is pending and applying later fails
    assert!(!oracle.with_config(|c| c.has_pending()));
    assert_eq!(&setup::events(&meta)[0][..8], &setup::anchor_discriminator("event:ConfigChangeCancelled"));
    oracle.set_clock(T0 + 10_000);
    let payer = oracle.payer.insecure_clone();
    assert_code(oracle.send(&[ix::config_apply_change(&oracle)], &payer, &[]), E::NoPendingChange as u32);
}

#[test]
fn nothing_pending_fails() {
    let mut oracle = Oracle::initialized(1, 1);
    let admin = oracle.admin.insecure_clone();
    assert_code(oracle.send(&[ix::config_cancel_change(&oracle)], &admin, &[]), E::NoPendingChange as u32);
}

#[test]
fn non_admin_or_missing_signer_fails() {
    let mut oracle = Oracle::initialized(1, 1);
    let admin = oracle.admin.insecure_clone();
    oracle.send(&[ix::config_propose_change(&oracle, &oracle.params(1, RAILS))], &admin, &[]).unwrap();
    let stranger = Keypair::new();
    oracle.svm.airdrop(&stranger.pubkey(), 1_000_000_000).unwrap();
    let mut ix = ix::config_cancel_change(&oracle);
    ix.accounts[0] = AccountMeta::new_readonly(stranger.pubkey(), true);
    assert_code(oracle.send(&[ix], &stranger, &[]), E::Unauthorized as u32);
    let mut ix = ix::config_cancel_change(&oracle);
    ix.accounts[0].is_signer = false;
    let payer = oracle.payer.insecure_clone();
    assert_instruction_error(oracle.send(&[ix], &payer, &[]), InstructionError::MissingRequiredSignature);
    let mut ix = ix::config_cancel_change(&oracle);
    ix.accounts[1].is_writable = false;
    assert_code(oracle.send(&[ix], &admin, &[]), E::AccountNotWritable as u32);
    assert!(oracle.with_config(|c| c.has_pending()));
}
