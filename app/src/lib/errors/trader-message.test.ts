import { decodeTransactionError } from "@futstar/sdk";
import { Keypair } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import { traderMessage, type DecodedProgramError } from "./trader-message";

const ids = { futstar: Keypair.generate().publicKey, momentumOracle: Keypair.generate().publicKey };

/** Runs a failure through the SDK's real decoder, then our mapping (what the app does). */
function explain(error: unknown) {
  const d = decodeTransactionError(error, ids, [ids.futstar]);
  const decoded: DecodedProgramError | null = d !== null && d.name !== null && d.code !== null ? { code: d.code, name: d.name, message: d.message } : null;
  return traderMessage(error, decoded);
}

const failed = (code: number) => Object.assign(new Error("Simulation failed"), { logs: [`Program ${ids.futstar.toBase58()} invoke [1]`, `Program ${ids.futstar.toBase58()} failed: custom program error: 0x${code.toString(16)}`] });

describe("trader messages", () => {
  it("feed stale / match not live / suspended come from the program's codes", () => {
    expect(explain(failed(6020))).toMatchObject({ kind: "marketUnavailable", title: "Feed is stale" });
    expect(explain(failed(6018))).toMatchObject({ kind: "marketUnavailable", title: "Match not live" });
    expect(explain(failed(6019))).toMatchObject({ title: "Market suspended" });
  });
  it("says which limit was reached", () => {
    expect(explain(failed(6033)).title).toBe("Daily loss limit reached");
    expect(explain(failed(6032)).title).toBe("Daily deposit limit reached");
    expect(explain(failed(6031)).title).toBe("Self-excluded");
    expect(explain(failed(6030)).title).toBe("Open-position limit reached");
    expect(explain(failed(6027)).title).toBe("Open-interest limit reached");
  });
  it("an RPC TransactionError value is attributed through the instruction's program", () => {
    expect(explain({ err: { InstructionError: [0, { Custom: 6029 }] } }).title).toBe("Too fast");
  });
  it("wallet rejection, expiry, insufficient balance and network failures", () => {
    const rejected = Object.assign(new Error("User rejected the request."), { name: "WalletSignTransactionError" });
    expect(explain(rejected)).toMatchObject({ kind: "walletRejected" });
    const expired = Object.assign(new Error("Signature abc has expired: block height exceeded."), { name: "TransactionExpiredBlockheightExceededError" });
    expect(explain(expired)).toMatchObject({ kind: "expired", title: "Transaction expired" });
    const tokenShort = new Error("Simulation failed. Message: Transaction simulation failed: Error processing Instruction 1: custom program error: 0x1.");
    expect(traderMessage(tokenShort, null)).toMatchObject({ kind: "insufficientBalance" });
    expect(traderMessage(new Error("Attempt to debit an account but found no record of a prior credit."), null).kind).toBe("insufficientBalance");
    expect(traderMessage(new TypeError("Failed to fetch"), null).kind).toBe("network");
  });
  it("an unknown program error still names itself", () => {
    expect(traderMessage(new Error("x"), { code: 6999, name: "Mystery" })).toMatchObject({ kind: "program", title: "Rejected by the program: Mystery" });
  });
});
