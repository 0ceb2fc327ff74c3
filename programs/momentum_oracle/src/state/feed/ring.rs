//! The sample ring: chronological lookup over the last [`RING_CAPACITY`] accepted updates.
//!
//! Samples are written at `ring_head`, which then advances modulo the capacity; once the ring is
//! full each write evicts the oldest sample. Oracle time never decreases from one sample to the
//! next, so the retained samples, read oldest first, are sorted by `ts` and searched by bisection.
//!
//! Eviction rule: a lookup for a time older than the oldest retained sample returns that oldest
//! sample. If the ring is full, samples older than it were overwritten and one of them might have
//! been the exact answer, so the lookup says `evicted = true`; with a ring that is not full the
//! oldest retained sample is the first sample ever written and the answer is exact.
use super::{FeedStatus, FeedView, RING_CAPACITY, RING_OFFSET};

/// Bytes per ring sample.
pub const SAMPLE_LEN: usize = 12;

/// One retained update: `{ ts: i64, index_bps: u16, suspended: u8, status: u8 }` (12 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    /// Oracle time, unix seconds.
    pub ts: i64,
    /// Momentum index, 0..=10000 bps.
    pub index_bps: u16,
    /// Suspension flag carried by the update.
    pub suspended: bool,
    /// Match status carried by the update.
    pub status: FeedStatus,
}

impl Sample {
    /// Encodes the sample into its 12-byte ring slot.
    #[inline(always)]
    pub fn encode(&self) -> [u8; SAMPLE_LEN] {
        let mut out = [0u8; SAMPLE_LEN];
        out[..8].copy_from_slice(&self.ts.to_le_bytes());
        out[8..10].copy_from_slice(&self.index_bps.to_le_bytes());
        out[10] = self.suspended as u8;
        out[11] = self.status as u8;
        out
    }

    /// Decodes a ring slot; `None` if the status byte is not a status.
    #[inline(always)]
    pub fn decode(raw: &[u8; SAMPLE_LEN]) -> Option<Self> {
        let mut ts = [0u8; 8];
        ts.copy_from_slice(&raw[..8]);
        Some(Self {
            ts: i64::from_le_bytes(ts),
            index_bps: u16::from_le_bytes([raw[8], raw[9]]),
            suspended: raw[10] != 0,
            status: FeedStatus::from_u8(raw[11])?,
        })
    }
}

/// Result of a time lookup in the ring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleLookup {
    /// The sample found.
    pub sample: Sample,
    /// True when the requested time precedes every retained sample of a full ring, so the exact
    /// sample may have been overwritten and `sample` is the oldest retained one instead.
    pub evicted: bool,
}

impl FeedView<'_> {
    /// Ring slot of the `position`-th retained sample, oldest first.
    #[inline(always)]
    fn slot_of(&self, position: usize) -> usize {
        // head < CAPACITY and len <= CAPACITY were checked by `from_bytes`, so no underflow.
        (self.ring_head() + RING_CAPACITY - self.ring_len() + position) % RING_CAPACITY
    }

    #[inline(always)]
    fn ts_at(&self, position: usize) -> Option<i64> {
        let at = RING_OFFSET + self.slot_of(position) * super::SAMPLE_LEN;
        let raw: &[u8; 8] = self.data.get(at..at + 8)?.try_into().ok()?;
        Some(i64::from_le_bytes(*raw))
    }

    /// The `position`-th retained sample, oldest first.
    #[inline(always)]
    pub(super) fn sample(&self, position: usize) -> Option<Sample> {
        let at = RING_OFFSET + self.slot_of(position) * SAMPLE_LEN;
        Sample::decode(self.data.get(at..at + SAMPLE_LEN)?.try_into().ok()?)
    }

    /// Position of the first retained sample with `ts >= target`, and whether eviction may have
    /// removed an earlier answer.
    pub(super) fn first_at_or_after(&self, target: i64) -> Option<(usize, bool)> {
        let len = self.ring_len();
        if len == 0 || self.ts_at(len - 1)? < target {
            return None;
        }
        let (mut low, mut high) = (0usize, len - 1);
        while low < high {
            let middle = low + (high - low) / 2;
            if self.ts_at(middle)? >= target {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        let evicted = low == 0 && len == RING_CAPACITY && self.ts_at(0)? > target;
        Some((low, evicted))
    }

    /// The newest sample, if any.
    pub fn latest_sample(&self) -> Option<Sample> {
        let len = self.ring_len();
        if len == 0 {
            return None;
        }
        self.sample(len - 1)
    }
}
