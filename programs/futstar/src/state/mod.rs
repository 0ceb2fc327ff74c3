//! Account types, one per file, each with its byte layout in a doc table.
//! Layouts are little-endian, Borsh-compatible, without padding; each starts with the Anchor
//! discriminator `sha256("account:<Name>")[..8]`.
use pinocchio::{error::ProgramError, AccountView, Address};

use crate::error::FutstarError;

/// Gives an account type (with `DISCRIMINATOR`, `LEN`, `load`, `store`) its checked
/// `from_account` and `save`.
macro_rules! account_io {
    ($ty:ident) => {
        impl $ty {
            #[doc = concat!("Loads a `", stringify!($ty), "` from `account` after checking owner, size and discriminator.")]
            #[inline(always)]
            pub fn from_account(
                account: &pinocchio::AccountView,
                program_id: &pinocchio::Address,
            ) -> Result<Self, pinocchio::error::ProgramError> {
                super::check_type(account, program_id, &Self::DISCRIMINATOR, Self::LEN)?;
                Self::load(&account.try_borrow()?)
            }

            /// Stores into `account` (which must be writable).
            #[inline(always)]
            pub fn save(&self, account: &mut pinocchio::AccountView) -> Result<(), pinocchio::error::ProgramError> {
                crate::validation::accounts::require_writable(account)?;
                self.store(&mut account.try_borrow_mut()?)
            }
        }
    };
}
use account_io;

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
