//! Checks shared by the instructions: signers, writability, distinct accounts, programs,
//! token accounts and mints, feeds.
pub mod accounts;
pub mod feed;
pub mod token;
