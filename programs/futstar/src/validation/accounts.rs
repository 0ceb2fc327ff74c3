//! Signer, writable, distinctness and program-id checks.
use pinocchio::{error::ProgramError, AccountView};

use crate::error::FutstarError;

/// `MissingRequiredSignature` unless `account` signed.
#[inline(always)]
pub fn require_signer(account: &AccountView) -> Result<(), ProgramError> {
    if !account.is_signer() {
        return Err(ProgramError::MissingRequiredSignature);
    }
    Ok(())
}

/// `AccountNotWritable` unless `account` is writable.
#[inline(always)]
pub fn require_writable(account: &AccountView) -> Result<(), ProgramError> {
    if !account.is_writable() {
        return Err(FutstarError::AccountNotWritable.into());
    }
    Ok(())
}

/// `DuplicateAccount` if any two of `accounts` (distinct mutable roles) are the same address.
#[inline(always)]
pub fn require_distinct(accounts: &[&AccountView]) -> Result<(), ProgramError> {
    for (i, a) in accounts.iter().enumerate() {
        for b in accounts.iter().skip(i + 1) {
            if a.address() == b.address() {
                return Err(FutstarError::DuplicateAccount.into());
            }
        }
    }
    Ok(())
}

/// `InvalidTokenProgram` unless `account` is the SPL Token program.
#[inline(always)]
pub fn require_token_program(account: &AccountView) -> Result<(), ProgramError> {
    if account.address() != &pinocchio_token::ID {
        return Err(FutstarError::InvalidTokenProgram.into());
    }
    Ok(())
}

/// `InvalidSystemProgram` unless `account` is the System program.
#[inline(always)]
pub fn require_system_program(account: &AccountView) -> Result<(), ProgramError> {
    if account.address() != &pinocchio_system::ID {
        return Err(FutstarError::InvalidSystemProgram.into());
    }
    Ok(())
}
