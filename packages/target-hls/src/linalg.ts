// linalg named ops (fill, matmul, add) as loop nests whose body is the op's own region (casts, multiply, add).
import {
  AffineExprKind, AttrKind, getAffineDimExpr, getAffineMap, getMultiDimIdentityMap, TypeKind, type AffineMap, type DenseArrayAttr,
  type MemRefType, type Operation, type Value,
} from "@allo/ir-core";
import { HlsDiag } from "./diag.js";
import { affineToC, type CExpr } from "./expr.js";
import type { FunctionEmitter } from "./stmt.js";
import { access, type ArrayView } from "./views.js";

const d = getAffineDimExpr;
/// `(m, n, k) -> (m, k), (k, n), (m, n)`.
const MATMUL_MAPS: readonly AffineMap[] = [getAffineMap(3, 0, [d(0), d(2)]), getAffineMap(3, 0, [d(2), d(1)]), getAffineMap(3, 0, [d(0), d(1)])];

function rankOf(v: Value): number {
  return v.type.kind === TypeKind.MemRef ? (v.type as MemRefType).shape.length : 0;
}

/// The indexing maps of a named op: fixed for matmul, identity (or `() -> ()` for scalars) for elementwise ops.
function indexingMaps(op: Operation, outs: readonly Value[]): readonly AffineMap[] {
  if (op.name === "linalg.matmul") return MATMUL_MAPS;
  const loops = outs.length > 0 ? rankOf(outs[0]) : 0;
  return op.operandValues().map((v) => (rankOf(v) === 0 ? getAffineMap(loops, 0, []) : getMultiDimIdentityMap(loops)));
}

/// Emits `op` as a loop nest over its iteration domain.
export function emitLinalg(fe: FunctionEmitter, op: Operation): void {
  const all = op.operandValues();
  const seg = op.getAttr("operandSegmentSizes");
  const nIns = seg !== null && seg.kind === AttrKind.DenseArray ? (seg as DenseArrayAttr).values[0] : all.length - 1;
  const outs = all.slice(nIns);
  if (op.results.length > 0 || outs.some((v) => v.type.kind !== TypeKind.MemRef)) {
    fe.error(op, HlsDiag.UnsupportedForm, op.name, "only the memref (buffer) form can be emitted");
    return;
  }
  const body = op.regions[0];
  if (body === undefined || body.empty || body.entry.args.length !== all.length) {
    fe.error(op, HlsDiag.UnsupportedForm, op.name, "expected the op's region with one argument per operand");
    return;
  }
  const maps = indexingMaps(op, outs);
  const views: (ArrayView | null)[] = all.map((v) => (v.type.kind === TypeKind.MemRef ? fe.array(v, op) : null));
  if (all.some((v, i) => v.type.kind === TypeKind.MemRef && views[i] === null)) return;
  // Loop ranges: the first operand dimension each loop indexes.
  const loops = maps[0].numDims;
  const ranges: number[] = new Array<number>(loops).fill(-1);
  all.forEach((v, i) => {
    if (views[i] === null) return;
    maps[i].results.forEach((e, k) => {
      if (e.kind === AffineExprKind.DimId && ranges[e.value] < 0) ranges[e.value] = views[i]!.type.shape[k];
    });
  });
  const scalars: (CExpr | null)[] = all.map((v, i) => (views[i] === null ? fe.scalar(v, op) : null));
  const names = loops <= 3 ? ["i", "j", "k"].slice(0, loops) : null;
  fe.loopNest(ranges, (ivs) => {
    const idx = (i: number): CExpr[] => {
      const m = maps[i];
      const p = { dims: ivs, syms: [], helper: (n: "floordiv" | "ceildiv" | "mod") => fe.ctx.helper(n), lowerBound: () => 0 };
      return m.results.map((e) => affineToC(e, p));
    };
    const args = body.entry.args;
    for (let i = 0; i < all.length; i++) {
      fe.bind(args[i], { kind: "scalar", expr: views[i] !== null ? access(views[i]!, idx(i)) : scalars[i]! });
    }
    fe.emitBlock(body.entry, (values) => {
      values.forEach((v, k) => {
        const o = nIns + k;
        fe.line(`${access(views[o]!, idx(o)).text} = ${v.text};`);
      });
    });
  }, names);
}
