//! `position_stop_out`: only once equity reached zero.
mod setup;

use setup::{
    attacks::{self, Genuine},
    ix,
    world::{World, USDC},
};

#[test]
fn stop_out_only_when_equity_is_gone() {
    // Given a 10 USDC ×10 long at 5000 (equity gone at 4000)
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.open(&t, 0, 10, 10 * USDC, 1_800, 5_000);
    let payer = w.payer.insecure_clone();
    w.tick(1, 4_001);
    assert_eq!(w.fail(ix::position_stop_out(&w, &position), &payer, &[]), 6044);
    w.tick(1, 4_000);
    let liquidity = w.pool_state().liquidity;
    let meta = w.send(ix::position_stop_out(&w, &position), &payer, &[]).expect("stop out");
    println!("position_stop_out {} CU", meta.compute_units_consumed);
    assert_eq!(w.pool_state().liquidity, liquidity + 10 * USDC);
    assert_eq!(w.position_state(&position).payout, 0);
    w.assert_books_balance();
    assert_eq!(w.fail(ix::position_stop_out(&w, &position), &payer, &[]), 6035);
}

#[test]
fn stop_out_refuses_the_generic_attacks() {
    // Given a ×10 long whose equity is gone
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.open(&t, 0, 10, 10 * USDC, 1_800, 5_000);
    w.tick(1, 4_000);
    let base = ix::position_stop_out(&w, &position);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: t.trader, position };
    attacks::run(&mut w, "position_stop_out", &base, &[], &attacks::position_state_accounts(0, &genuine));
    let payer = w.payer.insecure_clone();
    w.send(base, &payer, &[]).expect("stop out");
    w.assert_books_balance();
}
