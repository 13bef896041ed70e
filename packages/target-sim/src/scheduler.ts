// Cooperative scheduling of kernel instances: region and design instantiation, FIFO wake-ups, deadlock reports.
import {
  AttrKind, attrToText, Diagnostic, type ArrayAttr, type Attribute, type DenseArrayAttr, type IntegerAttr, type Operation,
  type StringAttr, type Type, type Value,
} from "@allo/ir-core";
import { Frame, Trap, type Unit } from "./bytecode.js";
import { calleeName, intAttrValue, symName, type Program } from "./compiler.js";
import { diagLocOf, fail, SimError, simDiag, SimMessages } from "./diag.js";
import { runAll, TaskTrap } from "./interpreter.js";
import { ReadyQueue } from "./ready.js";
import { MemRef } from "./memory.js";
import { channelType } from "./ops/channels.js";
import { Fifo, StreamArray, Task, type Scheduling } from "./streams.js";
import { RunTimedOut, runWithin } from "./time-limit.js";
import { canonical, Rep, scalarInfo } from "./values.js";

/// Unfinished instances a time-limit error names (the others are counted).
const maxListedInstances = 10;

/// A run-time value: a scalar (number, or bigint beyond 2^53) or an object (memref, stream, FIFO).
export type RtValue = number | bigint | object;

/// Reads slot `s` of frame `f` as a value of type `t`.
export function readSlot(f: Frame, s: number, t: Type): RtValue {
  const info = scalarInfo(t);
  if (info === null || info.rep === Rep.Object) return f.obj[s] as object;
  const n = f.num[s];
  return info.rep === Rep.Wide && n !== n ? (f.obj[s] as bigint) : n;
}

/// Writes `v` into slot `s` of frame `f`.
export function writeSlot(f: Frame, s: number, v: RtValue): void {
  if (typeof v === "number") f.num[s] = v;
  else if (typeof v === "bigint") { f.num[s] = NaN; f.obj[s] = v; }
  else f.obj[s] = v;
}

/// Runs tasks until all finish; spawns kernel instances for regions, calls and designs.
export class Scheduler implements Scheduling {
  readonly prog: Program;
  readonly tasks: Task[] = [];
  readonly fifos: Fifo[] = [];
  readonly ready = new ReadyQueue();
  /// The region or design the run started from (deadlocks are reported there).
  entry: Operation | null = null;

  constructor(prog: Program) {
    this.prog = prog;
  }

  /// Adds a ready task for `unit`; `label` and `pid` make its name. The caller fills its first frame (`bind`).
  spawnTask(label: string, pid: readonly number[] | null, unit: Unit, origin: Operation): Task {
    const t = new Task(this.tasks.length, label, pid, new Frame(unit), this, this.prog.units, origin);
    this.tasks.push(t);
    this.ready.reserve(this.tasks.length);
    this.ready.push(t);
    return t;
  }

  /// Writes `vals` into the slots `slots` of `t`'s first frame; the streams among them are the task's refs.
  bind(t: Task, slots: readonly number[], vals: readonly RtValue[]): void {
    const f = t.frames[0];
    for (let i = 0; i < slots.length; i++) {
      const v = vals[i];
      writeSlot(f, slots[i], v);
      if (v instanceof Fifo || v instanceof StreamArray) t.refs.push(v);
    }
  }

  private newFifo(name: string, t: Type, op: Operation): Fifo | StreamArray {
    const ct = channelType(t);
    if (ct === null) fail(SimMessages.UnsupportedType, op, String(t));
    if (ct.depth < 1) fail(SimMessages.UnsupportedType, op, String(t));
    if (ct.shape !== null) {
      const sa = new StreamArray(name, ct.shape, ct.depth, ct.kind, op);
      this.fifos.push(...sa.fifos);
      return sa;
    }
    const q = new Fifo(name, 0, ct.depth, ct.kind, null, op);
    this.fifos.push(q);
    return q;
  }

  /// Starts every kernel instance of `region` with its arguments bound to `args`.
  instantiateRegion(region: Operation, args: readonly RtValue[], params: ReadonlyMap<string, number>, prefix: string): void {
    const block = region.regions[0]?.firstBlock ?? null;
    if (block === null) return;
    const env = new Map<Value, RtValue>();
    block.args.forEach((a, i) => env.set(a, args[i]));
    for (let op = block.firstOp; op !== null; op = op.next) {
      switch (op.name) {
        case "df.stream": {
          const n = op.getAttr("name");
          const label = n !== null && n.kind === AttrKind.String ? (n as StringAttr).value : op.result(0).sourceName ?? `stream${this.fifos.length}`;
          env.set(op.result(0), this.newFifo(prefix + label, op.result(0).type, op));
          break;
        }
        case "df.kernel":
          this.spawnKernel(op, (v) => env.get(v), params, prefix);
          break;
        case "arith.constant": this.bindConstant(op, env); break;
        case "df.yield": break;
        default: fail(SimMessages.UnsupportedOp, op, `${op.name} in the body of ${region.name}`);
      }
    }
  }

  private bindConstant(op: Operation, env: Map<Value, RtValue>): void {
    const info = scalarInfo(op.result(0).type);
    const a = op.getAttr("value");
    if (info === null || a === null || (a.kind !== AttrKind.Integer && a.kind !== AttrKind.Float)) fail(SimMessages.UnsupportedOp, op, op.name);
    env.set(op.result(0), canonical(info, (a as unknown as { value: number | bigint }).value));
  }

  /// Starts the instances of a `hw.design` with its arguments bound to `args`.
  instantiateDesign(design: Operation, args: readonly RtValue[]): void {
    const block = design.regions[0]?.firstBlock ?? null;
    if (block === null) return;
    const env = new Map<Value, RtValue>();
    block.args.forEach((a, i) => env.set(a, args[i]));
    const counts = new Map<string, number>();
    for (let op = block.firstOp; op !== null; op = op.next) {
      switch (op.name) {
        case "hw.fifo": {
          const n = op.getAttr("name");
          const name = n !== null && n.kind === AttrKind.String ? (n as StringAttr).value : op.result(0).sourceName ?? `fifo${this.fifos.length}`;
          env.set(op.result(0), this.newFifo(name, op.result(0).type, op));
          break;
        }
        case "hw.instance": {
          const callee = calleeName(op) ?? "";
          const fn = this.prog.lookup(callee, ["func.func"]);
          if (fn === null || fn.regions[0].empty) fail(SimMessages.UnknownSymbol, op, op.name, callee, "func.func with a body");
          const unit = this.prog.unit(fn);
          const vals = op.operandValues().map((v) => env.get(v)!);
          const k = counts.get(callee) ?? 0;
          counts.set(callee, k + 1);
          this.bind(this.spawnTask("@" + callee + (k ? `#${k}` : ""), null, unit, op), unit.argSlots, vals);
          break;
        }
        case "arith.constant": this.bindConstant(op, env); break;
        case "hw.yield": break;
        default: fail(SimMessages.UnsupportedOp, op, `${op.name} in the body of hw.design`);
      }
    }
  }

  /// Starts every instance of kernel `kop`; `resolve` gives the values of its operands and captures.
  spawnKernel(kop: Operation, resolve: (v: Value) => RtValue | undefined, params: ReadonlyMap<string, number>, prefix: string): void {
    const unit = this.prog.unit(kop);
    const mapping = this.mapping(kop, params);
    // After df-instantiate, `df.mesh` / `df.pid` keep the grid and position the layouts refer to.
    const mesh = denseAttr(kop, "df.mesh") ?? mapping;
    const fixedPid = denseAttr(kop, "df.pid");
    const layouts = this.layouts(kop, mesh);
    const operands = kop.operandValues().map((v) => {
      const x = resolve(v);
      if (x === undefined) fail(SimMessages.UseOutsideScope, kop, kop.name, `operand ${v.sourceName ?? ""}`);
      return x;
    });
    const caps = unit.captures.map((v) => {
      const x = resolve(v);
      if (x === undefined) fail(SimMessages.UseOutsideScope, kop, kop.name, `the kernel uses ${v.sourceName !== null ? "%" + v.sourceName : "a value"} from outside that is not a stream, argument or constant of the region`);
      return x;
    });
    const paramVals = unit.paramNames.map((n, i) => {
      const v = params.get(n);
      if (v === undefined) fail(SimMessages.UnboundParam, unit.paramOps[i], "df.param", n);
      return v;
    });
    const total = mapping.reduce((a, b) => a * b, 1);
    const pid = new Array<number>(mapping.length).fill(0);
    const single = total === 1 && mapping.every((m) => m === 1);
    const label = prefix + "@" + symName(kop);
    const sharded = layouts.some((l) => l !== null);
    for (let n = 0; n < total; n++) {
      const p = pid.slice();
      const t = this.spawnTask(label, single ? null : p, unit, kop);
      this.bind(t, unit.argSlots, sharded ? operands.map((v, i) => {
        const lay = layouts[i];
        return lay !== null && v instanceof MemRef ? this.shard(kop, v, lay, mesh, fixedPid ?? p, i) : v;
      }) : operands);
      this.bind(t, unit.captureSlots, caps);
      const num = t.frames[0].num;
      for (let i = 0; i < unit.pidSlots.length; i++) num[unit.pidSlots[i]] = p[unit.pidDims[i]] ?? 0;
      for (let i = 0; i < unit.paramSlots.length; i++) num[unit.paramSlots[i]] = paramVals[i];
      for (let k = pid.length - 1; k >= 0; k--) { if (++pid[k] < mapping[k]) break; pid[k] = 0; }
    }
  }

  private mapping(kop: Operation, params: ReadonlyMap<string, number>): number[] {
    const a = kop.getAttr("mapping");
    const entries: (Attribute | number)[] = a === null ? [1] : a.kind === AttrKind.Array ? (a as ArrayAttr).elements.slice() : a.kind === AttrKind.DenseArray ? (a as DenseArrayAttr).values.slice() : [];
    if (entries.length === 0) fail(SimMessages.BadMapping, kop, kop.name, `unsupported mapping ${a === null ? "" : attrToText(a)}`);
    return entries.map((e) => {
      if (typeof e === "number") return e;
      const iv = intAttrValue(e);
      if (iv !== null) return iv;
      const name = e.kind === AttrKind.String ? (e as StringAttr).value : e.kind === AttrKind.SymbolRef ? attrToText(e).slice(1) : attrToText(e);
      const v = params.get(name);
      if (v === undefined) fail(SimMessages.UnboundParam, kop, kop.name, name);
      if (!(v >= 1)) fail(SimMessages.BadMapping, kop, kop.name, `mapping entry ${name} = ${v} is not positive`);
      return v;
    });
  }

  /// Per operand: the layout entries (-1 = replicate, k = shard over mesh axis k), or null.
  private layouts(kop: Operation, mapping: readonly number[]): (number[] | null)[] {
    const a = kop.getAttr("layouts");
    const n = kop.operands.length;
    if (a === null || a.kind !== AttrKind.Array) return new Array(n).fill(null);
    return (a as ArrayAttr).elements.map((l, i) => {
      const text = attrToText(l);
      const body = /\[([^\]]*)\]/.exec(text);
      if (body === null) fail(SimMessages.BadLayout, kop, kop.name, `cannot read layout ${text}`);
      const entries = body[1].split(",").map((s) => s.trim()).filter((s) => s.length > 0).map((s) => {
        if (s === "R") return -1;
        const m = /^S(\d+)$/.exec(s);
        if (m === null) fail(SimMessages.BadLayout, kop, kop.name, `unknown layout entry '${s}' in ${text}`);
        const ax = Number(m[1]);
        if (ax >= mapping.length) fail(SimMessages.BadLayout, kop, kop.name, `layout ${text} of operand #${i} names mesh axis ${ax} of a ${mapping.length}-d mapping`);
        return ax;
      });
      return entries;
    });
  }

  private shard(kop: Operation, m: MemRef, lay: readonly number[], mapping: readonly number[], pid: readonly number[], i: number): MemRef {
    if (lay.length !== m.rank) fail(SimMessages.BadLayout, kop, kop.name, `layout of operand #${i} has ${lay.length} entries for a rank-${m.rank} memref`);
    let offset = m.offset;
    const shape = m.shape.map((d, k) => {
      const ax = lay[k];
      if (ax < 0) return d;
      const parts = mapping[ax];
      if (d % parts !== 0) fail(SimMessages.BadLayout, kop, kop.name, `dimension ${k} of operand #${i} (size ${d}) does not divide evenly over mesh axis ${ax} of size ${parts}`);
      const size = d / parts;
      offset += pid[ax] * size * m.strides[k];
      return size;
    });
    return new MemRef(m.data, m.elem, offset, shape, m.strides.slice());
  }

  spawnFrom(parent: Task, kind: "region" | "kernel", op: Operation, f: Frame, pc: number): void {
    const code = f.code;
    const n = code[pc + 4];
    const args: RtValue[] = [];
    for (let i = 0; i < n; i++) args.push(readSlot(f, code[pc + 5 + i], op.operand(i).type));
    if (kind === "region") {
      const name = calleeName(op) ?? "";
      const region = this.prog.lookup(name, ["df.region"]);
      if (region === null) throw new Trap(SimMessages.UnknownSymbol, [name, "df.region"]);
      const names = this.regionParams(region);
      const vals = this.callParams(op);
      if (vals.length !== names.length) throw new Trap(SimMessages.BadMapping, [`@${name} takes ${names.length} parameters, got ${vals.length}`]);
      this.instantiateRegion(region, args, new Map(names.map((p, i) => [p, vals[i]])), `${parent.name}/@${name}/`);
      return;
    }
    const unit = this.prog.unit(op);
    const nc = code[pc + 5 + n];
    const env = new Map<Value, RtValue>();
    op.operandValues().forEach((v, i) => env.set(v, args[i]));
    for (let i = 0; i < nc; i++) env.set(unit.captures[i], readSlot(f, code[pc + 6 + n + i], unit.captures[i].type));
    this.spawnKernel(op, (v) => env.get(v), new Map(), `${parent.name}/`);
  }

  /// The parameter names of a df.region.
  regionParams(region: Operation): string[] {
    const a = region.getAttr("params");
    if (a === null || a.kind !== AttrKind.Array) return [];
    return (a as ArrayAttr).elements.map((e) => (e.kind === AttrKind.String ? (e as StringAttr).value : attrToText(e)));
  }

  private callParams(op: Operation): number[] {
    const a = op.getAttr("params");
    if (a === null) return [];
    if (a.kind === AttrKind.DenseArray) return (a as DenseArrayAttr).values.slice();
    if (a.kind === AttrKind.Array) return (a as ArrayAttr).elements.map((e) => Number((e as IntegerAttr).value));
    return [];
  }

  /// Runs until every task is done; throws SimError on a trap, a deadlock, leftover stream data, or when the run
  /// takes longer than `timeLimitMs` (0: no limit).
  run(timeLimitMs = 0): void {
    try {
      if (timeLimitMs > 0) runWithin(timeLimitMs, () => runAll(this.ready));
      else runAll(this.ready);
    } catch (e) {
      if (e instanceof TaskTrap) throw this.trapError(e.trap, e.task);
      if (e instanceof RunTimedOut) throw new SimError(this.timeLimitError(timeLimitMs));
      throw e;
    }
    const blocked = this.tasks.filter((t) => t.state === 1);
    if (blocked.length) throw new SimError(this.deadlock(blocked));
    const left: Diagnostic[] = [];
    for (const q of this.fifos) {
      if (q.count > 0) {
        const d = simDiag(SimMessages.StreamNotEmpty, q.op ?? this.entry, q.name, q.count, q.count === 1 ? "" : "s");
        const parts = [q.writer !== null ? `last put by ${q.writer.name}` : "", q.reader !== null ? `last got by ${q.reader.name}` : "no instance got from it"].filter((x) => x !== "");
        d.attachNote(`${q.puts} put${q.puts === 1 ? "" : "s"}, ${q.gets} get${q.gets === 1 ? "" : "s"}; ${parts.join(", ")}`, diagLocOf(q.op?.loc ?? null));
        left.push(d);
      }
    }
    if (left.length) throw new SimError(left);
  }

  /// Stream operations performed so far (puts plus gets).
  streamOps(): number {
    let n = 0;
    for (const q of this.fifos) n += q.puts + q.gets;
    return n;
  }

  /// Turns a trap into a diagnostic at its op, naming the instance.
  trapError(e: Trap, t: Task | null): SimError {
    const op = e.op;
    const args = e.msg.text.startsWith("'{0}' op") ? [op?.name ?? "?", ...e.args] : e.args;
    const d = simDiag(e.msg, op, ...args);
    if (t !== null) d.attachNote(`in instance ${t.name}`, diagLocOf(t.origin.loc));
    for (const n of e.notes) d.attachNote(n.text, diagLocOf(n.op?.loc ?? null));
    return new SimError(d);
  }

  private waitOp(t: Task): Operation | null {
    const f = t.frames[t.frames.length - 1];
    return f.unit.opOf(f.pc);
  }

  /// Who `t` waits for: the other side of its FIFO (last known, else every live task that holds it).
  private waitsFor(t: Task): Task[] {
    const q = t.waitFifo!;
    const known = t.waitPut ? q.reader : q.writer;
    if (known !== null && known !== t) return [known];
    const out: Task[] = [];
    for (const o of this.tasks) {
      if (o === t || o.state === 2) continue;
      if (!o.refs.includes(q) && !(q.parent !== null && o.refs.includes(q.parent))) continue;
      const u = o.frames[0].unit;
      if (t.waitPut ? u.readsStreams : u.writesStreams) out.push(o);
    }
    return out;
  }

  /// The error of a run stopped by its time limit: the instances that had not finished, and where each stood (the
  /// one running first: the task neither done, blocked nor queued).
  private timeLimitError(timeLimitMs: number): Diagnostic {
    const queued = new Set(this.ready.queued());
    const left = this.tasks.filter((t) => t.state !== 2);
    const running = left.filter((t) => t.state === 0 && !queued.has(t));
    left.sort((a, b) => Number(running.includes(b)) - Number(running.includes(a)));
    const d = simDiag(SimMessages.TimeLimit, this.entry, timeLimitMs / 1000, left.length, this.tasks.length);
    for (const t of left.slice(0, maxListedInstances)) {
      const op = t.state === 1 ? this.waitOp(t) : null;
      const where = t.state === 1 ? `blocked in '${op?.name ?? "?"}' on stream '${t.waitFifo!.name}'` : running.includes(t) ? "running" : "ready to run";
      d.attachNote(simDiag(SimMessages.UnfinishedInstance, null, t.name, where).message, diagLocOf((op ?? t.origin).loc));
    }
    if (left.length > maxListedInstances) d.attachNote(`and ${left.length - maxListedInstances} more`, d.loc);
    return d;
  }

  private deadlock(blocked: Task[]): Diagnostic {
    const d = simDiag(SimMessages.Deadlock, this.entry, blocked.length, this.tasks.length);
    for (const t of blocked) {
      const q = t.waitFifo!;
      const op = this.waitOp(t);
      const state = t.waitPut ? `put on a full FIFO of depth ${q.depth}` : "get on an empty FIFO";
      d.attachNote(simDiag(SimMessages.BlockedInstance, op, t.name, op?.name ?? "?", q.name, state).message, diagLocOf(op?.loc ?? null));
    }
    // the wait-for graph among blocked tasks
    const edges = new Map<Task, Task[]>();
    for (const t of blocked) edges.set(t, this.waitsFor(t).filter((o) => o.state === 1));
    const cycle = findCycle(blocked, edges);
    if (cycle !== null) {
      d.attachNote(simDiag(SimMessages.WaitForCycle, null, cycle.map((t) => `${t.name} (${t.waitPut ? "put" : "get"} '${t.waitFifo!.name}')`).join(" -> ") + ` -> ${cycle[0].name}`).message, d.loc);
    } else {
      for (const t of blocked) {
        const q = t.waitFifo!;
        const known = t.waitPut ? q.reader : q.writer;
        const live = this.waitsFor(t).filter((o) => o.state !== 2);
        if (live.length) continue;
        const msg = known !== null && known.state === 2
          ? `${t.name} waits on '${q.name}', whose ${t.waitPut ? "consumer" : "producer"} ${known.name} has finished (mismatched put and get counts?)`
          : `${t.name} waits on '${q.name}', which no live instance ${t.waitPut ? "gets from" : "puts to"}`;
        d.attachNote(simDiag(SimMessages.NoWaitForCycle, null, msg).message, d.loc);
      }
    }
    return d;
  }
}

function denseAttr(op: Operation, name: string): number[] | null {
  const a = op.getAttr(name);
  if (a === null) return null;
  if (a.kind === AttrKind.DenseArray) return (a as DenseArrayAttr).values.slice();
  if (a.kind === AttrKind.Array) return (a as ArrayAttr).elements.map((e) => intAttrValue(e) ?? 0);
  return null;
}

function findCycle(nodes: readonly Task[], edges: ReadonlyMap<Task, Task[]>): Task[] | null {
  const state = new Map<Task, number>();
  const stack: Task[] = [];
  const visit = (t: Task): Task[] | null => {
    state.set(t, 1);
    stack.push(t);
    for (const o of edges.get(t) ?? []) {
      const s = state.get(o) ?? 0;
      if (s === 1) return stack.slice(stack.indexOf(o));
      if (s === 0) { const c = visit(o); if (c !== null) return c; }
    }
    stack.pop();
    state.set(t, 2);
    return null;
  };
  for (const t of nodes) if ((state.get(t) ?? 0) === 0) { const c = visit(t); if (c !== null) return c; }
  return null;
}
