// Canonicalization patterns of the memref allocation, copy, dim and view ops (MLIR 19's MemRefOps.cpp).
import {
  AttrKind, getDenseI32ArrayAttr, getMemRefType, hasTrait, kDynamic, matchConstant, pattern, registry, Trait, TypeKind, walk, type IntegerAttr,
  type MemRefType, type Operation, type PatternRewriter, type RewritePattern, type Value,
} from "@allo/ir-core";
import { memoryEffectsOf } from "./effects.js";
import { isConstantIndex } from "./mixed.js";

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`memref canonicalization needs '${name}'`);
  return d;
}

/// `memref.cast %v : from to type` at the insertion point.
export function createCast(rw: PatternRewriter, v: Value, type: MemRefType, loc: Operation["loc"]): Value {
  return rw.create(def("memref.cast"), { operands: [v], resultTypes: [type], loc }).results[0];
}

// ---- alloc / alloca / realloc ----

function nonNegativeConstant(v: Value): number | null {
  const a = matchConstant(v);
  if (a === null || a.kind !== AttrKind.Integer) return null;
  const n = (a as IntegerAttr).big;
  return n >= 0n ? Number(n) : null;
}

/// alloc(%c8, %n) : memref<?x?xf32> -> cast(alloc(%n) : memref<8x?xf32>), for alloc or alloca (SimplifyAllocConst).
const simplifyAllocConst = (root: string): RewritePattern => pattern({
  name: "SimplifyAllocConst", root,
  matchAndRewrite(alloc, rw) {
    const t = alloc.results[0].type as MemRefType;
    const nDyn = t.shape.filter((d) => d === kDynamic).length;
    const dyn = alloc.operandValues().slice(0, nDyn), symbols = alloc.operandValues().slice(nDyn);
    if (!dyn.some((v) => nonNegativeConstant(v) !== null)) return false;
    const shape: number[] = [], kept: Value[] = [];
    let k = 0;
    for (const d of t.shape) {
      if (d !== kDynamic) { shape.push(d); continue; }
      const v = dyn[k++], c = nonNegativeConstant(v);
      if (c !== null) shape.push(c);
      else { shape.push(kDynamic); kept.push(v); }
    }
    const nt = getMemRefType(shape, t.elementType, t.layout, t.memorySpace);
    const props = { alignment: alloc.props.get("alignment"), operandSegmentSizes: getDenseI32ArrayAttr([kept.length, symbols.length]) };
    const n = rw.create(alloc.def!, { operands: [...kept, ...symbols], resultTypes: [nt], props, loc: alloc.loc });
    rw.replaceOp(alloc, [createCast(rw, n.results[0], t, alloc.loc)]);
    return true;
  },
});

/// An allocation used only by deallocs and as the target of stores is erased with its users, for alloc, alloca or
/// realloc (SimplifyDeadAlloc).
const simplifyDeadAlloc = (root: string): RewritePattern => pattern({
  name: "SimplifyDeadAlloc", root,
  matchAndRewrite(alloc, rw) {
    const r = alloc.results[0];
    const users = r.uses().map((u) => u.owner);
    if (users.some((u) => (u.name === "memref.store" ? u.operand(0) === r : u.name !== "memref.dealloc"))) return false;
    for (const u of new Set(users)) rw.eraseOp(u);
    rw.eraseOp(alloc);
    return true;
  },
});

// ---- alloca_scope ----

// True if `op` itself (not its nested ops) may allocate on the automatic allocation scope's stack.
function mayAllocateOnStack(op: Operation): boolean {
  if (hasTrait(op.def, Trait.RecursiveMemoryEffects)) return false;
  const effects = memoryEffectsOf(op);
  if (effects === null) return true;
  return effects.some((e) => e.kind === "alloc" && e.resource === "automatic-allocation-scope" && op.results.includes(e.value as never));
}

// True if `op` certainly allocates on the stack (isGuaranteedAutomaticAllocation).
function allocatesOnStack(op: Operation): boolean {
  const effects = memoryEffectsOf(op);
  return effects !== null && effects.some((e) => e.kind === "alloc" && e.resource === "automatic-allocation-scope" && op.results.includes(e.value as never));
}

// The op is the last one before the terminator of a one-block region (so moving out does not extend lifetimes).
function lastBeforeTerminator(op: Operation): boolean {
  const b = op.parent!;
  return b.lastOp !== null && hasTrait(b.lastOp.def, Trait.Terminator) && op.next === b.lastOp && b.parent!.hasOneBlock;
}

/// Inlines an alloca_scope without potential stack allocations, or one that ends the body of an allocation scope
/// (AllocaScopeInliner).
const allocaScopeInliner = pattern({
  name: "AllocaScopeInliner", root: "memref.alloca_scope",
  matchAndRewrite(op, rw) {
    let potential = false;
    const stack: Operation[] = [];
    for (let o = op.regions[0].entry.firstOp; o !== null; o = o.next) stack.push(o);
    while (stack.length && !potential) {
      const o = stack.pop()!;
      if (mayAllocateOnStack(o)) { potential = true; break; }
      if (hasTrait(o.def, Trait.AutomaticAllocationScope)) continue;
      for (const r of o.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let x = b.firstOp; x !== null; x = x.next) stack.push(x);
    }
    if (potential && (!hasTrait(op.parentOp?.def ?? null, Trait.AutomaticAllocationScope) || !lastBeforeTerminator(op))) return false;
    const block = op.regions[0].entry;
    const term = block.lastOp!;
    const results = term.operandValues();
    rw.inlineBlockBefore(block, op);
    rw.replaceOp(op, results);
    rw.eraseOp(term);
    return true;
  },
});

/// Moves the stack allocations of an alloca_scope that ends nested non-scope ops out to just before the outermost of
/// them (AllocaScopeHoister).
const allocaScopeHoister = pattern({
  name: "AllocaScopeHoister", root: "memref.alloca_scope",
  matchAndRewrite(op, rw) {
    let scope = op.parentOp;
    while (scope !== null && !hasTrait(scope.def, Trait.AutomaticAllocationScope)) scope = scope.parentOp;
    if (scope === null) return false;
    let last = op.parentOp;
    if (last === null || hasTrait(last.def, Trait.AutomaticAllocationScope)) return false;
    if (!lastBeforeTerminator(op) || !lastBeforeTerminator(last)) return false;
    while (!hasTrait(last.parentOp!.def, Trait.AutomaticAllocationScope)) {
      last = last.parentOp!;
      if (!lastBeforeTerminator(last)) return false;
    }
    const outer = last;
    const containing = outer.regions.find((r) => r.isAncestor(op.parentRegion))!;
    const toHoist: Operation[] = [];
    walk(op, (a) => {
      if (a === op || !allocatesOnStack(a)) return;
      if (a.operandValues().some((v) => containing.isAncestor(v.parentBlock?.parent ?? null))) return;
      toHoist.push(a);
    }, "post");
    if (toHoist.length === 0) return false;
    rw.setInsertionPoint(outer);
    for (const a of toHoist) rw.replaceOp(a, rw.clone(a).results);
    return true;
  },
});

// ---- copy ----

/// copy(cast(x), cast(y)) -> copy(x, y) when the casts keep shape and element type (MLIR 19's FoldCopyOfCast, which
/// compares the cast source type with itself: any cast of a ranked memref qualifies).
const foldCopyOfCast = pattern({
  name: "FoldCopyOfCast", root: "memref.copy",
  matchAndRewrite(op, rw) {
    let changed = false;
    for (let i = 0; i < 2; i++) {
      const cast = op.operand(i).definingOp;
      if (cast?.name !== "memref.cast" || cast.operand(0).type.kind !== TypeKind.MemRef) continue;
      const src = cast.operand(0);
      rw.modifyOpInPlace(op, () => op.operands[i].set(src));
      changed = true;
    }
    return changed;
  },
});

/// A copy from or to a memref with a zero-sized dimension is erased (FoldEmptyCopy).
const foldEmptyCopy = pattern({
  name: "FoldEmptyCopy", root: "memref.copy",
  matchAndRewrite(op, rw) {
    const empty = (v: Value) => v.type.kind === TypeKind.MemRef && (v.type as MemRefType).shape.includes(0);
    if (!empty(op.operand(0)) && !empty(op.operand(1))) return false;
    rw.eraseOp(op);
    return true;
  },
});

/// copy(x, x) is erased (FoldSelfCopy).
const foldSelfCopy = pattern({
  name: "FoldSelfCopy", root: "memref.copy",
  matchAndRewrite(op, rw) {
    if (op.operand(0) !== op.operand(1)) return false;
    rw.eraseOp(op);
    return true;
  },
});

// ---- dim ----

/// dim(reshape(x, shape), i) -> load(shape[i]) (index_cast to index if needed), when i is available at the reshape
/// (DimOfMemRefReshape).
const dimOfMemRefReshape = pattern({
  name: "DimOfMemRefReshape", root: "memref.dim",
  matchAndRewrite(dim, rw) {
    const reshape = dim.operand(0).definingOp;
    if (reshape?.name !== "memref.reshape") return false;
    const index = dim.operand(1);
    if (index.parentBlock === reshape.parent) {
      const d = index.definingOp;
      if (d !== null && reshape.isBeforeInBlock(d)) return false;
    } else if (dim.parent !== reshape.parent) {
      const ir = index.parentBlock?.parent ?? null, rr = reshape.parentRegion;
      if (ir === null || ir === rr || !ir.isAncestor(rr)) return false;
    }
    rw.setInsertionPointAfter(reshape);
    const shape = reshape.operand(1);
    let load = rw.create(def("memref.load"), { operands: [shape, index], resultTypes: [(shape.type as MemRefType).elementType], loc: dim.loc }).results[0];
    if (load.type !== dim.results[0].type) {
      load = rw.create(def("arith.index_cast"), { operands: [load], resultTypes: [dim.results[0].type], loc: dim.loc }).results[0];
    }
    rw.replaceOp(dim, [load]);
    return true;
  },
});

// ---- view ----

/// view(%buf, %shift, %c8) : memref<?x4xf32> -> cast(view(%buf, %shift) : memref<8x4xf32>) (ViewOpShapeFolder).
const viewOpShapeFolder = pattern({
  name: "ViewOpShapeFolder", root: "memref.view",
  matchAndRewrite(view, rw) {
    if (!view.operandValues().some(isConstantIndex)) return false;
    const t = view.results[0].type as MemRefType;
    const sizes = view.operandValues().slice(2);
    const shape: number[] = [], kept: Value[] = [];
    let k = 0;
    for (const d of t.shape) {
      if (d !== kDynamic) { shape.push(d); continue; }
      const v = sizes[k++];
      if (isConstantIndex(v)) shape.push((matchConstant(v) as IntegerAttr).num);
      else { shape.push(d); kept.push(v); }
    }
    const nt = getMemRefType(shape, t.elementType, t.layout, t.memorySpace);
    if (nt === t) return false;
    const n = rw.create(view.def!, { operands: [view.operand(0), view.operand(1), ...kept], resultTypes: [nt], loc: view.loc });
    rw.replaceOp(view, [createCast(rw, n.results[0], t, view.loc)]);
    return true;
  },
});

/// view(cast(alloc)) -> view(alloc) (ViewOpMemrefCastFolder).
const viewOpMemrefCastFolder = pattern({
  name: "ViewOpMemrefCastFolder", root: "memref.view",
  matchAndRewrite(view, rw) {
    const cast = view.operand(0).definingOp;
    if (cast?.name !== "memref.cast" || cast.operand(0).definingOp?.name !== "memref.alloc") return false;
    rw.replaceOpWithNew(view, (b) => b.create(view.def!, {
      operands: [cast.operand(0), ...view.operandValues().slice(1)], resultTypes: [view.results[0].type], loc: view.loc,
    }));
    return true;
  },
});

/// The patterns of the memref allocation, copy, dim and view ops, by op name in MLIR's order.
export const memrefPatterns: readonly (readonly [string, readonly RewritePattern[]])[] = [
  ["memref.alloc", [simplifyAllocConst("memref.alloc"), simplifyDeadAlloc("memref.alloc")]],
  ["memref.alloca", [simplifyAllocConst("memref.alloca"), simplifyDeadAlloc("memref.alloca")]],
  ["memref.alloca_scope", [allocaScopeInliner, allocaScopeHoister]],
  ["memref.copy", [foldCopyOfCast, foldEmptyCopy, foldSelfCopy]],
  ["memref.dim", [dimOfMemRefReshape]],
  ["memref.realloc", [simplifyDeadAlloc("memref.realloc")]],
  ["memref.view", [viewOpShapeFolder, viewOpMemrefCastFolder]],
];
