//! Anchor-format events (`sol_log_data` of `sha256("event:<Name>")[..8]` ++ Borsh body), one per
//! state change. Bodies are fixed-size and listed in the IDL's `types`.
use pinocchio::Address;
use sbf_runtime::log::log_data;

use crate::state::{config_params::PARAMS_LEN, feed::FeedUpdate};

/// `sha256("event:ConfigInitialized")[..8]`.
pub const CONFIG_INITIALIZED: [u8; 8] = [181, 49, 200, 156, 19, 167, 178, 91];
/// `sha256("event:ConfigChangeProposed")[..8]`.
pub const CONFIG_CHANGE_PROPOSED: [u8; 8] = [57, 212, 96, 3, 9, 29, 225, 198];
/// `sha256("event:ConfigChangeApplied")[..8]`.
pub const CONFIG_CHANGE_APPLIED: [u8; 8] = [65, 124, 47, 248, 1, 25, 230, 154];
/// `sha256("event:ConfigChangeCancelled")[..8]`.
pub const CONFIG_CHANGE_CANCELLED: [u8; 8] = [66, 48, 129, 141, 104, 33, 113, 2];
/// `sha256("event:ConfigPausedSet")[..8]`.
pub const CONFIG_PAUSED_SET: [u8; 8] = [238, 83, 150, 234, 101, 221, 149, 200];
/// `sha256("event:FeedCreated")[..8]`.
pub const FEED_CREATED: [u8; 8] = [48, 114, 86, 253, 113, 66, 250, 98];
/// `sha256("event:FeedUpdated")[..8]`.
pub const FEED_UPDATED: [u8; 8] = [200, 60, 190, 86, 247, 9, 50, 81];

/// Fixed-capacity event encoder; `N` is the exact event size, so nothing is ever cut.
struct Event<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Event<N> {
    #[inline(always)]
    fn new(discriminator: &[u8; 8]) -> Self {
        let mut event = Self { bytes: [0; N], len: 0 };
        event.push(discriminator);
        event
    }

    #[inline(always)]
    fn push(&mut self, field: &[u8]) -> &mut Self {
        if let Some(slot) = self.bytes.get_mut(self.len..self.len + field.len()) {
            slot.copy_from_slice(field);
            self.len += field.len();
        }
        self
    }

    #[inline(always)]
    fn emit(&self) {
        log_data(&self.bytes[..self.len]);
    }
}

/// `ConfigInitialized { config, params }`.
pub fn config_initialized(config: &Address, params: &[u8; PARAMS_LEN]) {
    Event::<{ 8 + 32 + PARAMS_LEN }>::new(&CONFIG_INITIALIZED).push(config.as_ref()).push(params).emit();
}

/// `ConfigChangeProposed { config, apply_after, params }`.
pub fn config_change_proposed(config: &Address, apply_after: i64, params: &[u8; PARAMS_LEN]) {
    Event::<{ 8 + 32 + 8 + PARAMS_LEN }>::new(&CONFIG_CHANGE_PROPOSED)
        .push(config.as_ref())
        .push(&apply_after.to_le_bytes())
        .push(params)
        .emit();
}

/// `ConfigChangeApplied { config, params }` (the parameters now in force).
pub fn config_change_applied(config: &Address, params: &[u8; PARAMS_LEN]) {
    Event::<{ 8 + 32 + PARAMS_LEN }>::new(&CONFIG_CHANGE_APPLIED).push(config.as_ref()).push(params).emit();
}

/// `ConfigChangeCancelled { config }`.
pub fn config_change_cancelled(config: &Address) {
    Event::<{ 8 + 32 }>::new(&CONFIG_CHANGE_CANCELLED).push(config.as_ref()).emit();
}

/// `ConfigPausedSet { config, paused }`.
pub fn config_paused_set(config: &Address, paused: bool) {
    Event::<{ 8 + 32 + 1 }>::new(&CONFIG_PAUSED_SET).push(config.as_ref()).push(&[paused as u8]).emit();
}

/// Fields of `FeedCreated`.
pub struct FeedCreated<'a> {
    /// Feed address.
    pub feed: &'a Address,
    /// Config address.
    pub config: &'a Address,
    /// Match id.
    pub match_id: &'a [u8; 32],
    /// Home team, zero padded.
    pub home_team: &'a [u8; 32],
    /// Away team, zero padded.
    pub away_team: &'a [u8; 32],
    /// Clock time at creation.
    pub created_ts: i64,
}

/// `FeedCreated { feed, config, match_id, home_team, away_team, created_ts }`.
pub fn feed_created(fields: &FeedCreated) {
    Event::<{ 8 + 5 * 32 + 8 }>::new(&FEED_CREATED)
        .push(fields.feed.as_ref())
        .push(fields.config.as_ref())
        .push(fields.match_id)
        .push(fields.home_team)
        .push(fields.away_team)
        .push(&fields.created_ts.to_le_bytes())
        .emit();
}

/// `FeedUpdated { feed, seq, ts, slot, status, suspended, index_bps, components }`.
#[inline(always)]
pub fn feed_updated(feed: &Address, update: &FeedUpdate, slot: u64) {
    let mut event = Event::<{ 8 + 32 + 8 + 8 + 8 + 1 + 1 + 2 + 10 }>::new(&FEED_UPDATED);
    event
        .push(feed.as_ref())
        .push(&update.seq.to_le_bytes())
        .push(&update.ts.to_le_bytes())
        .push(&slot.to_le_bytes())
        .push(&[update.status as u8, update.suspended as u8])
        .push(&update.index_bps.to_le_bytes());
    for component in update.components {
        event.push(&component.to_le_bytes());
    }
    event.emit();
}
