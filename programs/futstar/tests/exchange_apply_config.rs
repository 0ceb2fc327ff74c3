//! `exchange_apply_config`: the generic account attacks (the timelock itself is exercised in
//! `exchange_propose_config.rs`).
mod setup;

use setup::{
    attacks::{self, Genuine},
    ix,
    world::World,
};
use solana_address::Address;
use solana_signer::Signer;

#[test]
fn apply_refuses_the_generic_attacks() {
    // Given a proposed change whose timelock has elapsed
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let mut config = w.config();
    config.close_fee_bps = 25;
    w.send(ix::exchange_propose_config(&w, &admin.pubkey(), &config), &admin, &[]).expect("propose");
    w.wait(3_600);
    let base = ix::exchange_apply_config(&w);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: Address::default(), position: Address::default() };
    // When the exchange is read-only, owned by another program or a pool's bytes Then refused
    attacks::run(&mut w, "exchange_apply_config", &base, &[], &attacks::exchange_writable(0, &genuine));
    let payer = w.payer.insecure_clone();
    w.send(base, &payer, &[]).expect("apply");
    assert_eq!(w.exchange_state().config, config);
}
