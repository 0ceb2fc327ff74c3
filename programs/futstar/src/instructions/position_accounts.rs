//! The account list shared by `position_fill_open`, `position_fill_close` and
//! `position_settle`, and its checks.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | exchange | |
//! | 1 | pool | writable |
//! | 2 | feed | |
//! | 3 | position | writable |
//! | 4 | trader | writable |
//! | 5 | owner_token (the position owner's, collateral mint) | writable |
//! | 6 | vault | writable |
//! | 7 | token_program | |
use pinocchio::{error::ProgramError, AccountView, Address};

use crate::{
    error::FutstarError,
    state::{exchange::Exchange, pool::Pool, position::Position, trader::Trader},
    validation::{
        accounts::{require_distinct, require_token_program},
        feed::check_feed_account,
        token::{token_balance, vault_balance},
    },
};

/// The decoded accounts, all relations checked.
pub struct PositionAccounts {
    pub exchange: Exchange,
    pub pool: Pool,
    pub position: Position,
    pub trader: Trader,
}

/// Checks types, ownership and relations: position ∈ pool, trader = position's, feed = pool's,
/// vault = pool's, owner_token = the position owner's account of the collateral mint.
pub fn load(program_id: &Address, accounts: &[AccountView]) -> Result<PositionAccounts, ProgramError> {
    let [exchange_account, pool_account, feed_account, position_account, trader_account, owner_token, vault, token_program, ..] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_token_program(token_program)?;
    let exchange = Exchange::from_account(exchange_account, program_id)?;
    let pool = Pool::from_account(pool_account, program_id)?;
    check_feed_account(feed_account, &exchange.config.oracle_program, &pool.feed)?;
    let position = Position::from_account(position_account, program_id)?;
    if position.pool != *pool_account.address() {
        return Err(FutstarError::PositionPoolMismatch.into());
    }
    let trader = Trader::from_account(trader_account, program_id)?;
    if position.trader != *trader_account.address() {
        return Err(FutstarError::TraderMismatch.into());
    }
    vault_balance(vault, &pool.vault)?;
    require_distinct(&[owner_token, vault])?;
    token_balance(owner_token, &pool.collateral_mint, Some(&position.owner))?;
    Ok(PositionAccounts { exchange, pool, position, trader })
}
