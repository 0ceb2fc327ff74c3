//! `pool_create`: the admin opens a pool on a feed, with the exchange's default limits. Creates
//! the pool PDA `["pool", feed]`, its vault token account `["vault", pool]` (owner = pool) and
//! its LP share mint `["lp_mint", pool]` (authority = pool, decimals of the collateral).
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | admin (payer) | writable, signer |
//! | 1 | exchange | |
//! | 2 | feed (owner = oracle program) | |
//! | 3 | collateral_mint | |
//! | 4 | pool (PDA) | writable |
//! | 5 | vault (PDA) | writable |
//! | 6 | lp_mint (PDA) | writable |
//! | 7 | system_program | |
//! | 8 | token_program | |
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    ProgramResult,
};
use pinocchio_token::instructions::{InitializeAccount3, InitializeMint2};
use sbf_runtime::pda_account::create_pda_account;

use crate::{
    error::FutstarError,
    events::{Event, POOL_CREATED},
    seeds,
    state::{
        exchange::Exchange,
        pool::{Pool, PoolStatus},
    },
    validation::{
        accounts::{require_signer, require_system_program, require_token_program},
        feed,
        token::mint_decimals,
    },
};

/// `sha256("global:pool_create")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [55, 151, 27, 224, 136, 247, 199, 235];

const TOKEN_ACCOUNT_LEN: u64 = 165;
const MINT_LEN: u64 = 82;

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args: _ } = ctx;
    let [admin, exchange_account, feed_account, collateral_mint, pool_account, vault, lp_mint, system_program, token_program, ..] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(admin)?;
    require_system_program(system_program)?;
    require_token_program(token_program)?;
    let exchange = Exchange::from_account(exchange_account, program_id)?;
    if admin.address() != &exchange.config.admin {
        return Err(FutstarError::Unauthorized.into());
    }
    if exchange.paused {
        return Err(FutstarError::ExchangePaused.into());
    }
    feed::check_feed_account(feed_account, &exchange.config.oracle_program, feed_account.address())?;
    feed::view(&feed_account.try_borrow()?)?;
    let decimals = mint_decimals(collateral_mint)?;

    let pool_seed = core::hint::black_box(Pool::SEED);
    let (pool_address, bump) = seeds::find(&[pool_seed, feed_account.address().as_ref()], program_id);
    seeds::require_address(pool_account, &pool_address)?;
    let vault_seed = core::hint::black_box(Pool::VAULT_SEED);
    let (vault_address, vault_bump) = seeds::find(&[vault_seed, pool_address.as_ref()], program_id);
    seeds::require_address(vault, &vault_address)?;
    let lp_seed = core::hint::black_box(Pool::LP_MINT_SEED);
    let (lp_mint_address, lp_mint_bump) = seeds::find(&[lp_seed, pool_address.as_ref()], program_id);
    seeds::require_address(lp_mint, &lp_mint_address)?;

    let bump_seed = [bump];
    let pool_seeds = [Seed::from(Pool::SEED), Seed::from(feed_account.address().as_ref()), Seed::from(&bump_seed)];
    create_pda_account(admin, pool_account, Pool::LEN as u64, program_id, Signer::from(&pool_seeds))?;

    let vault_bump_seed = [vault_bump];
    let vault_seeds = [Seed::from(Pool::VAULT_SEED), Seed::from(pool_address.as_ref()), Seed::from(&vault_bump_seed)];
    create_pda_account(admin, vault, TOKEN_ACCOUNT_LEN, &pinocchio_token::ID, Signer::from(&vault_seeds))?;
    InitializeAccount3::new(vault, collateral_mint, &pool_address).invoke()?;

    let lp_bump_seed = [lp_mint_bump];
    let lp_seeds = [Seed::from(Pool::LP_MINT_SEED), Seed::from(pool_address.as_ref()), Seed::from(&lp_bump_seed)];
    create_pda_account(admin, lp_mint, MINT_LEN, &pinocchio_token::ID, Signer::from(&lp_seeds))?;
    InitializeMint2::new(lp_mint, decimals, &pool_address, None).invoke()?;

    let pool = Pool {
        feed: *feed_account.address(),
        collateral_mint: *collateral_mint.address(),
        vault: vault_address,
        lp_mint: lp_mint_address,
        liquidity: 0,
        reserved: 0,
        escrowed: 0,
        collateral_locked: 0,
        fees_owed: 0,
        oi_long: 0,
        oi_short: 0,
        lp_supply: 0,
        live_positions: 0,
        limits: exchange.config.default_limits,
        status: PoolStatus::Open,
        bump,
        vault_bump,
        lp_mint_bump,
        decimals,
        entry_sum_long: 0,
        entry_sum_short: 0,
    };
    pool.save(pool_account)?;
    Event::new(POOL_CREATED)
        .address(&pool_address)
        .address(&pool.feed)
        .address(&pool.collateral_mint)
        .address(&vault_address)
        .address(&lp_mint_address)
        .emit();
    Ok(())
}
