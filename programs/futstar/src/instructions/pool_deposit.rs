//! `pool_deposit(amount: u64)`: a liquidity provider adds collateral tokens and receives LP
//! shares priced on the pool's marked value (`math::pool_value::deposit_value`, rounded down).
//! Accounts and the marking rule: `pool_liquidity_accounts`.
use pinocchio::ProgramResult;

use super::pool_liquidity_accounts::{self, Mark};
use crate::{
    controller::tokens::{mint_shares, transfer_in},
    error::FutstarError,
    events::{Event, LIQUIDITY_DEPOSITED},
    math::{bounds::MAX_AMOUNT, lp::shares_for_deposit, pool_value::deposit_value},
    state::pool::PoolStatus,
    validation::token::vault_balance,
};

/// `sha256("global:pool_deposit")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [26, 109, 164, 79, 207, 145, 204, 217];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let amount = super::amount_arg::parse(args)?;
    let a = pool_liquidity_accounts::load(program_id, accounts)?;
    if a.exchange.paused {
        return Err(FutstarError::ExchangePaused.into());
    }
    let mut pool = a.pool;
    if pool.status != PoolStatus::Open {
        return Err(FutstarError::PoolNotOpen.into());
    }

    let value = match a.mark {
        Mark::Liquidity => pool.liquidity,
        Mark::Index(index) => deposit_value(&pool.open_book(), index as u64)?,
    };
    let shares = shares_for_deposit(amount, pool.lp_supply, value)?;
    if shares == 0 {
        return Err(FutstarError::ZeroShares.into());
    }
    pool.liquidity = pool.liquidity.checked_add(amount).ok_or(FutstarError::MathOverflow)?;
    if pool.liquidity > MAX_AMOUNT {
        return Err(FutstarError::MathOutOfBounds.into());
    }
    pool.lp_supply = pool.lp_supply.checked_add(shares).ok_or(FutstarError::MathOverflow)?;
    pool.save(a.pool_account)?;

    transfer_in(a.provider_token, a.vault, a.provider, amount)?;
    mint_shares(a.lp_mint, a.provider_lp, a.pool_account, &pool, shares)?;
    pool.assert_solvent(vault_balance(a.vault, &pool.vault)?)?;
    Event::new(LIQUIDITY_DEPOSITED)
        .address(a.pool_account.address())
        .address(a.provider.address())
        .u64(amount)
        .u64(shares)
        .u64(pool.liquidity)
        .emit();
    Ok(())
}
