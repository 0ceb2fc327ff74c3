/** Failure kinds of the pure math, one-to-one with the program's `MathError`. */
export type MathErrorKind = "Overflow" | "OutOfBounds" | "DivisionByZero";

/** A math input or result outside its bound; `field` names the offending input. */
export class MathError extends Error {
  override readonly name = "MathError";
  constructor(
    readonly kind: MathErrorKind,
    readonly field: string,
    detail: string,
  ) {
    super(`${kind} in ${field}: ${detail}`);
  }
}
