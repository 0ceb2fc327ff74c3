//! `pool_void` (anyone): after the match was Abandoned, refunds a batch of the pool's positions
//! (collateral; a pending open's whole escrow) and closes the pool. Open fees already paid stay
//! with LPs and the treasury. Accounts: see `pool_settlement`.
use pinocchio::{ProgramResult};

use super::pool_settlement::{self, Mode};

/// `sha256("global:pool_void")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [160, 156, 16, 205, 28, 14, 151, 52];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    pool_settlement::process(program_id, accounts, Mode::Void)
}
