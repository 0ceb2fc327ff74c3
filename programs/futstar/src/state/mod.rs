//! Account types, one per file, each with its byte layout in a doc table.
//! Layouts are little-endian, Borsh-compatible, without padding; each starts with the Anchor
//! discriminator `sha256("account:<Name>")[..8]`.
use pinocchio::{error::ProgramError, AccountView, Address};

use crate::error::FutstarError;

pub mod codec;
pub mod exchange;
pub mod limits;
pub mod pool;
pub mod position;
pub mod trader;

/// Checks that `account` is one of this program's accounts of the given type: owned by
/// `program_id` (else `InvalidAccountOwner`), exactly `len` bytes starting with `discriminator`
/// (else `AccountDiscriminatorMismatch`, which also catches another type's bytes).
#[inline(always)]
pub fn check_type(account: &AccountView, program_id: &Address, discriminator: &[u8; 8], len: usize) -> Result<(), ProgramError> {
    if !account.owned_by(program_id) {
        return Err(FutstarError::InvalidAccountOwner.into());
    }
    let data = account.try_borrow()?;
    if data.len() != len || data.get(..8) != Some(&discriminator[..]) {
        return Err(FutstarError::AccountDiscriminatorMismatch.into());
    }
    Ok(())
}
