//! The account list shared by `pool_deposit` and `pool_withdraw`, its checks, and the feed
//! index that marks the pool's open positions.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | provider | signer |
//! | 1 | exchange | |
//! | 2 | pool | writable |
//! | 3 | feed | |
//! | 4 | vault | writable |
//! | 5 | lp_mint | writable |
//! | 6 | provider_token (collateral mint) | writable |
//! | 7 | provider_lp (LP mint) | writable |
//! | 8 | token_program | |
//!
//! Marking rule: with no open positions the pool is worth its liquidity and the feed is only
//! identified. Otherwise the feed's current index marks them (`math::pool_value`), and must be
//! trustworthy right now: not suspended (a goal the index has not absorbed yet would let an LP
//! move ahead of it) and, while Live, not older than the pool's `max_staleness_s`. An Ended
//! feed's final index is used as is; an Abandoned match's positions are refunded at void, so
//! they carry no PnL.
use momentum_oracle::state::feed::FeedStatus;
use pinocchio::{error::ProgramError, AccountView, Address};
use sbf_runtime::sysvar::clock;

use crate::{
    error::FutstarError,
    state::{exchange::Exchange, pool::Pool},
    validation::{
        accounts::{require_distinct, require_signer, require_token_program, require_writable},
        feed,
        token::{token_balance, vault_balance},
    },
};

/// How the open positions are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Nothing open, or an abandoned match: the pool is worth its liquidity.
    Liquidity,
    /// Marked at this index (bps).
    Index(u16),
}

/// The decoded accounts, all relations checked.
pub struct LiquidityAccounts<'a> {
    pub provider: &'a AccountView,
    pub pool_account: &'a mut AccountView,
    pub vault: &'a AccountView,
    pub lp_mint: &'a AccountView,
    pub provider_token: &'a AccountView,
    pub provider_lp: &'a AccountView,
    pub exchange: Exchange,
    pub pool: Pool,
    pub mark: Mark,
}

/// Checks signer, programs, types, ownership and relations (feed, vault and LP mint are the
/// pool's; the provider's accounts hold the collateral and LP mints), then reads the mark.
pub fn load<'a>(program_id: &Address, accounts: &'a mut [AccountView]) -> Result<LiquidityAccounts<'a>, ProgramError> {
    let [provider, exchange_account, pool_account, feed_account, vault, lp_mint, provider_token, provider_lp, token_program, ..] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(provider)?;
    require_token_program(token_program)?;
    let exchange = Exchange::from_account(exchange_account, program_id)?;
    let pool = Pool::from_account(pool_account, program_id)?;
    feed::check_feed_account(feed_account, &exchange.config.oracle_program, &pool.feed)?;
    vault_balance(vault, &pool.vault)?;
    if lp_mint.address() != &pool.lp_mint {
        return Err(FutstarError::InvalidMint.into());
    }
    require_writable(lp_mint)?;
    require_distinct(&[vault, provider_token, provider_lp])?;
    token_balance(provider_token, &pool.collateral_mint, None)?;
    token_balance(provider_lp, &pool.lp_mint, None)?;
    let mark = read_mark(feed_account, &pool)?;
    Ok(LiquidityAccounts {
        provider: &*provider,
        pool_account,
        vault: &*vault,
        lp_mint: &*lp_mint,
        provider_token: &*provider_token,
        provider_lp: &*provider_lp,
        exchange,
        pool,
        mark,
    })
}

/// The marking rule in the module docs.
fn read_mark(feed_account: &AccountView, pool: &Pool) -> Result<Mark, ProgramError> {
    if pool.oi_long == 0 && pool.oi_short == 0 {
        return Ok(Mark::Liquidity);
    }
    let data = feed_account.try_borrow()?;
    let view = feed::view(&data)?;
    let status = feed::status(&view)?;
    if matches!(status, FeedStatus::Abandoned) {
        return Ok(Mark::Liquidity);
    }
    if view.suspended() {
        return Err(FutstarError::FeedSuspended.into());
    }
    if matches!(status, FeedStatus::Live) {
        feed::require_fresh(&view, clock()?.unix_timestamp, pool.limits.max_staleness_s)?;
    }
    Ok(Mark::Index(view.index_bps()))
}
