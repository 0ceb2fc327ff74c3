#![cfg_attr(any(target_arch = "bpf", target_os = "solana"), no_std)]
//! Futstar trading program: long/short positions on a football match's momentum index, priced
//! from `momentum_oracle` feeds with an in-play delay, backed by LP pools.
//!
//! Layers: `instructions` (account plumbing, one file each) → `controller` (state changes) →
//! `math` (pure); `state` holds the account layouts, `validation` the shared checks.

#[cfg(any(target_arch = "bpf", target_os = "solana"))]
mod entrypoint;

pub mod controller;
pub mod error;
pub mod events;
pub mod instructions;
pub mod math;
pub mod seeds;
pub mod state;
pub mod validation;
