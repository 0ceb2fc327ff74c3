/**
 * The real localnet for keeper tests: `tests/localnet/spawn.ts` (owned by the localnet work),
 * loaded at run time so the keeper's tsconfig stays within keeper/.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type ProgramIds, exchangeInit, oracleConfigInit } from "@futstar/sdk";
import { MINT_SIZE, TOKEN_PROGRAM_ID, createAssociatedTokenAccountIdempotentInstruction, createInitializeMint2Instruction, createMintToInstruction, getAssociatedTokenAddressSync } from "@solana/spl-token";
import { Connection, Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";
import { ZeroFeeSource } from "../../src/chain/priority-fee.js";
import { RpcPool } from "../../src/chain/rpc-pool.js";
import { TxSender } from "../../src/chain/tx-sender.js";

interface DeployedProgram {
  readonly programId: string;
  readonly programData: string;
}

export interface RunningLocalnet {
  readonly rpcUrl: string;
  readonly wsUrl: string;
  readonly authority: Keypair;
  readonly upgradeAuthorityKeypair: string;
  readonly programs: { readonly futstar: DeployedProgram; readonly momentum_oracle: DeployedProgram };
  readonly output: string[];
  stop(): Promise<unknown>;
}

interface SpawnModule {
  startLocalnet(options: { slotTimeMs?: number; timeoutMs?: number }): Promise<RunningLocalnet>;
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(repoRoot, path)).href)) as T;

export async function startLocalnet(slotTimeMs = 50): Promise<RunningLocalnet> {
  const mod = await load<SpawnModule>("tests/localnet/spawn.ts");
  return mod.startLocalnet({ slotTimeMs, timeoutMs: 120_000 });
}

/** Creates the oracle config with `signers` (quorum = all of them) and permissive guard rails for tests. */
export async function initOracle(net: RunningLocalnet, signers: readonly Keypair[], maxMoveBpsPerSec = 10_000): Promise<PublicKey> {
  const programId = new PublicKey(net.programs.momentum_oracle.programId);
  const ids = { futstar: new PublicKey(net.programs.futstar.programId), momentumOracle: programId };
  const ix = oracleConfigInit(ids, {
    authority: net.authority.publicKey,
    params: { admin: net.authority.publicKey, signers: signers.map((s) => s.publicKey), quorum: signers.length, maxMoveBpsPerSec, maxStalenessS: 600, maxFutureSkewS: 30, timelockDelayS: 60 },
  });
  await sendOk(net, [ix], []);
  return programId;
}

/** Sends with the authority paying (polling, no WebSocket); throws with the failure when refused. */
export async function sendOk(net: RunningLocalnet, instructions: TransactionInstruction[], signers: Keypair[]): Promise<string> {
  const sender = new TxSender(new RpcPool([net.rpcUrl]), net.authority, new ZeroFeeSource(), { pollMs: 30 });
  const outcome = await sender.send({ instructions, signers, writable: [] });
  if (outcome.status !== "landed") throw new Error(`refused: ${outcome.failure.text}`);
  return outcome.signature;
}

let nextId = 1;
export async function rpc(net: RunningLocalnet, method: string, params: unknown[]): Promise<unknown> {
  const response = await fetch(net.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }) });
  const body = (await response.json()) as { result?: unknown; error?: unknown };
  if (body.error !== undefined) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/**
 * Moves the chain clock forward to `unixSeconds` (surfnet cheatcode). The clock also runs with
 * wall time: when it is already past the target there is nothing to do.
 */
export async function timeTravel(net: RunningLocalnet, unixSeconds: bigint): Promise<void> {
  try {
    await rpc(net, "surfnet_timeTravel", [{ absoluteTimestamp: Number(unixSeconds) * 1000 }]);
  } catch (err) {
    if (!/Cannot travel to past timestamp/.test(String(err))) throw err;
  }
}

/** Exchange limits for keeper tests: permissive, a 5 s in-play delay, 60 s and 300 s positions. */
export const TEST_LIMITS = { maxLeverage: 20, inplayDelayS: 5, maxStalenessS: 60, minOpenIntervalSlots: 0, maxOpenPositions: 10, minCollateral: 1000n, maxNotional: 10n ** 9n, maxOiPerSide: 10n ** 10n, maxSkew: 10n ** 10n, maxPayout: 10n ** 8n, durations: [60, 300] };

/** `exchange_init` (authority = admin = guardian) and a fresh 6-decimal collateral mint the authority mints. */
export async function initExchange(net: RunningLocalnet): Promise<{ ids: ProgramIds; mint: PublicKey }> {
  const ids = { futstar: new PublicKey(net.programs.futstar.programId), momentumOracle: new PublicKey(net.programs.momentum_oracle.programId) };
  const connection = new Connection(net.rpcUrl, "confirmed");
  const treasury = Keypair.generate().publicKey;
  const config = { admin: net.authority.publicKey, guardian: net.authority.publicKey, oracleProgram: ids.momentumOracle, treasury, openFeeBps: 10, closeFeeBps: 10, lpFeeShareBps: 7000, timelockDelayS: 3600, defaultLimits: TEST_LIMITS };
  const mint = Keypair.generate();
  const rent = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
  await sendOk(
    net,
    [
      exchangeInit(ids, { payer: net.authority.publicKey, config }),
      SystemProgram.createAccount({ fromPubkey: net.authority.publicKey, newAccountPubkey: mint.publicKey, lamports: rent, space: MINT_SIZE, programId: TOKEN_PROGRAM_ID }),
      createInitializeMint2Instruction(mint.publicKey, 6, net.authority.publicKey, null),
    ],
    [mint],
  );
  return { ids, mint: mint.publicKey };
}

/** A new wallet with SOL for fees and `tokens` of `mint` in its associated token account. */
export async function fundedWallet(net: RunningLocalnet, mint: PublicKey, tokens: bigint): Promise<{ owner: Keypair; token: PublicKey }> {
  const owner = Keypair.generate();
  const token = getAssociatedTokenAddressSync(mint, owner.publicKey);
  await sendOk(
    net,
    [
      SystemProgram.transfer({ fromPubkey: net.authority.publicKey, toPubkey: owner.publicKey, lamports: LAMPORTS_PER_SOL }),
      createAssociatedTokenAccountIdempotentInstruction(net.authority.publicKey, token, owner.publicKey, mint),
      createMintToInstruction(mint, token, net.authority.publicKey, tokens),
    ],
    [],
  );
  return { owner, token };
}
