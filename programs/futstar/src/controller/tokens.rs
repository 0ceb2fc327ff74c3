//! SPL Token CPIs (pinocchio-token) into and out of a pool's vault.
use pinocchio::{
    cpi::{Seed, Signer},
    AccountView, ProgramResult,
};
use pinocchio_token::instructions::{Burn, MintTo, Transfer};

use crate::state::pool::Pool;

/// Moves `amount` from a user's token account into the vault (the user signs).
#[inline(always)]
pub fn transfer_in(from: &AccountView, vault: &AccountView, authority: &AccountView, amount: u64) -> ProgramResult {
    if amount == 0 {
        return Ok(());
    }
    Transfer::new(from, vault, authority, amount).invoke()
}

/// Moves `amount` out of the vault, signed by the pool PDA.
#[inline(always)]
pub fn transfer_out(vault: &AccountView, to: &AccountView, pool_account: &AccountView, pool: &Pool, amount: u64) -> ProgramResult {
    if amount == 0 {
        return Ok(());
    }
    let bump = [pool.bump];
    let seeds = [Seed::from(Pool::SEED), Seed::from(pool.feed.as_ref()), Seed::from(&bump)];
    Transfer::new(vault, to, pool_account, amount).invoke_signed(&[Signer::from(&seeds)])
}

/// Mints LP shares, signed by the pool PDA (the mint authority).
#[inline(always)]
pub fn mint_shares(lp_mint: &AccountView, to: &AccountView, pool_account: &AccountView, pool: &Pool, amount: u64) -> ProgramResult {
    let bump = [pool.bump];
    let seeds = [Seed::from(Pool::SEED), Seed::from(pool.feed.as_ref()), Seed::from(&bump)];
    MintTo::new(lp_mint, to, pool_account, amount).invoke_signed(&[Signer::from(&seeds)])
}

/// Burns LP shares from the holder's account (the holder signs).
#[inline(always)]
pub fn burn_shares(from: &AccountView, lp_mint: &AccountView, holder: &AccountView, amount: u64) -> ProgramResult {
    Burn::new(from, lp_mint, holder, amount).invoke()
}
