// loop-invariant-code-motion: hoists pure, speculatable ops whose operands are defined outside the loop
// (MLIR's LoopInvariantCodeMotion.cpp and LoopInvariantCodeMotionUtils.cpp).
import { definePass, hasTrait, isMemoryEffectFree, isSpeculatable, Trait, walk, type Operation, type Region, type Value } from "@allo/ir-core";

/// The loop regions of loop-like ops (MLIR's LoopLikeOpInterface::getLoopRegions). Op records may declare their own
/// with `extra.loopRegions: number[]`.
const LOOP_REGIONS: Readonly<Record<string, readonly number[]>> = {
  "scf.for": [0], "scf.parallel": [0], "scf.forall": [0], "scf.while": [0, 1], "affine.for": [0], "affine.parallel": [0],
};

/// The loop regions of `op`, or null if it is not loop-like.
export function loopRegions(op: Operation): Region[] | null {
  const declared = op.def?.extra.loopRegions as readonly number[] | undefined;
  const idx = declared ?? LOOP_REGIONS[op.name];
  if (idx === undefined) return null;
  return idx.filter((i) => i < op.regions.length).map((i) => op.regions[i]);
}

function isAncestorOrSelf(a: Operation, b: Operation | null): boolean {
  for (let x = b; x !== null; x = x.parentOp) if (x === a) return true;
  return false;
}

function canBeHoisted(op: Operation, definedOutside: (v: Value) => boolean): boolean {
  if (op.def !== null && hasTrait(op.def, Trait.Terminator)) return false;
  let ok = true;
  walk(op, (child) => {
    if (!ok) return;
    for (const o of child.operands) {
      const v = o.value;
      const owner = v.parentBlock?.parent?.parent ?? null;
      if (owner !== null && isAncestorOrSelf(op, owner)) continue;
      if (!definedOutside(v)) { ok = false; return; }
    }
  }, "pre");
  return ok;
}

/// Hoists the invariant ops of `loop` before it; returns how many moved.
export function moveLoopInvariantCode(loop: Operation): number {
  const regions = loopRegions(loop);
  if (regions === null) return 0;
  let moved = 0;
  const definedOutside = (v: Value): boolean => {
    const owner = v.parentBlock?.parent?.parent ?? null;
    return !isAncestorOrSelf(loop, owner);
  };
  for (const region of regions) {
    const queue: Operation[] = [];
    for (let b = region.firstBlock; b !== null; b = b.next) for (let op = b.firstOp; op !== null; op = op.next) queue.push(op);
    for (let qi = 0; qi < queue.length; qi++) {
      const op = queue[qi];
      if (op.parentRegion !== region) continue;
      if (!(isMemoryEffectFree(op) && isSpeculatable(op)) || !canBeHoisted(op, definedOutside)) continue;
      op.moveBefore(loop);
      moved++;
      for (const r of op.results) for (let u = r.firstUse; u !== null; u = u.nextUse) if (u.owner.parentRegion === region) queue.push(u.owner);
    }
  }
  return moved;
}

/// `loop-invariant-code-motion`.
export const LoopInvariantCodeMotion = definePass({
  argument: "loop-invariant-code-motion",
  name: "LoopInvariantCodeMotion",
  summary: "Hoist loop invariant instructions outside of the loop",
  anchor: null,
  run(op, { markAllAnalysesPreserved }) {
    const loops: Operation[] = [];
    walk(op, (o) => { if (loopRegions(o) !== null) loops.push(o); }, "post");
    let moved = 0;
    for (const l of loops) moved += moveLoopInvariantCode(l);
    if (moved === 0) markAllAnalysesPreserved();
  },
});
