//! Registers a program's Anchor-format IDL with surfnet (`surfnet_registerIdl`), so its RPC can
//! decode the program's accounts (e.g. `jsonParsed` reads) and clients can fetch the IDL back with
//! `surfnet_getActiveIdl`.

use std::{fs, path::Path};

use serde_json::{Value, json};
use solana_pubkey::Pubkey;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use solana_rpc_client_api::request::RpcRequest;

/// What happened to one program's IDL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdlOutcome {
    /// Registered under the deployed program id.
    Registered,
    /// No IDL file: nothing registered.
    Absent,
}

impl IdlOutcome {
    /// Short word for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            IdlOutcome::Registered => "registered",
            IdlOutcome::Absent => "absent",
        }
    }
}

/// Registers the IDL at `path` for `program_id`. The IDL's `address` is replaced by the deployed
/// program id (program ids are per state dir). A missing file is not an error; an unreadable or
/// rejected one is, naming the file.
pub async fn register_idl(rpc: &RpcClient, path: &Path, program_id: &Pubkey) -> Result<IdlOutcome, String> {
    if !path.exists() {
        return Ok(IdlOutcome::Absent);
    }
    let text = fs::read_to_string(path).map_err(|e| format!("reading IDL {}: {e}", path.display()))?;
    let mut idl: Value = serde_json::from_str(&text).map_err(|e| format!("IDL {} is not JSON: {e}", path.display()))?;
    let object = idl.as_object_mut().ok_or_else(|| format!("IDL {} is not a JSON object", path.display()))?;
    object.insert("address".to_string(), Value::String(program_id.to_string()));
    rpc.send::<Value>(RpcRequest::Custom { method: "surfnet_registerIdl" }, json!([idl]))
        .await
        .map_err(|e| format!("surfnet_registerIdl rejected {}: {e}", path.display()))?;
    Ok(IdlOutcome::Registered)
}
