import { describe, expect, it } from "vitest";

import { formatAmount, formatCountdown, formatDuration, formatIndex, formatSignedAmount, parseAmount } from "./format";

describe("amounts", () => {
  it("formats base units exactly, trimming trailing zeros", () => {
    expect(formatAmount(1_234_567_890n, 6)).toBe("1,234.56");
    expect(formatAmount(1_000_000n, 6)).toBe("1");
    expect(formatAmount(-1_500_000n, 6)).toBe("−1.5");
    expect(formatAmount(1n, 6, 6)).toBe("0.000001");
    expect(formatSignedAmount(2_000_000n, 6)).toBe("+2");
  });
  it("parses typed amounts without rounding and names the field on error", () => {
    expect(parseAmount("12.5", 6, "Collateral")).toEqual({ ok: true, units: 12_500_000n });
    expect(parseAmount("0.0000001", 6, "Collateral")).toEqual({ ok: false, error: "Collateral: at most 6 decimal places" });
    expect(parseAmount("abc", 6, "Collateral")).toEqual({ ok: false, error: 'Collateral: "abc" is not a number' });
    expect(parseAmount(" ", 6, "Amount")).toEqual({ ok: false, error: "Amount: enter an amount" });
  });
});

describe("index and time", () => {
  it("shows bps as points", () => expect(formatIndex(5234)).toBe("52.34"));
  it("counts down", () => {
    expect(formatCountdown(65)).toBe("1:05");
    expect(formatCountdown(3725)).toBe("1:02:05");
    expect(formatCountdown(-3)).toBe("0:00");
  });
  it("labels durations", () => {
    expect(formatDuration(300)).toBe("5 min");
    expect(formatDuration(null)).toBe("Match end");
    expect(formatDuration(45)).toBe("45 s");
  });
});
