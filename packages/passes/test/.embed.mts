import "@allo/dialect-std";     // registers func, arith, memref, scf, linalg
import "@allo/passes";          // registers canonicalize, cse, inline, symbol-dce, ...
import {
  applyPatternsAndFoldGreedily, definePass, FrozenRewritePatternSet, opt, parsePassPipeline, parseString, pattern,
  PassManager, printOp, registerPass, registry, renderDiagnostic, type Diagnostic,
} from "@allo/ir-core";

// x * 2 -> x + x: a root op name, a benefit (default 1) and matchAndRewrite.
const mulByTwo = pattern({
  name: "MulByTwoToAdd",
  root: "arith.muli",
  matchAndRewrite(op, rw) {
    const rhs = op.operand(1).definingOp;
    if (rhs?.name !== "arith.constant" || String(rhs.prop("value")) !== "2 : i32") return false;
    rw.replaceOpWithNew(op, (b) => b.create(registry.lookupOp("arith.addi")!, {
      operands: [op.operand(0), op.operand(0)], resultTypes: [op.results[0].type], loc: op.loc,
    }));
    return true;
  },
});

// A pass: an argument, an anchor op (null: any op), typed options and statistics; `run` gets parsed options.
export const StrengthReduce = definePass({
  argument: "strength-reduce",
  summary: "Turn multiplications by two into additions",
  anchor: "func.func",
  options: { maxIterations: opt.long("max-iterations", 10, "Greedy driver iteration limit") },
  statistics: { runs: { name: "num-runs", desc: "Functions processed" } },
  run(fn, { options, stats }) {
    stats.runs++;
    applyPatternsAndFoldGreedily(fn, new FrozenRewritePatternSet([mulByTwo]), {
      useTopDownTraversal: true, maxIterations: options.maxIterations,
    });
  },
});
registerPass(StrengthReduce);   // now `--strength-reduce` and `strength-reduce{...}` work in pipelines

const parsed = parseString(`func.func @f(%x: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %0 = arith.muli %x, %c2 : i32
  return %0 : i32
}`);
if (!parsed.ok) throw new Error(parsed.diagnostics.map(renderDiagnostic).join(""));

const p = parsePassPipeline("builtin.module(func.func(strength-reduce{max-iterations=3},canonicalize),symbol-dce)");
if (!p.ok) throw new Error(p.error.render("my-tool"));      // mlir-opt's error text, caret included
const pm = new PassManager().setPipeline(p.pm);             // verifies after each pass by default
const diags: Diagnostic[] = [];
if (!pm.run(parsed.op, (d) => diags.push(d))) throw new Error(diags.map(renderDiagnostic).join(""));
console.log(printOp(parsed.op));
