//! `pool_withdraw`: the generic account attacks (share pricing and the reserved-liquidity
//! limit are exercised in `pool_deposit.rs`).
mod setup;

use setup::{
    attacks::{self, Genuine},
    ix,
    world::{World, USDC},
};
use solana_address::Address;
use solana_signer::Signer;

#[test]
fn withdraw_refuses_the_generic_attacks() {
    // Given an LP holding 100 USDC of shares
    let mut w = World::new();
    let (lp, token, shares) = w.lp_deposit(100 * USDC);
    let base = ix::pool_withdraw(&w, &lp.pubkey(), &token, &shares, 40 * USDC);
    let genuine = Genuine { exchange: w.exchange, pool: w.pool, trader: Address::default(), position: Address::default() };
    attacks::run(&mut w, "pool_withdraw", &base, &[&lp], &attacks::liquidity_accounts(&genuine));
    w.send(base, &lp, &[]).expect("withdraw");
    assert_eq!(w.balance(&token), 40 * USDC);
    w.assert_books_balance();
}
