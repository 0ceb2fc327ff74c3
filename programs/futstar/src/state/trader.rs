//! `Trader` account: one per user and pool, PDA `["trader", pool, owner]`. Holds the rate
//! limit and the responsible-gambling settings the user sets on chain.
//!
//! | off | size | field |
//! |-----|------|-------|
//! | 0   | 8  | discriminator |
//! | 8   | 32 | owner |
//! | 40  | 32 | pool |
//! | 72  | 8  | next_position_id |
//! | 80  | 2  | open_positions (pending or open) |
//! | 82  | 1  | bump |
//! | 83  | 8  | last_open_slot |
//! | 91  | 8  | daily_loss_limit (0 = none) |
//! | 99  | 8  | daily_deposit_limit (0 = none) |
//! | 107 | 8  | pending_loss_limit |
//! | 115 | 8  | pending_deposit_limit |
//! | 123 | 8  | pending_effective_ts (0 = nothing pending) |
//! | 131 | 8  | self_excluded_until (unix s) |
//! | 139 | 8  | day (unix day number of the counters) |
//! | 147 | 8  | day_deposited (collateral + fees committed today) |
//! | 155 | 8  | day_lost (realised losses today) |
use pinocchio::{error::ProgramError, Address};

use super::codec::{Reader, Writer};

/// Seconds a raised or removed limit waits before taking effect (a cooling-off day).
pub const LIMIT_RAISE_DELAY_S: i64 = 86_400;

/// Decoded `Trader`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trader {
    pub owner: Address,
    pub pool: Address,
    pub next_position_id: u64,
    pub open_positions: u16,
    pub bump: u8,
    pub last_open_slot: u64,
    pub daily_loss_limit: u64,
    pub daily_deposit_limit: u64,
    pub pending_loss_limit: u64,
    pub pending_deposit_limit: u64,
    pub pending_effective_ts: i64,
    pub self_excluded_until: i64,
    pub day: i64,
    pub day_deposited: u64,
    pub day_lost: u64,
}

impl Trader {
    /// PDA seed prefix (`["trader", pool, owner]`).
    pub const SEED: &'static [u8] = b"trader";
    /// `sha256("account:Trader")[..8]`.
    pub const DISCRIMINATOR: [u8; 8] = [74, 133, 32, 105, 47, 50, 5, 238];
    /// Account size.
    pub const LEN: usize = 163;

    /// Decodes an account's data (type already checked).
    pub fn load(data: &[u8]) -> Result<Self, ProgramError> {
        let mut r = Reader::new(data, 8);
        Ok(Trader {
            owner: r.address()?,
            pool: r.address()?,
            next_position_id: r.u64()?,
            open_positions: r.u16()?,
            bump: r.u8()?,
            last_open_slot: r.u64()?,
            daily_loss_limit: r.u64()?,
            daily_deposit_limit: r.u64()?,
            pending_loss_limit: r.u64()?,
            pending_deposit_limit: r.u64()?,
            pending_effective_ts: r.i64()?,
            self_excluded_until: r.i64()?,
            day: r.i64()?,
            day_deposited: r.u64()?,
            day_lost: r.u64()?,
        })
    }

    /// Encodes into an account's data, discriminator included.
    pub fn store(&self, data: &mut [u8]) -> Result<(), ProgramError> {
        let mut w = Writer::new(data, 0);
        w.bytes(&Self::DISCRIMINATOR)?;
        w.address(&self.owner)?;
        w.address(&self.pool)?;
        w.u64(self.next_position_id)?;
        w.u16(self.open_positions)?;
        w.u8(self.bump)?;
        w.u64(self.last_open_slot)?;
        w.u64(self.daily_loss_limit)?;
        w.u64(self.daily_deposit_limit)?;
        w.u64(self.pending_loss_limit)?;
        w.u64(self.pending_deposit_limit)?;
        w.i64(self.pending_effective_ts)?;
        w.i64(self.self_excluded_until)?;
        w.i64(self.day)?;
        w.u64(self.day_deposited)?;
        w.u64(self.day_lost)
    }

    /// Applies a pending limit raise once its cooling-off has passed, and resets the daily
    /// counters when `now` falls on a new day.
    pub fn roll(&mut self, now: i64) {
        if self.pending_effective_ts != 0 && now >= self.pending_effective_ts {
            self.daily_loss_limit = self.pending_loss_limit;
            self.daily_deposit_limit = self.pending_deposit_limit;
            self.pending_effective_ts = 0;
        }
        // Unsigned division: the BPF backend has no signed division (and clock time is positive).
        let day = (now.max(0) as u64 / 86_400) as i64;
        if day != self.day {
            self.day = day;
            self.day_deposited = 0;
            self.day_lost = 0;
        }
    }

    /// Records a realised loss for the daily loss limit.
    pub fn record_loss(&mut self, now: i64, loss: u64) {
        self.roll(now);
        self.day_lost = self.day_lost.saturating_add(loss);
    }
}

super::account_io!(Trader);
