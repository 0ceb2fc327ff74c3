//! Feed account bytes in the layout fixed in docs (momentum_oracle `Feed`), written directly
//! with `svm.set_account` (owner = the oracle program id) so futstar's tests control time and
//! samples exactly.
#![allow(dead_code)]

pub const RING_CAPACITY: usize = 720;
pub const FEED_LEN: usize = 184 + 12 * RING_CAPACITY;
pub const LIVE: u8 = 1;
pub const HALF_TIME: u8 = 2;
pub const ENDED: u8 = 3;
pub const ABANDONED: u8 = 4;

#[derive(Clone, Copy, Debug)]
pub struct Sample {
    pub ts: i64,
    pub index: u16,
    pub suspended: bool,
    pub status: u8,
}

#[derive(Clone, Debug)]
pub struct FeedState {
    pub match_id: [u8; 32],
    pub samples: Vec<Sample>,
}

impl FeedState {
    pub fn new(match_id: [u8; 32]) -> Self {
        FeedState { match_id, samples: Vec::new() }
    }

    pub fn push(&mut self, ts: i64, index: u16, suspended: bool, status: u8) {
        self.samples.push(Sample { ts, index, suspended, status });
    }

    pub fn latest(&self) -> Sample {
        *self.samples.last().expect("feed has samples")
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut d = vec![0u8; FEED_LEN];
        d[..8].copy_from_slice(&super::anchor_discriminator("account:Feed"));
        d[40..72].copy_from_slice(&self.match_id);
        d[72..76].copy_from_slice(b"HOME");
        d[104..108].copy_from_slice(b"AWAY");
        let latest = self.samples.last().copied().unwrap_or(Sample { ts: 0, index: 5000, suspended: false, status: 0 });
        d[136] = latest.status;
        d[137] = latest.suspended as u8;
        d[140..142].copy_from_slice(&latest.index.to_le_bytes());
        d[152..160].copy_from_slice(&(self.samples.len() as u64).to_le_bytes());
        d[160..168].copy_from_slice(&latest.ts.to_le_bytes());
        let n = self.samples.len();
        d[176..178].copy_from_slice(&((n % RING_CAPACITY) as u16).to_le_bytes());
        d[178..180].copy_from_slice(&(n.min(RING_CAPACITY) as u16).to_le_bytes());
        let start = n.saturating_sub(RING_CAPACITY);
        for (i, s) in self.samples.iter().enumerate().skip(start) {
            let off = 184 + 12 * (i % RING_CAPACITY);
            d[off..off + 8].copy_from_slice(&s.ts.to_le_bytes());
            d[off + 8..off + 10].copy_from_slice(&s.index.to_le_bytes());
            d[off + 10] = s.suspended as u8;
            d[off + 11] = s.status;
        }
        d
    }
}
