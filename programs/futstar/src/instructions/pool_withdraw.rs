//! `pool_withdraw(shares: u64)`: burns LP shares for `shares × value / supply` tokens (rounded
//! down), the value marked against the LP (`math::pool_value::withdraw_value`), and only out of
//! liquidity not reserved for open positions' maximum payouts. Allowed while the exchange is
//! paused. Accounts and the marking rule: `pool_liquidity_accounts`.
use pinocchio::ProgramResult;

use super::pool_liquidity_accounts::{self, Mark};
use crate::{
    controller::tokens::{burn_shares, transfer_out},
    error::FutstarError,
    events::{Event, LIQUIDITY_WITHDRAWN},
    math::{lp::amount_for_withdraw, pool_value::withdraw_value},
    validation::token::vault_balance,
};

/// `sha256("global:pool_withdraw")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [50, 1, 23, 25, 135, 221, 159, 182];

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let shares = super::amount_arg::parse(args)?;
    let a = pool_liquidity_accounts::load(program_id, accounts)?;
    let mut pool = a.pool;

    let value = match a.mark {
        Mark::Liquidity => pool.liquidity,
        Mark::Index(index) => withdraw_value(&pool.open_book(), index as u64)?,
    };
    let amount = amount_for_withdraw(shares, pool.lp_supply, value)?;
    if amount > pool.free_liquidity() {
        return Err(FutstarError::InsufficientFreeLiquidity.into());
    }
    pool.liquidity -= amount;
    pool.lp_supply -= shares;
    pool.save(a.pool_account)?;

    burn_shares(a.provider_lp, a.lp_mint, a.provider, shares)?;
    transfer_out(a.vault, a.provider_token, a.pool_account, &pool, amount)?;
    pool.assert_solvent(vault_balance(a.vault, &pool.vault)?)?;
    Event::new(LIQUIDITY_WITHDRAWN)
        .address(a.pool_account.address())
        .address(a.provider.address())
        .u64(amount)
        .u64(shares)
        .u64(pool.liquidity)
        .emit();
    Ok(())
}
