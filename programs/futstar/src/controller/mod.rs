//! State changes shared by several instructions: token moves and position bookkeeping.
//! Instructions do account plumbing, the controller changes state, `math` computes.
pub mod book;
pub mod tokens;
