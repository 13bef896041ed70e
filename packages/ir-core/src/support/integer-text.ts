// Decimal text of the integers held as numbers (shapes, strides, dense arrays, affine constants).

/// The decimal text of `n`, exact for integers beyond 2^53 (where `String` gives 17 significant digits).
export function integerText(n: number): string {
  return Number.isSafeInteger(n) || !Number.isInteger(n) ? String(n) : BigInt(n).toString();
}
