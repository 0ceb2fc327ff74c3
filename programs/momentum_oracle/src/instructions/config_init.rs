//! `config_init`: creates the singleton `OracleConfig` PDA `["oracle_config"]`.
//!
//! Only the program's upgrade authority may initialize, so nobody can front-run the deployer
//! with their own signer set.
//!
//! Accounts:
//! 0. `[writable, signer]` authority — the program's upgrade authority; pays rent
//! 1. `[writable]` config — PDA `["oracle_config"]`, not yet created
//! 2. `[]` program_data — the program's ProgramData account (upgradeable loader)
//! 3. `[]` system_program
//!
//! Args: `params: ConfigParams` (304 bytes).
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    AccountView, Address, ProgramResult,
};
use sbf_runtime::pda_account::create_pda_account;

use super::checks;
use crate::{
    error::OracleError,
    events,
    state::{
        config_params::{ParamsView, PARAMS_LEN},
        oracle_config::{OracleConfigMut, CONFIG_LEN, CONFIG_SEED},
    },
};

/// `sha256("global:config_init")[..8]` as the dispatcher's key.
pub const DISCRIMINATOR: u64 = super::discriminator_key([13, 236, 164, 173, 106, 253, 164, 185]);

/// `BPFLoaderUpgradeab1e11111111111111111111111`.
pub const UPGRADEABLE_LOADER_ID: Address = Address::new_from_array([
    2, 168, 246, 145, 78, 136, 161, 176, 226, 16, 21, 62, 247, 99, 174, 43, 0, 194, 185, 61, 22, 193, 36, 210, 192,
    83, 122, 16, 4, 128, 0, 0,
]);

/// `UpgradeableLoaderState::ProgramData` header: u32 tag 3, u64 slot, Option<Pubkey> authority.
const PROGRAM_DATA_TAG: [u8; 4] = [3, 0, 0, 0];
const AUTHORITY_FLAG_AT: usize = 12;
const AUTHORITY_AT: usize = 13;

/// Creates the config after checking the upgrade authority and the parameters.
pub fn process(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> ProgramResult {
    let [authority, config, program_data, system_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    let params: &[u8; PARAMS_LEN] = args.try_into().map_err(|_| OracleError::InvalidInstructionData)?;
    checks::signer(authority)?;
    checks::writable(config)?;
    checks::system_program(system_program)?;
    upgrade_authority(program_id, program_data, authority.address())?;
    ParamsView::new(params).validate()?;
    // black_box keeps the seed list off .rodata: sbpf-linker 0.1.9 leaves pointers stored in
    // .rodata unrelocated (null), so slices of slices are built at run time.
    let seed = core::hint::black_box(CONFIG_SEED);
    let (expected, bump) = Address::find_program_address(&[seed], program_id);
    if config.address() != &expected {
        return Err(OracleError::InvalidPda.into());
    }
    checks::uninitialized(config, program_id)?;
    let bump_seed = [bump];
    let seeds = [Seed::from(CONFIG_SEED), Seed::from(&bump_seed)];
    create_pda_account(authority, config, CONFIG_LEN as u64, program_id, Signer::from(&seeds))?;
    let config_key = *config.address();
    let mut data = config.try_borrow_mut()?;
    OracleConfigMut::init(&mut data, params, bump)?;
    events::config_initialized(&config_key, params);
    Ok(())
}

/// Fails unless `program_data` is this program's ProgramData and `authority` its upgrade
/// authority.
fn upgrade_authority(program_id: &Address, program_data: &AccountView, authority: &Address) -> Result<(), OracleError> {
    let loader = core::hint::black_box(&UPGRADEABLE_LOADER_ID);
    let (expected, _) = Address::find_program_address(&[program_id.as_ref()], loader);
    if program_data.address() != &expected {
        return Err(OracleError::InvalidPda);
    }
    checks::owned_by(program_data, loader)?;
    let data = program_data.try_borrow().map_err(|_| OracleError::InvalidAccountData)?;
    let header = data.get(..AUTHORITY_AT + 32).ok_or(OracleError::InvalidAccountData)?;
    if header[..4] != PROGRAM_DATA_TAG {
        return Err(OracleError::InvalidAccountData);
    }
    if header[AUTHORITY_FLAG_AT] != 1 || &header[AUTHORITY_AT..AUTHORITY_AT + 32] != authority.as_ref() {
        return Err(OracleError::Unauthorized);
    }
    Ok(())
}
