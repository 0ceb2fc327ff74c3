export * from "./ed25519.js";
export * from "./instructions.js";
export * from "./message.js";
export * from "./pda.js";
