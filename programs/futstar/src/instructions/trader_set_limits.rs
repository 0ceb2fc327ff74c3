//! `trader_set_limits(daily_loss_limit: u64, daily_deposit_limit: u64, self_excluded_until: i64)`:
//! responsible-gambling settings (0 = no limit). Tightening applies at once; loosening (a
//! higher limit, or removing one) waits a cooling-off day. Self-exclusion can be extended but
//! never shortened.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | owner | signer |
//! | 1 | trader | writable |
use pinocchio::{error::ProgramError, ProgramResult};
use sbf_runtime::sysvar::clock;

use crate::{
    error::FutstarError,
    events::{Event, TRADER_LIMITS_SET},
    state::{
        codec::Reader,
        trader::{Trader, LIMIT_RAISE_DELAY_S},
    },
    validation::accounts::require_signer,
};

/// `sha256("global:trader_set_limits")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [82, 147, 148, 131, 213, 178, 86, 66];

/// Whether `new` is at least as strict as `old` (0 means unlimited).
fn tightens(old: u64, new: u64) -> bool {
    new != 0 && (old == 0 || new <= old)
}

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let [owner, trader_account, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(owner)?;
    let mut r = Reader::new(args, 0);
    let loss_limit = r.u64().map_err(|_| ProgramError::InvalidInstructionData)?;
    let deposit_limit = r.u64().map_err(|_| ProgramError::InvalidInstructionData)?;
    let excluded_until = r.i64().map_err(|_| ProgramError::InvalidInstructionData)?;
    r.finish()?;
    let mut trader = Trader::from_account(trader_account, program_id)?;
    if owner.address() != &trader.owner {
        return Err(FutstarError::Unauthorized.into());
    }
    if excluded_until < trader.self_excluded_until {
        return Err(FutstarError::SelfExclusionCannotShorten.into());
    }
    let now = clock()?.unix_timestamp;
    trader.roll(now);
    trader.self_excluded_until = excluded_until;
    let loss_same = loss_limit == trader.daily_loss_limit || tightens(trader.daily_loss_limit, loss_limit);
    let deposit_same = deposit_limit == trader.daily_deposit_limit || tightens(trader.daily_deposit_limit, deposit_limit);
    if loss_same && deposit_same {
        trader.daily_loss_limit = loss_limit;
        trader.daily_deposit_limit = deposit_limit;
        trader.pending_effective_ts = 0;
    } else {
        // Tighten now what tightens; the loosening part waits the cooling-off day.
        if loss_same {
            trader.daily_loss_limit = loss_limit;
        }
        if deposit_same {
            trader.daily_deposit_limit = deposit_limit;
        }
        trader.pending_loss_limit = loss_limit;
        trader.pending_deposit_limit = deposit_limit;
        trader.pending_effective_ts = now.checked_add(LIMIT_RAISE_DELAY_S).ok_or(FutstarError::MathOverflow)?;
    }
    trader.save(trader_account)?;
    Event::new(TRADER_LIMITS_SET)
        .address(trader_account.address())
        .u64(trader.daily_loss_limit)
        .u64(trader.daily_deposit_limit)
        .i64(trader.pending_effective_ts)
        .i64(trader.self_excluded_until)
        .emit();
    Ok(())
}
