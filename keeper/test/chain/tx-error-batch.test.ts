import { Keypair, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { describe, expect, it } from "vitest";
import { fitsInPacket, PACKET_DATA_SIZE, packBatches, transactionSize } from "../../src/chain/batch.js";
import { isTransportError } from "../../src/chain/rpc-pool.js";
import { failureFromError, failureFromStatusErr, isAlreadyProcessed, isBlockhashExpired } from "../../src/chain/tx-error.js";

describe("transaction errors", () => {
  it("reads the custom code and instruction from a status error and from a send error", () => {
    expect(failureFromStatusErr({ InstructionError: [1, { Custom: 6028 }] })).toMatchObject({ instruction: 1, code: 6028 });
    expect(failureFromStatusErr({ InstructionError: [0, "InvalidAccountData"] })).toMatchObject({ instruction: 0, code: null });
    expect(failureFromStatusErr("AccountInUse")).toEqual({ instruction: null, code: null, text: '"AccountInUse"' });
    const sendError = new Error("Simulation failed. Message: Transaction simulation failed: Error processing Instruction 2: custom program error: 0x17bc.");
    expect(failureFromError(sendError)).toMatchObject({ instruction: 2, code: 0x17bc });
    expect(failureFromError("plain")).toEqual({ instruction: null, code: null, text: "plain" });
  });

  it("recognises an expired blockhash, a duplicate and a transport failure", () => {
    expect(isBlockhashExpired(new Error("Transaction simulation failed: Blockhash not found"))).toBe(true);
    expect(isBlockhashExpired({ err: "BlockhashNotFound" })).toBe(true);
    expect(isBlockhashExpired(new Error("custom program error: 0x1"))).toBe(false);
    expect(isAlreadyProcessed(new Error("This transaction has already been processed"))).toBe(true);
    expect(isAlreadyProcessed(new Error("other"))).toBe(false);
    expect(isTransportError(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") }))).toBe(true);
    expect(isTransportError(new Error("503 Service Unavailable: upstream"))).toBe(true);
    const rpc = new Error("failed to get slot: 503");
    rpc.name = "SolanaJSONRPCError";
    expect(isTransportError(rpc)).toBe(false);
    expect(isTransportError(new Error("Transaction simulation failed"))).toBe(false);
    expect(isTransportError("string")).toBe(false);
  });
});

describe("batch packing", () => {
  const payer = Keypair.generate();
  const ix = (bytes: number): TransactionInstruction => new TransactionInstruction({ programId: SystemProgram.programId, keys: [{ pubkey: Keypair.generate().publicKey, isSigner: false, isWritable: true }], data: Buffer.alloc(bytes) });

  it("measures what web3.js serializes, plus the compute-budget instructions", () => {
    const instructions = [ix(100)];
    const bare = transactionSize(payer.publicKey, instructions, 0, 0);
    expect(bare).toBeGreaterThan(100 + 64);
    expect(transactionSize(payer.publicKey, instructions, 0)).toBe(bare + 32 + 2 * 12);
    expect(transactionSize(payer.publicKey, instructions, 1, 0)).toBe(bare + 64);
  });

  it("packs greedily in order under the packet limit and refuses an item too big alone", () => {
    const fits = (batch: readonly number[]) => fitsInPacket(payer, batch.map((b) => ix(b)), 0);
    const batches = packBatches([300, 300, 300, 300, 300, 900], fits);
    expect(batches).toEqual([[300, 300], [300, 300], [300], [900]]);
    for (const b of batches) expect(transactionSize(payer.publicKey, b.map((n) => ix(n)), 0)).toBeLessThanOrEqual(PACKET_DATA_SIZE);
    expect(packBatches([], fits)).toEqual([]);
    expect(() => packBatches([2000], fits, (n) => `size ${n}`)).toThrow(/size 2000 does not fit/);
    expect(transactionSize(payer.publicKey, [ix(5000)], 0)).toBe(Number.POSITIVE_INFINITY);
    expect(() => packBatches([100, 2000], fits, (n) => `size ${n}`)).toThrow(/size 2000 does not fit/);
  });
});
