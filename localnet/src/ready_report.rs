//! What runs where, once the localnet is ready: human text, then one JSON line
//! `{"event":"ready",...}` that scripts wait for (also written to `<state-dir>/localnet.json`).

use std::{fs, path::PathBuf};

use serde_json::{Value, json};
use solana_pubkey::Pubkey;

use crate::idl_register::IdlOutcome;

/// One deployed program, as reported.
pub struct ProgramReport {
    /// Crate name.
    pub name: &'static str,
    /// Program id.
    pub program_id: Pubkey,
    /// ProgramData account.
    pub programdata: Pubkey,
    /// Keypair file of the program id.
    pub keypair_path: PathBuf,
    /// Deployed ELF.
    pub so_path: PathBuf,
    /// Its size in bytes.
    pub so_bytes: usize,
    /// Transactions the deployment took.
    pub transactions: usize,
    /// IDL registration result.
    pub idl: IdlOutcome,
}

/// Everything the ready report says.
pub struct ReadyReport {
    /// JSON-RPC URL.
    pub rpc_url: String,
    /// WebSocket URL.
    pub ws_url: String,
    /// Milliseconds per slot.
    pub slot_time_ms: u64,
    /// Upgrade authority (and deploy fee payer).
    pub upgrade_authority: Pubkey,
    /// Its keypair file.
    pub upgrade_authority_path: PathBuf,
    /// State dir.
    pub state_dir: PathBuf,
    /// Deployed programs.
    pub programs: Vec<ProgramReport>,
    /// Milliseconds from process start to ready.
    pub startup_ms: u128,
}

impl ReadyReport {
    /// The JSON form (one line on stdout, and `localnet.json`).
    pub fn to_json(&self) -> Value {
        let programs: serde_json::Map<String, Value> = self
            .programs
            .iter()
            .map(|p| {
                let entry = json!({
                    "programId": p.program_id.to_string(),
                    "programData": p.programdata.to_string(),
                    "keypair": p.keypair_path.display().to_string(),
                    "so": p.so_path.display().to_string(),
                    "soBytes": p.so_bytes,
                    "idl": p.idl.as_str(),
                });
                (p.name.to_string(), entry)
            })
            .collect();
        json!({
            "event": "ready",
            "rpcUrl": self.rpc_url,
            "wsUrl": self.ws_url,
            "slotTimeMs": self.slot_time_ms,
            "offline": true,
            "loader": "BPFLoaderUpgradeab1e11111111111111111111111",
            "upgradeAuthority": self.upgrade_authority.to_string(),
            "upgradeAuthorityKeypair": self.upgrade_authority_path.display().to_string(),
            "stateDir": self.state_dir.display().to_string(),
            "programs": programs,
            "startupMs": self.startup_ms,
            "surfpoolCore": "1.7.0",
        })
    }

    /// The human-readable block.
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "futstar-localnet ready (surfpool-core 1.7.0, offline) in {} ms\n  JSON-RPC   {}\n  WebSocket  {}\n  slot time  {} ms\n  upgrade authority {} ({})\n",
            self.startup_ms,
            self.rpc_url,
            self.ws_url,
            self.slot_time_ms,
            self.upgrade_authority,
            self.upgrade_authority_path.display()
        );
        for p in &self.programs {
            text.push_str(&format!(
                "  {:<16} {}  (upgradeable loader, {} bytes in {} transactions, IDL {}, keypair {})\n",
                p.name,
                p.program_id,
                p.so_bytes,
                p.transactions,
                p.idl.as_str(),
                p.keypair_path.display()
            ));
        }
        text.push_str("  cheatcodes: surfnet_timeTravel, surfnet_setAccount, ... (tests only)\n  Ctrl-C to stop");
        text
    }

    /// Writes `localnet.json` into the state dir.
    pub fn write_state_file(&self) -> Result<PathBuf, String> {
        let path = self.state_dir.join("localnet.json");
        let text = serde_json::to_string_pretty(&self.to_json()).map_err(|e| format!("encoding {}: {e}", path.display()))?;
        fs::write(&path, text + "\n").map_err(|e| format!("writing {}: {e}", path.display()))?;
        Ok(path)
    }
}
