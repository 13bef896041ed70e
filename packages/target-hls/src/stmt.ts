// Function bodies as C++ statements: SSA values become inline expressions or named variables, loops become `for`,
// memrefs C arrays (subviews as index arithmetic), FIFOs hls::stream references.
import {
  AffineExprKind, AttrKind, kDynamic, TypeKind, type AffineMap, type AffineMapAttr, type Block, type DenseArrayAttr,
  type Diagnostic, type IntegerAttr, type IntegerSetAttr, type MemRefType, type Operation, type SymbolRefAttr, type Type, type Value,
} from "@allo/ir-core";
import { cmpf, cmpi, constantLiteral, convert, floatBinary, foldInt, intBinary, intLiteralOf, type ExprNeeds } from "./arith.js";
import { hlsDiag, HlsDiag } from "./diag.js";
import { access, add, isPlainArray, isWhole, mulConst, wholeView, type ArrayDim, type ArrayView } from "./views.js";
import {
  affineLowerBound, affineToC, atom, binary, call, intLit, Prec, ternary, unary, type AffinePrinter, type CExpr,
} from "./expr.js";
import { emitLinalg } from "./linalg.js";
import { NameScope } from "./names.js";
import { fifoInfo } from "@allo/dialect-hw";
import { arraySuffix, isTypeError, ScalarKind, scalarInfo, type ScalarInfo } from "./types.js";

/// What function bodies need from the module being emitted.
export interface ModuleContext extends ExprNeeds {
  /// Registers a helper function (floordiv, ...) and returns its name.
  helper(name: "floordiv" | "ceildiv" | "mod"): string;
  /// The struct type carrying a memref block through a stream (declared once per memref type).
  blockStruct(t: MemRefType): string;
  /// The C++ name of the function a symbol names, or null.
  functionName(symbol: string): string | null;
  /// Reports an error.
  report(d: Diagnostic): void;
}

/// How a value is spelled in C++.
export type Binding =
  | { readonly kind: "scalar"; readonly expr: CExpr }
  | { readonly kind: "array"; readonly view: ArrayView }
  | { readonly kind: "stream"; readonly name: string };

/// A scalar variable declaration, so one whose every use was folded away can be dropped at the end.
interface Declaration {
  readonly line: number;
  readonly name: string;
  /// The initializer, and whether evaluating it has an effect (a stream read or a call) that must stay.
  readonly init: string;
  readonly effect: boolean;
  /// The line after the end of its scope (set when the scope closes).
  end: number;
}

/// Receives the values of a block's terminator (yield), already as expressions.
type YieldSink = (values: readonly CExpr[], op: Operation) => void;

/// False for the names printers make up (`%0`, `%arg3`, `%5#1`): those give way to `v0`, `i0`, ...
export function isMeaningfulName(raw: string): boolean {
  return !/^(arg)?\d+(#\d+)?$/.test(raw) && !/^[0-9]/.test(raw);
}

/// Ops that neither write memory nor touch streams: a load may be inlined across them.
function isQuiet(op: Operation): boolean {
  if (op.dialect === "arith") return true;
  switch (op.name) {
    case "affine.apply": case "affine.min": case "affine.max": case "affine.load": case "memref.load":
    case "memref.subview": case "memref.cast": case "memref.dim": case "memref.alloc": case "memref.alloca":
      return true;
    default: return false;
  }
}

/// Emits one function body.
export class FunctionEmitter {
  /// The emitted lines (indented).
  readonly lines: string[] = [];
  private depth: number;
  private scope: NameScope;
  private readonly values = new Map<Value, Binding>();
  private readonly lowerBounds = new Map<Value, number>();
  /// Position of each op in its block, for the "no store between a load and its use" check.
  private readonly position = new Map<Operation, number>();
  /// For each block being emitted: prefix counts of side-effecting ops.
  private readonly effectsBefore = new Map<Block, number[]>();
  readonly ctx: ModuleContext;
  readonly fnName: string;
  /// Set when an error was reported (the output is then incomplete).
  failed = false;
  /// Variable declarations, and those of each open scope (innermost last).
  private readonly declarations: Declaration[] = [];
  private readonly openDeclarations: Declaration[][] = [[]];

  constructor(ctx: ModuleContext, scope: NameScope, fnName: string, depth = 1) {
    this.ctx = ctx;
    this.scope = scope;
    this.fnName = fnName;
    this.depth = depth;
  }

  // ---- output and scopes ----

  /// Appends a line at the current indentation.
  line(s: string): void {
    this.lines.push("  ".repeat(this.depth) + s);
  }
  /// Opens a C++ block scope (names claimed inside can be reused after it closes).
  open(header: string): void {
    this.line(header);
    this.depth++;
    this.scope = new NameScope(this.scope);
    this.openDeclarations.push([]);
  }
  /// Closes the innermost block scope with `}` (or `text`).
  close(text = "}"): void {
    this.depth--;
    this.scope = this.scope.parent!;
    for (const d of this.openDeclarations.pop()!) d.end = this.lines.length;
    this.line(text);
  }
  /// `} else {`: closes the then-scope and opens the else-scope.
  private elseScope(): void {
    this.close("} else {");
    this.depth++;
    this.scope = new NameScope(this.scope);
    this.openDeclarations.push([]);
  }
  /// Emits `type name = init;` and records it.
  declare(type: string, name: string, init: string, effect: boolean): void {
    const d: Declaration = { line: this.lines.length, name, init, effect, end: -1 };
    this.line(`${type} ${name} = ${init};`);
    this.declarations.push(d);
    this.openDeclarations[this.openDeclarations.length - 1].push(d);
  }

  /// The finished body: declarations whose variable is never read are dropped (kept as a statement when their
  /// initializer has an effect), since g++ -Wall rejects unused variables. Repeats until nothing changes, as
  /// dropping one may leave another unread.
  finish(): string[] {
    const lines: (string | null)[] = this.lines.slice();
    for (const d of this.declarations) if (d.end < 0) d.end = lines.length;
    let changed = true;
    while (changed) {
      changed = false;
      for (const d of this.declarations) {
        if (lines[d.line] === null || lines[d.line]!.trimStart().startsWith(`${d.init};`)) continue;
        const word = new RegExp(`(^|[^A-Za-z0-9_])${d.name}([^A-Za-z0-9_]|$)`);
        let used = false;
        for (let k = d.line + 1; k < d.end && !used; k++) used = lines[k] !== null && word.test(lines[k]!);
        if (used) continue;
        const indent = lines[d.line]!.slice(0, lines[d.line]!.length - lines[d.line]!.trimStart().length);
        lines[d.line] = d.effect ? `${indent}${d.init};` : null;
        changed = true;
      }
    }
    return lines.filter((l): l is string => l !== null);
  }
  /// Claims a name in the current scope: the IR's source name when it says something, else `prefixN`.
  claim(raw: string | null, prefix: string): string {
    return raw !== null && isMeaningfulName(raw) ? this.scope.claim(raw, prefix) : this.scope.claimNumbered(prefix);
  }
  /// Claims a name derived from `raw` whatever it looks like (FIFO names, not SSA names).
  claimRaw(raw: string, prefix: string): string {
    return this.scope.claim(raw, prefix);
  }
  /// Claims the first free `prefixN`.
  claimNumbered(prefix: string): string {
    return this.scope.claimNumbered(prefix);
  }
  /// Opens a `for` scope whose counter is named after `raw` (or `prefixN`): the name lives in the loop's scope
  /// only, so sibling loops can reuse it. `header` builds the line from the chosen name.
  openLoop(raw: string | null, prefix: string, header: (iv: string) => string): string {
    const outer = this.scope;
    this.scope = new NameScope(outer);
    const iv = this.claim(raw, prefix);
    this.scope = outer;
    this.open(header(iv));
    this.scope.reserve(iv);
    return iv;
  }

  /// Reports an error at `op`.
  error(op: Operation | null, msg: typeof HlsDiag[keyof typeof HlsDiag], ...args: unknown[]): void {
    this.failed = true;
    this.ctx.report(hlsDiag(msg, op, ...args));
  }

  // ---- values ----

  /// Binds `v` to its C++ spelling.
  bind(v: Value, b: Binding): void {
    this.values.set(v, b);
  }
  /// Records a known lower bound of an index value (for plain `/` and `%` in affine expressions).
  setLowerBound(v: Value, lb: number): void {
    this.lowerBounds.set(v, lb);
  }

  /// The scalar expression of `v`; reports and returns a placeholder if `v` is not a scalar.
  scalar(v: Value, user: Operation): CExpr {
    const b = this.values.get(v);
    if (b !== undefined && b.kind === "scalar") return b.expr;
    // A value whose defining op already failed is not reported again.
    if (b !== undefined || !this.failed) this.error(user, HlsDiag.UnsupportedValue, String(v.type), b === undefined ? "it has no C++ value (its defining op was not emitted)" : "expected a scalar");
    return atom("0");
  }
  /// The array view of a memref value, or null (reported).
  array(v: Value, user: Operation): ArrayView | null {
    const b = this.values.get(v);
    if (b !== undefined && b.kind === "array") return b.view;
    if (b === undefined && this.failed) return null;
    this.error(user, HlsDiag.UnsupportedValue, String(v.type), b === undefined ? "it has no C++ value (its defining op was not emitted)" : "expected a memref");
    return null;
  }
  /// The stream name of a fifo value, or null (reported).
  stream(v: Value, user: Operation): string | null {
    const b = this.values.get(v);
    if (b !== undefined && b.kind === "stream") return b.name;
    if (b === undefined && this.failed) return null;
    this.error(user, HlsDiag.UnsupportedValue, String(v.type), "expected a !hw.fifo");
    return null;
  }
  /// The C++ scalar type of `t`, or null (reported at `op`).
  info(t: Type, op: Operation): ScalarInfo | null {
    const i = scalarInfo(t);
    if (isTypeError(i)) {
      this.error(op, HlsDiag.UnsupportedType, String(t), i.error);
      return null;
    }
    if (i.header !== null) this.ctx.header(i.header);
    return i;
  }

  /// An affine printer over `operands` (the first `map.numDims` are dims).
  affinePrinter(map: { numDims: number }, operands: readonly Value[], user: Operation): AffinePrinter {
    const dims = operands.slice(0, map.numDims).map((v) => this.scalar(v, user));
    const syms = operands.slice(map.numDims).map((v) => this.scalar(v, user));
    return {
      dims, syms,
      helper: (name) => this.ctx.helper(name),
      lowerBound: (isDim, pos) => {
        const v = isDim ? operands[pos] : operands[map.numDims + pos];
        return v === undefined ? null : this.lowerBounds.get(v) ?? null;
      },
    };
  }

  /// The results of `map` applied to `operands`, as C expressions.
  applyMap(map: AffineMap, operands: readonly Value[], user: Operation): CExpr[] {
    const p = this.affinePrinter(map, operands, user);
    return map.results.map((e) => affineToC(e, p));
  }

  // ---- blocks ----

  /// Emits the ops of `block`; its terminator's values go to `sink`.
  emitBlock(block: Block, sink: YieldSink | null): void {
    const ops = block.ops();
    const effects = [0];
    for (let i = 0; i < ops.length; i++) {
      this.position.set(ops[i], i);
      effects.push(effects[i] + (isQuiet(ops[i]) ? 0 : 1));
    }
    this.effectsBefore.set(block, effects);
    for (const op of ops) this.emitOp(op, sink);
    this.effectsBefore.delete(block);
  }

  /// Binds the single result of `op` to `e`: inline when it is used once, nearby and safely; else a variable.
  defineScalar(op: Operation, e: CExpr, info: ScalarInfo, forceVar = false, effect = false): void {
    const r = op.results[0];
    if (!forceVar && this.canInline(op, e)) {
      this.bind(r, { kind: "scalar", expr: e });
      return;
    }
    if (r.useEmpty) {
      if (effect) this.line(`${e.text};`);
      return; // a dead pure value or load: nothing to emit
    }
    const name = this.claim(r.sourceName, "v");
    this.declare(info.cpp, name, e.text, effect);
    this.bind(r, { kind: "scalar", expr: atom(name) });
  }

  private canInline(op: Operation, e: CExpr): boolean {
    const r = op.results[0];
    if (!r.hasOneUse || e.text.length > 100) return false;
    const user = r.firstUse!.owner;
    if (user.parent !== op.parent) return false;
    if (!e.loads) return true;
    // A load must not move past a store, a stream access or a call, nor into a loop header or body.
    if (user.regions.length > 0) return false;
    const effects = this.effectsBefore.get(op.parent!);
    const from = this.position.get(op), to = this.position.get(user);
    if (effects === undefined || from === undefined || to === undefined) return false;
    return effects[to] - effects[from + 1] === 0;
  }

  /// Emits one op.
  emitOp(op: Operation, sink: YieldSink | null): void {
    const name = op.name;
    if (op.dialect === "arith") { this.emitArith(op); return; }
    switch (name) {
      case "affine.apply": {
        const map = (op.getAttr("map") as AffineMapAttr).map;
        const info = this.info(op.results[0].type, op);
        if (info === null) return;
        const [e] = this.applyMap(map, op.operandValues(), op);
        this.defineScalar(op, e, info);
        const p = this.affinePrinter(map, op.operandValues(), op);
        const lb = affineLowerBound(map.results[0], p);
        if (lb !== null) this.setLowerBound(op.results[0], lb);
        return;
      }
      case "affine.min": case "affine.max": {
        const map = (op.getAttr("map") as AffineMapAttr).map;
        const info = this.info(op.results[0].type, op);
        if (info === null) return;
        this.defineScalar(op, this.minMax(this.applyMap(map, op.operandValues(), op), name === "affine.max"), info);
        return;
      }
      case "affine.load": case "memref.load": {
        const info = this.info(op.results[0].type, op);
        const view = this.array(op.operand(0), op);
        if (info === null || view === null) return;
        this.defineScalar(op, access(view, this.indices(op, 1)), info);
        return;
      }
      case "affine.store": case "memref.store": {
        const view = this.array(op.operand(1), op);
        if (view === null) return;
        this.line(`${access(view, this.indices(op, 2)).text} = ${this.scalar(op.operand(0), op).text};`);
        return;
      }
      case "memref.alloc": case "memref.alloca": this.emitAlloc(op); return;
      case "memref.dealloc": return;
      case "memref.subview": this.emitSubview(op); return;
      case "memref.cast": {
        const view = this.array(op.operand(0), op);
        const t = op.results[0].type as MemRefType;
        if (view !== null && t.kind === TypeKind.MemRef && t.hasStaticShape) this.bind(op.results[0], { kind: "array", view: { ...view, type: t } });
        else if (view !== null) this.error(op, HlsDiag.DynamicShape, String(t));
        return;
      }
      case "memref.dim": {
        const t = op.operand(0).type as MemRefType;
        const idx = this.scalar(op.operand(1), op);
        if (idx.value === null || t.kind !== TypeKind.MemRef || t.shape[Number(idx.value)] === undefined || t.shape[Number(idx.value)] === kDynamic) {
          this.error(op, HlsDiag.UnsupportedForm, name, "the dimension must be a constant of a static shape");
          return;
        }
        this.bind(op.results[0], { kind: "scalar", expr: intLit(t.shape[Number(idx.value)]) });
        return;
      }
      case "memref.copy": {
        const src = this.array(op.operand(0), op), dst = this.array(op.operand(1), op);
        if (src !== null && dst !== null) this.copyLoops(dst, src);
        return;
      }
      case "affine.for": this.emitAffineFor(op); return;
      case "scf.for": this.emitScfFor(op); return;
      case "affine.if": case "scf.if": this.emitIf(op); return;
      case "affine.yield": case "scf.yield": case "linalg.yield":
        if (sink !== null) sink(op.operandValues().map((v) => this.scalar(v, op)), op);
        return;
      case "func.return": {
        if (op.operands.length === 1) this.line(`return ${this.scalar(op.operand(0), op).text};`);
        else if (op.next !== null || op.parent?.parentOp?.name !== "func.func") this.line("return;");
        return;
      }
      case "func.call": this.emitCall(op); return;
      case "hw.read": this.emitRead(op); return;
      case "hw.write": this.emitWrite(op); return;
      case "linalg.fill": case "linalg.matmul": case "linalg.add": emitLinalg(this, op); return;
      default:
        this.error(op, HlsDiag.UnsupportedOp, name);
    }
  }

  /// The subscripts of a load/store whose memref is operand `first - 1` (affine maps applied).
  private indices(op: Operation, first: number): CExpr[] {
    const operands = op.operandValues().slice(first);
    const m = op.getAttr("map");
    if (m !== null && m.kind === AttrKind.AffineMap) return this.applyMap((m as AffineMapAttr).map, operands, op);
    return operands.map((v) => this.scalar(v, op));
  }

  /// `std::min`/`std::max` over one or more expressions.
  minMax(es: readonly CExpr[], max: boolean): CExpr {
    if (es.length === 1) return es[0];
    this.ctx.header("<algorithm>");
    const fn = max ? "std::max" : "std::min";
    return es.length === 2 ? call(fn, es) : atom(`${fn}({${es.map((e) => e.text).join(", ")}})`);
  }

  // ---- arith ----

  private emitArith(op: Operation): void {
    const kind = op.name.slice(6);
    if (op.results.length !== 1) { this.error(op, HlsDiag.UnsupportedOp, op.name); return; }
    const info = this.info(op.results[0].type, op);
    if (info === null) return;
    if (kind === "constant") {
      const lit = constantLiteral(op.getAttr("value"), info);
      if (lit === null) { this.error(op, HlsDiag.UnsupportedForm, op.name, "only scalar constants can be emitted"); return; }
      this.bind(op.results[0], { kind: "scalar", expr: lit });
      if (lit.value !== null) this.setLowerBound(op.results[0], Number(lit.value));
      return;
    }
    const args = op.operandValues().map((v) => this.scalar(v, op));
    const folded = this.fold(op, kind, args, info);
    if (folded !== null) {
      this.bind(op.results[0], { kind: "scalar", expr: folded });
      if (folded.value !== null) this.setLowerBound(op.results[0], Number(folded.value));
      return;
    }
    let e: CExpr | null = null;
    switch (kind) {
      case "cmpi": {
        const oi = this.info(op.operand(0).type, op);
        if (oi === null) return;
        e = cmpi(Number((op.getAttr("predicate") as IntegerAttr).value), args[0], args[1], oi);
        break;
      }
      case "cmpf": e = cmpf(Number((op.getAttr("predicate") as IntegerAttr).value), args[0], args[1]); break;
      case "select": e = ternary(args[0], args[1], args[2]); break;
      case "negf": e = unary("-", args[0]); break;
      case "extsi": case "extui": case "trunci": case "index_cast": case "index_castui": case "sitofp": case "uitofp":
      case "fptosi": case "fptoui": case "extf": case "truncf": {
        const from = this.info(op.operand(0).type, op);
        if (from === null) return;
        e = convert(kind, args[0], from, info);
        break;
      }
      default:
        if (args.length === 2) e = info.kind === ScalarKind.Float ? floatBinary(kind, args[0], args[1], info, this.ctx) : intBinary(kind, args[0], args[1], info, this.ctx);
    }
    if (e === null) { this.error(op, HlsDiag.UnsupportedOp, op.name); return; }
    this.defineScalar(op, e, info);
  }

  /// Constant folding of integer ops whose operands are literals (`1 - 1` reads better as `0`), and of `select`
  /// on a constant condition.
  private fold(op: Operation, kind: string, args: readonly CExpr[], info: ScalarInfo): CExpr | null {
    if (kind === "select") return args[0].value === null ? null : args[0].value !== 0n ? args[1] : args[2];
    if (args.some((a) => a.value === null)) return null;
    const operandInfo = op.operands.length > 0 ? scalarInfo(op.operand(0).type) : info;
    if (isTypeError(operandInfo) || operandInfo.kind === ScalarKind.Float || info.kind === ScalarKind.Float) return null;
    const vals = args.map((a) => a.value!);
    let v: bigint | null;
    switch (kind) {
      case "extsi": case "index_cast": case "trunci": v = vals[0]; break;
      case "extui": case "index_castui": v = BigInt.asUintN(operandInfo.kind === ScalarKind.Index ? 64 : operandInfo.width, vals[0]); break;
      case "cmpi": v = foldInt(kind, vals, operandInfo, Number((op.getAttr("predicate") as IntegerAttr).value)); break;
      default: v = foldInt(kind, vals, info);
    }
    return v === null ? null : intLiteralOf(v, info);
  }

  // ---- memory ----

  private emitAlloc(op: Operation): void {
    const t = op.results[0].type as MemRefType;
    if (t.kind !== TypeKind.MemRef || !isPlainArray(t)) { this.error(op, HlsDiag.DynamicShape, String(t)); return; }
    const elem = this.info(t.elementType, op);
    if (elem === null) return;
    const r = op.results[0];
    const name = this.claim(r.sourceName, "buf");
    // A block that is sent through a FIFO lives in the FIFO's struct type, so it can be written without a copy.
    if (r.users().some((u) => u.name === "hw.write" && u.operand(1) === r)) {
      const s = this.ctx.blockStruct(t);
      this.line(`${s} ${name};`);
      this.bind(r, { kind: "array", view: wholeView(`${name}.data`, t, elem, name) });
      return;
    }
    this.line(`${elem.cpp} ${name}${arraySuffix(t.shape)};`);
    this.bind(r, { kind: "array", view: wholeView(name, t, elem) });
  }

  private emitSubview(op: Operation): void {
    const src = this.array(op.operand(0), op);
    if (src === null) return;
    const t = op.results[0].type as MemRefType;
    if (t.kind !== TypeKind.MemRef || !t.hasStaticShape) { this.error(op, HlsDiag.DynamicShape, String(t)); return; }
    const staticOf = (n: string): readonly number[] => ((op.getAttr(n) as DenseArrayAttr | null)?.values ?? []);
    const offs = staticOf("static_offsets"), sizes = staticOf("static_sizes"), strides = staticOf("static_strides");
    let dyn = 1;
    const dynamic = (list: readonly number[]): CExpr[] => list.map((x) => (x === kDynamic ? this.scalar(op.operand(dyn++), op) : intLit(x)));
    const offE = dynamic(offs);
    dyn += sizes.filter((x) => x === kDynamic).length;
    const strideE = dynamic(strides);
    if (strideE.some((s) => s.value === null)) { this.error(op, HlsDiag.UnsupportedForm, op.name, "strides must be constants"); return; }
    // Which source dims the result keeps (rank reduction drops unit dims).
    const srcRank = src.type.shape.length, dropCount = srcRank - t.shape.length;
    let dropped = 0, r = 0;
    const kept: number[] = new Array<number>(srcRank).fill(-1);
    for (let k = 0; k < srcRank; k++) {
      const mustDrop = dropped < dropCount && sizes[k] === 1 && (r >= t.shape.length || t.shape[r] !== 1 || srcRank - k > t.shape.length - r);
      if (mustDrop) { dropped++; continue; }
      kept[k] = r++;
    }
    const dims: ArrayDim[] = src.dims.map((d) => {
      if (d.viewDim < 0) return d;
      const k = d.viewDim;
      const offset = add(d.offset, mulConst(offE[k], d.stride));
      return kept[k] < 0 ? { viewDim: -1, offset, stride: 1 } : { viewDim: kept[k], offset, stride: d.stride * Number(strideE[k].value) };
    });
    this.bind(op.results[0], { kind: "array", view: { base: src.base, type: t, elem: src.elem, dims, struct: null } });
  }

  /// A loop nest over `shape` (one `iN` counter per dimension), calling `body` with the counters innermost.
  loopNest(shape: readonly number[], body: (ivs: CExpr[]) => void, names: readonly string[] | null = null): void {
    const ivs: CExpr[] = [];
    let opened = 0;
    for (let k = 0; k < shape.length; k++) {
      const iv = this.openLoop(names?.[k] ?? null, "i", (n) => `for (int ${n} = 0; ${n} < ${shape[k]}; ++${n}) {`);
      opened++;
      ivs.push(atom(iv));
    }
    body(shape.length === 0 ? [] : ivs);
    for (let k = 0; k < opened; k++) this.close();
  }

  /// `dst[...] = src[...]` over the whole shape.
  copyLoops(dst: ArrayView, src: ArrayView): void {
    // Two whole blocks of the same struct type: one assignment.
    if (dst.struct !== null && src.struct !== null && isWhole(dst) && isWhole(src) && dst.type.shape.join("x") === src.type.shape.join("x") && dst.elem.cpp === src.elem.cpp) {
      this.line(`${dst.struct} = ${src.struct};`);
      return;
    }
    const rank = dst.type.shape.length;
    this.loopNest(dst.type.shape, (ivs) => this.line(`${access(dst, ivs).text} = ${access(src, ivs).text};`), rank <= 3 ? ["i", "j", "k"].slice(0, rank) : null);
  }

  // ---- control flow ----

  /// Declares the loop-carried (or if-result) variables of `op`, named after `names` (or the results).
  private resultVars(op: Operation, initNames: readonly (string | null)[], inits: readonly CExpr[] | null, needed: (k: number) => boolean): { names: (string | null)[]; types: string[] } | null {
    const out: (string | null)[] = [];
    const types: string[] = [];
    for (let k = 0; k < op.results.length; k++) {
      const info = this.info(op.results[k].type, op);
      if (info === null) return null;
      types.push(info.cpp);
      // A value nobody reads gets no variable (g++ -Wall rejects variables that are only set).
      if (!needed(k)) { out.push(null); continue; }
      const name = this.claim(initNames[k] ?? op.results[k].sourceName, "acc");
      const init = inits !== null ? inits[k] : info.kind === ScalarKind.Bool ? atom("false") : intLit(0);
      this.line(`${info.cpp} ${name} = ${init.text};`);
      out.push(name);
      this.bind(op.results[k], { kind: "scalar", expr: atom(name) });
    }
    return { names: out, types };
  }

  /// A sink assigning yielded values to `vars` of C++ types `types` (through temporaries when one assignment would
  /// clobber another's input).
  private assignSink(vars: readonly (string | null)[], types: readonly string[]): YieldSink {
    return (values) => {
      const pending = values.map((v, k) => ({ v, k })).filter(({ v, k }) => vars[k] !== null && v.text !== vars[k]);
      const mentions = (e: CExpr, name: string): boolean => new RegExp(`\\b${name}\\b`).test(e.text);
      const clobbers = pending.some(({ k }) => pending.some(({ v, k: j }) => j > k && mentions(v, vars[k]!)));
      if (!clobbers) {
        for (const { v, k } of pending) this.line(`${vars[k]} = ${v.text};`);
        return;
      }
      const temps = pending.map(({ v, k }) => {
        const t = this.claim(`${vars[k]}_next`, "t");
        this.line(`${types[k]} ${t} = ${v.text};`);
        return { t, k };
      });
      for (const { t, k } of temps) this.line(`${vars[k]} = ${t};`);
    };
  }

  private pipelinePragma(op: Operation): void {
    const a = op.attrs.get("hw.pipeline");
    if (a === null) return;
    if (a.kind === AttrKind.Integer && Number((a as IntegerAttr).value) >= 1) this.line(`#pragma HLS pipeline II=${Number((a as IntegerAttr).value)}`);
    else if (a.kind === AttrKind.Unit) this.line("#pragma HLS pipeline");
    else this.error(op, HlsDiag.UnsupportedForm, op.name, "hw.pipeline must be a positive integer");
  }

  private emitAffineFor(op: Operation): void {
    const lbMap = (op.getAttr("lowerBoundMap") as AffineMapAttr).map;
    const ubMap = (op.getAttr("upperBoundMap") as AffineMapAttr).map;
    const step = Number((op.getAttr("step") as IntegerAttr).value);
    const nLb = lbMap.numDims + lbMap.numSymbols, nUb = ubMap.numDims + ubMap.numSymbols;
    const all = op.operandValues();
    const lbOps = all.slice(0, nLb), ubOps = all.slice(nLb, nLb + nUb), inits = all.slice(nLb + nUb);
    const lbP = this.affinePrinter(lbMap, lbOps, op);
    const lbs = lbMap.results.map((e) => affineToC(e, lbP));
    const lbLow = lbMap.results.map((e) => affineLowerBound(e, lbP));
    const lb = this.minMax(lbs, true), ub = this.minMax(this.applyMap(ubMap, ubOps, op), false);
    const body = op.regions[0].entry;
    const known = lbLow.every((x) => x !== null) ? Math.max(...(lbLow as number[])) : null;
    this.emitFor(op, body, lb, ub, intLit(step), known, inits);
  }

  private emitScfFor(op: Operation): void {
    const [lbV, ubV, stepV, ...inits] = op.operandValues();
    const lb = this.scalar(lbV, op), ub = this.scalar(ubV, op), step = this.scalar(stepV, op);
    const body = op.regions[0].entry;
    const known = lb.value !== null ? Number(lb.value) : this.lowerBounds.get(lbV) ?? null;
    this.emitFor(op, body, lb, ub, step, known, inits);
  }

  private emitFor(op: Operation, body: Block, lb: CExpr, ub: CExpr, step: CExpr, lbKnown: number | null, inits: readonly Value[]): void {
    const iv = body.args[0];
    const ivInfo = this.info(iv.type, op);
    if (ivInfo === null) return;
    const carried = body.args.slice(1);
    const rv = this.resultVars(op, carried.map((a) => a.sourceName), inits.map((v) => this.scalar(v, op)), (k) => !op.results[k].useEmpty || !carried[k].useEmpty);
    if (rv === null) return;
    const vars = rv.names;
    carried.forEach((a, k) => { if (vars[k] !== null) this.bind(a, { kind: "scalar", expr: atom(vars[k]!) }); });
    const type = ivInfo.kind === ScalarKind.Index ? "int" : ivInfo.cpp;
    const ivName = this.openLoop(iv.sourceName, "i", (n) => {
      const inc = step.value === 1n ? `++${n}` : `${n} += ${step.text}`;
      return `for (${type} ${n} = ${lb.text}; ${binary("<", Prec.Relational, atom(n), ub).text}; ${inc}) {`;
    });
    const ivE = atom(ivName);
    this.bind(iv, { kind: "scalar", expr: ivE });
    if (lbKnown !== null) this.setLowerBound(iv, lbKnown);
    this.pipelinePragma(op);
    this.emitBlock(body, vars.some((v) => v !== null) ? this.assignSink(vars, rv.types) : null);
    this.close();
  }

  private emitIf(op: Operation): void {
    let cond: CExpr;
    if (op.name === "scf.if") cond = this.scalar(op.operand(0), op);
    else {
      const set = (op.getAttr("condition") as IntegerSetAttr | null)?.set;
      if (set === undefined) { this.error(op, HlsDiag.UnsupportedForm, op.name, "missing condition"); return; }
      const p = this.affinePrinter(set, op.operandValues(), op);
      const parts = set.constraints.map((c, k) => {
        const rel = set.eqFlags[k] ? "==" : ">=";
        // `e + c >= 0` reads better as `e >= -c`.
        if (c.kind === AffineExprKind.Add && c.rhs!.kind === AffineExprKind.Constant) return binary(rel, set.eqFlags[k] ? Prec.Equality : Prec.Relational, affineToC(c.lhs!, p), intLit(-c.rhs!.value));
        return binary(rel, set.eqFlags[k] ? Prec.Equality : Prec.Relational, affineToC(c, p), intLit(0));
      });
      cond = parts.length === 0 ? atom("true") : parts.reduce((a, b) => binary("&&", Prec.LogicalAnd, a, b));
    }
    const rv = this.resultVars(op, op.results.map(() => null), null, (k) => !op.results[k].useEmpty);
    if (rv === null) return;
    const sink = rv.names.some((v) => v !== null) ? this.assignSink(rv.names, rv.types) : null;
    this.open(`if (${cond.text}) {`);
    this.emitBlock(op.regions[0].entry, sink);
    const els = op.regions[1];
    const elseBlock = els === undefined || els.empty ? null : els.entry;
    const trivialElse = elseBlock === null || (elseBlock.firstOp === elseBlock.lastOp && (elseBlock.firstOp === null || elseBlock.firstOp.operands.length === 0 && /\.yield$/.test(elseBlock.firstOp.name)));
    if (trivialElse) { this.close(); return; }
    this.elseScope();
    this.emitBlock(elseBlock!, sink);
    this.close();
  }

  private emitCall(op: Operation): void {
    const callee = op.getAttr("callee");
    const sym = callee !== null && callee.kind === AttrKind.SymbolRef ? (callee as SymbolRefAttr).root : "";
    const fn = this.ctx.functionName(sym);
    if (fn === null) { this.error(op, HlsDiag.UnknownCallee, op.name, sym); return; }
    const args = op.operandValues().map((v) => this.argument(v, op));
    const e = atom(`${fn}(${args.join(", ")})`, true);
    if (op.results.length === 0) { this.line(`${e.text};`); return; }
    if (op.results.length > 1) { this.error(op, HlsDiag.MultipleResults, sym, op.results.length); return; }
    const info = this.info(op.results[0].type, op);
    if (info === null) return;
    if (op.results[0].useEmpty) this.line(`${e.text};`);
    else this.defineScalar(op, e, info, true, true);
  }

  /// A value passed to a function: a whole array by name, a stream by reference, a scalar by value.
  argument(v: Value, user: Operation): string {
    const b = this.values.get(v);
    if (b?.kind === "stream") return b.name;
    if (b?.kind === "array") {
      if (isWhole(b.view)) return b.view.base;
      this.error(user, HlsDiag.UnsupportedValue, String(v.type), "a subview cannot be passed to a function");
      return b.view.base;
    }
    return this.scalar(v, user).text;
  }

  // ---- streams ----

  private emitRead(op: Operation): void {
    const s = this.stream(op.operand(0), op);
    if (s === null) return;
    const r = op.results[0];
    const t = r.type;
    if (t.kind === TypeKind.MemRef) {
      const m = t as MemRefType;
      const elem = this.info(m.elementType, op);
      if (elem === null) return;
      const st = this.ctx.blockStruct(m);
      if (r.useEmpty) { this.line(`${s}.read();`); return; }
      const name = this.claim(r.sourceName, "blk");
      this.declare(st, name, `${s}.read()`, true);
      this.bind(r, { kind: "array", view: wholeView(`${name}.data`, m, elem, name) });
      return;
    }
    const info = this.info(t, op);
    if (info === null) return;
    if (r.useEmpty) { this.line(`${s}.read();`); return; }
    const name = this.claim(r.sourceName, "v");
    this.declare(info.cpp, name, `${s}.read()`, true);
    this.bind(r, { kind: "scalar", expr: atom(name) });
  }

  private emitWrite(op: Operation): void {
    const s = this.stream(op.operand(0), op);
    if (s === null) return;
    const v = op.operand(1);
    if (v.type.kind !== TypeKind.MemRef) {
      this.line(`${s}.write(${this.scalar(v, op).text});`);
      return;
    }
    const view = this.array(v, op);
    if (view === null) return;
    if (view.struct !== null && isWhole(view)) { this.line(`${s}.write(${view.struct});`); return; }
    const st = this.ctx.blockStruct(view.type);
    const pkt = this.claim(`${s}_block`, "blk");
    this.line(`${st} ${pkt};`);
    const elem = view.elem;
    this.copyLoops(wholeView(`${pkt}.data`, view.type, elem), view);
    this.line(`${s}.write(${pkt});`);
  }
}

/// The `hw.fifo` element of a stream parameter type, or null.
export function streamElement(t: Type): Type | null {
  return fifoInfo(t)?.element ?? null;
}
