// affine: for (with iter_args), if, load, store, apply, min, max.
import { AttrKind, type IntegerSet, type Operation } from "@allo/ir-core";
import { Op } from "../bytecode.js";
import { intAttrValue, registerHandlers, type UnitBuilder } from "../compiler.js";
import { fail, SimMessages } from "../diag.js";
import { elemInfo, emitAffineExpr, emitAffineMap, emitLoad, emitStore, mapAttr, memrefType, segments } from "./common.js";

/// Emits the maximum (or minimum) of slots; returns the slot.
export function reduceSlots(c: UnitBuilder, slots: readonly number[], max: boolean): number {
  let acc = slots[0];
  for (let i = 1; i < slots.length; i++) {
    const d = c.temp();
    c.emit(max ? Op.IMax : Op.IMin, d, acc, slots[i]);
    acc = d;
  }
  return acc;
}

/// Compiles a counted loop `for iv = lb; iv < ub; iv += step` over `body` with iter_args.
/// `owner` yields through its terminator; results alias the iter_args slots.
export function emitCountedLoop(c: UnitBuilder, owner: Operation, lb: number, ub: number, step: number, inits: readonly number[]): void {
  const body = c.singleBlock(owner.regions[0], owner);
  const iv = c.def(body.args[0]);
  const iters = body.args.slice(1).map((a) => c.def(a));
  owner.results.forEach((r, i) => c.alias(r, iters[i]));
  c.moves(iters, inits);
  c.emit(Op.MovN, iv, lb);
  c.loopPreheader(owner);
  c.current = owner;
  const jge = c.emit(Op.Jge, iv, ub, -1);
  const top = c.pc;
  const term = c.compileBlock(body);
  c.current = term ?? owner;
  if (term !== null && term.operands.length) c.moves(iters, c.operandSlots(term));
  c.emit(Op.Loop, iv, step, ub, top);
  c.patch(jge + 3, c.pc);
  c.current = owner;
}

function affineFor(c: UnitBuilder, op: Operation): void {
  const lbMap = mapAttr(op, "lowerBoundMap"), ubMap = mapAttr(op, "upperBoundMap");
  const step = intAttrValue(op.getAttr("step")) ?? 1;
  if (step <= 0) fail(SimMessages.NonPositiveStep, op, op.name, step);
  const seg = segments(op);
  const nlb = seg?.[0] ?? lbMap.numDims + lbMap.numSymbols;
  const nub = seg?.[1] ?? ubMap.numDims + ubMap.numSymbols;
  const lbOps = c.operandSlots(op, 0, nlb), ubOps = c.operandSlots(op, nlb, nlb + nub);
  const inits = c.operandSlots(op, nlb + nub);
  const lb = reduceSlots(c, emitAffineMap(c, lbMap, lbOps), true);
  const ub = reduceSlots(c, emitAffineMap(c, ubMap, ubOps), false);
  emitCountedLoop(c, op, lb, ub, c.constNum(step), inits);
}

/// Emits jumps to a label (returned as patch positions) taken when the integer set does not hold.
function emitSetChecks(c: UnitBuilder, set: IntegerSet, ops: readonly number[]): number[] {
  const patches: number[] = [];
  const zero = c.constNum(0);
  set.constraints.forEach((e, i) => {
    const v = emitAffineExpr(c, e, set.numDims, ops);
    const t = c.temp();
    if (set.eqFlags[i]) c.emit(Op.CmpNe, t, v, zero);
    else c.emit(Op.CmpLt, t, v, zero);
    patches.push(c.emit(Op.Jnz, t, -1) + 2);
  });
  return patches;
}

/// Compiles a two-way branch: `emitCond` emits jumps (positions to patch) taken for "else".
export function emitIfElse(c: UnitBuilder, op: Operation, elsePatches: readonly number[]): void {
  const results = op.results.map((r) => c.def(r));
  const then = c.compileRegion(op.regions[0], op);
  c.current = then ?? op;
  if (then !== null && then.operands.length) c.moves(results, c.operandSlots(then));
  c.current = op;
  const hasElse = op.regions.length > 1 && !op.regions[1].empty;
  const jend = hasElse ? c.emit(Op.Jmp, -1) : -1;
  for (const p of elsePatches) c.patch(p, c.pc);
  if (hasElse) {
    const els = c.compileRegion(op.regions[1], op);
    c.current = els ?? op;
    if (els !== null && els.operands.length) c.moves(results, c.operandSlots(els));
    c.current = op;
    c.patch(jend + 1, c.pc);
  }
}

function affineIf(c: UnitBuilder, op: Operation): void {
  const a = op.getAttr("condition");
  if (a === null || a.kind !== AttrKind.IntegerSet) fail(SimMessages.UnsupportedOp, op, "affine.if without an integer set");
  const set = (a as unknown as { set: IntegerSet }).set;
  emitIfElse(c, op, emitSetChecks(c, set, c.operandSlots(op)));
}

function affineLoad(c: UnitBuilder, op: Operation): void {
  const t = memrefType(op.operand(0), op);
  const m = c.slot(op.operand(0));
  const idx = emitAffineMap(c, mapAttr(op, "map"), c.operandSlots(op, 1));
  emitLoad(c, c.def(op.result(0)), m, idx, elemInfo(t, op));
}

function affineStore(c: UnitBuilder, op: Operation): void {
  const t = memrefType(op.operand(1), op);
  const v = c.slot(op.operand(0)), m = c.slot(op.operand(1));
  const idx = emitAffineMap(c, mapAttr(op, "map"), c.operandSlots(op, 2));
  emitStore(c, v, m, idx, elemInfo(t, op));
}

function affineApply(c: UnitBuilder, op: Operation): void {
  const map = mapAttr(op, "map");
  const s = emitAffineExpr(c, map.results[0], map.numDims, c.operandSlots(op));
  c.alias(op.result(0), s);
}

function minMax(max: boolean) {
  return (c: UnitBuilder, op: Operation): void => {
    const map = mapAttr(op, "map");
    c.alias(op.result(0), reduceSlots(c, emitAffineMap(c, map, c.operandSlots(op)), max));
  };
}

registerHandlers({
  "affine.for": affineFor,
  "affine.if": affineIf,
  "affine.load": affineLoad,
  "affine.store": affineStore,
  "affine.apply": affineApply,
  "affine.min": minMax(false),
  "affine.max": minMax(true),
});
