// hw-partition: attaches `hw.partition` to a design argument and to every PE argument it flows to.
import {
  AttrKind, definePass, getArrayAttr, getDictionaryAttr, opt, TypeKind, walk, type ArrayAttr, type Attribute,
  type DictionaryAttr, type MemRefType, type Operation, type StringAttr, type SymbolRefAttr,
} from "@allo/ir-core";
import { getPartitionAttr, type PartitionKind } from "@allo/dialect-hw";
import { errorAt } from "../df/common.js";
import { DfPassDiag } from "../df/diag.js";

/// One partition request: which argument, which dimension (0 = all), which kind, which factor.
export interface PartitionRequest { readonly design: string; readonly arg: string; readonly dim: number; readonly kind: PartitionKind; readonly factor: number }

function argNames(design: Operation): string[] {
  return design.regions[0].entry.args.map((a, i) => a.sourceName ?? String(i));
}

function withPartition(attrs: Attribute | null, count: number, index: number, part: Attribute): Attribute {
  const dicts: Attribute[] = [];
  for (let i = 0; i < count; i++) {
    const d = attrs !== null && attrs.kind === AttrKind.Array ? ((attrs as ArrayAttr).elements[i] as DictionaryAttr | undefined) : undefined;
    let dict = d ?? getDictionaryAttr([]);
    if (i === index) {
      const prior = dict.get("hw.partition");
      const list = prior !== null && prior.kind === AttrKind.Array ? [...(prior as ArrayAttr).elements, part] : [part];
      dict = dict.with("hw.partition", getArrayAttr(list));
    }
    dicts.push(dict);
  }
  return getArrayAttr(dicts);
}

/// Applies `req`; returns an error message or null.
export function applyPartition(module: Operation, req: PartitionRequest, emit: (d: import("@allo/ir-core").Diagnostic) => void): boolean {
  const designs: Operation[] = [];
  walk(module, (op) => { if (op.name === "hw.design") designs.push(op); }, "pre");
  const design = designs.find((d) => (d.props.get("sym_name") as StringAttr).value === req.design);
  const idx = design === undefined ? -1 : argNames(design).indexOf(req.arg);
  if (design === undefined || idx < 0) {
    emit(errorAt(design ?? module, DfPassDiag.PartitionNoMemref, `${req.design}:${req.arg}`, designs.map((d) => `@${(d.props.get("sym_name") as StringAttr).value}(${argNames(d).join(", ")})`).join(", ") || "none"));
    return false;
  }
  const arg = design.regions[0].entry.args[idx];
  const t = arg.type as MemRefType;
  if (t.kind !== TypeKind.MemRef || req.dim < 0 || req.dim > t.shape.length) {
    emit(errorAt(design, DfPassDiag.PartitionBadDim, req.dim, `${req.design}:${req.arg}`, t.kind === TypeKind.MemRef ? t.shape.length : 0));
    return false;
  }
  if (req.kind !== "complete") {
    for (let d = 0; d < t.shape.length; d++) {
      if (req.dim !== 0 && d !== req.dim - 1) continue;
      if (req.factor < 1 || t.shape[d] % req.factor !== 0) {
        emit(errorAt(design, DfPassDiag.PartitionFactor, req.factor, d + 1, t.shape[d], `${req.design}:${req.arg}`));
        return false;
      }
    }
  }
  const part = getPartitionAttr(req.dim, req.kind, req.kind === "complete" ? 0 : req.factor);
  const nargs = design.regions[0].entry.args.length;
  design.setProp("arg_attrs", withPartition(design.props.get("arg_attrs"), nargs, idx, part));
  // Every PE argument the design argument is passed to gets the same partitioning.
  for (const use of arg.uses()) {
    const inst = use.owner;
    if (inst.name !== "hw.instance") continue;
    const callee = (inst.props.get("callee") as SymbolRefAttr).root;
    let fn: Operation | null = null;
    walk(module, (op) => { if (op.name === "func.func" && (op.props.get("sym_name") as StringAttr).value === callee) fn = op; }, "pre");
    if (fn === null) continue;
    const f = fn as Operation;
    f.setProp("arg_attrs", withPartition(f.props.get("arg_attrs"), f.regions[0].entry.args.length, use.index, part));
  }
  return true;
}

/// The `hw-partition` pass.
export const HwPartition = definePass({
  argument: "hw-partition",
  summary: "Partition a design's array argument (Vitis array_partition semantics) and every PE argument it reaches",
  anchor: "builtin.module",
  options: {
    memref: opt.list.string("memref", "Arrays to partition, as design:argument (e.g. top:A)"),
    dim: opt.uint("dim", 0, "Dimension to partition, 1-based; 0 partitions every dimension"),
    factor: opt.uint("factor", 2, "Partition factor (block and cyclic)"),
    kind: opt.enum("kind", "cyclic" as PartitionKind, "Partition kind", [
      { name: "block", help: "Consecutive blocks" }, { name: "cyclic", help: "Interleaved elements" }, { name: "complete", help: "Individual registers" },
    ]),
  },
  run(module, ctx) {
    const o = ctx.options;
    if (!o.memref.length) { ctx.emit(errorAt(module, DfPassDiag.PartitionOption, "option 'memref' is required (design:argument)")); ctx.signalPassFailure(); return; }
    for (const m of o.memref) {
      const colon = m.indexOf(":");
      if (colon < 0) { ctx.emit(errorAt(module, DfPassDiag.PartitionOption, `'${m}' is not of the form design:argument`)); ctx.signalPassFailure(); return; }
      if (!applyPartition(module, { design: m.slice(0, colon), arg: m.slice(colon + 1), dim: o.dim, kind: o.kind, factor: o.factor }, (d) => ctx.emit(d))) { ctx.signalPassFailure(); return; }
    }
  },
});
