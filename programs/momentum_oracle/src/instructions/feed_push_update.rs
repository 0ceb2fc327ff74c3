//! `feed_push_update`: applies a quorum-signed message of feed updates. Permissionless: anyone
//! may pay for the transaction; the authority is the Ed25519 signatures over the message.
//!
//! The instruction(s) immediately before this one must be Ed25519 precompile instructions
//! whose every signature covers exactly `message` (see [`crate::ed25519`]).
//!
//! Accounts:
//! 0. `[]` config
//! 1. `[]` instructions sysvar `Sysvar1nstructions1111111111111111111111111`
//! 2.. `[writable]` one feed per update, in the message's order
//!
//! Args: `message: bytes` (u32 LE length + the message, see [`crate::message`]).
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};
use sbf_runtime::{memory::bytes_equal, sysvar::clock};

use super::checks;
use crate::{
    ed25519::verify_quorum,
    error::OracleError,
    events,
    message::Message,
    state::feed::{FeedMut, UpdateRules},
};

/// `sha256("global:feed_push_update")[..8]` as the dispatcher's key.
pub const DISCRIMINATOR: u64 = super::discriminator_key([11, 21, 109, 20, 213, 252, 24, 9]);

/// Verifies the quorum, then checks and records every update.
pub fn process(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> ProgramResult {
    let [config, instructions_sysvar, feeds @ ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    let message_bytes = borsh_bytes(args)?;
    let config_data = checks::config_data(config, program_id)?;
    let config_view = checks::config_view(&config_data)?;
    if config_view.paused() {
        return Err(OracleError::Paused.into());
    }
    let message = Message::parse(message_bytes, program_id)?;
    if message.len() != feeds.len() {
        return Err(OracleError::FeedAccountMismatch.into());
    }
    let params = config_view.current();
    verify_quorum(instructions_sysvar, message_bytes, &params)?;
    let now = clock()?;
    let rules = UpdateRules {
        max_move_bps_per_sec: params.max_move_bps_per_sec(),
        max_staleness_s: params.max_staleness_s(),
        max_future_skew_s: params.max_future_skew_s(),
        now: now.unix_timestamp,
    };
    for (i, feed) in feeds.iter_mut().enumerate() {
        let (feed_key, update) = message.update(i)?;
        if !bytes_equal(feed.address().as_ref(), feed_key) {
            return Err(OracleError::FeedAccountMismatch.into());
        }
        checks::owned_by(feed, program_id)?;
        checks::writable(feed)?;
        let feed_key = *feed.address();
        let mut data = feed.try_borrow_mut()?;
        let mut state = FeedMut::from_bytes(&mut data).map_err(|_| OracleError::InvalidAccountData)?;
        if !bytes_equal(state.view().config().as_ref(), config.address().as_ref()) {
            return Err(OracleError::FeedConfigMismatch.into());
        }
        update.check(&state.view(), &rules)?;
        state.record(&update, now.slot);
        events::feed_updated(&feed_key, &update, now.slot);
    }
    Ok(())
}

/// Borsh `bytes`: u32 LE length, then exactly that many bytes.
#[inline(always)]
fn borsh_bytes(args: &[u8]) -> Result<&[u8], OracleError> {
    let (length, bytes) = args.split_at_checked(4).ok_or(OracleError::InvalidInstructionData)?;
    let length = u32::from_le_bytes([length[0], length[1], length[2], length[3]]) as usize;
    if length != bytes.len() {
        return Err(OracleError::InvalidInstructionData);
    }
    Ok(bytes)
}
