//! `position_request_close`: the generic account attacks (the close itself is exercised in
//! `position_fill_close.rs`).
mod setup;

use setup::{
    attacks::{self, code, Attack::*, E},
    ix,
    world::{World, USDC},
};
use solana_signer::Signer;

#[test]
fn request_close_refuses_the_generic_attacks() {
    // Given an open position, and another trader's open position
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let other = w.trading(100 * USDC);
    let position = w.open(&t, 0, 2, 10 * USDC, 1_800, 5_000);
    let others = w.open(&other, 1, 2, 10 * USDC, 1_800, 5_000);
    let owner = t.owner.insecure_clone();
    let base = ix::position_request_close(&w, &owner.pubkey(), &position);
    attacks::run(
        &mut w,
        "position_request_close",
        &base,
        &[&owner],
        &[
            MissingSigner(0),
            NotWritable(1, code(E::AccountNotWritable)),
            WrongOwner(1, code(E::InvalidAccountOwner)),
            Cosplay(1, t.trader, code(E::AccountDiscriminatorMismatch)),
            Substitute(1, others, code(E::NotPositionOwner)),
        ],
    );
    let meta = w.send(base, &owner, &[]).expect("request close");
    println!("position_request_close {} CU", meta.compute_units_consumed);
}
