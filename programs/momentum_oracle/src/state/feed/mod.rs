//! `Feed` account: one match's momentum index, its latest update and a ring of recent samples.
//!
//! PDA seeds `["feed", match_id]`, owner `momentum_oracle`. Layout (little-endian, no padding):
//!
//! | off | size | field            | notes                                              |
//! |-----|------|------------------|----------------------------------------------------|
//! | 0   | 8    | discriminator    | `sha256("account:Feed")[..8]`                      |
//! | 8   | 32   | config           | `OracleConfig` address                             |
//! | 40  | 32   | match_id         | `[u8; 32]`                                         |
//! | 72  | 32   | home_team        | UTF-8, zero padded                                 |
//! | 104 | 32   | away_team        | UTF-8, zero padded                                 |
//! | 136 | 1    | status           | [`FeedStatus`]                                     |
//! | 137 | 1    | suspended        | 0/1 (latest update)                                |
//! | 138 | 1    | bump             |                                                    |
//! | 139 | 1    | reserved0        |                                                    |
//! | 140 | 2    | index_bps        | u16 0..=10000, 5000 balanced, above = home         |
//! | 142 | 10   | components       | `[u16; 5]` possession, shots, xG, tilt, recent     |
//! | 152 | 8    | seq              | u64, last accepted sequence number                 |
//! | 160 | 8    | last_update_ts   | i64 oracle time of the last update                 |
//! | 168 | 8    | last_update_slot | u64                                                |
//! | 176 | 2    | ring_head        | u16, slot of the next write                        |
//! | 178 | 2    | ring_len         | u16, samples held (≤ [`RING_CAPACITY`])            |
//! | 180 | 4    | reserved1        |                                                    |
//! | 184 | 12×720 | ring           | [`Sample`]: ts i64, index_bps u16, suspended u8, status u8 |
//!
//! The feed is read by other programs through [`FeedView`] (pure, no syscalls).

mod ring;
mod status;
mod update;
mod writer;

use pinocchio::{error::ProgramError, Address};

pub use ring::{Sample, SampleLookup, SAMPLE_LEN};
pub use status::FeedStatus;
pub use update::{max_move, FeedUpdate, UpdateRules};
pub use writer::{FeedIdentity, FeedMut};

/// Samples the ring holds: 12 minutes at one update per second, so a crank running minutes
/// late still finds its sample.
pub const RING_CAPACITY: usize = 720;
/// Byte offset of the ring inside the account.
pub const RING_OFFSET: usize = 184;
/// Total account size in bytes (8,824, below the 10 KiB limit for accounts created by CPI).
pub const FEED_LEN: usize = RING_OFFSET + SAMPLE_LEN * RING_CAPACITY;
/// `sha256("account:Feed")[..8]`.
pub const FEED_DISCRIMINATOR: [u8; 8] = [69, 191, 16, 227, 132, 187, 84, 227];
/// PDA seed prefix: `["feed", match_id]`.
pub const FEED_SEED: &[u8] = b"feed";
/// Number of momentum components carried by every update.
pub const COMPONENT_COUNT: usize = 5;
/// Upper bound of the index and of each component, in basis points.
pub const MAX_BPS: u16 = 10_000;

pub(crate) mod offset {
    pub const CONFIG: usize = 8;
    pub const MATCH_ID: usize = 40;
    pub const HOME_TEAM: usize = 72;
    pub const AWAY_TEAM: usize = 104;
    pub const STATUS: usize = 136;
    pub const SUSPENDED: usize = 137;
    pub const BUMP: usize = 138;
    pub const INDEX_BPS: usize = 140;
    pub const COMPONENTS: usize = 142;
    pub const SEQ: usize = 152;
    pub const LAST_UPDATE_TS: usize = 160;
    pub const LAST_UPDATE_SLOT: usize = 168;
    pub const RING_HEAD: usize = 176;
    pub const RING_LEN: usize = 178;
}

#[inline(always)]
pub(crate) fn read_u16(data: &[u8; FEED_LEN], at: usize) -> u16 {
    u16::from_le_bytes([data[at], data[at + 1]])
}

#[inline(always)]
pub(crate) fn read_u64(data: &[u8; FEED_LEN], at: usize) -> u64 {
    let mut raw = [0u8; 8];
    raw.copy_from_slice(&data[at..at + 8]);
    u64::from_le_bytes(raw)
}

/// Read-only, validated view of a `Feed` account's data.
///
/// `from_bytes` checks the length, the discriminator and that the ring cursor is in range, so
/// every getter afterwards is infallible. The caller still checks the account's OWNER.
#[derive(Clone, Copy)]
pub struct FeedView<'a> {
    data: &'a [u8; FEED_LEN],
}

impl<'a> FeedView<'a> {
    /// Validates `data` as a Feed: exact length, discriminator, ring cursor in range.
    /// Any mismatch is `ProgramError::InvalidAccountData`.
    #[inline(always)]
    pub fn from_bytes(data: &'a [u8]) -> Result<Self, ProgramError> {
        let data: &'a [u8; FEED_LEN] = data.try_into().map_err(|_| ProgramError::InvalidAccountData)?;
        if data[..8] != FEED_DISCRIMINATOR {
            return Err(ProgramError::InvalidAccountData);
        }
        if read_u16(data, offset::RING_HEAD) as usize >= RING_CAPACITY
            || read_u16(data, offset::RING_LEN) as usize > RING_CAPACITY
        {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(Self { data })
    }

    /// The `OracleConfig` this feed belongs to.
    #[inline(always)]
    pub fn config(&self) -> &Address {
        address_at(self.data, offset::CONFIG)
    }

    /// The match identifier (PDA seed).
    #[inline(always)]
    pub fn match_id(&self) -> &[u8; 32] {
        array32_at(self.data, offset::MATCH_ID)
    }

    /// Home team name, UTF-8 zero padded.
    #[inline(always)]
    pub fn home_team(&self) -> &[u8; 32] {
        array32_at(self.data, offset::HOME_TEAM)
    }

    /// Away team name, UTF-8 zero padded.
    #[inline(always)]
    pub fn away_team(&self) -> &[u8; 32] {
        array32_at(self.data, offset::AWAY_TEAM)
    }

    /// Latest status; `InvalidAccountData` if the stored byte is not a status.
    #[inline(always)]
    pub fn status(&self) -> Result<FeedStatus, ProgramError> {
        FeedStatus::from_u8(self.data[offset::STATUS]).ok_or(ProgramError::InvalidAccountData)
    }

    /// Suspension flag of the latest update.
    #[inline(always)]
    pub fn suspended(&self) -> bool {
        self.data[offset::SUSPENDED] != 0
    }

    /// Canonical PDA bump.
    #[inline(always)]
    pub fn bump(&self) -> u8 {
        self.data[offset::BUMP]
    }

    /// Latest momentum index, 0..=10000 bps.
    #[inline(always)]
    pub fn index_bps(&self) -> u16 {
        read_u16(self.data, offset::INDEX_BPS)
    }

    /// Latest components: possession, shots ratio, xG ratio, field tilt, recent events.
    #[inline(always)]
    pub fn components(&self) -> [u16; COMPONENT_COUNT] {
        let mut out = [0u16; COMPONENT_COUNT];
        let mut i = 0;
        while i < COMPONENT_COUNT {
            out[i] = read_u16(self.data, offset::COMPONENTS + 2 * i);
            i += 1;
        }
        out
    }

    /// Last accepted sequence number (0 before the first update).
    #[inline(always)]
    pub fn seq(&self) -> u64 {
        read_u64(self.data, offset::SEQ)
    }

    /// Oracle time (unix seconds) of the last update; the creation time before the first.
    #[inline(always)]
    pub fn last_update_ts(&self) -> i64 {
        read_u64(self.data, offset::LAST_UPDATE_TS) as i64
    }

    /// Slot in which the last update landed.
    #[inline(always)]
    pub fn last_update_slot(&self) -> u64 {
        read_u64(self.data, offset::LAST_UPDATE_SLOT)
    }

    /// Ring slot of the next write.
    #[inline(always)]
    pub fn ring_head(&self) -> usize {
        read_u16(self.data, offset::RING_HEAD) as usize
    }

    /// Samples currently held.
    #[inline(always)]
    pub fn ring_len(&self) -> usize {
        read_u16(self.data, offset::RING_LEN) as usize
    }

    /// First retained sample with ts >= `ts`. If samples at or after `ts` were overwritten, the
    /// oldest retained one is returned with `evicted = true` (callers emit an event saying so).
    ///
    /// `None` when no retained sample is at or after `ts` (the oracle has not reached `ts` yet).
    pub fn sample_at_or_after(&self, ts: i64) -> Option<SampleLookup> {
        let (position, evicted) = self.first_at_or_after(ts)?;
        Some(SampleLookup { sample: self.sample(position)?, evicted })
    }

    /// Same, skipping suspended samples.
    pub fn unsuspended_sample_at_or_after(&self, ts: i64) -> Option<SampleLookup> {
        let (mut position, evicted) = self.first_at_or_after(ts)?;
        while position < self.ring_len() {
            let sample = self.sample(position)?;
            if !sample.suspended {
                return Some(SampleLookup { sample, evicted });
            }
            position += 1;
        }
        None
    }
}

#[inline(always)]
fn array32_at(data: &[u8; FEED_LEN], at: usize) -> &[u8; 32] {
    // The slice is exactly 32 bytes, so the conversion cannot fail; `at` is a layout constant.
    match <&[u8; 32]>::try_from(&data[at..at + 32]) {
        Ok(array) => array,
        Err(_) => &[0u8; 32],
    }
}

#[inline(always)]
fn address_at(data: &[u8; FEED_LEN], at: usize) -> &Address {
    // SAFETY: `Address` is a `#[repr(transparent)]` wrapper over `[u8; 32]` (alignment 1).
    unsafe { &*(array32_at(data, at) as *const [u8; 32] as *const Address) }
}

#[cfg(test)]
mod tests;
