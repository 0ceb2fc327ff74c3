//! Instruction dispatch: the first 8 bytes are Anchor's `sha256("global:<name>")[..8]`.
//! One file per instruction (entity_verb), each listing its accounts and checks.
use pinocchio::{AccountView, Address, ProgramResult};

use crate::error::FutstarError;

pub mod amount_arg;
pub mod exchange_apply_config;
pub mod exchange_init;
pub mod exchange_propose_config;
pub mod exchange_set_paused;
pub mod pool_create;
pub mod pool_deposit;
pub mod pool_liquidity_accounts;
pub mod pool_set_limits;
pub mod pool_settle_all;
pub mod pool_settlement;
pub mod pool_void;
pub mod pool_withdraw;
pub mod position_accounts;
pub mod position_cancel_request;
pub mod position_fill_close;
pub mod position_fill_open;
pub mod position_request_close;
pub mod position_request_open;
pub mod position_settle;
pub mod position_stop_out;
pub mod trader_init;
pub mod trader_set_limits;
pub mod treasury_withdraw;

/// What every handler receives, bundled: LLVM 22's BPF backend passes at most 5 arguments in
/// registers (a slice counts as two, a `Result` return as one more).
pub struct Ctx<'a> {
    pub program_id: &'a Address,
    pub accounts: &'a mut [AccountView],
    pub args: &'a [u8],
}

/// Routes `data` to its instruction handler.
#[inline(always)]
pub fn dispatch(program_id: &Address, accounts: &mut [AccountView], data: &[u8]) -> ProgramResult {
    let (disc, args) = data.split_at_checked(8).ok_or(FutstarError::UnknownInstruction)?;
    let disc: [u8; 8] = disc.try_into().map_err(|_| FutstarError::UnknownInstruction)?;
    let ctx = Ctx { program_id, accounts, args };
    // An if-chain of direct calls: no jump table or function pointers (sbpf-linker 0.1.9 leaves
    // pointers in .rodata unrelocated). Hot instructions first.
    if disc == position_request_open::DISCRIMINATOR {
        position_request_open::process(ctx)
    } else if disc == position_fill_open::DISCRIMINATOR {
        position_fill_open::process(ctx)
    } else if disc == position_request_close::DISCRIMINATOR {
        position_request_close::process(ctx)
    } else if disc == position_fill_close::DISCRIMINATOR {
        position_fill_close::process(ctx)
    } else if disc == position_settle::DISCRIMINATOR {
        position_settle::process(ctx)
    } else if disc == position_cancel_request::DISCRIMINATOR {
        position_cancel_request::process(ctx)
    } else if disc == position_stop_out::DISCRIMINATOR {
        position_stop_out::process(ctx)
    } else if disc == pool_deposit::DISCRIMINATOR {
        pool_deposit::process(ctx)
    } else if disc == pool_withdraw::DISCRIMINATOR {
        pool_withdraw::process(ctx)
    } else if disc == trader_init::DISCRIMINATOR {
        trader_init::process(ctx)
    } else if disc == trader_set_limits::DISCRIMINATOR {
        trader_set_limits::process(ctx)
    } else if disc == pool_create::DISCRIMINATOR {
        pool_create::process(ctx)
    } else if disc == pool_set_limits::DISCRIMINATOR {
        pool_set_limits::process(ctx)
    } else if disc == pool_settle_all::DISCRIMINATOR {
        pool_settle_all::process(ctx)
    } else if disc == pool_void::DISCRIMINATOR {
        pool_void::process(ctx)
    } else if disc == treasury_withdraw::DISCRIMINATOR {
        treasury_withdraw::process(ctx)
    } else if disc == exchange_set_paused::DISCRIMINATOR {
        exchange_set_paused::process(ctx)
    } else if disc == exchange_propose_config::DISCRIMINATOR {
        exchange_propose_config::process(ctx)
    } else if disc == exchange_apply_config::DISCRIMINATOR {
        exchange_apply_config::process(ctx)
    } else if disc == exchange_init::DISCRIMINATOR {
        exchange_init::process(ctx)
    } else {
        Err(FutstarError::UnknownInstruction.into())
    }
}
