//! `position_request_close` → `position_fill_close`: PnL at the first non-suspended sample after
//! the in-play delay, paid to the owner; closing someone else's position fails.
mod setup;

use setup::{
    attacks::{self, Genuine},
    feed, ix,
    world::{World, USDC},
};
use solana_signer::Signer;

#[test]
fn close_pays_pnl_minus_fee_at_the_delayed_sample() {
    // Given a 10 USDC ×5 long (notional 50) filled at 5000
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.open(&t, 0, 5, 10 * USDC, 1_800, 5_000);
    let before = w.balance(&t.token);
    // When the owner requests a close at 5000, a goal suspends the feed, then it resumes at 5400
    let meta = w.send(ix::position_request_close(&w, &t.owner.pubkey(), &position), &t.owner.insecure_clone(), &[]).expect("request close");
    println!("position_request_close {} CU", meta.compute_units_consumed);
    w.tick(4, 5_000);
    // Not yet fillable before the delay
    let payer = w.payer.insecure_clone();
    assert_eq!(w.fail(ix::position_fill_close(&w, &position, &t.token), &payer, &[]), 6037);
    w.push_sample(5_200, true, feed::LIVE); // suspended at the delay: skipped
    w.push_sample(5_400, false, feed::LIVE);
    let meta = w.send(ix::position_fill_close(&w, &position, &t.token), &payer, &[]).expect("fill close");
    println!("position_fill_close {} CU", meta.compute_units_consumed);
    // Then pnl = 50 × 400 / 10000 = 2 USDC, fee 0.05 USDC
    let pos = w.position_state(&position);
    assert_eq!(pos.exit_index, 5_400);
    assert_eq!(pos.realized_pnl, 2 * USDC as i64);
    assert_eq!(w.balance(&t.token) - before, 12 * USDC - 50_000);
    let p = w.pool_state();
    assert_eq!((p.reserved, p.collateral_locked, p.oi_long), (0, 0, 0));
    w.assert_books_balance();
    // Closing twice fails
    assert_eq!(w.fail(ix::position_fill_close(&w, &position, &t.token), &payer, &[]), 6035);
}

#[test]
fn nobody_else_can_close_or_redirect_the_payout() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let mallory = w.trading(100 * USDC);
    let position = w.open(&t, 1, 2, 10 * USDC, 1_800, 5_000);
    // Mallory requests the close of someone else's position
    assert_eq!(w.fail(ix::position_request_close(&w, &mallory.owner.pubkey(), &position), &mallory.owner.insecure_clone(), &[]), 6036);
    // The owner requests; Mallory tries to receive the payout in her token account
    w.send(ix::position_request_close(&w, &t.owner.pubkey(), &position), &t.owner.insecure_clone(), &[]).unwrap();
    w.tick(6, 4_000);
    let payer = w.payer.insecure_clone();
    assert_eq!(w.fail(ix::position_fill_close(&w, &position, &mallory.token), &payer, &[]), 6013);
    // A position of another pool's trader account: trader mismatch
    let mut i = ix::position_fill_close(&w, &position, &t.token);
    i.accounts[4].pubkey = mallory.trader;
    assert_eq!(w.fail(i, &payer, &[]), 6051);
    // Position replaced by a Trader account (type cosplay)
    let mut i = ix::position_fill_close(&w, &position, &t.token);
    i.accounts[3].pubkey = t.trader;
    assert_eq!(w.fail(i, &payer, &[]), 6003);
    w.send(ix::position_fill_close(&w, &position, &t.token), &payer, &[]).expect("fill close");
    w.assert_books_balance();
}

#[test]
fn fill_close_refuses_the_generic_attacks() {
    // Given a close request of a winning long, past the delay (the fill pays out)
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.open(&t, 0, 5, 10 * USDC, 1_800, 5_000);
    w.send(ix::position_request_close(&w, &t.owner.pubkey(), &position), &t.owner.insecure_clone(), &[]).unwrap();
    w.tick(6, 5_400);
    let base = ix::position_fill_close(&w, &position, &t.token);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: t.trader, position };
    let table = attacks::position_accounts(0, &genuine);
    attacks::run(&mut w, "position_fill_close", &base, &[], &table);
    let payer = w.payer.insecure_clone();
    w.send(base, &payer, &[]).expect("fill close");
    w.assert_books_balance();
}
