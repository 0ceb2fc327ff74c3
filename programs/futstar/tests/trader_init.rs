//! `trader_init`: one Trader PDA per (pool, owner); the generic account attacks.
mod setup;

use setup::{
    attacks::{self, code, Attack::*, E},
    ix,
    world::{World, USDC},
};
use solana_address::Address;
use solana_instruction::error::InstructionError;
use solana_keypair::Keypair;
use solana_signer::Signer;
use solana_transaction_error::TransactionError;

#[test]
fn trader_init_creates_the_pda_once_and_refuses_the_generic_attacks() {
    // Given a pool, an existing trader, and a new owner
    let mut w = World::new();
    let existing = w.trading(100 * USDC);
    let owner = Keypair::new();
    w.svm.airdrop(&owner.pubkey(), 10_000_000_000).unwrap();
    let base = ix::trader_init(&w, &owner.pubkey());
    let (pool, owner_key) = (w.pool, owner.pubkey());
    let seeds: [&[u8]; 3] = [b"trader", pool.as_ref(), owner_key.as_ref()];
    let canonical = Address::find_program_address(&seeds, &w.program_id).1;
    let non_canonical = (0..canonical)
        .rev()
        .find_map(|b| Address::create_program_address(&[seeds[0], seeds[1], seeds[2], &[b]], &w.program_id).ok())
        .unwrap();
    let exchange = w.exchange;
    attacks::run(
        &mut w,
        "trader_init",
        &base,
        &[&owner],
        &[
            MissingSigner(0),
            NotWritable(0, attacks::cpi_write_refused()),
            NotWritable(2, attacks::cpi_write_refused()),
            WrongOwner(1, code(E::InvalidAccountOwner)),
            Cosplay(1, exchange, code(E::AccountDiscriminatorMismatch)),
            Substitute(2, existing.trader, code(E::InvalidPda)),
            Substitute(2, non_canonical, code(E::InvalidPda)),
            Substitute(3, Address::new_unique(), code(E::InvalidSystemProgram)),
            Substitute(3, setup::token_program_id(), code(E::InvalidSystemProgram)),
        ],
    );
    // When the owner initializes Then the trader exists; a second init is refused
    let meta = w.send(base.clone(), &owner, &[]).expect("trader_init");
    println!("trader_init {} CU", meta.compute_units_consumed);
    let trader = Address::find_program_address(&seeds, &w.program_id).0;
    assert_eq!(w.trader_state(&trader).owner, owner.pubkey());
    let err = w.send(base, &owner, &[]).unwrap_err();
    assert_eq!(err.err, TransactionError::InstructionError(0, InstructionError::AccountAlreadyInitialized));
}
