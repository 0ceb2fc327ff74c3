//! `Exchange` account.
//!
//! | offset | size | field         |
//! |--------|------|---------------|
//! | 0      | 8    | discriminator |
//! | 8      | 32   | admin         |
//! | 40     | 1    | bump          |
use pinocchio::{error::ProgramError, Address};

pub struct Exchange;

impl Exchange {
    pub const SEED: &'static [u8] = b"exchange";
    pub const DISCRIMINATOR: [u8; 8] = [30, 200, 220, 149, 3, 61, 104, 50];
    pub const LEN: usize = 8 + 32 + 1;

    pub fn init(data: &mut [u8], admin: &Address, bump: u8) -> Result<(), ProgramError> {
        if data.len() != Self::LEN {
            return Err(ProgramError::InvalidAccountData);
        }
        data[..8].copy_from_slice(&Self::DISCRIMINATOR);
        data[8..40].copy_from_slice(admin.as_ref());
        data[40] = bump;
        Ok(())
    }
}
