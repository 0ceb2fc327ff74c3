//! Runs Surfpool's surfnet in-process: offline, clock-driven block production, JSON-RPC and
//! WebSocket servers on the given ports.
//!
//! Offline means no remote RPC client is ever built: `SimnetConfig::offline_mode = true` with
//! `remote_rpc_url = None` makes surfpool-core's runloop skip `SurfnetRemoteClient`, so account
//! reads never fall back to mainnet, and no snapshot or geyser plugin is configured.

use std::{
    thread::{self, JoinHandle},
    time::{Duration, Instant},
};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use solana_pubkey::Pubkey;
use surfpool_core::surfnet::svm::{SurfnetSvm, SurfnetSvmConfig};
use surfpool_types::{BlockProductionMode, RpcConfig, SimnetCommand, SimnetConfig, SimnetEvent, SurfpoolConfig};

/// What the surfnet is started with.
pub struct SurfnetSettings {
    /// Bind address of both servers.
    pub host: String,
    /// JSON-RPC port.
    pub rpc_port: u16,
    /// WebSocket port.
    pub ws_port: u16,
    /// Milliseconds per slot.
    pub slot_time_ms: u64,
    /// Accounts credited with `airdrop_lamports` at genesis.
    pub airdrop_addresses: Vec<Pubkey>,
    /// Lamports each of `airdrop_addresses` starts with.
    pub airdrop_lamports: u64,
    /// Forward surfnet's info logs to stderr.
    pub verbose: bool,
}

/// Lifecycle events the main thread waits on; logs are printed by the event pump itself.
#[derive(Debug)]
pub enum Lifecycle {
    /// RPC servers bound, startup plan sealed: the surfnet answers requests.
    Started,
    /// Surfnet refused to start.
    Aborted(String),
    /// One RPC server (HTTP or WebSocket) closed.
    ServerShutdown,
}

/// A running surfnet.
pub struct SurfnetNode {
    commands: Sender<SimnetCommand>,
    lifecycle: Receiver<Lifecycle>,
    runloop: JoinHandle<Result<(), String>>,
}

/// The surfnet's SVM config mirrors the simnet config it runs with.
fn svm_config(simnet: &SimnetConfig) -> SurfnetSvmConfig {
    SurfnetSvmConfig {
        surfnet_id: simnet.surfnet_id.clone(),
        slot_time: simnet.slot_time,
        instruction_profiling_enabled: simnet.instruction_profiling_enabled,
        max_profiles: simnet.max_profiles,
        log_bytes_limit: simnet.log_bytes_limit,
        skip_blockhash_check: simnet.skip_blockhash_check,
        ..SurfnetSvmConfig::default()
    }
}

impl SurfnetNode {
    /// Starts the surfnet on its own thread and waits until it answers requests.
    pub fn start(settings: &SurfnetSettings, startup_timeout: Duration) -> Result<Self, String> {
        let simnet = SimnetConfig {
            offline_mode: true,
            remote_rpc_url: None,
            slot_time: settings.slot_time_ms,
            block_production_mode: BlockProductionMode::Clock,
            airdrop_addresses: settings.airdrop_addresses.clone(),
            airdrop_token_amount: settings.airdrop_lamports,
            // Profiling re-executes every transaction; a localnet for tests and benchmarks has no use for it.
            instruction_profiling_enabled: false,
            ..SimnetConfig::default()
        };
        let (svm, events, geyser_events) =
            SurfnetSvm::new(svm_config(&simnet)).map_err(|e| format!("surfnet SVM initialization failed: {e}"))?;
        let config = SurfpoolConfig {
            simnets: vec![simnet],
            rpc: RpcConfig {
                bind_host: settings.host.clone(),
                bind_port: settings.rpc_port,
                ws_port: settings.ws_port,
                ..RpcConfig::default()
            },
            ..SurfpoolConfig::default()
        };

        let (commands, commands_rx) = crossbeam_channel::unbounded();
        let (lifecycle_tx, lifecycle) = crossbeam_channel::unbounded();
        spawn_event_pump(events, lifecycle_tx, settings.verbose)?;
        let runloop_commands = commands.clone();
        let runloop = thread::Builder::new()
            .name("surfnet".into())
            .spawn(move || {
                // The runloop blocks on channels inside async code: it gets a runtime of its own.
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                    .map_err(|e| format!("surfnet runtime: {e}"))?;
                runtime
                    .block_on(surfpool_core::start_local_surfnet(svm, config, runloop_commands, commands_rx, geyser_events))
                    .map_err(|e| format!("surfnet stopped: {e}"))
            })
            .map_err(|e| format!("spawning the surfnet thread: {e}"))?;

        let node = SurfnetNode { commands, lifecycle, runloop };
        let deadline = Instant::now() + startup_timeout;
        loop {
            match node.lifecycle.recv_timeout(Duration::from_millis(50)) {
                Ok(Lifecycle::Started) => return Ok(node),
                Ok(Lifecycle::Aborted(reason)) => return Err(format!("surfnet aborted at startup: {reason}")),
                Ok(Lifecycle::ServerShutdown) => return Err("surfnet shut down during startup".to_string()),
                Err(RecvTimeoutError::Timeout) if node.runloop.is_finished() => return Err(node.startup_failure()),
                // The runloop dropped its event sender: it is returning an error (e.g. a port in use).
                Err(RecvTimeoutError::Disconnected) => return Err(node.startup_failure()),
                Err(RecvTimeoutError::Timeout) if Instant::now() >= deadline => {
                    return Err(format!("surfnet did not start within {startup_timeout:?}"));
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
    }

    /// Why the runloop ended before announcing its start.
    fn startup_failure(self) -> String {
        match self.runloop.join() {
            Ok(Err(e)) => e,
            Ok(Ok(())) => "surfnet runloop ended during startup".to_string(),
            Err(_) => "surfnet runloop panicked during startup".to_string(),
        }
    }

    /// True once the surfnet's runloop has ended on its own.
    pub fn has_stopped(&self) -> bool {
        self.runloop.is_finished()
    }

    /// Asks the surfnet to terminate and waits until both RPC servers have closed their ports.
    pub fn stop(self, timeout: Duration) -> Result<(), String> {
        self.commands
            .send(SimnetCommand::Terminate(None))
            .map_err(|_| "surfnet runloop already gone".to_string())?;
        let deadline = Instant::now() + timeout;
        let mut closed = 0;
        while closed < 2 {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lifecycle.recv_timeout(left) {
                Ok(Lifecycle::ServerShutdown) => closed += 1,
                Ok(_) => {}
                Err(_) => return Err(format!("{closed} of 2 RPC servers confirmed shutdown within {timeout:?}")),
            }
        }
        Ok(())
    }
}

/// Drains surfnet's bounded event channel (a full channel would stall the runloop), prints its
/// warnings and errors, and forwards lifecycle events.
fn spawn_event_pump(events: Receiver<SimnetEvent>, lifecycle: Sender<Lifecycle>, verbose: bool) -> Result<(), String> {
    thread::Builder::new()
        .name("surfnet-events".into())
        .spawn(move || {
            for event in events {
                let forwarded = match event {
                    SimnetEvent::CoreStarted(_) => Some(Lifecycle::Started),
                    SimnetEvent::Aborted(reason) => Some(Lifecycle::Aborted(reason)),
                    SimnetEvent::Shutdown => Some(Lifecycle::ServerShutdown),
                    SimnetEvent::ErrorLog(_, message) => {
                        eprintln!("surfnet error: {message}");
                        None
                    }
                    SimnetEvent::WarnLog(_, message) => {
                        eprintln!("surfnet warning: {message}");
                        None
                    }
                    SimnetEvent::InfoLog(_, message) if verbose => {
                        eprintln!("surfnet: {message}");
                        None
                    }
                    _ => None,
                };
                if let Some(forwarded) = forwarded {
                    // The receiver outlives the surfnet except at process exit, where nothing is left to tell.
                    let _ = lifecycle.send(forwarded);
                }
            }
        })
        .map(|_| ())
        .map_err(|e| format!("spawning the surfnet event pump: {e}"))
}
