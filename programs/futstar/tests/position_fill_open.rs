//! `position_fill_open`: the generic account attacks on the real program (the priced fill
//! itself is exercised in `position_request_open.rs`).
mod setup;

use setup::{
    attacks::{self, Genuine},
    feed, ix,
    world::{World, USDC},
};

#[test]
fn fill_open_refuses_the_generic_attacks() {
    // Given a request past its in-play delay
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.request_open(&t, 0, 2, 10 * USDC, 300).unwrap();
    w.tick(5, 5_000);
    let base = ix::position_fill_open(&w, &position, &t.token);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: t.trader, position };
    // When each account is attacked (a read-only token account too, though this fill moves no
    // tokens to the owner) Then each fails with its own error
    attacks::run(&mut w, "position_fill_open", &base, &[], &attacks::position_accounts(0, &genuine));
    // And the untouched instruction still fills
    let payer = w.payer.insecure_clone();
    let meta = w.send(base, &payer, &[]).expect("fill");
    println!("position_fill_open {} CU", meta.compute_units_consumed);
    w.assert_books_balance();
}

#[test]
fn a_refunding_fill_needs_writable_token_accounts() {
    // Given a request whose fill sample is at half time (the fill refunds the escrow)
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.request_open(&t, 0, 2, 10 * USDC, 300).unwrap();
    w.tick(4, 5_000);
    w.push_sample(5_000, false, feed::HALF_TIME);
    let base = ix::position_fill_open(&w, &position, &t.token);
    // When the vault or the refund target is read-only Then the fill is refused up front
    attacks::run(&mut w, "position_fill_open (refund)", &base, &[], &attacks::position_token_writes(0));
    let payer = w.payer.insecure_clone();
    w.send(base, &payer, &[]).expect("refunding fill");
    assert_eq!(w.balance(&t.token), 100 * USDC);
    w.assert_books_balance();
}

/// The harness itself fails when an attack goes through. Here the "attack" is harmless: it
/// clears the writable flag of the exchange, which the fill only reads, so the fill succeeds.
#[test]
#[should_panic(expected = "SUCCEEDED")]
fn the_harness_reports_an_attack_that_succeeds() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.request_open(&t, 0, 2, 10 * USDC, 300).unwrap();
    w.tick(5, 5_000);
    let base = ix::position_fill_open(&w, &position, &t.token);
    attacks::run(&mut w, "position_fill_open (no refund)", &base, &[], &[attacks::Attack::NotWritable(0, attacks::code(attacks::E::AccountNotWritable))]);
}
