// Verifiers of the df ops: region contents, kernel mappings and layouts, pids, parameters, stream accesses, calls.
import {
  AttrKind, getSymbolRefAttr, type ArrayAttr, kDynamic, lookupSymbolFrom, Trait, TypeKind, type FunctionType, type IntegerAttr,
  type MemRefType, type Operation, type DenseArrayAttr, type OpVerifyContext, type RankedTensorType, type Type, type TypeAttr,
} from "@allo/ir-core";
import {
  callCallee, callParams, contextPrefix, enclosingKernel, enclosingOp, enclosingRegion, kernelLayouts, kernelMapping,
  paramName, regionArgTypes, regionParams, streamLabel, symName,
} from "./access.js";
import { checkLayout, layoutEntries, localTypeFor, mappingToString, type MappingEntry } from "./attrs.js";
import { DfDiag, report } from "./diag.js";
import { streamInfo } from "./types.js";

/// df.region: no results, one block whose arguments match the signature, unique parameters, only streams and kernels.
export function verifyRegionOp(op: Operation, v: OpVerifyContext): boolean {
  const name = symName(op);
  const ft = (op.props.get("function_type") as TypeAttr).type as FunctionType;
  if (ft.results.length) return report(v, DfDiag.RegionResults, name, ft.results.length);
  const body = op.regions[0];
  if (body.empty || !body.hasOneBlock) return report(v, DfDiag.RegionNoBody, name);
  const args = body.entry.args;
  if (args.length !== ft.inputs.length) return report(v, DfDiag.RegionArgCount, name, ft.inputs.length);
  for (let i = 0; i < args.length; i++) {
    if (args[i].type !== ft.inputs[i]) return report(v, DfDiag.RegionArgType, name, i, String(args[i].type), String(ft.inputs[i]));
  }
  const params = regionParams(op);
  for (let i = 0; i < params.length; i++) if (params.indexOf(params[i]) !== i) return report(v, DfDiag.RegionParamDuplicate, name, params[i]);
  const kernels = new Set<string>();
  for (let o = body.entry.firstOp; o !== null; o = o.next) {
    if (o.name !== "df.stream" && o.name !== "df.kernel") return report(v, DfDiag.RegionBodyOp, name, o.name);
    if (o.name === "df.kernel") {
      const k = symName(o);
      if (kernels.has(k)) return report(v, DfDiag.SymbolRedefined, name, k);
      kernels.add(k);
    }
  }
  return true;
}

/// True if `actual` is `expected`, or both are shaped alike and differ only where `expected` has a dynamic size
/// (a dimension sharded over a parametric mesh axis, whose local size is unknown until instantiation).
function matchesLocalType(expected: Type, actual: Type): boolean {
  if (expected === actual) return true;
  if (expected.kind !== actual.kind || (expected.kind !== TypeKind.MemRef && expected.kind !== TypeKind.Tensor)) return false;
  const e = expected as MemRefType | RankedTensorType, a = actual as MemRefType | RankedTensorType;
  if (e.elementType !== a.elementType || e.shape.length !== a.shape.length) return false;
  if (expected.kind === TypeKind.MemRef && ((e as MemRefType).layout !== (a as MemRefType).layout || (e as MemRefType).memorySpace !== (a as MemRefType).memorySpace)) return false;
  if (expected.kind === TypeKind.Tensor && (e as RankedTensorType).encoding !== (a as RankedTensorType).encoding) return false;
  return e.shape.every((d, i) => d === kDynamic || d === a.shape[i]);
}

function verifyMapping(op: Operation, v: OpVerifyContext, name: string, mapping: readonly MappingEntry[]): boolean {
  const raw = op.props.get("mapping");
  const elements = raw !== null && raw.kind === AttrKind.Array ? (raw as ArrayAttr).elements : [];
  if (elements.length < 1 || elements.length > 3) return report(v, DfDiag.KernelMappingRank, name, elements.length);
  const region = enclosingRegion(op);
  const params = region === null ? [] : regionParams(region);
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (e.kind === AttrKind.Integer && (e as IntegerAttr).num >= 1) continue;
    if (e.kind === AttrKind.String) {
      const p = mapping[i] as string;
      if (!params.includes(p)) return report(v, DfDiag.KernelMappingParam, name, p, region === null ? "?" : symName(region));
      continue;
    }
    return report(v, DfDiag.KernelMappingEntry, name, i, String(e));
  }
  return true;
}

/// df.kernel: mapping of 1-3 positive sizes or region parameters; block arguments one per operand, of the operand's
/// type or, under a layout, of the local type the layout gives; layouts one per operand that fit the operand's shape.
export function verifyKernelOp(op: Operation, v: OpVerifyContext): boolean {
  const name = symName(op);
  const mapping = kernelMapping(op);
  if (!verifyMapping(op, v, name, mapping)) return false;
  const body = op.regions[0];
  if (body.empty) return report(v, DfDiag.KernelNoBody, name);
  const args = body.entry.args;
  const operands = op.operandValues();
  if (args.length !== operands.length) return report(v, DfDiag.KernelBlockArgCount, name, operands.length, args.length);
  const layouts = kernelLayouts(op);
  if (layouts === null) {
    for (let i = 0; i < args.length; i++) {
      if (args[i].type !== operands[i].type) return report(v, DfDiag.KernelArgType, name, i, String(args[i].type), String(operands[i].type));
    }
    return true;
  }
  if (layouts.length !== operands.length) return report(v, DfDiag.KernelLayoutCount, name, operands.length, layouts.length);
  // An instance made by df-instantiate keeps the layouts of its grid, recorded as `df.mesh`, until df-shard applies them.
  const mesh = op.attrs.get("df.mesh");
  const grid: MappingEntry[] = mesh !== null && mesh.kind === AttrKind.DenseArray ? (mesh as DenseArrayAttr).values.slice() : mapping;
  const m = mappingToString(grid);
  for (let i = 0; i < layouts.length; i++) {
    const entries = layoutEntries(layouts[i])!;
    const global = operands[i].type;
    const problem = checkLayout(global, entries, grid);
    const ls = String(layouts[i]);
    if (problem !== null) {
      switch (problem.kind) {
        case "rank": return report(v, DfDiag.KernelLayoutRank, name, i, ls, problem.layoutRank, String(global), problem.typeRank);
        case "axis": return report(v, DfDiag.KernelLayoutAxis, name, i, ls, problem.dim, problem.axis, m, grid.length);
        case "divisible": return report(v, DfDiag.KernelLayoutDivisible, name, i, ls, problem.dim, problem.size, problem.axis, problem.axisSize);
      }
    }
    const local = localTypeFor(global, layouts[i], grid);
    if (local === null || !matchesLocalType(local, args[i].type)) {
      return report(v, DfDiag.KernelLocalType, name, i, String(args[i].type), ls, m, local === null ? "no local type" : String(local));
    }
  }
  return true;
}

/// df.get_pid: inside a kernel, one result per mapping dimension.
export function verifyGetPidOp(op: Operation, v: OpVerifyContext): boolean {
  const k = enclosingKernel(op);
  if (k === null) return report(v, DfDiag.NotInKernel);
  const rank = kernelMapping(k).length;
  if (op.results.length !== rank) return report(v, DfDiag.PidCount, symName(k), rank, op.results.length);
  return true;
}

/// df.param: names a parameter of the enclosing region.
export function verifyParamOp(op: Operation, v: OpVerifyContext): boolean {
  const r = enclosingRegion(op);
  if (r === null) return report(v, DfDiag.NotInRegion);
  const p = paramName(op);
  if (!regionParams(r).includes(p)) return report(v, DfDiag.UnknownParam, contextPrefix(op), p, symName(r));
  return true;
}

/// Stream indices: one per stream-array dimension; constant ones in bounds, except under a df.meta_if (a branch that
/// specialisation may drop can name stream elements that do not exist, e.g. the edges of a systolic array).
function verifyStreamAccess(op: Operation, v: OpVerifyContext): boolean {
  const stream = op.operand(0);
  const info = streamInfo(stream.type)!;
  const indices = op.operandValues().slice(op.name === "df.put" ? 2 : 1);
  const where = contextPrefix(op);
  if (indices.length !== info.shape.length) return report(v, DfDiag.IndexCount, where, streamLabel(stream), String(stream.type), info.shape.length, indices.length);
  if (enclosingOp(op, "df.meta_if") !== null) return true;
  for (let i = 0; i < indices.length; i++) {
    const d = indices[i].definingOp;
    if (d === null || !d.hasTrait(Trait.ConstantLike)) continue;
    const c = d.props.get("value") ?? d.attrs.get("value");
    if (c === null || c.kind !== AttrKind.Integer) continue;
    const n = (c as IntegerAttr).num;
    if (n < 0 || n >= info.shape[i]) return report(v, DfDiag.IndexBounds, where, i, n, streamLabel(stream), info.shape[i]);
  }
  return true;
}

/// df.put: indices as for every stream access; the value has the stream's element type.
export function verifyPutOp(op: Operation, v: OpVerifyContext): boolean {
  if (!verifyStreamAccess(op, v)) return false;
  const stream = op.operand(0);
  const elem = streamInfo(stream.type)!.element;
  const value = op.operand(1);
  if (value.type !== elem) return report(v, DfDiag.PutValueType, contextPrefix(op), String(value.type), String(elem), streamLabel(stream));
  return true;
}

/// df.get: indices as for every stream access; the result has the stream's element type.
export function verifyGetOp(op: Operation, v: OpVerifyContext): boolean {
  if (!verifyStreamAccess(op, v)) return false;
  const stream = op.operand(0);
  const elem = streamInfo(stream.type)!.element;
  const t = op.results[0].type;
  if (t !== elem) return report(v, DfDiag.GetResultType, contextPrefix(op), String(t), String(elem), streamLabel(stream));
  return true;
}

/// df.call: inside a kernel; the callee is a df.region; one positive value per region parameter; operand types match.
export function verifyCallOp(op: Operation, v: OpVerifyContext): boolean {
  const k = enclosingKernel(op);
  if (k === null) return report(v, DfDiag.NotInKernel);
  const kn = symName(k);
  const callee = callCallee(op);
  const target = lookupSymbolFrom(op, getSymbolRefAttr(callee));
  if (target === null || target.name !== "df.region") return report(v, DfDiag.CallCallee, kn, callee);
  const params = callParams(op);
  const names = regionParams(target);
  if (params.length !== names.length) return report(v, DfDiag.CallParamCount, kn, callee, names.length, params.length);
  for (let i = 0; i < params.length; i++) if (params[i] < 1) return report(v, DfDiag.CallParamValue, kn, i, callee, params[i]);
  const inputs = regionArgTypes(target);
  const operands = op.operandValues();
  if (operands.length !== inputs.length) return report(v, DfDiag.CallOperandCount, kn);
  for (let i = 0; i < inputs.length; i++) {
    if (operands[i].type !== inputs[i]) return report(v, DfDiag.CallOperandType, kn, String(inputs[i]), String(operands[i].type), i);
  }
  return true;
}

/// df.meta_if: only inside a kernel (the i1 condition is checked by its operand constraint).
export function verifyMetaIfOp(op: Operation, v: OpVerifyContext): boolean {
  return enclosingKernel(op) !== null || report(v, DfDiag.NotInKernel);
}
