//! `position_request_open(side: u8, leverage: u16, collateral: u64, duration_s: u32, position_bump: u8)`: first
//! step of opening. Checks the feed (fresh, Live, not suspended), the pool's limits, the
//! trader's rate limit and responsible-gambling settings, escrows collateral + open fee in the
//! vault and records the request time. `position_fill_open` prices it after the in-play delay.
//!
//! The client passes the position PDA's bump (found off chain): the program re-derives the
//! address with one sha256 instead of a bump search, so the cost is the same for every trader
//! (a search costs ~1,500 CU per rejected bump). A non-canonical bump is harmless here: the id
//! seed is `trader.next_position_id`, which then advances, so there is never more than one
//! position per (trader, id), and a position's address is never an authority.
//!
//! | # | account | flags |
//! |---|---------|-------|
//! | 0 | owner (payer) | writable, signer |
//! | 1 | exchange | |
//! | 2 | pool | writable |
//! | 3 | feed | |
//! | 4 | trader | writable |
//! | 5 | position (PDA `["position", trader, trader.next_position_id]`) | writable |
//! | 6 | owner_token (collateral mint) | writable |
//! | 7 | vault | writable |
//! | 8 | token_program | |
//! | 9 | system_program | |
use momentum_oracle::state::feed::FeedStatus;
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    ProgramResult,
};
use sbf_runtime::{pda_account::create_pda_account, sysvar::clock};

use crate::{
    controller::tokens::transfer_in,
    error::FutstarError,
    events::{Event, OPEN_REQUESTED},
    math::{
        fees::{fee, notional},
        pnl::Side,
    },
    seeds,
    state::{
        codec::Reader,
        exchange::Exchange,
        pool::{Pool, PoolStatus},
        position::{Position, PositionStatus},
        trader::Trader,
    },
    validation::{
        accounts::{require_distinct, require_signer, require_system_program, require_token_program},
        feed,
        token::{token_balance, vault_balance},
    },
};

/// `sha256("global:position_request_open")[..8]`.
pub const DISCRIMINATOR: [u8; 8] = [101, 131, 103, 181, 37, 117, 161, 91];

/// Decoded arguments.
struct Args {
    side: Side,
    leverage: u16,
    collateral: u64,
    duration_s: u32,
    position_bump: u8,
}

fn parse(args: &[u8]) -> Result<Args, ProgramError> {
    let mut r = Reader::new(args, 0);
    let bad = |_| ProgramError::InvalidInstructionData;
    let side = Side::from_u8(r.u8().map_err(bad)?).ok_or(FutstarError::InvalidArgument)?;
    let parsed = Args {
        side,
        leverage: r.u16().map_err(bad)?,
        collateral: r.u64().map_err(bad)?,
        duration_s: r.u32().map_err(bad)?,
        position_bump: r.u8().map_err(bad)?,
    };
    r.finish()?;
    Ok(parsed)
}

/// Handler (never inlined: each handler keeps its own stack frame under the 4 KiB limit).
#[inline(never)]
pub fn process(ctx: super::Ctx) -> ProgramResult {
    let super::Ctx { program_id, accounts, args } = ctx;
    let [owner, exchange_account, pool_account, feed_account, trader_account, position_account, owner_token, vault, token_program, system_program, ..] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    require_signer(owner)?;
    require_token_program(token_program)?;
    require_system_program(system_program)?;
    let args = parse(args)?;
    let exchange = Exchange::from_account(exchange_account, program_id)?;
    if exchange.paused {
        return Err(FutstarError::ExchangePaused.into());
    }
    let mut pool = Pool::from_account(pool_account, program_id)?;
    if pool.status != PoolStatus::Open {
        return Err(FutstarError::PoolNotOpen.into());
    }
    let mut trader = Trader::from_account(trader_account, program_id)?;
    if trader.owner != *owner.address() || trader.pool != *pool_account.address() {
        return Err(FutstarError::TraderMismatch.into());
    }
    vault_balance(vault, &pool.vault)?;
    require_distinct(&[owner_token, vault])?;
    token_balance(owner_token, &pool.collateral_mint, None)?;
    let now = clock()?;

    // Feed: the configured oracle's account for this pool, fresh, Live, not suspended.
    feed::check_feed_account(feed_account, &exchange.config.oracle_program, &pool.feed)?;
    {
        let data = feed_account.try_borrow()?;
        let view = feed::view(&data)?;
        if !matches!(feed::status(&view)?, FeedStatus::Live) {
            return Err(FutstarError::FeedNotLive.into());
        }
        if view.suspended() {
            return Err(FutstarError::FeedSuspended.into());
        }
        feed::require_fresh(&view, now.unix_timestamp, pool.limits.max_staleness_s)?;
    }

    // Pool limits.
    let limits = pool.limits;
    if args.leverage == 0 || args.leverage > limits.max_leverage {
        return Err(FutstarError::LeverageOutOfRange.into());
    }
    if args.collateral < limits.min_collateral {
        return Err(FutstarError::CollateralTooSmall.into());
    }
    let notional = notional(args.collateral, args.leverage as u64).map_err(|_| FutstarError::NotionalTooLarge)?;
    if notional > limits.max_notional {
        return Err(FutstarError::NotionalTooLarge.into());
    }
    if !limits.allows_duration(args.duration_s) {
        return Err(FutstarError::DurationNotAllowed.into());
    }
    let (oi_long, oi_short) = match args.side {
        Side::Long => (pool.oi_long.saturating_add(notional), pool.oi_short),
        Side::Short => (pool.oi_long, pool.oi_short.saturating_add(notional)),
    };
    if oi_long.max(oi_short) > limits.max_oi_per_side {
        return Err(FutstarError::OpenInterestLimit.into());
    }
    if oi_long.abs_diff(oi_short) > limits.max_skew {
        return Err(FutstarError::SkewLimit.into());
    }
    let open_fee = fee(notional, exchange.config.open_fee_bps as u64)?;
    let total = args.collateral.checked_add(open_fee).ok_or(FutstarError::MathOverflow)?;

    // Trader: self-exclusion, rate limit, position count, daily limits.
    trader.roll(now.unix_timestamp);
    if now.unix_timestamp < trader.self_excluded_until {
        return Err(FutstarError::SelfExcluded.into());
    }
    if trader.last_open_slot != 0 && now.slot < trader.last_open_slot.saturating_add(limits.min_open_interval_slots as u64) {
        return Err(FutstarError::RateLimited.into());
    }
    if trader.open_positions >= limits.max_open_positions {
        return Err(FutstarError::TooManyOpenPositions.into());
    }
    let day_deposited = trader.day_deposited.checked_add(total).ok_or(FutstarError::MathOverflow)?;
    if trader.daily_deposit_limit != 0 && day_deposited > trader.daily_deposit_limit {
        return Err(FutstarError::DailyDepositLimit.into());
    }
    if trader.daily_loss_limit != 0 && trader.day_lost >= trader.daily_loss_limit {
        return Err(FutstarError::DailyLossLimit.into());
    }

    // Create the position PDA for the trader's next id.
    let id = trader.next_position_id;
    let id_bytes = id.to_le_bytes();
    let bump = args.position_bump;
    seeds::require_address(position_account, &seeds::position(trader_account.address(), id, bump, program_id))?;
    let bump_seed = [bump];
    let signer_seeds = [
        Seed::from(Position::SEED),
        Seed::from(trader_account.address().as_ref()),
        Seed::from(&id_bytes),
        Seed::from(&bump_seed),
    ];
    create_pda_account(owner, position_account, Position::LEN as u64, program_id, Signer::from(&signer_seeds))?;
    let position = Position {
        owner: *owner.address(),
        pool: *pool_account.address(),
        trader: *trader_account.address(),
        id,
        side: args.side,
        status: PositionStatus::PendingOpen,
        bump,
        leverage: args.leverage,
        entry_index: 0,
        exit_index: 0,
        duration_s: args.duration_s,
        collateral: args.collateral,
        notional,
        open_fee,
        max_profit: 0,
        request_ts: now.unix_timestamp,
        entry_ts: 0,
        expiry_ts: 0,
        close_request_ts: 0,
        payout: 0,
        realized_pnl: 0,
    };
    position.save(position_account)?;

    trader.next_position_id = id.checked_add(1).ok_or(FutstarError::MathOverflow)?;
    trader.open_positions += 1;
    trader.last_open_slot = now.slot;
    trader.day_deposited = day_deposited;
    trader.save(trader_account)?;
    pool.escrowed = pool.escrowed.checked_add(total).ok_or(FutstarError::MathOverflow)?;
    pool.live_positions = pool.live_positions.checked_add(1).ok_or(FutstarError::MathOverflow)?;
    pool.save(pool_account)?;

    transfer_in(owner_token, vault, owner, total)?;
    pool.assert_solvent(vault_balance(vault, &pool.vault)?)?;
    Event::new(OPEN_REQUESTED)
        .address(position_account.address())
        .address(owner.address())
        .address(pool_account.address())
        .u8(args.side as u8)
        .u16(args.leverage)
        .u64(args.collateral)
        .u64(notional)
        .u64(open_fee)
        .u32(args.duration_s)
        .i64(now.unix_timestamp)
        .emit();
    Ok(())
}
