//! Ed25519 precompile instructions: the honest layout (all offsets into the instruction itself,
//! one shared copy of the message) and raw entries for forging.
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// "This instruction" in the precompile's instruction-index fields.
pub const SELF: u16 = u16::MAX;

/// One signature entry: key, signature, and the instruction each offset points into.
#[derive(Clone)]
pub struct Entry {
    pub key: [u8; 32],
    pub signature: [u8; 64],
    pub signature_ix: u16,
    pub key_ix: u16,
    pub message_ix: u16,
}

impl Entry {
    /// `signer`'s honest signature of `message`, every offset into the precompile instruction.
    pub fn honest(signer: &Keypair, message: &[u8]) -> Self {
        let signature: [u8; 64] = signer.sign_message(message).as_ref().try_into().unwrap();
        Self { key: signer.pubkey().to_bytes(), signature, signature_ix: SELF, key_ix: SELF, message_ix: SELF }
    }
}

/// Layout: header, offsets table, then per entry key (32) + signature (64), then the message.
/// `message_offset_override` lets a forger point the message offset elsewhere.
pub fn instruction_with(entries: &[Entry], message: &[u8], message_offset_override: Option<(u16, u16)>) -> Instruction {
    let count = entries.len();
    let body = 2 + 14 * count;
    let message_at = body + 96 * count;
    let mut data = vec![count as u8, 0];
    for (i, entry) in entries.iter().enumerate() {
        let key_at = body + 96 * i;
        let (message_offset, message_size) = message_offset_override.unwrap_or((message_at as u16, message.len() as u16));
        for value in [
            (key_at + 32) as u16,
            entry.signature_ix,
            key_at as u16,
            entry.key_ix,
            message_offset,
            message_size,
            entry.message_ix,
        ] {
            data.extend_from_slice(&value.to_le_bytes());
        }
    }
    for entry in entries {
        data.extend_from_slice(&entry.key);
        data.extend_from_slice(&entry.signature);
    }
    data.extend_from_slice(message);
    Instruction { program_id: solana_sdk_ids::ed25519_program::ID, accounts: vec![], data }
}

/// Entries as given, honest offsets.
pub fn instruction(entries: &[Entry], message: &[u8]) -> Instruction {
    instruction_with(entries, message, None)
}

/// Every signer signs `message` honestly.
pub fn signed(signers: &[&Keypair], message: &[u8]) -> Instruction {
    let entries: Vec<Entry> = signers.iter().map(|s| Entry::honest(s, message)).collect();
    instruction(&entries, message)
}
