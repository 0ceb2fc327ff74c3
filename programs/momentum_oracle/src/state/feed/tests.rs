//! Unit tests of the Feed layout, ring lookup and update rules.
use super::*;
use crate::error::OracleError;

fn fresh(created_ts: i64) -> Vec<u8> {
    let mut data = vec![0u8; FEED_LEN];
    let config = Address::new_from_array([7; 32]);
    let identity = FeedIdentity {
        config: &config,
        match_id: &[9; 32],
        home_team: &[b'H'; 32],
        away_team: &[b'A'; 32],
        bump: 254,
        created_ts,
        created_slot: 11,
    };
    FeedMut::init(&mut data, &identity).unwrap();
    data
}

fn sample(ts: i64, index_bps: u16, suspended: bool) -> Sample {
    Sample { ts, index_bps, suspended, status: FeedStatus::Live }
}

fn with_samples(samples: &[Sample]) -> Vec<u8> {
    let mut data = fresh(0);
    let mut feed = FeedMut::from_bytes(&mut data).unwrap();
    for s in samples {
        feed.push_sample(s);
    }
    data
}

#[test]
fn layout_constants_match_the_contract() {
    assert_eq!(FEED_LEN, 8824);
    assert_eq!(RING_OFFSET, 184);
    assert_eq!(SAMPLE_LEN, 12);
    assert!(FEED_LEN <= 10 * 1024);
    use sha2::{Digest, Sha256};
    assert_eq!(FEED_DISCRIMINATOR[..], Sha256::digest(b"account:Feed")[..8]);
}

#[test]
fn init_writes_every_field_at_its_offset() {
    let data = fresh(1_700_000_000);
    assert_eq!(&data[..8], &FEED_DISCRIMINATOR);
    assert_eq!(&data[8..40], &[7; 32]);
    assert_eq!(&data[40..72], &[9; 32]);
    assert_eq!(&data[72..104], &[b'H'; 32]);
    assert_eq!(&data[104..136], &[b'A'; 32]);
    assert_eq!(data[136], 0);
    assert_eq!(data[138], 254);
    assert_eq!(u16::from_le_bytes([data[140], data[141]]), 5000);
    assert_eq!(i64::from_le_bytes(data[160..168].try_into().unwrap()), 1_700_000_000);
    assert_eq!(u64::from_le_bytes(data[168..176].try_into().unwrap()), 11);
    let view = FeedView::from_bytes(&data).unwrap();
    assert_eq!(view.config().as_ref(), &[7; 32]);
    assert_eq!(view.match_id(), &[9; 32]);
    assert_eq!(view.status().unwrap(), FeedStatus::Scheduled);
    assert!(!view.suspended());
    assert_eq!(view.index_bps(), 5000);
    assert_eq!(view.components(), [5000; 5]);
    assert_eq!(view.seq(), 0);
    assert_eq!(view.last_update_ts(), 1_700_000_000);
    assert_eq!(view.ring_len(), 0);
    assert_eq!(view.sample_at_or_after(0), None);
}

#[test]
fn record_writes_latest_state_and_sample_bytes() {
    let mut data = fresh(100);
    let update = FeedUpdate {
        seq: 3,
        ts: 105,
        status: FeedStatus::Live,
        suspended: true,
        index_bps: 5100,
        components: [1, 2, 3, 4, 10_000],
    };
    FeedMut::from_bytes(&mut data).unwrap().record(&update, 77);
    assert_eq!(data[136], 1);
    assert_eq!(data[137], 1);
    assert_eq!(&data[142..152], &[1, 0, 2, 0, 3, 0, 4, 0, 0x10, 0x27]);
    assert_eq!(u64::from_le_bytes(data[152..160].try_into().unwrap()), 3);
    assert_eq!(u64::from_le_bytes(data[168..176].try_into().unwrap()), 77);
    assert_eq!(u16::from_le_bytes([data[176], data[177]]), 1);
    assert_eq!(u16::from_le_bytes([data[178], data[179]]), 1);
    assert_eq!(&data[184..196], &[105, 0, 0, 0, 0, 0, 0, 0, 0xEC, 0x13, 1, 1]);
}

#[test]
fn from_bytes_rejects_wrong_length_discriminator_and_cursor() {
    let data = fresh(0);
    assert_eq!(FeedView::from_bytes(&data[..FEED_LEN - 1]).err(), Some(ProgramError::InvalidAccountData));
    let mut longer = data.clone();
    longer.push(0);
    assert!(FeedView::from_bytes(&longer).is_err());
    let mut cosplay = data.clone();
    cosplay[0] ^= 1;
    assert!(FeedView::from_bytes(&cosplay).is_err());
    let mut bad_head = data.clone();
    bad_head[176..178].copy_from_slice(&(RING_CAPACITY as u16).to_le_bytes());
    assert!(FeedView::from_bytes(&bad_head).is_err());
    let mut bad_len = data.clone();
    bad_len[178..180].copy_from_slice(&(RING_CAPACITY as u16 + 1).to_le_bytes());
    assert!(FeedView::from_bytes(&bad_len).is_err());
    let mut bad_status = data;
    bad_status[136] = 5;
    assert_eq!(FeedView::from_bytes(&bad_status).unwrap().status().err(), Some(ProgramError::InvalidAccountData));
}

#[test]
fn lookup_finds_exact_next_and_missing_samples() {
    let data = with_samples(&[sample(10, 5000, false), sample(12, 5100, false), sample(15, 5200, false)]);
    let view = FeedView::from_bytes(&data).unwrap();
    let at = |ts| view.sample_at_or_after(ts).map(|l| (l.sample.ts, l.evicted));
    assert_eq!(at(5), Some((10, false)), "before the first sample of a ring that never wrapped");
    assert_eq!(at(10), Some((10, false)));
    assert_eq!(at(11), Some((12, false)));
    assert_eq!(at(12), Some((12, false)));
    assert_eq!(at(13), Some((15, false)));
    assert_eq!(at(15), Some((15, false)));
    assert_eq!(at(16), None, "the oracle has not reached ts 16 yet");
    assert_eq!(view.latest_sample().unwrap().index_bps, 5200);
}

#[test]
fn lookup_with_equal_times_returns_the_first() {
    let data = with_samples(&[sample(10, 1, false), sample(10, 2, true), sample(11, 3, false)]);
    let view = FeedView::from_bytes(&data).unwrap();
    assert_eq!(view.sample_at_or_after(10).unwrap().sample.index_bps, 1);
}

#[test]
fn lookup_after_wrap_flags_eviction_only_before_the_oldest() {
    // 1000 samples at ts 0..1000: the ring keeps ts 280..=999.
    let samples: Vec<Sample> = (0..1000).map(|t| sample(t, (t % 10_000) as u16, false)).collect();
    let data = with_samples(&samples);
    let view = FeedView::from_bytes(&data).unwrap();
    assert_eq!(view.ring_len(), RING_CAPACITY);
    assert_eq!(view.ring_head(), 1000 % RING_CAPACITY);
    let lookup = view.sample_at_or_after(100).unwrap();
    assert_eq!((lookup.sample.ts, lookup.evicted), (280, true));
    let lookup = view.sample_at_or_after(280).unwrap();
    assert_eq!((lookup.sample.ts, lookup.evicted), (280, false));
    for ts in [281, 500, 719, 720, 721, 998, 999] {
        let lookup = view.sample_at_or_after(ts).unwrap();
        assert_eq!((lookup.sample.ts, lookup.evicted), (ts, false), "ts {ts}");
    }
    assert_eq!(view.sample_at_or_after(1000), None);
}

#[test]
fn lookup_agrees_with_a_linear_scan_at_every_ring_position() {
    for count in [1usize, 2, 719, 720, 721, 1439, 1440, 1441] {
        let samples: Vec<Sample> = (0..count as i64).map(|t| sample(3 * t + (t % 2), 0, t % 3 == 0)).collect();
        let data = with_samples(&samples);
        let view = FeedView::from_bytes(&data).unwrap();
        let retained = &samples[count.saturating_sub(RING_CAPACITY)..];
        for target in -1..(3 * count as i64 + 3) {
            let expected = retained.iter().find(|s| s.ts >= target).copied();
            let got = view.sample_at_or_after(target);
            assert_eq!(got.map(|l| l.sample), expected, "count {count} target {target}");
            let expected_unsuspended = retained.iter().find(|s| s.ts >= target && !s.suspended).copied();
            let got_unsuspended = view.unsuspended_sample_at_or_after(target);
            assert_eq!(got_unsuspended.map(|l| l.sample), expected_unsuspended, "count {count} target {target}");
            let evicted = count >= RING_CAPACITY && target < retained[0].ts;
            if let Some(lookup) = got {
                assert_eq!(lookup.evicted, evicted, "count {count} target {target}");
            }
        }
    }
}

#[test]
fn unsuspended_lookup_skips_suspended_samples_and_keeps_the_eviction_flag() {
    let mut samples: Vec<Sample> = (0..RING_CAPACITY as i64 + 5).map(|t| sample(t, 0, false)).collect();
    for s in samples.iter_mut().skip(5).take(3) {
        s.suspended = true; // ts 5, 6, 7: the three oldest retained
    }
    let data = with_samples(&samples);
    let view = FeedView::from_bytes(&data).unwrap();
    let lookup = view.unsuspended_sample_at_or_after(0).unwrap();
    assert_eq!((lookup.sample.ts, lookup.evicted), (8, true));
    let data = with_samples(&[sample(1, 0, false), sample(2, 0, true)]);
    let view = FeedView::from_bytes(&data).unwrap();
    assert_eq!(view.unsuspended_sample_at_or_after(2), None, "only suspended samples at or after ts 2");
}

fn rules(now: i64) -> UpdateRules {
    UpdateRules { max_move_bps_per_sec: 100, max_staleness_s: 60, max_future_skew_s: 5, now }
}

fn update(seq: u64, ts: i64, index_bps: u16) -> FeedUpdate {
    FeedUpdate { seq, ts, status: FeedStatus::Live, suspended: false, index_bps, components: [5000; 5] }
}

#[test]
fn update_check_accepts_a_normal_update() {
    let data = fresh(1000);
    let view = FeedView::from_bytes(&data).unwrap();
    assert_eq!(update(1, 1010, 6000).check(&view, &rules(1010)), Ok(()));
}

#[test]
fn update_check_rejects_each_rule_with_its_error() {
    let mut data = fresh(1000);
    FeedMut::from_bytes(&mut data).unwrap().record(&update(5, 1010, 5000), 1);
    let view = FeedView::from_bytes(&data).unwrap();
    let now = rules(1012);
    let check = |u: FeedUpdate| u.check(&view, &now);
    assert_eq!(check(update(5, 1011, 5000)), Err(OracleError::SeqNotIncreasing));
    assert_eq!(check(update(4, 1011, 5000)), Err(OracleError::SeqNotIncreasing));
    assert_eq!(check(update(6, 1009, 5000)), Err(OracleError::TimeWentBackwards));
    assert_eq!(check(update(6, 1018, 5000)), Err(OracleError::TimeTooFarInFuture));
    assert_eq!(check(update(6, 1017, 5000)), Ok(()));
    assert_eq!(check(update(6, 1011, 10_001)), Err(OracleError::IndexOutOfRange));
    let mut bad_component = update(6, 1011, 5000);
    bad_component.components[4] = 10_001;
    assert_eq!(check(bad_component), Err(OracleError::ComponentOutOfRange));
    let mut back_to_scheduled = update(6, 1011, 5000);
    back_to_scheduled.status = FeedStatus::Scheduled;
    assert_eq!(check(back_to_scheduled), Err(OracleError::IllegalStatusTransition));
    assert_eq!(check(update(6, 1011, 5101)), Err(OracleError::IndexMovedTooFast));
    assert_eq!(check(update(6, 1011, 5100)), Ok(()));
    assert_eq!(check(update(6, 1010, 5001)), Err(OracleError::IndexMovedTooFast), "no time, no move");
    assert_eq!(check(update(6, 1010, 5000)), Ok(()), "same second, same index");
    let stale = rules(1010 + 61);
    assert_eq!(update(6, 1010, 5000).check(&view, &stale), Err(OracleError::UpdateStale));
}

#[test]
fn update_check_rejects_any_update_after_the_final_whistle() {
    let mut data = fresh(1000);
    let mut ended = update(1, 1001, 5000);
    ended.status = FeedStatus::Ended;
    FeedMut::from_bytes(&mut data).unwrap().record(&ended, 1);
    let view = FeedView::from_bytes(&data).unwrap();
    assert_eq!(update(2, 1002, 5000).check(&view, &rules(1002)), Err(OracleError::FeedFinalized));
}

#[test]
fn max_move_saturates_at_the_full_range_without_overflow() {
    assert_eq!(max_move(100, 0), 0);
    assert_eq!(max_move(100, 3), 300);
    assert_eq!(max_move(u16::MAX, u64::MAX), 10_000 * u16::MAX as u64);
    assert_eq!(max_move(1, 1 << 62), 10_000);
}
