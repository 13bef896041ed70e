// Speculatability of ops (MLIR's ConditionallySpeculatable): the record's `extra.speculatable` when it says,
// else MLIR's rule for the ops of the standard dialects that implement the interface.
import { AttrKind, isSpeculatable, matchConstant, type IntegerAttr, type Operation } from "@allo/ir-core";
import { forOp } from "@allo/dialect-affine";

function constantInt(op: Operation, i: number): bigint | null {
  const a = matchConstant(op.operand(i));
  return a !== null && a.kind === AttrKind.Integer ? BigInt((a as IntegerAttr).value) : null;
}

/// MLIR's getSpeculatability for ops whose record does not declare `extra.speculatable`.
function builtinRule(op: Operation): boolean | "recursive" | null {
  switch (op.name) {
    case "scf.for": return constantInt(op, 2) === 1n ? "recursive" : false;
    case "affine.for": return forOp.step(op) === 1 ? "recursive" : false;
    default: return null;
  }
}

/// True if `op` may be executed speculatively.
export function speculatable(op: Operation): boolean {
  if (op.def === null) return false;
  if (op.def.extra.speculatable !== undefined) return isSpeculatable(op);
  const rule = builtinRule(op);
  if (rule === null) return isSpeculatable(op);
  if (rule !== "recursive") return rule;
  for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) if (!speculatable(o)) return false;
  return true;
}


