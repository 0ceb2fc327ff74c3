//! `futstar-localnet`: Futstar's local Solana network.
//!
//! Starts Surfpool's surfnet (offline, slots advancing with wall time), deploys
//! `target/deploy/{momentum_oracle,futstar}.so` through the upgradeable BPF loader, registers their
//! IDLs when present, prints what runs where (text plus one `{"event":"ready",...}` JSON line) and
//! stops cleanly on SIGINT/SIGTERM.

mod idl_register;
mod keypair_file;
mod loader_deploy;
mod options;
mod program_set;
mod ready_report;
mod surfnet_node;

use std::{
    env, fs,
    process::ExitCode,
    time::{Duration, Instant},
};

use serde_json::json;
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use solana_signer::Signer;
use tokio::signal::unix::{SignalKind, signal};

use crate::{
    options::{Command, Options},
    program_set::ProgramToDeploy,
    ready_report::{ProgramReport, ReadyReport},
    surfnet_node::{SurfnetNode, SurfnetSettings},
};

/// jemalloc, as agave's validator: surfnet's per-transaction bookkeeping (owner indexes kept as
/// lists of strings, cloned and rewritten for every account a transaction changes) is
/// allocation-bound, and glibc's malloc/free took ~25 % of the localnet's CPU under load.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// How long surfnet may take to bind its servers.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the servers may take to close on shutdown.
const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(10);

fn main() -> ExitCode {
    let started = Instant::now();
    let args: Vec<String> = env::args().skip(1).collect();
    let options = match options::parse(&args, &|key| env::var(key).ok()) {
        Ok(Command::Run(options)) => options,
        Ok(Command::Help) => {
            print!("{}", options::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("futstar-localnet: {message}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("futstar-localnet: tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(options, started)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("futstar-localnet: {message}");
            println!("{}", json!({ "event": "error", "message": message }));
            ExitCode::FAILURE
        }
    }
}

/// Why the localnet is stopping.
enum StopReason {
    Signal(&'static str),
    SurfnetEnded,
}

async fn run(options: Options, started: Instant) -> Result<(), String> {
    // Installed first, so a signal during startup also ends in a clean shutdown.
    let mut sigint = signal(SignalKind::interrupt()).map_err(|e| format!("installing the SIGINT handler: {e}"))?;
    let mut sigterm = signal(SignalKind::terminate()).map_err(|e| format!("installing the SIGTERM handler: {e}"))?;

    fs::create_dir_all(&options.state_dir).map_err(|e| format!("creating state dir {}: {e}", options.state_dir.display()))?;
    let (authority, authority_path) = upgrade_authority(&options)?;
    let programs = program_set::resolve(&options)?;

    let settings = SurfnetSettings {
        host: options.host.clone(),
        rpc_port: options.rpc_port,
        ws_port: options.ws_port,
        slot_time_ms: options.slot_time_ms,
        airdrop_addresses: vec![authority.pubkey()],
        airdrop_lamports: options::DEFAULT_AUTHORITY_LAMPORTS,
        verbose: options.verbose,
    };
    let node = tokio::task::spawn_blocking(move || SurfnetNode::start(&settings, STARTUP_TIMEOUT))
        .await
        .map_err(|e| format!("surfnet start task: {e}"))??;

    let rpc_url = format!("http://{}:{}", options.host, options.rpc_port);
    let ws_url = format!("ws://{}:{}", options.host, options.ws_port);
    let rpc = RpcClient::new_with_commitment(rpc_url.clone(), CommitmentConfig::processed());

    let bring_up = async {
        let reports = deploy_all(&rpc, &authority, &programs, options.slot_time_ms).await?;
        let report = ReadyReport {
            rpc_url: rpc_url.clone(),
            ws_url: ws_url.clone(),
            slot_time_ms: options.slot_time_ms,
            upgrade_authority: authority.pubkey(),
            upgrade_authority_path: authority_path.clone(),
            state_dir: options.state_dir.clone(),
            programs: reports,
            startup_ms: started.elapsed().as_millis(),
        };
        report.write_state_file()?;
        Ok::<ReadyReport, String>(report)
    };
    let startup = tokio::select! {
        ready = bring_up => Ok(ready),
        _ = sigint.recv() => Err(StopReason::Signal("SIGINT")),
        _ = sigterm.recv() => Err(StopReason::Signal("SIGTERM")),
    };
    let outcome = match startup {
        Ok(Ok(report)) => {
            println!("{}", report.to_text());
            println!("{}", report.to_json());
            Ok(wait_for_stop(&node, &mut sigint, &mut sigterm).await)
        }
        Ok(Err(e)) => Err(e),
        Err(signal) => Ok(signal),
    };

    if node.has_stopped() {
        return match outcome {
            Err(e) => Err(e),
            Ok(_) => Err("surfnet stopped on its own".to_string()),
        };
    }
    let stopped = tokio::task::spawn_blocking(move || node.stop(SHUTDOWN_TIMEOUT))
        .await
        .map_err(|e| format!("surfnet stop task: {e}"))?;
    match outcome {
        Err(e) => Err(e),
        Ok(StopReason::SurfnetEnded) => Err("surfnet stopped on its own".to_string()),
        Ok(StopReason::Signal(name)) => {
            stopped?;
            eprintln!("futstar-localnet: stopped on {name}");
            println!("{}", json!({ "event": "stopped", "signal": name }));
            Ok(())
        }
    }
}

fn upgrade_authority(options: &Options) -> Result<(Keypair, std::path::PathBuf), String> {
    match &options.upgrade_authority {
        Some(path) => Ok((keypair_file::read_required(path, "upgrade authority")?, path.clone())),
        None => {
            let path = program_set::keys_dir(&options.state_dir).join("upgrade-authority.json");
            let (keypair, _) = keypair_file::read_or_generate(&path, "upgrade authority")?;
            Ok((keypair, path))
        }
    }
}

/// Deploys every program, registers the IDLs that exist, and waits until the deploy slots are
/// past (loader-v3 programs become callable in the slot after their deployment).
async fn deploy_all(
    rpc: &RpcClient,
    authority: &Keypair,
    programs: &[ProgramToDeploy],
    slot_time_ms: u64,
) -> Result<Vec<ProgramReport>, String> {
    let mut reports = Vec::with_capacity(programs.len());
    let mut last_deploy_slot = 0;
    for program in programs {
        let elf = fs::read(&program.so_path).map_err(|e| format!("reading {}: {e}", program.so_path.display()))?;
        let deployed = loader_deploy::deploy_upgradeable(rpc, authority, &program.keypair, &elf, slot_time_ms)
            .await
            .map_err(|e| format!("deploying {}: {e}", program.name))?;
        last_deploy_slot = last_deploy_slot.max(deployed.deploy_slot);
        if program.keypair_generated {
            eprintln!("futstar-localnet: generated program keypair {}", program.keypair_path.display());
        }
        let idl = idl_register::register_idl(rpc, &program.idl_path, &deployed.program_id).await?;
        if idl == idl_register::IdlOutcome::Absent {
            eprintln!("futstar-localnet: warning: no IDL at {}; {} deployed without one", program.idl_path.display(), program.name);
        }
        reports.push(ProgramReport {
            name: program.name,
            program_id: deployed.program_id,
            programdata: deployed.programdata,
            keypair_path: program.keypair_path.clone(),
            so_path: program.so_path.clone(),
            so_bytes: elf.len(),
            transactions: deployed.transactions,
            idl,
        });
    }
    wait_past_slot(rpc, last_deploy_slot, slot_time_ms).await?;
    Ok(reports)
}

async fn wait_past_slot(rpc: &RpcClient, slot: u64, slot_time_ms: u64) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_millis(slot_time_ms.saturating_mul(20)) + Duration::from_secs(10);
    loop {
        let now = rpc.get_slot_with_commitment(CommitmentConfig::processed()).await.map_err(|e| format!("getSlot: {e}"))?;
        if now > slot {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("slot stuck at {now}: surfnet's clock is not advancing"));
        }
        tokio::time::sleep(Duration::from_millis(slot_time_ms.clamp(5, 100))).await;
    }
}

async fn wait_for_stop(
    node: &SurfnetNode,
    sigint: &mut tokio::signal::unix::Signal,
    sigterm: &mut tokio::signal::unix::Signal,
) -> StopReason {
    let mut poll = tokio::time::interval(Duration::from_millis(250));
    loop {
        tokio::select! {
            _ = sigint.recv() => return StopReason::Signal("SIGINT"),
            _ = sigterm.recv() => return StopReason::Signal("SIGTERM"),
            _ = poll.tick() => if node.has_stopped() { return StopReason::SurfnetEnded },
        }
    }
}
