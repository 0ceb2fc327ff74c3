//! Every PDA of the program: seeds, derivation with a stored bump, and signer seeds.
//!
//! | account  | seeds |
//! |----------|-------|
//! | Exchange | `["exchange"]` |
//! | Pool     | `["pool", feed]` |
//! | vault    | `["vault", pool]` (SPL token account, authority = pool) |
//! | LP mint  | `["lp_mint", pool]` (mint authority = pool) |
//! | Trader   | `["trader", pool, owner]` |
//! | Position | `["position", trader, id u64 LE]` |
//!
//! Seed constants pass through `black_box` so the seed arrays are built at run time:
//! sbpf-linker 0.1.9 leaves pointers stored in .rodata unrelocated.
use core::hint::black_box;

use pinocchio::{error::ProgramError, AccountView, Address};

use crate::{
    error::FutstarError,
    state::{exchange::Exchange, pool::Pool, position::Position, trader::Trader},
};

/// Re-derives a PDA from its seeds and bump: one `sol_sha256` over
/// `seeds ++ [bump] ++ program_id ++ "ProgramDerivedAddress"`, no curve check (an on-curve
/// result can never sign, so the System program refuses to create it).
///
/// `Address::derive_address` is not used on BPF: built with this toolchain it passed a garbage
/// slice count to `sol_sha256` ("Hashing 18446744073709551615 sequences").
#[inline(always)]
fn derive<const N: usize>(seeds: &[&[u8]; N], bump: u8, program_id: &Address) -> Address {
    #[cfg(any(target_arch = "bpf", target_os = "solana"))]
    {
        let bump_seed = [bump];
        let marker: &[u8] = black_box(b"ProgramDerivedAddress");
        let mut parts: [&[u8]; 8] = [&[]; 8];
        let mut count = 0;
        for seed in seeds.iter().take(5) {
            parts[count] = seed;
            count += 1;
        }
        parts[count] = &bump_seed;
        parts[count + 1] = program_id.as_ref();
        parts[count + 2] = marker;
        let mut out = [0u8; 32];
        // SAFETY: `parts[..count + 3]` are valid slices (fat pointers, the layout sol_sha256
        // reads) and `out` has room for the 32-byte digest.
        unsafe { pinocchio::syscalls::sol_sha256(parts.as_ptr() as *const u8, (count + 3) as u64, out.as_mut_ptr()) };
        Address::new_from_array(out)
    }
    #[cfg(not(any(target_arch = "bpf", target_os = "solana")))]
    {
        Address::derive_address(seeds, Some(bump), program_id)
    }
}

/// `InvalidPda` unless `account` is at `expected`.
#[inline(always)]
pub fn require_address(account: &AccountView, expected: &Address) -> Result<(), ProgramError> {
    if account.address() != expected {
        return Err(FutstarError::InvalidPda.into());
    }
    Ok(())
}

/// The exchange PDA for a stored bump.
#[inline(always)]
pub fn exchange(bump: u8, program_id: &Address) -> Address {
    derive(&[black_box(Exchange::SEED)], bump, program_id)
}

/// The pool PDA of `feed` for a stored bump.
#[inline(always)]
pub fn pool(feed: &Address, bump: u8, program_id: &Address) -> Address {
    derive(&[black_box(Pool::SEED), feed.as_ref()], bump, program_id)
}

/// The trader PDA of (`pool`, `owner`) for a stored bump.
#[inline(always)]
pub fn trader(pool: &Address, owner: &Address, bump: u8, program_id: &Address) -> Address {
    derive(&[black_box(Trader::SEED), pool.as_ref(), owner.as_ref()], bump, program_id)
}

/// The position PDA of (`trader`, `id`) for a stored bump.
#[inline(always)]
pub fn position(trader: &Address, id: u64, bump: u8, program_id: &Address) -> Address {
    let id = id.to_le_bytes();
    derive(&[black_box(Position::SEED), trader.as_ref(), &id], bump, program_id)
}

/// Finds the canonical bump of `seeds` (creation only: up to 255 hashes + curve checks).
#[inline(always)]
pub fn find(seeds: &[&[u8]], program_id: &Address) -> (Address, u8) {
    Address::find_program_address(seeds, program_id)
}
