//! `treasury_withdraw`: admin only, to the configured treasury's account, up to fees owed.
mod setup;

use setup::{
    attacks::{self, code, Attack::*, E},
    ix,
    world::{World, USDC},
};
use solana_address::Address;
use solana_signer::Signer;

#[test]
fn admin_withdraws_fees_owed_to_the_treasury() {
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    w.open(&t, 0, 10, 10 * USDC, 300, 5_000);
    let owed = w.pool_state().fees_owed;
    assert_eq!(owed, 30_000); // 30 % of 0.1 USDC
    let (mint, treasury) = (w.mint, w.treasury.pubkey());
    let treasury_token = w.token_account(&treasury, &mint, 0);
    let admin = w.admin.insecure_clone();
    // More than owed
    assert_eq!(w.fail(ix::treasury_withdraw(&w, &admin.pubkey(), &treasury_token, owed + 1), &admin, &[]), 6052);
    // To someone else's account
    let admin_token = w.token_account(&admin.pubkey(), &mint, 0);
    assert_eq!(w.fail(ix::treasury_withdraw(&w, &admin.pubkey(), &admin_token, owed), &admin, &[]), 6013);
    // Not the admin
    let guardian = w.guardian.insecure_clone();
    assert_eq!(w.fail(ix::treasury_withdraw(&w, &guardian.pubkey(), &treasury_token, owed), &guardian, &[]), 6004);
    let meta = w.send(ix::treasury_withdraw(&w, &admin.pubkey(), &treasury_token, owed), &admin, &[]).expect("withdraw");
    println!("treasury_withdraw {} CU", meta.compute_units_consumed);
    assert_eq!(w.balance(&treasury_token), owed);
    w.assert_books_balance();
}

#[test]
fn treasury_withdraw_refuses_the_generic_attacks() {
    // Given fees owed and a token account of the treasury
    let mut w = World::funded(10_000 * USDC);
    let t = w.trading(100 * USDC);
    w.open(&t, 0, 10, 10 * USDC, 300, 5_000);
    let owed = w.pool_state().fees_owed;
    let (mint, treasury) = (w.mint, w.treasury.pubkey());
    let treasury_token = w.token_account(&treasury, &mint, 0);
    let admin = w.admin.insecure_clone();
    let base = ix::treasury_withdraw(&w, &admin.pubkey(), &treasury_token, owed);
    let (exchange, pool, vault) = (w.exchange, w.pool, w.vault);
    attacks::run(
        &mut w,
        "treasury_withdraw",
        &base,
        &[&admin],
        &[
            MissingSigner(0),
            NotWritable(2, code(E::AccountNotWritable)),
            NotWritable(3, code(E::AccountNotWritable)),
            NotWritable(4, code(E::AccountNotWritable)),
            WrongOwner(1, code(E::InvalidAccountOwner)),
            WrongOwner(2, code(E::InvalidAccountOwner)),
            WrongOwner(3, code(E::InvalidVault)),
            WrongOwner(4, code(E::InvalidTokenAccount)),
            Twin(3, code(E::InvalidVault)),
            Cosplay(1, pool, code(E::AccountDiscriminatorMismatch)),
            Cosplay(2, exchange, code(E::AccountDiscriminatorMismatch)),
            Substitute(4, vault, code(E::DuplicateAccount)),
            Substitute(5, Address::new_unique(), code(E::InvalidTokenProgram)),
        ],
    );
    w.send(base, &admin, &[]).expect("withdraw");
    assert_eq!(w.balance(&treasury_token), owed);
    w.assert_books_balance();
}
