/**
 * Byte layout of fixed-size IDL types: sizes and field offsets computed from the IDL itself, so
 * `memcmp` filters follow the programs' account layouts without hand-copied offsets.
 */
import type { Idl, IdlType, IdlTypeDef } from "@anchor-lang/core";

/** Anchor account discriminator length. */
export const DISCRIMINATOR_LEN = 8;

const PRIMITIVE_SIZES: Readonly<Record<string, number>> = {
  bool: 1,
  u8: 1,
  i8: 1,
  u16: 2,
  i16: 2,
  u32: 4,
  i32: 4,
  f32: 4,
  u64: 8,
  i64: 8,
  f64: 8,
  u128: 16,
  i128: 16,
  pubkey: 32,
};

function typeDef(idl: Idl, name: string): IdlTypeDef {
  const def = idl.types?.find((t) => t.name === name);
  if (def === undefined) throw new Error(`IDL ${idl.metadata.name}: type "${name}" is not defined`);
  return def;
}

/** Encoded size of a fixed-size IDL type; throws naming the type if its size varies. */
export function typeSize(idl: Idl, type: IdlType): number {
  if (typeof type === "string") {
    const size = PRIMITIVE_SIZES[type];
    if (size === undefined) throw new Error(`IDL type "${type}" has no fixed size`);
    return size;
  }
  if ("array" in type) {
    const [inner, len] = type.array;
    if (typeof len !== "number") throw new Error(`IDL array length ${JSON.stringify(len)} is generic`);
    return typeSize(idl, inner) * len;
  }
  if ("defined" in type) return typeDefSize(idl, typeDef(idl, type.defined.name));
  throw new Error(`IDL type ${JSON.stringify(type)} has no fixed size`);
}

function typeDefSize(idl: Idl, def: IdlTypeDef): number {
  const ty = def.type;
  if (ty.kind === "struct") {
    const fields = ty.fields ?? [];
    let size = 0;
    for (const field of fields) size += typeSize(idl, typeof field === "object" && "name" in field ? field.type : field);
    return size;
  }
  if (ty.kind === "enum") {
    if (ty.variants.some((v) => (v.fields?.length ?? 0) > 0)) throw new Error(`IDL enum "${def.name}" carries data`);
    return 1;
  }
  return typeSize(idl, ty.alias);
}

/** Offset of `field` in account `account`'s data, discriminator included (e.g. "owner", "limits.maxLeverage"). */
export function fieldOffset(idl: Idl, account: string, field: string): number {
  let def = typeDef(idl, account);
  let offset = DISCRIMINATOR_LEN;
  const path = field.split(".");
  for (const [depth, segment] of path.entries()) {
    if (def.type.kind !== "struct") throw new Error(`IDL type "${def.name}" is not a struct (looking for ${field})`);
    let found: IdlType | undefined;
    for (const f of def.type.fields ?? []) {
      if (typeof f !== "object" || !("name" in f)) throw new Error(`IDL type "${def.name}" has tuple fields`);
      if (f.name === segment) {
        found = f.type;
        break;
      }
      offset += typeSize(idl, f.type);
    }
    if (found === undefined) throw new Error(`IDL type "${def.name}" has no field "${segment}"`);
    if (depth < path.length - 1) {
      if (typeof found !== "object" || !("defined" in found)) throw new Error(`field "${segment}" of "${def.name}" is not a struct`);
      def = typeDef(idl, found.defined.name);
    }
  }
  return offset;
}

/** Total data size of account `account` (discriminator included). */
export function accountSize(idl: Idl, account: string): number {
  return DISCRIMINATOR_LEN + typeDefSize(idl, typeDef(idl, account));
}

/** The 8-byte discriminator the IDL declares for account `account`. */
export function accountDiscriminator(idl: Idl, account: string): Uint8Array {
  const entry = idl.accounts?.find((a) => a.name === account);
  if (entry === undefined) throw new Error(`IDL ${idl.metadata.name}: account "${account}" is not declared`);
  return Uint8Array.from(entry.discriminator);
}
