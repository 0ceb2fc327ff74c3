//! `position_request_open` → `position_fill_open` happy path and attacks.
mod setup;

use setup::{
    attacks::{self, code, Attack::*, E},
    feed, ix,
    world::{World, USDC},
};

#[test]
fn request_then_fill_open_escrows_then_reserves() {
    // Given a funded pool and a trader with 100 USDC
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    println!("token program: {}", setup::token_program_build(&w.svm));
    // When the trader requests a 10 USDC ×5 long for 300 s
    let position = w.request_open(&t, 0, 5, 10 * USDC, 300).expect("request");
    // Then collateral + fee (10 bps of 50 USDC = 0.05) are escrowed
    let p = w.pool_state();
    assert_eq!(p.escrowed, 10 * USDC + 50_000);
    assert_eq!(w.balance(&t.token), 90 * USDC - 50_000);
    w.assert_books_balance();
    // When the keeper fills after the 5 s delay at index 6000
    w.tick(5, 6_000);
    let meta = w.send(ix::position_fill_open(&w, &position, &t.token), &w.payer.insecure_clone(), &[]).expect("fill");
    println!("position_fill_open {} CU", meta.compute_units_consumed);
    // Then the entry is the first sample ≥ request + 5 s, max profit reserved
    let pos = w.position_state(&position);
    assert_eq!(pos.entry_index, 6_000);
    assert_eq!(pos.entry_ts, w.feed_state.samples[w.feed_state.samples.len() - 1].ts);
    assert_eq!(pos.max_profit, 20 * USDC); // 50 × (10000 − 6000) / 10000
    let p = w.pool_state();
    assert_eq!(p.reserved, 20 * USDC);
    assert_eq!(p.escrowed, 0);
    assert_eq!(p.fees_owed, 15_000); // 30 % of 50_000
    assert_eq!(p.liquidity, 10_000 * USDC + 35_000);
    w.assert_books_balance();
}

#[test]
fn request_open_rejects_a_suspended_stale_or_not_live_feed() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    // Suspended latest sample
    w.push_sample(5_000, true, feed::LIVE);
    assert_eq!(w.request_open(&t, 0, 2, 10 * USDC, 300), Err(6019));
    // Half time
    w.push_sample(5_000, false, feed::HALF_TIME);
    assert_eq!(w.request_open(&t, 0, 2, 10 * USDC, 300), Err(6018));
    // Live again but stale (no update for 31 s)
    w.push_sample(5_000, false, feed::LIVE);
    w.wait(31);
    assert_eq!(w.request_open(&t, 0, 2, 10 * USDC, 300), Err(6020));
}

#[test]
fn request_open_enforces_pool_limits() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(1_000_000 * USDC);
    assert_eq!(w.request_open(&t, 0, 11, 10 * USDC, 300), Err(6023)); // leverage
    assert_eq!(w.request_open(&t, 0, 0, 10 * USDC, 300), Err(6023));
    assert_eq!(w.request_open(&t, 0, 2, USDC - 1, 300), Err(6024)); // min collateral
    assert_eq!(w.request_open(&t, 0, 10, 10_001 * USDC, 300), Err(6025)); // max notional
    assert_eq!(w.request_open(&t, 0, 2, 10 * USDC, 301), Err(6026)); // duration
    assert_eq!(w.request_open(&t, 2, 2, 10 * USDC, 300), Err(6049)); // side
}

#[test]
fn request_open_rate_limits_and_respects_self_exclusion() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    w.request_open(&t, 0, 2, 10 * USDC, 300).expect("first");
    // Same slot: rate limited
    assert_eq!(w.request_open(&t, 0, 2, 10 * USDC, 300), Err(6029));
    w.tick(1, 5_000);
    w.request_open(&t, 1, 2, 10 * USDC, 300).expect("next slot");
    // Self-exclusion for an hour
    let until = w.now + 3_600;
    let ix = ix::trader_set_limits(&w, &setup::solana_signer_pubkey(&t.owner), &t.trader, 0, 0, until);
    w.send(ix, &t.owner.insecure_clone(), &[]).expect("self-exclude");
    w.tick(1, 5_000);
    assert_eq!(w.request_open(&t, 0, 2, 10 * USDC, 300), Err(6031));
}

#[test]
fn request_open_rejects_a_wrong_vault_or_mint() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.position_address(&t.trader, 0);
    let owner = t.owner.insecure_clone();
    let base = ix::position_request_open(&w, &t, &position, 0, 2, 10 * USDC, 300);
    // Wrong vault (a token account of the right mint, not the pool's)
    let fake_vault = { let m = w.mint; let o = w.pool; w.token_account(&o, &m, 0) };
    let mut i = base.clone(); i.accounts[7].pubkey = fake_vault;
    assert_eq!(w.fail(i, &owner, &[]), 6014);
    // Owner token of another mint
    let other_mint_token = { let o = setup::solana_signer_pubkey(&t.owner); w.token_account(&o, &solana_address::Address::new_unique(), 100 * USDC) };
    let mut i = base.clone(); i.accounts[6].pubkey = other_mint_token;
    assert_eq!(w.fail(i, &owner, &[]), 6012);
    // Vault passed as the owner's token account too (two mutable roles)
    let mut i = base.clone(); i.accounts[6].pubkey = w.vault;
    assert_eq!(w.fail(i, &owner, &[]), 6016);
    w.assert_books_balance();
}

#[test]
fn request_open_rejects_pause_read_only_pool_and_foreign_position_addresses() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let owner = t.owner.insecure_clone();
    let position = w.position_address(&t.trader, 0);
    // Pool passed read-only: AccountNotWritable
    let mut i = ix::position_request_open(&w, &t, &position, 0, 2, 10 * USDC, 300);
    i.accounts[2].is_writable = false;
    assert_eq!(w.fail(i, &owner, &[]), 6053);
    // Position PDA of another id, or a non-canonical bump: InvalidPda
    let wrong_id = w.position_address(&t.trader, 7);
    assert_eq!(w.fail(ix::position_request_open(&w, &t, &wrong_id, 0, 2, 10 * USDC, 300), &owner, &[]), 6001);
    let canonical = solana_address::Address::find_program_address(&[b"position", t.trader.as_ref(), &0u64.to_le_bytes()], &w.program_id).1;
    let off_curve = (0..canonical)
        .rev()
        .find_map(|b| solana_address::Address::create_program_address(&[b"position", t.trader.as_ref(), &0u64.to_le_bytes(), &[b]], &w.program_id).ok())
        .unwrap();
    // A wrong bump for the canonical address: InvalidPda
    let mut i = ix::position_request_open(&w, &t, &position, 0, 2, 10 * USDC, 300);
    *i.data.last_mut().unwrap() = canonical.wrapping_sub(1);
    assert_eq!(w.fail(i, &owner, &[]), 6001);
    // A non-canonical bump of the same (trader, id) opens that id once; the id then advances, so
    // the canonical address of the same id can no longer hold a second position.
    w.send(ix::position_request_open(&w, &t, &off_curve, 0, 2, 10 * USDC, 300), &owner, &[]).expect("non-canonical id 0");
    w.tick(1, 5_000);
    assert_eq!(w.fail(ix::position_request_open(&w, &t, &position, 0, 2, 10 * USDC, 300), &owner, &[]), 6001);
    let position = w.position_address(&t.trader, 1);
    // Another user's trader account: TraderMismatch
    let other = w.trading(100 * USDC);
    let mut i = ix::position_request_open(&w, &t, &position, 0, 2, 10 * USDC, 300);
    i.accounts[4].pubkey = other.trader;
    assert_eq!(w.fail(i, &owner, &[]), 6051);
    // Exchange paused by the guardian: ExchangePaused
    let guardian = w.guardian.insecure_clone();
    w.send(ix::exchange_set_paused(&w, &setup::solana_signer_pubkey(&guardian), true), &guardian, &[]).unwrap();
    assert_eq!(w.request_open(&t, 0, 2, 10 * USDC, 300), Err(6005));
    let meta = {
        let admin = w.admin.insecure_clone();
        w.send(ix::exchange_set_paused(&w, &setup::solana_signer_pubkey(&admin), false), &admin, &[]).unwrap();
        w.send(ix::position_request_open(&w, &t, &position, 0, 2, 10 * USDC, 300), &owner, &[]).expect("request")
    };
    println!("position_request_open {} CU", meta.compute_units_consumed);
    w.assert_books_balance();
}

#[test]
fn fill_open_waits_for_the_first_unsuspended_sample_and_refunds_when_not_live() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let payer = w.payer.insecure_clone();
    let position = w.request_open(&t, 0, 2, 10 * USDC, 300).unwrap();
    w.tick(4, 5_000);
    assert_eq!(w.fail(ix::position_fill_open(&w, &position, &t.token), &payer, &[]), 6037);
    // A goal: suspended samples from the delay on; the fill must wait for the first clean one
    w.push_sample(5_000, true, feed::LIVE);
    assert_eq!(w.fail(ix::position_fill_open(&w, &position, &t.token), &payer, &[]), 6037);
    w.push_sample(6_500, false, feed::LIVE);
    w.send(ix::position_fill_open(&w, &position, &t.token), &payer, &[]).expect("fill");
    assert_eq!(w.position_state(&position).entry_index, 6_500);
    // Half time at the fill sample: refunded in full
    w.tick(1, 6_500);
    let p2 = w.request_open(&t, 1, 2, 10 * USDC, 300).unwrap();
    let before = w.balance(&t.token);
    w.tick(4, 6_500);
    w.push_sample(6_500, false, feed::HALF_TIME);
    w.send(ix::position_fill_open(&w, &p2, &t.token), &payer, &[]).expect("rejected fill");
    assert_eq!(w.position_state(&p2).status as u8, 5);
    assert_eq!(w.balance(&t.token) - before, 10 * USDC + 20_000);
    // The vault as the refund target (two mutable roles): DuplicateAccount
    assert_eq!(w.fail(ix::position_fill_open(&w, &p2, &w.vault.clone()), &payer, &[]), 6016);
    w.assert_books_balance();
}

#[test]
fn a_fill_whose_sample_left_the_ring_uses_the_oldest_retained_one_and_says_so() {
    // Given a request, and a keeper that comes back after 800 s (ring holds 720 samples)
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    let position = w.request_open(&t, 0, 2, 10 * USDC, 1_800).unwrap();
    w.tick(800, 5_300);
    // When the fill runs
    let payer = w.payer.insecure_clone();
    let meta = w.send(ix::position_fill_open(&w, &position, &t.token), &payer, &[]).expect("fill");
    // Then the entry is the oldest retained sample and two events were emitted (SampleEvicted, OpenFilled)
    let samples = &w.feed_state.samples;
    let oldest_retained = samples[samples.len() - setup::feed::RING_CAPACITY];
    let pos = w.position_state(&position);
    assert_eq!(pos.entry_ts, oldest_retained.ts);
    assert!(pos.entry_ts > pos.request_ts + 5);
    assert_eq!(meta.logs.iter().filter(|l| l.starts_with("Program data: ")).count(), 2, "{}", meta.logs.join("\n"));
    w.assert_books_balance();
}

#[test]
fn request_open_refuses_the_generic_attacks() {
    // Given a funded pool, a trader, an open position of another trader
    let mut w = World::funded(10_000 * USDC);
    let other = w.trading(100 * USDC);
    let others_position = w.open(&other, 0, 2, 10 * USDC, 300, 5_000);
    let t = w.trading(100 * USDC);
    let position = w.position_address(&t.trader, 0);
    let base = ix::position_request_open(&w, &t, &position, 0, 2, 10 * USDC, 300);
    let owner = t.owner.insecure_clone();
    let pool = w.pool;
    let wrong_id = w.position_address(&t.trader, 1);
    attacks::run(
        &mut w,
        "position_request_open",
        &base,
        &[&owner],
        &[
            MissingSigner(0),
            NotWritable(0, attacks::cpi_write_refused()),
            NotWritable(2, code(E::AccountNotWritable)),
            NotWritable(4, code(E::AccountNotWritable)),
            NotWritable(5, attacks::cpi_write_refused()),
            NotWritable(6, code(E::AccountNotWritable)),
            NotWritable(7, code(E::AccountNotWritable)),
            WrongOwner(1, code(E::InvalidAccountOwner)),
            WrongOwner(2, code(E::InvalidAccountOwner)),
            WrongOwner(3, code(E::InvalidAccountOwner)),
            WrongOwner(4, code(E::InvalidAccountOwner)),
            WrongOwner(6, code(E::InvalidTokenAccount)),
            WrongOwner(7, code(E::InvalidVault)),
            Twin(3, code(E::FeedMismatch)),
            Twin(7, code(E::InvalidVault)),
            Cosplay(1, pool, code(E::AccountDiscriminatorMismatch)),
            Cosplay(2, t.trader, code(E::AccountDiscriminatorMismatch)),
            Cosplay(4, others_position, code(E::AccountDiscriminatorMismatch)),
            Substitute(4, other.trader, code(E::TraderMismatch)),
            Substitute(5, wrong_id, code(E::InvalidPda)),
            Substitute(5, others_position, code(E::InvalidPda)),
            Substitute(8, solana_address::Address::new_unique(), code(E::InvalidTokenProgram)),
            Substitute(9, solana_address::Address::new_unique(), code(E::InvalidSystemProgram)),
        ],
    );
    w.send(base, &owner, &[]).expect("request");
    w.assert_books_balance();
}
