//! `pool_set_limits`: only the admin, only valid limits, never on a Closed pool; the new limits
//! govern the next request while open positions keep their terms.
mod setup;

use setup::{
    attacks::{self, Attack::*, Genuine, E},
    feed, ix,
    world::{default_limits, World, USDC},
};
use solana_address::Address;
use solana_signer::Signer;

#[test]
fn the_admin_tightens_a_pool_and_the_next_request_obeys() {
    // Given a pool with an open 5× position
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let open = w.open(&t, 0, 5, 10 * USDC, 300, 5_000);
    let admin = w.admin.insecure_clone();
    // When the admin lowers max leverage to 3× and the in-play delay to 8 s
    let limits = futstar::state::limits::PoolLimits { max_leverage: 3, inplay_delay_s: 8, ..default_limits() };
    let meta = w.send(ix::pool_set_limits(&w, &admin.pubkey(), &limits), &admin, &[]).expect("set limits");
    println!("pool_set_limits {} CU", meta.compute_units_consumed);
    // Then the pool stores them, the open position is untouched, and 5× is refused (6023)
    assert_eq!(w.pool_state().limits, limits);
    assert_eq!(w.position_state(&open).notional, 50 * USDC);
    w.tick(1, 5_000);
    assert_eq!(w.request_open(&t, 0, 5, 10 * USDC, 300), Err(6023));
    assert!(w.request_open(&t, 0, 3, 10 * USDC, 300).is_ok());
}

#[test]
fn only_the_admin_with_valid_limits_on_a_live_pool() {
    let mut w = World::funded(1_000 * USDC);
    let admin = w.admin.insecure_clone();
    let guardian = w.guardian.insecure_clone();
    // The guardian is not the admin → Unauthorized (6004)
    assert_eq!(w.fail(ix::pool_set_limits(&w, &guardian.pubkey(), &default_limits()), &guardian, &[]), 6004);
    // Leverage 0, no duration, amounts past the math bound → InvalidConfig (6006)
    for bad in [
        futstar::state::limits::PoolLimits { max_leverage: 0, ..default_limits() },
        futstar::state::limits::PoolLimits { durations: [0; 4], ..default_limits() },
        futstar::state::limits::PoolLimits { max_oi_per_side: futstar::math::bounds::MAX_AMOUNT + 1, ..default_limits() },
    ] {
        assert_eq!(w.fail(ix::pool_set_limits(&w, &admin.pubkey(), &bad), &admin, &[]), 6006);
    }
    // Truncated arguments → InvalidInstructionData (not a custom code)
    let mut short = ix::pool_set_limits(&w, &admin.pubkey(), &default_limits());
    short.data.pop();
    assert!(w.send(short, &admin, &[]).is_err());
    // A Closed pool (settled after the match) → PoolNotOpen (6021)
    w.push_sample(5_000, false, feed::ENDED);
    let payer = w.payer.insecure_clone();
    w.send(ix::pool_settle_all(&w, &[]), &payer, &[]).expect("close the empty pool");
    assert_eq!(w.pool_state().status as u8, 3);
    assert_eq!(w.fail(ix::pool_set_limits(&w, &admin.pubkey(), &default_limits()), &admin, &[]), 6021);
}

#[test]
fn set_limits_refuses_the_generic_attacks() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let base = ix::pool_set_limits(&w, &admin.pubkey(), &default_limits());
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: Address::default(), position: Address::default() };
    let table = vec![
        MissingSigner(0),
        NotWritable(2, attacks::code(E::AccountNotWritable)),
        WrongOwner(1, attacks::code(E::InvalidAccountOwner)),
        WrongOwner(2, attacks::code(E::InvalidAccountOwner)),
        Cosplay(1, genuine.pool, attacks::code(E::AccountDiscriminatorMismatch)),
        Cosplay(2, genuine.exchange, attacks::code(E::AccountDiscriminatorMismatch)),
    ];
    attacks::run(&mut w, "pool_set_limits", &base, &[&admin], &table);
    w.send(base, &admin, &[]).expect("set limits");
}
