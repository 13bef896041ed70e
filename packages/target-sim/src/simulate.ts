// Running a module: choosing the entry, binding arguments, and converting between memrefs and .npy arrays.
import {
  AttrKind, FunctionType, kDynamic, TypeKind, walk, type Diagnostic, type MemRefType, type Operation, type Type,
  type TypeAttr,
} from "@allo/ir-core";
import { calleeName, Program, symName } from "./compiler.js";
import { fail, SimError, simDiag, SimMessages } from "./diag.js";
import { MemRef, readElement, writeElement } from "./memory.js";
import { float16BitsToNumber, numberToFloat16Bits, type NpyArray, type NpyDType } from "./npy.js";
import { Scheduler, type RtValue } from "./scheduler.js";
import { canonical, Rep, scalarInfo, type ScalarInfo } from "./values.js";
import "./ops/index.js";

/// The ops that can be run.
export const entryKinds = ["df.region", "hw.design", "func.func"] as const;

/// One argument of the entry: its source name (if known), position and type.
export interface EntryArg { readonly name: string | null; readonly index: number; readonly type: Type }

/// The op to run: the one named `entry`, else the last top-level df.region / hw.design / func.func
/// that no other op calls. Throws SimError.
export function findEntry(module: Operation, entry?: string): Operation {
  const body = module.regions[0]?.firstBlock ?? null;
  const tops: Operation[] = [];
  if (body !== null) for (let op = body.firstOp; op !== null; op = op.next) if ((entryKinds as readonly string[]).includes(op.name)) tops.push(op);
  if (entry !== undefined && entry !== "") {
    const name = entry.startsWith("@") ? entry.slice(1) : entry;
    const hit = tops.find((o) => symName(o) === name);
    if (hit === undefined) throw new SimError(simDiag(SimMessages.NoSuchEntry, null, name));
    return hit;
  }
  // Callees of calls from other top-level ops (a recursive function may still be the entry).
  const called = new Set<string>();
  for (const top of tops) {
    const self = symName(top);
    walk(top, (op) => {
      if (op.name === "df.call" || op.name === "func.call" || op.name === "hw.instance") {
        const c = calleeName(op);
        if (c !== null && c !== self) called.add(c);
      }
    });
  }
  const cands = tops.filter((o) => !called.has(symName(o)) && !(o.name === "func.func" && o.regions[0].empty));
  if (cands.length === 0) throw new SimError(simDiag(SimMessages.NoEntry, null));
  return cands[cands.length - 1];
}

/// The arguments of an entry op.
export function entryArgs(entry: Operation): EntryArg[] {
  const block = entry.regions[0]?.firstBlock ?? null;
  if (block !== null) return block.args.map((a, i) => ({ name: a.sourceName, index: i, type: a.type }));
  const ft = entry.getAttr("function_type");
  const inputs = ft !== null && ft.kind === AttrKind.TypeAttr ? ((ft as TypeAttr).type as FunctionType).inputs : [];
  return inputs.map((t, i) => ({ name: null, index: i, type: t }));
}

/// The result types of an entry (func.func only).
export function entryResults(entry: Operation): readonly Type[] {
  const ft = entry.getAttr("function_type");
  if (entry.name !== "func.func" || ft === null || ft.kind !== AttrKind.TypeAttr) return [];
  return ((ft as TypeAttr).type as FunctionType).results;
}

/// Statistics of a run.
export interface SimStats {
  /// Stream operations (puts plus gets).
  readonly streamOps: number;
  readonly tasks: number;
  readonly seconds: number;
}

/// The outcome of a run: argument values after it (memrefs hold the outputs), results, statistics.
export type SimResult =
  | { ok: true; args: RtValue[]; results: RtValue[]; stats: SimStats }
  | { ok: false; diagnostics: Diagnostic[] };

/// Options of `simulate`.
export interface SimulateOptions {
  /// Stop the run with an error after this many milliseconds (0 or absent: no limit).
  readonly timeLimitMs?: number;
}

/// Runs `entry` of `module` with `args` (one per entry argument; memrefs for memref arguments).
export function simulate(module: Operation, entry: Operation, args: readonly RtValue[], options: SimulateOptions = {}): SimResult {
  try {
    const prog = new Program(module);
    const sched = new Scheduler(prog);
    sched.entry = entry;
    // process.hrtime rather than performance.now: the first use of `performance` loads Node's perf_hooks (~1 ms)
    const t0 = process.hrtime.bigint();
    let results: RtValue[] = [];
    let resultTask = null;
    if (entry.name === "df.region") {
      const params = sched.regionParams(entry);
      if (params.length) fail(SimMessages.EntryHasParams, entry, symName(entry));
      sched.instantiateRegion(entry, args, new Map(), "");
    } else if (entry.name === "hw.design") {
      sched.instantiateDesign(entry, args);
    } else {
      const unit = prog.unit(entry);
      resultTask = sched.spawnTask("@" + symName(entry), null, unit, entry);
      sched.bind(resultTask, unit.argSlots, args);
    }
    sched.run(options.timeLimitMs ?? 0);
    if (resultTask !== null && resultTask.results !== null) {
      const r = resultTask.results;
      const types = entryResults(entry);
      results = types.map((t, i) => {
        const info = scalarInfo(t);
        const n = r[2 * i] as number, o = r[2 * i + 1];
        if (info === null || info.rep === Rep.Object) return o as object;
        return info.rep === Rep.Wide && n !== n ? (o as bigint) : n;
      });
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return { ok: true, args: args.slice(), results, stats: { streamOps: sched.streamOps(), tasks: sched.tasks.length, seconds } };
  } catch (e) {
    if (e instanceof SimError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}

// ---- .npy conversion ----

/// The numpy dtype that holds elements of `info`, or null.
export function dtypeOf(info: ScalarInfo): NpyDType | null {
  if (info.rep === Rep.Float) return info.width === 64 ? "float64" : info.float!.name === "f16" ? "float16" : "float32";
  if (info.rep === Rep.Narrow || info.rep === Rep.Wide) {
    const w = info.width;
    if (w === 1) return "bool";
    if (info.type.kind === TypeKind.Index) return "int64";
    const u = info.unsignedRep;
    if (w === 8) return u ? "uint8" : "int8";
    if (w === 16) return u ? "uint16" : "int16";
    if (w === 32) return u ? "uint32" : "int32";
    if (w === 64) return u ? "uint64" : "int64";
  }
  return null;
}

function shapeText(s: readonly number[]): string { return s.map((d) => (d === kDynamic ? "?" : String(d))).join(", "); }

/// Builds the value of an argument of type `t` from an array (shape and dtype checked); name is for messages.
export function valueFromNpy(name: string, t: Type, arr: NpyArray): RtValue {
  const memref = t.kind === TypeKind.MemRef ? (t as MemRefType) : null;
  const info = scalarInfo(memref !== null ? memref.elementType : t);
  const dtype = info === null ? null : dtypeOf(info);
  if (info === null || dtype === null || (memref === null && info.rep === Rep.Object)) throw new SimError(simDiag(SimMessages.UnsupportedType, null, String(t)));
  if (arr.dtype !== dtype) throw new SimError(simDiag(SimMessages.InputDType, null, name, arr.dtype, dtype, String(t)));
  const want = memref !== null ? memref.shape : [];
  if (arr.shape.length !== want.length || arr.shape.some((d, i) => want[i] !== kDynamic && want[i] !== d)) {
    throw new SimError(simDiag(SimMessages.InputShape, null, name, arr.shape.join(", "), shapeText(want)));
  }
  const read = (i: number): number | bigint => {
    const v = (arr.data as unknown as ArrayLike<number | bigint>)[i];
    if (dtype === "float16") return float16BitsToNumber(v as number);
    return v;
  };
  if (memref === null) return canonical(info, read(0));
  const m = MemRef.alloc(info, arr.shape)!;
  const data = m.data as unknown as (number | bigint)[];
  if (info.rep === Rep.Float && info.float!.name === "bf16") {
    for (let i = 0; i < m.size; i++) data[i] = canonical(info, read(i)) as number;
  } else if (dtype === "float16") {
    for (let i = 0; i < m.size; i++) data[i] = read(i);
  } else if (m.big === (arr.data instanceof BigInt64Array || arr.data instanceof BigUint64Array)) {
    (m.data as unknown as { set(a: ArrayLike<number | bigint>): void }).set(arr.data as unknown as ArrayLike<number | bigint>);
  } else {
    for (let i = 0; i < m.size; i++) writeElement(m, i, canonical(info, read(i)));
  }
  return m;
}

/// A zero value of type `t` (memrefs of static shape only); null if it needs an input.
export function zeroValue(t: Type): RtValue | null {
  if (t.kind === TypeKind.MemRef) {
    const mt = t as MemRefType;
    if (mt.shape.some((d) => d === kDynamic)) return null;
    const info = scalarInfo(mt.elementType);
    if (info === null || info.rep === Rep.Object) throw new SimError(simDiag(SimMessages.UnsupportedType, null, String(t)));
    return MemRef.alloc(info, mt.shape)!;
  }
  const info = scalarInfo(t);
  if (info === null || info.rep === Rep.Object) return null;
  return 0;
}

/// Converts a memref (or scalar of type `t`) into an array of the matching dtype.
export function valueToNpy(name: string, t: Type, v: RtValue): NpyArray {
  const memref = t.kind === TypeKind.MemRef ? (t as MemRefType) : null;
  const info = scalarInfo(memref !== null ? memref.elementType : t);
  const dtype = info === null ? null : dtypeOf(info);
  if (info === null || dtype === null) throw new SimError(simDiag(SimMessages.OutputShape, null, name, `no .npy dtype for ${String(t)}`));
  const m = v instanceof MemRef ? v : null;
  const shape = m !== null ? m.shape.slice() : [];
  const n = m !== null ? m.size : 1;
  const out = npyStorage(dtype, n);
  const put = (k: number, x: number | bigint) => {
    if (dtype === "float16") (out as Uint16Array)[k] = numberToFloat16Bits(Number(x));
    else if (out instanceof BigInt64Array || out instanceof BigUint64Array) out[k] = typeof x === "bigint" ? x : BigInt(x);
    else (out as unknown as number[])[k] = Number(x);
  };
  if (m === null) put(0, v as number | bigint);
  else m.forEachIndex((i, flat) => put(flat, readElement(m, i)));
  return { dtype, shape, data: out };
}

function npyStorage(dtype: NpyDType, n: number): NpyArray["data"] {
  switch (dtype) {
    case "bool": case "uint8": return new Uint8Array(n);
    case "int8": return new Int8Array(n);
    case "int16": return new Int16Array(n);
    case "uint16": case "float16": return new Uint16Array(n);
    case "int32": return new Int32Array(n);
    case "uint32": return new Uint32Array(n);
    case "int64": return new BigInt64Array(n);
    case "uint64": return new BigUint64Array(n);
    case "float32": return new Float32Array(n);
    default: return new Float64Array(n);
  }
}
