//! One feed update as carried by a signed message, and the rules it must pass.
use super::{FeedStatus, FeedView, COMPONENT_COUNT, MAX_BPS};
use crate::error::OracleError;

/// The values an update sets (the feed address is checked separately against the account).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeedUpdate {
    /// Sequence number: strictly greater than the feed's last one.
    pub seq: u64,
    /// Oracle time, unix seconds.
    pub ts: i64,
    /// Match status.
    pub status: FeedStatus,
    /// Suspension flag (raised on goals, penalties, red cards).
    pub suspended: bool,
    /// Momentum index, 0..=10000 bps.
    pub index_bps: u16,
    /// Possession, shots ratio, xG ratio, field tilt, recent events; each 0..=10000 bps.
    pub components: [u16; COMPONENT_COUNT],
}

/// Config guard rails and the Clock, as the update check needs them.
#[derive(Clone, Copy, Debug)]
pub struct UpdateRules {
    /// Largest index move allowed per elapsed second of oracle time.
    pub max_move_bps_per_sec: u16,
    /// Oldest acceptable update time, relative to the Clock, in seconds.
    pub max_staleness_s: u32,
    /// How far past the Clock an update time may be, in seconds.
    pub max_future_skew_s: u32,
    /// Clock unix time.
    pub now: i64,
}

/// Seconds after which any index move is allowed (max move ≥ 1 bps/s covers the full range).
const FULL_RANGE_SECONDS: u64 = MAX_BPS as u64;

impl FeedUpdate {
    /// Checks the update against the feed's current state and the guard rails.
    pub fn check(&self, feed: &FeedView, rules: &UpdateRules) -> Result<(), OracleError> {
        let current = feed.status().map_err(|_| OracleError::InvalidAccountData)?;
        if current.is_final() {
            return Err(OracleError::FeedFinalized);
        }
        if self.seq <= feed.seq() {
            return Err(OracleError::SeqNotIncreasing);
        }
        let last_ts = feed.last_update_ts();
        if self.ts < last_ts {
            return Err(OracleError::TimeWentBackwards);
        }
        let latest_allowed = rules.now.checked_add(rules.max_future_skew_s as i64).ok_or(OracleError::MathOverflow)?;
        if self.ts > latest_allowed {
            return Err(OracleError::TimeTooFarInFuture);
        }
        let oldest_allowed = rules.now.checked_sub(rules.max_staleness_s as i64).ok_or(OracleError::MathOverflow)?;
        if self.ts < oldest_allowed {
            return Err(OracleError::UpdateStale);
        }
        if self.index_bps > MAX_BPS {
            return Err(OracleError::IndexOutOfRange);
        }
        if self.components.iter().any(|&c| c > MAX_BPS) {
            return Err(OracleError::ComponentOutOfRange);
        }
        if !current.can_become(self.status) {
            return Err(OracleError::IllegalStatusTransition);
        }
        // ts >= last_ts was checked above, so the difference is non-negative.
        let elapsed = (self.ts as u64).wrapping_sub(last_ts as u64);
        if self.index_bps.abs_diff(feed.index_bps()) as u64 > max_move(rules.max_move_bps_per_sec, elapsed) {
            return Err(OracleError::IndexMovedTooFast);
        }
        Ok(())
    }
}

/// Largest index move allowed after `elapsed` seconds. Bounded: min(elapsed, 10000) × u16 <
/// 2^30, so the product cannot overflow.
#[inline(always)]
pub fn max_move(max_move_bps_per_sec: u16, elapsed: u64) -> u64 {
    let seconds = if elapsed < FULL_RANGE_SECONDS { elapsed } else { FULL_RANGE_SECONDS };
    seconds * max_move_bps_per_sec as u64
}
