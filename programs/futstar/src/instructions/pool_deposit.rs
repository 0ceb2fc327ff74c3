//! `pool_deposit(amount: u64)`: a liquidity provider adds collateral tokens and receives LP
//! shares priced on the pool's liquidity (rounded down).
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
    controller::tokens::{mint_shares, transfer_in},
    error::FutstarError,
    events::{Event, LIQUIDITY_DEPOSITED},
    math::{bounds::MAX_AMOUNT, lp::shares_for_deposit},
    state::{
        codec::Reader,
        exchange::Exchange,
        pool::{Pool, PoolStatus},
    },
    validation::{
        accounts::{require_distinct, require_signer, require_token_program},
        token::{token_balance, vault_balance},
    },
};

/// `sha256("global:pool_deposit")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [26, 109, 164, 79, 207, 145, 204, 217];

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
    let amount = r.u64().map_err(|_| ProgramError::InvalidInstructionData)?;
    r.finish()?;
    if amount == 0 {
        return Err(FutstarError::InvalidAmount.into());
    }
    let exchange = Exchange::from_account(exchange_account, program_id)?;
    if exchange.paused {
        return Err(FutstarError::ExchangePaused.into());
    }
    let mut pool = Pool::from_account(pool_account, program_id)?;
    if pool.status != PoolStatus::Open {
        return Err(FutstarError::PoolNotOpen.into());
    }
    vault_balance(vault, &pool.vault)?;
    if lp_mint.address() != &pool.lp_mint {
        return Err(FutstarError::InvalidMint.into());
    }
    require_distinct(&[vault, provider_token, provider_lp])?;
    token_balance(provider_token, &pool.collateral_mint, None)?;
    token_balance(provider_lp, &pool.lp_mint, None)?;

    let shares = shares_for_deposit(amount, pool.lp_supply, pool.liquidity)?;
    if shares == 0 {
        return Err(FutstarError::ZeroShares.into());
    }
    pool.liquidity = pool.liquidity.checked_add(amount).ok_or(FutstarError::MathOverflow)?;
    if pool.liquidity > MAX_AMOUNT {
        return Err(FutstarError::MathOutOfBounds.into());
    }
    pool.lp_supply = pool.lp_supply.checked_add(shares).ok_or(FutstarError::MathOverflow)?;
    pool.save(pool_account)?;

    transfer_in(provider_token, vault, provider, amount)?;
    mint_shares(lp_mint, provider_lp, pool_account, &pool, shares)?;
    pool.assert_solvent(vault_balance(vault, &pool.vault)?)?;
    Event::new(LIQUIDITY_DEPOSITED)
        .address(pool_account.address())
        .address(provider.address())
        .u64(amount)
        .u64(shares)
        .u64(pool.liquidity)
        .emit();
    Ok(())
}
