//! Creating program-owned PDA accounts through the System Program.
use pinocchio::{
    cpi::Signer,
    error::ProgramError,
    AccountView, Address, ProgramResult,
};
use pinocchio_system::instructions::{Allocate, Assign, CreateAccount, Transfer};

use crate::sysvar::rent_exempt_minimum;

/// Creates `account` (a PDA signed for by `signer`) with `space` bytes owned by `owner`, paid by
/// `payer`. An address someone pre-funded with lamports (a griefing trick that makes
/// `CreateAccount` fail) is topped up, allocated and assigned instead.
///
/// Always inlined: with the `Signer` slice and the `Result` return it takes more than the 5
/// register arguments LLVM 22's BPF backend supports once it has several call sites.
#[inline(always)]
pub fn create_pda_account(
    payer: &AccountView,
    account: &AccountView,
    space: u64,
    owner: &Address,
    signer: Signer,
) -> ProgramResult {
    let required = rent_exempt_minimum(space)?;
    let signers = [signer];
    let existing = account.lamports();
    if existing == 0 {
        return CreateAccount { from: payer, to: account, lamports: required, space, owner }.invoke_signed(&signers);
    }
    if !account.is_data_empty() || !account.owned_by(&pinocchio_system::ID) {
        return Err(ProgramError::AccountAlreadyInitialized);
    }
    if existing < required {
        Transfer { from: payer, to: account, lamports: required - existing }.invoke()?;
    }
    Allocate { account, space }.invoke_signed(&signers)?;
    Assign { account, owner }.invoke_signed(&signers)
}
