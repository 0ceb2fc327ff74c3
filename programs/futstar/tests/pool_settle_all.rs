//! `pool_settle_all` (match Ended) and `pool_void` (Abandoned).
mod setup;

use setup::{
    attacks::{self, Genuine},
    feed, ix,
    world::{World, USDC},
};

#[test]
fn settle_all_after_the_match_ended_closes_the_pool() {
    let mut w = World::funded(10_000 * USDC);
    let a = w.trading(100 * USDC);
    let b = w.trading(100 * USDC);
    let pa = w.open(&a, 0, 2, 10 * USDC, u32::MAX, 5_000);
    let pb = w.open(&b, 1, 2, 10 * USDC, u32::MAX, 5_000);
    let pending = w.request_open(&a, 0, 2, 5 * USDC, 300).unwrap();
    let payer = w.payer.insecure_clone();
    let batch = [(pa, a.token), (pb, b.token), (pending, a.token)];
    assert_eq!(w.fail(ix::pool_settle_all(&w, &batch), &payer, &[]), 6041);
    w.push_sample(6_000, false, feed::ENDED);
    let meta = w.send(ix::pool_settle_all(&w, &batch), &payer, &[]).expect("settle all");
    println!("pool_settle_all {} CU (3 positions)", meta.compute_units_consumed);
    let p = w.pool_state();
    assert_eq!(p.live_positions, 0);
    assert_eq!(p.status as u8, 3);
    assert_eq!(w.position_state(&pa).realized_pnl, 2 * USDC as i64);
    assert_eq!(w.position_state(&pb).realized_pnl, -2 * USDC as i64);
    w.assert_books_balance();
    assert_eq!(w.fail(ix::pool_settle_all(&w, &[(pa, a.token)]), &payer, &[]), 6035);
}

#[test]
fn void_refunds_collateral_after_an_abandoned_match() {
    let mut w = World::funded(10_000 * USDC);
    let a = w.trading(100 * USDC);
    let pa = w.open(&a, 0, 5, 10 * USDC, 1_800, 5_000);
    let payer = w.payer.insecure_clone();
    assert_eq!(w.fail(ix::pool_void(&w, &[(pa, a.token)]), &payer, &[]), 6042);
    w.push_sample(5_000, false, feed::ABANDONED);
    assert_eq!(w.fail(ix::position_settle(&w, &pa, &a.token), &payer, &[]), 6040);
    let before = w.balance(&a.token);
    let meta = w.send(ix::pool_void(&w, &[(pa, a.token)]), &payer, &[]).expect("void");
    println!("pool_void {} CU (1 position)", meta.compute_units_consumed);
    assert_eq!(w.balance(&a.token) - before, 10 * USDC);
    w.assert_books_balance();
}

#[test]
fn settle_all_refuses_the_generic_attacks() {
    // Given a winning long and the match ended (the batch pays out)
    let mut w = World::funded(10_000 * USDC);
    let a = w.trading(100 * USDC);
    let pa = w.open(&a, 0, 2, 10 * USDC, u32::MAX, 5_000);
    w.push_sample(6_000, false, feed::ENDED);
    let base = ix::pool_settle_all(&w, &[(pa, a.token)]);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: a.trader, position: pa };
    let mut table = attacks::settlement_batch(&genuine);
    let other = w.trading(1);
    table.push(attacks::Attack::Substitute(6, other.trader, attacks::code(attacks::E::TraderMismatch)));
    attacks::run(&mut w, "pool_settle_all", &base, &[], &table);
    let payer = w.payer.insecure_clone();
    w.send(base, &payer, &[]).expect("settle all");
    w.assert_books_balance();
}
