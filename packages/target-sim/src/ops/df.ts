// df inside kernels: get_pid, param, put, get, meta_if, call and nested kernels; hw.read / hw.write.
import { AttrKind, type Operation, type StringAttr } from "@allo/ir-core";
import { Op, registerExt, type Frame, type TaskLike } from "../bytecode.js";
import { registerHandlers, registerLoopHook, UnitBuilder } from "../compiler.js";
import { fail, SimMessages } from "../diag.js";
import { FifoKind } from "../streams.js";
import { emitIfElse } from "./affine.js";
import { channelType, type ChannelType } from "./channels.js";

function channelOf(op: Operation): ChannelType {
  const t = channelType(op.operand(0).type);
  if (t === null) fail(SimMessages.UnsupportedType, op, String(op.operand(0).type));
  return t;
}

/// The slot holding the FIFO an op addresses: the stream itself, or an element of a stream array.
function fifoSlot(c: UnitBuilder, op: Operation, ct: ChannelType, firstIndex: number): number {
  const s = c.slot(op.operand(0));
  if (ct.shape === null) return s;
  const idx = c.operandSlots(op, firstIndex);
  if (idx.length !== ct.shape.length) fail(SimMessages.UnsupportedOp, op, `${op.name} with ${idx.length} indices on a ${ct.shape.length}-d stream array`);
  const d = c.temp();
  c.emit(Op.FifoX, d, s, idx.length, ...idx);
  return d;
}

function indices(c: UnitBuilder, op: Operation, ct: ChannelType, first: number): number[] {
  const idx = c.operandSlots(op, first);
  if (idx.length !== ct.shape!.length) fail(SimMessages.UnsupportedOp, op, `${op.name} with ${idx.length} indices on a ${ct.shape!.length}-d stream array`);
  return idx;
}

function put(c: UnitBuilder, op: Operation): void {
  const ct = channelOf(op);
  c.unit.writesStreams = true;
  const v = c.slot(op.operand(1));
  if (ct.shape !== null && ct.kind === FifoKind.Num) {
    const idx = indices(c, op, ct, 2);
    const h = c.hoisted.get(op);
    if (h !== undefined) c.emit(Op.PutH, h, c.slot(op.operand(0)), v, idx.length, ...idx);
    else c.emit(Op.PutX, c.slot(op.operand(0)), v, idx.length, ...idx);
    return;
  }
  const q = fifoSlot(c, op, ct, 2);
  c.emit(ct.kind === FifoKind.Block ? Op.PutB : ct.kind === FifoKind.Wide ? Op.PutW : Op.PutN, q, v);
}

function get(c: UnitBuilder, op: Operation): void {
  const ct = channelOf(op);
  c.unit.readsStreams = true;
  if (ct.shape !== null && ct.kind === FifoKind.Num) {
    const idx = indices(c, op, ct, 1);
    const s = c.slot(op.operand(0));
    const h = c.hoisted.get(op);
    if (h !== undefined) c.emit(Op.GetH, c.def(op.result(0)), h, s, idx.length, ...idx);
    else c.emit(Op.GetX, c.def(op.result(0)), s, idx.length, ...idx);
    return;
  }
  const q = fifoSlot(c, op, ct, 1);
  const d = c.def(op.result(0));
  c.emit(ct.kind === FifoKind.Block ? Op.GetB : ct.kind === FifoKind.Wide ? Op.GetW : Op.GetN, d, q);
}

function getPid(c: UnitBuilder, op: Operation): void {
  op.results.forEach((r, k) => {
    c.unit.pidSlots.push(c.def(r));
    c.unit.pidDims.push(k);
  });
}

/// The parameter name of a `df.param` op.
export function paramName(op: Operation): string {
  const a = op.getAttr("name") ?? op.props.entries.find((e) => e.value.kind === AttrKind.String)?.value ?? null;
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : "";
}

function param(c: UnitBuilder, op: Operation): void {
  c.unit.paramSlots.push(c.def(op.result(0)));
  c.unit.paramNames.push(paramName(op));
  c.unit.paramOps.push(op);
}

function metaIf(c: UnitBuilder, op: Operation): void {
  const j = c.emit(Op.Jz, c.slot(op.operand(0)), -1);
  emitIfElse(c, op, [j + 2]);
}

const extCall = registerExt("df.call", (f: Frame, pc: number, t: TaskLike) => {
  t.spawn("region", f.unit.consts[f.code[pc + 3]] as Operation, f, pc);
});

function call(c: UnitBuilder, op: Operation): void {
  const args = c.operandSlots(op);
  c.emitExt(extCall, c.data(op), args.length, ...args);
}

const extKernel = registerExt("df.kernel", (f: Frame, pc: number, t: TaskLike) => {
  t.spawn("kernel", f.unit.consts[f.code[pc + 3]] as Operation, f, pc);
});

function nestedKernel(c: UnitBuilder, op: Operation): void {
  const child = c.prog.unit(op);
  const args = c.operandSlots(op);
  const caps = child.captures.map((v) => c.slot(v));
  c.emitExt(extKernel, c.data(op), args.length, ...args, caps.length, ...caps);
}

function hwWrite(c: UnitBuilder, op: Operation): void {
  const ct = channelOf(op);
  c.emit(ct.kind === FifoKind.Block ? Op.PutB : ct.kind === FifoKind.Wide ? Op.PutW : Op.PutN, c.slot(op.operand(0)), c.slot(op.operand(1)));
  c.unit.writesStreams = true;
}

function hwRead(c: UnitBuilder, op: Operation): void {
  const ct = channelOf(op);
  c.emit(ct.kind === FifoKind.Block ? Op.GetB : ct.kind === FifoKind.Wide ? Op.GetW : Op.GetN, c.def(op.result(0)), c.slot(op.operand(0)));
  c.unit.readsStreams = true;
}

/// Resolves, before `loop`, the stream array element of every scalar df.put/df.get inside it whose stream
/// and indices do not change in the loop (systolic PEs address their neighbours by pid).
function hoistStreamElements(c: UnitBuilder, loop: Operation): void {
  // pre-order over the loop's ops, not entering nested kernels (they are units of their own)
  const stack: Operation[] = [];
  const pushChildren = (op: Operation) => {
    for (let r = op.regions.length - 1; r >= 0; r--) {
      for (let b = op.regions[r].lastBlock; b !== null; b = b.prev) for (let o = b.lastOp; o !== null; o = o.prev) stack.push(o);
    }
  };
  pushChildren(loop);
  while (stack.length) {
    const op = stack.pop()!;
    if (op.name === "df.kernel") continue;
    pushChildren(op);
    if ((op.name !== "df.put" && op.name !== "df.get") || c.hoisted.has(op)) continue;
    const ct = channelType(op.operand(0).type);
    if (ct === null || ct.shape === null || ct.kind !== FifoKind.Num) continue;
    const first = op.name === "df.put" ? 2 : 1;
    const vals = [op.operand(0), ...op.operandValues().slice(first)];
    if (vals.length - 1 !== ct.shape.length || !vals.every((v) => UnitBuilder.definedOutside(v, loop))) continue;
    const slots = vals.map((v) => c.slot(v));
    const d = c.temp();
    c.current = op;
    c.emit(Op.FifoH, d, slots[0], slots.length - 1, ...slots.slice(1));
    c.hoisted.set(op, d);
  }
}
registerLoopHook(hoistStreamElements);

registerHandlers({
  "df.get_pid": getPid,
  "df.param": param,
  "df.put": put,
  "df.get": get,
  "df.meta_if": metaIf,
  "df.call": call,
  "df.kernel": nestedKernel,
  "hw.write": hwWrite,
  "hw.read": hwRead,
});
