//! Program errors. Codes are stable and follow Anchor's custom-error offset (6000); the IDL's
//! `errors` list mirrors this enum and a unit test keeps them in sync.
use pinocchio::error::ProgramError;

use crate::math::MathError;

/// Every failure the program reports, each a precise `Custom(code)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum FutstarError {
    UnknownInstruction = 6000,
    InvalidPda = 6001,
    InvalidAccountOwner = 6002,
    AccountDiscriminatorMismatch = 6003,
    Unauthorized = 6004,
    ExchangePaused = 6005,
    InvalidConfig = 6006,
    TimelockNotElapsed = 6007,
    NoPendingChange = 6008,
    InvalidTokenProgram = 6009,
    InvalidSystemProgram = 6010,
    InvalidTokenAccount = 6011,
    TokenMintMismatch = 6012,
    TokenOwnerMismatch = 6013,
    InvalidVault = 6014,
    InvalidMint = 6015,
    DuplicateAccount = 6016,
    FeedMismatch = 6017,
    FeedNotLive = 6018,
    FeedSuspended = 6019,
    FeedStale = 6020,
    PoolNotOpen = 6021,
    InvalidAmount = 6022,
    LeverageOutOfRange = 6023,
    CollateralTooSmall = 6024,
    NotionalTooLarge = 6025,
    DurationNotAllowed = 6026,
    OpenInterestLimit = 6027,
    SkewLimit = 6028,
    RateLimited = 6029,
    TooManyOpenPositions = 6030,
    SelfExcluded = 6031,
    DailyDepositLimit = 6032,
    DailyLossLimit = 6033,
    SelfExclusionCannotShorten = 6034,
    InvalidPositionStatus = 6035,
    NotPositionOwner = 6036,
    NotYetFillable = 6037,
    RequestFillable = 6038,
    NotYetExpired = 6039,
    MatchAbandoned = 6040,
    MatchNotEnded = 6041,
    MatchNotAbandoned = 6042,
    InsufficientFreeLiquidity = 6043,
    EquityPositive = 6044,
    MathOverflow = 6045,
    MathOutOfBounds = 6046,
    DivisionByZero = 6047,
    SolvencyViolation = 6048,
    InvalidArgument = 6049,
    PositionPoolMismatch = 6050,
    TraderMismatch = 6051,
    InsufficientFeesOwed = 6052,
    AccountNotWritable = 6053,
    ZeroShares = 6054,
    InvalidFeed = 6055,
}

impl From<FutstarError> for ProgramError {
    fn from(e: FutstarError) -> Self {
        ProgramError::Custom(e as u32)
    }
}

impl From<MathError> for FutstarError {
    fn from(e: MathError) -> Self {
        match e {
            MathError::Overflow => FutstarError::MathOverflow,
            MathError::OutOfBounds => FutstarError::MathOutOfBounds,
            MathError::DivisionByZero => FutstarError::DivisionByZero,
        }
    }
}

impl From<MathError> for ProgramError {
    fn from(e: MathError) -> Self {
        FutstarError::from(e).into()
    }
}
