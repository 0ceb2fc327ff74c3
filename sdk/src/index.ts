/** @futstar/sdk: PDAs, IDL-driven instruction builders, account decoders, math, errors, oracle messages. */
export * from "./accounts/index.js";
export * from "./errors.js";
export * from "./idl/index.js";
export * from "./instructions/index.js";
export * as math from "./math/index.js";
export * from "./pda.js";
export * from "./programs.js";
export * from "./client.js";
export * from "./rpc/send.js";
export * from "./subscriptions.js";
export * from "./oracle/index.js";
export * from "./events.js";
