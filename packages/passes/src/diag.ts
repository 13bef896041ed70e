// Diagnostics of the standard passes (codes 3500-3599; the pass manager's are 30xx).
import { errorMessage as e } from "@allo/ir-core";

/// Messages of the standard passes; codes are never reused.
export const PassDiag = {
  UnrollFactorZero: e(3501, "affine-loop-unroll: cannot unroll by a factor of 0 (unroll-factor must be at least 1)"),
} as const;
