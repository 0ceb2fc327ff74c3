//! `pool_withdraw(shares: u64)`: burns LP shares for `shares × liquidity / supply` tokens
//! (rounded down), only out of liquidity not reserved for open positions' maximum payouts.
//! Allowed while the exchange is paused.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | provider | signer |
//! | 1 | exchange | |
//! | 2 | pool | writable |
//! | 3 | vault | writable |
//! | 4 | lp_mint | writable |
//! | 5 | provider_token (collateral mint) | writable |
//! | 6 | provider_lp (LP mint) | writable |
//! | 7 | token_program | |
use pinocchio::{error::ProgramError, ProgramResult};

use crate::{
    controller::tokens::{burn_shares, transfer_out},
    error::FutstarError,
    events::{Event, LIQUIDITY_WITHDRAWN},
    math::lp::amount_for_withdraw,
    state::{codec::Reader, exchange::Exchange, pool::Pool},
    validation::{
        accounts::{require_distinct, require_signer, require_token_program},
        token::{token_balance, vault_balance},
    },
};

/// `sha256("global:pool_withdraw")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [50, 1, 23, 25, 135, 221, 159, 182];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let [provider, exchange_account, pool_account, vault, lp_mint, provider_token, provider_lp, token_program, ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(provider)?;
    require_token_program(token_program)?;
    let mut r = Reader::new(args, 0);
    let shares = r.u64().map_err(|_| ProgramError::InvalidInstructionData)?;
    r.finish()?;
    if shares == 0 {
        return Err(FutstarError::InvalidAmount.into());
    }
    Exchange::from_account(exchange_account, program_id)?;
    let mut pool = Pool::from_account(pool_account, program_id)?;
    vault_balance(vault, &pool.vault)?;
    if lp_mint.address() != &pool.lp_mint {
        return Err(FutstarError::InvalidMint.into());
    }
    require_distinct(&[vault, provider_token, provider_lp])?;
    token_balance(provider_token, &pool.collateral_mint, None)?;
    token_balance(provider_lp, &pool.lp_mint, None)?;

    let amount = amount_for_withdraw(shares, pool.lp_supply, pool.liquidity)?;
    if amount > pool.free_liquidity() {
        return Err(FutstarError::InsufficientFreeLiquidity.into());
    }
    pool.liquidity -= amount;
    pool.lp_supply -= shares;
    pool.save(pool_account)?;

    burn_shares(provider_lp, lp_mint, provider, shares)?;
    transfer_out(vault, provider_token, pool_account, &pool, amount)?;
    pool.assert_solvent(vault_balance(vault, &pool.vault)?)?;
    Event::new(LIQUIDITY_WITHDRAWN)
        .address(pool_account.address())
        .address(provider.address())
        .u64(amount)
        .u64(shares)
        .u64(pool.liquidity)
        .emit();
    Ok(())
}
