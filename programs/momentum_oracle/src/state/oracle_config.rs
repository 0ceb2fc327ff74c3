//! `OracleConfig` account: the singleton PDA `["oracle_config"]` holding the signer set, the
//! guard rails, the pause flag and a pending timelocked change.
//!
//! | off | size | field               | notes                                         |
//! |-----|------|---------------------|-----------------------------------------------|
//! | 0   | 8    | discriminator       | `sha256("account:OracleConfig")[..8]`         |
//! | 8   | 1    | bump                | canonical PDA bump                            |
//! | 9   | 1    | paused              | 0/1: `feed_push_update` rejected while 1       |
//! | 10  | 1    | has_pending         | 0/1                                           |
//! | 11  | 5    | reserved0           | zero                                          |
//! | 16  | 8    | pending_apply_after | i64 unix time from which the change applies   |
//! | 24  | 304  | current             | [`ConfigParams`](super::config_params)        |
//! | 328 | 304  | pending             | proposed `ConfigParams` (zero when none)      |
use pinocchio::error::ProgramError;

use super::config_params::{ParamsView, PARAMS_LEN};

/// Account size in bytes.
pub const CONFIG_LEN: usize = 632;
/// `sha256("account:OracleConfig")[..8]`.
pub const CONFIG_DISCRIMINATOR: [u8; 8] = [133, 196, 152, 50, 27, 21, 145, 254];
/// PDA seed.
pub const CONFIG_SEED: &[u8] = b"oracle_config";

const BUMP: usize = 8;
const PAUSED: usize = 9;
const HAS_PENDING: usize = 10;
const PENDING_APPLY_AFTER: usize = 16;
const CURRENT: usize = 24;
const PENDING: usize = CURRENT + PARAMS_LEN;

/// Validated read-only view of an `OracleConfig` account's data.
#[derive(Clone, Copy)]
pub struct OracleConfigView<'a> {
    data: &'a [u8; CONFIG_LEN],
}

impl<'a> OracleConfigView<'a> {
    /// Checks the exact length and the discriminator (`InvalidAccountData` otherwise).
    #[inline(always)]
    pub fn from_bytes(data: &'a [u8]) -> Result<Self, ProgramError> {
        let data: &'a [u8; CONFIG_LEN] = data.try_into().map_err(|_| ProgramError::InvalidAccountData)?;
        if data[..8] != CONFIG_DISCRIMINATOR {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(Self { data })
    }

    /// Canonical PDA bump.
    #[inline(always)]
    pub fn bump(&self) -> u8 {
        self.data[BUMP]
    }

    /// Whether updates are paused.
    #[inline(always)]
    pub fn paused(&self) -> bool {
        self.data[PAUSED] != 0
    }

    /// Whether a change is pending.
    #[inline(always)]
    pub fn has_pending(&self) -> bool {
        self.data[HAS_PENDING] != 0
    }

    /// Unix time from which the pending change may be applied.
    #[inline(always)]
    pub fn pending_apply_after(&self) -> i64 {
        let mut raw = [0u8; 8];
        raw.copy_from_slice(&self.data[PENDING_APPLY_AFTER..PENDING_APPLY_AFTER + 8]);
        i64::from_le_bytes(raw)
    }

    /// Parameters in force.
    #[inline(always)]
    pub fn current(&self) -> ParamsView<'a> {
        ParamsView::new(params_at(self.data, CURRENT))
    }

    /// Proposed parameters (meaningful only when [`Self::has_pending`]).
    #[inline(always)]
    pub fn pending(&self) -> ParamsView<'a> {
        ParamsView::new(params_at(self.data, PENDING))
    }
}

/// Validated mutable view of an `OracleConfig` account's data.
pub struct OracleConfigMut<'a> {
    data: &'a mut [u8; CONFIG_LEN],
}

impl<'a> OracleConfigMut<'a> {
    /// Writes a new config into zeroed data of exactly [`CONFIG_LEN`] bytes.
    pub fn init(data: &'a mut [u8], params: &[u8; PARAMS_LEN], bump: u8) -> Result<Self, ProgramError> {
        let data: &'a mut [u8; CONFIG_LEN] = data.try_into().map_err(|_| ProgramError::InvalidAccountData)?;
        data.fill(0);
        data[..8].copy_from_slice(&CONFIG_DISCRIMINATOR);
        data[BUMP] = bump;
        data[CURRENT..CURRENT + PARAMS_LEN].copy_from_slice(params);
        Ok(Self { data })
    }

    /// Same checks as [`OracleConfigView::from_bytes`].
    #[inline(always)]
    pub fn from_bytes(data: &'a mut [u8]) -> Result<Self, ProgramError> {
        OracleConfigView::from_bytes(data)?;
        let data: &'a mut [u8; CONFIG_LEN] = data.try_into().map_err(|_| ProgramError::InvalidAccountData)?;
        Ok(Self { data })
    }

    /// Read-only view of the same data.
    #[inline(always)]
    pub fn view(&self) -> OracleConfigView<'_> {
        OracleConfigView { data: self.data }
    }

    /// Sets the pause flag.
    pub fn set_paused(&mut self, paused: bool) {
        self.data[PAUSED] = paused as u8;
    }

    /// Records `params` as the pending change, applicable from `apply_after`; replaces any
    /// earlier proposal.
    pub fn propose(&mut self, params: &[u8; PARAMS_LEN], apply_after: i64) {
        self.data[HAS_PENDING] = 1;
        self.data[PENDING_APPLY_AFTER..PENDING_APPLY_AFTER + 8].copy_from_slice(&apply_after.to_le_bytes());
        self.data[PENDING..PENDING + PARAMS_LEN].copy_from_slice(params);
    }

    /// Makes the pending parameters current and clears the proposal.
    pub fn apply_pending(&mut self) {
        self.data.copy_within(PENDING..PENDING + PARAMS_LEN, CURRENT);
        self.clear_pending();
    }

    /// Drops the pending proposal.
    pub fn clear_pending(&mut self) {
        self.data[HAS_PENDING] = 0;
        self.data[PENDING_APPLY_AFTER..PENDING_APPLY_AFTER + 8].fill(0);
        self.data[PENDING..PENDING + PARAMS_LEN].fill(0);
    }
}

#[inline(always)]
fn params_at(data: &[u8; CONFIG_LEN], at: usize) -> &[u8; PARAMS_LEN] {
    match <&[u8; PARAMS_LEN]>::try_from(&data[at..at + PARAMS_LEN]) {
        Ok(params) => params,
        Err(_) => &[0u8; PARAMS_LEN],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::config_params::tests::encode;

    #[test]
    fn discriminator_and_size() {
        use sha2::{Digest, Sha256};
        assert_eq!(CONFIG_DISCRIMINATOR[..], Sha256::digest(b"account:OracleConfig")[..8]);
        assert_eq!(CONFIG_LEN, 24 + 2 * PARAMS_LEN);
    }

    #[test]
    fn propose_apply_and_cancel_move_the_right_bytes() {
        let current = encode([1; 32], &[[2; 32]], 1, (100, 60, 5, 3600));
        let next = encode([9; 32], &[[3; 32], [4; 32]], 2, (50, 30, 2, 7200));
        let mut data = vec![0u8; CONFIG_LEN];
        let mut config = OracleConfigMut::init(&mut data, &current, 253).unwrap();
        config.propose(&next, 1234);
        let view = config.view();
        assert!(view.has_pending());
        assert_eq!(view.pending_apply_after(), 1234);
        assert_eq!(view.current().raw(), &current);
        assert_eq!(view.pending().raw(), &next);
        config.apply_pending();
        let view = config.view();
        assert!(!view.has_pending());
        assert_eq!(view.current().raw(), &next);
        assert_eq!(view.pending().raw(), &[0u8; PARAMS_LEN]);
        assert_eq!(view.bump(), 253);
        config.set_paused(true);
        assert!(config.view().paused());
        assert!(OracleConfigView::from_bytes(&data).unwrap().paused());
        data[0] ^= 1;
        assert!(OracleConfigView::from_bytes(&data).is_err());
    }
}
