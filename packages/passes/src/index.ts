// Public API of @allo/passes: the standard transforms, registered with the pass registry on import.
import { registerPass } from "@allo/ir-core";
import { Canonicalize } from "./canonicalize.js";
import { CSE } from "./cse.js";
import { LoopInvariantCodeMotion } from "./loop-invariant-code-motion.js";
import { SymbolDCE } from "./symbol-dce.js";

export * from "./canonicalize.js";
export * from "./cse.js";
export * from "./loop-invariant-code-motion.js";
export * from "./symbol-dce.js";

registerPass(Canonicalize);
registerPass(CSE);
registerPass(LoopInvariantCodeMotion);
registerPass(SymbolDCE);
export * from "./df/index.js";
