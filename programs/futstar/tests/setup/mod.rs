//! Shared LiteSVM harness: loads the SBF build of the program from `target/deploy`.
#![allow(dead_code)]

pub mod attacks;
pub mod feed;
pub mod ix;
pub mod token;
pub mod world;

use std::path::PathBuf;

use litesvm::{
    types::{FailedTransactionMetadata, TransactionMetadata},
    LiteSVM,
};
use sha2::{Digest, Sha256};
use solana_address::Address;
use solana_instruction::{error::InstructionError, Instruction};
use solana_keypair::Keypair;
use solana_message::Message;
use solana_signer::Signer;
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;

/// Path of a program's SBF build, as produced by `scripts/build-programs.sh`.
pub fn program_so_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join("target/deploy").join(format!("{name}.so"))
}

/// SPL Token program id `TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA` (LiteSVM loads its build there).
pub fn token_program_id() -> Address {
    Address::new_from_array([6, 221, 246, 225, 215, 101, 161, 147, 217, 203, 225, 70, 206, 235, 121, 172, 28, 180, 133, 237, 95, 91, 55, 145, 58, 140, 245, 133, 126, 255, 0, 169])
}

/// Which token program build LiteSVM runs: p-token (owner = upgradeable loader) or SPL Token
/// 3.5.0 (owner = BPF loader 2). The CU figures depend on it.
pub fn token_program_build(svm: &LiteSVM) -> &'static str {
    let account = svm.get_account(&token_program_id()).expect("token program loaded");
    if account.owner == solana_sdk_ids::bpf_loader_upgradeable::ID {
        "p-token (pinocchio_token_program.so)"
    } else {
        "SPL Token 3.5.0 (spl_token-3.5.0.so)"
    }
}

pub fn program_so(name: &str) -> PathBuf {
    let path = program_so_path(name);
    assert!(path.exists(), "{} missing: run scripts/build-programs.sh first", path.display());
    path
}

pub fn svm_with_futstar() -> (LiteSVM, Address) {
    let mut svm = LiteSVM::new();
    let program_id = Address::new_unique();
    svm.add_program_from_file(program_id, program_so("futstar")).expect("load futstar.so");
    (svm, program_id)
}

pub fn anchor_discriminator(preimage: &str) -> [u8; 8] {
    let hash = Sha256::digest(preimage.as_bytes());
    hash[..8].try_into().unwrap()
}

pub fn send(
    svm: &mut LiteSVM,
    ixs: &[Instruction],
    payer: &Keypair,
    signers: &[&Keypair],
) -> Result<TransactionMetadata, FailedTransactionMetadata> {
    let mut all: Vec<&Keypair> = vec![payer];
    all.extend_from_slice(signers);
    let message = Message::new(ixs, Some(&payer.pubkey()));
    let tx = Transaction::new(&all, message, svm.latest_blockhash());
    let result = svm.send_transaction(tx);
    svm.expire_blockhash();
    result
}

pub fn custom_error_code(err: &FailedTransactionMetadata) -> Option<u32> {
    match err.err {
        TransactionError::InstructionError(_, InstructionError::Custom(code)) => Some(code),
        _ => None,
    }
}

pub fn solana_signer_pubkey(k: &Keypair) -> Address {
    k.pubkey()
}
