//! `position_cancel_request`: only while not yet fillable.
mod setup;

use setup::{
    attacks::{self, Genuine},
    ix,
    world::{World, USDC},
};
use solana_signer::Signer;

#[test]
fn cancel_before_the_delay_refunds_everything() {
    let mut w = World::funded(1_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.request_open(&t, 0, 3, 10 * USDC, 300).unwrap();
    w.tick(2, 5_000);
    let owner = t.owner.insecure_clone();
    let meta = w.send(ix::position_cancel_request(&w, &owner.pubkey(), &position, &t.token), &owner, &[]).expect("cancel");
    println!("position_cancel_request {} CU", meta.compute_units_consumed);
    assert_eq!(w.balance(&t.token), 100 * USDC);
    assert_eq!(w.pool_state().escrowed, 0);
    w.assert_books_balance();
}

#[test]
fn cancel_after_the_delay_is_refused_and_strangers_cannot_cancel() {
    let mut w = World::funded(1_000 * USDC);
    let t = w.trading(100 * USDC);
    let mallory = w.trading(100 * USDC);
    let position = w.request_open(&t, 0, 3, 10 * USDC, 300).unwrap();
    assert_eq!(w.fail(ix::position_cancel_request(&w, &mallory.owner.pubkey(), &position, &t.token), &mallory.owner.insecure_clone(), &[]), 6036);
    w.tick(5, 5_000);
    let owner = t.owner.insecure_clone();
    assert_eq!(w.fail(ix::position_cancel_request(&w, &owner.pubkey(), &position, &t.token), &owner, &[]), 6038);
}

#[test]
fn a_request_stuck_behind_a_long_suspension_can_be_cancelled_after_the_timeout() {
    // Given a request whose fill time falls into a suspension that lasts over 300 s
    let mut w = World::funded(1_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.request_open(&t, 0, 3, 10 * USDC, 300).unwrap();
    w.tick(4, 5_000);
    for _ in 0..200 {
        w.push_sample(5_000, true, setup::feed::LIVE);
    }
    let owner = t.owner.insecure_clone();
    // Still inside the timeout: refused
    assert_eq!(w.fail(ix::position_cancel_request(&w, &owner.pubkey(), &position, &t.token), &owner, &[]), 6038);
    for _ in 0..110 {
        w.push_sample(5_000, true, setup::feed::LIVE);
    }
    // Past it, still no clean sample: allowed, full refund
    w.send(ix::position_cancel_request(&w, &owner.pubkey(), &position, &t.token), &owner, &[]).expect("cancel after timeout");
    assert_eq!(w.balance(&t.token), 100 * USDC);
    w.assert_books_balance();
}

#[test]
fn cancel_refuses_the_generic_attacks() {
    // Given a pending open inside its delay (cancelling refunds the escrow)
    let mut w = World::funded(1_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.request_open(&t, 0, 3, 10 * USDC, 300).unwrap();
    w.tick(2, 5_000);
    let owner = t.owner.insecure_clone();
    let base = ix::position_cancel_request(&w, &owner.pubkey(), &position, &t.token);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: t.trader, position };
    // The owner's signature, then the shared position accounts from index 1
    let mut table = vec![attacks::Attack::MissingSigner(0)];
    table.extend(attacks::position_accounts(1, &genuine));
    attacks::run(&mut w, "position_cancel_request", &base, &[&owner], &table);
    w.send(base, &owner, &[]).expect("cancel");
    assert_eq!(w.balance(&t.token), 100 * USDC);
    w.assert_books_balance();
}
