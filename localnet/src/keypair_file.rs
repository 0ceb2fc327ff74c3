//! Keypair files in the Solana CLI format (a JSON array of 64 bytes).

use std::{fs, path::Path};

use solana_keypair::{Keypair, read_keypair_file, write_keypair_file};

/// Reads a keypair file that must exist (one the user named on the command line).
pub fn read_required(path: &Path, what: &str) -> Result<Keypair, String> {
    read_keypair_file(path).map_err(|e| format!("{what} keypair {}: {e}", path.display()))
}

/// Reads the keypair at `path`, generating and writing a fresh one first when the file is absent,
/// so program ids stay stable across restarts that share a state dir.
pub fn read_or_generate(path: &Path, what: &str) -> Result<(Keypair, bool), String> {
    if path.exists() {
        return read_required(path, what).map(|keypair| (keypair, false));
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("creating {}: {e}", parent.display()))?;
    }
    let keypair = Keypair::new();
    write_keypair_file(&keypair, path).map_err(|e| format!("writing {what} keypair {}: {e}", path.display()))?;
    Ok((keypair, true))
}
