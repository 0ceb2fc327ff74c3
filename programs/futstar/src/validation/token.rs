//! SPL Token account and mint checks, reading the fixed layouts directly.
//!
//! Token account (165 bytes): mint 0..32, owner 32..64, amount 64..72, state at 108
//! (1 initialized, 2 frozen). Mint (82 bytes): supply 36..44, decimals 44, initialized 45.
use pinocchio::{error::ProgramError, AccountView, Address};

use crate::{error::FutstarError, validation::accounts::require_writable};

const ACCOUNT_LEN: usize = 165;
const MINT_LEN: usize = 82;
const STATE_INITIALIZED: u8 = 1;

/// Returns the balance of `account` after checking it is an initialized SPL Token account of
/// `mint` (else `TokenMintMismatch`) owned by `owner` when given (else `TokenOwnerMismatch`).
/// Every token account the program is given may move tokens, so it must be writable
/// (`AccountNotWritable`, up front rather than when a transfer happens to need it).
#[inline(always)]
pub fn token_balance(account: &AccountView, mint: &Address, owner: Option<&Address>) -> Result<u64, ProgramError> {
    require_writable(account)?;
    if !account.owned_by(&pinocchio_token::ID) || account.data_len() != ACCOUNT_LEN {
        return Err(FutstarError::InvalidTokenAccount.into());
    }
    let data = account.try_borrow()?;
    if data.get(108) != Some(&STATE_INITIALIZED) {
        return Err(FutstarError::InvalidTokenAccount.into());
    }
    if data.get(0..32) != Some(mint.as_ref()) {
        return Err(FutstarError::TokenMintMismatch.into());
    }
    if let Some(owner) = owner {
        if data.get(32..64) != Some(owner.as_ref()) {
            return Err(FutstarError::TokenOwnerMismatch.into());
        }
    }
    let amount = data.get(64..72).ok_or(FutstarError::InvalidTokenAccount)?;
    Ok(u64::from_le_bytes(amount.try_into().map_err(|_| FutstarError::InvalidTokenAccount)?))
}

/// Balance of a vault already validated at pool creation (address pinned in the pool), read
/// without the other checks to save compute; writable like every token account passed in.
#[inline(always)]
pub fn vault_balance(vault: &AccountView, expected: &Address) -> Result<u64, ProgramError> {
    if vault.address() != expected {
        return Err(FutstarError::InvalidVault.into());
    }
    require_writable(vault)?;
    let data = vault.try_borrow()?;
    let amount = data.get(64..72).ok_or(FutstarError::InvalidVault)?;
    Ok(u64::from_le_bytes(amount.try_into().map_err(|_| FutstarError::InvalidVault)?))
}

/// Decimals of an initialized SPL Token mint (else `InvalidMint`).
pub fn mint_decimals(mint: &AccountView) -> Result<u8, ProgramError> {
    if !mint.owned_by(&pinocchio_token::ID) || mint.data_len() != MINT_LEN {
        return Err(FutstarError::InvalidMint.into());
    }
    let data = mint.try_borrow()?;
    if data.get(45) != Some(&1) {
        return Err(FutstarError::InvalidMint.into());
    }
    data.get(44).copied().ok_or(FutstarError::InvalidMint.into())
}
