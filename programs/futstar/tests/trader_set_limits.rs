//! `trader_init` / `trader_set_limits`: tightening is immediate, loosening waits a day,
//! self-exclusion cannot be shortened.
mod setup;

use setup::{
    attacks::{self, code, Attack::*, E},
    ix,
    world::{World, USDC},
};
use solana_signer::Signer;

#[test]
fn limits_tighten_now_and_loosen_after_a_day() {
    let mut w = World::funded(1_000 * USDC);
    let t = w.trading(100 * USDC);
    let owner = t.owner.insecure_clone();
    let meta = w.send(ix::trader_set_limits(&w, &owner.pubkey(), &t.trader, 0, 15 * USDC, 0), &owner, &[]).expect("set");
    println!("trader_set_limits {} CU", meta.compute_units_consumed);
    assert_eq!(w.trader_state(&t.trader).daily_deposit_limit, 15 * USDC);
    w.request_open(&t, 0, 2, 10 * USDC, 300).expect("within the limit");
    w.tick(1, 5_000);
    assert_eq!(w.request_open(&t, 0, 2, 10 * USDC, 300), Err(6032));
    // Raising waits a day
    w.send(ix::trader_set_limits(&w, &owner.pubkey(), &t.trader, 0, 100 * USDC, 0), &owner, &[]).unwrap();
    assert_eq!(w.trader_state(&t.trader).daily_deposit_limit, 15 * USDC);
    assert_eq!(w.trader_state(&t.trader).pending_deposit_limit, 100 * USDC);
}

#[test]
fn self_exclusion_cannot_be_shortened_and_strangers_cannot_touch_it() {
    let mut w = World::new();
    let t = w.trading(100 * USDC);
    let owner = t.owner.insecure_clone();
    let until = w.now + 86_400 * 30;
    w.send(ix::trader_set_limits(&w, &owner.pubkey(), &t.trader, 0, 0, until), &owner, &[]).unwrap();
    assert_eq!(w.fail(ix::trader_set_limits(&w, &owner.pubkey(), &t.trader, 0, 0, until - 1), &owner, &[]), 6034);
    let mallory = w.trading(1);
    let m = mallory.owner.insecure_clone();
    assert_eq!(w.fail(ix::trader_set_limits(&w, &m.pubkey(), &t.trader, 0, 0, until), &m, &[]), 6004);
}

#[test]
fn set_limits_refuses_the_generic_attacks() {
    // Given two traders of the pool
    let mut w = World::new();
    let t = w.trading(100 * USDC);
    let other = w.trading(100 * USDC);
    let owner = t.owner.insecure_clone();
    let base = ix::trader_set_limits(&w, &owner.pubkey(), &t.trader, 0, 10 * USDC, 0);
    let pool = w.pool;
    attacks::run(
        &mut w,
        "trader_set_limits",
        &base,
        &[&owner],
        &[
            MissingSigner(0),
            NotWritable(1, code(E::AccountNotWritable)),
            WrongOwner(1, code(E::InvalidAccountOwner)),
            Cosplay(1, pool, code(E::AccountDiscriminatorMismatch)),
            Substitute(1, other.trader, code(E::Unauthorized)),
        ],
    );
    w.send(base, &owner, &[]).expect("set limits");
}
