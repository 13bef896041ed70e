// Canonicalization patterns of scf.execute_region and scf.index_switch (MLIR 19's SCF.cpp): regions inlined into
// their parent when they run once or their case is known.
import { pattern, registry, type DenseArrayAttr, type RewritePattern, type Value } from "@allo/ir-core";
import { constantInt, replaceOpWithRegion } from "./canonicalize.js";

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`scf canonicalization needs '${name}'`);
  return d;
}

/// A one-block execute_region is inlined (SingleBlockExecuteInliner).
const singleBlockExecuteInliner = pattern({
  name: "SingleBlockExecuteInliner", root: "scf.execute_region",
  matchAndRewrite(op, rw) {
    if (!op.regions[0].hasOneBlock) return false;
    replaceOpWithRegion(rw, op, op.regions[0]);
    return true;
  },
});

/// An execute_region directly in a function or another execute_region is inlined as blocks: the parent block is split
/// at it, branches into its entry, and its scf.yields branch to the continuation, whose arguments replace its results
/// (MultiBlockExecuteInliner).
const multiBlockExecuteInliner = pattern({
  name: "MultiBlockExecuteInliner", root: "scf.execute_region",
  matchAndRewrite(op, rw) {
    const parent = op.parentOp;
    if (parent === null || (parent.name !== "func.func" && parent.name !== "scf.execute_region")) return false;
    const prev = op.parent!;
    const post = rw.splitBlock(prev, op);
    rw.setInsertionPointToEnd(prev);
    rw.create(def("cf.br"), { successors: [op.regions[0].entry], loc: op.loc });
    for (const b of op.regions[0].blocks()) {
      const y = b.lastOp;
      if (y?.name !== "scf.yield") continue;
      rw.setInsertionPoint(y);
      rw.create(def("cf.br"), { operands: y.operandValues(), successors: [post], loc: y.loc });
      rw.eraseOp(y);
    }
    rw.inlineRegionBefore(op.regions[0], post.parent!, post);
    const args: Value[] = op.results.map((r) => post.addArgument(r.type, op.loc));
    rw.replaceOp(op, args);
    return true;
  },
});

/// An index_switch on a constant is replaced by the matching case region, or the default one (FoldConstantCase).
const foldConstantCase = pattern({
  name: "FoldConstantCase", root: "scf.index_switch",
  matchAndRewrite(op, rw) {
    const c = constantInt(op.operand(0));
    if (c === null) return false;
    const cases = (op.props.get("cases") as DenseArrayAttr).values;
    const k = cases.findIndex((x) => BigInt(x) === c);
    replaceOpWithRegion(rw, op, k < 0 ? op.regions[0] : op.regions[1 + k]);
    return true;
  },
});

/// The scf.execute_region patterns, in MLIR's order.
export const scfExecuteRegionPatterns: readonly RewritePattern[] = [singleBlockExecuteInliner, multiBlockExecuteInliner];
/// The scf.index_switch patterns.
export const scfIndexSwitchPatterns: readonly RewritePattern[] = [foldConstantCase];
