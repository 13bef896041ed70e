// Public API of @allo/passes: the standard transforms, registered with the pass registry on import.
import { registerPass } from "@allo/ir-core";
import { AffineLoopNormalize } from "./affine/loop-normalize.js";
import { AffineLoopUnroll } from "./affine/loop-unroll.js";
import { LowerAffine } from "./affine/lower-affine.js";
import { Canonicalize } from "./canonicalize.js";
import { CSE } from "./cse.js";
import { Inliner } from "./inline.js";
import { LoopInvariantCodeMotion } from "./loop-invariant-code-motion.js";
import { RemoveDeadValues } from "./remove-dead-values.js";
import { SymbolDCE } from "./symbol-dce.js";

export * from "./affine/loop-normalize.js";
export * from "./affine/loop-unroll.js";
export * from "./affine/loop-utils.js";
export * from "./affine/lower-affine.js";
export * from "./canonicalize.js";
export * from "./cse.js";
export * from "./inline.js";
export * from "./loop-invariant-code-motion.js";
export * from "./remove-dead-values.js";
export * from "./symbol-dce.js";

registerPass(AffineLoopNormalize);
registerPass(AffineLoopUnroll);
registerPass(LowerAffine);
registerPass(Canonicalize);
registerPass(CSE);
registerPass(Inliner);
registerPass(LoopInvariantCodeMotion);
registerPass(RemoveDeadValues);
registerPass(SymbolDCE);
export * from "./df/index.js";
