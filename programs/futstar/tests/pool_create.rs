//! `pool_create`: pool, vault and LP mint PDAs; attacks.
mod setup;

use setup::{ix, world::World};
use solana_address::Address;
use solana_signer::Signer;

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
    assert!(w.send(ix::pool_create(&w), &admin, &[]).is_err());
}
