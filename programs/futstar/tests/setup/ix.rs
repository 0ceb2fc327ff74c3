//! Instruction builders for every futstar instruction (accounts in the documented order).
#![allow(dead_code)]
use futstar::state::{
    codec::Writer,
    limits::{ExchangeConfig, PoolLimits},
};
use solana_address::Address;
use solana_instruction::{AccountMeta, Instruction};
use solana_signer::Signer;

use super::world::{Trading, World};

fn w(a: &Address) -> AccountMeta {
    AccountMeta::new(*a, false)
}
fn r(a: &Address) -> AccountMeta {
    AccountMeta::new_readonly(*a, false)
}
fn ws(a: &Address) -> AccountMeta {
    AccountMeta::new(*a, true)
}
fn rs(a: &Address) -> AccountMeta {
    AccountMeta::new_readonly(*a, true)
}
fn system() -> AccountMeta {
    r(&solana_sdk_ids::system_program::ID)
}
fn token() -> AccountMeta {
    r(&super::token_program_id())
}

pub fn build(world: &World, name: &str, accounts: Vec<AccountMeta>, args: &[u8]) -> Instruction {
    let mut data = super::anchor_discriminator(&format!("global:{name}")).to_vec();
    data.extend_from_slice(args);
    Instruction { program_id: world.program_id, accounts, data }
}

pub fn config_bytes(config: &ExchangeConfig) -> Vec<u8> {
    let mut buf = vec![0u8; ExchangeConfig::LEN];
    config.write(&mut Writer::new(&mut buf, 0)).unwrap();
    buf
}

pub fn exchange_init(world: &World, config: &ExchangeConfig) -> Instruction {
    build(world, "exchange_init", vec![ws(&world.payer.pubkey()), w(&world.exchange), system()], &config_bytes(config))
}

pub fn exchange_propose_config(world: &World, admin: &Address, config: &ExchangeConfig) -> Instruction {
    build(world, "exchange_propose_config", vec![rs(admin), w(&world.exchange)], &config_bytes(config))
}

pub fn exchange_apply_config(world: &World) -> Instruction {
    build(world, "exchange_apply_config", vec![w(&world.exchange)], &[])
}

pub fn exchange_set_paused(world: &World, authority: &Address, paused: bool) -> Instruction {
    build(world, "exchange_set_paused", vec![rs(authority), w(&world.exchange)], &[paused as u8])
}

pub fn pool_create(world: &World) -> Instruction {
    build(
        world,
        "pool_create",
        vec![
            ws(&world.admin.pubkey()),
            r(&world.exchange),
            r(&world.feed),
            r(&world.mint),
            w(&world.pool),
            w(&world.vault),
            w(&world.lp_mint),
            system(),
            token(),
        ],
        &[],
    )
}

pub fn pool_set_limits(world: &World, admin: &Address, limits: &PoolLimits) -> Instruction {
    let mut buf = vec![0u8; PoolLimits::LEN];
    limits.write(&mut Writer::new(&mut buf, 0)).unwrap();
    build(world, "pool_set_limits", vec![rs(admin), r(&world.exchange), w(&world.pool)], &buf)
}

pub fn pool_deposit(world: &World, provider: &Address, provider_token: &Address, provider_lp: &Address, amount: u64) -> Instruction {
    build(
        world,
        "pool_deposit",
        vec![rs(provider), r(&world.exchange), w(&world.pool), r(&world.feed), w(&world.vault), w(&world.lp_mint), w(provider_token), w(provider_lp), token()],
        &amount.to_le_bytes(),
    )
}

pub fn pool_withdraw(world: &World, provider: &Address, provider_token: &Address, provider_lp: &Address, shares: u64) -> Instruction {
    build(
        world,
        "pool_withdraw",
        vec![rs(provider), r(&world.exchange), w(&world.pool), r(&world.feed), w(&world.vault), w(&world.lp_mint), w(provider_token), w(provider_lp), token()],
        &shares.to_le_bytes(),
    )
}

pub fn trader_init(world: &World, owner: &Address) -> Instruction {
    let (trader, _) = Address::find_program_address(&[b"trader", world.pool.as_ref(), owner.as_ref()], &world.program_id);
    build(world, "trader_init", vec![ws(owner), r(&world.pool), w(&trader), system()], &[])
}

pub fn trader_set_limits(world: &World, owner: &Address, trader: &Address, loss: u64, deposit: u64, excluded_until: i64) -> Instruction {
    let mut args = loss.to_le_bytes().to_vec();
    args.extend_from_slice(&deposit.to_le_bytes());
    args.extend_from_slice(&excluded_until.to_le_bytes());
    build(world, "trader_set_limits", vec![rs(owner), w(trader)], &args)
}

pub fn position_request_open(world: &World, t: &Trading, position: &Address, side: u8, leverage: u16, collateral: u64, duration: u32) -> Instruction {
    let mut args = vec![side];
    args.extend_from_slice(&leverage.to_le_bytes());
    args.extend_from_slice(&collateral.to_le_bytes());
    args.extend_from_slice(&duration.to_le_bytes());
    args.push(position_bump(world, t, position));
    build(
        world,
        "position_request_open",
        vec![
            ws(&t.owner.pubkey()),
            r(&world.exchange),
            w(&world.pool),
            r(&world.feed),
            w(&t.trader),
            w(position),
            w(&t.token),
            w(&world.vault),
            token(),
            system(),
        ],
        &args,
    )
}

/// The `position_accounts` list (fill open / fill close / settle).
pub fn position_accounts(world: &World, position: &Address, owner_token: &Address) -> Vec<AccountMeta> {
    let trader = world.position_state(position).trader;
    vec![r(&world.exchange), w(&world.pool), r(&world.feed), w(position), w(&trader), w(owner_token), w(&world.vault), token()]
}

pub fn position_fill_open(world: &World, position: &Address, owner_token: &Address) -> Instruction {
    build(world, "position_fill_open", position_accounts(world, position, owner_token), &[])
}

pub fn position_request_close(world: &World, owner: &Address, position: &Address) -> Instruction {
    build(world, "position_request_close", vec![rs(owner), w(position)], &[])
}

pub fn position_fill_close(world: &World, position: &Address, owner_token: &Address) -> Instruction {
    build(world, "position_fill_close", position_accounts(world, position, owner_token), &[])
}

pub fn position_settle(world: &World, position: &Address, owner_token: &Address) -> Instruction {
    build(world, "position_settle", position_accounts(world, position, owner_token), &[])
}

pub fn position_cancel_request(world: &World, owner: &Address, position: &Address, owner_token: &Address) -> Instruction {
    let mut accounts = vec![rs(owner)];
    accounts.extend(position_accounts(world, position, owner_token));
    build(world, "position_cancel_request", accounts, &[])
}

pub fn position_stop_out(world: &World, position: &Address) -> Instruction {
    let trader = world.position_state(position).trader;
    build(world, "position_stop_out", vec![r(&world.exchange), w(&world.pool), r(&world.feed), w(position), w(&trader)], &[])
}

fn batch(world: &World, name: &str, positions: &[(Address, Address)]) -> Instruction {
    let mut accounts = vec![r(&world.exchange), w(&world.pool), r(&world.feed), w(&world.vault), token()];
    for (position, owner_token) in positions {
        let trader = world.position_state(position).trader;
        accounts.extend([w(position), w(&trader), w(owner_token)]);
    }
    build(world, name, accounts, &[])
}

pub fn pool_settle_all(world: &World, positions: &[(Address, Address)]) -> Instruction {
    batch(world, "pool_settle_all", positions)
}

pub fn pool_void(world: &World, positions: &[(Address, Address)]) -> Instruction {
    batch(world, "pool_void", positions)
}

pub fn treasury_withdraw(world: &World, admin: &Address, treasury_token: &Address, amount: u64) -> Instruction {
    build(
        world,
        "treasury_withdraw",
        vec![rs(admin), r(&world.exchange), w(&world.pool), w(&world.vault), w(treasury_token), token()],
        &amount.to_le_bytes(),
    )
}

/// The bump of `position` among the trader's next-id PDAs (canonical when the address is the
/// canonical one; otherwise the bump that derives it, or 0 for an unrelated address).
pub fn position_bump(world: &World, t: &Trading, position: &Address) -> u8 {
    let id = world.trader_state(&t.trader).next_position_id.to_le_bytes();
    (0..=255u8)
        .rev()
        .find(|b| Address::create_program_address(&[b"position", t.trader.as_ref(), &id, &[*b]], &world.program_id).ok() == Some(*position))
        .unwrap_or(0)
}
