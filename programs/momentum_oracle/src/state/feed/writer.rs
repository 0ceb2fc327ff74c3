//! Mutable access to a `Feed` account, used only by the oracle program itself.
use pinocchio::{error::ProgramError, Address};

use super::{
    offset, read_u16, FeedStatus, FeedUpdate, FeedView, Sample, COMPONENT_COUNT, FEED_DISCRIMINATOR, FEED_LEN,
    MAX_BPS, RING_CAPACITY, RING_OFFSET, SAMPLE_LEN,
};

/// Identity of a new feed, written once by `feed_create`.
pub struct FeedIdentity<'a> {
    /// `OracleConfig` address.
    pub config: &'a Address,
    /// Match identifier (PDA seed).
    pub match_id: &'a [u8; 32],
    /// Home team, UTF-8 zero padded.
    pub home_team: &'a [u8; 32],
    /// Away team, UTF-8 zero padded.
    pub away_team: &'a [u8; 32],
    /// Canonical PDA bump.
    pub bump: u8,
    /// Clock time at creation: the baseline for the first update's time and move checks.
    pub created_ts: i64,
    /// Clock slot at creation.
    pub created_slot: u64,
}

/// Validated mutable view of a `Feed` account's data.
pub struct FeedMut<'a> {
    data: &'a mut [u8; FEED_LEN],
}

impl<'a> FeedMut<'a> {
    /// Writes a fresh feed (status Scheduled, balanced index and components, empty ring) into
    /// zeroed account data of exactly [`FEED_LEN`] bytes.
    pub fn init(data: &'a mut [u8], identity: &FeedIdentity) -> Result<Self, ProgramError> {
        let data: &'a mut [u8; FEED_LEN] = data.try_into().map_err(|_| ProgramError::InvalidAccountData)?;
        data[..8].copy_from_slice(&FEED_DISCRIMINATOR);
        data[offset::CONFIG..offset::CONFIG + 32].copy_from_slice(identity.config.as_ref());
        data[offset::MATCH_ID..offset::MATCH_ID + 32].copy_from_slice(identity.match_id);
        data[offset::HOME_TEAM..offset::HOME_TEAM + 32].copy_from_slice(identity.home_team);
        data[offset::AWAY_TEAM..offset::AWAY_TEAM + 32].copy_from_slice(identity.away_team);
        data[offset::STATUS] = FeedStatus::Scheduled as u8;
        data[offset::SUSPENDED] = 0;
        data[offset::BUMP] = identity.bump;
        let balanced = (MAX_BPS / 2).to_le_bytes();
        data[offset::INDEX_BPS..offset::INDEX_BPS + 2].copy_from_slice(&balanced);
        for i in 0..COMPONENT_COUNT {
            let at = offset::COMPONENTS + 2 * i;
            data[at..at + 2].copy_from_slice(&balanced);
        }
        data[offset::SEQ..offset::SEQ + 8].copy_from_slice(&0u64.to_le_bytes());
        data[offset::LAST_UPDATE_TS..offset::LAST_UPDATE_TS + 8].copy_from_slice(&identity.created_ts.to_le_bytes());
        data[offset::LAST_UPDATE_SLOT..offset::LAST_UPDATE_SLOT + 8]
            .copy_from_slice(&identity.created_slot.to_le_bytes());
        data[offset::RING_HEAD..offset::RING_HEAD + 4].copy_from_slice(&[0; 4]);
        Ok(Self { data })
    }

    /// Validates existing feed data (same checks as [`FeedView::from_bytes`]).
    #[inline(always)]
    pub fn from_bytes(data: &'a mut [u8]) -> Result<Self, ProgramError> {
        FeedView::from_bytes(data)?;
        let data: &'a mut [u8; FEED_LEN] = data.try_into().map_err(|_| ProgramError::InvalidAccountData)?;
        Ok(Self { data })
    }

    /// Read-only view of the same data.
    #[inline(always)]
    pub fn view(&self) -> FeedView<'_> {
        FeedView { data: self.data }
    }

    /// Stores an accepted update as the latest state and appends it to the ring, evicting the
    /// oldest sample when the ring is full. Validation is [`FeedUpdate::check`]'s job.
    #[inline(always)]
    pub fn record(&mut self, update: &FeedUpdate, slot: u64) {
        let data = &mut *self.data;
        data[offset::STATUS] = update.status as u8;
        data[offset::SUSPENDED] = update.suspended as u8;
        data[offset::INDEX_BPS..offset::INDEX_BPS + 2].copy_from_slice(&update.index_bps.to_le_bytes());
        for (i, component) in update.components.iter().enumerate() {
            let at = offset::COMPONENTS + 2 * i;
            data[at..at + 2].copy_from_slice(&component.to_le_bytes());
        }
        data[offset::SEQ..offset::SEQ + 8].copy_from_slice(&update.seq.to_le_bytes());
        data[offset::LAST_UPDATE_TS..offset::LAST_UPDATE_TS + 8].copy_from_slice(&update.ts.to_le_bytes());
        data[offset::LAST_UPDATE_SLOT..offset::LAST_UPDATE_SLOT + 8].copy_from_slice(&slot.to_le_bytes());
        let sample = Sample { ts: update.ts, index_bps: update.index_bps, suspended: update.suspended, status: update.status };
        self.push_sample(&sample);
    }

    /// Appends `sample` at the ring head.
    #[inline(always)]
    pub fn push_sample(&mut self, sample: &Sample) {
        let data = &mut *self.data;
        // Both cursors were range-checked on load and are kept in range here.
        let head = (read_u16(data, offset::RING_HEAD) as usize) % RING_CAPACITY;
        let len = read_u16(data, offset::RING_LEN) as usize;
        let at = RING_OFFSET + head * SAMPLE_LEN;
        if let Some(slot) = data.get_mut(at..at + SAMPLE_LEN) {
            slot.copy_from_slice(&sample.encode());
        }
        let next_head = ((head + 1) % RING_CAPACITY) as u16;
        let next_len = if len < RING_CAPACITY { len + 1 } else { RING_CAPACITY } as u16;
        data[offset::RING_HEAD..offset::RING_HEAD + 2].copy_from_slice(&next_head.to_le_bytes());
        data[offset::RING_LEN..offset::RING_LEN + 2].copy_from_slice(&next_len.to_le_bytes());
    }
}
