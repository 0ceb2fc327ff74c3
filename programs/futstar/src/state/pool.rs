//! `Pool` account: one per feed, PDA `["pool", feed]`. Its vault (PDA `["vault", pool]`) and LP
//! share mint (PDA `["lp_mint", pool]`) have the pool PDA as authority.
//!
//! Token accounting (checked after every token move):
//! `vault balance ≥ liquidity + collateral_locked + escrowed + fees_owed` and
//! `reserved ≤ liquidity`, where `reserved` is the sum of open positions' maximum profits.
//!
//! | off | size | field |
//! |-----|------|-------|
//! | 0   | 8  | discriminator |
//! | 8   | 32 | feed |
//! | 40  | 32 | collateral_mint |
//! | 72  | 32 | vault |
//! | 104 | 32 | lp_mint |
//! | 136 | 8  | liquidity (LP-owned tokens, incl. reserved) |
//! | 144 | 8  | reserved (max payouts of open positions) |
//! | 152 | 8  | escrowed (collateral + fees of pending open requests) |
//! | 160 | 8  | collateral_locked (collateral of filled positions) |
//! | 168 | 8  | fees_owed (treasury's share of fees) |
//! | 176 | 8  | oi_long (notional) |
//! | 184 | 8  | oi_short (notional) |
//! | 192 | 8  | lp_supply |
//! | 200 | 8  | live_positions (pending or open) |
//! | 208 | 66 | limits (PoolLimits) |
//! | 274 | 1  | status (0 Open, 1 Paused, 2 Settling, 3 Closed) |
//! | 275 | 1  | bump |
//! | 276 | 1  | vault_bump |
//! | 277 | 1  | lp_mint_bump |
//! | 278 | 1  | decimals |
//! | 279 | 8  | entry_sum_long (Σ notional × entry index of open longs) |
//! | 287 | 8  | entry_sum_short (same for shorts) |
//!
//! The two entry sums let LP shares be priced on the pool's marked value
//! (`math::pool_value`) without visiting positions.
use pinocchio::{error::ProgramError, Address};

use super::{
    codec::{Reader, Writer},
    limits::PoolLimits,
};
use crate::{error::FutstarError, math::pool_value::OpenBook};

/// Lifecycle of a pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum PoolStatus {
    Open = 0,
    Paused = 1,
    Settling = 2,
    Closed = 3,
}

impl PoolStatus {
    fn from_u8(v: u8) -> Result<Self, ProgramError> {
        match v {
            0 => Ok(PoolStatus::Open),
            1 => Ok(PoolStatus::Paused),
            2 => Ok(PoolStatus::Settling),
            3 => Ok(PoolStatus::Closed),
            _ => Err(ProgramError::InvalidAccountData),
        }
    }
}

/// Decoded `Pool`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pool {
    pub feed: Address,
    pub collateral_mint: Address,
    pub vault: Address,
    pub lp_mint: Address,
    pub liquidity: u64,
    pub reserved: u64,
    pub escrowed: u64,
    pub collateral_locked: u64,
    pub fees_owed: u64,
    pub oi_long: u64,
    pub oi_short: u64,
    pub lp_supply: u64,
    pub live_positions: u64,
    pub limits: PoolLimits,
    pub status: PoolStatus,
    pub bump: u8,
    pub vault_bump: u8,
    pub lp_mint_bump: u8,
    pub decimals: u8,
    pub entry_sum_long: u64,
    pub entry_sum_short: u64,
}

impl Pool {
    /// PDA seed prefix (`["pool", feed]`).
    pub const SEED: &'static [u8] = b"pool";
    /// Vault PDA seed prefix (`["vault", pool]`).
    pub const VAULT_SEED: &'static [u8] = b"vault";
    /// LP mint PDA seed prefix (`["lp_mint", pool]`).
    pub const LP_MINT_SEED: &'static [u8] = b"lp_mint";
    /// `sha256("account:Pool")[..8]`.
    pub const DISCRIMINATOR: [u8; 8] = [241, 154, 109, 4, 17, 177, 109, 188];
    /// Account size.
    pub const LEN: usize = 208 + PoolLimits::LEN + 5 + 16;

    /// Decodes an account's data (type already checked).
    pub fn load(data: &[u8]) -> Result<Self, ProgramError> {
        let mut r = Reader::new(data, 8);
        Ok(Pool {
            feed: r.address()?,
            collateral_mint: r.address()?,
            vault: r.address()?,
            lp_mint: r.address()?,
            liquidity: r.u64()?,
            reserved: r.u64()?,
            escrowed: r.u64()?,
            collateral_locked: r.u64()?,
            fees_owed: r.u64()?,
            oi_long: r.u64()?,
            oi_short: r.u64()?,
            lp_supply: r.u64()?,
            live_positions: r.u64()?,
            limits: PoolLimits::read(&mut r)?,
            status: PoolStatus::from_u8(r.u8()?)?,
            bump: r.u8()?,
            vault_bump: r.u8()?,
            lp_mint_bump: r.u8()?,
            decimals: r.u8()?,
            entry_sum_long: r.u64()?,
            entry_sum_short: r.u64()?,
        })
    }

    /// Encodes into an account's data, discriminator included.
    pub fn store(&self, data: &mut [u8]) -> Result<(), ProgramError> {
        let mut w = Writer::new(data, 0);
        w.bytes(&Self::DISCRIMINATOR)?;
        w.address(&self.feed)?;
        w.address(&self.collateral_mint)?;
        w.address(&self.vault)?;
        w.address(&self.lp_mint)?;
        for v in [
            self.liquidity,
            self.reserved,
            self.escrowed,
            self.collateral_locked,
            self.fees_owed,
            self.oi_long,
            self.oi_short,
            self.lp_supply,
            self.live_positions,
        ] {
            w.u64(v)?;
        }
        self.limits.write(&mut w)?;
        w.u8(self.status as u8)?;
        w.u8(self.bump)?;
        w.u8(self.vault_bump)?;
        w.u8(self.lp_mint_bump)?;
        w.u8(self.decimals)?;
        w.u64(self.entry_sum_long)?;
        w.u64(self.entry_sum_short)
    }

    /// Tokens the vault must hold at least.
    pub fn owed_total(&self) -> Result<u64, FutstarError> {
        self.liquidity
            .checked_add(self.collateral_locked)
            .and_then(|v| v.checked_add(self.escrowed))
            .and_then(|v| v.checked_add(self.fees_owed))
            .ok_or(FutstarError::MathOverflow)
    }

    /// The solvency invariant: the vault covers everything owed and reservations never exceed
    /// the LPs' liquidity.
    pub fn assert_solvent(&self, vault_balance: u64) -> Result<(), FutstarError> {
        if self.reserved > self.liquidity || vault_balance < self.owed_total()? {
            return Err(FutstarError::SolvencyViolation);
        }
        Ok(())
    }

    /// The aggregate book that prices LP shares.
    pub fn open_book(&self) -> OpenBook {
        OpenBook {
            liquidity: self.liquidity,
            reserved: self.reserved,
            collateral_locked: self.collateral_locked,
            oi_long: self.oi_long,
            entry_sum_long: self.entry_sum_long,
            oi_short: self.oi_short,
            entry_sum_short: self.entry_sum_short,
        }
    }

    /// Liquidity not reserved for open positions' maximum payouts.
    pub fn free_liquidity(&self) -> u64 {
        self.liquidity.saturating_sub(self.reserved)
    }
}

super::account_io!(Pool);
