// affine-loop-unroll: unrolls the innermost affine.for loops by a factor, fully, or up to a factor (MLIR's LoopUnroll.cpp).
import { definePass, diagLocOf, makeDiag, walk, type Operation } from "@allo/ir-core";
import { getConstantTripCount, loopUnrollByFactor, loopUnrollFull, loopUnrollUpToFactor } from "./loop-utils.js";
import { opt } from "@allo/ir-core";
import { PassDiag } from "../diag.js";

/// The affine.for ops in `root` without an affine.for nested in them, in post order (one walk).
function innermostLoops(root: Operation): Operation[] {
  const out: Operation[] = [];
  // True if `op` is or contains an affine.for.
  const visit = (op: Operation): boolean => {
    let nested = false;
    const rs = op.regions;
    for (let i = 0; i < rs.length; i++) {
      // An op without regions is no loop and holds none: not visited.
      for (let b = rs[i].firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) if (o.regions.length !== 0 && visit(o)) nested = true;
    }
    if (op.name !== "affine.for") return nested;
    if (!nested) out.push(op);
    return true;
  };
  visit(root);
  return out;
}

function affineFors(root: Operation, pred: (op: Operation) => boolean): Operation[] {
  const out: Operation[] = [];
  walk(root, (op) => { if (op.name === "affine.for" && pred(op)) out.push(op); }, "post");
  return out;
}

/// `affine-loop-unroll`.
export const AffineLoopUnroll = definePass({
  argument: "affine-loop-unroll",
  name: "AffineLoopUnroll",
  summary: "Unroll affine loops",
  anchor: "func.func",
  options: {
    unrollFactor: opt.uint("unroll-factor", 4, "Use this unroll factor for all loops being unrolled"),
    unrollUpToFactor: opt.bool("unroll-up-to-factor", false, "Allow unrolling up to the factor specified"),
    unrollFull: opt.bool("unroll-full", false, "Fully unroll loops"),
    numRepetitions: opt.uint("unroll-num-reps", 1, "Unroll innermost loops repeatedly this many times"),
    unrollFullThreshold: opt.uint("unroll-full-threshold", 1, "Unroll all loops with trip count less than or equal to this"),
    cleanUpUnroll: opt.bool("cleanup-unroll", false, "Fully unroll the cleanup loop when possible."),
  },
  run(fn, { options, isSet, emit, signalPassFailure }) {
    if (fn.regions[0].empty) return;
    if (options.unrollFull && isSet("unrollFullThreshold")) {
      for (const l of affineFors(fn, (op) => { const tc = getConstantTripCount(op); return tc !== null && tc <= options.unrollFullThreshold; })) loopUnrollFull(l);
      return;
    }
    for (let i = 0; i < options.numRepetitions; i++) {
      const loops = innermostLoops(fn);
      if (loops.length === 0) break;
      // MLIR asserts a positive factor; the first loop it would unroll is where that is reported.
      if (!options.unrollFull && options.unrollFactor === 0) {
        emit(makeDiag(PassDiag.UnrollFactorZero, diagLocOf(loops[0].loc)));
        signalPassFailure();
        return;
      }
      let unrolled = false;
      for (const l of loops) {
        let ok: boolean;
        if (options.unrollFull) ok = loopUnrollFull(l);
        else if (options.unrollUpToFactor) ok = loopUnrollUpToFactor(l, options.unrollFactor);
        else ok = loopUnrollByFactor(l, options.unrollFactor, options.cleanUpUnroll);
        unrolled ||= ok;
      }
      if (!unrolled) break;
    }
  },
});
