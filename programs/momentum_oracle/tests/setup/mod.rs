//! Shared LiteSVM harness: the real SBF build of `momentum_oracle` from `target/deploy`, with
//! builders for every instruction and for Ed25519 precompile instructions (honest or forged).
#![allow(dead_code)]

pub mod ed25519;
pub mod ix;

use std::path::PathBuf;

use litesvm::{
    types::{FailedTransactionMetadata, TransactionMetadata},
    LiteSVM,
};
use momentum_oracle::{
    message,
    state::{
        config_params::PARAMS_LEN,
        feed::{FeedStatus, FeedUpdate, FeedView},
        oracle_config::OracleConfigView,
    },
};
use solana_account::Account;
use solana_address::Address;
use solana_clock::Clock;
use solana_instruction::{error::InstructionError, Instruction};
use solana_keypair::Keypair;
use solana_message::Message;
use solana_signer::Signer;
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;

/// Clock time every fixture starts at.
pub const T0: i64 = 1_750_000_000;
/// Default guard rails: (max move bps/s, max staleness s, max future skew s, timelock delay s).
pub const RAILS: (u16, u32, u32, u32) = (100, 60, 5, 3_600);
/// `BPFLoaderUpgradeab1e11111111111111111111111`.
pub const UPGRADEABLE_LOADER: Address = solana_sdk_ids::bpf_loader_upgradeable::ID;

/// Path of the SBF build, as produced by `scripts/build-programs.sh`.
pub fn program_so() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/deploy/momentum_oracle.so");
    assert!(path.exists(), "{} missing: run scripts/build-programs.sh first", path.display());
    path
}

/// Anchor discriminator of `preimage` (e.g. `global:feed_create`).
pub fn anchor_discriminator(preimage: &str) -> [u8; 8] {
    use sha2::{Digest, Sha256};
    Sha256::digest(preimage.as_bytes())[..8].try_into().unwrap()
}

/// Encodes `ConfigParams` (Borsh order).
pub fn encode_params(admin: &Address, signers: &[Address], quorum: u8, rails: (u16, u32, u32, u32)) -> [u8; PARAMS_LEN] {
    let mut raw = [0u8; PARAMS_LEN];
    raw[..32].copy_from_slice(admin.as_ref());
    for (i, key) in signers.iter().enumerate() {
        raw[32 + 32 * i..64 + 32 * i].copy_from_slice(key.as_ref());
    }
    raw[288] = signers.len() as u8;
    raw[289] = quorum;
    raw[290..292].copy_from_slice(&rails.0.to_le_bytes());
    raw[292..296].copy_from_slice(&rails.1.to_le_bytes());
    raw[296..300].copy_from_slice(&rails.2.to_le_bytes());
    raw[300..304].copy_from_slice(&rails.3.to_le_bytes());
    raw
}

/// A Live update with balanced components.
pub fn live(seq: u64, ts: i64, index_bps: u16) -> FeedUpdate {
    FeedUpdate { seq, ts, status: FeedStatus::Live, suspended: false, index_bps, components: [5_000; 5] }
}

/// A padded 32-byte name or id.
pub fn padded(text: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    out[..text.len()].copy_from_slice(text.as_bytes());
    out
}

/// The deployed program, its keys and helpers.
pub struct Oracle {
    pub svm: LiteSVM,
    pub program_id: Address,
    /// Upgrade authority (signs `config_init`).
    pub authority: Keypair,
    /// Config admin.
    pub admin: Keypair,
    /// Oracle signer keys, in config slot order.
    pub signers: Vec<Keypair>,
    /// Fee payer of update transactions (not a signer key).
    pub payer: Keypair,
    pub config: Address,
    pub program_data: Address,
}

impl Oracle {
    /// Program deployed with an upgrade authority, clock at [`T0`], config not initialized.
    pub fn deployed(signer_count: usize) -> Self {
        let mut svm = LiteSVM::new();
        let program_id = Address::new_unique();
        svm.add_program_from_file(program_id, program_so()).expect("load momentum_oracle.so");
        let authority = Keypair::new();
        let (program_data, _) = Address::find_program_address(&[program_id.as_ref()], &UPGRADEABLE_LOADER);
        let mut account = svm.get_account(&program_data).expect("program data exists");
        account.data[12] = 1;
        account.data[13..45].copy_from_slice(authority.pubkey().as_ref());
        svm.set_account(program_data, account).unwrap();
        let admin = Keypair::new();
        let payer = Keypair::new();
        for who in [&authority, &admin, &payer] {
            svm.airdrop(&who.pubkey(), 100_000_000_000).unwrap();
        }
        let (config, _) = Address::find_program_address(&[b"oracle_config"], &program_id);
        let signers = (0..signer_count).map(|_| Keypair::new()).collect();
        let mut oracle = Self { svm, program_id, authority, admin, signers, payer, config, program_data };
        oracle.set_clock(T0);
        oracle
    }

    /// Deployed and initialized with `signer_count` signers, `quorum` and [`RAILS`].
    pub fn initialized(signer_count: usize, quorum: u8) -> Self {
        let mut oracle = Self::deployed(signer_count);
        let params = oracle.params(quorum, RAILS);
        let ix = ix::config_init(&oracle, &params);
        let authority = oracle.authority.insecure_clone();
        oracle.send(&[ix], &authority, &[]).expect("config_init succeeds");
        oracle
    }

    /// Parameters with this fixture's admin and signers.
    pub fn params(&self, quorum: u8, rails: (u16, u32, u32, u32)) -> [u8; PARAMS_LEN] {
        let keys: Vec<Address> = self.signers.iter().map(|k| k.pubkey()).collect();
        encode_params(&self.admin.pubkey(), &keys, quorum, rails)
    }

    /// Sets the Clock sysvar's unix time (slot follows at one per 400 ms from T0).
    pub fn set_clock(&mut self, unix_timestamp: i64) {
        let mut clock: Clock = self.svm.get_sysvar();
        clock.unix_timestamp = unix_timestamp;
        clock.slot = 1_000 + ((unix_timestamp - T0).max(0) as u64) * 5 / 2;
        self.svm.set_sysvar(&clock);
    }

    /// Current Clock unix time.
    pub fn now(&self) -> i64 {
        self.svm.get_sysvar::<Clock>().unix_timestamp
    }

    /// PDA of the feed for `match_id`.
    pub fn feed_address(&self, match_id: &[u8; 32]) -> Address {
        Address::find_program_address(&[b"feed", match_id], &self.program_id).0
    }

    /// Creates a feed (Arsenal v Chelsea) for `match_id` and returns its address.
    pub fn create_feed(&mut self, match_id: &str) -> Address {
        let id = padded(match_id);
        let ix = ix::feed_create(self, &id, &padded("Arsenal"), &padded("Chelsea"));
        let admin = self.admin.insecure_clone();
        self.send(&[ix], &admin, &[]).expect("feed_create succeeds");
        self.feed_address(&id)
    }

    /// Sends `ixs` paid by `payer`, signed also by `signers`.
    pub fn send(
        &mut self,
        ixs: &[Instruction],
        payer: &Keypair,
        signers: &[&Keypair],
    ) -> Result<TransactionMetadata, FailedTransactionMetadata> {
        let mut all: Vec<&Keypair> = vec![payer];
        all.extend_from_slice(signers);
        let message = Message::new(ixs, Some(&payer.pubkey()));
        let tx = Transaction::new(&all, message, self.svm.latest_blockhash());
        let result = self.svm.send_transaction(tx);
        self.svm.expire_blockhash();
        result
    }

    /// Signs `updates` with the signer keys at `slots` and pushes them (precompile + update).
    pub fn push(&mut self, updates: &[(Address, FeedUpdate)], slots: &[usize]) -> Result<TransactionMetadata, FailedTransactionMetadata> {
        let bytes = self.message(updates);
        let keys: Vec<&Keypair> = slots.iter().map(|&s| &self.signers[s]).collect();
        let verify = ed25519::signed(&keys, &bytes);
        let feeds: Vec<Address> = updates.iter().map(|(feed, _)| *feed).collect();
        let push = ix::feed_push_update(self, &feeds, &bytes);
        let payer = self.payer.insecure_clone();
        self.send(&[verify, push], &payer, &[])
    }

    /// Message bytes for `updates` addressed to this program.
    pub fn message(&self, updates: &[(Address, FeedUpdate)]) -> Vec<u8> {
        let raw: Vec<([u8; 32], FeedUpdate)> = updates.iter().map(|(feed, u)| (feed.to_bytes(), *u)).collect();
        message::encode(&self.program_id.to_bytes(), &raw)
    }

    /// Raw data of an account.
    pub fn data(&self, address: &Address) -> Vec<u8> {
        self.svm.get_account(address).expect("account exists").data
    }

    /// Asserts facts about a feed through the same `FeedView` other programs use.
    pub fn with_feed<T>(&self, feed: &Address, read: impl FnOnce(FeedView) -> T) -> T {
        let data = self.data(feed);
        read(FeedView::from_bytes(&data).expect("a feed"))
    }

    /// Reads the config through `OracleConfigView`.
    pub fn with_config<T>(&self, read: impl FnOnce(OracleConfigView) -> T) -> T {
        let data = self.data(&self.config);
        read(OracleConfigView::from_bytes(&data).expect("a config"))
    }

    /// Replaces `address` with a copy of itself owned by `owner` (wrong-owner attacks).
    pub fn reown(&mut self, address: &Address, owner: Address) {
        let mut account = self.svm.get_account(address).expect("account exists");
        account.owner = owner;
        self.svm.set_account(*address, account).unwrap();
    }

    /// Writes an account with arbitrary data and owner.
    pub fn put(&mut self, address: Address, owner: Address, data: Vec<u8>) {
        let lamports = self.svm.minimum_balance_for_rent_exemption(data.len());
        self.svm.set_account(address, Account { lamports, data, owner, executable: false, rent_epoch: 0 }).unwrap();
    }
}

/// The custom error code of a failed transaction, if the failure was one.
pub fn custom_error_code(err: &FailedTransactionMetadata) -> Option<u32> {
    match err.err {
        TransactionError::InstructionError(_, InstructionError::Custom(code)) => Some(code),
        _ => None,
    }
}

/// Asserts that `result` failed with custom error `code`.
#[track_caller]
pub fn assert_code(result: Result<TransactionMetadata, FailedTransactionMetadata>, code: u32) {
    match result {
        Ok(_) => panic!("expected error {code}, the transaction succeeded"),
        Err(err) => assert_eq!(custom_error_code(&err), Some(code), "got {:?}\nlogs: {:#?}", err.err, err.meta.logs),
    }
}

/// Asserts that `result` failed with the builtin instruction error `expected`.
#[track_caller]
pub fn assert_instruction_error(result: Result<TransactionMetadata, FailedTransactionMetadata>, expected: InstructionError) {
    match result {
        Ok(_) => panic!("expected {expected:?}, the transaction succeeded"),
        Err(err) => match err.err {
            TransactionError::InstructionError(_, ref got) => assert_eq!(got, &expected, "logs: {:#?}", err.meta.logs),
            ref other => panic!("expected {expected:?}, got {other:?}"),
        },
    }
}

/// Prints the CU line every test run shows.
pub fn print_cu(name: &str, meta: &TransactionMetadata) {
    println!("{name} {} CU", meta.compute_units_consumed);
}

/// The `Program data:` payloads (base64-decoded) of a transaction's logs.
pub fn events(meta: &TransactionMetadata) -> Vec<Vec<u8>> {
    meta.logs.iter().filter_map(|line| line.strip_prefix("Program data: ")).map(base64_decode).collect()
}

fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in text.bytes().filter(|&b| b != b'=') {
        let value = ALPHABET.iter().position(|&a| a == byte).expect("base64") as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    out
}
