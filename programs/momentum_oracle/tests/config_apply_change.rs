//! `config_apply_change` against the real SBF program in LiteSVM: the timelock.
mod setup;

use momentum_oracle::error::OracleError as E;
use setup::{assert_code, ix, live, print_cu, Oracle, RAILS, T0};
use solana_address::Address;
use solana_instruction::AccountMeta;
use solana_keypair::Keypair;
use solana_signer::Signer;

fn propose(oracle: &mut Oracle, params: &[u8]) {
    let admin = oracle.admin.insecure_clone();
    oracle.send(&[ix::config_propose_change(oracle, params)], &admin, &[]).expect("proposal accepted");
}

fn apply(oracle: &mut Oracle) -> Result<litesvm::types::TransactionMetadata, litesvm::types::FailedTransactionMetadata> {
    let payer = oracle.payer.insecure_clone();
    oracle.send(&[ix::config_apply_change(oracle)], &payer, &[])
}

#[test]
fn a_rotated_signer_set_takes_over_after_the_delay() {
    // Given signer 0 in force and a proposal replacing it by a new key
    let mut oracle = Oracle::initialized(1, 1);
    let feed = oracle.create_feed("m");
    let old = oracle.signers[0].insecure_clone();
    oracle.signers = vec![Keypair::new()];
    let params = oracle.params(1, RAILS);
    propose(&mut oracle, &params);

    // When anyone applies it exactly when the delay has passed
    oracle.set_clock(T0 + 3_600);
    let meta = apply(&mut oracle).expect("apply succeeds");
    print_cu("config_apply_change", &meta);

    // Then the new set is current, and only the new key can push
    oracle.with_config(|config| {
        assert!(!config.has_pending());
        assert_eq!(config.current().raw(), &params);
    });
    assert_eq!(&setup::events(&meta)[0][..8], &setup::anchor_discriminator("event:ConfigChangeApplied"));
    oracle.push(&[(feed, live(1, T0 + 3_600, 5_000))], &[0]).expect("new key pushes");
    oracle.signers = vec![old];
    assert_code(oracle.push(&[(feed, live(2, T0 + 3_600, 5_000))], &[0]), E::UnknownSigner as u32);
}

#[test]
fn applying_early_fails() {
    let mut oracle = Oracle::initialized(1, 1);
    let params = oracle.params(1, RAILS);
    propose(&mut oracle, &params);
    oracle.set_clock(T0 + 3_599);
    assert_code(apply(&mut oracle), E::TimelockNotElapsed as u32);
}

#[test]
fn a_shortened_delay_does_not_apply_inside_the_current_window() {
    // Given a proposal whose own delay is the minimum (60 s), under a 3600 s delay
    let mut oracle = Oracle::initialized(1, 1);
    let params = oracle.params(1, (100, 60, 5, 60));
    propose(&mut oracle, &params);
    // When someone applies after 60 s, or re-proposes and tries again
    oracle.set_clock(T0 + 60);
    assert_code(apply(&mut oracle), E::TimelockNotElapsed as u32);
    let params = oracle.params(1, (100, 60, 5, 60));
    propose(&mut oracle, &params);
    oracle.set_clock(T0 + 3_600);
    // Then it still waits the full 3600 s from the last proposal
    assert_code(apply(&mut oracle), E::TimelockNotElapsed as u32);
    oracle.set_clock(T0 + 60 + 3_600);
    apply(&mut oracle).expect("after the current delay");
    assert_eq!(oracle.with_config(|c| c.current().timelock_delay_s()), 60);
}

#[test]
fn nothing_pending_fails() {
    let mut oracle = Oracle::initialized(1, 1);
    assert_code(apply(&mut oracle), E::NoPendingChange as u32);
}

#[test]
fn not_writable_wrong_owner_or_cosplay_fail() {
    let mut oracle = Oracle::initialized(1, 1);
    let feed = oracle.create_feed("m");
    let params = oracle.params(1, RAILS);
    propose(&mut oracle, &params);
    oracle.set_clock(T0 + 3_600);
    let payer = oracle.payer.insecure_clone();
    let mut ix = ix::config_apply_change(&oracle);
    ix.accounts[0].is_writable = false;
    assert_code(oracle.send(&[ix], &payer, &[]), E::AccountNotWritable as u32);
    let mut ix = ix::config_apply_change(&oracle);
    ix.accounts[0] = AccountMeta::new(feed, false);
    assert_code(oracle.send(&[ix], &payer, &[]), E::InvalidAccountData as u32);
    let config = oracle.config;
    oracle.reown(&config, Address::new_unique());
    assert_code(apply(&mut oracle), E::WrongAccountOwner as u32);
    let _ = Signer::pubkey(&oracle.payer);
}
