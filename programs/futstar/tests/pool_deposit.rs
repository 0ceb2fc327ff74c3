//! `pool_deposit` / `pool_withdraw`: LP shares priced on the pool's marked value (open
//! positions' PnL at the feed index), withdrawals limited to unreserved liquidity.
mod setup;

use setup::{
    attacks::{self, Genuine},
    ix,
    world::{World, USDC},
};
use solana_address::Address;

#[test]
fn deposit_mints_shares_and_withdraw_returns_tokens() {
    // Given a pool, When an LP deposits 1000 USDC
    let mut w = World::new();
    let (lp, token, shares) = w.lp_deposit(1_000 * USDC);
    // Then 1000e6 shares are minted 1:1 and the vault holds the tokens
    assert_eq!(w.balance(&shares), 1_000 * USDC);
    assert_eq!(w.vault_balance(), 1_000 * USDC);
    w.assert_books_balance();
    // When half is withdrawn
    let meta = w.send(ix::pool_withdraw(&w, &lp.pubkey_(), &token, &shares, 500 * USDC), &lp, &[]).expect("withdraw");
    println!("pool_withdraw {} CU", meta.compute_units_consumed);
    assert_eq!(w.balance(&token), 500 * USDC);
    assert_eq!(w.pool_state().lp_supply, 500 * USDC);
    w.assert_books_balance();
}

#[test]
fn withdraw_cannot_take_reserved_liquidity() {
    // Given 100 USDC of liquidity and a position reserving 25 USDC (50 notional, entry 5000)
    let mut w = World::new();
    let (lp, token, shares) = w.lp_deposit(100 * USDC);
    let t = w.trading(100 * USDC);
    w.open(&t, 0, 5, 10 * USDC, 300, 5_000);
    let p = w.pool_state();
    assert_eq!(p.reserved, 25 * USDC);
    // When the LP withdraws everything Then InsufficientFreeLiquidity
    assert_eq!(w.fail(ix::pool_withdraw(&w, &lp.pubkey_(), &token, &shares, 100 * USDC), &lp, &[]), 6043);
    // And the free part can leave
    let free_shares = 70 * USDC;
    w.send(ix::pool_withdraw(&w, &lp.pubkey_(), &token, &shares, free_shares), &lp, &[]).expect("free part");
    w.assert_books_balance();
}

/// The LP's share of a pool whose traders are winning: liquidity minus their unrealised gain.
#[test]
fn an_lp_cannot_exit_ahead_of_a_pool_loss() {
    // Given two LPs with 500 USDC each and a 100 USDC long opened at 5000 (fees 0)
    let mut w = World::new();
    let (lp, token, shares) = w.lp_deposit(500 * USDC);
    w.lp_deposit(500 * USDC);
    let t = w.trading(100 * USDC);
    w.open(&t, 0, 10, 10 * USDC, 300, 5_000);
    let liquidity = w.pool_state().liquidity;
    // When the index rises to 6000 (the long is up 10 USDC) and the first LP leaves
    w.tick(1, 6_000);
    let half = w.pool_state().lp_supply / 2;
    w.send(ix::pool_withdraw(&w, &lp.pubkey_(), &token, &shares, half), &lp, &[]).expect("withdraw");
    // Then they take half of (liquidity − 10 USDC), not half of the liquidity
    assert_eq!(w.balance(&token), (liquidity - 10 * USDC) / 2);
    w.assert_books_balance();
}

/// Traders' unrealised losses raise what a new LP pays per share; a leaver gets no credit for them.
#[test]
fn a_depositor_pays_for_the_traders_unrealised_losses() {
    // Given 1000 USDC of liquidity and a 100 USDC long opened at 5000, now at 4000 (down 10 USDC)
    let mut w = World::new();
    let (lp, token, shares) = w.lp_deposit(1_000 * USDC);
    let t = w.trading(100 * USDC);
    w.open(&t, 0, 10, 10 * USDC, 300, 5_000);
    w.tick(1, 4_000);
    let before = w.pool_state();
    // When a second LP deposits 101 USDC
    let (_, _, dst) = w.lp_deposit(101 * USDC);
    // Then the shares are priced on liquidity + 10 USDC
    let expected = (101 * USDC) as u128 * before.lp_supply as u128 / (before.liquidity + 10 * USDC) as u128;
    assert_eq!(w.balance(&dst) as u128, expected);
    // And the first LP withdrawing 100 shares is paid on the liquidity alone
    let after = w.pool_state();
    w.send(ix::pool_withdraw(&w, &lp.pubkey_(), &token, &shares, 100 * USDC), &lp, &[]).expect("withdraw");
    assert_eq!(w.balance(&token) as u128, (100 * USDC) as u128 * after.liquidity as u128 / after.lp_supply as u128);
    w.assert_books_balance();
}

/// With positions open, the mark must be trustworthy right now.
#[test]
fn liquidity_moves_wait_for_a_fresh_unsuspended_index_while_positions_are_open() {
    let mut w = World::new();
    let (lp, token, shares) = w.lp_deposit(1_000 * USDC);
    // With nothing open, a suspended or stale feed does not matter
    w.push_sample(5_000, true, setup::feed::LIVE);
    w.send(ix::pool_withdraw(&w, &lp.pubkey_(), &token, &shares, USDC), &lp, &[]).expect("nothing open");
    w.tick(1, 5_000);
    let t = w.trading(100 * USDC);
    w.open(&t, 1, 10, 10 * USDC, 600, 5_000);
    // A goal: the feed is suspended → FeedSuspended (6019), both ways
    w.push_sample(5_000, true, setup::feed::LIVE);
    assert_eq!(w.fail(ix::pool_withdraw(&w, &lp.pubkey_(), &token, &shares, USDC), &lp, &[]), 6019);
    assert_eq!(w.fail(ix::pool_deposit(&w, &lp.pubkey_(), &token, &shares, USDC), &lp, &[]), 6019);
    // The oracle goes quiet past max_staleness_s (30 s) → FeedStale (6020)
    w.tick(1, 5_200);
    w.wait(31);
    assert_eq!(w.fail(ix::pool_withdraw(&w, &lp.pubkey_(), &token, &shares, USDC), &lp, &[]), 6020);
    // Fresh again → allowed
    w.tick(1, 5_200);
    w.send(ix::pool_withdraw(&w, &lp.pubkey_(), &token, &shares, USDC), &lp, &[]).expect("fresh");
    w.assert_books_balance();
}

#[test]
fn deposit_rejects_wrong_accounts() {
    let mut w = World::new();
    let (lp, token, shares) = w.lp_deposit(10 * USDC);
    let mint = w.mint;
    let lp_pk = lp.pubkey_();
    let more = w.token_account(&lp_pk, &mint, 10 * USDC);
    // LP share account of the collateral mint
    assert_eq!(w.fail(ix::pool_deposit(&w, &lp_pk, &more, &token, USDC), &lp, &[]), 6012);
    // A fake LP mint
    let mut i = ix::pool_deposit(&w, &lp_pk, &more, &shares, USDC);
    i.accounts[5].pubkey = Address::new_unique();
    assert_eq!(w.fail(i, &lp, &[]), 6015);
    // The vault as the source (two mutable roles)
    assert_eq!(w.fail(ix::pool_deposit(&w, &lp_pk, &w.vault.clone(), &shares, USDC), &lp, &[]), 6016);
    // Zero amount
    assert_eq!(w.fail(ix::pool_deposit(&w, &lp_pk, &more, &shares, 0), &lp, &[]), 6022);
    // Exchange paused
    let admin = w.admin.insecure_clone();
    w.send(ix::exchange_set_paused(&w, &admin.pubkey_(), true), &admin, &[]).unwrap();
    assert_eq!(w.fail(ix::pool_deposit(&w, &lp_pk, &more, &shares, USDC), &lp, &[]), 6005);
    let meta_ok = { w.send(ix::exchange_set_paused(&w, &admin.pubkey_(), false), &admin, &[]).unwrap(); w.send(ix::pool_deposit(&w, &lp_pk, &more, &shares, USDC), &lp, &[]).unwrap() };
    println!("pool_deposit {} CU", meta_ok.compute_units_consumed);
}

trait Pk {
    fn pubkey_(&self) -> Address;
}
impl Pk for solana_keypair::Keypair {
    fn pubkey_(&self) -> Address {
        solana_signer::Signer::pubkey(self)
    }
}

#[test]
fn deposit_refuses_the_generic_attacks() {
    // Given an LP with tokens and a share account
    let mut w = World::new();
    let (lp, _, shares) = w.lp_deposit(10 * USDC);
    let (lp_pk, mint) = (lp.pubkey_(), w.mint);
    let more = w.token_account(&lp_pk, &mint, 10 * USDC);
    let base = ix::pool_deposit(&w, &lp_pk, &more, &shares, USDC);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: Address::default(), position: Address::default() };
    attacks::run(&mut w, "pool_deposit", &base, &[&lp], &attacks::liquidity_accounts(&genuine));
    w.send(base, &lp, &[]).expect("deposit");
    w.assert_books_balance();
}
