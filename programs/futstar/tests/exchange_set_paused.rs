//! `exchange_set_paused`: the generic account attacks (who may pause is exercised in
//! `exchange_propose_config.rs`).
mod setup;

use setup::{
    attacks::{self, code, Attack::*, E},
    ix,
    world::World,
};
use solana_signer::Signer;

#[test]
fn set_paused_refuses_the_generic_attacks() {
    // Given the guardian pausing the exchange
    let mut w = World::new();
    let guardian = w.guardian.insecure_clone();
    let base = ix::exchange_set_paused(&w, &guardian.pubkey(), true);
    let pool = w.pool;
    attacks::run(
        &mut w,
        "exchange_set_paused",
        &base,
        &[&guardian],
        &[
            MissingSigner(0),
            NotWritable(1, code(E::AccountNotWritable)),
            WrongOwner(1, code(E::InvalidAccountOwner)),
            Cosplay(1, pool, code(E::AccountDiscriminatorMismatch)),
        ],
    );
    w.send(base, &guardian, &[]).expect("pause");
    assert!(w.exchange_state().paused);
}
