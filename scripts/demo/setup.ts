/**
 * Demo setup on the local chain (`scripts/demo.sh` runs these steps):
 *
 *   setup.ts keys --dir <demo dir>
 *     the two programs' keypair files (kept across runs, so the program ids the app is built
 *     with stay the same); prints the ids.
 *   setup.ts prepare --localnet <localnet.json> --dir <demo dir> --source <match> [--speed N] [--keeper-port P]
 *     oracle config (2 signers, quorum 2), exchange + collateral mint, keypair files, and the
 *     keeper's config (<dir>/keeper.json, a fresh <dir>/keeper.db: the chain is new every start).
 *   setup.ts fund --dir <demo dir> [--liquidity T] [--trader-tokens T]
 *     waits for the pool the keeper creates, deposits LP liquidity, funds the demo trader.
 *
 * Each step prints one JSON line on stdout; errors name the flag or file and exit 1 (bad flags 2).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import { type ProgramIds, accountTypeFilters, decodeFutstarAccount, futstarIdl } from "@futstar/sdk";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";

import { UNIT, createExchange, fundTrader, initOracle, provideLiquidity } from "./market.js";

class UsageError extends Error {}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Base58 (Bitcoin alphabet): the text wallets like Phantom accept as "private key". */
export function base58(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = "";
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** Every futstar Pool account on chain (the SDK's type filter; decoded with the SDK). */
async function pools(connection: Connection, ids: ProgramIds): Promise<{ address: PublicKey; feed: PublicKey }[]> {
  const found = await connection.getProgramAccounts(ids.futstar, { commitment: "confirmed", filters: accountTypeFilters(futstarIdl, "pool") });
  return found.map(({ pubkey, account }) => ({ address: pubkey, feed: new PublicKey(decodeFutstarAccount("pool", account.data).feed.toBytes()) }));
}

interface LocalnetReady {
  readonly rpcUrl: string;
  readonly wsUrl: string;
  readonly upgradeAuthorityKeypair: string;
  readonly programs: { readonly futstar: { programId: string }; readonly momentum_oracle: { programId: string; programData: string } };
}

/** What `prepare` leaves for `fund` (and for people reading the demo dir). */
interface DemoState {
  readonly rpcUrl: string;
  readonly wsUrl: string;
  readonly adminKeypair: string;
  readonly programs: { readonly futstar: string; readonly oracle: string };
  readonly mint: string;
  readonly adminToken: string;
  readonly traderKeypair: string;
}

function readJson<T>(path: string, what: string): T {
  if (!existsSync(path)) throw new Error(`${what}: ${path} does not exist`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (err) {
    throw new Error(`${what}: ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function readKeypair(path: string): Keypair {
  const bytes = readJson<unknown>(path, "keypair");
  if (!Array.isArray(bytes) || bytes.length !== 64 || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    throw new Error(`${path}: not a keypair file (expected a JSON array of 64 bytes)`);
  }
  return Keypair.fromSecretKey(Uint8Array.from(bytes as number[]));
}

/** A keypair file kept across runs (the demo trader stays the same wallet), created when missing. */
function keypairFile(path: string): Keypair {
  if (existsSync(path)) return readKeypair(path);
  const kp = Keypair.generate();
  writeFileSync(path, JSON.stringify(Array.from(kp.secretKey)), { mode: 0o600 });
  return kp;
}

function positiveNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag}: expected a positive number, got '${value}'`);
  return n;
}

function port(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`${flag}: expected a port 0..65535, got '${value}'`);
  return n;
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === "") throw new UsageError(`${flag}: required`);
  return value;
}

function keys(args: string[]): void {
  const { values } = parseArgs({ args, strict: true, options: { dir: { type: "string" } } });
  const dir = join(resolve(required(values.dir, "--dir")), "keys");
  mkdirSync(dir, { recursive: true });
  const out: Record<string, string> = {};
  for (const program of ["momentum_oracle", "futstar"]) {
    const path = join(dir, `${program}-program.json`);
    out[program] = keypairFile(path).publicKey.toBase58();
    out[`${program}Keypair`] = path;
  }
  console.log(JSON.stringify({ event: "keys", ...out }));
}

async function prepare(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, strict: true, options: { localnet: { type: "string" }, dir: { type: "string" }, source: { type: "string" }, speed: { type: "string" }, "keeper-port": { type: "string" } } });
  const dir = resolve(required(values.dir, "--dir"));
  const source = required(values.source, "--source");
  const speed = positiveNumber(values.speed, "--speed", 1);
  const keeperPort = port(values["keeper-port"], "--keeper-port", 9464);
  const ready = readJson<LocalnetReady>(resolve(required(values.localnet, "--localnet")), "--localnet");
  const keys = join(dir, "keys");
  mkdirSync(keys, { recursive: true });

  const connection = new Connection(ready.rpcUrl, { commitment: "confirmed", wsEndpoint: ready.wsUrl });
  const admin = readKeypair(ready.upgradeAuthorityKeypair);
  const ids: ProgramIds = { futstar: new PublicKey(ready.programs.futstar.programId), momentumOracle: new PublicKey(ready.programs.momentum_oracle.programId) };
  const signerPaths = [0, 1].map((i) => join(keys, `oracle-signer-${i}.json`));
  const signers = signerPaths.map(keypairFile);
  const traderPath = join(keys, "demo-trader.json");
  keypairFile(traderPath);

  await initOracle(connection, ids, admin, signers.map((s) => s.publicKey));
  const exchange = await createExchange(connection, ids, admin, 1_000_000n * UNIT);

  const state: DemoState = {
    rpcUrl: ready.rpcUrl,
    wsUrl: ready.wsUrl,
    adminKeypair: ready.upgradeAuthorityKeypair,
    programs: { futstar: ids.futstar.toBase58(), oracle: ids.momentumOracle.toBase58() },
    mint: exchange.mint.toBase58(),
    adminToken: exchange.adminToken.toBase58(),
    traderKeypair: traderPath,
  };
  writeFileSync(join(dir, "demo-state.json"), `${JSON.stringify(state, null, 2)}\n`);

  // A fresh chain every start: the keeper's database must start fresh too (sequence numbers,
  // landed updates and crank work refer to accounts of the previous chain).
  const dbPath = join(dir, "keeper.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
  const isSynthetic = source.startsWith("synthetic");
  const config = {
    rpcUrls: [ready.rpcUrl],
    wsUrl: ready.wsUrl,
    dbPath,
    keypairs: { payer: ready.upgradeAuthorityKeypair, operator: ready.upgradeAuthorityKeypair, oracleSigners: signerPaths },
    programs: { oracle: ids.momentumOracle.toBase58(), futstar: ids.futstar.toBase58() },
    collateralMint: exchange.mint.toBase58(),
    oracleClock: "chain",
    priorityFee: { source: "recent" },
    http: { host: "127.0.0.1", port: keeperPort },
    pushIntervalMs: 250,
    crankIntervalMs: 500,
    matches: [{ key: isSynthetic ? "synthetic-demo" : "demo", source: isSynthetic || /^https?:\/\//.test(source) ? source : resolve(source), speed }],
  };
  writeFileSync(join(dir, "keeper.json"), `${JSON.stringify(config, null, 2)}\n`);
  console.log(JSON.stringify({ event: "prepared", keeperConfig: join(dir, "keeper.json"), mint: state.mint, traderKeypair: traderPath }));
}

async function fund(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, strict: true, options: { dir: { type: "string" }, liquidity: { type: "string" }, "trader-tokens": { type: "string" }, "timeout-ms": { type: "string" } } });
  const dir = resolve(required(values.dir, "--dir"));
  const liquidity = BigInt(Math.round(positiveNumber(values.liquidity, "--liquidity", 100_000))) * UNIT;
  const traderTokens = BigInt(Math.round(positiveNumber(values["trader-tokens"], "--trader-tokens", 1_000))) * UNIT;
  const timeoutMs = positiveNumber(values["timeout-ms"], "--timeout-ms", 120_000);
  const state = readJson<DemoState>(join(dir, "demo-state.json"), "demo state (run `setup.ts prepare` first)");
  const connection = new Connection(state.rpcUrl, { commitment: "confirmed", wsEndpoint: state.wsUrl });
  const ids: ProgramIds = { futstar: new PublicKey(state.programs.futstar), momentumOracle: new PublicKey(state.programs.oracle) };
  const admin = readKeypair(state.adminKeypair);
  const trader = readKeypair(state.traderKeypair);

  // The keeper creates the match's feed and pool at start; on a fresh chain there is exactly one.
  const deadline = Date.now() + timeoutMs;
  let found = await pools(connection, ids);
  while (found.length === 0) {
    if (Date.now() > deadline) throw new Error(`no pool on chain within ${timeoutMs} ms: the keeper creates it at start (see its log)`);
    await new Promise((r) => setTimeout(r, 250));
    found = await pools(connection, ids);
  }
  if (found.length !== 1) throw new Error(`expected one pool on the fresh demo chain, found ${found.length}`);
  const pool = found[0]!;
  await provideLiquidity(connection, ids, admin, new PublicKey(state.adminToken), pool.address, pool.feed, liquidity);
  const traderToken = await fundTrader(connection, admin, new PublicKey(state.mint), trader.publicKey, 10, traderTokens);
  console.log(JSON.stringify({
    event: "funded",
    feed: pool.feed.toBase58(),
    pool: pool.address.toBase58(),
    liquidity: liquidity.toString(),
    trader: trader.publicKey.toBase58(),
    traderKeypair: state.traderKeypair,
    traderSecretBase58: base58(trader.secretKey),
    traderToken: traderToken.toBase58(),
    traderTokens: traderTokens.toString(),
  }));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "keys") keys(rest);
    else if (command === "prepare") await prepare(rest);
    else if (command === "fund") await fund(rest);
    else throw new UsageError(`unknown command '${command ?? ""}' (expected keys, prepare or fund)`);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`demo setup ${command ?? ""}: ${message}`);
    // node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown/missing flags.
    const code = (err as { code?: unknown }).code;
    return err instanceof UsageError || (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
