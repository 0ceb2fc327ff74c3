//! Match status carried by every feed update, and the legal transitions between statuses.
//!
//! ```text
//! Scheduled ──► Live ◄──► HalfTime
//!     │          │            │
//!     │          ▼            │
//!     │        Ended          │
//!     └──────► Abandoned ◄────┘   (from any status except Ended)
//! ```
//! An update may also repeat the current status (a routine index update) unless the feed is
//! finished (Ended or Abandoned), after which no update is accepted.

/// Status of the match a feed follows (stored as one byte).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum FeedStatus {
    /// Before kick-off.
    Scheduled = 0,
    /// Ball in play (either half, extra time).
    Live = 1,
    /// Half-time or any break between periods.
    HalfTime = 2,
    /// Final whistle: no further update.
    Ended = 3,
    /// Abandoned or voided: no further update.
    Abandoned = 4,
}

impl FeedStatus {
    /// Decodes the stored byte; `None` for any value outside 0..=4.
    #[inline(always)]
    pub fn from_u8(value: u8) -> Option<Self> {
        match value {
            0 => Some(Self::Scheduled),
            1 => Some(Self::Live),
            2 => Some(Self::HalfTime),
            3 => Some(Self::Ended),
            4 => Some(Self::Abandoned),
            _ => None,
        }
    }

    /// True once the match is over (Ended or Abandoned): the feed accepts no more updates.
    #[inline(always)]
    pub fn is_final(self) -> bool {
        matches!(self, Self::Ended | Self::Abandoned)
    }

    /// Whether an update may move the feed from `self` to `next`.
    #[inline(always)]
    pub fn can_become(self, next: Self) -> bool {
        use FeedStatus::*;
        match (self, next) {
            (Ended | Abandoned, _) => false,
            (_, Abandoned) => true,
            (Scheduled, Scheduled | Live) => true,
            (Live, Live | HalfTime | Ended) => true,
            (HalfTime, HalfTime | Live) => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FeedStatus::{self, *};

    const ALL: [FeedStatus; 5] = [Scheduled, Live, HalfTime, Ended, Abandoned];

    #[test]
    fn byte_round_trip_and_out_of_range() {
        for status in ALL {
            assert_eq!(FeedStatus::from_u8(status as u8), Some(status));
        }
        assert_eq!(FeedStatus::from_u8(5), None);
        assert_eq!(FeedStatus::from_u8(255), None);
    }

    #[test]
    fn transition_table() {
        let allowed = [
            (Scheduled, Scheduled),
            (Scheduled, Live),
            (Scheduled, Abandoned),
            (Live, Live),
            (Live, HalfTime),
            (Live, Ended),
            (Live, Abandoned),
            (HalfTime, HalfTime),
            (HalfTime, Live),
            (HalfTime, Abandoned),
        ];
        for from in ALL {
            for to in ALL {
                assert_eq!(from.can_become(to), allowed.contains(&(from, to)), "{from:?} -> {to:?}");
            }
        }
    }
}
