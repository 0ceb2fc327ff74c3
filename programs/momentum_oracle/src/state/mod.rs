//! Account types, one per file, each with its byte layout.
pub mod feed;
