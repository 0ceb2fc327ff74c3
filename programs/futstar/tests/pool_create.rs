//! `pool_create`: pool, vault and LP mint PDAs; attacks.
mod setup;

use setup::{
    attacks::{self, code, Attack::*, E},
    ix,
    world::World,
};
use solana_address::Address;
use solana_instruction::error::InstructionError;
use solana_signer::Signer;
use solana_transaction_error::TransactionError;

#[test]
fn pool_create_makes_pool_vault_and_lp_mint() {
    // Given an exchange and a Live feed, When the admin creates the pool (World::new)
    let w = World::new();
    // Then the pool points at its feed, mint, vault and LP mint, all PDAs of the program
    let p = w.pool_state();
    assert_eq!((p.feed, p.collateral_mint, p.vault, p.lp_mint), (w.feed, w.mint, w.vault, w.lp_mint));
    assert_eq!(p.limits, setup::world::default_limits());
    let vault = w.svm.get_account(&w.vault).unwrap();
    assert_eq!(vault.owner, setup::token_program_id());
    assert_eq!(&vault.data[32..64], w.pool.as_ref(), "vault authority is the pool PDA");
    let lp = w.svm.get_account(&w.lp_mint).unwrap();
    assert_eq!(&lp.data[4..36], w.pool.as_ref(), "LP mint authority is the pool PDA");
    assert_eq!(lp.data[44], 6);
}

#[test]
fn pool_create_rejects_non_admin_fake_feed_and_non_canonical_bump() {
    let mut w = World::bare();
    for s in 0..3 {
        w.feed_state.push(w.now - 3 + s, 5_000, false, setup::feed::LIVE);
    }
    w.write_feed();
    let admin = w.admin.insecure_clone();
    // Not the admin
    let stranger = solana_keypair::Keypair::new();
    w.svm.airdrop(&stranger.pubkey(), 1_000_000_000).unwrap();
    let mut i = ix::pool_create(&w);
    i.accounts[0].pubkey = stranger.pubkey();
    assert_eq!(w.fail(i, &stranger, &[]), 6004);
    // Feed bytes owned by another program
    let fake = Address::new_unique();
    let bytes = w.feed_state.bytes();
    w.set_raw(fake, bytes, Address::new_unique());
    let mut i = ix::pool_create(&w);
    i.accounts[2].pubkey = fake;
    assert_eq!(w.fail(i, &admin, &[]), 6002);
    // Not a Feed (the exchange's bytes under the oracle's ownership)
    let cosplay = Address::new_unique();
    let exchange_bytes = w.svm.get_account(&w.exchange).unwrap().data;
    let oracle = w.oracle_id;
    w.set_raw(cosplay, exchange_bytes, oracle);
    let mut i = ix::pool_create(&w);
    i.accounts[2].pubkey = cosplay;
    assert_eq!(w.fail(i, &admin, &[]), 6055);
    // A non-canonical pool bump
    let canonical = Address::find_program_address(&[b"pool", w.feed.as_ref()], &w.program_id).1;
    let other = (0..canonical).rev().find_map(|b| Address::create_program_address(&[b"pool", w.feed.as_ref(), &[b]], &w.program_id).ok()).unwrap();
    let mut i = ix::pool_create(&w);
    i.accounts[4].pubkey = other;
    assert_eq!(w.fail(i, &admin, &[]), 6001);
    // Substituted token program
    let mut i = ix::pool_create(&w);
    i.accounts[8].pubkey = Address::new_unique();
    assert_eq!(w.fail(i, &admin, &[]), 6009);
    // The real one works once, then re-initialization fails
    let meta = w.send(ix::pool_create(&w), &admin, &[]).expect("pool_create");
    println!("pool_create {} CU", meta.compute_units_consumed);
    let err = w.send(ix::pool_create(&w), &admin, &[]).unwrap_err();
    assert_eq!(err.err, TransactionError::InstructionError(0, InstructionError::AccountAlreadyInitialized));
}

#[test]
fn pool_create_refuses_the_generic_attacks() {
    // Given a pool on one feed, and a second Live feed without a pool
    let mut w = World::new();
    let (old_pool, old_vault, old_lp_mint) = (w.pool, w.vault, w.lp_mint);
    w.switch_to_new_feed([9u8; 32]);
    let admin = w.admin.insecure_clone();
    let base = ix::pool_create(&w);
    attacks::run(
        &mut w,
        "pool_create",
        &base,
        &[&admin],
        &[
            MissingSigner(0),
            NotWritable(0, attacks::cpi_write_refused()),
            NotWritable(4, attacks::cpi_write_refused()),
            NotWritable(5, attacks::cpi_write_refused()),
            NotWritable(6, attacks::cpi_write_refused()),
            WrongOwner(1, code(E::InvalidAccountOwner)),
            WrongOwner(2, code(E::InvalidAccountOwner)),
            WrongOwner(3, code(E::InvalidMint)),
            // Another genuine feed than the one the pool PDA derives from
            Twin(2, code(E::InvalidPda)),
            Cosplay(1, old_pool, code(E::AccountDiscriminatorMismatch)),
            Substitute(3, old_vault, code(E::InvalidMint)),
            Substitute(4, old_pool, code(E::InvalidPda)),
            Substitute(5, old_vault, code(E::InvalidPda)),
            Substitute(6, old_lp_mint, code(E::InvalidPda)),
            Substitute(7, Address::new_unique(), code(E::InvalidSystemProgram)),
            Substitute(8, Address::new_unique(), code(E::InvalidTokenProgram)),
            Substitute(8, solana_sdk_ids::system_program::ID, code(E::InvalidTokenProgram)),
        ],
    );
    w.send(base, &admin, &[]).expect("second pool");
    assert_eq!(w.pool_state().feed, w.feed);
}
