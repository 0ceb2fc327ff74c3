//! The largest quorum and batch that fit one legacy transaction (1,232 bytes, at most 8
//! precompile signatures), computed from real serialized transactions and then run.
mod setup;

use setup::{ed25519, ix, live, Oracle, T0};
use solana_address::Address;
use solana_message::Message;
use solana_signer::Signer;

/// Maximum serialized transaction size (IPv6 MTU minus headers).
const PACKET_DATA_SIZE: usize = 1_232;
/// Most precompile signatures one transaction may carry.
const MAX_PRECOMPILE_SIGNATURES: usize = 8;

/// Serialized size of the update transaction for `quorum` signatures over `batch` feeds,
/// in the compact layout (one precompile instruction, one copy of the message in it).
fn size(oracle: &Oracle, feeds: &[Address], quorum: usize) -> usize {
    let updates: Vec<_> = feeds.iter().map(|f| (*f, live(1, T0 + 10, 5_000))).collect();
    let bytes = oracle.message(&updates);
    let keys: Vec<_> = oracle.signers[..quorum].iter().collect();
    let verify = ed25519::signed(&keys, &bytes);
    let push = ix::feed_push_update(oracle, feeds, &bytes);
    let message = Message::new(&[verify, push], Some(&oracle.payer.pubkey()));
    // One fee-payer signature: compact-u16 count (1 byte) + 64 bytes, then the message.
    1 + 64 + message.serialize().len()
}

/// Largest batch per quorum, as documented in the README's table.
const DOCUMENTED: [(usize, usize); 6] = [(1, 4), (2, 4), (3, 3), (4, 2), (5, 1), (6, 1)];

#[test]
fn largest_quorum_and_batch_that_fit_one_transaction() {
    let mut oracle = Oracle::initialized(8, 1);
    let feeds: Vec<Address> = (0..12).map(|i| oracle.create_feed(&format!("m{i}"))).collect();
    let mut table = Vec::new();
    for quorum in 1..=MAX_PRECOMPILE_SIGNATURES {
        let largest = (1..=feeds.len()).take_while(|&b| size(&oracle, &feeds[..b], quorum) <= PACKET_DATA_SIZE).last();
        match largest {
            Some(batch) => {
                println!(
                    "quorum {quorum}: batch {batch} ({} bytes; {} with one more feed)",
                    size(&oracle, &feeds[..batch], quorum),
                    size(&oracle, &feeds[..batch + 1], quorum)
                );
                table.push((quorum, batch));
            }
            None => println!("quorum {quorum}: does not fit ({} bytes for one feed)", size(&oracle, &feeds[..1], quorum)),
        }
    }
    assert_eq!(table, DOCUMENTED);

    // And the extremes really run: the largest batch at quorum 1, and the largest quorum.
    oracle.set_clock(T0 + 10);
    let (q, b) = DOCUMENTED[0];
    let updates: Vec<_> = feeds[..b].iter().map(|f| (*f, live(1, T0 + 10, 5_000))).collect();
    let meta = oracle.push(&updates, &(0..q).collect::<Vec<_>>()).expect("largest batch runs");
    println!("feed_push_update(batch {b}, quorum {q}) {} CU", meta.compute_units_consumed);
    let (q, b) = DOCUMENTED[DOCUMENTED.len() - 1];
    let updates: Vec<_> = feeds[5..5 + b].iter().map(|f| (*f, live(1, T0 + 10, 5_000))).collect();
    let meta = oracle.push(&updates, &(0..q).collect::<Vec<_>>()).expect("largest quorum runs");
    println!("feed_push_update(batch {b}, quorum {q}) {} CU", meta.compute_units_consumed);
}

#[test]
fn one_precompile_instruction_per_signature_is_accepted_too() {
    // Given quorum 2 and two separate precompile instructions (the web3.js builder's shape)
    let mut oracle = Oracle::initialized(3, 2);
    let feed = oracle.create_feed("m");
    oracle.set_clock(T0 + 10);
    let bytes = oracle.message(&[(feed, live(1, T0 + 10, 5_000))]);
    let first = ed25519::signed(&[&oracle.signers[0]], &bytes);
    let second = ed25519::signed(&[&oracle.signers[2]], &bytes);
    let push = ix::feed_push_update(&oracle, &[feed], &bytes);
    let payer = oracle.payer.insecure_clone();
    // When both precede the update
    oracle.send(&[first.clone(), second.clone(), push.clone()], &payer, &[]).expect("two instructions, two signers");
    // Then the same key in two instructions still counts once and fails
    let bytes = oracle.message(&[(feed, live(2, T0 + 10, 5_000))]);
    let twice = ed25519::signed(&[&oracle.signers[0]], &bytes);
    let push = ix::feed_push_update(&oracle, &[feed], &bytes);
    setup::assert_code(
        oracle.send(&[twice.clone(), twice, push], &payer, &[]),
        momentum_oracle::error::OracleError::DuplicateSigner as u32,
    );
}
