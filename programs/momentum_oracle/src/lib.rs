#![cfg_attr(target_arch = "bpf", no_std)]
//! Momentum oracle: match-momentum feeds signed by a quorum of ed25519 keys.

#[cfg(all(target_arch = "bpf", not(feature = "no-entrypoint")))]
mod entrypoint;
