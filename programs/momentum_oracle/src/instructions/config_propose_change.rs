//! `config_propose_change`: the admin proposes new config parameters (admin, signer set,
//! quorum, guard rails, timelock delay), applicable once the CURRENT delay has passed.
//!
//! A new proposal replaces a pending one and restarts the clock with the delay in force, so a
//! proposal that shortens the delay cannot take effect inside the current delay's window.
//!
//! Accounts:
//! 0. `[signer]` admin
//! 1. `[writable]` config
//!
//! Args: `params: ConfigParams` (304 bytes).
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};
use sbf_runtime::sysvar::clock;

use super::checks;
use crate::{
    error::OracleError,
    events,
    state::{
        config_params::{ParamsView, PARAMS_LEN},
        oracle_config::OracleConfigMut,
    },
};

/// `sha256("global:config_propose_change")[..8]` as the dispatcher's key.
pub const DISCRIMINATOR: u64 = super::discriminator_key([22, 121, 51, 225, 3, 27, 3, 41]);

/// Records the proposal with `apply_after = now + current timelock delay`.
pub fn process(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> ProgramResult {
    let [admin, config] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    let params: &[u8; PARAMS_LEN] = args.try_into().map_err(|_| OracleError::InvalidInstructionData)?;
    checks::signer(admin)?;
    checks::writable(config)?;
    checks::owned_by(config, program_id)?;
    let config_key = *config.address();
    let mut data = config.try_borrow_mut()?;
    let mut state = OracleConfigMut::from_bytes(&mut data).map_err(|_| OracleError::InvalidAccountData)?;
    checks::admin(admin, &state.view())?;
    ParamsView::new(params).validate()?;
    let delay = state.view().current().timelock_delay_s() as i64;
    let apply_after = clock()?.unix_timestamp.checked_add(delay).ok_or(OracleError::MathOverflow)?;
    state.propose(params, apply_after);
    events::config_change_proposed(&config_key, apply_after, params);
    Ok(())
}
