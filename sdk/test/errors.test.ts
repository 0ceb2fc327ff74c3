/** Error decoding from logs, RPC TransactionError values, SendTransactionError-like objects. */
import { Keypair, SendTransactionError } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import { PROGRAM_ERRORS, decodeTransactionError, parseClusterConfig, programError } from "../src/index.js";

const ids = { futstar: Keypair.generate().publicKey, momentumOracle: Keypair.generate().publicKey };
const f = ids.futstar.toBase58();

describe("errors", () => {
  it("tables come from the IDLs", () => {
    expect(programError("futstar", 6001)?.name).toBe("InvalidPda");
    expect(programError("momentumOracle", 6028)?.name).toBe("SeqNotIncreasing");
    expect(PROGRAM_ERRORS.futstar.size).toBeGreaterThan(40);
  });

  it("decodes logs, attributing the innermost failing program", () => {
    const logs = [`Program ${f} invoke [1]`, `Program ${f} consumed 100 of 200000 compute units`, `Program ${f} failed: custom program error: 0x1771`];
    const decoded = decodeTransactionError(logs, ids);
    expect(decoded).toMatchObject({ program: "futstar", code: 6001, name: "InvalidPda" });
    const other = decodeTransactionError([`Program ${f} failed: missing required signature for instruction`], ids);
    expect(other).toMatchObject({ program: "futstar", code: null, message: "missing required signature for instruction" });
    expect(decodeTransactionError(["Program log: fine"], ids)).toBeNull();
  });

  it("decodes an RPC TransactionError with the instruction's program", () => {
    const decoded = decodeTransactionError({ InstructionError: [1, { Custom: 6028 }] }, ids, [ids.futstar, ids.momentumOracle]);
    expect(decoded).toMatchObject({ program: "momentumOracle", instructionIndex: 1, name: "SeqNotIncreasing" });
    expect(decodeTransactionError({ err: { InstructionError: [0, "MissingRequiredSignature"] } }, ids, [ids.futstar])).toMatchObject({ name: "MissingRequiredSignature", program: "futstar" });
    expect(decodeTransactionError({ InstructionError: [0, { Custom: 6001 }] }, ids)).toMatchObject({ program: null, code: 6001, name: null });
  });

  it("decodes a web3.js SendTransactionError", () => {
    const err = new SendTransactionError({ action: "send", signature: "", transactionMessage: "Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1775", logs: [`Program ${f} failed: custom program error: 0x1775`] });
    expect(decodeTransactionError(err, ids)).toMatchObject({ program: "futstar", code: 6005, name: "ExchangePaused" });
    const bare = new Error("failed to send transaction: Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1775");
    expect(decodeTransactionError(bare, ids, [ids.futstar])).toMatchObject({ program: "futstar", code: 6005, instructionIndex: 0 });
    expect(decodeTransactionError(new Error("blockhash not found"), ids)).toBeNull();
    expect(decodeTransactionError(42, ids)).toBeNull();
  });
});

describe("cluster config", () => {
  it("parses and names bad fields", () => {
    const ok = parseClusterConfig({ name: "localnet", rpcUrl: "http://127.0.0.1:8899", wsUrl: "ws://127.0.0.1:8900", programIds: { futstar: ids.futstar.toBase58(), momentumOracle: ids.momentumOracle.toBase58() } });
    expect(ok.programIds.futstar.equals(ids.futstar)).toBe(true);
    expect(() => parseClusterConfig({ name: "x", rpcUrl: "ftp://a", programIds: {} })).toThrow(/rpcUrl/);
    expect(() => parseClusterConfig({ name: "x", rpcUrl: "http://a", programIds: { futstar: "nope" } })).toThrow(/programIds.futstar/);
    expect(() => parseClusterConfig({ name: "x", rpcUrl: "http://a", wsUrl: "http://b", programIds: { futstar: ids.futstar.toBase58(), momentumOracle: ids.futstar.toBase58() } })).toThrow(/wsUrl/);
    expect(() => parseClusterConfig(null)).toThrow(/object/);
    expect(() => parseClusterConfig({ name: "" })).toThrow(/name/);
  });
});
