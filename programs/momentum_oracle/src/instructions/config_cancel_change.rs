//! `config_cancel_change`: the admin withdraws the pending proposal.
//!
//! Accounts:
//! 0. `[signer]` admin
//! 1. `[writable]` config
//!
//! Args: none.
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use super::checks;
use crate::{error::OracleError, events, state::oracle_config::OracleConfigMut};

/// `sha256("global:config_cancel_change")[..8]` as the dispatcher's key.
pub const DISCRIMINATOR: u64 = super::discriminator_key([67, 67, 77, 7, 236, 9, 116, 178]);

/// Clears the pending change.
pub fn process(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> ProgramResult {
    let [admin, config] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    if !args.is_empty() {
        return Err(OracleError::InvalidInstructionData.into());
    }
    checks::signer(admin)?;
    checks::writable(config)?;
    checks::owned_by(config, program_id)?;
    let config_key = *config.address();
    let mut data = config.try_borrow_mut()?;
    let mut state = OracleConfigMut::from_bytes(&mut data).map_err(|_| OracleError::InvalidAccountData)?;
    checks::admin(admin, &state.view())?;
    if !state.view().has_pending() {
        return Err(OracleError::NoPendingChange.into());
    }
    state.clear_pending();
    events::config_change_cancelled(&config_key);
    Ok(())
}
