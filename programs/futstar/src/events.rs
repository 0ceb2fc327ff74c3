//! Anchor-format events (`sol_log_data` of `sha256("event:<Name>")[..8] ++ borsh body`), one
//! per state change an indexer needs. Field lists are in the IDL (`events` / `types`).
use pinocchio::Address;
use sbf_runtime::log::log_data;

/// Largest event: `PoolCreated`, 8 + 5·32 = 168 bytes.
const CAPACITY: usize = 168;

/// `ExchangeInitialized` { exchange: pubkey, admin: pubkey, guardian: pubkey, oracle_program: pubkey }
pub const EXCHANGE_INITIALIZED: [u8; 8] = [200, 154, 187, 160, 29, 243, 230, 104];
/// `ConfigProposed` { exchange: pubkey, eta: i64, timelock_delay_s: u32 }
pub const CONFIG_PROPOSED: [u8; 8] = [148, 34, 23, 129, 45, 161, 66, 192];
/// `ConfigApplied` { exchange: pubkey, admin: pubkey, timelock_delay_s: u32 }
pub const CONFIG_APPLIED: [u8; 8] = [193, 101, 90, 205, 113, 125, 184, 13];
/// `PausedSet` { exchange: pubkey, by: pubkey, paused: bool }
pub const PAUSED_SET: [u8; 8] = [171, 125, 127, 156, 233, 81, 68, 66];
/// `PoolCreated` { pool: pubkey, feed: pubkey, collateral_mint: pubkey, vault: pubkey, lp_mint: pubkey }
pub const POOL_CREATED: [u8; 8] = [202, 44, 41, 88, 104, 220, 157, 82];
/// `LiquidityDeposited` { pool: pubkey, provider: pubkey, amount: u64, shares: u64, liquidity: u64 }
pub const LIQUIDITY_DEPOSITED: [u8; 8] = [218, 155, 74, 193, 59, 66, 94, 122];
/// `LiquidityWithdrawn` { pool: pubkey, provider: pubkey, amount: u64, shares: u64, liquidity: u64 }
pub const LIQUIDITY_WITHDRAWN: [u8; 8] = [240, 120, 73, 139, 154, 31, 218, 68];
/// `PoolLimitsSet` { pool: pubkey, admin: pubkey, limits: PoolLimits }
pub const POOL_LIMITS_SET: [u8; 8] = [190, 191, 20, 167, 155, 213, 92, 195];
/// `TraderInitialized` { trader: pubkey, owner: pubkey, pool: pubkey }
pub const TRADER_INITIALIZED: [u8; 8] = [154, 152, 25, 181, 120, 98, 48, 83];
/// `TraderLimitsSet` { trader: pubkey, daily_loss_limit: u64, daily_deposit_limit: u64, pending_effective_ts: i64, self_excluded_until: i64 }
pub const TRADER_LIMITS_SET: [u8; 8] = [222, 8, 223, 224, 210, 82, 150, 2];
/// `OpenRequested` { position: pubkey, owner: pubkey, pool: pubkey, side: u8, leverage: u16, collateral: u64, notional: u64, fee: u64, duration_s: u32, request_ts: i64 }
pub const OPEN_REQUESTED: [u8; 8] = [250, 233, 179, 0, 52, 172, 211, 7];
/// `OpenFilled` { position: pubkey, entry_index: u16, entry_ts: i64, expiry_ts: i64, max_profit: u64, fee_lp: u64, fee_treasury: u64 }
pub const OPEN_FILLED: [u8; 8] = [127, 226, 216, 124, 115, 152, 190, 18];
/// `RequestRejected` { position: pubkey, reason: u8, refund: u64 }
pub const REQUEST_REJECTED: [u8; 8] = [92, 222, 126, 51, 111, 175, 57, 199];
/// `CloseRequested` { position: pubkey, request_ts: i64 }
pub const CLOSE_REQUESTED: [u8; 8] = [136, 120, 170, 78, 168, 236, 47, 118];
/// `RequestCancelled` { position: pubkey, was_close: bool, refund: u64 }
pub const REQUEST_CANCELLED: [u8; 8] = [91, 56, 197, 156, 87, 157, 214, 67];
/// `PositionClosed` { position: pubkey, owner: pubkey, reason: u8, exit_index: u16, exit_ts: i64, pnl: i64, fee: u64, payout: u64 }
pub const POSITION_CLOSED: [u8; 8] = [157, 163, 227, 228, 13, 97, 138, 121];
/// `PositionVoided` { position: pubkey, refund: u64 }
pub const POSITION_VOIDED: [u8; 8] = [58, 70, 128, 162, 205, 100, 247, 164];
/// `PoolStatusChanged` { pool: pubkey, status: u8 }
pub const POOL_STATUS_CHANGED: [u8; 8] = [148, 190, 81, 62, 81, 239, 137, 188];
/// `TreasuryWithdrawn` { pool: pubkey, destination: pubkey, amount: u64 }
pub const TREASURY_WITHDRAWN: [u8; 8] = [143, 181, 157, 169, 87, 155, 170, 46];
/// `SampleEvicted` { feed: pubkey, requested_ts: i64, used_ts: i64 }
pub const SAMPLE_EVICTED: [u8; 8] = [217, 4, 63, 158, 176, 165, 235, 118];

/// Builds one event body on the stack and emits it.
pub struct Event {
    buf: [u8; CAPACITY],
    len: usize,
}

impl Event {
    /// Starts an event with its discriminator.
    #[inline(always)]
    pub fn new(discriminator: [u8; 8]) -> Self {
        let mut buf = [0u8; CAPACITY];
        buf[..8].copy_from_slice(&discriminator);
        Event { buf, len: 8 }
    }

    // Every event's size is below CAPACITY (see the `events_fit` test), so `get_mut` never
    // fails; a bug would emit a short event rather than panic.
    #[inline(always)]
    fn put(mut self, bytes: &[u8]) -> Self {
        let end = self.len + bytes.len();
        if let Some(dst) = self.buf.get_mut(self.len..end) {
            dst.copy_from_slice(bytes);
            self.len = end;
        }
        self
    }
    /// Appends bytes already in the event's wire layout (a validated argument, copied as is).
    #[inline(always)]
    pub fn bytes(self, v: &[u8]) -> Self {
        self.put(v)
    }
    /// Appends an address.
    #[inline(always)]
    pub fn address(self, v: &Address) -> Self {
        self.put(v.as_ref())
    }
    /// Appends a `u8`.
    #[inline(always)]
    pub fn u8(self, v: u8) -> Self {
        self.put(&[v])
    }
    /// Appends a `bool`.
    #[inline(always)]
    pub fn bool(self, v: bool) -> Self {
        self.put(&[v as u8])
    }
    /// Appends a `u16`.
    #[inline(always)]
    pub fn u16(self, v: u16) -> Self {
        self.put(&v.to_le_bytes())
    }
    /// Appends a `u32`.
    #[inline(always)]
    pub fn u32(self, v: u32) -> Self {
        self.put(&v.to_le_bytes())
    }
    /// Appends a `u64`.
    #[inline(always)]
    pub fn u64(self, v: u64) -> Self {
        self.put(&v.to_le_bytes())
    }
    /// Appends an `i64`.
    #[inline(always)]
    pub fn i64(self, v: i64) -> Self {
        self.put(&v.to_le_bytes())
    }
    /// Emits the event.
    #[inline(always)]
    pub fn emit(self) {
        if let Some(bytes) = self.buf.get(..self.len) {
            log_data(bytes);
        }
    }
    /// Encoded length so far.
    pub fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn events_fit() {
        assert!(168 <= super::CAPACITY);
    }
}
