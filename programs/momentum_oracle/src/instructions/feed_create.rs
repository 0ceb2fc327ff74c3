//! `feed_create`: the admin opens a feed for a match, PDA `["feed", match_id]`.
//!
//! Accounts:
//! 0. `[writable, signer]` admin — pays rent
//! 1. `[]` config
//! 2. `[writable]` feed — PDA `["feed", match_id]`, not yet created
//! 3. `[]` system_program
//!
//! Args: `match_id: [u8; 32]`, `home_team: [u8; 32]`, `away_team: [u8; 32]` (UTF-8, zero padded).
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    AccountView, Address, ProgramResult,
};
use sbf_runtime::{pda_account::create_pda_account, sysvar::clock};

use super::checks;
use crate::{
    error::OracleError,
    events,
    state::feed::{FeedIdentity, FeedMut, FEED_LEN, FEED_SEED},
};

/// `sha256("global:feed_create")[..8]` as the dispatcher's key.
pub const DISCRIMINATOR: u64 = super::discriminator_key([133, 40, 229, 221, 171, 45, 2, 252]);

/// Creates the feed in status Scheduled with a balanced index and an empty ring.
pub fn process(program_id: &Address, accounts: &mut [AccountView], args: &[u8]) -> ProgramResult {
    let [admin, config, feed, system_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    let args: &[u8; 96] = args.try_into().map_err(|_| OracleError::InvalidInstructionData)?;
    let (match_id, home_team, away_team) = split_args(args)?;
    checks::signer(admin)?;
    checks::writable(feed)?;
    checks::system_program(system_program)?;
    {
        let config_data = checks::config_data(config, program_id)?;
        checks::admin(admin, &checks::config_view(&config_data)?)?;
    }
    team_name(home_team)?;
    team_name(away_team)?;
    let seed = core::hint::black_box(FEED_SEED);
    let (expected, bump) = Address::find_program_address(&[seed, match_id], program_id);
    if feed.address() != &expected {
        return Err(OracleError::InvalidPda.into());
    }
    checks::uninitialized(feed, program_id)?;
    let bump_seed = [bump];
    let seeds = [Seed::from(FEED_SEED), Seed::from(match_id), Seed::from(&bump_seed)];
    create_pda_account(admin, feed, FEED_LEN as u64, program_id, Signer::from(&seeds))?;
    let now = clock()?;
    let feed_key = *feed.address();
    let mut data = feed.try_borrow_mut()?;
    let identity = FeedIdentity {
        config: config.address(),
        match_id,
        home_team,
        away_team,
        bump,
        created_ts: now.unix_timestamp,
        created_slot: now.slot,
    };
    FeedMut::init(&mut data, &identity)?;
    events::feed_created(&events::FeedCreated {
        feed: &feed_key,
        config: config.address(),
        match_id,
        home_team,
        away_team,
        created_ts: now.unix_timestamp,
    });
    Ok(())
}

type FeedArgs<'a> = (&'a [u8; 32], &'a [u8; 32], &'a [u8; 32]);

fn split_args(args: &[u8; 96]) -> Result<FeedArgs<'_>, OracleError> {
    let part = |at: usize| <&[u8; 32]>::try_from(&args[at..at + 32]).map_err(|_| OracleError::InvalidInstructionData);
    Ok((part(0)?, part(32)?, part(64)?))
}

/// A team name is non-empty UTF-8 followed only by zero padding.
pub fn team_name(name: &[u8; 32]) -> Result<(), OracleError> {
    let len = name.iter().position(|&b| b == 0).unwrap_or(32);
    if len == 0 || name[len..].iter().any(|&b| b != 0) || core::str::from_utf8(&name[..len]).is_err() {
        return Err(OracleError::InvalidTeamName);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::team_name;
    use crate::error::OracleError;

    fn padded(name: &[u8]) -> [u8; 32] {
        let mut out = [0u8; 32];
        out[..name.len()].copy_from_slice(name);
        out
    }

    #[test]
    fn team_names() {
        assert_eq!(team_name(&padded(b"Arsenal")), Ok(()));
        assert_eq!(team_name(&padded("Atlético Madrid".as_bytes())), Ok(()));
        assert_eq!(team_name(&[b'x'; 32]), Ok(()));
        assert_eq!(team_name(&padded(b"")), Err(OracleError::InvalidTeamName));
        assert_eq!(team_name(&padded(b"Ars\0nal")), Err(OracleError::InvalidTeamName));
        assert_eq!(team_name(&padded(&[0xC3])), Err(OracleError::InvalidTeamName));
    }
}
