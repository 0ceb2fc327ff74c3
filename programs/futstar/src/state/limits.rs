//! `PoolLimits` (per pool, defaults in the exchange) and `ExchangeConfig` (the timelocked set).
use pinocchio::{error::ProgramError, Address};

use super::codec::{Reader, Writer};
use crate::{
    error::FutstarError,
    math::bounds::{BPS, MAX_AMOUNT, MAX_LEVERAGE},
};

/// Duration value meaning "until the match ends".
pub const DURATION_MATCH_END: u32 = u32::MAX;
/// Number of allowed-duration slots (0 = unused slot).
pub const DURATION_SLOTS: usize = 4;
/// Largest fee either way (10 %).
pub const MAX_FEE_BPS: u16 = 1_000;
/// Longest timelock (30 days).
pub const MAX_TIMELOCK_S: u32 = 30 * 86_400;

/// Risk limits of a pool.
///
/// | off | size | field |
/// |-----|------|-------|
/// | 0  | 2  | max_leverage (×) |
/// | 2  | 2  | inplay_delay_s |
/// | 4  | 2  | max_staleness_s |
/// | 6  | 2  | min_open_interval_slots |
/// | 8  | 2  | max_open_positions (per trader) |
/// | 10 | 8  | min_collateral |
/// | 18 | 8  | max_notional |
/// | 26 | 8  | max_oi_per_side |
/// | 34 | 8  | max_skew (|long − short| notional) |
/// | 42 | 8  | max_payout (cap on one position's profit) |
/// | 50 | 16 | durations [u32; 4] (seconds; 0 unused; u32::MAX = match end) |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PoolLimits {
    pub max_leverage: u16,
    pub inplay_delay_s: u16,
    pub max_staleness_s: u16,
    pub min_open_interval_slots: u16,
    pub max_open_positions: u16,
    pub min_collateral: u64,
    pub max_notional: u64,
    pub max_oi_per_side: u64,
    pub max_skew: u64,
    pub max_payout: u64,
    pub durations: [u32; DURATION_SLOTS],
}

impl PoolLimits {
    /// Encoded size.
    pub const LEN: usize = 66;

    /// Decodes the layout above.
    pub fn read(r: &mut Reader) -> Result<Self, ProgramError> {
        Ok(PoolLimits {
            max_leverage: r.u16()?,
            inplay_delay_s: r.u16()?,
            max_staleness_s: r.u16()?,
            min_open_interval_slots: r.u16()?,
            max_open_positions: r.u16()?,
            min_collateral: r.u64()?,
            max_notional: r.u64()?,
            max_oi_per_side: r.u64()?,
            max_skew: r.u64()?,
            max_payout: r.u64()?,
            durations: [r.u32()?, r.u32()?, r.u32()?, r.u32()?],
        })
    }

    /// Encodes the layout above.
    pub fn write(&self, w: &mut Writer) -> Result<(), ProgramError> {
        w.u16(self.max_leverage)?;
        w.u16(self.inplay_delay_s)?;
        w.u16(self.max_staleness_s)?;
        w.u16(self.min_open_interval_slots)?;
        w.u16(self.max_open_positions)?;
        w.u64(self.min_collateral)?;
        w.u64(self.max_notional)?;
        w.u64(self.max_oi_per_side)?;
        w.u64(self.max_skew)?;
        w.u64(self.max_payout)?;
        for d in self.durations {
            w.u32(d)?;
        }
        Ok(())
    }

    /// Rejects limits the math cannot honour.
    pub fn validate(&self) -> Result<(), FutstarError> {
        let leverage_ok = self.max_leverage >= 1 && self.max_leverage as u64 <= MAX_LEVERAGE;
        let amounts_ok = self.min_collateral >= 1
            && self.max_notional <= MAX_AMOUNT
            && self.max_oi_per_side <= MAX_AMOUNT
            && self.max_skew <= MAX_AMOUNT
            && self.max_payout <= MAX_AMOUNT;
        let any_duration = self.durations.iter().any(|d| *d != 0);
        if !leverage_ok || !amounts_ok || !any_duration || self.max_staleness_s == 0 || self.max_open_positions == 0 {
            return Err(FutstarError::InvalidConfig);
        }
        Ok(())
    }

    /// Whether `duration` is one of the allowed ones.
    pub fn allows_duration(&self, duration: u32) -> bool {
        duration != 0 && self.durations.iter().any(|d| *d == duration)
    }
}

/// The exchange settings that only change through the timelock.
///
/// | off | size | field |
/// |-----|------|-------|
/// | 0   | 32 | admin (meant to be a multisig) |
/// | 32  | 32 | guardian (may only pause) |
/// | 64  | 32 | oracle_program |
/// | 96  | 32 | treasury (owner of the treasury token accounts) |
/// | 128 | 2  | open_fee_bps |
/// | 130 | 2  | close_fee_bps |
/// | 132 | 2  | lp_fee_share_bps |
/// | 134 | 4  | timelock_delay_s |
/// | 138 | 66 | default_limits (PoolLimits) |
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExchangeConfig {
    pub admin: Address,
    pub guardian: Address,
    pub oracle_program: Address,
    pub treasury: Address,
    pub open_fee_bps: u16,
    pub close_fee_bps: u16,
    pub lp_fee_share_bps: u16,
    pub timelock_delay_s: u32,
    pub default_limits: PoolLimits,
}

impl ExchangeConfig {
    /// Encoded size.
    pub const LEN: usize = 128 + 6 + 4 + PoolLimits::LEN;

    /// Decodes the layout above.
    pub fn read(r: &mut Reader) -> Result<Self, ProgramError> {
        Ok(ExchangeConfig {
            admin: r.address()?,
            guardian: r.address()?,
            oracle_program: r.address()?,
            treasury: r.address()?,
            open_fee_bps: r.u16()?,
            close_fee_bps: r.u16()?,
            lp_fee_share_bps: r.u16()?,
            timelock_delay_s: r.u32()?,
            default_limits: PoolLimits::read(r)?,
        })
    }

    /// Encodes the layout above.
    pub fn write(&self, w: &mut Writer) -> Result<(), ProgramError> {
        w.address(&self.admin)?;
        w.address(&self.guardian)?;
        w.address(&self.oracle_program)?;
        w.address(&self.treasury)?;
        w.u16(self.open_fee_bps)?;
        w.u16(self.close_fee_bps)?;
        w.u16(self.lp_fee_share_bps)?;
        w.u32(self.timelock_delay_s)?;
        self.default_limits.write(w)
    }

    /// Rejects fees above 10 %, shares above 100 %, timelocks above 30 days and bad limits.
    pub fn validate(&self) -> Result<(), FutstarError> {
        if self.open_fee_bps > MAX_FEE_BPS
            || self.close_fee_bps > MAX_FEE_BPS
            || self.lp_fee_share_bps as u64 > BPS
            || self.timelock_delay_s > MAX_TIMELOCK_S
        {
            return Err(FutstarError::InvalidConfig);
        }
        self.default_limits.validate()
    }
}
