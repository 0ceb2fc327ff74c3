//! `exchange_propose_config` / `exchange_apply_config` (timelock) and `exchange_set_paused`.
mod setup;

use setup::{
    attacks::{self, Attack::MissingSigner, Genuine},
    ix,
    world::World,
};
use solana_address::Address;
use solana_signer::Signer;

#[test]
fn a_change_applies_only_after_the_current_delay() {
    let mut w = World::bare();
    let admin = w.admin.insecure_clone();
    let mut config = w.config();
    config.open_fee_bps = 20;
    config.timelock_delay_s = 0; // try to shorten the timelock itself
    let meta = w.send(ix::exchange_propose_config(&w, &admin.pubkey(), &config), &admin, &[]).expect("propose");
    println!("exchange_propose_config {} CU", meta.compute_units_consumed);
    let payer = w.payer.insecure_clone();
    // Early: refused, even though the new delay would be 0
    w.wait(3_599);
    assert_eq!(w.fail(ix::exchange_apply_config(&w), &payer, &[]), 6007);
    w.wait(1);
    let meta = w.send(ix::exchange_apply_config(&w), &payer, &[]).expect("apply");
    println!("exchange_apply_config {} CU", meta.compute_units_consumed);
    assert_eq!(w.exchange_state().config, config);
    assert_eq!(w.fail(ix::exchange_apply_config(&w), &payer, &[]), 6008);
}

#[test]
fn only_the_admin_proposes_and_the_guardian_only_pauses() {
    let mut w = World::bare();
    let guardian = w.guardian.insecure_clone();
    let admin = w.admin.insecure_clone();
    assert_eq!(w.fail(ix::exchange_propose_config(&w, &guardian.pubkey(), &w.config()), &guardian, &[]), 6004);
    let meta = w.send(ix::exchange_set_paused(&w, &guardian.pubkey(), true), &guardian, &[]).expect("guardian pauses");
    println!("exchange_set_paused {} CU", meta.compute_units_consumed);
    assert!(w.exchange_state().paused);
    assert_eq!(w.fail(ix::exchange_set_paused(&w, &guardian.pubkey(), false), &guardian, &[]), 6004);
    w.send(ix::exchange_set_paused(&w, &admin.pubkey(), false), &admin, &[]).expect("admin unpauses");
    assert!(!w.exchange_state().paused);
    let mut bad = w.config();
    bad.default_limits.max_leverage = 0;
    assert_eq!(w.fail(ix::exchange_propose_config(&w, &admin.pubkey(), &bad), &admin, &[]), 6006);
}

#[test]
fn propose_refuses_the_generic_attacks() {
    // Given an exchange with a pool (whose bytes dress up as the exchange)
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let base = ix::exchange_propose_config(&w, &admin.pubkey(), &w.config());
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: Address::default(), position: Address::default() };
    let mut table = vec![MissingSigner(0)];
    table.extend(attacks::exchange_writable(1, &genuine));
    attacks::run(&mut w, "exchange_propose_config", &base, &[&admin], &table);
    w.send(base, &admin, &[]).expect("propose");
}
