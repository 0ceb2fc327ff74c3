//! The hand-written IDL (`idl/futstar.json`) against the program: every discriminator is
//! recomputed with sha256 and compared with the program's constants; errors match the enum.
mod setup;

use futstar::{events, instructions as ix, state};
use serde_json::Value;

fn idl() -> Value {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("idl/futstar.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn disc(v: &Value) -> [u8; 8] {
    let bytes: Vec<u8> = v["discriminator"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8).collect();
    bytes.try_into().unwrap()
}

#[test]
fn instruction_discriminators_match_the_program() {
    let program: &[(&str, [u8; 8])] = &[
        ("exchange_init", ix::exchange_init::DISCRIMINATOR),
        ("exchange_propose_config", ix::exchange_propose_config::DISCRIMINATOR),
        ("exchange_apply_config", ix::exchange_apply_config::DISCRIMINATOR),
        ("exchange_set_paused", ix::exchange_set_paused::DISCRIMINATOR),
        ("pool_create", ix::pool_create::DISCRIMINATOR),
        ("pool_deposit", ix::pool_deposit::DISCRIMINATOR),
        ("pool_withdraw", ix::pool_withdraw::DISCRIMINATOR),
        ("pool_set_limits", ix::pool_set_limits::DISCRIMINATOR),
        ("trader_init", ix::trader_init::DISCRIMINATOR),
        ("trader_set_limits", ix::trader_set_limits::DISCRIMINATOR),
        ("position_request_open", ix::position_request_open::DISCRIMINATOR),
        ("position_fill_open", ix::position_fill_open::DISCRIMINATOR),
        ("position_request_close", ix::position_request_close::DISCRIMINATOR),
        ("position_fill_close", ix::position_fill_close::DISCRIMINATOR),
        ("position_cancel_request", ix::position_cancel_request::DISCRIMINATOR),
        ("position_settle", ix::position_settle::DISCRIMINATOR),
        ("position_stop_out", ix::position_stop_out::DISCRIMINATOR),
        ("pool_settle_all", ix::pool_settle_all::DISCRIMINATOR),
        ("pool_void", ix::pool_void::DISCRIMINATOR),
        ("treasury_withdraw", ix::treasury_withdraw::DISCRIMINATOR),
    ];
    let idl = idl();
    let listed = idl["instructions"].as_array().unwrap();
    assert_eq!(listed.len(), program.len());
    for (name, constant) in program {
        let entry = listed.iter().find(|i| i["name"] == *name).unwrap_or_else(|| panic!("{name} missing from IDL"));
        let expected = setup::anchor_discriminator(&format!("global:{name}"));
        assert_eq!(*constant, expected, "{name} constant");
        assert_eq!(disc(entry), expected, "{name} IDL");
    }
}

#[test]
fn account_and_event_discriminators_match_the_program() {
    let idl = idl();
    let accounts: &[(&str, [u8; 8])] = &[
        ("Exchange", state::exchange::Exchange::DISCRIMINATOR),
        ("Pool", state::pool::Pool::DISCRIMINATOR),
        ("Trader", state::trader::Trader::DISCRIMINATOR),
        ("Position", state::position::Position::DISCRIMINATOR),
    ];
    for (name, constant) in accounts {
        let entry = idl["accounts"].as_array().unwrap().iter().find(|a| a["name"] == *name).unwrap();
        assert_eq!(*constant, setup::anchor_discriminator(&format!("account:{name}")), "{name}");
        assert_eq!(disc(entry), *constant, "{name}");
    }
    let events: &[(&str, [u8; 8])] = &[
        ("ExchangeInitialized", events::EXCHANGE_INITIALIZED),
        ("ConfigProposed", events::CONFIG_PROPOSED),
        ("ConfigApplied", events::CONFIG_APPLIED),
        ("PausedSet", events::PAUSED_SET),
        ("PoolCreated", events::POOL_CREATED),
        ("PoolLimitsSet", events::POOL_LIMITS_SET),
        ("LiquidityDeposited", events::LIQUIDITY_DEPOSITED),
        ("LiquidityWithdrawn", events::LIQUIDITY_WITHDRAWN),
        ("TraderInitialized", events::TRADER_INITIALIZED),
        ("TraderLimitsSet", events::TRADER_LIMITS_SET),
        ("OpenRequested", events::OPEN_REQUESTED),
        ("OpenFilled", events::OPEN_FILLED),
        ("RequestRejected", events::REQUEST_REJECTED),
        ("CloseRequested", events::CLOSE_REQUESTED),
        ("RequestCancelled", events::REQUEST_CANCELLED),
        ("PositionClosed", events::POSITION_CLOSED),
        ("PositionVoided", events::POSITION_VOIDED),
        ("PoolStatusChanged", events::POOL_STATUS_CHANGED),
        ("TreasuryWithdrawn", events::TREASURY_WITHDRAWN),
        ("SampleEvicted", events::SAMPLE_EVICTED),
    ];
    assert_eq!(idl["events"].as_array().unwrap().len(), events.len());
    for (name, constant) in events {
        let entry = idl["events"].as_array().unwrap().iter().find(|a| a["name"] == *name).unwrap();
        assert_eq!(*constant, setup::anchor_discriminator(&format!("event:{name}")), "{name}");
        assert_eq!(disc(entry), *constant, "{name}");
    }
}

#[test]
fn account_sizes_match_the_idl_layouts() {
    use state::{exchange::Exchange, pool::Pool, position::Position, trader::Trader};
    let idl = idl();
    let size_of = |ty: &Value, types: &[Value]| -> usize { type_size(ty, types) };
    let types = idl["types"].as_array().unwrap().clone();
    for (name, len) in [("Exchange", Exchange::LEN), ("Pool", Pool::LEN), ("Trader", Trader::LEN), ("Position", Position::LEN)] {
        let def = types.iter().find(|t| t["name"] == name).unwrap();
        let body: usize = def["type"]["fields"].as_array().unwrap().iter().map(|f| size_of(&f["type"], &types)).sum();
        assert_eq!(8 + body, len, "{name}");
    }
}

fn type_size(ty: &Value, types: &[Value]) -> usize {
    match ty {
        Value::String(s) => match s.as_str() {
            "u8" | "bool" => 1,
            "u16" => 2,
            "u32" => 4,
            "u64" | "i64" => 8,
            "pubkey" => 32,
            other => panic!("type {other}"),
        },
        Value::Object(o) if o.contains_key("array") => {
            let a = o["array"].as_array().unwrap();
            type_size(&a[0], types) * a[1].as_u64().unwrap() as usize
        }
        Value::Object(o) if o.contains_key("defined") => {
            let name = &o["defined"]["name"];
            let def = types.iter().find(|t| &t["name"] == name).unwrap();
            def["type"]["fields"].as_array().unwrap().iter().map(|f| type_size(&f["type"], types)).sum()
        }
        other => panic!("type {other}"),
    }
}

#[test]
fn pinned_program_accounts_are_the_real_programs() {
    let system = solana_sdk_ids::system_program::ID.to_string();
    let token = setup::token_program_id().to_string();
    let mut pinned = 0;
    for ix in idl()["instructions"].as_array().unwrap() {
        for account in ix["accounts"].as_array().unwrap() {
            let expected = match account["name"].as_str().unwrap() {
                "system_program" => &system,
                "token_program" => &token,
                _ => continue,
            };
            assert_eq!(account["address"].as_str(), Some(expected.as_str()), "{} {}", ix["name"], account["name"]);
            pinned += 1;
        }
    }
    assert!(pinned >= 13, "only {pinned} program accounts listed");
}
