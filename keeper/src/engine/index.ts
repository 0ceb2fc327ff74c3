/** Public surface of the momentum engine. */
export { MomentumEngine } from "./engine.js";
export { COMPONENT_NAMES, DEFAULT_ENGINE_CONFIG, type ComponentName, type EngineConfig, validateEngineConfig } from "./config.js";
export { BALANCED, FULL_SCALE } from "./ratio.js";
export { EngineClockError, type EngineIssue, type MomentumComponents, type MomentumTick, type MomentumTickBuffer } from "./types.js";
export { planReplay, replayMatch, type ReplayPlan } from "./replay.js";
