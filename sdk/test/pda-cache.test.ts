import { Keypair, PublicKey } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import { PdaCache } from "../src/pda-cache.js";

const program = Keypair.generate().publicKey;
const seeds = (n: number): Uint8Array[] => [Buffer.from("vault"), Buffer.from([n])];

describe("PdaCache", () => {
  it("answers what findProgramAddressSync answers, and the same object on a repeat", () => {
    const cache = new PdaCache(8);
    const first = cache.derive(seeds(1), program);
    const [address, bump] = PublicKey.findProgramAddressSync(seeds(1), program);
    expect(first[0].equals(address)).toBe(true);
    expect(first[1]).toBe(bump);
    expect(cache.derive(seeds(1), program)).toBe(first);
  });

  it("keys on each seed and the program", () => {
    const cache = new PdaCache(8);
    cache.derive([Buffer.from("ab"), Buffer.from("c")], program);
    cache.derive([Buffer.from("a"), Buffer.from("bc")], program);
    expect(cache.size).toBe(2);
    const other = cache.derive(seeds(1), Keypair.generate().publicKey);
    expect(other[0].equals(cache.derive(seeds(1), program)[0])).toBe(false);
  });

  it("drops the oldest entry past its capacity", () => {
    const cache = new PdaCache(2);
    const first = cache.derive(seeds(1), program);
    cache.derive(seeds(2), program);
    cache.derive(seeds(3), program);
    expect(cache.size).toBe(2);
    const again = cache.derive(seeds(1), program);
    expect(again).not.toBe(first);
    expect(again[0].equals(first[0])).toBe(true);
  });

  it("refuses a capacity that is not a positive integer, naming it", () => {
    expect(() => new PdaCache(0)).toThrow(/capacity/);
  });
});
