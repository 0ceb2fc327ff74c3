//! `pool_void`: the generic account attacks (the refunds themselves are exercised in
//! `pool_settle_all.rs`).
mod setup;

use setup::{
    attacks::{self, Genuine},
    feed, ix,
    world::{World, USDC},
};

#[test]
fn void_refuses_the_generic_attacks() {
    // Given an open position and the match abandoned (the batch refunds the collateral)
    let mut w = World::funded(10_000 * USDC);
    let a = w.trading(100 * USDC);
    let pa = w.open(&a, 0, 5, 10 * USDC, 1_800, 5_000);
    w.push_sample(5_000, false, feed::ABANDONED);
    let base = ix::pool_void(&w, &[(pa, a.token)]);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: a.trader, position: pa };
    attacks::run(&mut w, "pool_void", &base, &[], &attacks::settlement_batch(&genuine));
    let payer = w.payer.insecure_clone();
    let before = w.balance(&a.token);
    w.send(base, &payer, &[]).expect("void");
    assert_eq!(w.balance(&a.token) - before, 10 * USDC);
    w.assert_books_balance();
}
