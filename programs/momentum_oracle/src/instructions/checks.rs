//! Account checks shared by several instructions, each failing with its own error code.
use pinocchio::{account::Ref, error::ProgramError, AccountView, Address};

use crate::{error::OracleError, state::oracle_config::OracleConfigView};

/// Fails with `MissingRequiredSignature` unless `account` signed.
#[inline(always)]
pub fn signer(account: &AccountView) -> Result<(), ProgramError> {
    if !account.is_signer() {
        return Err(ProgramError::MissingRequiredSignature);
    }
    Ok(())
}

/// Fails with `AccountNotWritable` unless `account` is writable.
#[inline(always)]
pub fn writable(account: &AccountView) -> Result<(), OracleError> {
    if !account.is_writable() {
        return Err(OracleError::AccountNotWritable);
    }
    Ok(())
}

/// Fails with `WrongAccountOwner` unless `program_id` owns `account`.
#[inline(always)]
pub fn owned_by(account: &AccountView, program_id: &Address) -> Result<(), OracleError> {
    if !account.owned_by(program_id) {
        return Err(OracleError::WrongAccountOwner);
    }
    Ok(())
}

/// Fails with `WrongProgramAccount` unless `account` is the System Program.
#[inline(always)]
pub fn system_program(account: &AccountView) -> Result<(), OracleError> {
    if account.address() != &pinocchio_system::ID {
        return Err(OracleError::WrongProgramAccount);
    }
    Ok(())
}

/// Fails with `AlreadyInitialized` if `account` already holds data or belongs to a program.
#[inline(always)]
pub fn uninitialized(account: &AccountView, program_id: &Address) -> Result<(), OracleError> {
    if !account.is_data_empty() || account.owned_by(program_id) {
        return Err(OracleError::AlreadyInitialized);
    }
    Ok(())
}

/// Borrows the config's data after checking its owner; the caller parses it with
/// [`config_view`].
#[inline(always)]
pub fn config_data<'a>(config: &'a AccountView, program_id: &Address) -> Result<Ref<'a, [u8]>, ProgramError> {
    owned_by(config, program_id)?;
    config.try_borrow()
}

/// Parses borrowed config data (`InvalidAccountData` for another account type).
#[inline(always)]
pub fn config_view(data: &[u8]) -> Result<OracleConfigView<'_>, OracleError> {
    OracleConfigView::from_bytes(data).map_err(|_| OracleError::InvalidAccountData)
}

/// Fails with `Unauthorized` unless `admin` is the config's current admin (signature checked
/// separately).
#[inline(always)]
pub fn admin(admin: &AccountView, config: &OracleConfigView) -> Result<(), OracleError> {
    if admin.address().as_ref() != config.current().admin() {
        return Err(OracleError::Unauthorized);
    }
    Ok(())
}
