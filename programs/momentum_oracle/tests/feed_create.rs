//! `feed_create` against the real SBF program in LiteSVM.
mod setup;

use momentum_oracle::{
    error::OracleError as E,
    state::feed::{FeedStatus, FEED_LEN},
};
use setup::{assert_code, assert_instruction_error, ix, padded, print_cu, Oracle, T0};
use solana_address::Address;
use solana_instruction::{error::InstructionError, AccountMeta};
use solana_keypair::Keypair;
use solana_signer::Signer;

#[test]
fn the_admin_creates_a_scheduled_balanced_feed() {
    // Given an initialized oracle
    let mut oracle = Oracle::initialized(1, 1);
    let match_id = padded("sr:match:50000001");

    // When the admin creates the feed
    let ix = ix::feed_create(&oracle, &match_id, &padded("Arsenal"), &padded("Chelsea"));
    let admin = oracle.admin.insecure_clone();
    let meta = oracle.send(&[ix], &admin, &[]).expect("feed_create succeeds");
    print_cu("feed_create", &meta);

    // Then the PDA holds the identity, status Scheduled, index 5000, an empty ring
    let feed = oracle.feed_address(&match_id);
    let account = oracle.svm.get_account(&feed).unwrap();
    assert_eq!((account.owner, account.data.len()), (oracle.program_id, FEED_LEN));
    let (_, bump) = Address::find_program_address(&[b"feed", &match_id], &oracle.program_id);
    oracle.with_feed(&feed, |view| {
        assert_eq!(view.config(), &oracle.config);
        assert_eq!(view.match_id(), &match_id);
        assert_eq!(view.home_team(), &padded("Arsenal"));
        assert_eq!(view.away_team(), &padded("Chelsea"));
        assert_eq!(view.status().unwrap(), FeedStatus::Scheduled);
        assert_eq!((view.index_bps(), view.seq(), view.ring_len()), (5_000, 0, 0));
        assert_eq!(view.last_update_ts(), T0);
        assert_eq!(view.bump(), bump);
    });
    let event = &setup::events(&meta)[0];
    assert_eq!(&event[..8], &setup::anchor_discriminator("event:FeedCreated"));
    assert_eq!(&event[8..40], feed.as_ref());
}

#[test]
fn non_admin_or_missing_signer_fails() {
    let mut oracle = Oracle::initialized(1, 1);
    let stranger = Keypair::new();
    oracle.svm.airdrop(&stranger.pubkey(), 1_000_000_000).unwrap();
    let mut ix = ix::feed_create(&oracle, &padded("m"), &padded("A"), &padded("B"));
    ix.accounts[0] = AccountMeta::new(stranger.pubkey(), true);
    assert_code(oracle.send(&[ix], &stranger, &[]), E::Unauthorized as u32);
    let mut ix = ix::feed_create(&oracle, &padded("m"), &padded("A"), &padded("B"));
    ix.accounts[0].is_signer = false;
    let payer = oracle.payer.insecure_clone();
    assert_instruction_error(oracle.send(&[ix], &payer, &[]), InstructionError::MissingRequiredSignature);
}

#[test]
fn wrong_pda_and_non_canonical_bump_fail() {
    let mut oracle = Oracle::initialized(1, 1);
    let admin = oracle.admin.insecure_clone();
    let id = padded("m");
    let (_, bump) = Address::find_program_address(&[b"feed", &id], &oracle.program_id);
    let non_canonical = (0..bump)
        .rev()
        .find_map(|b| Address::create_program_address(&[b"feed", &id, &[b]], &oracle.program_id).ok())
        .expect("a non-canonical bump exists");
    for address in [non_canonical, oracle.feed_address(&padded("other"))] {
        let mut ix = ix::feed_create(&oracle, &id, &padded("A"), &padded("B"));
        ix.accounts[2] = AccountMeta::new(address, false);
        assert_code(oracle.send(&[ix], &admin, &[]), E::InvalidPda as u32);
    }
}

#[test]
fn config_attacks_fail() {
    let mut oracle = Oracle::initialized(1, 1);
    let admin = oracle.admin.insecure_clone();
    let feed = oracle.create_feed("first");
    // Type cosplay: a feed passed as the config
    let mut ix = ix::feed_create(&oracle, &padded("m"), &padded("A"), &padded("B"));
    ix.accounts[1] = AccountMeta::new_readonly(feed, false);
    assert_code(oracle.send(&[ix], &admin, &[]), E::InvalidAccountData as u32);
    // Wrong owner: config bytes owned by another program
    let config = oracle.config;
    oracle.reown(&config, Address::new_unique());
    let ix = ix::feed_create(&oracle, &padded("m"), &padded("A"), &padded("B"));
    assert_code(oracle.send(&[ix], &admin, &[]), E::WrongAccountOwner as u32);
}

#[test]
fn re_initialization_fails() {
    let mut oracle = Oracle::initialized(1, 1);
    oracle.create_feed("m");
    let admin = oracle.admin.insecure_clone();
    let ix = ix::feed_create(&oracle, &padded("m"), &padded("A"), &padded("B"));
    assert_code(oracle.send(&[ix], &admin, &[]), E::AlreadyInitialized as u32);
}

#[test]
fn not_writable_system_program_and_names_fail() {
    let mut oracle = Oracle::initialized(1, 1);
    let admin = oracle.admin.insecure_clone();
    let mut ix = ix::feed_create(&oracle, &padded("m"), &padded("A"), &padded("B"));
    ix.accounts[2].is_writable = false;
    assert_code(oracle.send(&[ix], &admin, &[]), E::AccountNotWritable as u32);
    let mut ix = ix::feed_create(&oracle, &padded("m"), &padded("A"), &padded("B"));
    ix.accounts[3] = AccountMeta::new_readonly(Address::new_unique(), false);
    assert_code(oracle.send(&[ix], &admin, &[]), E::WrongProgramAccount as u32);
    let ix = ix::feed_create(&oracle, &padded("m"), &padded(""), &padded("B"));
    assert_code(oracle.send(&[ix], &admin, &[]), E::InvalidTeamName as u32);
    let mut bad = padded("A");
    bad[5] = b'x';
    let ix = ix::feed_create(&oracle, &padded("m"), &padded("A"), &bad);
    assert_code(oracle.send(&[ix], &admin, &[]), E::InvalidTeamName as u32);
    let mut ix = ix::feed_create(&oracle, &padded("m"), &padded("A"), &padded("B"));
    ix.data.pop();
    assert_code(oracle.send(&[ix], &admin, &[]), E::InvalidInstructionData as u32);
}
