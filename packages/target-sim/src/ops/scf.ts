// scf: for, if, while, execute_region (yield and condition are handled by their owners).
import type { Operation } from "@allo/ir-core";
import { Op, registerExt, Trap, type Frame } from "../bytecode.js";
import { registerHandlers, type UnitBuilder } from "../compiler.js";
import { fail, SimMessages } from "../diag.js";
import { emitCountedLoop, emitIfElse } from "./affine.js";

const extCheckStep = registerExt("scf.for.step", (f: Frame, pc: number) => {
  const s = f.num[f.code[pc + 3]];
  if (!(s > 0)) throw new Trap(SimMessages.NonPositiveStep, [s]);
});

function scfFor(c: UnitBuilder, op: Operation): void {
  const lb = c.slot(op.operand(0)), ub = c.slot(op.operand(1)), step = c.slot(op.operand(2));
  const stepDef = op.operand(2).definingOp;
  if (stepDef === null || stepDef.name !== "arith.constant") c.emitExt(extCheckStep, step);
  else {
    const v = stepDef.getAttr("value") as unknown as { value: number | bigint } | null;
    if (v === null || !(Number(v.value) > 0)) c.emitExt(extCheckStep, step);
  }
  emitCountedLoop(c, op, lb, ub, step, c.operandSlots(op, 3));
}

function scfIf(c: UnitBuilder, op: Operation): void {
  const j = c.emit(Op.Jz, c.slot(op.operand(0)), -1);
  emitIfElse(c, op, [j + 2]);
}

function scfWhile(c: UnitBuilder, op: Operation): void {
  const before = c.singleBlock(op.regions[0], op), after = c.singleBlock(op.regions[1], op);
  const bargs = before.args.map((a) => c.def(a));
  const aargs = after.args.map((a) => c.def(a));
  op.results.forEach((r, i) => c.alias(r, aargs[i]));
  c.moves(bargs, c.operandSlots(op));
  const top = c.pc;
  const cond = c.compileBlock(before);
  if (cond === null || cond.name !== "scf.condition") fail(SimMessages.UnsupportedOp, op, "scf.while without scf.condition");
  c.current = cond;
  const fwd = c.operandSlots(cond, 1);
  const cs = c.slot(cond.operand(0));
  c.moves(aargs, fwd);
  const jexit = c.emit(Op.Jz, cs, -1);
  c.current = op;
  const y = c.compileBlock(after);
  c.current = y ?? op;
  if (y !== null && y.operands.length) c.moves(bargs, c.operandSlots(y));
  c.emit(Op.Jmp, top);
  c.patch(jexit + 2, c.pc);
  c.current = op;
}

function executeRegion(c: UnitBuilder, op: Operation): void {
  const results = op.results.map((r) => c.def(r));
  const y = c.compileRegion(op.regions[0], op);
  c.current = y ?? op;
  if (y !== null && y.operands.length) c.moves(results, c.operandSlots(y));
  c.current = op;
}

registerHandlers({
  "scf.for": scfFor,
  "scf.if": scfIf,
  "scf.while": scfWhile,
  "scf.execute_region": executeRegion,
});
