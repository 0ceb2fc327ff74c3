//! Randomized property test (seeded, bounded): long sequences of deposits, withdrawals, open
//! requests, fills, cancels, feed updates (with suspensions), closes, settlements and
//! stop-outs. After every step: tokens are conserved to the unit across all holders, the vault
//! equals the pool's books, and reserved ≤ liquidity. Instructions may fail (that is part of
//! the sequence); the invariants must hold regardless.
mod setup;

use setup::{ix, world::{Trading, World, USDC}};
use solana_address::Address;
use solana_keypair::Keypair;
use solana_signer::Signer;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn run_sequence(seed: u64, steps: usize) {
    let mut rng = Rng(seed);
    let mut w = World::new();
    let mut lps: Vec<(Keypair, Address, Address)> = (0..2).map(|_| w.lp_deposit(5_000 * USDC)).collect();
    let traders: Vec<Trading> = (0..3).map(|_| w.trading(2_000 * USDC)).collect();
    let mut positions: Vec<(Address, usize)> = Vec::new();
    let holders: Vec<Address> = lps.iter().map(|l| l.1).chain(traders.iter().map(|t| t.token)).chain([w.vault]).collect();
    let total = |w: &World| holders.iter().map(|h| w.balance(h)).sum::<u64>();
    let initial = total(&w);
    let payer = w.payer.insecure_clone();
    let mut index: i64 = 5_000;
    let (mut ok, mut failed) = (0u32, 0u32);
    for step in 0..steps {
        let op = rng.below(100);
        let result = if op < 25 {
            // Feed moves 1–5 s, a random walk; sometimes suspended.
            let secs = 1 + rng.below(5) as i64;
            for _ in 0..secs {
                index = (index + rng.below(401) as i64 - 200).clamp(0, 10_000);
                let suspended = rng.below(10) == 0;
                w.push_sample(index as u16, suspended, setup::feed::LIVE);
            }
            Ok(())
        } else if op < 45 {
            let t = &traders[rng.below(3) as usize];
            let (side, lev, coll) = (rng.below(2) as u8, 1 + rng.below(10) as u16, USDC + rng.below(50 * USDC));
            let duration = [300u32, 600, 1800, u32::MAX][rng.below(4) as usize];
            let id = w.trader_state(&t.trader).next_position_id;
            let r = w.request_open(t, side, lev, coll, duration);
            if r.is_ok() {
                positions.push((w.position_address(&t.trader, id), traders.iter().position(|x| x.trader == t.trader).unwrap()));
            }
            r.map(|_| ())
        } else if op < 85 && !positions.is_empty() {
            let (position, ti) = positions[rng.below(positions.len() as u64) as usize];
            let t = &traders[ti];
            let which = rng.below(6);
            let i = match which {
                0 => ix::position_fill_open(&w, &position, &t.token),
                1 => ix::position_request_close(&w, &t.owner.pubkey(), &position),
                2 => ix::position_fill_close(&w, &position, &t.token),
                3 => ix::position_cancel_request(&w, &t.owner.pubkey(), &position, &t.token),
                4 => ix::position_settle(&w, &position, &t.token),
                _ => ix::position_stop_out(&w, &position),
            };
            let signer = if which == 1 || which == 3 { t.owner.insecure_clone() } else { payer.insecure_clone() };
            w.send(i, &signer, &[]).map(|_| ()).map_err(|_| 0)
        } else if op < 92 {
            let (lp, token, shares) = &lps[rng.below(2) as usize];
            let amount = 1 + rng.below(500 * USDC);
            w.send(ix::pool_deposit(&w, &lp.pubkey(), token, shares, amount.min(w.balance(token).max(1))), lp, &[]).map(|_| ()).map_err(|_| 0)
        } else {
            let (lp, token, shares) = &lps[rng.below(2) as usize];
            let amount = 1 + rng.below(w.balance(shares).max(1));
            w.send(ix::pool_withdraw(&w, &lp.pubkey(), token, shares, amount), lp, &[]).map(|_| ()).map_err(|_| 0)
        };
        if result.is_ok() { ok += 1 } else { failed += 1 }
        assert_eq!(total(&w), initial, "seed {seed} step {step}: tokens not conserved");
        w.assert_books_balance();
    }
    lps.clear();
    println!("seed {seed}: {steps} steps, {ok} succeeded, {failed} refused, {} positions", positions.len());
    assert!(ok > steps as u32 / 3, "the sequence must mostly do things");
}

#[test]
fn conservation_and_reservation_hold_over_random_sequences() {
    for seed in [0x9E37_79B9_7F4A_7C15u64, 0xD1B5_4A32_D192_ED03, 0x2545_F491_4F6C_DD1D] {
        run_sequence(seed, 400);
    }
}
