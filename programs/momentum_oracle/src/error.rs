//! Program errors. Codes are stable (Anchor's custom-error offset, 6000) and listed in the IDL
//! and the README; never renumber, only append.
use pinocchio::error::ProgramError;

/// Every failure the oracle reports, as `ProgramError::Custom(code)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum OracleError {
    /// The 8-byte instruction discriminator matches no instruction.
    UnknownInstruction = 6000,
    /// Instruction arguments have the wrong length or an invalid encoding.
    InvalidInstructionData = 6001,
    /// An account is not the PDA it must be (wrong seeds or non-canonical bump).
    InvalidPda = 6002,
    /// The account to create already holds data.
    AlreadyInitialized = 6003,
    /// An account is not owned by the program that must own it.
    WrongAccountOwner = 6004,
    /// An account's data is not the expected account type (discriminator or length).
    InvalidAccountData = 6005,
    /// The signer is not the config admin.
    Unauthorized = 6006,
    /// An account that must be writable was passed read-only.
    AccountNotWritable = 6007,
    /// A required program account (system program) has the wrong address.
    WrongProgramAccount = 6008,
    /// Signer set: count not in 1..=8, a zero key, or a key listed twice.
    InvalidSignerSet = 6009,
    /// Quorum not in 1..=signer_count.
    InvalidQuorum = 6010,
    /// Guard rails out of range (max move 1..=10000 bps/s, staleness ≥ 1 s, skew, delay bounds).
    InvalidGuardRails = 6011,
    /// No pending config change to apply.
    NoPendingChange = 6012,
    /// The pending change's timelock has not elapsed yet.
    TimelockNotElapsed = 6013,
    /// The oracle is paused.
    Paused = 6014,
    /// The account passed as the Instructions sysvar is not `Sysvar1nstructions1111111111111111111111111`.
    InvalidInstructionsSysvar = 6015,
    /// No instruction precedes `feed_push_update` in the transaction.
    Ed25519InstructionMissing = 6016,
    /// The preceding instruction is not addressed to the Ed25519 precompile.
    Ed25519WrongProgram = 6017,
    /// The Ed25519 instruction's data is truncated or declares no signature.
    Ed25519Malformed = 6018,
    /// An Ed25519 offset or instruction index points outside that Ed25519 instruction.
    Ed25519OffsetsElsewhere = 6019,
    /// The bytes the Ed25519 instruction verified differ from this instruction's message.
    SignedMessageMismatch = 6020,
    /// A signature comes from a key that is not in the signer set.
    UnknownSigner = 6021,
    /// The same signer key signs twice.
    DuplicateSigner = 6022,
    /// Fewer distinct configured signers than the quorum.
    QuorumNotReached = 6023,
    /// The message is truncated, has trailing bytes, a bad magic tag or a bad update count.
    MessageMalformed = 6024,
    /// The message names another program.
    MessageWrongProgram = 6025,
    /// Feed accounts do not match the message's updates (address, order or count).
    FeedAccountMismatch = 6026,
    /// The feed belongs to another config.
    FeedConfigMismatch = 6027,
    /// `seq` is not strictly greater than the feed's last sequence number (replay).
    SeqNotIncreasing = 6028,
    /// The update's time is earlier than the feed's last update.
    TimeWentBackwards = 6029,
    /// The update's time is beyond the Clock plus the allowed future skew.
    TimeTooFarInFuture = 6030,
    /// The update's time is older than the Clock minus the maximum staleness.
    UpdateStale = 6031,
    /// The index is above 10000 bps.
    IndexOutOfRange = 6032,
    /// A component is above 10000 bps.
    ComponentOutOfRange = 6033,
    /// The status byte is not a status (0..=4).
    InvalidStatus = 6034,
    /// The status change is not allowed by the match state machine.
    IllegalStatusTransition = 6035,
    /// The feed's match has Ended or been Abandoned: no further update.
    FeedFinalized = 6036,
    /// The index moved faster than `max_move_bps_per_sec` × elapsed seconds.
    IndexMovedTooFast = 6037,
    /// The suspended flag is not 0 or 1.
    InvalidSuspendedFlag = 6038,
    /// A team name is empty, longer than 32 bytes, not UTF-8 or has bytes after its padding.
    InvalidTeamName = 6039,
    /// Time arithmetic overflowed.
    MathOverflow = 6040,
    /// The admin key is all zeros.
    InvalidAdmin = 6041,
}

impl From<OracleError> for ProgramError {
    #[inline(always)]
    fn from(e: OracleError) -> Self {
        ProgramError::Custom(e as u32)
    }
}

/// Every error, in code order (host only: tests compare it with the IDL).
#[cfg(not(any(target_arch = "bpf", target_os = "solana")))]
pub const ALL_ERRORS: &[OracleError] = &[
    OracleError::UnknownInstruction,
    OracleError::InvalidInstructionData,
    OracleError::InvalidPda,
    OracleError::AlreadyInitialized,
    OracleError::WrongAccountOwner,
    OracleError::InvalidAccountData,
    OracleError::Unauthorized,
    OracleError::AccountNotWritable,
    OracleError::WrongProgramAccount,
    OracleError::InvalidSignerSet,
    OracleError::InvalidQuorum,
    OracleError::InvalidGuardRails,
    OracleError::NoPendingChange,
    OracleError::TimelockNotElapsed,
    OracleError::Paused,
    OracleError::InvalidInstructionsSysvar,
    OracleError::Ed25519InstructionMissing,
    OracleError::Ed25519WrongProgram,
    OracleError::Ed25519Malformed,
    OracleError::Ed25519OffsetsElsewhere,
    OracleError::SignedMessageMismatch,
    OracleError::UnknownSigner,
    OracleError::DuplicateSigner,
    OracleError::QuorumNotReached,
    OracleError::MessageMalformed,
    OracleError::MessageWrongProgram,
    OracleError::FeedAccountMismatch,
    OracleError::FeedConfigMismatch,
    OracleError::SeqNotIncreasing,
    OracleError::TimeWentBackwards,
    OracleError::TimeTooFarInFuture,
    OracleError::UpdateStale,
    OracleError::IndexOutOfRange,
    OracleError::ComponentOutOfRange,
    OracleError::InvalidStatus,
    OracleError::IllegalStatusTransition,
    OracleError::FeedFinalized,
    OracleError::IndexMovedTooFast,
    OracleError::InvalidSuspendedFlag,
    OracleError::InvalidTeamName,
    OracleError::MathOverflow,
    OracleError::InvalidAdmin,
];
