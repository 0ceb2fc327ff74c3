/** The two programs' IDLs (generated from `programs/<p>/idl/<p>.json`) and coders built from them. */
import { BorshCoder } from "@anchor-lang/core";

import type { ProgramSpec } from "../instructions/build.js";
import { type Futstar, futstarIdl } from "./futstar.js";
import { type MomentumOracle, momentumOracleIdl } from "./momentum_oracle.js";

export { type Futstar, futstarIdl, futstarIdlSourceSha256 } from "./futstar.js";
export { type MomentumOracle, momentumOracleIdl, momentumOracleIdlSourceSha256 } from "./momentum_oracle.js";
export { accountDiscriminator, accountSize, fieldOffset, typeSize } from "./layout.js";

/** Futstar IDL + coder. */
export const futstarProgram: ProgramSpec<Futstar> = { idl: futstarIdl, coder: new BorshCoder(futstarIdl) };
/** Momentum oracle IDL + coder. */
export const momentumOracleProgram: ProgramSpec<MomentumOracle> = { idl: momentumOracleIdl, coder: new BorshCoder(momentumOracleIdl) };
