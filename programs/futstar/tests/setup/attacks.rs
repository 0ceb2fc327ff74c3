//! Generic account attacks, table-driven: each test lists, for a valid instruction, which
//! account to strip of its signature or write flag, replace by a copy owned by another program,
//! by another account type's bytes, or by another address, and the exact error each must raise.
//! `run` sends every variant from a fresh fee payer (so the payer never re-adds a stripped flag)
//! and asserts the precise `InstructionError` of instruction 0.
#![allow(dead_code)]
pub use futstar::error::FutstarError as E;
use solana_account::Account;
use solana_address::Address;
use solana_instruction::{error::InstructionError, Instruction};
use solana_keypair::Keypair;
use solana_signer::Signer;
use solana_transaction_error::TransactionError;

use super::world::World;

/// The failure an attack must produce.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    /// The program's own `Custom(code)`.
    Program(E),
    /// A runtime / CPI failure (e.g. a CPI asking for a write the caller did not grant).
    Runtime(InstructionError),
}

impl Expect {
    fn instruction_error(&self) -> InstructionError {
        match self {
            Expect::Program(e) => InstructionError::Custom(*e as u32),
            Expect::Runtime(e) => e.clone(),
        }
    }
}

/// Shorthand for `Expect::Program`.
pub fn code(e: E) -> Expect {
    Expect::Program(e)
}

/// A CPI that writes an account the caller passed read-only.
pub fn cpi_write_refused() -> Expect {
    Expect::Runtime(InstructionError::PrivilegeEscalation)
}

/// One attack on account `usize` of the instruction.
#[derive(Clone, Debug)]
pub enum Attack {
    /// Clears `is_signer` (the transaction is then signed without that key):
    /// always `MissingRequiredSignature`.
    MissingSigner(usize),
    /// Clears `is_writable`.
    NotWritable(usize, Expect),
    /// A byte-identical copy (same lamports and data) owned by another program.
    WrongOwner(usize, Expect),
    /// An account owned by THIS program holding `source`'s bytes resized to the attacked
    /// account's length, so only the discriminator tells the types apart.
    Cosplay(usize, Address, Expect),
    /// A copy with the SAME owner at another address: a genuine account of that kind that is
    /// not the one bound to this pool (another oracle feed, another token account).
    Twin(usize, Expect),
    /// Another address in that role: another genuine account, a wrong PDA, another program.
    Substitute(usize, Address, Expect),
}

impl Attack {
    fn index(&self) -> usize {
        match self {
            Attack::MissingSigner(i) | Attack::NotWritable(i, _) | Attack::WrongOwner(i, _) | Attack::Twin(i, _) => *i,
            Attack::Cosplay(i, _, _) | Attack::Substitute(i, _, _) => *i,
        }
    }

    fn expected(&self) -> InstructionError {
        match self {
            Attack::MissingSigner(_) => InstructionError::MissingRequiredSignature,
            Attack::NotWritable(_, e) | Attack::WrongOwner(_, e) | Attack::Twin(_, e) => e.instruction_error(),
            Attack::Cosplay(_, _, e) | Attack::Substitute(_, _, e) => e.instruction_error(),
        }
    }

    /// The attacked instruction (creating the fake account it points at, if any).
    fn apply(&self, w: &mut World, base: &Instruction) -> Instruction {
        let mut ix = base.clone();
        let i = self.index();
        let target = ix.accounts.get(i).unwrap_or_else(|| panic!("{self:?}: no account {i}")).pubkey;
        match self {
            Attack::MissingSigner(_) => ix.accounts[i].is_signer = false,
            Attack::NotWritable(_, _) => ix.accounts[i].is_writable = false,
            Attack::WrongOwner(_, _) | Attack::Twin(_, _) => {
                let mut copy = w.svm.get_account(&target).unwrap_or_else(|| panic!("{self:?}: account {target} absent"));
                if matches!(self, Attack::WrongOwner(..)) {
                    copy.owner = Address::new_unique();
                }
                ix.accounts[i].pubkey = place(w, copy);
            }
            Attack::Cosplay(_, source, _) => {
                let len = w.svm.get_account(&target).map(|a| a.data.len()).unwrap_or_else(|| panic!("{self:?}: account {target} absent"));
                let mut data = w.svm.get_account(source).unwrap_or_else(|| panic!("{self:?}: source {source} absent")).data;
                data.resize(len, 0);
                let lamports = w.svm.minimum_balance_for_rent_exemption(len);
                ix.accounts[i].pubkey = place(w, Account { lamports, data, owner: w.program_id, executable: false, rent_epoch: 0 });
            }
            Attack::Substitute(_, with, _) => ix.accounts[i].pubkey = *with,
        }
        ix
    }
}

fn place(w: &mut World, account: Account) -> Address {
    let address = Address::new_unique();
    w.svm.set_account(address, account).unwrap();
    address
}

/// Sends every attack on `base` (signed by those of `signers` it still requires, fee paid by a
/// fresh key) and asserts each fails with its exact error. Prints one summary line.
pub fn run(w: &mut World, name: &str, base: &Instruction, signers: &[&Keypair], attacks: &[Attack]) {
    let fee_payer = Keypair::new();
    w.svm.airdrop(&fee_payer.pubkey(), 10_000_000_000).unwrap();
    for attack in attacks {
        let ix = attack.apply(w, base);
        let required: Vec<&Keypair> =
            signers.iter().copied().filter(|k| ix.accounts.iter().any(|m| m.is_signer && m.pubkey == k.pubkey())).collect();
        let expected = TransactionError::InstructionError(0, attack.expected());
        match super::send(&mut w.svm, &[ix], &fee_payer, &required) {
            Ok(meta) => panic!("{name}: attack {attack:?} SUCCEEDED\n{}", meta.logs.join("\n")),
            Err(e) => assert_eq!(e.err, expected, "{name}: attack {attack:?}\n{}", e.meta.logs.join("\n")),
        }
    }
    println!("{name}: {} account attacks refused with their exact errors", attacks.len());
}

/// One genuine account of each futstar type: the bytes cosplay attacks dress up as another type.
pub struct Genuine {
    pub exchange: Address,
    pub pool: Address,
    pub trader: Address,
    pub position: Address,
}

use Attack::*;

/// Attacks on exchange, pool, feed, position, trader at `at`..`at + 5` (the state part of
/// `position_accounts`, and all of `position_stop_out`): the writable ones are saved
/// (`AccountNotWritable` when read-only).
pub fn position_state_accounts(at: usize, g: &Genuine) -> Vec<Attack> {
    let [exchange, pool, feed, position, trader] = core::array::from_fn(|k| at + k);
    vec![
        NotWritable(pool, code(E::AccountNotWritable)),
        NotWritable(position, code(E::AccountNotWritable)),
        NotWritable(trader, code(E::AccountNotWritable)),
        WrongOwner(exchange, code(E::InvalidAccountOwner)),
        WrongOwner(pool, code(E::InvalidAccountOwner)),
        WrongOwner(feed, code(E::InvalidAccountOwner)),
        WrongOwner(position, code(E::InvalidAccountOwner)),
        WrongOwner(trader, code(E::InvalidAccountOwner)),
        Twin(feed, code(E::FeedMismatch)),
        Cosplay(exchange, g.pool, code(E::AccountDiscriminatorMismatch)),
        Cosplay(pool, g.trader, code(E::AccountDiscriminatorMismatch)),
        Cosplay(position, g.trader, code(E::AccountDiscriminatorMismatch)),
        Cosplay(trader, g.position, code(E::AccountDiscriminatorMismatch)),
    ]
}

/// Attacks on the shared `position_accounts` list (fill open, fill close, settle, cancel)
/// starting at account `at`: the state part, then owner_token, vault, token_program. Every
/// token account passed in must be writable, whether or not this call moves tokens.
pub fn position_accounts(at: usize, g: &Genuine) -> Vec<Attack> {
    let [owner_token, vault, token_program] = core::array::from_fn(|k| at + 5 + k);
    let mut attacks = position_state_accounts(at, g);
    attacks.extend([
        WrongOwner(owner_token, code(E::InvalidTokenAccount)),
        WrongOwner(vault, code(E::InvalidVault)),
        Twin(vault, code(E::InvalidVault)),
        Substitute(owner_token, g.position, code(E::InvalidTokenAccount)),
        Substitute(token_program, Address::new_unique(), code(E::InvalidTokenProgram)),
        Substitute(token_program, solana_sdk_ids::system_program::ID, code(E::InvalidTokenProgram)),
    ]);
    attacks.extend(position_token_writes(at));
    attacks
}

/// The token accounts of `position_accounts` (at `at`) passed read-only: refused up front.
pub fn position_token_writes(at: usize) -> Vec<Attack> {
    vec![NotWritable(at + 5, code(E::AccountNotWritable)), NotWritable(at + 6, code(E::AccountNotWritable))]
}

/// Attacks on the writable Exchange at `at` (propose, apply, set_paused): read-only, owned by
/// another program, or a pool's bytes.
pub fn exchange_writable(at: usize, g: &Genuine) -> Vec<Attack> {
    vec![
        NotWritable(at, code(E::AccountNotWritable)),
        WrongOwner(at, code(E::InvalidAccountOwner)),
        Cosplay(at, g.pool, code(E::AccountDiscriminatorMismatch)),
    ]
}

/// Attacks on `pool_deposit` / `pool_withdraw` (same list): provider (signer), exchange, pool,
/// feed, vault, lp_mint, provider_token, provider_lp, token_program. Every account that is
/// written is checked writable up front.
pub fn liquidity_accounts(g: &Genuine) -> Vec<Attack> {
    vec![
        MissingSigner(0),
        NotWritable(2, code(E::AccountNotWritable)),
        NotWritable(4, code(E::AccountNotWritable)),
        NotWritable(5, code(E::AccountNotWritable)),
        NotWritable(6, code(E::AccountNotWritable)),
        NotWritable(7, code(E::AccountNotWritable)),
        WrongOwner(1, code(E::InvalidAccountOwner)),
        WrongOwner(2, code(E::InvalidAccountOwner)),
        WrongOwner(3, code(E::InvalidAccountOwner)),
        WrongOwner(4, code(E::InvalidVault)),
        WrongOwner(5, code(E::InvalidMint)),
        WrongOwner(6, code(E::InvalidTokenAccount)),
        WrongOwner(7, code(E::InvalidTokenAccount)),
        Twin(3, code(E::FeedMismatch)),
        Twin(4, code(E::InvalidVault)),
        Twin(5, code(E::InvalidMint)),
        Cosplay(1, g.pool, code(E::AccountDiscriminatorMismatch)),
        Cosplay(2, g.exchange, code(E::AccountDiscriminatorMismatch)),
        Substitute(8, Address::new_unique(), code(E::InvalidTokenProgram)),
    ]
}

/// Attacks on `pool_settle_all` / `pool_void` with one (position, trader, owner_token) triple
/// paying out: exchange, pool, feed, vault, token_program, position, trader, owner_token.
/// Position and trader are saved before the payout, the pool after the batch.
pub fn settlement_batch(g: &Genuine) -> Vec<Attack> {
    vec![
        NotWritable(1, code(E::AccountNotWritable)),
        NotWritable(3, code(E::AccountNotWritable)),
        NotWritable(5, code(E::AccountNotWritable)),
        NotWritable(6, code(E::AccountNotWritable)),
        NotWritable(7, code(E::AccountNotWritable)),
        WrongOwner(0, code(E::InvalidAccountOwner)),
        WrongOwner(1, code(E::InvalidAccountOwner)),
        WrongOwner(2, code(E::InvalidAccountOwner)),
        WrongOwner(3, code(E::InvalidVault)),
        WrongOwner(5, code(E::InvalidAccountOwner)),
        WrongOwner(6, code(E::InvalidAccountOwner)),
        WrongOwner(7, code(E::InvalidTokenAccount)),
        Twin(2, code(E::FeedMismatch)),
        Twin(3, code(E::InvalidVault)),
        Cosplay(0, g.pool, code(E::AccountDiscriminatorMismatch)),
        Cosplay(1, g.trader, code(E::AccountDiscriminatorMismatch)),
        Cosplay(5, g.trader, code(E::AccountDiscriminatorMismatch)),
        Cosplay(6, g.position, code(E::AccountDiscriminatorMismatch)),
        Substitute(4, Address::new_unique(), code(E::InvalidTokenProgram)),
        Substitute(7, g.position, code(E::InvalidTokenAccount)),
    ]
}
