//! `position_settle`: at expiry, at the feed's history value at expiry time; once only.
mod setup;

use setup::{
    attacks::{self, Genuine},
    feed, ix,
    world::{World, USDC},
};

#[test]
fn settles_at_the_sample_at_expiry_not_the_latest() {
    // Given a 300 s long filled at 5000
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.open(&t, 0, 10, 10 * USDC, 300, 5_000);
    let expiry = w.position_state(&position).expiry_ts;
    let payer = w.payer.insecure_clone();
    // Not before expiry
    w.tick(100, 5_100);
    assert_eq!(w.fail(ix::position_settle(&w, &position, &t.token), &payer, &[]), 6039);
    // The index is 5300 at expiry and 6000 afterwards
    w.tick(200, 5_300);
    w.tick(30, 6_000);
    let before = w.balance(&t.token);
    let meta = w.send(ix::position_settle(&w, &position, &t.token), &payer, &[]).expect("settle");
    println!("position_settle {} CU", meta.compute_units_consumed);
    let pos = w.position_state(&position);
    assert_eq!(pos.exit_index, 5_300, "history value at expiry {expiry}");
    // pnl = 100 × 300 / 10000 = 3 USDC, fee 0.1
    assert_eq!(w.balance(&t.token) - before, 13 * USDC - 100_000);
    w.assert_books_balance();
    // Settling twice fails
    assert_eq!(w.fail(ix::position_settle(&w, &position, &t.token), &payer, &[]), 6035);
}

#[test]
fn match_end_positions_settle_at_the_final_index_and_abandoned_ones_do_not() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.open(&t, 1, 2, 10 * USDC, u32::MAX, 5_000);
    let payer = w.payer.insecure_clone();
    w.tick(10, 4_500);
    assert_eq!(w.fail(ix::position_settle(&w, &position, &t.token), &payer, &[]), 6039);
    w.push_sample(4_000, false, feed::ENDED);
    w.send(ix::position_settle(&w, &position, &t.token), &payer, &[]).expect("settle at end");
    assert_eq!(w.position_state(&position).exit_index, 4_000);
    assert_eq!(w.position_state(&position).realized_pnl, 2 * USDC as i64); // 20 × 1000 / 10000
    w.assert_books_balance();
}

#[test]
fn settle_refuses_the_generic_attacks() {
    // Given a winning 300 s long past its expiry (settling pays out)
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.open(&t, 0, 10, 10 * USDC, 300, 5_000);
    w.tick(301, 5_300);
    let base = ix::position_settle(&w, &position, &t.token);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: t.trader, position };
    let table = attacks::position_accounts(0, &genuine);
    attacks::run(&mut w, "position_settle", &base, &[], &table);
    let payer = w.payer.insecure_clone();
    w.send(base, &payer, &[]).expect("settle");
    w.assert_books_balance();
}
