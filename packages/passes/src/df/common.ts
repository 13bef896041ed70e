// Shared helpers of the dataflow passes: constant evaluation through op folders, index constants, instance names.
import {
  AttrKind, Builtin, wouldOpBeTriviallyDead, getDenseI64ArrayAttr, getDictionaryAttr, getIndexAttr, makeDiag, OpBuilder, Trait, diagLocOf, type Attribute,
  type DenseArrayAttr, type Diagnostic, type DiagMessage, type Operation, type Value,
} from "@allo/ir-core";
import { ArithConstantOp } from "@allo/dialect-std";

/// Discardable attribute of an instantiated kernel: its position in the original grid.
export const instancePidAttr = "df.pid";
/// Discardable attribute of an instantiated kernel: the original grid shape.
export const instanceMeshAttr = "df.mesh";

/// Evaluates `v` to a constant attribute by running the folders of its defining ops; null if it is not constant.
export function constantOf(v: Value, memo?: Map<Value, Attribute | null>, depth = 0): Attribute | null {
  if (memo !== undefined) {
    const hit = memo.get(v);
    if (hit !== undefined) return hit;
  }
  const def = v.definingOp;
  // A constant op answers directly (the memo is only needed to fold chains).
  if (def !== null && def.def !== null && depth < 256 && def.hasTrait(Trait.ConstantLike)) {
    const value = def.props.get("value");
    memo?.set(v, value);
    return value;
  }
  memo ??= new Map();
  let out: Attribute | null = null;
  if (def !== null && def.def !== null && depth < 256 && def.def.fold !== null) {
    const operands = def.operandValues().map((o) => constantOf(o, memo, depth + 1));
    const folded = def.def.fold(def, operands);
    if (folded !== null) {
      const r = folded[(v as unknown as { index: number }).index];
      if (r !== undefined) out = "valueKind" in r ? (r !== v ? constantOf(r, memo, depth + 1) : null) : r;
    }
  }
  memo.set(v, out);
  return out;
}

/// The integer value of a constant `v`, or null.
export function constantInt(v: Value, memo?: Map<Value, Attribute | null>): number | null {
  const a = constantOf(v, memo);
  return a !== null && a.kind === AttrKind.Integer ? Number((a as unknown as { value: number | bigint }).value) : null;
}

/// Creates `arith.constant <v> : index`.
export function indexConstant(b: OpBuilder, v: number, loc = b.loc): Value {
  return b.create(ArithConstantOp, { resultTypes: [Builtin.index], props: { value: getIndexAttr(v) }, loc }).results[0];
}

/// The grid position of an instantiated kernel (`df.pid`), or null.
export function instancePid(kernel: Operation): number[] | null {
  const a = kernel.attrs.get(instancePidAttr);
  return a !== null && a.kind === AttrKind.DenseArray ? (a as DenseArrayAttr).values.slice() : null;
}

/// The original grid of an instantiated kernel (`df.mesh`), or null.
export function instanceMesh(kernel: Operation): number[] | null {
  const a = kernel.attrs.get(instanceMeshAttr);
  return a !== null && a.kind === AttrKind.DenseArray ? (a as DenseArrayAttr).values.slice() : null;
}

/// Marks `kernel` as the instance at `pid` of a grid `mesh`.
export function markInstance(kernel: Operation, pid: readonly number[], mesh: readonly number[]): void {
  // One dictionary (later entries of a name win), as setting both attributes one after the other gives.
  kernel.attrs = getDictionaryAttr([
    ...kernel.attrs.entries,
    { name: instancePidAttr, value: getDenseI64ArrayAttr(pid) },
    { name: instanceMeshAttr, value: getDenseI64ArrayAttr(mesh) },
  ]);
}

/// An error diagnostic at `op`'s location.
export function errorAt(op: Operation, msg: DiagMessage, ...args: unknown[]): Diagnostic {
  return makeDiag(msg, diagLocOf(op.loc), ...args);
}

/// The df.region ops of `module`, in order: a df.region is a symbol, so only symbol tables other than df.region itself
/// are searched (not the kernels, whose ops outnumber everything else once instantiated).
export function dfRegions(module: Operation): Operation[] {
  const out: Operation[] = [];
  const visit = (table: Operation): void => {
    for (const r of table.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let op = b.firstOp; op !== null; op = op.next) {
      if (op.name === "df.region") out.push(op);
      else if (op.hasTrait(Trait.SymbolTable)) visit(op);
    }
  };
  if (module.name === "df.region") out.push(module);
  else visit(module);
  return out;
}

/// The df.kernel ops of `module` in pre-order: those of each df.region and those nested in them (a kernel lives in a
/// region's or a kernel's body, never deeper).
export function dfKernels(module: Operation): Operation[] {
  const out: Operation[] = [];
  const visit = (parent: Operation): void => {
    for (const op of bodyOps(parent)) if (op.name === "df.kernel") { out.push(op); visit(op); }
  };
  for (const region of dfRegions(module)) visit(region);
  return out;
}

/// The ops of `op`'s first region's first block, as a snapshot.
export function bodyOps(op: Operation): Operation[] {
  const b = op.regions[0]?.firstBlock ?? null;
  return b === null ? [] : b.ops();
}

/// Ops named `name` inside `kernel` whose nearest enclosing df.kernel is `kernel`.
export function collectOwn(kernel: Operation, name: string): Operation[] {
  const out: Operation[] = [];
  const stack = bodyOps(kernel).reverse();
  while (stack.length) {
    const op = stack.pop()!;
    if (op.name === name) out.push(op);
    if (op.name === "df.kernel") continue;
    for (const r of op.regions) for (let bl = r.firstBlock; bl !== null; bl = bl.next) for (let o = bl.lastOp; o !== null; o = o.prev) stack.push(o);
  }
  return out;
}

/// Erases the ops of `kernel` (kernels nested in it included) that have no regions, no used result and no side
/// effects, and those that become so: what df-specialize leaves of the conditions it folded.
export function eraseDeadKernelOps(kernel: Operation): void {
  // In program order a value's definition comes before its uses, so one backward sweep erases the dead chains.
  const ops: Operation[] = [];
  const stack = bodyOps(kernel).reverse();
  while (stack.length) {
    const op = stack.pop()!;
    if (op.regions.length === 0) { ops.push(op); continue; }
    for (let r = op.regions.length - 1; r >= 0; r--) {
      for (let b = op.regions[r].lastBlock; b !== null; b = b.prev) for (let o = b.lastOp; o !== null; o = o.prev) stack.push(o);
    }
  }
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    if (op.results.every((r) => r.firstUse === null) && wouldOpBeTriviallyDead(op)) op.erase();
  }
}

/// Erases the defining ops of `values` that are left without a use, have no regions and no side effects, and then
/// those of their operands that become so.
export function eraseDeadDefs(values: readonly Value[]): void {
  const stack = values.slice();
  while (stack.length) {
    const op = stack.pop()!.definingOp;
    if (op === null || op.parent === null || op.regions.length !== 0 || !op.results.every((r) => r.firstUse === null) || !wouldOpBeTriviallyDead(op)) continue;
    const operands = op.operandValues();
    op.erase();
    stack.push(...operands);
  }
}
