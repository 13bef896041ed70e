// canonicalize: folds and applies every registered canonicalization pattern greedily (MLIR's Canonicalizer).
import {
  applyPatternsAndFoldGreedily, canonicalizationPatterns, definePass, FrozenRewritePatternSet, opt, type Operation, type RegionSimplifyLevel,
} from "@allo/ir-core";

const frozen = new WeakMap<object, FrozenRewritePatternSet>();

/// The patterns of one pass instance, frozen on first use (MLIR freezes them in initialize()).
function patternsFor(options: { disabledPatterns: readonly string[]; enabledPatterns: readonly string[] }): FrozenRewritePatternSet {
  let p = frozen.get(options);
  if (p === undefined) {
    p = new FrozenRewritePatternSet(canonicalizationPatterns(), { disabled: options.disabledPatterns, enabled: options.enabledPatterns });
    frozen.set(options, p);
  }
  return p;
}

let defaultPatterns: FrozenRewritePatternSet | undefined;

/// Runs canonicalize with its default options on the regions of `op` (as the pass would on `op`); true if it changed
/// anything.
export function canonicalizeWithDefaults(op: Operation): boolean {
  defaultPatterns ??= new FrozenRewritePatternSet(canonicalizationPatterns());
  return applyPatternsAndFoldGreedily(op, defaultPatterns, { useTopDownTraversal: true }).changed;
}

/// `canonicalize`.
export const Canonicalize = definePass({
  argument: "canonicalize",
  name: "Canonicalizer",
  summary: "Canonicalize operations",
  description: "Applies the folders and canonicalization patterns of all registered ops until a fixed point.",
  anchor: null,
  options: {
    topDown: opt.bool("top-down", true, "Seed the worklist in general top-down order"),
    regionSimplify: opt.enum<RegionSimplifyLevel>("region-simplify", "normal", "Perform control flow optimizations to the region tree", [
      { name: "disabled", help: "Don't run any control-flow simplification." },
      { name: "normal", help: "Perform simple control-flow simplifications (e.g. dead args elimination)." },
      { name: "aggressive", help: "Perform aggressive control-flow simplification (e.g. block merging)." },
    ]),
    maxIterations: opt.long("max-iterations", 10, "Max. iterations between applying patterns / simplifying regions"),
    maxNumRewrites: opt.long("max-num-rewrites", -1, "Max. number of pattern rewrites within an iteration"),
    testConvergence: opt.bool("test-convergence", false, "Test only: Fail pass on non-convergence to detect cyclic pattern"),
    disabledPatterns: opt.list.string("disable-patterns", "Labels of patterns that should be filtered out during application"),
    enabledPatterns: opt.list.string("enable-patterns", "Labels of patterns that should be used during application, all other patterns are filtered out"),
  },
  run(op, { options, signalPassFailure, markAllAnalysesPreserved }) {
    const r = applyPatternsAndFoldGreedily(op, patternsFor(options), {
      useTopDownTraversal: options.topDown,
      enableRegionSimplification: options.regionSimplify,
      maxIterations: options.maxIterations,
      maxNumRewrites: options.maxNumRewrites,
    });
    if (options.testConvergence && !r.converged) signalPassFailure();
    if (!r.changed) markAllAnalysesPreserved();
  },
});
