// df-inline-regions: replaces each df.call by the callee region's streams and kernels, parameters bound.
import {
  AttrKind, cloneOp, definePass, getArrayAttr, getI64Attr, getStringAttr, OpBuilder, SymbolTable, Trait, walk, ValueKind, type ArrayAttr, type Block, type BlockArgument, type Diagnostic, type Operation, type StringAttr, type Value,
} from "@allo/ir-core";
import { callCallee, callParams, enclosingKernel, kernelLayouts, layoutEntries, regionParams, symName } from "@allo/dialect-df";
import { collectOwn, errorAt, indexConstant, instancePid } from "./common.js";
import { DfPassDiag } from "./diag.js";

/// Inlines every df.call that sits in an instantiated kernel; returns false after reporting an error.
export function inlineRegions(module: Operation, emit: (d: Diagnostic) => void): { ok: boolean; inlined: number } {
  const table = new SymbolTable(module);
  const calls: Operation[] = [];
  walk(module, (op) => { if (op.name === "df.call") calls.push(op); }, "pre");
  const cycle = findRecursion(calls, table);
  if (cycle !== null) {
    emit(errorAt(cycle.call, DfPassDiag.RecursiveCall, cycle.path.map((n) => "@" + n).join(" -> ")));
    return { ok: false, inlined: 0 };
  }
  let inlined = 0;
  const inlinedCallees = new Set<string>();
  for (const call of calls) {
    const kernel = enclosingKernel(call);
    if (kernel === null || instancePid(kernel) === null || insideMetaIf(call, kernel)) continue; // not yet specialised
    const callee = table.lookup(callCallee(call));
    if (callee === null || callee.name !== "df.region") {
      emit(errorAt(call, DfPassDiag.CallUnknownRegion, callCallee(call)));
      return { ok: false, inlined };
    }
    const args = callerValues(call, kernel, emit);
    if (args === null) return { ok: false, inlined };
    inlineCall(call, kernel, callee, args);
    inlinedCallees.add(symName(callee));
    inlined++;
    if (isInert(kernel)) kernel.erase();
  }
  // Parameterised regions only live through their calls: drop those no call refers to any more.
  for (const name of inlinedCallees) {
    const r = table.lookup(name);
    if (r !== null && !hasCallTo(module, name)) r.erase();
  }
  return { ok: true, inlined };
}

function insideMetaIf(op: Operation, kernel: Operation): boolean {
  for (let p = op.parentOp; p !== null && p !== kernel; p = p.parentOp) if (p.name === "df.meta_if") return true;
  return false;
}

/// The region-level values the callee's arguments bind to: the kernel operands behind the call's block-argument operands.
function callerValues(call: Operation, kernel: Operation, emit: (d: Diagnostic) => void): Value[] | null {
  const entry = kernel.regions[0].entry;
  const layouts = kernelLayouts(kernel);
  const out: Value[] = [];
  for (let i = 0; i < call.operands.length; i++) {
    const v = call.operand(i);
    if (v.valueKind !== ValueKind.BlockArgument || (v as BlockArgument).owner !== entry) {
      emit(errorAt(call, DfPassDiag.CallOperandNotArg, symName(kernel), i, callCallee(call)));
      return null;
    }
    const idx = (v as BlockArgument).index;
    const layout = layouts?.[idx] ?? null;
    if (layout !== null && (layoutEntries(layout) ?? []).some((e) => e !== null)) {
      emit(errorAt(call, DfPassDiag.CallOperandSharded, symName(kernel), i, callCallee(call)));
      return null;
    }
    out.push(kernel.operand(idx));
  }
  return out;
}

/// Clones the callee's body into the caller's region before `kernel`, binding arguments and parameters.
function inlineCall(call: Operation, kernel: Operation, callee: Operation, args: readonly Value[]): void {
  const prefix = `${symName(kernel)}.${symName(callee)}`;
  const params = new Map<string, number>();
  regionParams(callee).forEach((n, i) => params.set(n, callParams(call)[i]));
  const mapping = new Map<Value | Block, Value | Block>();
  const entry = callee.regions[0].entry;
  entry.args.forEach((a, i) => mapping.set(a, args[i]));
  const b = OpBuilder.before(kernel);
  for (let src = entry.firstOp; src !== null; src = src.next) {
    const op = b.insert(cloneOp(src, mapping));
    if (op.name === "df.kernel") {
      op.setProp("sym_name", getStringAttr(`${prefix}.${symName(op)}`));
      bindMapping(op, params);
      bindParams(op, params);
    } else if (op.name === "df.stream") {
      const n = op.props.get("name");
      const base = n !== null && n.kind === AttrKind.String ? (n as StringAttr).value : src.results[0].sourceName ?? "stream";
      op.setProp("name", getStringAttr(`${prefix}.${base}`));
    }
  }
  call.erase();
}

function bindMapping(kernel: Operation, params: ReadonlyMap<string, number>): void {
  const m = kernel.props.get("mapping") as ArrayAttr | null;
  if (m === null) return;
  kernel.setProp("mapping", getArrayAttr(m.elements.map((e) => (e.kind === AttrKind.String && params.has((e as StringAttr).value) ? getI64Attr(params.get((e as StringAttr).value)!) : e))));
}

function bindParams(kernel: Operation, params: ReadonlyMap<string, number>): void {
  const ops: Operation[] = [];
  walk(kernel, (op) => { if (op.name === "df.param") ops.push(op); }, "pre");
  for (const op of ops) {
    const name = (op.props.get("name") as StringAttr).value;
    const v = params.get(name);
    if (v === undefined) continue; // a parameter of another region (nested kernels)
    const b = OpBuilder.before(op);
    b.loc = op.loc;
    op.results[0].replaceAllUsesWith(indexConstant(b, v));
    op.erase();
  }
}

/// True if a kernel instance has nothing left to do (only pure ops).
function isInert(kernel: Operation): boolean {
  let inert = true;
  walk(kernel, (op) => {
    if (op === kernel || op.name === "df.yield") return;
    if (op.def === null || !(op.hasTrait(Trait.Pure) || op.name === "df.get_pid" || op.name === "df.param")) inert = false;
  }, "pre");
  return inert && collectOwn(kernel, "df.call").length === 0;
}

function hasCallTo(module: Operation, name: string): boolean {
  let found = false;
  walk(module, (op) => { if (op.name === "df.call" && callCallee(op) === name) found = true; }, "pre");
  return found;
}

/// A cycle in the region call graph of `calls` (every df.call, in walk order), or null.
function findRecursion(calls: readonly Operation[], table: SymbolTable): { call: Operation; path: string[] } | null {
  const edges = new Map<string, { to: string; call: Operation }[]>();
  for (const op of calls) {
    let r: Operation | null = op.parentOp;
    while (r !== null && r.name !== "df.region") r = r.parentOp;
    if (r === null) continue;
    const from = symName(r);
    if (!edges.has(from)) edges.set(from, []);
    edges.get(from)!.push({ to: callCallee(op), call: op });
  }
  const state = new Map<string, number>(); // 1 = on stack, 2 = done
  const path: string[] = [];
  const dfs = (n: string): { call: Operation; path: string[] } | null => {
    state.set(n, 1);
    path.push(n);
    for (const e of edges.get(n) ?? []) {
      if (state.get(e.to) === 1) return { call: e.call, path: [...path.slice(path.indexOf(e.to)), e.to] };
      if (state.get(e.to) === undefined && table.lookup(e.to) !== null) {
        const r = dfs(e.to);
        if (r !== null) return r;
      }
    }
    path.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of edges.keys()) if (state.get(n) === undefined) { const r = dfs(n); if (r !== null) return r; }
  return null;
}

/// The `df-inline-regions` pass.
export const DfInlineRegions = definePass({
  argument: "df-inline-regions",
  summary: "Replace df.call by the callee region's streams and kernels with parameters bound",
  anchor: "builtin.module",
  statistics: { inlined: { name: "num-inlined", desc: "df.call ops inlined" } },
  run(module, ctx) {
    const r = inlineRegions(module, (d) => ctx.emit(d));
    ctx.stats.inlined += r.inlined;
    if (!r.ok) ctx.signalPassFailure();
    if (r.inlined === 0) ctx.markAllAnalysesPreserved();
  },
});
