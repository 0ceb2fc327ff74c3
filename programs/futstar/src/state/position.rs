//! `Position` account: PDA `["position", trader, id (u64 LE)]`.
//!
//! | off | size | field |
//! |-----|------|-------|
//! | 0   | 8  | discriminator |
//! | 8   | 32 | owner |
//! | 40  | 32 | pool |
//! | 72  | 32 | trader |
//! | 104 | 8  | id |
//! | 112 | 1  | side (0 long, 1 short) |
//! | 113 | 1  | status (PositionStatus) |
//! | 114 | 1  | bump |
//! | 115 | 2  | leverage |
//! | 117 | 2  | entry_index (bps) |
//! | 119 | 2  | exit_index (bps) |
//! | 121 | 4  | duration_s (u32::MAX = match end) |
//! | 125 | 8  | collateral |
//! | 133 | 8  | notional |
//! | 141 | 8  | open_fee |
//! | 149 | 8  | max_profit (reserved) |
//! | 157 | 8  | request_ts (open request) |
//! | 165 | 8  | entry_ts |
//! | 173 | 8  | expiry_ts |
//! | 181 | 8  | close_request_ts |
//! | 189 | 8  | payout |
//! | 197 | 8  | realized_pnl (i64) |
use pinocchio::{error::ProgramError, Address};

use super::codec::{Reader, Writer};
use crate::math::pnl::{PositionTerms, Side};

/// Lifecycle of a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum PositionStatus {
    PendingOpen = 0,
    Open = 1,
    PendingClose = 2,
    Closed = 3,
    Cancelled = 4,
    Rejected = 5,
    Settled = 6,
    StoppedOut = 7,
    Voided = 8,
}

impl PositionStatus {
    fn from_u8(v: u8) -> Result<Self, ProgramError> {
        Ok(match v {
            0 => PositionStatus::PendingOpen,
            1 => PositionStatus::Open,
            2 => PositionStatus::PendingClose,
            3 => PositionStatus::Closed,
            4 => PositionStatus::Cancelled,
            5 => PositionStatus::Rejected,
            6 => PositionStatus::Settled,
            7 => PositionStatus::StoppedOut,
            8 => PositionStatus::Voided,
            _ => return Err(ProgramError::InvalidAccountData),
        })
    }

    /// Filled and not yet closed (a pending close is still open).
    pub fn is_open(self) -> bool {
        matches!(self, PositionStatus::Open | PositionStatus::PendingClose)
    }
}

/// Decoded `Position`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub owner: Address,
    pub pool: Address,
    pub trader: Address,
    pub id: u64,
    pub side: Side,
    pub status: PositionStatus,
    pub bump: u8,
    pub leverage: u16,
    pub entry_index: u16,
    pub exit_index: u16,
    pub duration_s: u32,
    pub collateral: u64,
    pub notional: u64,
    pub open_fee: u64,
    pub max_profit: u64,
    pub request_ts: i64,
    pub entry_ts: i64,
    pub expiry_ts: i64,
    pub close_request_ts: i64,
    pub payout: u64,
    pub realized_pnl: i64,
}

impl Position {
    /// PDA seed prefix (`["position", trader, id]`).
    pub const SEED: &'static [u8] = b"position";
    /// `sha256("account:Position")[..8]`.
    pub const DISCRIMINATOR: [u8; 8] = [170, 188, 143, 228, 122, 64, 247, 208];
    /// Account size.
    pub const LEN: usize = 205;

    /// Decodes an account's data (type already checked).
    pub fn load(data: &[u8]) -> Result<Self, ProgramError> {
        let mut r = Reader::new(data, 8);
        Ok(Position {
            owner: r.address()?,
            pool: r.address()?,
            trader: r.address()?,
            id: r.u64()?,
            side: Side::from_u8(r.u8()?).ok_or(ProgramError::InvalidAccountData)?,
            status: PositionStatus::from_u8(r.u8()?)?,
            bump: r.u8()?,
            leverage: r.u16()?,
            entry_index: r.u16()?,
            exit_index: r.u16()?,
            duration_s: r.u32()?,
            collateral: r.u64()?,
            notional: r.u64()?,
            open_fee: r.u64()?,
            max_profit: r.u64()?,
            request_ts: r.i64()?,
            entry_ts: r.i64()?,
            expiry_ts: r.i64()?,
            close_request_ts: r.i64()?,
            payout: r.u64()?,
            realized_pnl: r.i64()?,
        })
    }

    /// Encodes into an account's data, discriminator included.
    pub fn store(&self, data: &mut [u8]) -> Result<(), ProgramError> {
        let mut w = Writer::new(data, 0);
        w.bytes(&Self::DISCRIMINATOR)?;
        w.address(&self.owner)?;
        w.address(&self.pool)?;
        w.address(&self.trader)?;
        w.u64(self.id)?;
        w.u8(self.side as u8)?;
        w.u8(self.status as u8)?;
        w.u8(self.bump)?;
        w.u16(self.leverage)?;
        w.u16(self.entry_index)?;
        w.u16(self.exit_index)?;
        w.u32(self.duration_s)?;
        w.u64(self.collateral)?;
        w.u64(self.notional)?;
        w.u64(self.open_fee)?;
        w.u64(self.max_profit)?;
        w.i64(self.request_ts)?;
        w.i64(self.entry_ts)?;
        w.i64(self.expiry_ts)?;
        w.i64(self.close_request_ts)?;
        w.u64(self.payout)?;
        w.i64(self.realized_pnl)
    }

    /// The terms the PnL math needs.
    pub fn terms(&self) -> PositionTerms {
        PositionTerms {
            side: self.side,
            collateral: self.collateral,
            notional: self.notional,
            entry_bps: self.entry_index as u64,
            max_profit: self.max_profit,
        }
    }
}

super::account_io!(Position);
