use pinocchio::error::ProgramError;

/// Program errors; codes are stable (Anchor-style offset 6000).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum FutstarError {
    UnknownInstruction = 6000,
    InvalidPda = 6001,
}

impl From<FutstarError> for ProgramError {
    fn from(e: FutstarError) -> Self {
        ProgramError::Custom(e as u32)
    }
}
