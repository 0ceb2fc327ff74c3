//! Compute units of every instruction, exactly one line each: `<instruction_name> <compute_units> CU`.
//! Run: `host_cargo test --release -p momentum_oracle --test bench_cu -- --ignored --nocapture`.
mod setup;

use setup::{ix, live, Oracle, RAILS, T0};

#[test]
#[ignore]
fn bench_cu() {
    let mut oracle = Oracle::deployed(8);
    let authority = oracle.authority.insecure_clone();
    let admin = oracle.admin.insecure_clone();
    let payer = oracle.payer.insecure_clone();
    let line = |name: &str, meta: litesvm::types::TransactionMetadata| println!("{name} {} CU", meta.compute_units_consumed);

    let init = ix::config_init(&oracle, &oracle.params(1, RAILS));
    line("config_init", oracle.send(&[init], &authority, &[]).unwrap());
    let create = ix::feed_create(&oracle, &setup::padded("bench"), &setup::padded("Home"), &setup::padded("Away"));
    line("feed_create", oracle.send(&[create], &admin, &[]).unwrap());
    let feed = oracle.feed_address(&setup::padded("bench"));

    // The target case: one feed, quorum 1 (larger batches and quorums: see transaction_limits).
    oracle.set_clock(T0 + 10);
    line("feed_push_update", oracle.push(&[(feed, live(1, T0 + 10, 5_050))], &[0]).unwrap());

    let pause = ix::config_set_paused(&oracle, 1);
    line("config_set_paused", oracle.send(&[pause], &admin, &[]).unwrap());
    let unpause = ix::config_set_paused(&oracle, 0);
    oracle.send(&[unpause], &admin, &[]).unwrap();

    let propose = ix::config_propose_change(&oracle, &oracle.params(6, RAILS));
    line("config_propose_change", oracle.send(&[propose], &admin, &[]).unwrap());
    line("config_cancel_change", oracle.send(&[ix::config_cancel_change(&oracle)], &admin, &[]).unwrap());
    let propose = ix::config_propose_change(&oracle, &oracle.params(6, RAILS));
    oracle.send(&[propose], &admin, &[]).unwrap();
    oracle.set_clock(T0 + 3_700);
    line("config_apply_change", oracle.send(&[ix::config_apply_change(&oracle)], &payer, &[]).unwrap());
}
