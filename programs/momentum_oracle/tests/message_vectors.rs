//! `tests/vectors/oracle_message.json`: inputs → exact message bytes, and invalid messages →
//! error codes. The keeper checks the same file, so both sides build identical bytes.
use std::str::FromStr;

use momentum_oracle::{
    error::OracleError,
    message::{self, Message},
    state::feed::{FeedStatus, FeedUpdate},
};
use serde_json::Value;
use solana_address::Address;

fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/oracle_message.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("vectors file")).expect("valid JSON")
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex")).collect()
}

fn status(name: &str) -> FeedStatus {
    match name {
        "Scheduled" => FeedStatus::Scheduled,
        "Live" => FeedStatus::Live,
        "HalfTime" => FeedStatus::HalfTime,
        "Ended" => FeedStatus::Ended,
        "Abandoned" => FeedStatus::Abandoned,
        other => panic!("unknown status {other}"),
    }
}

fn address(value: &Value) -> Address {
    Address::from_str(value.as_str().expect("base58 string")).expect("address")
}

fn update(value: &Value) -> ([u8; 32], FeedUpdate) {
    let components: Vec<u16> = value["components"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap() as u16).collect();
    let update = FeedUpdate {
        seq: value["seq"].as_str().unwrap().parse().unwrap(),
        ts: value["ts"].as_str().unwrap().parse().unwrap(),
        status: status(value["status"].as_str().unwrap()),
        suspended: value["suspended"].as_bool().unwrap(),
        index_bps: value["index_bps"].as_u64().unwrap() as u16,
        components: components.try_into().unwrap(),
    };
    (address(&value["feed"]).to_bytes(), update)
}

#[test]
fn every_case_encodes_to_the_exact_bytes_and_parses_back() {
    let vectors = vectors();
    let cases = vectors["cases"].as_array().unwrap();
    assert!(cases.len() >= 5);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let program = address(&case["program_id"]);
        let updates: Vec<_> = case["updates"].as_array().unwrap().iter().map(update).collect();
        let bytes = message::encode(&program.to_bytes(), &updates);
        assert_eq!(bytes, hex(case["message_hex"].as_str().unwrap()), "{name}");
        assert_eq!(bytes.len() as u64, case["message_len"].as_u64().unwrap(), "{name}");
        let parsed = Message::parse(&bytes, &program).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(parsed.len(), updates.len());
        for (i, (feed, expected)) in updates.iter().enumerate() {
            let (got_feed, got) = parsed.update(i).unwrap();
            assert_eq!((got_feed, got), (feed, *expected), "{name} update {i}");
        }
    }
}

#[test]
fn every_invalid_message_fails_with_its_code() {
    let vectors = vectors();
    for case in vectors["invalid"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let program = address(&case["program_id"]);
        let bytes = hex(case["message_hex"].as_str().unwrap());
        let result: Result<(), OracleError> = Message::parse(&bytes, &program)
            .and_then(|m| (0..m.len()).try_for_each(|i| m.update(i).map(|_| ())));
        let err = result.expect_err(name);
        assert_eq!(err as u32, case["code"].as_u64().unwrap() as u32, "{name}: {err:?}");
        assert_eq!(format!("{err:?}"), case["error"].as_str().unwrap(), "{name}");
    }
}
