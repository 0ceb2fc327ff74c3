//! A deployed exchange with one pool on one feed: the starting point of most tests.
#![allow(dead_code)]
use futstar::state::{
    exchange::Exchange,
    limits::{ExchangeConfig, PoolLimits, DURATION_MATCH_END},
    pool::Pool,
    position::Position,
    trader::Trader,
};
use litesvm::{
    types::{FailedTransactionMetadata, TransactionMetadata},
    LiteSVM,
};
use solana_account::Account;
use solana_address::Address;
use solana_clock::Clock;
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_signer::Signer;

use super::{feed::FeedState, ix, token};

pub const T0: i64 = 1_750_000_000;
pub const USDC: u64 = 1_000_000;

pub fn default_limits() -> PoolLimits {
    PoolLimits {
        max_leverage: 10,
        inplay_delay_s: 5,
        max_staleness_s: 30,
        min_open_interval_slots: 1,
        max_open_positions: 8,
        min_collateral: USDC,
        max_notional: 100_000 * USDC,
        max_oi_per_side: 1_000_000 * USDC,
        max_skew: 1_000_000 * USDC,
        max_payout: 100_000 * USDC,
        durations: [300, 600, 1800, DURATION_MATCH_END],
    }
}

pub struct Trading {
    pub owner: Keypair,
    pub token: Address,
    pub trader: Address,
}

pub struct World {
    pub svm: LiteSVM,
    pub program_id: Address,
    pub oracle_id: Address,
    pub admin: Keypair,
    pub guardian: Keypair,
    pub treasury: Keypair,
    pub payer: Keypair,
    pub mint: Address,
    pub exchange: Address,
    pub feed: Address,
    pub feed_state: FeedState,
    pub pool: Address,
    pub vault: Address,
    pub lp_mint: Address,
    pub now: i64,
    pub slot: u64,
}

impl World {
    pub fn config(&self) -> ExchangeConfig {
        ExchangeConfig {
            admin: self.admin.pubkey(),
            guardian: self.guardian.pubkey(),
            oracle_program: self.oracle_id,
            treasury: self.treasury.pubkey(),
            open_fee_bps: 10,
            close_fee_bps: 10,
            lp_fee_share_bps: 7_000,
            timelock_delay_s: 3_600,
            default_limits: default_limits(),
        }
    }

    /// Deployed program, clock at T0, mint created; the exchange NOT initialized yet.
    pub fn uninitialized() -> World {
        let (mut svm, program_id) = super::svm_with_futstar();
        let oracle_id = Address::new_unique();
        let oracle_so = super::program_so_path("momentum_oracle");
        if oracle_so.exists() {
            svm.add_program_from_file(oracle_id, oracle_so).expect("load momentum_oracle.so");
        }
        let (admin, guardian, treasury, payer) = (Keypair::new(), Keypair::new(), Keypair::new(), Keypair::new());
        for k in [&admin, &guardian, &treasury, &payer] {
            svm.airdrop(&k.pubkey(), 100_000_000_000).unwrap();
        }
        let mint = Address::new_unique();
        let (exchange, _) = Address::find_program_address(&[b"exchange"], &program_id);
        let match_id = [7u8; 32];
        let feed = Self::feed_address(&oracle_id, &match_id);
        let (pool, vault, lp_mint) = Self::pool_addresses(&program_id, &feed);
        let mut w = World {
            svm,
            program_id,
            oracle_id,
            admin,
            guardian,
            treasury,
            payer,
            mint,
            exchange,
            feed,
            feed_state: FeedState::new(match_id),
            pool,
            vault,
            lp_mint,
            now: T0,
            slot: 1_000,
        };
        w.set_clock(T0, 1_000);
        w.set_raw(mint, token::mint_bytes(&Address::new_unique(), 6, 0), super::token_program_id());
        w
    }

    /// Deployed program, clock at T0, exchange initialized; no feed or pool yet.
    pub fn bare() -> World {
        let mut w = World::uninitialized();
        let init = ix::exchange_init(&w, &w.config());
        let payer = w.payer.insecure_clone();
        w.send(init, &payer, &[]).expect("exchange_init");
        w
    }

    /// The oracle's feed PDA of `match_id`.
    pub fn feed_address(oracle_id: &Address, match_id: &[u8; 32]) -> Address {
        Address::find_program_address(&[b"feed", match_id], oracle_id).0
    }

    /// The (pool, vault, LP mint) PDAs of a feed.
    pub fn pool_addresses(program_id: &Address, feed: &Address) -> (Address, Address, Address) {
        let (pool, _) = Address::find_program_address(&[b"pool", feed.as_ref()], program_id);
        let (vault, _) = Address::find_program_address(&[b"vault", pool.as_ref()], program_id);
        let (lp_mint, _) = Address::find_program_address(&[b"lp_mint", pool.as_ref()], program_id);
        (pool, vault, lp_mint)
    }

    /// Points the world at a second Live feed of `match_id` (written, owned by the oracle) and
    /// that feed's pool addresses (not created): the previous pool stays as it was.
    pub fn switch_to_new_feed(&mut self, match_id: [u8; 32]) {
        let samples = self.feed_state.samples.clone();
        self.feed = Self::feed_address(&self.oracle_id, &match_id);
        self.feed_state = FeedState { match_id, samples };
        self.write_feed();
        (self.pool, self.vault, self.lp_mint) = Self::pool_addresses(&self.program_id, &self.feed);
    }

    /// Exchange + Live feed (index 5000, samples up to now) + pool.
    pub fn new() -> World {
        let mut w = World::bare();
        for s in 0..10 {
            w.feed_state.push(T0 - 10 + s, 5_000, false, super::feed::LIVE);
        }
        w.write_feed();
        let create = ix::pool_create(&w);
        let admin = w.admin.insecure_clone();
        w.send(create, &admin, &[]).expect("pool_create");
        w
    }

    /// `new()` plus an LP deposit of `liquidity` tokens.
    pub fn funded(liquidity: u64) -> World {
        let mut w = World::new();
        w.lp_deposit(liquidity);
        w
    }

    pub fn set_raw(&mut self, address: Address, data: Vec<u8>, owner: Address) {
        let lamports = self.svm.minimum_balance_for_rent_exemption(data.len());
        self.svm.set_account(address, Account { lamports, data, owner, executable: false, rent_epoch: 0 }).unwrap();
    }

    pub fn write_feed(&mut self) {
        let bytes = self.feed_state.bytes();
        let (feed, oracle) = (self.feed, self.oracle_id);
        self.set_raw(feed, bytes, oracle);
    }

    pub fn set_clock(&mut self, ts: i64, slot: u64) {
        self.now = ts;
        self.slot = slot;
        self.svm.warp_to_slot(slot);
        let mut clock: Clock = self.svm.get_sysvar();
        clock.unix_timestamp = ts;
        clock.slot = slot;
        self.svm.set_sysvar(&clock);
    }

    /// Moves time forward `secs`, with the oracle publishing one Live sample per second at
    /// `index` (unchanged status and suspension).
    pub fn tick(&mut self, secs: i64, index: u16) {
        for _ in 0..secs {
            self.now += 1;
            self.feed_state.push(self.now, index, false, super::feed::LIVE);
        }
        self.write_feed();
        let (now, slot) = (self.now, self.slot + 2 * secs as u64);
        self.set_clock(now, slot);
    }

    /// Moves time without new samples.
    pub fn wait(&mut self, secs: i64) {
        let (now, slot) = (self.now + secs, self.slot + 2 * secs as u64);
        self.set_clock(now, slot);
    }

    /// Appends one sample at the current time + 1 s.
    pub fn push_sample(&mut self, index: u16, suspended: bool, status: u8) {
        self.now += 1;
        self.feed_state.push(self.now, index, suspended, status);
        self.write_feed();
        let (now, slot) = (self.now, self.slot + 2);
        self.set_clock(now, slot);
    }

    pub fn send(&mut self, ix: Instruction, payer: &Keypair, signers: &[&Keypair]) -> Result<TransactionMetadata, FailedTransactionMetadata> {
        super::send(&mut self.svm, &[ix], payer, signers)
    }

    /// Sends and returns the custom error code (panics on success, naming the case).
    pub fn fail(&mut self, ix: Instruction, payer: &Keypair, signers: &[&Keypair]) -> u32 {
        match self.send(ix, payer, signers) {
            Ok(meta) => panic!("expected failure, succeeded:\n{}", meta.logs.join("\n")),
            Err(e) => super::custom_error_code(&e).unwrap_or_else(|| panic!("not a custom error: {:?}\n{}", e.err, e.meta.logs.join("\n"))),
        }
    }

    pub fn token_account(&mut self, owner: &Address, mint: &Address, amount: u64) -> Address {
        let address = Address::new_unique();
        self.set_raw(address, token::account_bytes(mint, owner, amount), super::token_program_id());
        address
    }

    pub fn balance(&self, account: &Address) -> u64 {
        token::amount_of(&self.svm.get_account(account).expect("token account").data)
    }

    pub fn pool_state(&self) -> Pool {
        Pool::load(&self.svm.get_account(&self.pool).unwrap().data).unwrap()
    }
    pub fn exchange_state(&self) -> Exchange {
        Exchange::load(&self.svm.get_account(&self.exchange).unwrap().data).unwrap()
    }
    pub fn position_state(&self, position: &Address) -> Position {
        Position::load(&self.svm.get_account(position).unwrap().data).unwrap()
    }
    pub fn trader_state(&self, trader: &Address) -> Trader {
        Trader::load(&self.svm.get_account(trader).unwrap().data).unwrap()
    }

    /// A new LP deposits `amount`; returns (owner, collateral account, LP share account).
    pub fn lp_deposit(&mut self, amount: u64) -> (Keypair, Address, Address) {
        let lp = Keypair::new();
        self.svm.airdrop(&lp.pubkey(), 10_000_000_000).unwrap();
        let mint = self.mint;
        let lp_mint = self.lp_mint;
        let token = self.token_account(&lp.pubkey(), &mint, amount);
        let shares = self.token_account(&lp.pubkey(), &lp_mint, 0);
        let ix = ix::pool_deposit(self, &lp.pubkey(), &token, &shares, amount);
        self.send(ix, &lp, &[]).expect("pool_deposit");
        (lp, token, shares)
    }

    /// A new trader with `tokens` collateral tokens and an initialized Trader account.
    pub fn trading(&mut self, tokens: u64) -> Trading {
        let owner = Keypair::new();
        self.svm.airdrop(&owner.pubkey(), 10_000_000_000).unwrap();
        let mint = self.mint;
        let token = self.token_account(&owner.pubkey(), &mint, tokens);
        let (trader, _) = Address::find_program_address(&[b"trader", self.pool.as_ref(), owner.pubkey().as_ref()], &self.program_id);
        let ix = ix::trader_init(self, &owner.pubkey());
        self.send(ix, &owner, &[]).expect("trader_init");
        Trading { owner, token, trader }
    }

    pub fn position_address(&self, trader: &Address, id: u64) -> Address {
        Address::find_program_address(&[b"position", trader.as_ref(), &id.to_le_bytes()], &self.program_id).0
    }

    /// Requests an open; returns the position address.
    pub fn request_open(&mut self, t: &Trading, side: u8, leverage: u16, collateral: u64, duration: u32) -> Result<Address, u32> {
        let id = self.trader_state(&t.trader).next_position_id;
        let position = self.position_address(&t.trader, id);
        let ix = ix::position_request_open(self, t, &position, side, leverage, collateral, duration);
        let owner = t.owner.insecure_clone();
        match self.send(ix, &owner, &[]) {
            Ok(_) => Ok(position),
            Err(e) => Err(super::custom_error_code(&e).unwrap_or_else(|| panic!("request_open: {:?}\n{}", e.err, e.meta.logs.join("\n")))),
        }
    }

    /// Requests and fills an open at `index` after the in-play delay.
    pub fn open(&mut self, t: &Trading, side: u8, leverage: u16, collateral: u64, duration: u32, index: u16) -> Address {
        let position = self.request_open(t, side, leverage, collateral, duration).expect("request open");
        self.tick(5, index);
        let ix = ix::position_fill_open(self, &position, &t.token);
        let payer = self.payer.insecure_clone();
        self.send(ix, &payer, &[]).expect("fill open");
        position
    }

    /// Sum of every token account the test knows minus nothing: used for conservation checks.
    pub fn vault_balance(&self) -> u64 {
        self.balance(&self.vault)
    }

    /// vault == liquidity + collateral_locked + escrowed + fees_owed and reserved ≤ liquidity.
    pub fn assert_books_balance(&self) {
        let p = self.pool_state();
        assert_eq!(self.vault_balance(), p.liquidity + p.collateral_locked + p.escrowed + p.fees_owed, "vault vs books: {p:?}");
        assert!(p.reserved <= p.liquidity, "reserved {} > liquidity {}", p.reserved, p.liquidity);
    }
}
