// The Vitis HLS C++ emitter: one file with a PE function per `hw.pe` func, a dataflow top per `hw.design`,
// FIFOs as hls::stream, interface/partition/stream pragmas; plain func/affine/scf code works too.
import {
  fifoInfo, fifoName, instanceCallee, isProcessingElement, partitionInfo, peArgumentUse,
} from "@allo/dialect-hw";
import {
  AttrKind, Severity, TypeKind, walk, type ArrayAttr, type Attribute, type Diagnostic, type DictionaryAttr,
  type BlockArgument, type FunctionType, type MemRefType, type Operation, type StringAttr, type SymbolRefAttr, type Type, type TypeAttr, type Value,
} from "@allo/ir-core";
import { HlsDiag, hlsDiag } from "./diag.js";
import { commentSafe, NameScope } from "./names.js";
import { scheduleInstances, type FifoEdge } from "./schedule.js";
import { FunctionEmitter, type ModuleContext } from "./stmt.js";
import { isPlainArray, wholeView } from "./views.js";
import { arraySuffix, isTypeError, scalarInfo, typeTag, type ScalarInfo } from "./types.js";

/// Options of `emitHls`.
export interface HlsEmitOptions {
  /// Symbol of the top function (an `hw.design` or `func.func`). Default: the only `hw.design`, else the only
  /// function no other function calls.
  readonly top?: string;
}

/// One parameter of the top function, as the testbench drives it.
export interface TopParam {
  /// The C++ parameter name.
  readonly name: string;
  /// The MLIR type (a memref or a scalar).
  readonly type: Type;
  /// Array shape (`[]` for a scalar).
  readonly shape: readonly number[];
  /// The element (or scalar) C++ type.
  readonly elem: ScalarInfo;
  readonly isArray: boolean;
}

/// The top function's C++ name and parameters.
export interface TopSignature {
  /// The MLIR symbol.
  readonly symbol: string;
  /// The C++ function name.
  readonly name: string;
  readonly params: readonly TopParam[];
  /// The return type, or null for `void`.
  readonly result: ScalarInfo | null;
  /// Headers its parameter types need (`ap_int.h`, `hls_half.h`).
  readonly headers: readonly string[];
}

/// What `emitHls` produced.
export interface HlsEmitResult {
  /// True if no error was reported (the C++ is then complete).
  readonly ok: boolean;
  /// The C++ file.
  readonly cpp: string;
  readonly diagnostics: readonly Diagnostic[];
  /// The top function, or null if there is none (or the emission failed before it).
  readonly top: TopSignature | null;
  /// The C++ name of each element of the stream arrays, in creation order (C-simulation calls them hls::stream#1, ...).
  readonly streamLabels: readonly string[];
}

/// FIFOs declared as one array of streams: the common name, element type, depth and shape, and each FIFO's index.
interface StreamArray {
  readonly base: string;
  readonly element: Type;
  readonly depth: number;
  readonly shape: number[];
  readonly index: Map<Operation, number[]>;
  /// The C++ name, once declared.
  name: string;
}

/// Groups FIFOs named `base[i][j]...` (two or more per base, one element type and depth, distinct indices, a base no
/// other FIFO is named, and an array not much larger than the FIFOs it holds) into stream arrays.
function streamArrays(fifos: readonly Operation[]): Map<Operation, StreamArray> {
  const byBase = new Map<string, { f: Operation; idx: number[] }[]>();
  const plain = new Set<string>();
  for (const f of fifos) {
    const raw = fifoName(f);
    const m = /^(.*?)((?:\[\d{1,6}\])+)$/.exec(raw);
    if (m === null || m[1] === "") { plain.add(raw); continue; }
    const idx = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
    const list = byBase.get(m[1]) ?? [];
    list.push({ f, idx });
    byBase.set(m[1], list);
  }
  const out = new Map<Operation, StreamArray>();
  for (const [base, list] of byBase) {
    if (list.length < 2 || plain.has(base)) continue;
    const info0 = fifoInfo(list[0].f.results[0].type);
    if (info0 === null) continue;
    const rank = list[0].idx.length;
    const same = list.every(({ f, idx }) => {
      const info = fifoInfo(f.results[0].type);
      return info !== null && info.element === info0.element && info.depth === info0.depth && idx.length === rank;
    });
    if (!same || new Set(list.map(({ idx }) => idx.join(","))).size !== list.length) continue;
    const shape = Array.from({ length: rank }, (_, d) => Math.max(...list.map(({ idx }) => idx[d])) + 1);
    if (shape.reduce((a, b) => a * b, 1) > Math.max(64, 4 * list.length)) continue;
    const group: StreamArray = { base, element: info0.element, depth: info0.depth, shape, index: new Map(list.map(({ f, idx }) => [f, idx])), name: "" };
    for (const { f } of list) out.set(f, group);
  }
  return out;
}

function symbolOf(op: Operation): string {
  const a = op.getAttr("sym_name");
  return a !== null && a.kind === AttrKind.String ? (a as StringAttr).value : "";
}

function functionTypeOf(op: Operation): FunctionType | null {
  const a = op.getAttr("function_type");
  return a !== null && a.kind === AttrKind.TypeAttr ? ((a as TypeAttr).type as FunctionType) : null;
}

/// `@name`, quoted as MLIR prints it when it is not a bare identifier.
function symText(s: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$.]*$/.test(s) ? `@${s}` : `@${JSON.stringify(s)}`;
}

const HELPERS = {
  floordiv: ["floor_div", "static inline int floor_div(int a, int b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }"],
  ceildiv: ["ceil_div", "static inline int ceil_div(int a, int b) { return a / b + (a % b != 0 && (a < 0) == (b < 0)); }"],
  mod: ["floor_mod", "static inline int floor_mod(int a, int b) { int r = a % b; return r != 0 && (r < 0) != (b < 0) ? r + b : r; }"],
} as const;

const SYSTEM_HEADERS = ["<algorithm>", "<cmath>", "<cstdint>", "<limits>"];
const HLS_HEADERS = ["ap_int.h", "hls_half.h", "hls_stream.h"];

/// A function to emit: its op, C++ name and parameter names.
interface FuncPlan {
  readonly op: Operation;
  readonly symbol: string;
  readonly name: string;
  readonly isDesign: boolean;
}

/// Emits `module` (a `builtin.module`, or a single `hw.design`/`func.func`) as one Vitis HLS C++ file.
export function emitHls(module: Operation, options: HlsEmitOptions = {}): HlsEmitResult {
  return new HlsEmitter(module, options).run();
}

class HlsEmitter implements ModuleContext {
  private readonly diags: Diagnostic[] = [];
  private readonly globals = new NameScope();
  private readonly headers = new Set<string>(["<cstdint>"]);
  private readonly helpersUsed = new Set<keyof typeof HELPERS>();
  private readonly structs = new Map<MemRefType, string>();
  private readonly structOrder: string[] = [];
  private readonly funcs = new Map<string, FuncPlan>();
  private readonly ops: Operation[] = [];
  /// The C++ name of each unnamed stream (array element) in creation order: C-simulation names them hls::stream#K.
  private readonly unnamedStreams: string[] = [];

  constructor(private readonly module: Operation, private readonly options: HlsEmitOptions) {}

  // ---- ModuleContext ----

  header(h: string): void { this.headers.add(h); }
  helper(name: keyof typeof HELPERS): string {
    this.helpersUsed.add(name);
    return HELPERS[name][0];
  }
  blockStruct(t: MemRefType): string {
    let s = this.structs.get(t);
    if (s === undefined) {
      s = this.globals.claim(`block_${typeTag(t.elementType)}_${t.shape.join("x")}`, "block");
      this.structs.set(t, s);
      const elem = scalarInfo(t.elementType);
      const cpp = isTypeError(elem) ? "int" : elem.cpp;
      if (!isTypeError(elem) && elem.header !== null) this.header(elem.header);
      this.structOrder.push(`struct ${s} {\n  ${cpp} data${arraySuffix(t.shape)};\n};`);
    }
    return s;
  }
  functionName(symbol: string): string | null { return this.funcs.get(symbol)?.name ?? null; }
  report(d: Diagnostic): void {
    // The same problem found twice at the same place (a type used by an argument and the result) is said once.
    const dup = this.diags.some((x) => x.code === d.code && x.message === d.message && x.loc.file === d.loc.file && x.loc.line === d.loc.line && x.loc.col === d.loc.col);
    if (!dup) this.diags.push(d);
  }

  // ---- driver ----

  run(): HlsEmitResult {
    const m = this.module;
    const top = m.name === "builtin.module" ? m.regions[0].entry.ops() : [m];
    for (const op of top) {
      if (op.name === "func.func" || op.name === "hw.design") this.ops.push(op);
      else this.report(hlsDiag(HlsDiag.UnsupportedOp, op, op.name));
    }
    if (this.ops.length === 0) {
      if (this.diags.length === 0) this.report(hlsDiag(HlsDiag.NothingToEmit, m));
      return this.result("", null);
    }
    for (const h of Object.values(HELPERS)) this.globals.reserve(h[0]);
    // Global names first (functions in module order), then the block structs every FIFO of a block type needs.
    for (const op of this.ops) {
      const symbol = symbolOf(op);
      this.funcs.set(symbol, { op, symbol, name: this.globals.claim(symbol, "fn"), isDesign: op.name === "hw.design" });
    }
    for (const op of this.ops) walk(op, (o) => {
      for (const r of o.results) this.noteStruct(r.type);
      for (const reg of o.regions) for (const b of reg.blocks()) for (const a of b.args) this.noteStruct(a.type);
    });
    const topOp = this.chooseTop();
    if (topOp === undefined) return this.result("", null);
    const bodies: string[] = [];
    const prototypes: string[] = [];
    const emitted = new Set<string>();
    let topSig: TopSignature | null = null;
    // Plain functions and PEs in module order, then designs; the top function last.
    const order = [...this.ops.filter((o) => o.name === "func.func" && o !== topOp), ...this.ops.filter((o) => o.name === "hw.design" && o !== topOp)];
    if (topOp !== null) order.push(topOp);
    const peNames = this.peParamNames();
    for (const op of order) {
      const plan = this.funcs.get(symbolOf(op))!;
      // Calls to functions defined later need a prototype.
      walk(op, (o) => {
        if (o.name !== "func.call") return;
        const c = o.getAttr("callee");
        const callee = c !== null && c.kind === AttrKind.SymbolRef ? (c as SymbolRefAttr).root : "";
        if (!emitted.has(callee) && this.funcs.has(callee) && !prototypes.includes(callee)) prototypes.push(callee);
      });
      const r = op.name === "hw.design" ? this.emitDesign(op, plan, op === topOp) : this.emitFunction(op, plan, op === topOp, peNames.get(op) ?? null);
      emitted.add(plan.symbol);
      if (r === null) continue;
      bodies.push(r.text);
      if (op === topOp) topSig = r.sig;
    }
    const protoText: string[] = [];
    for (const p of prototypes) {
      const f = this.funcs.get(p)!;
      const s = this.signatureOf(f.op, f.name, null);
      if (s !== null) protoText.push(`${s};`);
    }
    return this.result(this.assemble(protoText, bodies), topSig);
  }

  private result(cpp: string, top: TopSignature | null): HlsEmitResult {
    const ok = !this.diags.some((d) => d.severity === Severity.Error);
    return { ok, cpp: ok ? cpp : "", diagnostics: this.diags, top: ok ? top : null, streamLabels: this.unnamedStreams };
  }

  private noteStruct(t: Type): void {
    const f = fifoInfo(t);
    if (f !== null && f.element.kind === TypeKind.MemRef) this.blockStruct(f.element as MemRefType);
  }

  /// The top op: by option, else the only design, else the only function nobody calls (null: none, undefined: error).
  private chooseTop(): Operation | null | undefined {
    if (this.options.top !== undefined) {
      const f = this.funcs.get(this.options.top);
      if (f === undefined) { this.report(hlsDiag(HlsDiag.TopNotFound, this.module, this.options.top)); return undefined; }
      return f.op;
    }
    const designs = this.ops.filter((o) => o.name === "hw.design");
    if (designs.length === 1) return designs[0];
    if (designs.length > 1) {
      this.report(hlsDiag(HlsDiag.AmbiguousTop, this.module, designs.length, designs.map((d) => symText(symbolOf(d))).join(", ")));
      return undefined;
    }
    const called = new Set<string>();
    for (const op of this.ops) walk(op, (o) => {
      const c = o.getAttr("callee");
      if ((o.name === "func.call" || o.name === "hw.instance") && c !== null && c.kind === AttrKind.SymbolRef) called.add((c as SymbolRefAttr).root);
    });
    const roots = this.ops.filter((o) => !called.has(symbolOf(o)) && !o.regions[0].empty);
    return roots.length === 1 ? roots[0] : null;
  }

  /// Preferred parameter names of PEs with a single instance: the names the design passes them (array and FIFO names).
  private peParamNames(): Map<Operation, (string | null)[]> {
    const out = new Map<Operation, (string | null)[]>();
    const count = new Map<Operation, number>();
    for (const d of this.ops) {
      if (d.name !== "hw.design") continue;
      const body = d.regions[0].entry;
      for (let o = body.firstOp; o !== null; o = o.next) {
        if (o.name !== "hw.instance") continue;
        const fn = this.funcs.get(instanceCallee(o))?.op;
        if (fn === undefined || fn.name !== "func.func") continue;
        count.set(fn, (count.get(fn) ?? 0) + 1);
        out.set(fn, o.operandValues().map((v) => {
          const def = v.definingOp;
          if (def !== null && def.name === "hw.fifo") return fifoName(def) || null;
          if (def === null) return v.sourceName ?? `arg${(v as BlockArgument).index}`;
          return null;
        }));
      }
    }
    for (const [fn, n] of count) if (n > 1) out.delete(fn);
    return out;
  }

  // ---- functions ----

  /// The C++ declaration of one parameter (null: unsupported, reported).
  private paramDecl(t: Type, name: string, at: Operation): string | null {
    if (t.kind === TypeKind.MemRef) {
      const m = t as MemRefType;
      if (!isPlainArray(m)) { this.report(hlsDiag(HlsDiag.DynamicShape, at, String(t))); return null; }
      const e = this.scalar(m.elementType, at);
      return e === null ? null : `${e.cpp} ${name}${arraySuffix(m.shape)}`;
    }
    const f = fifoInfo(t);
    if (f !== null) {
      this.header("hls_stream.h");
      if (f.element.kind === TypeKind.MemRef) return `hls::stream<${this.blockStruct(f.element as MemRefType)}>& ${name}`;
      const e = this.scalar(f.element, at);
      return e === null ? null : `hls::stream<${e.cpp}>& ${name}`;
    }
    const e = this.scalar(t, at);
    return e === null ? null : `${e.cpp} ${name}`;
  }

  private scalar(t: Type, at: Operation): ScalarInfo | null {
    const i = scalarInfo(t);
    if (isTypeError(i)) { this.report(hlsDiag(HlsDiag.UnsupportedType, at, String(t), i.error)); return null; }
    if (i.header !== null) this.header(i.header);
    return i;
  }

  /// `void name(params)` for `op` with parameter `names` (default: argN), or null when a type is unsupported.
  private signatureOf(op: Operation, name: string, names: readonly string[] | null): string | null {
    const ft = functionTypeOf(op);
    if (ft === null) return null;
    if (ft.results.length > 1) { this.report(hlsDiag(HlsDiag.MultipleResults, op, symbolOf(op), ft.results.length)); return null; }
    const ret = ft.results.length === 0 ? "void" : this.scalar(ft.results[0], op)?.cpp ?? null;
    const params = ft.inputs.map((t, i) => this.paramDecl(t, names?.[i] ?? `arg${i}`, op));
    if (ret === null || params.some((p) => p === null)) return null;
    return `${ret} ${name}(${params.join(", ")})`;
  }

  /// Claims parameter names in a fresh function scope: the argument's source name, else `preferred`, else argN.
  private paramNames(scope: NameScope, args: readonly Value[], preferred: readonly (string | null)[] | null): string[] {
    return args.map((a, i) => {
      const src = a.sourceName !== null && !/^arg\d+$/.test(a.sourceName) ? a.sourceName : null;
      return scope.claim(src ?? preferred?.[i] ?? a.sourceName ?? `arg${i}`, "arg");
    });
  }

  /// Interface pragmas of a top function: one m_axi bundle per array, s_axilite control for everything.
  private interfacePragmas(args: readonly Value[], names: readonly string[]): string[] {
    const out: string[] = [];
    let bundle = 0;
    args.forEach((a, i) => {
      if (a.type.kind === TypeKind.MemRef) out.push(`#pragma HLS interface m_axi port=${names[i]} offset=slave bundle=gmem${bundle++}`);
    });
    args.forEach((a, i) => {
      if (fifoInfo(a.type) === null) out.push(`#pragma HLS interface s_axilite port=${names[i]} bundle=control`);
    });
    out.push("#pragma HLS interface s_axilite port=return bundle=control");
    return out;
  }

  /// `#pragma HLS array_partition` lines from the `hw.partition` argument attributes of `op`.
  private partitionPragmas(op: Operation, args: readonly Value[], names: readonly string[]): string[] {
    const out: string[] = [];
    const argAttrs = op.getAttr("arg_attrs");
    if (argAttrs === null || argAttrs.kind !== AttrKind.Array) return out;
    (argAttrs as ArrayAttr).elements.forEach((dict, i) => {
      if (dict.kind !== AttrKind.Dictionary) return;
      const p = (dict as DictionaryAttr).get("hw.partition");
      if (p === null) return;
      const list: readonly Attribute[] = p.kind === AttrKind.Array ? (p as ArrayAttr).elements : [p];
      const t = args[i]?.type;
      for (const a of list) {
        const info = partitionInfo(a);
        const bad = (why: string) => this.report(hlsDiag(HlsDiag.BadPartition, op, i, symText(symbolOf(op)), why));
        if (info === null) { bad("hw.partition must hold #hw.partition attributes"); continue; }
        if (t === undefined || t.kind !== TypeKind.MemRef) { bad("only memref arguments can be partitioned"); continue; }
        if (info.dim > (t as MemRefType).shape.length) { bad(`dim ${info.dim} exceeds the rank ${(t as MemRefType).shape.length}`); continue; }
        if (info.kind !== "complete" && info.factor < 1) { bad(`a ${info.kind} partition needs a factor`); continue; }
        const factor = info.kind === "complete" ? "" : ` factor=${info.factor}`;
        out.push(`#pragma HLS array_partition variable=${names[i]} ${info.kind}${factor} dim=${info.dim}`);
      }
    });
    return out;
  }

  private emitFunction(op: Operation, plan: FuncPlan, isTop: boolean, preferred: (string | null)[] | null): { text: string; sig: TopSignature | null } | null {
    const body = op.regions[0];
    const scope = new NameScope(this.globals);
    const args = body.empty ? [] : body.entry.args;
    const names = body.empty ? (functionTypeOf(op)?.inputs ?? []).map((_, i) => `arg${i}`) : this.paramNames(scope, args, preferred);
    const sig = this.signatureOf(op, plan.name, names);
    if (sig === null) return null;
    if (body.empty) return { text: `${sig};`, sig: null };
    const fe = new FunctionEmitter(this, scope, plan.name);
    const pragmas = [...(isTop ? this.interfacePragmas(args, names) : []), ...this.partitionPragmas(op, args, names)];
    for (const p of pragmas) fe.line(p);
    if (!this.bindParams(fe, args, names, op)) return null;
    fe.emitBlock(body.entry, null);
    if (fe.failed) return null;
    const lines = fe.finish();
    return { text: `${sig} {\n${lines.join("\n")}${lines.length ? "\n" : ""}}`, sig: isTop ? this.topSignature(plan, args, names, op) : null };
  }

  private bindParams(fe: FunctionEmitter, args: readonly Value[], names: readonly string[], op: Operation): boolean {
    for (let i = 0; i < args.length; i++) {
      const t = args[i].type;
      if (t.kind === TypeKind.MemRef) {
        const e = this.scalar((t as MemRefType).elementType, op);
        if (e === null) return false;
        fe.bind(args[i], { kind: "array", view: wholeView(names[i], t as MemRefType, e) });
      } else if (fifoInfo(t) !== null) fe.bind(args[i], { kind: "stream", name: names[i] });
      else fe.bind(args[i], { kind: "scalar", expr: { text: names[i], prec: 16, value: null, loads: false } });
    }
    return true;
  }

  private topSignature(plan: FuncPlan, args: readonly Value[], names: readonly string[], at: Operation): TopSignature | null {
    const params: TopParam[] = [];
    const headers = new Set<string>();
    for (let i = 0; i < args.length; i++) {
      const t = args[i].type;
      const isArray = t.kind === TypeKind.MemRef;
      if (!isArray && fifoInfo(t) !== null) return null; // streams cannot be driven by the testbench
      const e = this.scalar(isArray ? (t as MemRefType).elementType : t, at);
      if (e === null) return null;
      if (e.header !== null) headers.add(e.header);
      params.push({ name: names[i], type: t, shape: isArray ? (t as MemRefType).shape : [], elem: e, isArray });
    }
    const results = functionTypeOf(at)?.results ?? [];
    const result = results.length === 1 ? this.scalar(results[0], at) : null;
    if (result?.header) headers.add(result.header);
    return { symbol: plan.symbol, name: plan.name, params, result, headers: [...headers] };
  }

  // ---- designs ----

  private emitDesign(op: Operation, plan: FuncPlan, isTop: boolean): { text: string; sig: TopSignature | null } | null {
    const body = op.regions[0].entry;
    const scope = new NameScope(this.globals);
    const args = body.args;
    const names = this.paramNames(scope, args, null);
    const sig = this.signatureOf(op, plan.name, names);
    if (sig === null) return null;
    const fe = new FunctionEmitter(this, scope, plan.name);
    for (const p of [...(isTop ? this.interfacePragmas(args, names) : []), ...this.partitionPragmas(op, args, names)]) fe.line(p);
    fe.line("#pragma HLS dataflow");
    if (!this.bindParams(fe, args, names, op)) return null;
    const instances: Operation[] = [];
    const fifos: Operation[] = [];
    for (let o = body.firstOp; o !== null; o = o.next) {
      if (o.name === "hw.fifo") fifos.push(o);
      else if (o.name === "hw.instance") instances.push(o);
      else if (o.name === "arith.constant") fe.emitOp(o, null);
      else this.report(hlsDiag(HlsDiag.DesignBodyOp, o, o.name, symText(plan.symbol)));
    }
    // FIFOs: static, so they outlive the call and a testbench can check they were drained. FIFOs named like
    // elements of one stream array (`fifo_A[1][2]`) become one array of streams, as they would be written by hand;
    // thousands of separate stream objects would also make g++'s points-to analysis take minutes.
    const fifoNames = new Map<Value, string>();
    const groups = streamArrays(fifos);
    const declared = new Set<StreamArray>();
    for (const f of fifos) {
      const raw = fifoName(f);
      const group = groups.get(f);
      if (group !== undefined) {
        if (!declared.has(group)) {
          declared.add(group);
          group.name = fe.claimRaw(group.base, "fifo");
          const elem = group.element.kind === TypeKind.MemRef ? this.blockStruct(group.element as MemRefType) : this.scalar(group.element, f)?.cpp;
          if (elem === undefined) continue;
          fe.line(`static hls::stream<${elem}> ${group.name}${arraySuffix(group.shape)};`);
          fe.line(`#pragma HLS stream variable=${group.name} depth=${group.depth}`);
          this.labelArray(group);
        }
        const name = `${group.name}${group.index.get(f)!.map((i) => `[${i}]`).join("")}`;
        fifoNames.set(f.results[0], name);
        fe.bind(f.results[0], { kind: "stream", name });
        continue;
      }
      const name = raw !== "" ? fe.claimRaw(raw, "fifo") : fe.claim(f.results[0].sourceName, "fifo");
      fifoNames.set(f.results[0], name);
      const info = fifoInfo(f.results[0].type);
      if (info === null) { this.report(hlsDiag(HlsDiag.UnsupportedType, f, String(f.results[0].type), "expected !hw.fifo")); continue; }
      const elem = info.element.kind === TypeKind.MemRef ? this.blockStruct(info.element as MemRefType) : this.scalar(info.element, f)?.cpp;
      if (elem === undefined) continue;
      const note = commentSafe(raw);
      fe.line(`static hls::stream<${elem}> ${name}("${name}");${note !== null && note !== "" && note !== name ? ` // ${note}` : ""}`);
      fe.line(`#pragma HLS stream variable=${name} depth=${info.depth}`);
      fe.bind(f.results[0], { kind: "stream", name });
    }
    if (fifos.length > 0) this.header("hls_stream.h");
    const order = this.schedule(op, instances, fifos, fifoNames);
    if (order === null) return null;
    for (const i of order) {
      const inst = instances[i];
      const callee = instanceCallee(inst);
      const fn = this.funcs.get(callee);
      if (fn === undefined || fn.op.name !== "func.func") { this.report(hlsDiag(HlsDiag.UnknownCallee, inst, inst.name, callee)); continue; }
      fe.line(`${fn.name}(${inst.operandValues().map((v) => fe.argument(v, inst)).join(", ")});`);
    }
    if (fe.failed || this.diags.some((d) => d.severity === Severity.Error)) return null;
    return { text: `${sig} {\n${fe.finish().join("\n")}\n}`, sig: isTop ? this.topSignature(plan, args, names, op) : null };
  }

  /// The call order of `instances` (writer before reader of every FIFO), or null after reporting a cycle.
  private schedule(design: Operation, instances: readonly Operation[], fifos: readonly Operation[], names: ReadonlyMap<Value, string>): number[] | null {
    const writers = new Map<Value, number[]>(), readers = new Map<Value, number[]>();
    for (const f of fifos) { writers.set(f.results[0], []); readers.set(f.results[0], []); }
    instances.forEach((inst, k) => {
      const fn = this.funcs.get(instanceCallee(inst))?.op;
      if (fn === undefined || !isProcessingElement(fn) && fn.name !== "func.func") return;
      inst.operandValues().forEach((v, i) => {
        if (!writers.has(v)) return;
        const use = peArgumentUse(fn, i);
        if (use.writes) writers.get(v)!.push(k);
        if (use.reads) readers.get(v)!.push(k);
      });
    });
    const edges: FifoEdge[] = [];
    for (const f of fifos) {
      const v = f.results[0];
      const w = writers.get(v)!, r = readers.get(v)!;
      if (w.length > 1 || r.length > 1 || w.length !== r.length) {
        this.report(hlsDiag(HlsDiag.FifoEndpoints, f, names.get(v) ?? "", symText(symbolOf(design)), w.length, r.length));
        continue;
      }
      if (w.length === 1) edges.push({ writer: w[0], reader: r[0], fifo: names.get(v) ?? "" });
    }
    const s = scheduleInstances(instances.length, edges);
    if ("order" in s) return [...s.order];
    const pes = s.cycle.instances.map((k) => symText(instanceCallee(instances[k])));
    this.report(hlsDiag(HlsDiag.FifoCycle, design, symbolOf(design), [...pes, pes[0]].join(" -> "), s.cycle.fifos.join(", ")));
    return null;
  }

  /// Records the elements of a stream array in the order C++ constructs them (row-major).
  private labelArray(group: StreamArray): void {
    const total = group.shape.reduce((a, b) => a * b, 1);
    for (let flat = 0; flat < total; flat++) {
      let rest = flat, idx = "";
      const parts: number[] = [];
      for (let d = group.shape.length - 1; d >= 0; d--) { parts.unshift(rest % group.shape[d]); rest = Math.floor(rest / group.shape[d]); }
      for (const p of parts) idx += `[${p}]`;
      this.unnamedStreams.push(`${group.name}${idx}`);
    }
  }

  // ---- assembly ----

  private assemble(prototypes: readonly string[], bodies: readonly string[]): string {
    const parts: string[] = [];
    const sys = SYSTEM_HEADERS.filter((h) => this.headers.has(h)).map((h) => `#include ${h}`);
    const hls = HLS_HEADERS.filter((h) => this.headers.has(h)).map((h) => `#include "${h}"`);
    parts.push(["// Generated by allo-ts: Vitis HLS C++ (target-hls).", ...hls, ...sys].join("\n"));
    if (this.structOrder.length) parts.push(this.structOrder.join("\n\n"));
    const helpers = (Object.keys(HELPERS) as (keyof typeof HELPERS)[]).filter((h) => this.helpersUsed.has(h));
    if (helpers.length) parts.push(["// Floor division and modulo of affine maps (C++ '/' and '%' round toward zero).", ...helpers.map((h) => HELPERS[h][1])].join("\n"));
    if (prototypes.length) parts.push(prototypes.join("\n"));
    parts.push(...bodies);
    return parts.join("\n\n") + "\n";
  }
}
