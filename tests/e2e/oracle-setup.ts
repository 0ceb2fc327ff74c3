/**
 * `config_init` of the momentum oracle (test setup): the upgrade authority creates the config
 * with the signer set and guard rails (programs/momentum_oracle/src/state/config_params.rs).
 */
import { createHash } from "node:crypto";
import { type Keypair, PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";

export interface OracleParams {
  readonly admin: PublicKey;
  readonly signers: readonly PublicKey[];
  readonly quorum: number;
  readonly maxMoveBpsPerSec: number;
  readonly maxStalenessS: number;
  readonly maxFutureSkewS: number;
  readonly timelockDelayS: number;
}

export function encodeParams(p: OracleParams): Buffer {
  const out = Buffer.alloc(304);
  p.admin.toBuffer().copy(out, 0);
  p.signers.forEach((s, i) => s.toBuffer().copy(out, 32 + 32 * i));
  out[288] = p.signers.length;
  out[289] = p.quorum;
  out.writeUInt16LE(p.maxMoveBpsPerSec, 290);
  out.writeUInt32LE(p.maxStalenessS, 292);
  out.writeUInt32LE(p.maxFutureSkewS, 296);
  out.writeUInt32LE(p.timelockDelayS, 300);
  return out;
}

export function configInitInstruction(programId: PublicKey, programData: PublicKey, authority: Keypair, params: OracleParams): TransactionInstruction {
  const [config] = PublicKey.findProgramAddressSync([Buffer.from("oracle_config")], programId);
  return new TransactionInstruction({
    programId,
    keys: [
      { pubkey: authority.publicKey, isSigner: true, isWritable: true },
      { pubkey: config, isSigner: false, isWritable: true },
      { pubkey: programData, isSigner: false, isWritable: false },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
    ],
    data: Buffer.concat([createHash("sha256").update("global:config_init").digest().subarray(0, 8), encodeParams(params)]),
  });
}
