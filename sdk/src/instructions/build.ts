/**
 * The one generic instruction builder: account order, writable and signer flags, fixed addresses
 * and the argument encoding all come from the program's IDL (via Anchor's BorshCoder), so the
 * typed wrappers in this folder only name accounts and convert arguments.
 */
import type { BorshCoder, DecodeType, Idl, IdlInstructionAccountItem, IdlTypes } from "@anchor-lang/core";
import { type AccountMeta, PublicKey, TransactionInstruction } from "@solana/web3.js";

/** An IDL with the coder built from it. */
export interface ProgramSpec<I extends Idl> {
  readonly idl: I;
  readonly coder: BorshCoder;
}

/** Instruction names of an IDL. */
export type IxName<I extends Idl> = I["instructions"][number]["name"];
type IxDef<I extends Idl, N extends IxName<I>> = Extract<I["instructions"][number], { name: N }>;
type AccountItem<I extends Idl, N extends IxName<I>> = IxDef<I, N>["accounts"][number];

/** Accounts of instruction `N`, by IDL name; accounts the IDL pins to an address are optional. */
export type IxAccounts<I extends Idl, N extends IxName<I>> = {
  [A in AccountItem<I, N> as A extends { address: string } ? never : A["name"]]: PublicKey;
} & {
  [A in AccountItem<I, N> as A extends { address: string } ? A["name"] : never]?: PublicKey;
};

/** Arguments of instruction `N`, typed from the IDL (u64/i64 as BN, as Anchor's coder wants them). */
export type IxArgs<I extends Idl, N extends IxName<I>> = {
  [F in IxDef<I, N>["args"][number] as F["name"]]: DecodeType<F["type"], IdlTypes<I>>;
};

function flatten(items: readonly IdlInstructionAccountItem[], prefix = ""): { name: string; writable: boolean; signer: boolean; optional: boolean; address?: string }[] {
  return items.flatMap((item) =>
    "accounts" in item
      ? flatten(item.accounts, `${prefix}${item.name}.`)
      : [{ name: `${prefix}${item.name}`, writable: item.writable ?? false, signer: item.signer ?? false, optional: item.optional ?? false, ...(item.address === undefined ? {} : { address: item.address }) }],
  );
}

/**
 * Builds instruction `name` of `program` at `programId`. Throws naming the instruction and the
 * account when one is missing. `remaining` accounts are appended in order (batch instructions).
 */
export function buildInstruction<I extends Idl, N extends IxName<I>>(
  program: ProgramSpec<I>,
  programId: PublicKey,
  name: N,
  accounts: IxAccounts<I, N>,
  args: IxArgs<I, N>,
  remaining: readonly AccountMeta[] = [],
): TransactionInstruction {
  const def = program.idl.instructions.find((ix) => ix.name === name);
  if (def === undefined) throw new Error(`${program.idl.metadata.name}: no instruction "${String(name)}" in the IDL`);
  const given = accounts as unknown as Readonly<Record<string, PublicKey | undefined>>;
  const keys: AccountMeta[] = [];
  for (const item of flatten(def.accounts)) {
    const pubkey = given[item.name] ?? (item.address === undefined ? undefined : new PublicKey(item.address));
    if (pubkey === undefined) {
      if (item.optional) {
        keys.push({ pubkey: programId, isSigner: false, isWritable: false });
        continue;
      }
      throw new Error(`${program.idl.metadata.name}.${String(name)}: account "${item.name}" is missing`);
    }
    keys.push({ pubkey, isSigner: item.signer, isWritable: item.writable });
  }
  const data = program.coder.instruction.encode(String(name), args);
  return new TransactionInstruction({ programId, keys: [...keys, ...remaining], data });
}
