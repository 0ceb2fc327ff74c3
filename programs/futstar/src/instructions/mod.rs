//! Instruction dispatch: the first 8 bytes are Anchor's `sha256("global:<name>")[..8]`.
use pinocchio::{AccountView, Address, ProgramResult};

use crate::error::FutstarError;

pub mod exchange_init;

pub fn dispatch(program_id: &Address, accounts: &mut [AccountView], data: &[u8]) -> ProgramResult {
    let (disc, args) = data.split_at_checked(8).ok_or(FutstarError::UnknownInstruction)?;
    match <[u8; 8]>::try_from(disc).map_err(|_| FutstarError::UnknownInstruction)? {
        exchange_init::DISCRIMINATOR => exchange_init::process(program_id, accounts, args),
        _ => Err(FutstarError::UnknownInstruction.into()),
    }
}
