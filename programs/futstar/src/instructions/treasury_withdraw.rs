//! `treasury_withdraw(amount: u64)`: the admin moves fees owed to the treasury out of a pool's
//! vault. Only to a token account owned by the configured treasury, which itself changes only
//! through the timelock (`exchange_propose_config` → `exchange_apply_config`).
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | admin | signer |
//! | 1 | exchange | |
//! | 2 | pool | writable |
//! | 3 | vault | writable |
//! | 4 | treasury_token (owner = exchange treasury, collateral mint) | writable |
//! | 5 | token_program | |
use pinocchio::{error::ProgramError, ProgramResult};

use crate::{
    controller::tokens::transfer_out,
    error::FutstarError,
    events::{Event, TREASURY_WITHDRAWN},
    state::{exchange::Exchange, pool::Pool},
    validation::{
        accounts::{require_distinct, require_signer, require_token_program},
        token::{token_balance, vault_balance},
    },
};

/// `sha256("global:treasury_withdraw")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [30, 233, 243, 18, 126, 208, 181, 212];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let [admin, exchange_account, pool_account, vault, treasury_token, token_program, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(admin)?;
    require_token_program(token_program)?;
    let amount = super::amount_arg::parse(args)?;
    let exchange = Exchange::from_account(exchange_account, program_id)?;
    if admin.address() != &exchange.config.admin {
        return Err(FutstarError::Unauthorized.into());
    }
    let mut pool = Pool::from_account(pool_account, program_id)?;
    vault_balance(vault, &pool.vault)?;
    require_distinct(&[vault, treasury_token])?;
    token_balance(treasury_token, &pool.collateral_mint, Some(&exchange.config.treasury))?;
    if amount > pool.fees_owed {
        return Err(FutstarError::InsufficientFeesOwed.into());
    }
    pool.fees_owed -= amount;
    pool.save(pool_account)?;
    transfer_out(vault, treasury_token, pool_account, &pool, amount)?;
    pool.assert_solvent(vault_balance(vault, &pool.vault)?)?;
    Event::new(TREASURY_WITHDRAWN).address(pool_account.address()).address(treasury_token.address()).u64(amount).emit();
    Ok(())
}
