// df-expand-hierarchy: runs df-instantiate, canonicalize, df-specialize, df-inline-regions until nothing is left to expand.
import { definePass, lookupPass, OpPassManager, Pass, type Operation } from "@allo/ir-core";
import { errorAt, instancePid } from "./common.js";
import { DfPassDiag } from "./diag.js";
import { DfInlineRegions } from "./inline-regions.js";
import { DfInstantiate } from "./instantiate.js";
import { DfSpecialize } from "./specialize.js";

/// Rounds after which the expansion gives up (each round peels one level of region hierarchy).
export const maxExpansionRounds = 64;

/// True while `module` still has a df.call or a kernel that is not a single instance.
export function needsExpansion(module: Operation): boolean {
  const stack: Operation[] = [module];
  while (stack.length) {
    const op = stack.pop()!;
    if (op.name === "df.call") return true;
    if (op.name === "df.kernel" && op.parentOp?.name === "df.region" && instancePid(op) === null && !isParameterised(op.parentOp)) return true;
    for (const r of op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) stack.push(o);
  }
  return false;
}

function isParameterised(region: Operation): boolean {
  return region.props.get("params") !== null;
}

/// The pipeline of one expansion round. df-instantiate specialises each instance as it copies it (the same IR as
/// df-specialize would make of its output, without copying the branches not taken) and canonicalizes it while it is
/// fresh in the cache, which leaves canonicalize nothing to change in the instances; df-specialize then reports a
/// condition that did not fold.
export function expansionRound(): OpPassManager {
  const pm = new OpPassManager("builtin.module");
  pm.addPass(new Pass(DfInstantiate, { specialize: true, canonicalize: true }));
  const canon = lookupPass("canonicalize");
  if (canon !== null) pm.addPass(new Pass(canon));
  pm.addPass(new Pass(DfSpecialize));
  pm.addPass(new Pass(DfInlineRegions));
  return pm;
}

/// The `df-expand-hierarchy` pass (the fixed-point loop of `df-to-hw`).
export const DfExpandHierarchy = definePass({
  argument: "df-expand-hierarchy",
  summary: "Repeat df-instantiate, canonicalize, df-specialize and df-inline-regions until no df.call and no multi-instance kernel is left",
  anchor: "builtin.module",
  statistics: { rounds: { name: "num-rounds", desc: "Expansion rounds run" } },
  // Every change is made by the rounds' pipelines, which verify after each of their passes.
  changesOnlyThroughPipelines: true,
  run(module, ctx) {
    for (let round = 0; needsExpansion(module); round++) {
      if (round === maxExpansionRounds) {
        ctx.emit(errorAt(module, DfPassDiag.PipelineNoFixpoint, maxExpansionRounds));
        ctx.signalPassFailure();
        return;
      }
      ctx.stats.rounds++;
      if (!ctx.runPipeline(expansionRound(), module)) { ctx.signalPassFailure(); return; }
    }
  },
});
