#![no_std]
//! Runtime glue shared by Futstar's programs on the upstream `bpfel-unknown-none` target.
//!
//! pinocchio 0.11.2 gates the `sol_get_sysvar` path of `Clock::get()` / `Rent::get()` on
//! `target_os = "solana"` only, so on `target_arch = "bpf"` they never call the runtime. This
//! crate reads sysvars through `get_sysvar_unchecked` (correctly gated), logs through the
//! syscalls, and creates PDA accounts safely even when someone pre-funded the address.

pub mod instructions_sysvar;
pub mod log;
pub mod memory;
pub mod pda_account;
pub mod sysvar;
