/**
 * The main flow through the SDK's builders into the REAL futstar.so and momentum_oracle.so
 * (LiteSVM): oracle config init, feed create, signed updates (real Ed25519 precompile), exchange
 * init, pool create, deposit, trader init, request open, fill, request close, fill, a second
 * position settled at expiry; accounts read back with the SDK's decoders, amounts checked against
 * the SDK's math, real program errors decoded. Prints CU per instruction.
 */
import { Keypair, type PublicKey } from "@solana/web3.js";
import { beforeAll, describe, expect, it } from "vitest";

import {
  type ExchangeConfigInput,
  FeedStatus,
  PositionStatus,
  decodeFutstarAccount,
  decodeOracleAccount,
  feedCreate,
  feedPda,
  feedSamples,
  oracleConfigInit,
  oracleConfigPda,
  oraclePushInstructions,
  decodeEvents,
  decodeTransactionError,
  exchangeInit,
  exchangePda,
  lpMintPda,
  math,
  poolCreate,
  poolDeposit,
  poolSettleAll,
  poolPda,
  positionFillClose,
  positionFillOpen,
  positionPda,
  positionRequestClose,
  positionRequestOpen,
  positionSettle,
  positionStatusOf,
  traderInit,
  traderPda,
  vaultPda,
} from "../src/index.js";
import { type Chain, accountData, createMint, createTokenAccount, fund, mintTo, newChain, send, sendOk, setTime, setUpgradeAuthority, tokenBalance } from "./harness.js";

const T0 = 1_780_000_000n;
const DELAY = 5n;
const big = (v: { toString(): string }): bigint => BigInt(v.toString());

function config(chain: Chain, treasury: PublicKey): ExchangeConfigInput {
  return {
    admin: chain.payer.publicKey,
    guardian: chain.payer.publicKey,
    oracleProgram: chain.ids.momentumOracle,
    treasury,
    openFeeBps: 10,
    closeFeeBps: 10,
    lpFeeShareBps: 7000,
    timelockDelayS: 3600,
    defaultLimits: {
      maxLeverage: 20,
      inplayDelayS: Number(DELAY),
      maxStalenessS: 30,
      minOpenIntervalSlots: 0,
      maxOpenPositions: 10,
      minCollateral: 1_000n,
      maxNotional: 1_000_000_000n,
      maxOiPerSide: 10_000_000_000n,
      maxSkew: 10_000_000_000n,
      maxPayout: 100_000_000n,
      durations: [60, 300],
    },
  };
}

describe("futstar main flow through the SDK (real futstar.so + momentum_oracle.so in LiteSVM)", () => {
  let chain: Chain;
  const cu: Record<string, bigint> = {};
  const oracleSigner = Keypair.generate();
  const matchId = "wc2018-final";
  let seq = 0n;
  let feed: PublicKey;

  beforeAll(() => {
    chain = newChain();
    setTime(chain.svm, T0);
    setUpgradeAuthority(chain.svm, chain.ids.momentumOracle, chain.payer.publicKey);
  });

  /** Moves the clock to `ts` and pushes one signed update (seq + 1) through the Ed25519 precompile. */
  const push = (ts: bigint, indexBps: number, status = FeedStatus.Live): PublicKey => {
    setTime(chain.svm, ts);
    seq += 1n;
    const update = { feed, seq, ts, status, suspended: false, indexBps, components: [indexBps, 5000, 5000, 5000, 5000] };
    const sent = send(chain.svm, oraclePushInstructions(chain.ids, [update], [oracleSigner]), chain.payer);
    if (!sent.ok) throw new Error(`feed_push_update failed:\n${sent.logs.join("\n")}`);
    cu["feed_push_update"] ??= sent.computeUnits;
    const events = decodeEvents(sent.logs, chain.ids);
    expect(events.map((e) => `${e.program}.${e.name}`)).toEqual(["momentumOracle.feedUpdated"]);
    expect(events[0]!.data["indexBps"]).toBe(indexBps);
    return feed;
  };

  it("oracle: config init, feed create, signed update, replay refused", () => {
    const { svm, ids, payer } = chain;
    const params = { admin: payer.publicKey, signers: [oracleSigner.publicKey], quorum: 1, maxMoveBpsPerSec: 1000, maxStalenessS: 60, maxFutureSkewS: 5, timelockDelayS: 3600 };
    cu["config_init"] = sendOk(svm, [oracleConfigInit(ids, { authority: payer.publicKey, params })], payer);
    const config = decodeOracleAccount("oracleConfig", accountData(svm, oracleConfigPda(ids.momentumOracle)[0])!);
    expect(config.current.quorum).toBe(1);
    expect(config.current.signers[0]!.equals(oracleSigner.publicKey)).toBe(true);
    cu["feed_create"] = sendOk(svm, [feedCreate(ids, { admin: payer.publicKey, matchId, homeTeam: "France", awayTeam: "Croatia" })], payer);
    feed = feedPda(ids.momentumOracle, matchId)[0];
    push(T0, 5000);
    const decoded = decodeOracleAccount("feed", accountData(svm, feed)!);
    expect(decoded.status).toBe(FeedStatus.Live);
    expect(big(decoded.seq)).toBe(1n);
    expect(feedSamples(decoded)).toEqual([{ ts: T0, indexBps: 5000, suspended: false, status: FeedStatus.Live }]);

    // Replaying the same seq is refused by the program and decoded from its IDL.
    const replay = send(svm, oraclePushInstructions(ids, [{ feed, seq, ts: T0, status: FeedStatus.Live, suspended: false, indexBps: 5000, components: [5000, 5000, 5000, 5000, 5000] }], [oracleSigner]), payer);
    expect(replay.ok).toBe(false);
    expect(decodeTransactionError(replay.logs, ids)).toMatchObject({ program: "momentumOracle", name: "SeqNotIncreasing", code: 6028 });
    // A key outside the signer set is refused.
    const stranger = send(svm, oraclePushInstructions(ids, [{ feed, seq: seq + 1n, ts: T0, status: FeedStatus.Live, suspended: false, indexBps: 5000, components: [5000, 5000, 5000, 5000, 5000] }], [Keypair.generate()]), payer);
    expect(decodeTransactionError(stranger.ok ? [] : stranger.logs, ids)).toMatchObject({ name: "UnknownSigner", code: 6021 });
  });

  it("runs init → pool → deposit → open → fill → close → fill → settle", async () => {
    const { svm, ids, payer } = chain;
    const treasury = Keypair.generate().publicKey;
    cu["exchange_init"] = sendOk(svm, [exchangeInit(ids, { payer: payer.publicKey, config: config(chain, treasury) })], payer);
    const exchange = decodeFutstarAccount("exchange", accountData(svm, exchangePda(ids.futstar)[0])!);
    expect(exchange.config.oracleProgram.equals(ids.momentumOracle)).toBe(true);
    expect(exchange.config.defaultLimits.durations).toEqual([60, 300, 0, 0]);

    const mint = createMint(chain, payer.publicKey);
    cu["pool_create"] = sendOk(svm, [poolCreate(ids, { admin: payer.publicKey, feed, collateralMint: mint })], payer);
    const pool = poolPda(ids.futstar, feed)[0];
    const poolAccount = decodeFutstarAccount("pool", accountData(svm, pool)!);
    expect(poolAccount.vault.equals(vaultPda(ids.futstar, pool)[0])).toBe(true);
    expect(poolAccount.lpMint.equals(lpMintPda(ids.futstar, pool)[0])).toBe(true);

    const providerToken = createTokenAccount(chain, mint, payer.publicKey);
    const providerLp = createTokenAccount(chain, lpMintPda(ids.futstar, pool)[0], payer.publicKey);
    mintTo(chain, mint, providerToken, 1_000_000_000n);
    const deposit = 500_000_000n;
    cu["pool_deposit"] = sendOk(svm, [poolDeposit(ids, { provider: payer.publicKey, pool, feed, providerToken, providerLp, amount: deposit })], payer);
    expect(tokenBalance(svm, providerLp)).toBe(math.sharesForDeposit(deposit, 0n, 0n));

    const owner = Keypair.generate();
    fund(svm, owner.publicKey);
    const ownerToken = createTokenAccount(chain, mint, owner.publicKey);
    mintTo(chain, mint, ownerToken, 10_000_000n);
    cu["trader_init"] = sendOk(svm, [traderInit(ids, { owner: owner.publicKey, pool })], owner);
    const trader = traderPda(ids.futstar, pool, owner.publicKey)[0];

    const collateral = 1_000_000n;
    const leverage = 5;
    const open = (id: bigint, durationS: number) =>
      positionRequestOpen(ids, { owner: owner.publicKey, pool, feed, positionId: id, ownerToken, side: math.Side.Long, leverage, collateral, durationS });
    cu["position_request_open"] = sendOk(svm, [open(0n, 300)], owner);
    const position = positionPda(ids.futstar, trader, 0n)[0];
    let decoded = decodeFutstarAccount("position", accountData(svm, position)!);
    expect(positionStatusOf(decoded)).toBe(PositionStatus.PendingOpen);
    const notional = math.notional(collateral, BigInt(leverage));
    expect(big(decoded.notional)).toBe(notional);
    expect(big(decoded.openFee)).toBe(math.fee(notional, 10n));
    expect(tokenBalance(svm, ownerToken)).toBe(10_000_000n - collateral - math.fee(notional, 10n));

    const accounts = { pool, feed, position, trader, ownerToken };
    push(T0 + DELAY, 5200);
    const fill = send(svm, [positionFillOpen(ids, accounts)], payer);
    if (!fill.ok) throw new Error(`fill open failed:\n${fill.logs.join("\n")}`);
    cu["position_fill_open"] = fill.computeUnits;
    const events = decodeEvents(fill.logs, ids);
    expect(events.map((e) => `${e.program}.${e.name}`)).toEqual(["futstar.openFilled"]);
    expect(events[0]!.data["entryIndex"]).toBe(5200);
    decoded = decodeFutstarAccount("position", accountData(svm, position)!);
    expect(positionStatusOf(decoded)).toBe(PositionStatus.Open);
    expect(decoded.entryIndex).toBe(5200);
    expect(big(decoded.maxProfit)).toBe(math.maxProfit(math.Side.Long, notional, 5200n, 100_000_000n));

    push(T0 + 20n, 5300);
    cu["position_request_close"] = sendOk(svm, [positionRequestClose(ids, { owner: owner.publicKey, position })], owner);
    const before = tokenBalance(svm, ownerToken);
    push(T0 + 20n + DELAY, 5500);
    cu["position_fill_close"] = sendOk(svm, [positionFillClose(ids, accounts)], payer);
    decoded = decodeFutstarAccount("position", accountData(svm, position)!);
    expect(positionStatusOf(decoded)).toBe(PositionStatus.Closed);
    const terms = { side: math.Side.Long, collateral, notional, entryBps: 5200n, maxProfit: big(decoded.maxProfit) };
    const settlement = math.settle(terms, 5500n, 10n);
    expect(decoded.exitIndex).toBe(5500);
    expect(big(decoded.payout)).toBe(settlement.payout);
    expect(big(decoded.realizedPnl)).toBe(settlement.pnl);
    expect(tokenBalance(svm, ownerToken) - before).toBe(settlement.payout);

    // A second position held to expiry, settled by anyone.
    push(T0 + 40n, 5500);
    sendOk(svm, [open(1n, 60)], owner);
    const second = positionPda(ids.futstar, trader, 1n)[0];
    const secondAccounts = { ...accounts, position: second };
    push(T0 + 40n + DELAY, 5400);
    sendOk(svm, [positionFillOpen(ids, secondAccounts)], payer);
    const filled = decodeFutstarAccount("position", accountData(svm, second)!);
    push(big(filled.expiryTs), 4900);
    push(big(filled.expiryTs) + 1n, 4800);
    cu["position_settle"] = sendOk(svm, [positionSettle(ids, secondAccounts)], payer);
    const settled = decodeFutstarAccount("position", accountData(svm, second)!);
    expect(positionStatusOf(settled)).toBe(PositionStatus.Settled);
    expect(settled.exitIndex).toBe(4900);
    const expected = math.settle({ side: math.Side.Long, collateral, notional, entryBps: 5400n, maxProfit: big(filled.maxProfit) }, 4900n, 10n);
    expect(big(settled.payout)).toBe(expected.payout);

    // Match over with a request still pending: the settlement crank's batch refunds it whole.
    push(big(filled.expiryTs) + 10n, 4800);
    sendOk(svm, [open(2n, 60)], owner);
    const third = positionPda(ids.futstar, trader, 2n)[0];
    const beforeRefund = tokenBalance(svm, ownerToken);
    const escrow = collateral + math.fee(notional, 10n);
    push(big(filled.expiryTs) + 11n, 4800, FeedStatus.Ended);
    const settleAll = send(svm, [poolSettleAll(ids, { pool, feed, entries: [{ position: third, trader, ownerToken }] })], payer);
    if (!settleAll.ok) throw new Error(`pool_settle_all failed:\n${settleAll.logs.join("\n")}`);
    cu["pool_settle_all (1 position)"] = settleAll.computeUnits;
    expect(positionStatusOf(decodeFutstarAccount("position", accountData(svm, third)!))).toBe(PositionStatus.Rejected);
    expect(tokenBalance(svm, ownerToken) - beforeRefund).toBe(escrow);
    expect(decodeEvents(settleAll.logs, ids).map((e) => e.name)).toEqual(["positionVoided", "poolStatusChanged"]);

    // A real failure decodes to the IDL's name: filling a closed position again.
    const failed = send(svm, [positionFillOpen(ids, accounts)], payer);
    expect(failed.ok).toBe(false);
    const error = decodeTransactionError(failed.logs, ids);
    expect(error?.program).toBe("futstar");
    expect(error?.name).toBe("InvalidPositionStatus");
    expect(error?.code).toBe(6035);

    for (const [name, units] of Object.entries(cu)) console.log(`${name} ${units} CU (real .so via @futstar/sdk, npm litesvm)`);
  });
});
