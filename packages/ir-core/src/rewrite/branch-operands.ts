// The successor operands of branch terminators (MLIR's BranchOpInterface), through hooks of the op records' `extra`:
// `successorOperands(op, i)` returning `[start, count]`, `eraseSuccessorOperand(op, i, index)` and
// `appendSuccessorOperands(op, i, values)`, which keep segment attributes in sync (MLIR's MutableOperandRange).
import type { Operation, Value } from "../ir/ir.js";

/// True if `op`'s record knows the operands it forwards to its successors (MLIR's BranchOpInterface).
export function isBranchOp(op: Operation): boolean {
  return op.def?.extra.successorOperands !== undefined;
}

/// Which operands of a terminator are forwarded to successor `i`'s arguments (MLIR's BranchOpInterface),
/// from the op record's `extra.successorOperands(op, i)` returning `[start, count]`; null if unknown.
export function successorOperandRange(op: Operation, i: number): [number, number] | null {
  const f = op.def?.extra.successorOperands as ((op: Operation, i: number) => readonly [number, number]) | undefined;
  if (f === undefined) return null;
  const r = f(op, i);
  return [r[0], r[1]];
}

/// Erases operand `index`, forwarded to successor `i`, through the record's `extra.eraseSuccessorOperand(op, i, index)`
/// where it keeps segment attributes in sync (MLIR's MutableOperandRange::erase).
export function eraseSuccessorOperand(op: Operation, i: number, index: number): void {
  const f = op.def?.extra.eraseSuccessorOperand as ((op: Operation, i: number, index: number) => void) | undefined;
  if (f !== undefined) f(op, i, index);
  else op.eraseOperand(index);
}

/// Appends `values` to the operands forwarded to successor `i` of branch op `op` (one whose record knows its successor
/// operands), through the record's `extra.appendSuccessorOperands(op, i, values)` (MLIR's MutableOperandRange::append).
export function appendSuccessorOperands(op: Operation, i: number, values: readonly Value[]): void {
  if (values.length === 0) return;
  const f = op.def?.extra.appendSuccessorOperands as ((op: Operation, i: number, values: readonly Value[]) => void) | undefined;
  if (f !== undefined) { f(op, i, values); return; }
  const [start, count] = successorOperandRange(op, i)!;
  op.insertOperands(start + count, values);
}
