//! Reading `momentum_oracle` feed accounts: owner must be the configured oracle program, the
//! address the one the pool stores, the bytes a `Feed` (checked by `FeedView::from_bytes`).
use momentum_oracle::state::feed::{FeedStatus, FeedView, SampleLookup};
use pinocchio::{error::ProgramError, AccountView, Address};

use crate::error::FutstarError;

/// Checks `feed`'s owner (`InvalidAccountOwner`) and address (`FeedMismatch`).
#[inline(always)]
pub fn check_feed_account(feed: &AccountView, oracle_program: &Address, expected: &Address) -> Result<(), ProgramError> {
    if !feed.owned_by(oracle_program) {
        return Err(FutstarError::InvalidAccountOwner.into());
    }
    if feed.address() != expected {
        return Err(FutstarError::FeedMismatch.into());
    }
    Ok(())
}

/// Parses feed bytes (`InvalidFeed` when they are not a `Feed`).
#[inline(always)]
pub fn view(data: &[u8]) -> Result<FeedView<'_>, ProgramError> {
    FeedView::from_bytes(data).map_err(|_| FutstarError::InvalidFeed.into())
}

/// The feed's status (`InvalidFeed` on an unknown byte).
#[inline(always)]
pub fn status(view: &FeedView) -> Result<FeedStatus, ProgramError> {
    view.status().map_err(|_| FutstarError::InvalidFeed.into())
}

/// `FeedStale` when the feed's last update is more than `max_staleness_s` before `now`.
#[inline(always)]
pub fn require_fresh(view: &FeedView, now: i64, max_staleness_s: u16) -> Result<(), ProgramError> {
    if now.saturating_sub(view.last_update_ts()) > max_staleness_s as i64 {
        return Err(FutstarError::FeedStale.into());
    }
    Ok(())
}

/// Where a position's price came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Price {
    pub index_bps: u16,
    pub ts: i64,
    /// The wanted sample had left the ring; the oldest retained one after it was used.
    pub evicted: bool,
}

impl Price {
    fn from_lookup(lookup: SampleLookup) -> Price {
        Price { index_bps: lookup.sample.index_bps, ts: lookup.sample.ts, evicted: lookup.evicted }
    }
}

/// Settlement price at `expiry`: the first sample at or after it; once the match has ended
/// with no sample after `expiry` (a match-end position), the final index.
/// `None` while the feed has not reached `expiry` yet.
pub fn settlement_price(view: &FeedView, expiry: i64) -> Result<Option<Price>, ProgramError> {
    if let Some(lookup) = view.sample_at_or_after(expiry) {
        return Ok(Some(Price::from_lookup(lookup)));
    }
    if matches!(status(view)?, FeedStatus::Ended) {
        return Ok(Some(Price { index_bps: view.index_bps(), ts: view.last_update_ts(), evicted: false }));
    }
    Ok(None)
}

/// Fill price of a request whose delay ends at `target`: the first non-suspended sample at or
/// after it, or — if the position expires first, or the match ends before such a sample —
/// the settlement price at `expiry`. `None` while not yet fillable.
pub fn fill_price(view: &FeedView, target: i64, expiry: i64) -> Result<Option<Price>, ProgramError> {
    if expiry <= target {
        return settlement_price(view, expiry);
    }
    match view.unsuspended_sample_at_or_after(target) {
        Some(lookup) if lookup.sample.ts <= expiry => Ok(Some(Price::from_lookup(lookup))),
        Some(_) => settlement_price(view, expiry),
        None if matches!(status(view)?, FeedStatus::Ended) => settlement_price(view, expiry),
        None => Ok(None),
    }
}
