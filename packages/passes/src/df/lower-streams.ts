// df-lower-streams: df.region -> hw.design; stream elements -> hw.fifo; kernel instances -> hw.pe funcs + hw.instance.
import {
  definePass, getFunctionType, getStringAttr, getSymbolRefAttr, getTypeAttr, OpBuilder, SymbolTable, unitAttr, walk, type BlockArgument, type Diagnostic, type FunctionType, type Operation, type Type, type TypeAttr, type Value,
} from "@allo/ir-core";
import { regionParams, streamInfo, symName } from "@allo/dialect-df";
import { DesignOp, FifoOp, getFifoType, InstanceOp, ReadOp, WriteOp } from "@allo/dialect-hw";
import { FuncOp, ReturnOp } from "@allo/dialect-std";
import { dfRegions, eraseDeadDefs, errorAt } from "./common.js";
import { checkStreams } from "./check-streams.js";
import { DfPassDiag } from "./diag.js";
import type { RegionStreams, StreamAccess, StreamElement } from "./stream-elements.js";

/// Lowers every df.region of `module`; returns false after reporting an error.
export function lowerStreams(module: Operation, emit: (d: Diagnostic) => void): { ok: boolean; fifos: number } {
  const regions = dfRegions(module);
  let fifos = 0;
  const symbols = new SymbolTable(module);
  for (const region of regions) {
    const left = leftovers(region);
    if (left !== null) { emit(errorAt(region, DfPassDiag.RegionNotLowered, symName(region), left)); return { ok: false, fifos }; }
    const streams = checkStreams(region, emit);
    if (streams === null) return { ok: false, fifos };
    fifos += streams.elements.size;
    lowerRegion(region, streams, symbols);
  }
  return { ok: true, fifos };
}

/// What in `region` stops lowering (a parameter, a multi-instance kernel, a df.call or df.meta_if), or null.
function leftovers(region: Operation): string | null {
  if (regionParams(region).length) return "parameters";
  let what: string | null = null;
  walk(region, (op) => {
    if (what !== null) return;
    if (op.name === "df.kernel" && op.attrs.get("df.pid") === null) what = `kernel @${symName(op)} with more than one instance`;
    else if (op.name === "df.call" || op.name === "df.meta_if" || op.name === "df.get_pid" || op.name === "df.param") what = `a ${op.name}`;
    else if (op.name === "df.kernel" && op.parentOp?.name === "df.kernel") what = `nested kernel @${symName(op)}`;
  }, "pre");
  return what;
}

function lowerRegion(region: Operation, streams: RegionStreams, symbols: SymbolTable): void {
  const ft = (region.props.get("function_type") as TypeAttr).type as FunctionType;
  const b = OpBuilder.before(region);
  b.loc = region.loc;
  const design = b.create(DesignOp, { props: { sym_name: region.props.get("sym_name"), function_type: getTypeAttr(getFunctionType(ft.inputs, [])) } });
  const oldBody = region.regions[0].entry;
  const body = b.createBlock(design.regions[0], ft.inputs, oldBody.args.map((a) => a.loc));
  body.args.forEach((a, i) => { a.sourceName = oldBody.args[i].sourceName; });
  // One hw.fifo per used stream element, in first-use order.
  const fifoOf = new Map<StreamElement, Value>();
  for (const el of streams.elements.values()) {
    const info = streamInfo(el.stream.type)!;
    b.loc = el.stream.definingOp?.loc ?? region.loc;
    const fifo = b.create(FifoOp, { resultTypes: [getFifoType(info.element, info.depth)], props: { name: getStringAttr(el.name) } });
    fifo.results[0].sourceName = el.name;
    fifoOf.set(el, fifo.results[0]);
  }
  // One PE function and one hw.instance per kernel instance; the functions follow the design.
  const funcs = OpBuilder.before(region);
  const access = new OpBuilder();
  const regionArgIndex = new Map<Value, number>(oldBody.args.map((a, i) => [a, i]));
  for (const kernel of oldBody.ops()) {
    if (kernel.name !== "df.kernel") continue;
    const peName = uniqueName(symName(kernel), symbols);
    const kBody = kernel.regions[0].entry;
    // FIFO arguments in the order the kernel first uses them; its df.put/df.get become hw.write/hw.read on them.
    const argOf = new Map<StreamElement, BlockArgument>();
    for (const a of streams.accessesOf.get(kernel) ?? []) {
      let fifoArg = argOf.get(a.element);
      if (fifoArg === undefined) {
        fifoArg = kBody.addArgument(fifoOf.get(a.element)!.type, kernel.loc);
        fifoArg.sourceName = a.element.name.replace(/\[(\d+)\]/g, "_$1");
        argOf.set(a.element, fifoArg);
      }
      rewriteAccess(access, a, fifoArg);
    }
    const types: Type[] = kBody.args.map((a) => a.type);
    funcs.loc = kernel.loc;
    const fn = funcs.create(FuncOp, {
      props: { sym_name: getStringAttr(peName), function_type: getTypeAttr(getFunctionType(types, [])) },
      attrs: { "hw.pe": unitAttr },
    });
    kernel.regions[0].takeBody(fn.regions[0]);
    const term = kBody.lastOp;
    if (term !== null && term.name === "df.yield") {
      const rb = OpBuilder.before(term);
      rb.loc = term.loc;
      rb.create(ReturnOp);
      term.erase();
    }
    symbols.insert(fn);
    // The instance passes the design arguments behind the kernel's operands, then its FIFOs.
    b.setInsertionPointToEnd(body);
    b.loc = kernel.loc;
    const operands: Value[] = kernel.operandValues().map((v) => body.args[regionArgIndex.get(v)!]);
    for (const el of argOf.keys()) operands.push(fifoOf.get(el)!);
    b.create(InstanceOp, { operands, props: { callee: getSymbolRefAttr(peName) } });
  }
  region.erase();
}

/// Replaces a df.put/df.get by hw.write/hw.read on `fifo`, and erases the index computations left without a use (as
/// the canonicalize after df-lower-streams would: it then has nothing left to change).
function rewriteAccess(b: OpBuilder, a: StreamAccess, fifo: Value): void {
  b.setInsertionPoint(a.op);
  b.loc = a.op.loc;
  if (a.isPut) b.create(WriteOp, { operands: [fifo, a.op.operand(1)] });
  else {
    const r = b.create(ReadOp, { operands: [fifo], resultTypes: [a.op.results[0].type] });
    a.op.results[0].replaceAllUsesWith(r.results[0]);
  }
  const indices = a.op.operandValues().slice(a.isPut ? 2 : 1);
  a.op.erase();
  eraseDeadDefs(indices);
}

function uniqueName(base: string, symbols: SymbolTable): string {
  let n = base;
  for (let k = 1; symbols.lookup(n) !== null; k++) n = `${base}_${k}`;
  return n;
}

/// The `df-lower-streams` pass.
export const DfLowerStreams = definePass({
  argument: "df-lower-streams",
  summary: "Lower df regions to hw designs: stream elements to hw.fifo, kernel instances to hw.pe functions and hw.instance",
  anchor: "builtin.module",
  statistics: { fifos: { name: "num-fifos", desc: "hw.fifo channels created" } },
  run(module, ctx) {
    const r = lowerStreams(module, (d) => ctx.emit(d));
    ctx.stats.fifos += r.fifos;
    if (!r.ok) ctx.signalPassFailure();
  },
});
