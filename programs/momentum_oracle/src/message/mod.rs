//! The signed update message: what the oracle signers sign and `feed_push_update` carries.
//!
//! ```text
//! off  size  field
//! 0    8     magic            "MOMORACL"
//! 8    1     version          1
//! 9    32    program_id       the momentum_oracle program the message is for
//! 41   1     update_count     N, 1..=MAX_UPDATES
//! 42   62×N  updates
//!
//! update (62 bytes):
//! 0    32    feed             Feed account address
//! 32   8     seq              u64 LE, strictly increasing per feed
//! 40   8     ts               i64 LE unix seconds (oracle time)
//! 48   1     status           0 Scheduled, 1 Live, 2 HalfTime, 3 Ended, 4 Abandoned
//! 49   1     suspended        0/1
//! 50   2     index_bps        u16 LE 0..=10000
//! 52   10    components       [u16 LE; 5] possession, shots, xG, tilt, recent
//! ```
//! The magic tag and program id separate this message from anything else a signer key signs;
//! each update names its feed and seq, on which replay protection rests.
use pinocchio::Address;

use crate::{
    error::OracleError,
    state::feed::{FeedStatus, FeedUpdate, COMPONENT_COUNT},
};

/// Magic tag opening every message.
pub const MAGIC: [u8; 8] = *b"MOMORACL";
/// Message format version.
pub const VERSION: u8 = 1;
/// Bytes before the first update.
pub const HEADER_LEN: usize = 42;
/// Bytes per update.
pub const UPDATE_LEN: usize = 62;
/// Most updates one message may carry (the transaction size limit binds first; see README).
pub const MAX_UPDATES: usize = 16;

/// A message whose header was checked; updates are decoded one at a time.
#[derive(Clone, Copy)]
pub struct Message<'a> {
    updates: &'a [u8],
    count: usize,
}

impl<'a> Message<'a> {
    /// Checks magic, version, program id, count and exact length.
    pub fn parse(bytes: &'a [u8], program_id: &Address) -> Result<Self, OracleError> {
        let (header, updates) = bytes.split_at_checked(HEADER_LEN).ok_or(OracleError::MessageMalformed)?;
        if header[..8] != MAGIC || header[8] != VERSION {
            return Err(OracleError::MessageMalformed);
        }
        if &header[9..41] != program_id.as_ref() {
            return Err(OracleError::MessageWrongProgram);
        }
        let count = header[41] as usize;
        if count == 0 || count > MAX_UPDATES || updates.len() != count * UPDATE_LEN {
            return Err(OracleError::MessageMalformed);
        }
        Ok(Self { updates, count })
    }

    /// Number of updates.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.count
    }

    /// Always false: a parsed message holds at least one update.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The `i`-th update: its feed address and values (status and suspended flag decoded).
    pub fn update(&self, i: usize) -> Result<(&'a [u8; 32], FeedUpdate), OracleError> {
        let at = i * UPDATE_LEN;
        let raw: &'a [u8; UPDATE_LEN] =
            self.updates.get(at..at + UPDATE_LEN).and_then(|s| s.try_into().ok()).ok_or(OracleError::MessageMalformed)?;
        decode_update(raw)
    }
}

#[inline(always)]
fn decode_update(raw: &[u8; UPDATE_LEN]) -> Result<(&[u8; 32], FeedUpdate), OracleError> {
    let feed: &[u8; 32] = raw[..32].try_into().map_err(|_| OracleError::MessageMalformed)?;
    let mut word = [0u8; 8];
    word.copy_from_slice(&raw[32..40]);
    let seq = u64::from_le_bytes(word);
    word.copy_from_slice(&raw[40..48]);
    let ts = i64::from_le_bytes(word);
    let status = FeedStatus::from_u8(raw[48]).ok_or(OracleError::InvalidStatus)?;
    let suspended = match raw[49] {
        0 => false,
        1 => true,
        _ => return Err(OracleError::InvalidSuspendedFlag),
    };
    let index_bps = u16::from_le_bytes([raw[50], raw[51]]);
    let mut components = [0u16; COMPONENT_COUNT];
    for (i, component) in components.iter_mut().enumerate() {
        *component = u16::from_le_bytes([raw[52 + 2 * i], raw[53 + 2 * i]]);
    }
    Ok((feed, FeedUpdate { seq, ts, status, suspended, index_bps, components }))
}

/// Encodes a message (host side: tests, vectors, tools). Status and flags are taken as given,
/// so tests can encode invalid values.
#[cfg(not(any(target_arch = "bpf", target_os = "solana")))]
pub fn encode(program_id: &[u8; 32], updates: &[([u8; 32], FeedUpdate)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + UPDATE_LEN * updates.len());
    out.extend_from_slice(&MAGIC);
    out.push(VERSION);
    out.extend_from_slice(program_id);
    out.push(updates.len() as u8);
    for (feed, update) in updates {
        out.extend_from_slice(feed);
        out.extend_from_slice(&update.seq.to_le_bytes());
        out.extend_from_slice(&update.ts.to_le_bytes());
        out.push(update.status as u8);
        out.push(update.suspended as u8);
        out.extend_from_slice(&update.index_bps.to_le_bytes());
        for component in update.components {
            out.extend_from_slice(&component.to_le_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests;
