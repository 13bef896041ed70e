// Appends the memref canonicalization patterns to the op records' lists (on import), in MLIR's order per op.
import { registry, type RewritePattern } from "@allo/ir-core";
import { memrefPatterns } from "./canonicalize.js";
import { memrefReshapePatterns } from "./reshape-patterns.js";
import { memrefViewPatterns } from "./view-patterns.js";
import "./ops.js";

/// Every memref canonicalization pattern.
export const memrefCanonicalizationPatterns: readonly RewritePattern[] = [...memrefPatterns, ...memrefReshapePatterns, ...memrefViewPatterns].flatMap(([, l]) => l);

for (const [name, list] of [...memrefPatterns, ...memrefReshapePatterns, ...memrefViewPatterns]) {
  const target = registry.lookupOp(name)!.canonicalize as RewritePattern[];
  for (const p of list) if (!target.includes(p)) target.push(p);
}
