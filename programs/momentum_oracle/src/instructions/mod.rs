//! Instruction dispatch: the first 8 bytes are Anchor's `sha256("global:<name>")[..8]`.
use pinocchio::{AccountView, Address, ProgramResult};

use crate::error::OracleError;

pub mod checks;
pub mod config_apply_change;
pub mod config_cancel_change;
pub mod config_init;
pub mod config_propose_change;
pub mod config_set_paused;
pub mod feed_create;
pub mod feed_push_update;

/// Routes `data` to the instruction its discriminator names.
#[inline(always)]
pub fn dispatch(program_id: &Address, accounts: &mut [AccountView], data: &[u8]) -> ProgramResult {
    let (discriminator, args) = data.split_at_checked(8).ok_or(OracleError::UnknownInstruction)?;
    let discriminator: [u8; 8] = discriminator.try_into().map_err(|_| OracleError::UnknownInstruction)?;
    // Compared as one u64 (a chain of comparisons, no jump table in .rodata), hot path first.
    match u64::from_le_bytes(discriminator) {
        feed_push_update::DISCRIMINATOR => feed_push_update::process(program_id, accounts, args),
        config_init::DISCRIMINATOR => config_init::process(program_id, accounts, args),
        config_propose_change::DISCRIMINATOR => config_propose_change::process(program_id, accounts, args),
        config_apply_change::DISCRIMINATOR => config_apply_change::process(program_id, accounts, args),
        config_cancel_change::DISCRIMINATOR => config_cancel_change::process(program_id, accounts, args),
        config_set_paused::DISCRIMINATOR => config_set_paused::process(program_id, accounts, args),
        feed_create::DISCRIMINATOR => feed_create::process(program_id, accounts, args),
        _ => Err(OracleError::UnknownInstruction.into()),
    }
}

/// The discriminator bytes as the dispatcher's u64 key.
pub const fn discriminator_key(bytes: [u8; 8]) -> u64 {
    u64::from_le_bytes(bytes)
}
