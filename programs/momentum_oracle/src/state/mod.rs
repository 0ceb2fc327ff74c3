//! Account types, one per file, each with its byte layout.
pub mod config_params;
pub mod feed;
pub mod oracle_config;
