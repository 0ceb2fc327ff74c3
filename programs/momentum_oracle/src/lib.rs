#![cfg_attr(any(target_arch = "bpf", target_os = "solana"), no_std)]
//! Momentum oracle: match-momentum feeds signed by a quorum of ed25519 keys.
//!
//! Other programs read feeds through [`state::feed::FeedView`] (enable the `no-entrypoint`
//! feature to link this crate as a library).

#[cfg(all(any(target_arch = "bpf", target_os = "solana"), not(feature = "no-entrypoint")))]
mod entrypoint;

pub mod ed25519;
pub mod error;
pub mod events;
pub mod instructions;
pub mod message;
pub mod state;
