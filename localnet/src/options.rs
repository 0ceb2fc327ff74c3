//! Command-line flags and environment variables of `futstar-localnet`.
//!
//! A flag wins over its environment variable, which wins over the default. Every error names the
//! flag (and the variable) it came from.

use std::{collections::BTreeMap, env, path::PathBuf};

/// Default JSON-RPC port (Solana's usual localnet port).
pub const DEFAULT_RPC_PORT: u16 = 8899;
/// Default WebSocket (PubSub) port.
pub const DEFAULT_WS_PORT: u16 = 8900;
/// Default slot time: mainnet's 400 ms.
pub const DEFAULT_SLOT_TIME_MS: u64 = 400;
/// Lamports the upgrade authority (also the deploy fee payer) holds at genesis.
pub const DEFAULT_AUTHORITY_LAMPORTS: u64 = 1_000 * 1_000_000_000;

/// Everything the binary needs to start a localnet.
#[derive(Debug, Clone)]
pub struct Options {
    /// Interface both servers bind to.
    pub host: String,
    /// JSON-RPC (HTTP) port.
    pub rpc_port: u16,
    /// WebSocket port.
    pub ws_port: u16,
    /// Milliseconds between slots; slots advance with wall time.
    pub slot_time_ms: u64,
    /// Repository root: `target/deploy/<p>.so` and `programs/<p>/idl/<p>.json` are read from it.
    pub root: PathBuf,
    /// Where generated keypairs and `localnet.json` are written.
    pub state_dir: PathBuf,
    /// Program keypair files given on the command line, by program name.
    pub program_keypairs: BTreeMap<String, PathBuf>,
    /// Upgrade authority keypair file; generated into the state dir when absent.
    pub upgrade_authority: Option<PathBuf>,
    /// Print surfnet's info logs too (warnings and errors are always printed).
    pub verbose: bool,
}

/// What the command line asked for.
#[derive(Debug)]
pub enum Command {
    /// Start the localnet.
    Run(Options),
    /// Print usage and exit.
    Help,
}

/// Usage text printed by `--help`.
pub const USAGE: &str = "\
futstar-localnet: Surfpool's surfnet (offline) with Futstar's programs deployed through the
upgradeable BPF loader.

Flags (environment variable in brackets):
  --host <ip>                  bind address            [FUTSTAR_LOCALNET_HOST]        127.0.0.1
  --rpc-port <port>            JSON-RPC port           [FUTSTAR_LOCALNET_RPC_PORT]    8899
  --ws-port <port>             WebSocket port          [FUTSTAR_LOCALNET_WS_PORT]     8900
  --slot-time-ms <ms>          slot time               [FUTSTAR_LOCALNET_SLOT_TIME_MS] 400
  --root <dir>                 repository root         [FUTSTAR_ROOT]                 current dir
  --state-dir <dir>            keys + localnet.json    [FUTSTAR_LOCALNET_STATE_DIR]   <root>/target/localnet
  --program-keypair <p>=<file> program id keypair (repeatable; p = momentum_oracle | futstar)
  --upgrade-authority <file>   upgrade authority keypair [FUTSTAR_LOCALNET_UPGRADE_AUTHORITY]
  --verbose                    also print surfnet's info logs
  --help
";

/// Parses `args` (without the program name) with `lookup` standing in for the environment.
pub fn parse(args: &[String], lookup: &dyn Fn(&str) -> Option<String>) -> Result<Command, String> {
    let root = match lookup("FUTSTAR_ROOT") {
        Some(root) => PathBuf::from(root),
        None => env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?,
    };
    let mut options = Options {
        host: lookup("FUTSTAR_LOCALNET_HOST").unwrap_or_else(|| "127.0.0.1".to_string()),
        rpc_port: env_number(lookup, "FUTSTAR_LOCALNET_RPC_PORT")?.unwrap_or(DEFAULT_RPC_PORT),
        ws_port: env_number(lookup, "FUTSTAR_LOCALNET_WS_PORT")?.unwrap_or(DEFAULT_WS_PORT),
        slot_time_ms: env_number(lookup, "FUTSTAR_LOCALNET_SLOT_TIME_MS")?.unwrap_or(DEFAULT_SLOT_TIME_MS),
        state_dir: PathBuf::new(),
        root,
        program_keypairs: BTreeMap::new(),
        upgrade_authority: lookup("FUTSTAR_LOCALNET_UPGRADE_AUTHORITY").map(PathBuf::from),
        verbose: false,
    };
    let mut state_dir = lookup("FUTSTAR_LOCALNET_STATE_DIR").map(PathBuf::from);

    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let mut value = || rest.next().cloned().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--verbose" => options.verbose = true,
            "--host" => options.host = value()?,
            "--rpc-port" => options.rpc_port = number(flag, &value()?)?,
            "--ws-port" => options.ws_port = number(flag, &value()?)?,
            "--slot-time-ms" => options.slot_time_ms = number(flag, &value()?)?,
            "--root" => options.root = PathBuf::from(value()?),
            "--state-dir" => state_dir = Some(PathBuf::from(value()?)),
            "--upgrade-authority" => options.upgrade_authority = Some(PathBuf::from(value()?)),
            "--program-keypair" => {
                let pair = value()?;
                let (name, path) = pair
                    .split_once('=')
                    .ok_or_else(|| format!("--program-keypair expects <program>=<file>, got {pair:?}"))?;
                options.program_keypairs.insert(name.to_string(), PathBuf::from(path));
            }
            other => return Err(format!("unknown flag {other:?} (see --help)")),
        }
    }

    if options.slot_time_ms == 0 {
        return Err("--slot-time-ms must be at least 1".to_string());
    }
    if options.rpc_port == options.ws_port {
        return Err(format!("--rpc-port and --ws-port are both {}", options.rpc_port));
    }
    options.state_dir = state_dir.unwrap_or_else(|| options.root.join("target/localnet"));
    Ok(Command::Run(options))
}

fn number<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("{name} expects a non-negative integer, got {text:?}"))
}

fn env_number<T: std::str::FromStr>(lookup: &dyn Fn(&str) -> Option<String>, var: &str) -> Result<Option<T>, String> {
    lookup(var).map(|text| number(var, &text)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str], vars: &[(&str, &str)]) -> Result<Options, String> {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let vars: BTreeMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        match parse(&args, &|key| vars.get(key).cloned())? {
            Command::Run(options) => Ok(options),
            Command::Help => Err("help".to_string()),
        }
    }

    #[test]
    fn defaults_are_solana_ports_and_mainnet_slot_time() {
        let options = run(&[], &[("FUTSTAR_ROOT", "/repo")]).unwrap();
        assert_eq!((options.rpc_port, options.ws_port, options.slot_time_ms), (8899, 8900, 400));
        assert_eq!(options.state_dir, PathBuf::from("/repo/target/localnet"));
    }

    #[test]
    fn flags_win_over_environment() {
        let options = run(
            &["--rpc-port", "9000", "--slot-time-ms", "50", "--program-keypair", "futstar=/k.json"],
            &[("FUTSTAR_ROOT", "/r"), ("FUTSTAR_LOCALNET_RPC_PORT", "1"), ("FUTSTAR_LOCALNET_WS_PORT", "9001")],
        )
        .unwrap();
        assert_eq!((options.rpc_port, options.ws_port, options.slot_time_ms), (9000, 9001, 50));
        assert_eq!(options.program_keypairs.get("futstar"), Some(&PathBuf::from("/k.json")));
    }

    #[test]
    fn errors_name_the_flag_or_variable() {
        assert!(run(&["--rpc-port", "x"], &[("FUTSTAR_ROOT", "/r")]).unwrap_err().contains("--rpc-port"));
        assert!(run(&[], &[("FUTSTAR_ROOT", "/r"), ("FUTSTAR_LOCALNET_WS_PORT", "-1")])
            .unwrap_err()
            .contains("FUTSTAR_LOCALNET_WS_PORT"));
        assert!(run(&["--slot-time-ms", "0"], &[("FUTSTAR_ROOT", "/r")]).unwrap_err().contains("--slot-time-ms"));
        assert!(run(&["--program-keypair", "futstar"], &[("FUTSTAR_ROOT", "/r")])
            .unwrap_err()
            .contains("--program-keypair"));
        assert!(run(&["--bogus"], &[("FUTSTAR_ROOT", "/r")]).unwrap_err().contains("--bogus"));
    }
}
