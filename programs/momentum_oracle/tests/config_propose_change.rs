//! `config_propose_change` against the real SBF program in LiteSVM.
mod setup;

use momentum_oracle::error::OracleError as E;
use setup::{assert_code, assert_instruction_error, ix, print_cu, Oracle, RAILS, T0};
use solana_address::Address;
use solana_instruction::{error::InstructionError, AccountMeta};
use solana_keypair::Keypair;
use solana_signer::Signer;

fn propose(oracle: &mut Oracle, params: &[u8]) -> Result<litesvm::types::TransactionMetadata, litesvm::types::FailedTransactionMetadata> {
    let admin = oracle.admin.insecure_clone();
    oracle.send(&[ix::config_propose_change(oracle, params)], &admin, &[])
}

#[test]
fn the_admin_proposes_a_new_signer_set_applicable_after_the_delay() {
    // Given an initialized oracle (delay 3600 s) and a rotated signer set
    let mut oracle = Oracle::initialized(2, 1);
    oracle.signers.push(Keypair::new());
    let params = oracle.params(2, (50, 30, 3, 7_200));

    // When the admin proposes it
    let meta = propose(&mut oracle, &params).expect("proposal accepted");
    print_cu("config_propose_change", &meta);

    // Then it is pending until T0 + 3600, while the current set stays in force
    oracle.with_config(|config| {
        assert!(config.has_pending());
        assert_eq!(config.pending_apply_after(), T0 + 3_600);
        assert_eq!(config.pending().raw(), &params);
        assert_eq!(config.current().signer_count(), 2);
    });
    let events = setup::events(&meta);
    assert_eq!(&events[0][..8], &setup::anchor_discriminator("event:ConfigChangeProposed"));
    assert_eq!(&events[0][40..48], &(T0 + 3_600).to_le_bytes());
}

#[test]
fn a_new_proposal_restarts_the_window_with_the_current_delay() {
    // Given a pending proposal that would shorten the delay to 60 s
    let mut oracle = Oracle::initialized(1, 1);
    let short = oracle.params(1, (100, 60, 5, 60));
    propose(&mut oracle, &short).unwrap();
    // When the admin re-proposes 30 minutes later
    oracle.set_clock(T0 + 1_800);
    propose(&mut oracle, &short).unwrap();
    // Then the window restarts with the delay in force (3600 s), not the proposed 60 s
    assert_eq!(oracle.with_config(|c| c.pending_apply_after()), T0 + 1_800 + 3_600);
}

#[test]
fn non_admin_fails() {
    let mut oracle = Oracle::initialized(1, 1);
    let stranger = Keypair::new();
    oracle.svm.airdrop(&stranger.pubkey(), 1_000_000_000).unwrap();
    let mut ix = ix::config_propose_change(&oracle, &oracle.params(1, RAILS));
    ix.accounts[0] = AccountMeta::new_readonly(stranger.pubkey(), true);
    assert_code(oracle.send(&[ix], &stranger, &[]), E::Unauthorized as u32);
}

#[test]
fn missing_signer_fails() {
    let mut oracle = Oracle::initialized(1, 1);
    let mut ix = ix::config_propose_change(&oracle, &oracle.params(1, RAILS));
    ix.accounts[0].is_signer = false;
    let payer = oracle.payer.insecure_clone();
    assert_instruction_error(oracle.send(&[ix], &payer, &[]), InstructionError::MissingRequiredSignature);
}

#[test]
fn config_not_writable_wrong_owner_or_cosplay_fail() {
    let mut oracle = Oracle::initialized(1, 1);
    let params = oracle.params(1, RAILS);
    let admin = oracle.admin.insecure_clone();
    let mut ix = ix::config_propose_change(&oracle, &params);
    ix.accounts[1].is_writable = false;
    assert_code(oracle.send(&[ix], &admin, &[]), E::AccountNotWritable as u32);

    let feed = oracle.create_feed("m");
    let mut ix = ix::config_propose_change(&oracle, &params);
    ix.accounts[1] = AccountMeta::new(feed, false);
    assert_code(oracle.send(&[ix], &admin, &[]), E::InvalidAccountData as u32);

    let config = oracle.config;
    oracle.reown(&config, Address::new_unique());
    assert_code(propose(&mut oracle, &params), E::WrongAccountOwner as u32);
}

#[test]
fn invalid_parameters_fail() {
    let mut oracle = Oracle::initialized(2, 1);
    let too_high_quorum = oracle.params(3, RAILS);
    assert_code(propose(&mut oracle, &too_high_quorum), E::InvalidQuorum as u32);
    let short_delay = oracle.params(1, (100, 60, 5, 59));
    assert_code(propose(&mut oracle, &short_delay), E::InvalidGuardRails as u32);
    let truncated = oracle.params(1, RAILS);
    assert_code(propose(&mut oracle, &truncated[..303]), E::InvalidInstructionData as u32);
    assert!(!oracle.with_config(|c| c.has_pending()));
}
