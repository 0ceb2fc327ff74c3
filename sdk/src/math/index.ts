/** Pure math mirrored file by file from `programs/futstar/src/math/` (bigint, same rounding and errors). */
export * from "./bounds.js";
export * from "./error.js";
export * from "./fees.js";
export * from "./lp.js";
export * from "./payout.js";
export * from "./pnl.js";
export * from "./pool-value.js";
export * from "./wide.js";
