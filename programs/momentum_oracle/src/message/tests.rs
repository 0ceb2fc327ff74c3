use super::*;

fn sample_update(seq: u64) -> FeedUpdate {
    FeedUpdate {
        seq,
        ts: 1_700_000_000,
        status: FeedStatus::Live,
        suspended: true,
        index_bps: 6123,
        components: [1, 2, 3, 4, 10_000],
    }
}

#[test]
fn encode_then_parse_round_trips() {
    let program = Address::new_from_array([5; 32]);
    let bytes = encode(&[5; 32], &[([1; 32], sample_update(1)), ([2; 32], sample_update(2))]);
    assert_eq!(bytes.len(), HEADER_LEN + 2 * UPDATE_LEN);
    let message = Message::parse(&bytes, &program).unwrap();
    assert_eq!(message.len(), 2);
    let (feed, update) = message.update(1).unwrap();
    assert_eq!(feed, &[2; 32]);
    assert_eq!(update, sample_update(2));
    assert_eq!(message.update(2).err(), Some(OracleError::MessageMalformed));
}

#[test]
fn header_errors_are_precise() {
    let program = Address::new_from_array([5; 32]);
    let good = encode(&[5; 32], &[([1; 32], sample_update(1))]);
    let parse = |bytes: &[u8]| Message::parse(bytes, &program).err();
    assert_eq!(parse(&good[..41]), Some(OracleError::MessageMalformed));
    assert_eq!(parse(&good[..good.len() - 1]), Some(OracleError::MessageMalformed));
    let mut trailing = good.clone();
    trailing.push(0);
    assert_eq!(parse(&trailing), Some(OracleError::MessageMalformed));
    let mut magic = good.clone();
    magic[0] = b'X';
    assert_eq!(parse(&magic), Some(OracleError::MessageMalformed));
    let mut version = good.clone();
    version[8] = 2;
    assert_eq!(parse(&version), Some(OracleError::MessageMalformed));
    let mut other_program = good.clone();
    other_program[9] = 6;
    assert_eq!(parse(&other_program), Some(OracleError::MessageWrongProgram));
    let mut zero = good.clone();
    zero[41] = 0;
    zero.truncate(HEADER_LEN);
    assert_eq!(parse(&zero), Some(OracleError::MessageMalformed));
    let seventeen: Vec<_> = (0..17).map(|i| ([i as u8; 32], sample_update(i))).collect();
    assert_eq!(parse(&encode(&[5; 32], &seventeen)), Some(OracleError::MessageMalformed));
}

#[test]
fn update_bytes_must_decode() {
    let program = Address::new_from_array([5; 32]);
    let mut bytes = encode(&[5; 32], &[([1; 32], sample_update(1))]);
    bytes[HEADER_LEN + 48] = 5;
    assert_eq!(Message::parse(&bytes, &program).unwrap().update(0).err(), Some(OracleError::InvalidStatus));
    bytes[HEADER_LEN + 48] = 1;
    bytes[HEADER_LEN + 49] = 2;
    assert_eq!(Message::parse(&bytes, &program).unwrap().update(0).err(), Some(OracleError::InvalidSuspendedFlag));
}
