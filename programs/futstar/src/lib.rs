#![cfg_attr(target_arch = "bpf", no_std)]
//! Futstar trading program.

#[cfg(target_arch = "bpf")]
mod entrypoint;

pub mod error;
pub mod instructions;
pub mod state;
