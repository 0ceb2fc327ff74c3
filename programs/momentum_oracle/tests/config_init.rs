//! `config_init` against the real SBF program in LiteSVM.
mod setup;

use momentum_oracle::{error::OracleError as E, state::oracle_config::CONFIG_LEN};
use setup::{assert_code, assert_instruction_error, encode_params, ix, print_cu, Oracle, RAILS};
use solana_address::Address;
use solana_instruction::{error::InstructionError, AccountMeta};
use solana_keypair::Keypair;
use solana_signer::Signer;

fn init(oracle: &mut Oracle, ix: solana_instruction::Instruction) -> Result<litesvm::types::TransactionMetadata, litesvm::types::FailedTransactionMetadata> {
    let authority = oracle.authority.insecure_clone();
    oracle.send(&[ix], &authority, &[])
}

#[test]
fn the_upgrade_authority_creates_the_config() {
    // Given the deployed program and three signer keys
    let mut oracle = Oracle::deployed(3);
    let params = oracle.params(2, RAILS);

    // When its upgrade authority initializes the config
    let ix = ix::config_init(&oracle, &params);
    let meta = init(&mut oracle, ix).expect("config_init succeeds");
    print_cu("config_init", &meta);

    // Then the PDA holds the parameters, unpaused, nothing pending
    let account = oracle.svm.get_account(&oracle.config).unwrap();
    assert_eq!(account.owner, oracle.program_id);
    assert_eq!(account.data.len(), CONFIG_LEN);
    let (_, bump) = Address::find_program_address(&[b"oracle_config"], &oracle.program_id);
    oracle.with_config(|config| {
        assert_eq!(config.bump(), bump);
        assert!(!config.paused());
        assert!(!config.has_pending());
        assert_eq!(config.current().raw(), &params);
        assert_eq!(config.current().quorum(), 2);
    });
    let events = setup::events(&meta);
    assert_eq!(events.len(), 1);
    assert_eq!(&events[0][..8], &setup::anchor_discriminator("event:ConfigInitialized"));
    assert_eq!(&events[0][40..], &params);
}

#[test]
fn anyone_else_is_refused() {
    // Given a stranger who is not the upgrade authority
    let mut oracle = Oracle::deployed(1);
    let stranger = Keypair::new();
    oracle.svm.airdrop(&stranger.pubkey(), 10_000_000_000).unwrap();
    let mut ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    ix.accounts[0] = AccountMeta::new(stranger.pubkey(), true);

    // When the stranger front-runs the initialization
    let result = oracle.send(&[ix], &stranger, &[]);

    // Then it fails and no config exists
    assert_code(result, E::Unauthorized as u32);
    assert!(oracle.svm.get_account(&oracle.config).is_none());
}

#[test]
fn an_immutable_program_cannot_be_initialized_by_anyone() {
    let mut oracle = Oracle::deployed(1);
    let program_data = oracle.program_data;
    let mut account = oracle.svm.get_account(&program_data).unwrap();
    account.data[12] = 0;
    oracle.svm.set_account(program_data, account).unwrap();
    let ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    assert_code(init(&mut oracle, ix), E::Unauthorized as u32);
}

#[test]
fn a_fake_program_data_account_is_refused() {
    // Given an account with a ProgramData header naming the attacker, at another address
    let mut oracle = Oracle::deployed(1);
    let fake = Address::new_unique();
    let mut data = oracle.data(&oracle.program_data)[..45].to_vec();
    data[13..45].copy_from_slice(oracle.authority.pubkey().as_ref());
    oracle.put(fake, setup::UPGRADEABLE_LOADER, data);
    let mut ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    ix.accounts[2] = AccountMeta::new_readonly(fake, false);
    assert_code(init(&mut oracle, ix), E::InvalidPda as u32);

    // And the real address with a wrong owner is refused too
    let program_data = oracle.program_data;
    oracle.reown(&program_data, solana_sdk_ids::system_program::ID);
    let ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    assert_code(init(&mut oracle, ix), E::WrongAccountOwner as u32);
}

#[test]
fn missing_signer_fails() {
    let mut oracle = Oracle::deployed(1);
    let mut ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    ix.accounts[0].is_signer = false;
    let payer = oracle.payer.insecure_clone();
    assert_instruction_error(oracle.send(&[ix], &payer, &[]), InstructionError::MissingRequiredSignature);
}

#[test]
fn config_not_writable_fails() {
    let mut oracle = Oracle::deployed(1);
    let mut ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    ix.accounts[1].is_writable = false;
    assert_code(init(&mut oracle, ix), E::AccountNotWritable as u32);
}

#[test]
fn wrong_pda_and_non_canonical_bump_fail() {
    let mut oracle = Oracle::deployed(1);
    let (_, bump) = Address::find_program_address(&[b"oracle_config"], &oracle.program_id);
    let non_canonical = (0..bump)
        .rev()
        .find_map(|b| Address::create_program_address(&[b"oracle_config", &[b]], &oracle.program_id).ok())
        .expect("a non-canonical bump exists");
    for address in [non_canonical, Address::find_program_address(&[b"oracle_confix"], &oracle.program_id).0] {
        let mut ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
        ix.accounts[1] = AccountMeta::new(address, false);
        assert_code(init(&mut oracle, ix), E::InvalidPda as u32);
    }
}

#[test]
fn substituted_system_program_fails() {
    let mut oracle = Oracle::deployed(1);
    let mut ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    ix.accounts[3] = AccountMeta::new_readonly(oracle.program_id, false);
    assert_code(init(&mut oracle, ix), E::WrongProgramAccount as u32);
}

#[test]
fn re_initialization_fails() {
    let mut oracle = Oracle::initialized(1, 1);
    let ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    assert_code(init(&mut oracle, ix), E::AlreadyInitialized as u32);
}

#[test]
fn a_pre_funded_config_address_still_initializes() {
    let mut oracle = Oracle::deployed(1);
    let config = oracle.config;
    oracle.svm.airdrop(&config, 1_000_000).unwrap();
    let ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    init(&mut oracle, ix).expect("griefing deposit does not block init");
}

#[test]
fn invalid_parameters_fail_with_their_codes() {
    let mut oracle = Oracle::deployed(2);
    let keys: Vec<Address> = oracle.signers.iter().map(|k| k.pubkey()).collect();
    let admin = oracle.admin.pubkey();
    let cases = [
        (encode_params(&admin, &keys, 3, RAILS), E::InvalidQuorum),
        (encode_params(&admin, &keys, 0, RAILS), E::InvalidQuorum),
        (encode_params(&admin, &[keys[0], keys[0]], 1, RAILS), E::InvalidSignerSet),
        (encode_params(&admin, &[], 0, RAILS), E::InvalidSignerSet),
        (encode_params(&admin, &keys, 1, (0, 60, 5, 3600)), E::InvalidGuardRails),
        (encode_params(&admin, &keys, 1, (100, 60, 5, 10)), E::InvalidGuardRails),
        (encode_params(&Address::default(), &keys, 1, RAILS), E::InvalidAdmin),
    ];
    for (params, expected) in cases {
        let ix = ix::config_init(&oracle, &params);
        assert_code(init(&mut oracle, ix), expected as u32);
    }
    let mut ix = ix::config_init(&oracle, &oracle.params(1, RAILS));
    ix.data.pop();
    assert_code(init(&mut oracle, ix), E::InvalidInstructionData as u32);
}
