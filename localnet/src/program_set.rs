//! The programs the localnet deploys: where their build and IDL live, and which keypair gives
//! each its program id.

use std::path::{Path, PathBuf};

use solana_keypair::Keypair;

use crate::{keypair_file, options::Options};

/// Deployed in this order: `futstar` reads `momentum_oracle` feeds.
pub const PROGRAM_NAMES: [&str; 2] = ["momentum_oracle", "futstar"];

/// One program to deploy.
pub struct ProgramToDeploy {
    /// Crate name, e.g. `futstar`.
    pub name: &'static str,
    /// `target/deploy/<name>.so`, the SBF build.
    pub so_path: PathBuf,
    /// `programs/<name>/idl/<name>.json` (may not exist).
    pub idl_path: PathBuf,
    /// The program account's keypair (its public key is the program id).
    pub keypair: Keypair,
    /// Where that keypair came from.
    pub keypair_path: PathBuf,
    /// True when the keypair was generated on this start.
    pub keypair_generated: bool,
}

/// Resolves every program's build, IDL and keypair; fails naming the missing file or the
/// unknown program given to `--program-keypair`.
pub fn resolve(options: &Options) -> Result<Vec<ProgramToDeploy>, String> {
    if let Some(unknown) = options.program_keypairs.keys().find(|name| !PROGRAM_NAMES.contains(&name.as_str())) {
        return Err(format!("--program-keypair names unknown program {unknown:?}; known: {PROGRAM_NAMES:?}"));
    }
    PROGRAM_NAMES.iter().map(|name| resolve_one(options, name)).collect()
}

fn resolve_one(options: &Options, name: &'static str) -> Result<ProgramToDeploy, String> {
    let so_path = options.root.join("target/deploy").join(format!("{name}.so"));
    if !so_path.is_file() {
        return Err(format!("{} missing: run scripts/build-programs.sh first", so_path.display()));
    }
    let idl_path = options.root.join("programs").join(name).join("idl").join(format!("{name}.json"));
    let (keypair, keypair_path, keypair_generated) = match options.program_keypairs.get(name) {
        Some(path) => (keypair_file::read_required(path, name)?, path.clone(), false),
        None => {
            let path = keys_dir(&options.state_dir).join(format!("{name}.json"));
            let (keypair, generated) = keypair_file::read_or_generate(&path, name)?;
            (keypair, path, generated)
        }
    };
    Ok(ProgramToDeploy { name, so_path, idl_path, keypair, keypair_path, keypair_generated })
}

/// Folder of generated keypairs inside the state dir.
pub fn keys_dir(state_dir: &Path) -> PathBuf {
    state_dir.join("keys")
}
