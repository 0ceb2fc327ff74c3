//! `pool_settle_all` (anyone): after the match Ended, settles a batch of the pool's positions
//! (open ones at expiry / the final index, pending opens refunded) and moves the pool to
//! Settling, then Closed once none is left. Accounts: see `pool_settlement`.
use pinocchio::{ProgramResult};

use super::pool_settlement::{self, Mode};

/// `sha256("global:pool_settle_all")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [175, 80, 178, 218, 96, 255, 176, 232];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    pool_settlement::process(program_id, accounts, Mode::Settle)
}
