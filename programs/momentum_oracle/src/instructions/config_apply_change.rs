//! `config_apply_change`: makes the pending proposal current once its timelock has elapsed.
//! Permissionless (like a timelock's execute): the admin already authorized the proposal.
//!
//! Accounts:
//! 0. `[writable]` config
//!
//! Args: none.
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};
use sbf_runtime::sysvar::clock;

use super::checks;
use crate::{error::OracleError, events, state::oracle_config::OracleConfigMut};

/// `sha256("global:config_apply_change")[..8]` as the dispatcher's key.
pub const DISCRIMINATOR: u64 = super::discriminator_key([134, 24, 79, 32, 39, 167, 132, 116]);

/// Applies the pending change if `now >= apply_after`.
pub fn process(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> ProgramResult {
    let [config] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    if !args.is_empty() {
        return Err(OracleError::InvalidInstructionData.into());
    }
    checks::writable(config)?;
    checks::owned_by(config, program_id)?;
    let config_key = *config.address();
    let mut data = config.try_borrow_mut()?;
    let mut state = OracleConfigMut::from_bytes(&mut data).map_err(|_| OracleError::InvalidAccountData)?;
    if !state.view().has_pending() {
        return Err(OracleError::NoPendingChange.into());
    }
    if clock()?.unix_timestamp < state.view().pending_apply_after() {
        return Err(OracleError::TimelockNotElapsed.into());
    }
    state.apply_pending();
    events::config_change_applied(&config_key, state.view().current().raw());
    Ok(())
}
