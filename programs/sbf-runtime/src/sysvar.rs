//! Clock and Rent read through the generic `sol_get_sysvar` syscall.
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::CLOCK_ID, get_sysvar_unchecked, rent::RENT_ID},
};

/// The fields of the Clock sysvar the programs use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub slot: u64,
    pub unix_timestamp: i64,
}

/// Reads the Clock sysvar (bincode layout: slot, epoch_start_timestamp, epoch,
/// leader_schedule_epoch, unix_timestamp — 8 bytes each).
pub fn clock() -> Result<Now, ProgramError> {
    let mut raw = [0u8; 40];
    // SAFETY: `raw` has room for the 40 bytes requested.
    unsafe { get_sysvar_unchecked(raw.as_mut_ptr(), &CLOCK_ID, 0, 40)? };
    Ok(Now {
        slot: u64::from_le_bytes(raw[0..8].try_into().map_err(|_| ProgramError::InvalidArgument)?),
        unix_timestamp: i64::from_le_bytes(raw[32..40].try_into().map_err(|_| ProgramError::InvalidArgument)?),
    })
}

const ACCOUNT_STORAGE_OVERHEAD: u64 = 128;
const F64_ONE_BITS: u64 = 0x3FF0_0000_0000_0000;
const F64_TWO_BITS: u64 = 0x4000_0000_0000_0000;

/// Minimum lamports for a rent-exempt account of `space` bytes.
///
/// The Rent sysvar is `lamports_per_byte_year: u64, exemption_threshold: f64, burn_percent: u8`.
/// Only the thresholds the network has used (2.0, and 1.0 once SIMD-0194 folds it into the
/// rate) are accepted, which keeps floating point out of the program.
pub fn rent_exempt_minimum(space: u64) -> Result<u64, ProgramError> {
    let mut raw = [0u8; 16];
    // SAFETY: `raw` has room for the 16 bytes requested.
    unsafe { get_sysvar_unchecked(raw.as_mut_ptr(), &RENT_ID, 0, 16)? };
    let rate = u64::from_le_bytes(raw[0..8].try_into().map_err(|_| ProgramError::InvalidArgument)?);
    let threshold_bits = u64::from_le_bytes(raw[8..16].try_into().map_err(|_| ProgramError::InvalidArgument)?);
    let years = match threshold_bits {
        F64_TWO_BITS => 2,
        F64_ONE_BITS => 1,
        _ => return Err(ProgramError::UnsupportedSysvar),
    };
    let bytes = space.checked_add(ACCOUNT_STORAGE_OVERHEAD).ok_or(ProgramError::ArithmeticOverflow)?;
    // Bounded: space ≤ 10 MiB and rate ≤ 2^32 keep the product far below 2^64.
    if bytes > 10 * 1024 * 1024 + ACCOUNT_STORAGE_OVERHEAD || rate > u32::MAX as u64 {
        return Err(ProgramError::InvalidArgument);
    }
    Ok(bytes * rate * years)
}
