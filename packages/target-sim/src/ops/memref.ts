// memref: alloc, alloca, dealloc, load, store, copy, subview, cast, dim, reinterpret_cast, reshapes, globals.
import {
  AttrKind, TypeKind, type DenseElementsAttr, type MemRefType, type Operation, type SymbolRefAttr,
} from "@allo/ir-core";
import { registerExt, Trap, type Frame } from "../bytecode.js";
import { registerHandlers, type UnitBuilder } from "../compiler.js";
import { fail, SimMessages } from "../diag.js";
import { copyInto, MemRef, rowMajorStrides } from "../memory.js";
import { canonical, type ScalarInfo } from "../values.js";
import { denseInts, elemInfo, emitLoad, emitStore, isDynamic, memrefType, segments } from "./common.js";

interface AllocData { elem: ScalarInfo; shape: number[] }

const extAlloc = registerExt("memref.alloc", (f: Frame, pc: number) => {
  const code = f.code;
  const d = code[pc + 3];
  const data = f.unit.consts[code[pc + 4]] as AllocData;
  const n = code[pc + 5];
  let k = 0;
  const shape = data.shape.map((x) => {
    if (x >= 0) return x;
    const v = f.num[code[pc + 6 + k++]];
    if (!(v >= 0)) throw new Trap(SimMessages.ShapeMismatch, [`negative dynamic size ${v}`]);
    return v;
  });
  void n;
  f.obj[d] = MemRef.alloc(data.elem, shape);
});

function alloc(c: UnitBuilder, op: Operation): void {
  const t = memrefType(op.result(0), op);
  const elem = elemInfo(t, op);
  const shape = t.shape.map((x) => (isDynamic(x) ? -1 : x));
  const ndyn = shape.filter((x) => x < 0).length;
  const dyn = c.operandSlots(op, 0, ndyn);
  c.emitExt(extAlloc, c.def(op.result(0)), c.data({ elem, shape }), dyn.length, ...dyn);
}

function load(c: UnitBuilder, op: Operation): void {
  const t = memrefType(op.operand(0), op);
  emitLoad(c, c.def(op.result(0)), c.slot(op.operand(0)), c.operandSlots(op, 1), elemInfo(t, op));
}

function store(c: UnitBuilder, op: Operation): void {
  const t = memrefType(op.operand(1), op);
  emitStore(c, c.slot(op.operand(0)), c.slot(op.operand(1)), c.operandSlots(op, 2), elemInfo(t, op));
}

/// Throws unless two memrefs have the same shape.
export function sameShape(a: MemRef, b: MemRef, what: string): void {
  if (a.rank !== b.rank || a.shape.some((x, i) => x !== b.shape[i])) {
    throw new Trap(SimMessages.ShapeMismatch, [`${what}: shapes [${a.shape.join(", ")}] and [${b.shape.join(", ")}] differ`]);
  }
}

const extCopy = registerExt("memref.copy", (f: Frame, pc: number) => {
  const src = f.obj[f.code[pc + 3]] as MemRef, dst = f.obj[f.code[pc + 4]] as MemRef;
  sameShape(src, dst, "copy");
  copyInto(src, dst);
});

function copy(c: UnitBuilder, op: Operation): void {
  memrefType(op.operand(0), op);
  memrefType(op.operand(1), op);
  c.emitExt(extCopy, c.slot(op.operand(0)), c.slot(op.operand(1)));
}

interface ViewData { offsets: number[]; sizes: number[]; strides: number[]; resultShape: number[] }

function readDyn(f: Frame, statics: readonly number[], at: number): number[] {
  let k = 0;
  return statics.map((x) => (isDynamic(x) ? f.num[f.code[at + k++]] : x));
}

const extSubview = registerExt("memref.subview", (f: Frame, pc: number) => {
  const code = f.code;
  const d = code[pc + 3];
  const src = f.obj[code[pc + 4]] as MemRef;
  const data = f.unit.consts[code[pc + 5]] as ViewData;
  const no = code[pc + 6];
  const offs = readDyn(f, data.offsets, pc + 7);
  const ns = code[pc + 7 + no];
  const sizes = readDyn(f, data.sizes, pc + 8 + no);
  const strides = readDyn(f, data.strides, pc + 9 + no + ns);
  let offset = src.offset;
  for (let i = 0; i < src.rank; i++) {
    if (sizes[i] > 0 && !(offs[i] >= 0 && offs[i] + (sizes[i] - 1) * strides[i] < src.shape[i])) {
      throw new Trap(SimMessages.ShapeMismatch, [`subview [offset ${offs[i]}, size ${sizes[i]}, stride ${strides[i]}] is out of bounds for dimension ${i} of size ${src.shape[i]}`]);
    }
    offset += offs[i] * src.strides[i];
  }
  const rs = data.resultShape;
  const shape: number[] = [], st: number[] = [];
  let j = 0;
  for (let i = 0; i < src.rank; i++) {
    if (j < rs.length && (rs[j] < 0 || rs[j] === sizes[i])) { shape.push(sizes[i]); st.push(src.strides[i] * strides[i]); j++; }
    else if (sizes[i] !== 1) throw new Trap(SimMessages.ShapeMismatch, [`subview sizes [${sizes.join(", ")}] do not give the result shape [${rs.join(", ")}]`]);
  }
  if (j !== rs.length) throw new Trap(SimMessages.ShapeMismatch, [`subview sizes [${sizes.join(", ")}] do not give the result shape [${rs.join(", ")}]`]);
  f.obj[d] = new MemRef(src.data, src.elem, offset, shape, st);
});

function viewOperands(c: UnitBuilder, op: Operation, first: number): { no: number[]; ns: number[]; nst: number[]; data: Omit<ViewData, "resultShape"> } {
  const so = denseInts(op.getAttr("static_offsets")), ss = denseInts(op.getAttr("static_sizes")), sst = denseInts(op.getAttr("static_strides"));
  if (so === null || ss === null || sst === null) fail(SimMessages.UnsupportedOp, op, `${op.name} without static offsets, sizes and strides`);
  const seg = segments(op);
  const cnt = (xs: number[]) => xs.filter(isDynamic).length;
  const n0 = seg?.[first] ?? cnt(so), n1 = seg?.[first + 1] ?? cnt(ss), n2 = seg?.[first + 2] ?? cnt(sst);
  const base = 1;
  return {
    no: c.operandSlots(op, base, base + n0), ns: c.operandSlots(op, base + n0, base + n0 + n1),
    nst: c.operandSlots(op, base + n0 + n1, base + n0 + n1 + n2), data: { offsets: so, sizes: ss, strides: sst },
  };
}

function subview(c: UnitBuilder, op: Operation): void {
  memrefType(op.operand(0), op);
  const rt = memrefType(op.result(0), op);
  const v = viewOperands(c, op, 1);
  const data: ViewData = { ...v.data, resultShape: rt.shape.map((x) => (isDynamic(x) ? -1 : x)) };
  c.emitExt(extSubview, c.def(op.result(0)), c.slot(op.operand(0)), c.data(data), v.no.length, ...v.no, v.ns.length, ...v.ns, v.nst.length, ...v.nst);
}

const extReinterpret = registerExt("memref.reinterpret_cast", (f: Frame, pc: number) => {
  const code = f.code;
  const d = code[pc + 3];
  const src = f.obj[code[pc + 4]] as MemRef;
  const data = f.unit.consts[code[pc + 5]] as ViewData;
  const no = code[pc + 6];
  const offs = readDyn(f, data.offsets, pc + 7);
  const ns = code[pc + 7 + no];
  const sizes = readDyn(f, data.sizes, pc + 8 + no);
  const strides = readDyn(f, data.strides, pc + 9 + no + ns);
  let hi = offs[0];
  for (let i = 0; i < sizes.length; i++) if (sizes[i] > 0) hi += (sizes[i] - 1) * strides[i];
  if (offs[0] < 0 || (sizes.every((s) => s > 0) && hi >= src.data.length)) {
    throw new Trap(SimMessages.ShapeMismatch, [`reinterpret_cast reaches element ${hi} of a buffer of ${src.data.length}`]);
  }
  f.obj[d] = new MemRef(src.data, src.elem, offs[0], sizes, strides);
});

function reinterpretCast(c: UnitBuilder, op: Operation): void {
  memrefType(op.operand(0), op);
  const v = viewOperands(c, op, 1);
  c.emitExt(extReinterpret, c.def(op.result(0)), c.slot(op.operand(0)), c.data({ ...v.data, resultShape: [] }), v.no.length, ...v.no, v.ns.length, ...v.ns, v.nst.length, ...v.nst);
}

const extCastCheck = registerExt("memref.cast", (f: Frame, pc: number) => {
  const m = f.obj[f.code[pc + 3]] as MemRef;
  const shape = f.unit.consts[f.code[pc + 4]] as number[];
  if (m.rank !== shape.length || shape.some((x, i) => x >= 0 && x !== m.shape[i])) {
    throw new Trap(SimMessages.ShapeMismatch, [`runtime shape [${m.shape.join(", ")}] does not match [${shape.map((x) => (x < 0 ? "?" : x)).join(", ")}]`]);
  }
});

function cast(c: UnitBuilder, op: Operation): void {
  const s = c.slot(op.operand(0));
  if (op.result(0).type.kind === TypeKind.MemRef) {
    const rt = op.result(0).type as MemRefType;
    const st = op.operand(0).type.kind === TypeKind.MemRef ? (op.operand(0).type as MemRefType) : null;
    const need = st === null || rt.shape.some((x, i) => !isDynamic(x) && isDynamic(st.shape[i]));
    if (need) c.emitExt(extCastCheck, s, c.data(rt.shape.map((x) => (isDynamic(x) ? -1 : x))));
  }
  c.alias(op.result(0), s);
}

const extDim = registerExt("memref.dim", (f: Frame, pc: number) => {
  const m = f.obj[f.code[pc + 4]] as MemRef;
  const k = f.num[f.code[pc + 5]];
  if (!(k >= 0 && k < m.rank)) throw new Trap(SimMessages.ShapeMismatch, [`dimension ${k} of a rank-${m.rank} memref`]);
  f.num[f.code[pc + 3]] = m.shape[k];
});

function dim(c: UnitBuilder, op: Operation): void {
  c.emitExt(extDim, c.def(op.result(0)), c.slot(op.operand(0)), c.slot(op.operand(1)));
}

const extRank = registerExt("memref.rank", (f: Frame, pc: number) => {
  f.num[f.code[pc + 3]] = (f.obj[f.code[pc + 4]] as MemRef).rank;
});

function rank(c: UnitBuilder, op: Operation): void {
  c.emitExt(extRank, c.def(op.result(0)), c.slot(op.operand(0)));
}

const extReshape = registerExt("memref.reshape", (f: Frame, pc: number) => {
  const code = f.code;
  const src = f.obj[code[pc + 4]] as MemRef;
  const shape = readDyn(f, f.unit.consts[code[pc + 5]] as number[], pc + 7);
  let n = 1;
  for (const x of shape) n *= x;
  if (n !== src.size) throw new Trap(SimMessages.ShapeMismatch, [`reshape of ${src.size} elements into [${shape.join(", ")}]`]);
  if (!src.contiguous) throw new Trap(SimMessages.ShapeMismatch, ["reshape of a non-contiguous view is not supported by the simulator"]);
  f.obj[code[pc + 3]] = new MemRef(src.data, src.elem, src.offset, shape, rowMajorStrides(shape));
});

function collapseShape(c: UnitBuilder, op: Operation): void {
  const rt = memrefType(op.result(0), op);
  const st = memrefType(op.operand(0), op);
  let shape = rt.shape.map((x) => (isDynamic(x) ? -1 : x));
  if (shape.some((x) => x < 0)) {
    const re = op.getAttr("reassociation") as unknown as { elements: readonly { elements: readonly { value: number }[] }[] } | null;
    if (re === null || st.shape.some(isDynamic)) fail(SimMessages.UnsupportedOp, op, "memref.collapse_shape with dynamic sizes");
    shape = re.elements.map((g) => g.elements.reduce((p, e) => p * st.shape[Number(e.value)], 1));
  }
  c.emitExt(extReshape, c.def(op.result(0)), c.slot(op.operand(0)), c.data(shape), 0);
}

function expandShape(c: UnitBuilder, op: Operation): void {
  const rt = memrefType(op.result(0), op);
  const stat = denseInts(op.getAttr("static_output_shape")) ?? rt.shape.slice();
  const dyn = c.operandSlots(op, 1);
  c.emitExt(extReshape, c.def(op.result(0)), c.slot(op.operand(0)), c.data(stat.map((x) => (isDynamic(x) ? -1 : x))), dyn.length, ...dyn);
}

function getGlobal(c: UnitBuilder, op: Operation): void {
  const ref = op.getAttr("name");
  const name = ref !== null && ref.kind === AttrKind.SymbolRef ? (ref as SymbolRefAttr).leaf : "";
  const g = c.prog.lookup(name, ["memref.global"]);
  if (g === null) fail(SimMessages.UnknownSymbol, op, op.name, name, "memref.global");
  let m = c.prog.cache.get(g) as MemRef | undefined;
  if (m === undefined) {
    const ta = g.getAttr("type") as unknown as { type: MemRefType } | null;
    const t = ta?.type ?? memrefType(op.result(0), op);
    const elem = elemInfo(t, g);
    m = MemRef.alloc(elem, t.shape)!;
    const init = g.getAttr("initial_value");
    if (init !== null && init.kind === AttrKind.DenseElements) {
      const dense = init as DenseElementsAttr;
      const data = m.data as unknown as (number | bigint)[];
      for (let i = 0; i < m.size; i++) {
        const v = canonical(elem, dense.at(i) as number | bigint);
        data[i] = m.big ? BigInt(v) : Number(v);
      }
    }
    c.prog.cache.set(g, m);
  }
  c.alias(op.result(0), c.constObj(m));
}

function noop(): void { /* dealloc, assume_alignment: nothing to simulate */ }

registerHandlers({
  "memref.alloc": alloc,
  "memref.alloca": alloc,
  "memref.dealloc": noop,
  "memref.assume_alignment": noop,
  "memref.load": load,
  "memref.store": store,
  "memref.copy": copy,
  "memref.subview": subview,
  "memref.reinterpret_cast": reinterpretCast,
  "memref.cast": cast,
  "memref.dim": dim,
  "memref.rank": rank,
  "memref.collapse_shape": collapseShape,
  "memref.expand_shape": expandShape,
  "memref.get_global": getGlobal,
});
