// Compiles function and kernel bodies into flat instruction lists with dense value slots.
import {
  AttrKind, TypeKind, type Attribute, type Block, type MemRefType, type Operation, type Region, type StringAttr,
  type SymbolRefAttr, type Value,
} from "@allo/ir-core";
import { Op, Unit } from "./bytecode.js";
import { fail, SimMessages } from "./diag.js";
import { Rep, scalarInfo, type ScalarInfo } from "./values.js";

/// Compiles one op into the unit being built.
export type Handler = (c: UnitBuilder, op: Operation) => void;

const handlers = new Map<string, Handler>();

/// Registers the handlers of a dialect (op name to handler).
export function registerHandlers(table: Readonly<Record<string, Handler>>): void {
  for (const name of Object.keys(table)) handlers.set(name, table[name]);
}

/// Runs before a counted loop's first iteration check, to hoist loop-invariant work into its preheader.
export type LoopHook = (c: UnitBuilder, loop: Operation) => void;
const loopHooks: LoopHook[] = [];

/// Registers a loop hook (df uses one to resolve stream array elements once per loop).
export function registerLoopHook(h: LoopHook): void { loopHooks.push(h); }

/// True if the simulator can compile op `name`.
export function isSupportedOp(name: string): boolean { return handlers.has(name); }

/// Ops that end a block and are handled by the op that owns the region.
const terminators = new Set(["affine.yield", "scf.yield", "scf.condition", "func.return", "df.yield", "linalg.yield", "hw.yield"]);

/// The `sym_name` of a symbol op.
export function symName(op: Operation): string {
  const a = op.getAttr("sym_name");
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : "";
}

/// The callee symbol of a call-like op (`callee`, else the first symbol reference property).
export function calleeName(op: Operation): string | null {
  const a = op.getAttr("callee");
  if (a !== null && a.kind === AttrKind.SymbolRef) return (a as SymbolRefAttr).leaf;
  for (const e of op.props.entries) if (e.value.kind === AttrKind.SymbolRef) return (e.value as SymbolRefAttr).leaf;
  return null;
}

/// All units of one run and the module's symbols.
export class Program {
  readonly module: Operation;
  readonly symbols = new Map<string, Operation>();
  readonly units: Unit[] = [];
  /// Per-run state keyed by op (memref globals).
  readonly cache = new Map<unknown, unknown>();
  private readonly unitIndex = new Map<Operation, number>();
  private readonly queue: number[] = [];

  constructor(module: Operation) {
    this.module = module;
    const body = module.regions[0]?.firstBlock ?? null;
    if (body !== null) for (let op = body.firstOp; op !== null; op = op.next) {
      const n = symName(op);
      if (n !== "") this.symbols.set(n, op);
    }
  }

  /// The index of the unit compiled from `root` (a func.func or df.kernel); compiled by `compileQueued`.
  unitFor(root: Operation): number {
    const hit = this.unitIndex.get(root);
    if (hit !== undefined) return hit;
    const u = new Unit("@" + symName(root), root);
    this.units.push(u);
    const idx = this.units.length - 1;
    this.unitIndex.set(root, idx);
    this.queue.push(idx);
    return idx;
  }

  /// The compiled unit of `root` (compiling it and everything it calls now).
  unit(root: Operation): Unit {
    const i = this.unitFor(root);
    this.compileQueued();
    return this.units[i];
  }

  /// Compiles every unit requested so far.
  compileQueued(): void {
    while (this.queue.length) {
      const u = this.units[this.queue.shift()!];
      if (!u.compiled) new UnitBuilder(this, u).build();
    }
  }

  /// The top-level symbol `name` if it is one of `kinds`.
  lookup(name: string, kinds: readonly string[]): Operation | null {
    const op = this.symbols.get(name);
    return op !== undefined && kinds.includes(op.name) ? op : null;
  }
}

function numKey(x: number): string { return Object.is(x, -0) ? "-0" : String(x); }

/// Builds one unit: slots for values, constants prefilled, instructions with jump patching.
export class UnitBuilder {
  readonly prog: Program;
  readonly unit: Unit;
  private readonly code: number[] = [];
  private readonly opAt: (Operation | null)[] = [];
  private readonly slots = new Map<Value, number>();
  private readonly numInit: number[] = [];
  private readonly objInit: unknown[] = [];
  /// The representation of each slot defined for a value of known type (moves copy only what it uses).
  private readonly slotRep: (Rep | undefined)[] = [];
  private readonly constSlots = new Map<string, number>();
  private readonly objConstSlots = new Map<unknown, number>();
  /// The op being compiled (instructions are attributed to it).
  current: Operation | null = null;
  /// Ops whose FIFO a loop preheader resolved, and the slot holding it.
  readonly hoisted = new Map<Operation, number>();

  constructor(prog: Program, unit: Unit) {
    this.prog = prog;
    this.unit = unit;
  }

  /// Compiles the unit's root region.
  build(): void {
    const root = this.unit.root;
    const region = root.regions[0];
    if (region === undefined || region.empty) fail(SimMessages.UseOutsideScope, root, root.name, "it has no body");
    const block = this.singleBlock(region, root);
    for (const a of block.args) {
      this.unit.argSlots.push(this.def(a));
      this.unit.argInfos.push(this.info(a, root));
    }
    const term = this.compileBlock(block);
    this.current = term ?? root;
    if (term !== null && term.name === "func.return") {
      const vals = term.operandValues().map((v) => this.slot(v));
      this.emit(Op.Ret, vals.length, ...vals);
    } else this.emit(Op.Halt);
    const u = this.unit;
    u.code = Int32Array.from(this.code);
    u.opAt = this.opAt;
    u.nslots = this.numInit.length;
    u.numInit = Float64Array.from(this.numInit);
    u.objInit = this.objInit;
    u.compiled = true;
  }

  /// The only block of `region` (multi-block regions are not supported).
  singleBlock(region: Region, owner: Operation): Block {
    if (region.firstBlock === null) fail(SimMessages.MultiBlockRegion, owner, owner.name);
    if (region.firstBlock !== region.lastBlock) fail(SimMessages.MultiBlockRegion, owner, owner.name);
    return region.firstBlock;
  }

  /// Compiles the ops of `block` except a trailing terminator, which it returns (null if none).
  compileBlock(block: Block): Operation | null {
    for (let op = block.firstOp; op !== null; op = op.next) {
      if (op.next === null && terminators.has(op.name)) return op;
      this.compileOp(op);
    }
    return null;
  }

  /// Compiles the body of a single-block region; returns its terminator.
  compileRegion(region: Region, owner: Operation): Operation | null {
    if (region.empty) return null;
    return this.compileBlock(this.singleBlock(region, owner));
  }

  /// Runs the loop hooks for `loop` (call in the loop's preheader).
  loopPreheader(loop: Operation): void {
    for (const h of loopHooks) h(this, loop);
  }

  /// True if `v` is defined outside `op` (so it is invariant in `op`'s regions).
  static definedOutside(v: Value, op: Operation): boolean {
    const d = v.definingOp ?? v.parentBlock?.parentOp ?? null;
    return d === null || (d !== op && !op.isProperAncestor(d));
  }

  /// Compiles one op with its registered handler.
  compileOp(op: Operation): void {
    const h = handlers.get(op.name);
    if (h === undefined) fail(SimMessages.UnsupportedOp, op, op.name);
    const saved = this.current;
    this.current = op;
    h(this, op);
    this.current = saved;
  }

  // ---- slots ----

  /// The representation of a value's type (an error at `op` if unsupported).
  info(v: Value, op: Operation | null = this.current): ScalarInfo {
    const i = scalarInfo(v.type);
    if (i === null) fail(SimMessages.UnsupportedType, op, String(v.type));
    return i;
  }

  /// The element representation of a memref-typed value.
  elemOf(v: Value, op: Operation | null = this.current): ScalarInfo {
    const t = v.type;
    const i = t.kind === TypeKind.MemRef ? scalarInfo((t as MemRefType).elementType) : null;
    if (i === null || i.rep === Rep.Object) fail(SimMessages.UnsupportedType, op, String(t));
    return i;
  }

  private newSlot(num = 0, obj: unknown = null): number {
    this.numInit.push(num);
    this.objInit.push(obj);
    return this.numInit.length - 1;
  }

  /// A fresh slot for the definition of `v`.
  def(v: Value): number {
    const s = this.newSlot();
    this.slots.set(v, s);
    this.slotRep[s] = scalarInfo(v.type)?.rep;
    return s;
  }

  /// Makes `v` use an existing slot (a value that is another value at run time).
  alias(v: Value, slot: number): void { this.slots.set(v, slot); }

  /// A scratch slot.
  temp(): number { return this.newSlot(); }

  /// The slot of a used value; values defined outside the unit become captures.
  slot(v: Value): number {
    const s = this.slots.get(v);
    if (s !== undefined) return s;
    const root = this.unit.root;
    const defOp = v.definingOp ?? v.parentBlock?.parentOp ?? null;
    if (defOp !== null && (defOp === root || root.isProperAncestor(defOp))) {
      fail(SimMessages.UseOutsideScope, this.current, this.current?.name ?? root.name, "a value used before its definition");
    }
    const c = this.newSlot();
    this.slots.set(v, c);
    this.unit.captures.push(v);
    this.unit.captureSlots.push(c);
    return c;
  }

  /// A slot prefilled with the number `x`.
  constNum(x: number): number {
    const k = numKey(x);
    const hit = this.constSlots.get(k);
    if (hit !== undefined) return hit;
    const s = this.newSlot(x);
    this.constSlots.set(k, s);
    return s;
  }

  /// A slot prefilled with a wide value (a bigint beyond 2^53 goes to the object side).
  constWide(v: number | bigint): number {
    if (typeof v === "number") return this.constNum(v);
    const k = "b" + v.toString();
    const hit = this.constSlots.get(k);
    if (hit !== undefined) return hit;
    const s = this.newSlot(NaN, v);
    this.constSlots.set(k, s);
    return s;
  }

  /// A slot prefilled with an object.
  constObj(x: unknown): number {
    const hit = this.objConstSlots.get(x);
    if (hit !== undefined) return hit;
    const s = this.newSlot(0, x);
    this.objConstSlots.set(x, s);
    return s;
  }

  /// Binds `v` to a constant slot.
  bindConst(v: Value, x: number | bigint): void {
    this.slots.set(v, this.constWide(x));
  }

  /// Index of static data for out-of-line instructions.
  data(x: unknown): number {
    this.unit.consts.push(x);
    return this.unit.consts.length - 1;
  }

  // ---- code ----

  /// Current instruction position.
  get pc(): number { return this.code.length; }

  /// Appends an instruction; returns its position.
  emit(...words: number[]): number {
    const at = this.code.length;
    this.opAt[at] = this.current;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!Number.isInteger(w) || w > 0x7fffffff || w < -0x80000000) fail(SimMessages.Internal, this.current, `instruction word ${w} out of range`);
      this.code.push(w);
    }
    return at;
  }

  /// Appends an out-of-line instruction `ext` with its payload.
  emitExt(ext: number, ...payload: number[]): number {
    return this.emit(Op.Ext, ext, payload.length + 3, ...payload);
  }

  /// Sets word `at` (a jump target placeholder) to `target`.
  patch(at: number, target: number): void { this.code[at] = target; }

  /// Moves `srcs` into `dsts` as one parallel assignment.
  moves(dsts: readonly number[], srcs: readonly number[]): void {
    let conflict = false;
    for (let i = 0; i < dsts.length && !conflict; i++) {
      for (let j = 0; j < srcs.length; j++) if (j !== i && srcs[j] === dsts[i]) { conflict = true; break; }
    }
    const mov = (d: number, s: number, rep: Rep | undefined) =>
      this.emit(rep === Rep.Narrow || rep === Rep.Float ? Op.MovN : rep === Rep.Object ? Op.MovO : Op.Mov, d, s);
    if (!conflict) {
      for (let i = 0; i < dsts.length; i++) if (dsts[i] !== srcs[i]) mov(dsts[i], srcs[i], this.slotRep[dsts[i]]);
      return;
    }
    const tmps = srcs.map((s, i) => { const t = this.temp(); mov(t, s, this.slotRep[dsts[i]]); return t; });
    for (let i = 0; i < dsts.length; i++) mov(dsts[i], tmps[i], this.slotRep[dsts[i]]);
  }

  /// Slots of the operands of `op` from index `from` (to `to`, exclusive).
  operandSlots(op: Operation, from = 0, to = op.operands.length): number[] {
    const out: number[] = [];
    for (let i = from; i < to; i++) out.push(this.slot(op.operand(i)));
    return out;
  }

  /// True if `info` is a signed 64-bit wide integer (i64, si64, index): the fast wide path applies.
  static isI64Like(info: ScalarInfo): boolean { return info.rep === Rep.Wide && info.width === 64 && !info.unsignedRep; }
}

/// An attribute's integer value (IntegerAttr), or null.
export function intAttrValue(a: Attribute | null): number | null {
  if (a === null || a.kind !== AttrKind.Integer) return null;
  const v = (a as unknown as { value: number | bigint }).value;
  return typeof v === "number" ? v : Number(v);
}
