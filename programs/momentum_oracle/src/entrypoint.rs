use pinocchio::{no_allocator, nostd_panic_handler, program_entrypoint, AccountView, Address, ProgramResult};

program_entrypoint!(process_instruction);
no_allocator!();
nostd_panic_handler!();

fn process_instruction(_program_id: &Address, _accounts: &mut [AccountView], _data: &[u8]) -> ProgramResult {
    Err(pinocchio::error::ProgramError::InvalidInstructionData)
}
