//! The hand-written IDL agrees with the program: every discriminator recomputed with sha256 and
//! compared to the program's constants, every error code, and every type's Borsh size.
use momentum_oracle::{
    error::ALL_ERRORS,
    events,
    instructions::{self, discriminator_key},
    state::{feed::FEED_DISCRIMINATOR, feed::FEED_LEN, oracle_config::CONFIG_DISCRIMINATOR, oracle_config::CONFIG_LEN},
};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn idl() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/idl/momentum_oracle.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn sha8(preimage: &str) -> [u8; 8] {
    Sha256::digest(preimage.as_bytes())[..8].try_into().unwrap()
}

fn bytes8(value: &Value) -> [u8; 8] {
    let list: Vec<u8> = value.as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8).collect();
    list.try_into().unwrap()
}

#[test]
fn instruction_discriminators_match_the_program() {
    let program: [(&str, u64); 7] = [
        ("config_init", instructions::config_init::DISCRIMINATOR),
        ("config_propose_change", instructions::config_propose_change::DISCRIMINATOR),
        ("config_apply_change", instructions::config_apply_change::DISCRIMINATOR),
        ("config_cancel_change", instructions::config_cancel_change::DISCRIMINATOR),
        ("config_set_paused", instructions::config_set_paused::DISCRIMINATOR),
        ("feed_create", instructions::feed_create::DISCRIMINATOR),
        ("feed_push_update", instructions::feed_push_update::DISCRIMINATOR),
    ];
    let idl = idl();
    let listed = idl["instructions"].as_array().unwrap();
    assert_eq!(listed.len(), program.len());
    for (name, key) in program {
        let entry = listed.iter().find(|i| i["name"] == name).unwrap_or_else(|| panic!("{name} missing from IDL"));
        let disc = bytes8(&entry["discriminator"]);
        assert_eq!(disc, sha8(&format!("global:{name}")), "{name}");
        assert_eq!(discriminator_key(disc), key, "{name}");
    }
}

#[test]
fn account_and_event_discriminators_match_the_program() {
    let idl = idl();
    let accounts = [("Feed", FEED_DISCRIMINATOR), ("OracleConfig", CONFIG_DISCRIMINATOR)];
    for (name, disc) in accounts {
        let entry = idl["accounts"].as_array().unwrap().iter().find(|a| a["name"] == name).unwrap();
        assert_eq!(bytes8(&entry["discriminator"]), disc, "{name}");
        assert_eq!(disc, sha8(&format!("account:{name}")), "{name}");
    }
    let program_events = [
        ("ConfigInitialized", events::CONFIG_INITIALIZED),
        ("ConfigChangeProposed", events::CONFIG_CHANGE_PROPOSED),
        ("ConfigChangeApplied", events::CONFIG_CHANGE_APPLIED),
        ("ConfigChangeCancelled", events::CONFIG_CHANGE_CANCELLED),
        ("ConfigPausedSet", events::CONFIG_PAUSED_SET),
        ("FeedCreated", events::FEED_CREATED),
        ("FeedUpdated", events::FEED_UPDATED),
    ];
    assert_eq!(idl["events"].as_array().unwrap().len(), program_events.len());
    for (name, disc) in program_events {
        let entry = idl["events"].as_array().unwrap().iter().find(|e| e["name"] == name).unwrap();
        assert_eq!(bytes8(&entry["discriminator"]), disc, "{name}");
        assert_eq!(disc, sha8(&format!("event:{name}")), "{name}");
    }
}

#[test]
fn errors_match_the_program() {
    let idl = idl();
    let listed: Vec<(u32, String)> = idl["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["code"].as_u64().unwrap() as u32, e["name"].as_str().unwrap().to_string()))
        .collect();
    let program: Vec<(u32, String)> = ALL_ERRORS.iter().map(|e| (*e as u32, format!("{e:?}"))).collect();
    assert_eq!(listed, program);
    for (i, (code, _)) in program.iter().enumerate() {
        assert_eq!(*code, 6000 + i as u32, "codes are dense from 6000");
    }
}

fn borsh_size(idl: &Value, ty: &Value) -> usize {
    match ty {
        Value::String(name) => match name.as_str() {
            "u8" | "bool" => 1,
            "u16" => 2,
            "u32" => 4,
            "u64" | "i64" => 8,
            "pubkey" => 32,
            other => panic!("unsized type {other}"),
        },
        Value::Object(map) if map.contains_key("array") => {
            let array = map["array"].as_array().unwrap();
            borsh_size(idl, &array[0]) * array[1].as_u64().unwrap() as usize
        }
        Value::Object(map) if map.contains_key("defined") => {
            let name = map["defined"]["name"].as_str().unwrap();
            struct_size(idl, name)
        }
        other => panic!("unexpected type {other}"),
    }
}

fn struct_size(idl: &Value, name: &str) -> usize {
    let ty = idl["types"].as_array().unwrap().iter().find(|t| t["name"] == name).unwrap_or_else(|| panic!("type {name}"));
    ty["type"]["fields"].as_array().unwrap().iter().map(|f| borsh_size(idl, &f["type"])).sum()
}

#[test]
fn type_layouts_have_the_program_sizes() {
    let idl = idl();
    assert_eq!(8 + struct_size(&idl, "Feed"), FEED_LEN);
    assert_eq!(8 + struct_size(&idl, "OracleConfig"), CONFIG_LEN);
    assert_eq!(struct_size(&idl, "ConfigParams"), momentum_oracle::state::config_params::PARAMS_LEN);
    let event_bodies = [
        ("ConfigInitialized", 32 + 304),
        ("ConfigChangeProposed", 32 + 8 + 304),
        ("ConfigChangeApplied", 32 + 304),
        ("ConfigChangeCancelled", 32),
        ("ConfigPausedSet", 33),
        ("FeedCreated", 5 * 32 + 8),
        ("FeedUpdated", 32 + 24 + 4 + 10),
    ];
    for (name, size) in event_bodies {
        assert_eq!(struct_size(&idl, name), size, "{name}");
    }
}
