import { createHash } from "node:crypto";

import { Keypair, PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import { accountData, deploy, fund, newSvm, send } from "./harness.js";

const discriminator = (preimage: string): Buffer => createHash("sha256").update(preimage).digest().subarray(0, 8);

function exchangeInitIx(programId: PublicKey, admin: PublicKey, exchange: PublicKey): TransactionInstruction {
  return new TransactionInstruction({
    programId,
    keys: [
      { pubkey: admin, isSigner: true, isWritable: true },
      { pubkey: exchange, isSigner: false, isWritable: true },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
    ],
    data: discriminator("global:exchange_init"),
  });
}

describe("futstar exchange_init (real SBF in npm litesvm)", () => {
  it("creates the exchange PDA owned by the program", () => {
    const svm = newSvm();
    const programId = deploy(svm, "futstar");
    const admin = Keypair.generate();
    fund(svm, admin.publicKey);
    const [exchange, bump] = PublicKey.findProgramAddressSync([Buffer.from("exchange")], programId);

    const result = send(svm, [exchangeInitIx(programId, admin.publicKey, exchange)], admin);
    if (!result.ok) throw new Error(result.logs.join("\n"));
    console.log(`exchange_init ${result.computeUnits} CU (npm litesvm)`);

    const account = accountData(svm, exchange);
    expect(account?.owner).toBe(programId.toBase58());
    expect(Buffer.from(account!.data.subarray(0, 8))).toEqual(discriminator("account:Exchange"));
    expect(new PublicKey(account!.data.subarray(8, 40)).equals(admin.publicKey)).toBe(true);
    expect(account!.data[40]).toBe(bump);
  });

  it("rejects a PDA from the wrong seed with InvalidPda (6001)", () => {
    const svm = newSvm();
    const programId = deploy(svm, "futstar");
    const admin = Keypair.generate();
    fund(svm, admin.publicKey);
    const [wrong] = PublicKey.findProgramAddressSync([Buffer.from("elsewhere")], programId);
    const result = send(svm, [exchangeInitIx(programId, admin.publicKey, wrong)], admin);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.customCode).toBe(6001);
  });
});
