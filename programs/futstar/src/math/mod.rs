//! Pure fixed-point math: no syscalls, no accounts, bounded `u64` only.
//!
//! LLVM 22's BPF backend cannot lower u128 multiply/divide or overflow-checked multiply, so every
//! product here is either proven to fit in 64 bits by an explicit bound check, or computed as a
//! 128-bit value in two `u64` halves (`wide`). Rounding always favours the pool.

pub mod bounds;
pub mod fees;
pub mod lp;
pub mod payout;
pub mod pnl;
pub mod pool_value;
pub mod wide;

/// Errors of the pure math layer; the program maps them to its error codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathError {
    /// A result does not fit in `u64` / `i64`.
    Overflow,
    /// An input lies outside its documented bound.
    OutOfBounds,
    /// Division by zero.
    DivisionByZero,
}
