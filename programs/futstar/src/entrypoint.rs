//! SBF entrypoint: 8-byte discriminator dispatch (`instructions::dispatch`).
use pinocchio::{no_allocator, nostd_panic_handler, program_entrypoint, AccountView, Address, ProgramResult};

program_entrypoint!(process_instruction);
no_allocator!();
nostd_panic_handler!();

#[inline(always)]
fn process_instruction(program_id: &Address, accounts: &mut [AccountView], data: &[u8]) -> ProgramResult {
    crate::instructions::dispatch(program_id, accounts, data)
}
