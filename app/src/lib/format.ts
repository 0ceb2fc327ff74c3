/** Pure formatting for amounts (base units, bigint), basis points and time. */

/** `1234567n` with 6 decimals → "1.234567" trimmed to `maxFraction` digits ("1.23"). Exact: no float. */
export function formatAmount(units: bigint, decimals: number, maxFraction = 2): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  let fraction = (abs % scale).toString().padStart(decimals, "0").slice(0, Math.min(maxFraction, decimals));
  fraction = fraction.replace(/0+$/, "");
  const wholeText = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "−" : ""}${wholeText}${fraction === "" ? "" : `.${fraction}`}`;
}

/** Signed amount with an explicit + for gains. */
export function formatSignedAmount(units: bigint, decimals: number, maxFraction = 2): string {
  return units > 0n ? `+${formatAmount(units, decimals, maxFraction)}` : formatAmount(units, decimals, maxFraction);
}

/**
 * Parses a decimal string typed by a person into base units. Returns an error naming the field
 * rather than rounding: more fraction digits than the token has is an error.
 */
export function parseAmount(text: string, decimals: number, field: string): { ok: true; units: bigint } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: `${field}: enter an amount` };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (match === null) return { ok: false, error: `${field}: "${trimmed}" is not a number` };
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > decimals) return { ok: false, error: `${field}: at most ${decimals} decimal places` };
  const units = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
  return { ok: true, units };
}

/** 5234 bps → "52.34". */
export function formatIndex(bps: number): string {
  return (bps / 100).toFixed(2);
}

/** Seconds → "2:05" or "1:02:05"; negative clamps to "0:00" because a countdown past zero is "due". */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** Duration option label: 60 → "1 min", 300 → "5 min", null → "Match end". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "Match end";
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** Shortens a base58 address for display. */
export function shortAddress(address: string): string {
  return address.length <= 10 ? address : `${address.slice(0, 4)}…${address.slice(-4)}`;
}
