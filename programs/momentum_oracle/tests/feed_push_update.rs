//! `feed_push_update` against the real SBF program in LiteSVM: the happy paths, the update
//! rules, and the forged-signature attacks.
mod setup;

use momentum_oracle::{
    error::OracleError as E,
    state::feed::{FeedStatus, FeedUpdate, RING_CAPACITY},
};
use setup::{assert_code, ed25519, ix, live, print_cu, Oracle, T0};
use solana_address::Address;
use solana_instruction::{error::InstructionError, AccountMeta, Instruction};
use solana_signer::Signer;

fn code(e: E) -> u32 {
    e as u32
}

/// Given an oracle with `n` signers, quorum `m`, one feed created at T0 and the clock at T0 + 10.
fn given(n: usize, m: u8) -> (Oracle, Address) {
    let mut oracle = Oracle::initialized(n, m);
    let feed = oracle.create_feed("match-1");
    oracle.set_clock(T0 + 10);
    (oracle, feed)
}

#[test]
fn one_feed_quorum_one_is_recorded_with_its_event() {
    let (mut oracle, feed) = given(1, 1);
    let update = FeedUpdate { suspended: true, components: [6000, 5500, 7000, 5200, 9000], ..live(1, T0 + 9, 5_400) };

    let meta = oracle.push(&[(feed, update)], &[0]).expect("push succeeds");
    print_cu("feed_push_update(1 feed, quorum 1)", &meta);

    oracle.with_feed(&feed, |view| {
        assert_eq!(view.seq(), 1);
        assert_eq!(view.index_bps(), 5_400);
        assert_eq!(view.components(), [6000, 5500, 7000, 5200, 9000]);
        assert_eq!(view.status().unwrap(), FeedStatus::Live);
        assert!(view.suspended());
        assert_eq!(view.last_update_ts(), T0 + 9);
        assert_eq!(view.last_update_slot(), 1_025);
        let lookup = view.sample_at_or_after(T0).unwrap();
        assert_eq!((lookup.sample.ts, lookup.sample.index_bps, lookup.evicted), (T0 + 9, 5_400, false));
        assert!(lookup.sample.suspended);
    });
    let events = setup::events(&meta);
    assert_eq!(events.len(), 1);
    assert_eq!(&events[0][..8], &setup::anchor_discriminator("event:FeedUpdated"));
    assert_eq!(&events[0][8..40], feed.as_ref());
    assert_eq!(events[0].len(), 8 + 32 + 24 + 4 + 10);
}

#[test]
fn a_batch_updates_every_feed_and_a_quorum_of_three_passes() {
    let mut oracle = Oracle::initialized(5, 3);
    let feeds: Vec<Address> = (0..4).map(|i| oracle.create_feed(&format!("match-{i}"))).collect();
    oracle.set_clock(T0 + 10);
    let updates: Vec<(Address, FeedUpdate)> =
        feeds.iter().enumerate().map(|(i, f)| (*f, live(1, T0 + 10, 5_000 + 100 * i as u16))).collect();

    let meta = oracle.push(&updates, &[4, 0, 2]).expect("batch succeeds");
    print_cu("feed_push_update(4 feeds, quorum 3)", &meta);

    for (i, feed) in feeds.iter().enumerate() {
        assert_eq!(oracle.with_feed(feed, |v| v.index_bps()), 5_000 + 100 * i as u16);
    }
    assert_eq!(setup::events(&meta).len(), 4);
}

#[test]
fn more_signers_than_the_quorum_are_accepted() {
    let (mut oracle, feed) = given(3, 2);
    oracle.push(&[(feed, live(1, T0 + 10, 5_000))], &[0, 1, 2]).expect("3 of quorum 2");
}

#[test]
fn below_quorum_fails() {
    let (mut oracle, feed) = given(3, 2);
    assert_code(oracle.push(&[(feed, live(1, T0 + 10, 5_000))], &[1]), code(E::QuorumNotReached));
}

#[test]
fn one_key_counted_twice_fails() {
    // Given quorum 2 and one honest signer who signs twice
    let (mut oracle, feed) = given(3, 2);
    // When the precompile instruction lists the same key twice
    let result = oracle.push(&[(feed, live(1, T0 + 10, 5_000))], &[1, 1]);
    // Then it is not a quorum
    assert_code(result, code(E::DuplicateSigner));
}

#[test]
fn an_unknown_key_fails_even_beside_a_quorum() {
    let (mut oracle, feed) = given(1, 1);
    let message = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    let stranger = solana_keypair::Keypair::new();
    let verify = ed25519::signed(&[&oracle.signers[0], &stranger], &message);
    let push = ix::feed_push_update(&oracle, &[feed], &message);
    let payer = oracle.payer.insecure_clone();
    assert_code(oracle.send(&[verify, push], &payer, &[]), code(E::UnknownSigner));
}

#[test]
fn a_signature_over_a_different_message_fails() {
    // Given a quorum signature over seq 1 at index 5000
    let (mut oracle, feed) = given(1, 1);
    let signed = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    let carried = oracle.message(&[(feed, live(1, T0 + 10, 5_900))]);
    let verify = ed25519::signed(&[&oracle.signers[0]], &signed);
    // When the update instruction carries another message
    let push = ix::feed_push_update(&oracle, &[feed], &carried);
    let payer = oracle.payer.insecure_clone();
    // Then the bytes differ
    assert_code(oracle.send(&[verify, push], &payer, &[]), code(E::SignedMessageMismatch));
}

#[test]
fn offsets_pointing_into_another_instruction_fail() {
    // Given an honest signature whose message offset points into the update instruction's own
    // data (instruction 1): the precompile verifies those bytes, yet the entry lies about
    // where the message is.
    let (mut oracle, feed) = given(1, 1);
    let message = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    let push = ix::feed_push_update(&oracle, &[feed], &message);
    let message_at_in_push = (8 + 4) as u16;
    let mut entry = ed25519::Entry::honest(&oracle.signers[0], &message);
    entry.message_ix = 1;
    let verify = ed25519::instruction_with(&[entry], &[], Some((message_at_in_push, message.len() as u16)));
    let payer = oracle.payer.insecure_clone();
    assert_code(oracle.send(&[verify, push.clone()], &payer, &[]), code(E::Ed25519OffsetsElsewhere));

    // And key and signature taken from ANOTHER precompile instruction (ix 0, honest, same
    // offsets) verify fine in the precompile, yet the program refuses the cross reference
    let honest = ed25519::signed(&[&oracle.signers[0]], &message);
    for (signature_ix, key_ix) in [(0u16, ed25519::SELF), (ed25519::SELF, 0u16), (0, 0)] {
        let mut entry = ed25519::Entry::honest(&oracle.signers[0], &message);
        entry.signature_ix = signature_ix;
        entry.key_ix = key_ix;
        let forged = ed25519::instruction(&[entry], &message);
        let result = oracle.send(&[honest.clone(), forged, push.clone()], &payer, &[]);
        assert_code(result, code(E::Ed25519OffsetsElsewhere));
    }
}

#[test]
fn a_precompile_instruction_for_another_program_fails() {
    // Given the honest precompile bytes sent to a program that verifies nothing
    let (mut oracle, feed) = given(1, 1);
    let message = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    let mut fake = ed25519::signed(&[&oracle.signers[0]], &message);
    fake.program_id = solana_sdk_ids::system_program::ID;
    fake.accounts = vec![];
    let memo_like = Instruction { program_id: oracle.program_id, ..fake.clone() };
    let push = ix::feed_push_update(&oracle, &[feed], &message);
    let payer = oracle.payer.insecure_clone();
    // When the preceding instruction is the oracle itself (any non-precompile program)
    let result = oracle.send(&[memo_like, push.clone()], &payer, &[]);
    // Then the data is never trusted (the oracle rejects the bogus call first or the update)
    assert!(result.is_err());
    // And a compute-budget instruction in that place is not a precompile either
    let budget = Instruction {
        program_id: solana_sdk_ids::compute_budget::ID,
        accounts: vec![],
        data: vec![2, 0x40, 0x0d, 0x03, 0x00],
    };
    assert_code(oracle.send(&[budget, push.clone()], &payer, &[]), code(E::Ed25519WrongProgram));
    // And with nothing before it the signature is missing
    assert_code(oracle.send(&[push], &payer, &[]), code(E::Ed25519InstructionMissing));
}

#[test]
fn a_fake_instructions_sysvar_fails() {
    // Given an account holding a copy of a real Instructions sysvar layout that lists a
    // precompile instruction (the Wormhole exploit's fake sysvar)
    let (mut oracle, feed) = given(1, 1);
    let message = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    let fake_sysvar = Address::new_unique();
    oracle.put(fake_sysvar, solana_sdk_ids::sysvar::ID, fake_instructions_sysvar(&message));
    let mut push = ix::feed_push_update(&oracle, &[feed], &message);
    push.accounts[1] = AccountMeta::new_readonly(fake_sysvar, false);
    let payer = oracle.payer.insecure_clone();
    // When the update passes it instead of the sysvar, with no real precompile instruction
    let result = oracle.send(&[push], &payer, &[]);
    // Then the address check refuses it
    assert_code(result, code(E::InvalidInstructionsSysvar));
}

/// Serialized sysvar with instruction 0 = a precompile entry claiming a signature over
/// `message`, current index 1.
fn fake_instructions_sysvar(message: &[u8]) -> Vec<u8> {
    let verify = ed25519::instruction(
        &[ed25519::Entry { key: [1; 32], signature: [2; 64], signature_ix: 0xFFFF, key_ix: 0xFFFF, message_ix: 0xFFFF }],
        message,
    );
    let mut out = vec![2, 0, 0, 0, 0, 0];
    let first = out.len() as u16;
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(verify.program_id.as_ref());
    out.extend_from_slice(&(verify.data.len() as u16).to_le_bytes());
    out.extend_from_slice(&verify.data);
    let second = out.len() as u16;
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&[0; 32]);
    out.extend_from_slice(&0u16.to_le_bytes());
    out[2..4].copy_from_slice(&first.to_le_bytes());
    out[4..6].copy_from_slice(&second.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out
}

#[test]
fn a_bad_signature_is_refused_by_the_precompile() {
    let (mut oracle, feed) = given(1, 1);
    let message = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    let mut entry = ed25519::Entry::honest(&oracle.signers[0], &message);
    entry.signature[0] ^= 1;
    let verify = ed25519::instruction(&[entry], &message);
    let push = ix::feed_push_update(&oracle, &[feed], &message);
    let payer = oracle.payer.insecure_clone();
    let err = oracle.send(&[verify, push], &payer, &[]).unwrap_err();
    // PrecompileError::InvalidSignature (2) raised by instruction 0, before the program runs
    assert_eq!(
        err.err,
        solana_transaction_error::TransactionError::InstructionError(0, InstructionError::Custom(2)),
        "logs: {:#?}",
        err.meta.logs
    );
    assert_eq!(oracle.with_feed(&feed, |v| v.seq()), 0);
}

#[test]
fn a_replayed_or_stale_seq_fails() {
    let (mut oracle, feed) = given(1, 1);
    oracle.push(&[(feed, live(5, T0 + 8, 5_000))], &[0]).unwrap();
    // The same signed message again (fresh blockhash): replay protection rests on seq
    assert_code(oracle.push(&[(feed, live(5, T0 + 8, 5_000))], &[0]), code(E::SeqNotIncreasing));
    assert_code(oracle.push(&[(feed, live(4, T0 + 9, 5_000))], &[0]), code(E::SeqNotIncreasing));
    oracle.push(&[(feed, live(6, T0 + 9, 5_000))], &[0]).expect("next seq");
}

#[test]
fn time_rules_are_enforced_against_the_clock() {
    let (mut oracle, feed) = given(1, 1);
    oracle.push(&[(feed, live(1, T0 + 8, 5_000))], &[0]).unwrap();
    assert_code(oracle.push(&[(feed, live(2, T0 + 7, 5_000))], &[0]), code(E::TimeWentBackwards));
    assert_code(oracle.push(&[(feed, live(2, T0 + 16, 5_000))], &[0]), code(E::TimeTooFarInFuture));
    oracle.push(&[(feed, live(2, T0 + 15, 5_000))], &[0]).expect("at the skew limit");
    oracle.set_clock(T0 + 15 + 61);
    assert_code(oracle.push(&[(feed, live(3, T0 + 15, 5_000))], &[0]), code(E::UpdateStale));
}

#[test]
fn values_out_of_range_fail() {
    let (mut oracle, feed) = given(1, 1);
    assert_code(oracle.push(&[(feed, live(1, T0 + 10, 10_001))], &[0]), code(E::IndexOutOfRange));
    let mut update = live(1, T0 + 10, 5_000);
    update.components[2] = 10_001;
    assert_code(oracle.push(&[(feed, update)], &[0]), code(E::ComponentOutOfRange));
    let mut bytes = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    bytes[42 + 48] = 9;
    assert_code(push_raw(&mut oracle, &[feed], &bytes), code(E::InvalidStatus));
    bytes[42 + 48] = 1;
    bytes[42 + 49] = 2;
    assert_code(push_raw(&mut oracle, &[feed], &bytes), code(E::InvalidSuspendedFlag));
}

fn push_raw(oracle: &mut Oracle, feeds: &[Address], message: &[u8]) -> Result<litesvm::types::TransactionMetadata, litesvm::types::FailedTransactionMetadata> {
    let verify = ed25519::signed(&[&oracle.signers[0]], message);
    let push = ix::feed_push_update(oracle, feeds, message);
    let payer = oracle.payer.insecure_clone();
    oracle.send(&[verify, push], &payer, &[])
}

#[test]
fn the_match_state_machine_is_enforced() {
    let (mut oracle, feed) = given(1, 1);
    let with = |seq, status| FeedUpdate { status, ..live(seq, T0 + seq as i64, 5_000) };
    oracle.set_clock(T0 + 20);
    assert_code(oracle.push(&[(feed, with(1, FeedStatus::HalfTime))], &[0]), code(E::IllegalStatusTransition));
    assert_code(oracle.push(&[(feed, with(1, FeedStatus::Ended))], &[0]), code(E::IllegalStatusTransition));
    oracle.push(&[(feed, with(1, FeedStatus::Scheduled))], &[0]).unwrap();
    oracle.push(&[(feed, with(2, FeedStatus::Live))], &[0]).unwrap();
    oracle.push(&[(feed, with(3, FeedStatus::HalfTime))], &[0]).unwrap();
    assert_code(oracle.push(&[(feed, with(4, FeedStatus::Scheduled))], &[0]), code(E::IllegalStatusTransition));
    oracle.push(&[(feed, with(4, FeedStatus::Live))], &[0]).unwrap();
    oracle.push(&[(feed, with(5, FeedStatus::Ended))], &[0]).unwrap();
    assert_code(oracle.push(&[(feed, with(6, FeedStatus::Abandoned))], &[0]), code(E::FeedFinalized));
    assert_code(oracle.push(&[(feed, with(6, FeedStatus::Ended))], &[0]), code(E::FeedFinalized));
}

#[test]
fn the_index_cannot_move_faster_than_the_guard_rail() {
    // Given max move 100 bps/s and a last update at index 5000
    let (mut oracle, feed) = given(1, 1);
    oracle.push(&[(feed, live(1, T0 + 5, 5_000))], &[0]).unwrap();
    // When even a full quorum signs a jump of 301 bps three seconds later
    let result = oracle.push(&[(feed, live(2, T0 + 8, 5_301))], &[0]);
    // Then it is rejected, while 300 bps passes
    assert_code(result, code(E::IndexMovedTooFast));
    oracle.push(&[(feed, live(2, T0 + 8, 4_700))], &[0]).expect("300 bps in 3 s");
}

#[test]
fn paused_oracle_refuses_updates() {
    let (mut oracle, feed) = given(1, 1);
    let admin = oracle.admin.insecure_clone();
    oracle.send(&[ix::config_set_paused(&oracle, 1)], &admin, &[]).unwrap();
    assert_code(oracle.push(&[(feed, live(1, T0 + 10, 5_000))], &[0]), code(E::Paused));
}

#[test]
fn message_for_another_program_fails() {
    let (mut oracle, feed) = given(1, 1);
    let mut bytes = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    bytes[9] ^= 1;
    assert_code(push_raw(&mut oracle, &[feed], &bytes), code(E::MessageWrongProgram));
    let mut bytes = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    bytes[0] = b'X';
    assert_code(push_raw(&mut oracle, &[feed], &bytes), code(E::MessageMalformed));
}

#[test]
fn feed_accounts_must_match_the_message() {
    let mut oracle = Oracle::initialized(1, 1);
    let a = oracle.create_feed("a");
    let b = oracle.create_feed("b");
    oracle.set_clock(T0 + 10);
    let bytes = oracle.message(&[(a, live(1, T0 + 10, 5_000)), (b, live(1, T0 + 10, 5_000))]);
    assert_code(push_raw(&mut oracle, &[b, a], &bytes), code(E::FeedAccountMismatch));
    assert_code(push_raw(&mut oracle, &[a], &bytes), code(E::FeedAccountMismatch));
    push_raw(&mut oracle, &[a, b], &bytes).expect("right order");
}

#[test]
fn generic_account_attacks_fail() {
    let (mut oracle, feed) = given(1, 1);
    let update = [(feed, live(1, T0 + 10, 5_000))];
    let message = oracle.message(&update);

    // Feed not writable
    let mut push = ix::feed_push_update(&oracle, &[feed], &message);
    push.accounts[2].is_writable = false;
    let verify = ed25519::signed(&[&oracle.signers[0]], &message);
    let payer = oracle.payer.insecure_clone();
    assert_code(oracle.send(&[verify.clone(), push], &payer, &[]), code(E::AccountNotWritable));

    // Type cosplay: the feed passed as the config
    let mut push = ix::feed_push_update(&oracle, &[feed], &message);
    push.accounts[0] = AccountMeta::new_readonly(feed, false);
    assert_code(oracle.send(&[verify.clone(), push], &payer, &[]), code(E::InvalidAccountData));

    // Feed data tied to another config
    let mut data = oracle.data(&feed);
    data[8] ^= 1;
    let program_id = oracle.program_id;
    oracle.put(feed, program_id, data.clone());
    assert_code(oracle.push(&update, &[0]), code(E::FeedConfigMismatch));
    data[8] ^= 1;

    // Type cosplay: config bytes at the feed address
    let config_bytes = oracle.data(&oracle.config);
    oracle.put(feed, program_id, config_bytes);
    assert_code(oracle.push(&update, &[0]), code(E::InvalidAccountData));
    oracle.put(feed, program_id, data);

    // Wrong owner: the feed, then the config, owned by another program
    oracle.reown(&feed, solana_sdk_ids::system_program::ID);
    assert_code(oracle.push(&update, &[0]), code(E::WrongAccountOwner));
    oracle.reown(&feed, program_id);
    let config = oracle.config;
    oracle.reown(&config, Address::new_unique());
    assert_code(oracle.push(&update, &[0]), code(E::WrongAccountOwner));
    oracle.reown(&config, program_id);

    oracle.push(&update, &[0]).expect("restored accounts work");
}

#[test]
fn malformed_arguments_fail() {
    let (mut oracle, feed) = given(1, 1);
    let message = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    let verify = ed25519::signed(&[&oracle.signers[0]], &message);
    let mut push = ix::feed_push_update(&oracle, &[feed], &message);
    push.data[8] ^= 1; // length prefix no longer matches
    let payer = oracle.payer.insecure_clone();
    assert_code(oracle.send(&[verify, push], &payer, &[]), code(E::InvalidInstructionData));
    let mut short = ix::feed_push_update(&oracle, &[feed], &message);
    short.accounts.truncate(1);
    let verify = ed25519::signed(&[&oracle.signers[0]], &message);
    #[allow(deprecated)] // the runtime still reports the program's NotEnoughAccountKeys under this name
    let expected = InstructionError::NotEnoughAccountKeys;
    setup::assert_instruction_error(oracle.send(&[verify, short], &payer, &[]), expected);
}

#[test]
fn the_ring_keeps_the_last_720_samples_and_flags_eviction() {
    // Given 730 accepted updates, one per second
    let (mut oracle, feed) = given(1, 1);
    let start = T0 + 10;
    for seq in 1..=730u64 {
        let ts = start + seq as i64;
        oracle.set_clock(ts);
        oracle.push(&[(feed, live(seq, ts, 5_000 + (seq % 50) as u16))], &[0]).unwrap();
    }
    oracle.with_feed(&feed, |view| {
        assert_eq!(view.ring_len(), RING_CAPACITY);
        // Then the ten oldest were evicted: a lookup before the oldest retained is flagged
        let lookup = view.sample_at_or_after(start + 1).unwrap();
        assert_eq!((lookup.sample.ts, lookup.evicted), (start + 11, true));
        let lookup = view.sample_at_or_after(start + 500).unwrap();
        assert_eq!((lookup.sample.ts, lookup.sample.index_bps, lookup.evicted), (start + 500, 5_000, false));
        assert!(view.sample_at_or_after(start + 731).is_none());
    });
    let signer = oracle.signers[0].pubkey();
    assert_ne!(signer, oracle.payer.pubkey(), "the fee payer need not be a signer key");
}
