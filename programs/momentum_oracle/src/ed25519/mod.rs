//! Quorum verification through the Ed25519 precompile — the one module to swap if the
//! precompile changes.
//!
//! The runtime verifies every signature of an Ed25519 precompile instruction before the
//! transaction executes. This module proves that what it verified is what we need: the
//! instructions just before `feed_push_update` are addressed to the precompile, each of their
//! signatures covers exactly this instruction's message with a configured signer key, and the
//! distinct signers reach the quorum.
//!
//! Precompile data: `u8 count`, `u8 padding`, `count × 14-byte offsets`
//! (`signature_offset`, `signature_instruction_index`, `public_key_offset`,
//! `public_key_instruction_index`, `message_data_offset`, `message_data_size`,
//! `message_instruction_index`, all u16 LE), then the bytes they point at. An instruction index
//! of `0xFFFF` means "this instruction"; any other value could make the precompile verify bytes
//! of ANOTHER instruction, so only `0xFFFF` or the precompile instruction's own index is accepted.
use pinocchio::AccountView;
use sbf_runtime::{instructions_sysvar::InstructionsSysvar, memory::bytes_equal};

use crate::{error::OracleError, state::config_params::ParamsView};

/// `Ed25519SigVerify111111111111111111111111111`.
pub const ED25519_PROGRAM_ID: [u8; 32] = [
    3, 125, 70, 214, 124, 147, 251, 190, 18, 249, 66, 143, 131, 141, 64, 255, 5, 112, 116, 73, 39, 244, 138, 100,
    252, 202, 112, 68, 128, 0, 0, 0,
];
/// Instruction index meaning "the precompile instruction itself".
pub const CURRENT_INSTRUCTION: u16 = u16::MAX;
/// Bytes before the offsets table.
pub const HEADER_LEN: usize = 2;
/// Bytes per signature's offsets entry.
pub const OFFSETS_LEN: usize = 14;
const PUBLIC_KEY_LEN: usize = 32;
const SIGNATURE_LEN: usize = 64;

/// Checks the run of Ed25519 precompile instructions immediately preceding the executing one
/// (read through the Instructions sysvar `sysvar`) against `message` and the configured
/// `signers`, and returns how many distinct configured signers signed. Fails below the quorum.
///
/// One precompile instruction carrying every signature over a single copy of the message is the
/// compact form; one instruction per signature (what `Ed25519Program.createInstructionWithPublicKey`
/// builds) is accepted too. Every signature of every instruction in the run must pass.
#[inline(always)]
pub fn verify_quorum(sysvar: &AccountView, message: &[u8], signers: &ParamsView) -> Result<u8, OracleError> {
    // SAFETY: the program never borrows the sysvar mutably, and the runtime never lets a
    // program write to it; the slice lives as long as `sysvar`.
    let data = unsafe { sysvar.borrow_unchecked() };
    let instructions = InstructionsSysvar::new(sysvar.address(), data).ok_or(OracleError::InvalidInstructionsSysvar)?;
    let current = instructions.current_index().ok_or(OracleError::InvalidInstructionsSysvar)?;
    let mut index = current.checked_sub(1).ok_or(OracleError::Ed25519InstructionMissing)?;
    let precompile = instructions.instruction(index).ok_or(OracleError::Ed25519InstructionMissing)?;
    if !bytes_equal(precompile.program_id, &ED25519_PROGRAM_ID) {
        return Err(OracleError::Ed25519WrongProgram);
    }
    let mut seen = 0u8;
    count_signers(index, precompile.data, message, signers, &mut seen)?;
    while index > 0 {
        index -= 1;
        match instructions.instruction(index) {
            Some(earlier) if bytes_equal(earlier.program_id, &ED25519_PROGRAM_ID) => {
                count_signers(index, earlier.data, message, signers, &mut seen)?
            }
            _ => break,
        }
    }
    let distinct = seen.count_ones() as u8;
    if distinct < signers.quorum() {
        return Err(OracleError::QuorumNotReached);
    }
    Ok(distinct)
}

/// Marks in `seen` (one bit per signer slot) the configured signers of `message` in the
/// precompile instruction at `own_index` with data `data`. Unknown keys and keys already in
/// `seen` are errors, not merely uncounted.
///
/// Always inlined: it takes more than the 5 register arguments LLVM 22's BPF backend supports.
#[inline(always)]
pub fn count_signers(
    own_index: u16,
    data: &[u8],
    message: &[u8],
    signers: &ParamsView,
    seen: &mut u8,
) -> Result<(), OracleError> {
    let count = *data.first().ok_or(OracleError::Ed25519Malformed)? as usize;
    if count == 0 || data.len() < HEADER_LEN + count * OFFSETS_LEN {
        return Err(OracleError::Ed25519Malformed);
    }
    for i in 0..count {
        let at = HEADER_LEN + i * OFFSETS_LEN;
        let field = |k: usize| u16::from_le_bytes([data[at + 2 * k], data[at + 2 * k + 1]]);
        let [signature_offset, signature_ix, key_offset, key_ix, message_offset, message_size, message_ix] =
            [field(0), field(1), field(2), field(3), field(4), field(5), field(6)];
        for ix in [signature_ix, key_ix, message_ix] {
            if ix != CURRENT_INSTRUCTION && ix != own_index {
                return Err(OracleError::Ed25519OffsetsElsewhere);
            }
        }
        let signature_offset = signature_offset as usize;
        data.get(signature_offset..signature_offset + SIGNATURE_LEN).ok_or(OracleError::Ed25519Malformed)?;
        let key_offset = key_offset as usize;
        let key: &[u8; PUBLIC_KEY_LEN] = data
            .get(key_offset..key_offset + PUBLIC_KEY_LEN)
            .and_then(|k| k.try_into().ok())
            .ok_or(OracleError::Ed25519Malformed)?;
        let message_offset = message_offset as usize;
        let signed = data
            .get(message_offset..message_offset + message_size as usize)
            .ok_or(OracleError::Ed25519Malformed)?;
        if !bytes_equal(signed, message) {
            return Err(OracleError::SignedMessageMismatch);
        }
        let slot = signers.signer_slot(key).ok_or(OracleError::UnknownSigner)?;
        let bit = 1u8 << slot;
        if *seen & bit != 0 {
            return Err(OracleError::DuplicateSigner);
        }
        *seen |= bit;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
