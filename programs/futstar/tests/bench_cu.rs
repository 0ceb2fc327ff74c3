//! Compute units per instruction on the real SBF build (`npm run bench:programs`). Prints one
//! `<instruction> <CU> CU` line per instruction, and the token program build it ran against.
mod setup;

use setup::{feed, ix, world::{World, USDC}};
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_signer::Signer;

fn run(w: &mut World, name: &str, ix: Instruction, payer: &Keypair) {
    let meta = w.send(ix, payer, &[]).unwrap_or_else(|e| panic!("{name}: {:?}\n{}", e.err, e.meta.logs.join("\n")));
    println!("{name} {} CU", meta.compute_units_consumed);
}

#[test]
#[ignore]
fn bench_cu() {
    let mut w = World::bare();
    println!("# token program: {}", setup::token_program_build(&w.svm));
    // exchange_init was run by World::bare; rerun on a fresh program for its figure.
    {
        let (svm, program_id) = setup::svm_with_futstar();
        let mut fresh = World::bare();
        fresh.svm = svm;
        fresh.program_id = program_id;
        fresh.exchange = solana_address::Address::find_program_address(&[b"exchange"], &program_id).0;
        let payer = Keypair::new();
        fresh.svm.airdrop(&payer.pubkey(), 1_000_000_000).unwrap();
        fresh.payer = payer.insecure_clone();
        let config = fresh.config();
        let i = ix::exchange_init(&fresh, &config);
        run(&mut fresh, "exchange_init", i, &payer);
    }
    for s in 0..10 {
        w.feed_state.push(w.now - 10 + s, 5_000, false, feed::LIVE);
    }
    w.write_feed();
    let admin = w.admin.insecure_clone();
    let payer = w.payer.insecure_clone();
    let i = ix::pool_create(&w);
    run(&mut w, "pool_create", i, &admin);

    let lp = Keypair::new();
    w.svm.airdrop(&lp.pubkey(), 1_000_000_000).unwrap();
    let (mint, lp_mint) = (w.mint, w.lp_mint);
    let lp_token = w.token_account(&lp.pubkey(), &mint, 20_000 * USDC);
    let lp_shares = w.token_account(&lp.pubkey(), &lp_mint, 0);
    let i = ix::pool_deposit(&w, &lp.pubkey(), &lp_token, &lp_shares, 10_000 * USDC);
    run(&mut w, "pool_deposit", i, &lp);
    let i = ix::pool_withdraw(&w, &lp.pubkey(), &lp_token, &lp_shares, 1_000 * USDC);
    run(&mut w, "pool_withdraw", i, &lp);
    let i = ix::pool_set_limits(&w, &admin.pubkey(), &setup::world::default_limits());
    run(&mut w, "pool_set_limits", i, &admin);

    let owner = Keypair::new();
    w.svm.airdrop(&owner.pubkey(), 1_000_000_000).unwrap();
    let token = w.token_account(&owner.pubkey(), &mint, 1_000 * USDC);
    let trader = solana_address::Address::find_program_address(&[b"trader", w.pool.as_ref(), owner.pubkey().as_ref()], &w.program_id).0;
    let i = ix::trader_init(&w, &owner.pubkey());
    run(&mut w, "trader_init", i, &owner);
    let i = ix::trader_set_limits(&w, &owner.pubkey(), &trader, 0, 0, 0);
    run(&mut w, "trader_set_limits", i, &owner);
    let t = setup::world::Trading { owner: owner.insecure_clone(), token, trader };

    let p0 = w.position_address(&trader, 0);
    let i = ix::position_request_open(&w, &t, &p0, 0, 5, 10 * USDC, 300);
    run(&mut w, "position_request_open", i, &owner);
    w.tick(5, 5_100);
    let i = ix::position_fill_open(&w, &p0, &token);
    run(&mut w, "position_fill_open", i, &payer);
    // With a position open the LP moves mark it at the feed index (the feed is read too).
    let i = ix::pool_withdraw(&w, &lp.pubkey(), &lp_token, &lp_shares, 1_000 * USDC);
    run(&mut w, "pool_withdraw_marked", i, &lp);
    let i = ix::position_request_close(&w, &owner.pubkey(), &p0);
    run(&mut w, "position_request_close", i, &owner);
    w.tick(5, 5_300);
    let i = ix::position_fill_close(&w, &p0, &token);
    run(&mut w, "position_fill_close", i, &payer);

    let p1 = w.position_address(&trader, 1);
    w.send(ix::position_request_open(&w, &t, &p1, 1, 2, 10 * USDC, 300), &owner, &[]).unwrap();
    w.tick(1, 5_300);
    let i = ix::position_cancel_request(&w, &owner.pubkey(), &p1, &token);
    run(&mut w, "position_cancel_request", i, &owner);

    w.tick(1, 5_300);
    let p2 = w.position_address(&trader, 2);
    w.send(ix::position_request_open(&w, &t, &p2, 0, 2, 10 * USDC, 300), &owner, &[]).unwrap();
    w.tick(5, 5_000);
    w.send(ix::position_fill_open(&w, &p2, &token), &payer, &[]).unwrap();
    w.tick(300, 5_200);
    let i = ix::position_settle(&w, &p2, &token);
    run(&mut w, "position_settle", i, &payer);

    let p3 = w.position_address(&trader, 3);
    w.send(ix::position_request_open(&w, &t, &p3, 0, 10, 10 * USDC, 1_800), &owner, &[]).unwrap();
    w.tick(5, 5_000);
    w.send(ix::position_fill_open(&w, &p3, &token), &payer, &[]).unwrap();
    w.tick(1, 3_900);
    let i = ix::position_stop_out(&w, &p3);
    run(&mut w, "position_stop_out", i, &payer);

    let (treasury, mint) = (w.treasury.pubkey(), w.mint);
    let treasury_token = w.token_account(&treasury, &mint, 0);
    let owed = w.pool_state().fees_owed;
    let i = ix::treasury_withdraw(&w, &admin.pubkey(), &treasury_token, owed);
    run(&mut w, "treasury_withdraw", i, &admin);

    let config = w.config();
    let i = ix::exchange_propose_config(&w, &admin.pubkey(), &config);
    run(&mut w, "exchange_propose_config", i, &admin);
    w.wait(3_600);
    let i = ix::exchange_apply_config(&w);
    run(&mut w, "exchange_apply_config", i, &payer);
    let i = ix::exchange_set_paused(&w, &admin.pubkey(), false);
    run(&mut w, "exchange_set_paused", i, &admin);

    let p4 = w.position_address(&trader, 4);
    w.tick(1, 5_000);
    w.send(ix::position_request_open(&w, &t, &p4, 0, 2, 10 * USDC, u32::MAX), &owner, &[]).unwrap();
    w.tick(5, 5_000);
    w.send(ix::position_fill_open(&w, &p4, &token), &payer, &[]).unwrap();
    w.push_sample(5_500, false, feed::ENDED);
    let i = ix::pool_settle_all(&w, &[(p4, token)]);
    run(&mut w, "pool_settle_all", i, &payer);

    // pool_void on a second world whose match is abandoned.
    let mut v = World::funded(1_000 * USDC);
    let vt = v.trading(100 * USDC);
    let vp = v.open(&vt, 0, 2, 10 * USDC, 300, 5_000);
    v.push_sample(5_000, false, feed::ABANDONED);
    let vpayer = v.payer.insecure_clone();
    let i = ix::pool_void(&v, &[(vp, vt.token)]);
    run(&mut v, "pool_void", i, &vpayer);
}
