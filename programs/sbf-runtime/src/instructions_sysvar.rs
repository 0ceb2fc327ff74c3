//! Bounds-checked reader of the Instructions sysvar (`Sysvar1nstructions1111111111111111111111111`).
//!
//! Serialized data: `u16 count`, `u16 offset[count]`, then per instruction
//! `u16 account_count`, `account_count × (u8 flags, [u8; 32] key)`, `[u8; 32] program_id`,
//! `u16 data_len`, `data`; the last two bytes of the account hold the executing instruction's
//! index. Every read is checked so a malformed buffer yields `None`, never a fault.
use pinocchio::{sysvars::instructions::INSTRUCTIONS_ID, Address};

/// One instruction of the transaction, as the sysvar serializes it.
#[derive(Clone, Copy)]
pub struct IntrospectedInstruction<'a> {
    /// Program the instruction calls.
    pub program_id: &'a [u8; 32],
    /// Instruction data.
    pub data: &'a [u8],
}

/// The Instructions sysvar's data, after its account address was checked.
#[derive(Clone, Copy)]
pub struct InstructionsSysvar<'a> {
    data: &'a [u8],
}

const ACCOUNT_META_LEN: usize = 33;

impl<'a> InstructionsSysvar<'a> {
    /// Wraps `data` only if `address` is the Instructions sysvar's address: any other account
    /// (a look-alike carrying forged instructions) is refused.
    #[inline(always)]
    pub fn new(address: &Address, data: &'a [u8]) -> Option<Self> {
        if address != &INSTRUCTIONS_ID {
            return None;
        }
        Some(Self { data })
    }

    /// Number of instructions in the transaction.
    #[inline(always)]
    pub fn count(&self) -> Option<u16> {
        read_u16(self.data, 0)
    }

    /// Index of the instruction being executed.
    #[inline(always)]
    pub fn current_index(&self) -> Option<u16> {
        read_u16(self.data, self.data.len().checked_sub(2)?)
    }

    /// The instruction at `index`, if it exists and its bytes lie inside the sysvar.
    pub fn instruction(&self, index: u16) -> Option<IntrospectedInstruction<'a>> {
        if index >= self.count()? {
            return None;
        }
        let start = read_u16(self.data, 2 + 2 * index as usize)? as usize;
        let account_count = read_u16(self.data, start)? as usize;
        let program_at = start + 2 + account_count * ACCOUNT_META_LEN;
        let program_id: &'a [u8; 32] = self.data.get(program_at..program_at + 32)?.try_into().ok()?;
        let data_len = read_u16(self.data, program_at + 32)? as usize;
        let data_at = program_at + 34;
        let data = self.data.get(data_at..data_at + data_len)?;
        Some(IntrospectedInstruction { program_id, data })
    }
}

#[inline(always)]
fn read_u16(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at + 2)?;
    Some(u16::from_le_bytes([bytes[0], bytes[1]]))
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::vec::Vec;

    use super::*;

    fn serialize(instructions: &[(u8, [u8; 32], &[u8])], current: u16) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&(instructions.len() as u16).to_le_bytes());
        let table = out.len();
        out.resize(table + 2 * instructions.len(), 0);
        for (i, (accounts, program, data)) in instructions.iter().enumerate() {
            let start = out.len() as u16;
            out[table + 2 * i..table + 2 * i + 2].copy_from_slice(&start.to_le_bytes());
            out.extend_from_slice(&(*accounts as u16).to_le_bytes());
            for a in 0..*accounts {
                out.push(1);
                out.extend_from_slice(&[a; 32]);
            }
            out.extend_from_slice(program);
            out.extend_from_slice(&(data.len() as u16).to_le_bytes());
            out.extend_from_slice(data);
        }
        out.extend_from_slice(&current.to_le_bytes());
        out
    }

    #[test]
    fn reads_instructions_and_current_index() {
        let bytes = serialize(&[(0, [7; 32], &[1, 2, 3]), (2, [8; 32], &[4])], 1);
        let sysvar = InstructionsSysvar::new(&INSTRUCTIONS_ID, &bytes).unwrap();
        assert_eq!(sysvar.count(), Some(2));
        assert_eq!(sysvar.current_index(), Some(1));
        let first = sysvar.instruction(0).unwrap();
        assert_eq!((first.program_id, first.data), (&[7; 32], &[1u8, 2, 3][..]));
        let second = sysvar.instruction(1).unwrap();
        assert_eq!((second.program_id, second.data), (&[8; 32], &[4u8][..]));
        assert!(sysvar.instruction(2).is_none());
    }

    #[test]
    fn refuses_other_addresses_and_truncated_data() {
        let bytes = serialize(&[(1, [7; 32], &[1, 2, 3])], 0);
        assert!(InstructionsSysvar::new(&Address::new_from_array([1; 32]), &bytes).is_none());
        for cut in 0..bytes.len() - 2 {
            let sysvar = InstructionsSysvar::new(&INSTRUCTIONS_ID, &bytes[..cut]).unwrap();
            assert!(sysvar.instruction(0).is_none(), "cut at {cut}");
        }
    }
}
