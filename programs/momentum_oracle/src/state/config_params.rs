//! `ConfigParams`: the part of the oracle config that changes only through the timelock.
//!
//! | off | size | field                | notes                                   |
//! |-----|------|----------------------|-----------------------------------------|
//! | 0   | 32   | admin                | may propose changes, pause, create feeds|
//! | 32  | 256  | signers              | `[Pubkey; 8]`, unused slots zero        |
//! | 288 | 1    | signer_count         | 1..=8                                   |
//! | 289 | 1    | quorum               | 1..=signer_count                        |
//! | 290 | 2    | max_move_bps_per_sec | u16 1..=10000                           |
//! | 292 | 4    | max_staleness_s      | u32 1..=86400                           |
//! | 296 | 4    | max_future_skew_s    | u32 0..=3600                            |
//! | 300 | 4    | timelock_delay_s     | u32 60..=2592000 (1 minute to 30 days)  |
use crate::error::OracleError;

/// Encoded size of [`ConfigParams`].
pub const PARAMS_LEN: usize = 304;
/// Most signer keys a config holds (also the precompile's per-transaction signature limit).
pub const MAX_SIGNERS: usize = 8;
/// Bounds of each guard rail.
pub const MAX_MOVE_LIMIT_BPS_PER_SEC: u16 = 10_000;
/// Largest allowed `max_staleness_s` (one day).
pub const MAX_STALENESS_LIMIT_S: u32 = 86_400;
/// Largest allowed `max_future_skew_s` (one hour).
pub const MAX_FUTURE_SKEW_LIMIT_S: u32 = 3_600;
/// Shortest allowed timelock (one minute).
pub const MIN_TIMELOCK_DELAY_S: u32 = 60;
/// Longest allowed timelock (30 days).
pub const MAX_TIMELOCK_DELAY_S: u32 = 2_592_000;

const SIGNERS: usize = 32;
const SIGNER_COUNT: usize = 288;
const QUORUM: usize = 289;
const MAX_MOVE: usize = 290;
const MAX_STALENESS: usize = 292;
const MAX_FUTURE_SKEW: usize = 296;
const TIMELOCK_DELAY: usize = 300;

/// Read-only view of encoded [`PARAMS_LEN`] bytes of config parameters.
#[derive(Clone, Copy)]
pub struct ParamsView<'a> {
    raw: &'a [u8; PARAMS_LEN],
}

impl<'a> ParamsView<'a> {
    /// Wraps exactly [`PARAMS_LEN`] bytes (no validation; see [`ParamsView::validate`]).
    #[inline(always)]
    pub fn new(raw: &'a [u8; PARAMS_LEN]) -> Self {
        Self { raw }
    }

    /// The encoded bytes.
    #[inline(always)]
    pub fn raw(&self) -> &'a [u8; PARAMS_LEN] {
        self.raw
    }

    /// Admin key.
    #[inline(always)]
    pub fn admin(&self) -> &'a [u8; 32] {
        key_at(self.raw, 0)
    }

    /// Signer key in `slot` (0..8).
    #[inline(always)]
    pub fn signer(&self, slot: usize) -> &'a [u8; 32] {
        key_at(self.raw, SIGNERS + 32 * (slot % MAX_SIGNERS))
    }

    /// Number of configured signers.
    #[inline(always)]
    pub fn signer_count(&self) -> u8 {
        self.raw[SIGNER_COUNT]
    }

    /// Distinct configured signatures required.
    #[inline(always)]
    pub fn quorum(&self) -> u8 {
        self.raw[QUORUM]
    }

    /// Largest index move per second of oracle time.
    #[inline(always)]
    pub fn max_move_bps_per_sec(&self) -> u16 {
        u16::from_le_bytes([self.raw[MAX_MOVE], self.raw[MAX_MOVE + 1]])
    }

    /// Oldest acceptable update time relative to the Clock.
    #[inline(always)]
    pub fn max_staleness_s(&self) -> u32 {
        read_u32(self.raw, MAX_STALENESS)
    }

    /// Furthest acceptable update time past the Clock.
    #[inline(always)]
    pub fn max_future_skew_s(&self) -> u32 {
        read_u32(self.raw, MAX_FUTURE_SKEW)
    }

    /// Delay between proposing and applying a config change.
    #[inline(always)]
    pub fn timelock_delay_s(&self) -> u32 {
        read_u32(self.raw, TIMELOCK_DELAY)
    }

    /// Slot of `key` among the configured signers.
    #[inline(always)]
    pub fn signer_slot(&self, key: &[u8; 32]) -> Option<usize> {
        let count = self.signer_count() as usize;
        let mut slot = 0;
        while slot < count && slot < MAX_SIGNERS {
            if keys_equal(self.signer(slot), key) {
                return Some(slot);
            }
            slot += 1;
        }
        None
    }

    /// Checks every bound listed in the module table, and that signer keys are non-zero,
    /// distinct and unused slots zero.
    pub fn validate(&self) -> Result<(), OracleError> {
        if self.admin() == &[0u8; 32] {
            return Err(OracleError::InvalidAdmin);
        }
        let count = self.signer_count() as usize;
        if count == 0 || count > MAX_SIGNERS {
            return Err(OracleError::InvalidSignerSet);
        }
        for slot in 0..MAX_SIGNERS {
            let key = self.signer(slot);
            let is_zero = key == &[0u8; 32];
            if (slot < count) == is_zero {
                return Err(OracleError::InvalidSignerSet);
            }
            if slot < count && (0..slot).any(|earlier| self.signer(earlier) == key) {
                return Err(OracleError::InvalidSignerSet);
            }
        }
        let quorum = self.quorum() as usize;
        if quorum == 0 || quorum > count {
            return Err(OracleError::InvalidQuorum);
        }
        let max_move = self.max_move_bps_per_sec();
        if max_move == 0
            || max_move > MAX_MOVE_LIMIT_BPS_PER_SEC
            || self.max_staleness_s() == 0
            || self.max_staleness_s() > MAX_STALENESS_LIMIT_S
            || self.max_future_skew_s() > MAX_FUTURE_SKEW_LIMIT_S
            || self.timelock_delay_s() < MIN_TIMELOCK_DELAY_S
            || self.timelock_delay_s() > MAX_TIMELOCK_DELAY_S
        {
            return Err(OracleError::InvalidGuardRails);
        }
        Ok(())
    }
}

/// Compares two keys as four 8-byte words (cheaper than a byte loop on SBF).
#[inline(always)]
pub fn keys_equal(a: &[u8; 32], b: &[u8; 32]) -> bool {
    let mut i = 0;
    while i < 32 {
        let mut left = [0u8; 8];
        let mut right = [0u8; 8];
        left.copy_from_slice(&a[i..i + 8]);
        right.copy_from_slice(&b[i..i + 8]);
        if u64::from_ne_bytes(left) != u64::from_ne_bytes(right) {
            return false;
        }
        i += 8;
    }
    true
}

#[inline(always)]
fn key_at(raw: &[u8; PARAMS_LEN], at: usize) -> &[u8; 32] {
    match <&[u8; 32]>::try_from(&raw[at..at + 32]) {
        Ok(key) => key,
        Err(_) => &[0u8; 32],
    }
}

#[inline(always)]
fn read_u32(raw: &[u8; PARAMS_LEN], at: usize) -> u32 {
    u32::from_le_bytes([raw[at], raw[at + 1], raw[at + 2], raw[at + 3]])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Encodes parameters the way clients do (Borsh field order).
    pub fn encode(admin: [u8; 32], signers: &[[u8; 32]], quorum: u8, rails: (u16, u32, u32, u32)) -> [u8; PARAMS_LEN] {
        let mut raw = [0u8; PARAMS_LEN];
        raw[..32].copy_from_slice(&admin);
        for (i, key) in signers.iter().enumerate() {
            raw[32 + 32 * i..64 + 32 * i].copy_from_slice(key);
        }
        raw[288] = signers.len() as u8;
        raw[289] = quorum;
        raw[290..292].copy_from_slice(&rails.0.to_le_bytes());
        raw[292..296].copy_from_slice(&rails.1.to_le_bytes());
        raw[296..300].copy_from_slice(&rails.2.to_le_bytes());
        raw[300..304].copy_from_slice(&rails.3.to_le_bytes());
        raw
    }

    const RAILS: (u16, u32, u32, u32) = (100, 60, 5, 3600);

    #[test]
    fn valid_params_read_back() {
        let raw = encode([1; 32], &[[2; 32], [3; 32]], 2, RAILS);
        let view = ParamsView::new(&raw);
        assert_eq!(view.validate(), Ok(()));
        assert_eq!(view.admin(), &[1; 32]);
        assert_eq!(view.signer_slot(&[3; 32]), Some(1));
        assert_eq!(view.signer_slot(&[4; 32]), None);
        assert_eq!(view.signer_slot(&[0; 32]), None, "empty slots are never signers");
        assert_eq!(
            (view.max_move_bps_per_sec(), view.max_staleness_s(), view.max_future_skew_s(), view.timelock_delay_s()),
            RAILS
        );
    }

    #[test]
    fn invalid_signer_sets_and_quorums_are_rejected() {
        let check = |signers: &[[u8; 32]], quorum| ParamsView::new(&encode([1; 32], signers, quorum, RAILS)).validate();
        assert_eq!(check(&[], 0), Err(OracleError::InvalidSignerSet));
        assert_eq!(check(&[[2; 32], [2; 32]], 1), Err(OracleError::InvalidSignerSet));
        assert_eq!(check(&[[2; 32], [0; 32]], 1), Err(OracleError::InvalidSignerSet));
        assert_eq!(check(&[[2; 32]], 0), Err(OracleError::InvalidQuorum));
        assert_eq!(check(&[[2; 32]], 2), Err(OracleError::InvalidQuorum));
        let nine: Vec<[u8; 32]> = (1..=9).map(|i| [i; 32]).collect();
        assert_eq!(check(&nine[..8], 8), Ok(()));
        let mut raw = encode([1; 32], &nine[..8], 8, RAILS);
        raw[288] = 9;
        assert_eq!(ParamsView::new(&raw).validate(), Err(OracleError::InvalidSignerSet));
        let mut stray = encode([1; 32], &[[2; 32]], 1, RAILS);
        stray[64] = 1; // a byte in unused slot 1
        assert_eq!(ParamsView::new(&stray).validate(), Err(OracleError::InvalidSignerSet));
        assert_eq!(ParamsView::new(&encode([0; 32], &[[2; 32]], 1, RAILS)).validate(), Err(OracleError::InvalidAdmin));
    }

    #[test]
    fn guard_rails_out_of_range_are_rejected() {
        let check = |rails| ParamsView::new(&encode([1; 32], &[[2; 32]], 1, rails)).validate();
        assert_eq!(check((0, 60, 5, 3600)), Err(OracleError::InvalidGuardRails));
        assert_eq!(check((10_001, 60, 5, 3600)), Err(OracleError::InvalidGuardRails));
        assert_eq!(check((10_000, 60, 5, 3600)), Ok(()));
        assert_eq!(check((100, 0, 5, 3600)), Err(OracleError::InvalidGuardRails));
        assert_eq!(check((100, 86_401, 5, 3600)), Err(OracleError::InvalidGuardRails));
        assert_eq!(check((100, 60, 3_601, 3600)), Err(OracleError::InvalidGuardRails));
        assert_eq!(check((100, 60, 5, 59)), Err(OracleError::InvalidGuardRails));
        assert_eq!(check((100, 60, 5, 2_592_001)), Err(OracleError::InvalidGuardRails));
    }
}
