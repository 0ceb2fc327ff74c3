export * from "./decode.js";
export * from "./fetch.js";
export * from "./filters.js";
export * from "./position.js";
export * from "./feed.js";
