//! The single `u64` argument of `pool_deposit(amount)`, `pool_withdraw(shares)` and
//! `treasury_withdraw(amount)`: exactly 8 bytes (`InvalidInstructionData`), never zero
//! (`InvalidAmount`).
use pinocchio::error::ProgramError;

use crate::{error::FutstarError, state::codec::Reader};

/// Decodes the argument bytes.
#[inline(always)]
pub fn parse(args: &[u8]) -> Result<u64, ProgramError> {
    let mut r = Reader::new(args, 0);
    let amount = r.u64().map_err(|_| ProgramError::InvalidInstructionData)?;
    r.finish()?;
    if amount == 0 {
        return Err(FutstarError::InvalidAmount.into());
    }
    Ok(amount)
}
