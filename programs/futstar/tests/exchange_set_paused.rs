//! `exchange_set_paused`: the generic account attacks (who may pause is exercised in
//! `exchange_propose_config.rs`).
mod setup;

use setup::{
    attacks::{self, Attack::MissingSigner, Genuine},
    ix,
    world::World,
};
use solana_address::Address;
use solana_signer::Signer;

#[test]
fn set_paused_refuses_the_generic_attacks() {
    // Given the guardian pausing the exchange
    let mut w = World::new();
    let guardian = w.guardian.insecure_clone();
    let base = ix::exchange_set_paused(&w, &guardian.pubkey(), true);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: Address::default(), position: Address::default() };
    let mut table = vec![MissingSigner(0)];
    table.extend(attacks::exchange_writable(1, &genuine));
    attacks::run(&mut w, "exchange_set_paused", &base, &[&guardian], &table);
    w.send(base, &guardian, &[]).expect("pause");
    assert!(w.exchange_state().paused);
}
