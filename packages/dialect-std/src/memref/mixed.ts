// Mixed static/dynamic index lists of the memref view ops (MLIR's OpFoldResult lists and StaticValueUtils).
import {
  AttrKind, getDenseI32ArrayAttr, getDenseI64ArrayAttr, matchConstant, operandGroups, TypeKind, type DenseArrayAttr, type IntegerAttr, type Operation,
  type Value,
} from "@allo/ir-core";
import { I64_DYNAMIC } from "./layout.js";

/// An OpFoldResult: a static integer or an SSA value.
export type Ofr = number | Value;

/// The mixed list of an offset/size/stride-like operand slot and its `static_*` property (MLIR's getMixedValues).
export function mixedValues(op: Operation, slot: number, prop: string): Ofr[] {
  const dyn = operandGroups(op, op.def!)[slot];
  let k = 0;
  return (op.props.get(prop) as DenseArrayAttr).values.map((s) => (s === I64_DYNAMIC ? dyn[k++] : s));
}

/// The static entries (`I64_DYNAMIC` for values) and the dynamic values of a mixed list (dispatchIndexOpFoldResults).
export function dispatchMixed(list: readonly Ofr[]): { statics: number[]; dynamics: Value[] } {
  const statics: number[] = [], dynamics: Value[] = [];
  for (const x of list) {
    if (typeof x === "number") statics.push(x);
    else { statics.push(I64_DYNAMIC); dynamics.push(x); }
  }
  return { statics, dynamics };
}

/// The integer a value holds as a constant (MLIR's getConstantIntValue), or null.
export function constantIntValue(v: Value): number | null {
  const a = matchConstant(v);
  return a !== null && a.kind === AttrKind.Integer ? (a as IntegerAttr).num : null;
}

/// The integer of a mixed entry: its static value or the constant its value holds.
export function constantOfr(x: Ofr): number | null {
  return typeof x === "number" ? x : constantIntValue(x);
}

/// True if `v` is an `arith.constant` of index type (MLIR's matchConstantIndex).
export function isConstantIndex(v: Value): boolean {
  const d = v.definingOp;
  return d !== null && d.name === "arith.constant" && v.type.kind === TypeKind.Index;
}

/// Replaces values holding constants by the constants (MLIR's foldDynamicIndexList); true if any changed.
export function foldDynamicIndexList(list: Ofr[], onlyNonNegative: boolean): boolean {
  let changed = false;
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (typeof x === "number") continue;
    const c = constantIntValue(x);
    if (c === null || (onlyNonNegative && c < 0)) continue;
    list[i] = c;
    changed = true;
  }
  return changed;
}

/// The properties and operands of a view op built from mixed offsets, sizes and strides (`source` first).
export function offsetSizeStrideOperands(source: Value, offsets: readonly Ofr[], sizes: readonly Ofr[], strides: readonly Ofr[]): {
  operands: Value[]; props: Record<string, DenseArrayAttr>;
} {
  const o = dispatchMixed(offsets), s = dispatchMixed(sizes), t = dispatchMixed(strides);
  return {
    operands: [source, ...o.dynamics, ...s.dynamics, ...t.dynamics],
    props: {
      static_offsets: getDenseI64ArrayAttr(o.statics), static_sizes: getDenseI64ArrayAttr(s.statics), static_strides: getDenseI64ArrayAttr(t.statics),
      operandSegmentSizes: getDenseI32ArrayAttr([1, o.dynamics.length, s.dynamics.length, t.dynamics.length]),
    },
  };
}
