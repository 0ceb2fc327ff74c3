//! `Exchange` account: the singleton PDA `["exchange"]` holding the live config and one pending,
//! timelocked change.
//!
//! | off | size | field |
//! |-----|------|-------|
//! | 0   | 8   | discriminator |
//! | 8   | 1   | bump |
//! | 9   | 1   | paused |
//! | 10  | 204 | config (ExchangeConfig) |
//! | 214 | 1   | pending_active |
//! | 215 | 8   | pending_eta (unix s) |
//! | 223 | 204 | pending (ExchangeConfig) |
use pinocchio::error::ProgramError;

use super::{
    codec::{Reader, Writer},
    limits::ExchangeConfig,
};

/// Decoded `Exchange`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exchange {
    pub bump: u8,
    pub paused: bool,
    pub config: ExchangeConfig,
    pub pending_active: bool,
    pub pending_eta: i64,
    pub pending: ExchangeConfig,
}

impl Exchange {
    /// PDA seed.
    pub const SEED: &'static [u8] = b"exchange";
    /// `sha256("account:Exchange")[..8]`.
    pub const DISCRIMINATOR: [u8; 8] = [30, 200, 220, 149, 3, 61, 104, 50];
    /// Account size.
    pub const LEN: usize = 8 + 1 + 1 + ExchangeConfig::LEN + 1 + 8 + ExchangeConfig::LEN;

    /// Decodes an account's data (type already checked).
    pub fn load(data: &[u8]) -> Result<Self, ProgramError> {
        let mut r = Reader::new(data, 8);
        Ok(Exchange {
            bump: r.u8()?,
            paused: r.bool()?,
            config: ExchangeConfig::read(&mut r)?,
            pending_active: r.bool()?,
            pending_eta: r.i64()?,
            pending: ExchangeConfig::read(&mut r)?,
        })
    }

    /// Encodes into an account's data, discriminator included.
    pub fn store(&self, data: &mut [u8]) -> Result<(), ProgramError> {
        let mut w = Writer::new(data, 0);
        w.bytes(&Self::DISCRIMINATOR)?;
        w.u8(self.bump)?;
        w.bool(self.paused)?;
        self.config.write(&mut w)?;
        w.bool(self.pending_active)?;
        w.i64(self.pending_eta)?;
        self.pending.write(&mut w)
    }
}

super::account_io!(Exchange);
