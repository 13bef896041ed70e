// Appends the scf canonicalization patterns to the op records' lists (on import), in MLIR's order per op.
import type { RewritePattern } from "@allo/ir-core";
import { scfForPatterns, scfIfPatterns } from "./canonicalize.js";
import { ExecuteRegionOp, ForOp, IfOp, IndexSwitchOp, ParallelOp, WhileOp } from "./ops.js";
import { scfParallelPatterns } from "./parallel.js";
import { scfExecuteRegionPatterns, scfIndexSwitchPatterns } from "./region-patterns.js";
import { scfWhilePatterns } from "./while.js";

for (const [record, list] of [
  [ExecuteRegionOp, scfExecuteRegionPatterns], [ForOp, scfForPatterns], [IfOp, scfIfPatterns], [IndexSwitchOp, scfIndexSwitchPatterns],
  [ParallelOp, scfParallelPatterns], [WhileOp, scfWhilePatterns],
] as const) {
  const target = record.canonicalize as RewritePattern[];
  for (const p of list) if (!target.includes(p)) target.push(p);
}
