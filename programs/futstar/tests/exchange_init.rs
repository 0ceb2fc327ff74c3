//! `exchange_init` against the real SBF program in LiteSVM.
mod setup;

use litesvm::LiteSVM;
use solana_address::Address;
use solana_instruction::{AccountMeta, Instruction};
use solana_keypair::Keypair;
use solana_signer::Signer;

fn exchange_init_ix(program_id: &Address, admin: &Address, exchange: &Address) -> Instruction {
    Instruction {
        program_id: *program_id,
        accounts: vec![
            AccountMeta::new(*admin, true),
            AccountMeta::new(*exchange, false),
            AccountMeta::new_readonly(solana_sdk_ids::system_program::ID, false),
        ],
        data: setup::anchor_discriminator("global:exchange_init").to_vec(),
    }
}

#[test]
fn exchange_init_creates_the_exchange_pda() {
    // Given the program deployed and a funded admin
    let (mut svm, program_id) = setup::svm_with_futstar();
    let admin = Keypair::new();
    svm.airdrop(&admin.pubkey(), 1_000_000_000).unwrap();
    let (exchange, bump) = Address::find_program_address(&[b"exchange"], &program_id);

    // When the admin initializes the exchange
    let ix = exchange_init_ix(&program_id, &admin.pubkey(), &exchange);
    let meta = setup::send(&mut svm, &[ix], &admin, &[]).expect("exchange_init succeeds");
    println!("exchange_init {} CU", meta.compute_units_consumed);

    // Then the PDA exists, owned by the program, with the layout we wrote
    let account = svm.get_account(&exchange).expect("exchange account exists");
    assert_eq!(account.owner, program_id);
    assert_eq!(account.data.len(), 41);
    assert_eq!(&account.data[..8], &setup::anchor_discriminator("account:Exchange"));
    assert_eq!(&account.data[8..40], admin.pubkey().as_ref());
    assert_eq!(account.data[40], bump);
    assert!(meta.logs.iter().any(|l| l.contains("futstar: exchange initialized")));
}

#[test]
fn exchange_init_rejects_a_wrong_seed() {
    // Given an address derived from another seed
    let (mut svm, program_id) = setup::svm_with_futstar();
    let admin = Keypair::new();
    svm.airdrop(&admin.pubkey(), 1_000_000_000).unwrap();
    let (wrong, _) = Address::find_program_address(&[b"not-the-exchange"], &program_id);

    // When initializing at that address
    let ix = exchange_init_ix(&program_id, &admin.pubkey(), &wrong);
    let err = setup::send(&mut svm, &[ix], &admin, &[]).unwrap_err();

    // Then the program fails with InvalidPda (6001)
    assert_eq!(setup::custom_error_code(&err), Some(6001));
}

#[test]
fn exchange_init_rejects_a_missing_signer() {
    let (mut svm, program_id) = setup::svm_with_futstar();
    let payer = Keypair::new();
    let admin = Keypair::new();
    svm.airdrop(&payer.pubkey(), 1_000_000_000).unwrap();
    let (exchange, _) = Address::find_program_address(&[b"exchange"], &program_id);
    let mut ix = exchange_init_ix(&program_id, &admin.pubkey(), &exchange);
    ix.accounts[0].is_signer = false;
    let err = setup::send(&mut svm, &[ix], &payer, &[]).unwrap_err();
    assert_eq!(
        err.err,
        solana_transaction_error::TransactionError::InstructionError(
            0,
            solana_instruction::error::InstructionError::MissingRequiredSignature
        )
    );
}
