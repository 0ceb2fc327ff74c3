//! Instruction builders, one per program instruction (Anchor discriminator + Borsh args).
use solana_address::Address;
use solana_instruction::{AccountMeta, Instruction};
use solana_signer::Signer;

use super::{anchor_discriminator, Oracle};

fn data(name: &str, args: &[u8]) -> Vec<u8> {
    let mut out = anchor_discriminator(&format!("global:{name}")).to_vec();
    out.extend_from_slice(args);
    out
}

/// `config_init(params)` signed by the upgrade authority.
pub fn config_init(oracle: &Oracle, params: &[u8]) -> Instruction {
    Instruction {
        program_id: oracle.program_id,
        accounts: vec![
            AccountMeta::new(oracle.authority.pubkey(), true),
            AccountMeta::new(oracle.config, false),
            AccountMeta::new_readonly(oracle.program_data, false),
            AccountMeta::new_readonly(solana_sdk_ids::system_program::ID, false),
        ],
        data: data("config_init", params),
    }
}

/// `config_propose_change(params)` signed by the admin.
pub fn config_propose_change(oracle: &Oracle, params: &[u8]) -> Instruction {
    admin_config(oracle, "config_propose_change", params)
}

/// `config_cancel_change()` signed by the admin.
pub fn config_cancel_change(oracle: &Oracle) -> Instruction {
    admin_config(oracle, "config_cancel_change", &[])
}

/// `config_set_paused(paused)` signed by the admin.
pub fn config_set_paused(oracle: &Oracle, paused: u8) -> Instruction {
    admin_config(oracle, "config_set_paused", &[paused])
}

fn admin_config(oracle: &Oracle, name: &str, args: &[u8]) -> Instruction {
    Instruction {
        program_id: oracle.program_id,
        accounts: vec![AccountMeta::new_readonly(oracle.admin.pubkey(), true), AccountMeta::new(oracle.config, false)],
        data: data(name, args),
    }
}

/// `config_apply_change()` (permissionless).
pub fn config_apply_change(oracle: &Oracle) -> Instruction {
    Instruction {
        program_id: oracle.program_id,
        accounts: vec![AccountMeta::new(oracle.config, false)],
        data: data("config_apply_change", &[]),
    }
}

/// `feed_create(match_id, home_team, away_team)` signed by the admin.
pub fn feed_create(oracle: &Oracle, match_id: &[u8; 32], home: &[u8; 32], away: &[u8; 32]) -> Instruction {
    let mut args = match_id.to_vec();
    args.extend_from_slice(home);
    args.extend_from_slice(away);
    Instruction {
        program_id: oracle.program_id,
        accounts: vec![
            AccountMeta::new(oracle.admin.pubkey(), true),
            AccountMeta::new_readonly(oracle.config, false),
            AccountMeta::new(oracle.feed_address(match_id), false),
            AccountMeta::new_readonly(solana_sdk_ids::system_program::ID, false),
        ],
        data: data("feed_create", &args),
    }
}

/// `feed_push_update(message)` with the Instructions sysvar and `feeds` in message order.
pub fn feed_push_update(oracle: &Oracle, feeds: &[Address], message: &[u8]) -> Instruction {
    let mut args = (message.len() as u32).to_le_bytes().to_vec();
    args.extend_from_slice(message);
    let mut accounts = vec![
        AccountMeta::new_readonly(oracle.config, false),
        AccountMeta::new_readonly(solana_sdk_ids::sysvar::instructions::ID, false),
    ];
    accounts.extend(feeds.iter().map(|feed| AccountMeta::new(*feed, false)));
    Instruction { program_id: oracle.program_id, accounts, data: data("feed_push_update", &args) }
}
