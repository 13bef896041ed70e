// Verifiers of the hw ops: design contents, PE instances, one producer and one consumer per fifo, read/write types.
import {
  AttrKind, nearestSymbolTable, symbolNameOf, SymbolTable, Trait, type BlockArgument, type FunctionType, type Operation,
  type OpVerifyContext, type StringAttr, type SymbolRefAttr, type TypeAttr, type Value,
} from "@allo/ir-core";
import { HwDiag, report } from "./diag.js";
import { fifoInfo } from "./types.js";

function symName(op: Operation): string {
  const a = op.props.get("sym_name");
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : "";
}

function functionType(op: Operation): FunctionType | null {
  const a = op.props.get("function_type");
  return a !== null && a.kind === AttrKind.TypeAttr ? ((a as TypeAttr).type as FunctionType) : null;
}

/// The callee name of an hw.instance.
export function instanceCallee(op: Operation): string {
  const a = op.props.get("callee");
  return a !== null && a.kind === AttrKind.SymbolRef ? (a as SymbolRefAttr).root : "";
}

/// The name of an hw.fifo (its `name` property).
export function fifoName(op: Operation): string {
  const a = op.props.get("name");
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : "";
}

/// True if `fn` is a processing element: a `func.func` with the `hw.pe` unit attribute.
export function isProcessingElement(fn: Operation): boolean {
  return fn.name === "func.func" && (fn.attrs.get("hw.pe") ?? fn.props.get("hw.pe")) !== null;
}

/// Symbol tables by owner op, reused across lookups: a lowered design has thousands of instances, and rebuilding the
/// module's table for each would make verification quadratic. An entry is trusted only while the op it names is
/// still a direct child of the owner under that name; anything else rebuilds the owner's table.
const tableCache = new WeakMap<Operation, Map<string, Operation>>();

function lookupIn(table: Operation, name: string): Operation | null {
  const cached = tableCache.get(table)?.get(name);
  if (cached !== undefined && cached.parentOp === table && symbolNameOf(cached) === name) return cached;
  const fresh = new Map<string, Operation>();
  for (const sym of new SymbolTable(table).symbols()) fresh.set(symbolNameOf(sym)!, sym);
  tableCache.set(table, fresh);
  return fresh.get(name) ?? null;
}

/// Resolves a flat symbol name from `from` outwards, as MLIR's lookupNearestSymbolFrom (cached; see above).
function resolveSymbol(from: Operation, name: string): Operation | null {
  for (let t = nearestSymbolTable(from); t !== null; t = t.parentOp === null ? null : nearestSymbolTable(t.parentOp)) {
    const found = lookupIn(t, name);
    if (found !== null) return found;
  }
  return null;
}

/// The PE `func.func` an hw.instance instantiates, or null if it names none.
export function resolveInstance(op: Operation): Operation | null {
  const fn = resolveSymbol(op, instanceCallee(op));
  return fn !== null && fn.name === "func.func" ? fn : null;
}

/// How a PE uses its argument `i`: written (`hw.write`), read (`hw.read`), both or neither.
export function peArgumentUse(fn: Operation, i: number): { writes: boolean; reads: boolean } {
  const body = fn.regions[0];
  const out = { writes: false, reads: false };
  if (body === undefined || body.empty) return out;
  const arg: BlockArgument | undefined = body.entry.args[i];
  if (arg === undefined) return out;
  for (let u = arg.firstUse; u !== null; u = u.nextUse) {
    if (u.index !== 0) continue;
    if (u.owner.name === "hw.write") out.writes = true;
    else if (u.owner.name === "hw.read") out.reads = true;
  }
  return out;
}

/// True if the operand types of `inst` are the argument types of `fn`.
function sameTypes(inst: Operation, fn: Operation): boolean {
  const inputs = functionType(fn)?.inputs ?? [];
  return inputs.length === inst.operands.length && inputs.every((t, i) => inst.operands[i].value.type === t);
}

/// hw.design: no results, one block whose arguments match the signature, only fifos, instances and constants.
export function verifyDesignOp(op: Operation, v: OpVerifyContext): boolean {
  const name = symName(op);
  const ft = functionType(op)!;
  if (ft.results.length) return report(v, HwDiag.DesignResults, name, ft.results.length);
  const body = op.regions[0];
  if (body.empty || !body.hasOneBlock) return report(v, HwDiag.DesignNoBody, name);
  const args = body.entry.args;
  if (args.length !== ft.inputs.length) return report(v, HwDiag.DesignArgCount, name, ft.inputs.length);
  for (let i = 0; i < args.length; i++) {
    if (args[i].type !== ft.inputs[i]) return report(v, HwDiag.DesignArgType, name, i, String(args[i].type), String(ft.inputs[i]));
  }
  for (let o = body.entry.firstOp; o !== null; o = o.next) {
    if (o.name !== "hw.fifo" && o.name !== "hw.instance" && !o.hasTrait(Trait.ConstantLike)) return report(v, HwDiag.DesignBodyOp, name, o.name);
  }
  return true;
}

/// hw.instance: the callee is a `func.func` with `hw.pe`, and the operand types equal its argument types.
export function verifyInstanceOp(op: Operation, v: OpVerifyContext): boolean {
  const callee = instanceCallee(op);
  const fn = resolveInstance(op);
  if (fn === null) return report(v, HwDiag.InstanceCallee, callee);
  if (!isProcessingElement(fn)) return report(v, HwDiag.InstanceNotPE, callee);
  const inputs = functionType(fn)?.inputs ?? [];
  const operands = op.operandValues();
  if (operands.length !== inputs.length) return report(v, HwDiag.InstanceOperandCount, callee);
  for (let i = 0; i < inputs.length; i++) {
    if (operands[i].type !== inputs[i]) return report(v, HwDiag.InstanceOperandType, String(inputs[i]), String(operands[i].type), i, callee);
  }
  return true;
}

/// hw.fifo: exactly one instance's PE writes it and exactly one reads it (the design's own verifier already
/// restricted its users to hw.instance ops).
export function verifyFifoOp(op: Operation, v: OpVerifyContext): boolean {
  const fifo: Value = op.results[0];
  let producers = 0, consumers = 0;
  for (let u = fifo.firstUse; u !== null; u = u.nextUse) {
    if (u.owner.name !== "hw.instance" || u.owner.parent !== op.parent) continue;
    const fn = resolveInstance(u.owner);
    // A malformed instance is reported by its own verifier; counting through it would only mislead.
    if (fn === null || !isProcessingElement(fn) || !sameTypes(u.owner, fn)) return true;
    const use = peArgumentUse(fn, u.index);
    if (use.writes) producers++;
    if (use.reads) consumers++;
  }
  if (producers === 1 && consumers === 1) return true;
  // The instances that write and read it, in block order so the lists read as the design does.
  const uses = fifo.uses().filter((u) => u.owner.name === "hw.instance" && u.owner.parent === op.parent);
  uses.sort((a, b) => (a.owner === b.owner ? a.index - b.index : a.owner.isBeforeInBlock(b.owner) ? -1 : 1));
  const writers: string[] = [];
  const readers: string[] = [];
  for (const u of uses) {
    const use = peArgumentUse(resolveInstance(u.owner)!, u.index);
    if (use.writes) writers.push("@" + instanceCallee(u.owner));
    if (use.reads) readers.push("@" + instanceCallee(u.owner));
  }
  const label = `fifo "${fifoName(op)}"`;
  const list = (xs: string[]) => (xs.length ? ` (${xs.join(", ")})` : "");
  if (producers !== 1) return report(v, HwDiag.FifoProducers, label, producers, list(writers));
  return report(v, HwDiag.FifoConsumers, label, consumers, list(readers));
}

function fifoLabel(fifo: Value): string {
  const d = fifo.definingOp;
  if (d !== null && d.name === "hw.fifo") return `fifo "${fifoName(d)}"`;
  const b = fifo.parentBlock;
  const fn = b?.parentOp ?? null;
  const idx = b === null ? -1 : b.args.indexOf(fifo as BlockArgument);
  return fn !== null && idx >= 0 ? `fifo argument #${idx} of @${symName(fn)}` : "fifo";
}

/// hw.write: the value has the fifo's element type.
export function verifyWriteOp(op: Operation, v: OpVerifyContext): boolean {
  const fifo = op.operand(0);
  const elem = fifoInfo(fifo.type)!.element;
  const t = op.operand(1).type;
  return t === elem || report(v, HwDiag.WriteValueType, String(t), String(elem), fifoLabel(fifo));
}

/// hw.read: the result has the fifo's element type.
export function verifyReadOp(op: Operation, v: OpVerifyContext): boolean {
  const fifo = op.operand(0);
  const elem = fifoInfo(fifo.type)!.element;
  const t = op.results[0].type;
  return t === elem || report(v, HwDiag.ReadResultType, String(t), String(elem), fifoLabel(fifo));
}
