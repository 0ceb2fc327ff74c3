//! Host tests of the offsets checks (the precompile's own signature check runs in LiteSVM tests).
use super::*;
use crate::state::config_params::{tests::encode, PARAMS_LEN};

const MESSAGE: &[u8] = b"signed momentum message";

/// One entry: (key, signature instruction index, key instruction index, message instruction index).
fn precompile_data(entries: &[([u8; 32], u16, u16, u16)], message: &[u8]) -> Vec<u8> {
    let count = entries.len();
    let body_start = HEADER_LEN + count * OFFSETS_LEN;
    let message_offset = body_start + count * (32 + 64);
    let mut data = vec![count as u8, 0];
    for (i, (_, sig_ix, key_ix, msg_ix)) in entries.iter().enumerate() {
        let key_offset = body_start + i * 96;
        let signature_offset = key_offset + 32;
        for value in [signature_offset as u16, *sig_ix, key_offset as u16, *key_ix, message_offset as u16, message.len() as u16, *msg_ix] {
            data.extend_from_slice(&value.to_le_bytes());
        }
    }
    for (key, ..) in entries {
        data.extend_from_slice(key);
        data.extend_from_slice(&[0xAB; 64]);
    }
    data.extend_from_slice(message);
    data
}

fn signers() -> [u8; PARAMS_LEN] {
    encode([1; 32], &[[2; 32], [3; 32], [4; 32]], 2, (100, 60, 5, 3600))
}

fn count(data: &[u8]) -> Result<u8, OracleError> {
    let params = signers();
    let mut seen = 0u8;
    count_signers(4, data, MESSAGE, &ParamsView::new(&params), &mut seen)?;
    Ok(seen.count_ones() as u8)
}

const SELF: u16 = CURRENT_INSTRUCTION;

#[test]
fn distinct_configured_signers_are_counted() {
    assert_eq!(count(&precompile_data(&[([2; 32], SELF, SELF, SELF)], MESSAGE)), Ok(1));
    assert_eq!(count(&precompile_data(&[([2; 32], SELF, SELF, SELF), ([4; 32], 4, 4, 4)], MESSAGE)), Ok(2));
}

#[test]
fn a_key_counted_twice_is_rejected() {
    let data = precompile_data(&[([3; 32], SELF, SELF, SELF), ([3; 32], SELF, SELF, SELF)], MESSAGE);
    assert_eq!(count(&data), Err(OracleError::DuplicateSigner));
}

#[test]
fn unknown_keys_are_rejected() {
    let data = precompile_data(&[([2; 32], SELF, SELF, SELF), ([9; 32], SELF, SELF, SELF)], MESSAGE);
    assert_eq!(count(&data), Err(OracleError::UnknownSigner));
    let data = precompile_data(&[([0; 32], SELF, SELF, SELF)], MESSAGE);
    assert_eq!(count(&data), Err(OracleError::UnknownSigner), "an empty slot is not a signer");
}

#[test]
fn indices_pointing_at_another_instruction_are_rejected() {
    for (sig, key, msg) in [(3, SELF, SELF), (SELF, 5, SELF), (SELF, SELF, 0), (SELF, SELF, 3)] {
        let data = precompile_data(&[([2; 32], sig, key, msg)], MESSAGE);
        assert_eq!(count(&data), Err(OracleError::Ed25519OffsetsElsewhere), "{sig} {key} {msg}");
    }
}

#[test]
fn a_different_message_is_rejected() {
    let data = precompile_data(&[([2; 32], SELF, SELF, SELF)], b"signed momentum messagf");
    assert_eq!(count(&data), Err(OracleError::SignedMessageMismatch));
    let data = precompile_data(&[([2; 32], SELF, SELF, SELF)], &MESSAGE[..MESSAGE.len() - 1]);
    assert_eq!(count(&data), Err(OracleError::SignedMessageMismatch), "a prefix is not the message");
}

#[test]
fn truncated_or_empty_precompile_data_is_malformed() {
    let data = precompile_data(&[([2; 32], SELF, SELF, SELF)], MESSAGE);
    assert_eq!(count(&[]), Err(OracleError::Ed25519Malformed));
    assert_eq!(count(&[0, 0]), Err(OracleError::Ed25519Malformed));
    assert_eq!(count(&data[..HEADER_LEN + OFFSETS_LEN - 1]), Err(OracleError::Ed25519Malformed));
    assert_eq!(count(&data[..data.len() - 1]), Err(OracleError::Ed25519Malformed));
    let mut beyond = data.clone();
    beyond[2..4].copy_from_slice(&(data.len() as u16 - 63).to_le_bytes());
    assert_eq!(count(&beyond), Err(OracleError::Ed25519Malformed), "signature past the end");
}

#[test]
fn program_id_constant_is_the_precompile() {
    assert_eq!(ED25519_PROGRAM_ID, solana_sdk_ids::ed25519_program::ID.to_bytes());
}

#[test]
fn a_key_seen_in_an_earlier_instruction_is_a_duplicate() {
    let params = signers();
    let view = ParamsView::new(&params);
    let mut seen = 0u8;
    count_signers(4, &precompile_data(&[([3; 32], SELF, SELF, SELF)], MESSAGE), MESSAGE, &view, &mut seen).unwrap();
    let again = count_signers(3, &precompile_data(&[([3; 32], SELF, SELF, SELF)], MESSAGE), MESSAGE, &view, &mut seen);
    assert_eq!(again, Err(OracleError::DuplicateSigner));
}
