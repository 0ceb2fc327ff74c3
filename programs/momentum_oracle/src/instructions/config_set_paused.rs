//! `config_set_paused`: the admin pauses or resumes `feed_push_update` (immediate).
//!
//! Accounts:
//! 0. `[signer]` admin
//! 1. `[writable]` config
//!
//! Args: `paused: bool` (one byte, 0 or 1).
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use super::checks;
use crate::{error::OracleError, events, state::oracle_config::OracleConfigMut};

/// `sha256("global:config_set_paused")[..8]` as the dispatcher's key.
pub const DISCRIMINATOR: u64 = super::discriminator_key([180, 166, 92, 250, 214, 58, 92, 4]);

/// Sets the pause flag.
pub fn process(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> ProgramResult {
    let [admin, config] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    let paused = match args {
        [0] => false,
        [1] => true,
        _ => return Err(OracleError::InvalidInstructionData.into()),
    };
    checks::signer(admin)?;
    checks::writable(config)?;
    checks::owned_by(config, program_id)?;
    let config_key = *config.address();
    let mut data = config.try_borrow_mut()?;
    let mut state = OracleConfigMut::from_bytes(&mut data).map_err(|_| OracleError::InvalidAccountData)?;
    checks::admin(admin, &state.view())?;
    state.set_paused(paused);
    events::config_paused_set(&config_key, paused);
    Ok(())
}
