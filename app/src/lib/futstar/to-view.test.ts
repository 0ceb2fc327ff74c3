import { describe, expect, it } from "vitest";

import { flag, ringSamples } from "./to-view";

describe("on-chain flags", () => {
  it("reads the SDK's booleans and numeric 0/1 alike (false is not 'suspended')", () => {
    expect([flag(false), flag(true), flag(0), flag(1)]).toEqual([false, true, false, true]);
  });

  it("ring samples keep a boolean suspended flag as is", () => {
    const ring = [
      { ts: 10, indexBps: 5000, suspended: false },
      { ts: 11, indexBps: 5100, suspended: true },
      { ts: 0, indexBps: 0, suspended: false },
    ];
    expect(ringSamples(ring, 2, 2)).toEqual([
      { ts: 10, indexBps: 5000, suspended: false },
      { ts: 11, indexBps: 5100, suspended: true },
    ]);
  });
});
