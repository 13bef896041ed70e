// The pass infrastructure through its API and allo-opt: crashes and broken IR reported with the pass name,
// reproducers replayed, named pipelines, options printed back, --help / --list-passes, timing and statistics.
import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  definePass, lookupPassPipeline, OpPassManager, opt, parsePassPipeline, parseString, Pass, PassManager, registerPass,
  registerPassPipeline, registeredPasses, registry, renderDiagnostic, walk, type Diagnostic,
} from "@allo/ir-core";
import { alloOptMain } from "@allo/opt-cli";
import "./support.js";

const Boom = definePass({
  argument: "test-boom",
  summary: "Throws (a bug in a pass)",
  anchor: "func.func",
  run() { throw new TypeError("kaboom"); },
});
const Breaker = definePass({
  argument: "test-break-ir",
  summary: "Moves a return before the ops it uses",
  anchor: "func.func",
  run(fn) {
    walk(fn, (op) => { if (op.name === "func.return" && op.prev !== null) op.moveBefore(op.parent!.firstOp!); }, "pre");
  },
});
const Opts = definePass({
  argument: "test-options",
  summary: "Has one option of each kind",
  anchor: null,
  options: {
    flag: opt.bool("flag", false, "A flag"),
    count: opt.uint("count", 3, "A count"),
    name: opt.string("name", "a b", "A name"),
    mode: opt.enum("mode", "fast", "A mode", [{ name: "fast", help: "Fast" }, { name: "slow", help: "Slow" }]),
    sizes: opt.list.int("sizes", "Sizes"),
  },
  statistics: { runs: { name: "num-runs", desc: "Times run" } },
  run(_op, { stats }) { stats.runs++; },
});
for (const p of [Boom, Breaker, Opts]) registerPass(p);
if (lookupPassPipeline("test-pipeline") === null) {
  registerPassPipeline("test-pipeline", "cse then canonicalize on functions", (pm) => {
    const r = parsePassPipeline("builtin.module(func.func(cse,canonicalize))");
    if (!r.ok) return r.error.message;
    pm.elements.push(...r.pm.elements);
  });
}

const input = `func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
`;

function run(args: string[], text = input): { stdout: string; stderr: string; exitCode: number } {
  return alloOptMain([...args, "-"], () => text);
}

describe("pass manager", () => {
  it("reports a pass that throws as `pass X failed`, without a stack trace", () => {
    const r = run(["--test-boom"]);
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.contain("error: pass test-boom failed: kaboom");
    expect(r.stderr).not.to.contain("    at ");
  });

  it("writes a reproducer for a crash and replays it with --run-reproducer", () => {
    const dir = mkdtempSync(join(tmpdir(), "allo-repro-"));
    try {
      const path = join(dir, "repro.mlir");
      const r = run(["--cse", "--test-boom", `--mlir-pass-pipeline-crash-reproducer=${path}`]);
      expect(r.exitCode).to.equal(1);
      expect(r.stderr).to.contain("error: Failures have been detected while processing an MLIR pass pipeline");
      expect(r.stderr).to.contain(`Pipeline failed while executing [\`TestBoom\` on 'func.func' operation: @f]: reproducer generated at \`${path}\``);
      const text = readFileSync(path, "utf8");
      expect(text).to.contain('pipeline: "builtin.module(cse, func.func(test-boom))"');
      expect(text).to.contain("      verify_each: true\n");
      const replay = alloOptMain([path, "--run-reproducer"]);
      expect(replay.stderr).to.contain("pass test-boom failed: kaboom");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the pass after which the IR fails to verify (--verify-each), and not with --verify-each=false", () => {
    const r = run(["--test-break-ir"]);
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.contain("note: IR failed to verify after pass 'TestBreakIr' (test-break-ir)");
    expect(run(["--test-break-ir", "--verify-each=false"]).exitCode).to.equal(0);
  });

  it("prints options back sorted, with defaults, strings with spaces in braces, empty lists omitted", () => {
    const p = parsePassPipeline("builtin.module(test-options{count=0x10 flag sizes=1,2,-3})");
    expect(p.ok).to.equal(true);
    if (p.ok) expect(p.pm.toString()).to.equal("builtin.module(test-options{count=16 flag=true mode=fast name={a b} sizes=1,2,-3})");
    const q = parsePassPipeline("builtin.module(test-options{mode=slow name='x'})");
    if (q.ok) expect(q.pm.toString()).to.equal("builtin.module(test-options{count=3 flag=false mode=slow name=x })");
  });

  it("runs named pipelines given as flags or inside pipelines", () => {
    const a = run(["--test-pipeline"]);
    const b = run(["--cse", "--canonicalize"]);
    expect(a.stdout).to.equal(b.stdout);
    expect(run(["-p", "builtin.module(test-pipeline)"]).stdout).to.equal(b.stdout);
  });

  it("lists every pass with its options in --help and --list-passes", () => {
    const help = alloOptMain(["--help"]).stdout;
    const list = alloOptMain(["--list-passes"]).stdout;
    for (const p of registeredPasses()) {
      expect(help).to.contain(`--${p.argument} `);
      expect(list).to.contain(`--${p.argument} `);
      for (const o of Object.values(p.options)) expect(help).to.contain(`--${o.arg}`);
    }
    expect(help).to.contain("    Pass Pipelines:\n");
    expect(help).to.match(/\n {6}--canonicalize +- {3}Canonicalize operations\n/);
  });

  it("prints timing rows and statistics like mlir-opt", () => {
    const t = run(["-p", "builtin.module(func.func(cse),test-options)", "--mlir-timing", "-o", "/dev/null"]).stderr;
    expect(t).to.match(/ {23}\.\.\. Execution time report \.\.\.\n/);
    for (const row of ["Parser", "'func.func' Pipeline", "  CSE", "TestOptions", "Output", "Rest", "Total"]) expect(t).to.contain(`  ${row}\n`);
    const s = run(["-p", "builtin.module(func.func(cse),test-options)", "--mlir-pass-statistics", "-o", "/dev/null"]).stderr;
    expect(s).to.contain("'func.func' Pipeline\n  CSE\n    (S) 1 num-cse'd - Number of operations CSE'd\n    (S) 0 num-dce'd - Number of operations DCE'd\nTestOptions\n  (S) 1 num-runs - Times run\n");
  });

  it("runs a pipeline from the API and collects diagnostics", () => {
    const parsed = parseString(input);
    if (!parsed.ok) throw new Error("parse");
    const p = parsePassPipeline("builtin.module(func.func(test-boom))");
    if (!p.ok) throw new Error(p.error.message);
    const diags: Diagnostic[] = [];
    expect(new PassManager().setPipeline(p.pm).run(parsed.op, (d) => diags.push(d))).to.equal(false);
    expect(diags.map((d) => renderDiagnostic(d)).join("")).to.contain("pass test-boom failed: kaboom");
  });

  it("does not verify again after a pass that changes IR only through pipelines that left it verified", () => {
    // The `tverify` dialect counts the verifications of ops carrying `tverify.mark`.
    let checks = 0;
    if (!registry.hasDialect("tverify")) registry.register({ name: "tverify", ops: [], verifyOperationAttribute: () => { checks++; return null; } });
    const Touch = definePass({ argument: "test-touch", summary: "Changes nothing but does not say so", anchor: null, run() {} });
    const through = (nested: string) => definePass({
      argument: "test-through", summary: "Runs a nested pipeline", anchor: "builtin.module", changesOnlyThroughPipelines: true,
      run(m, ctx) {
        const p = parsePassPipeline(nested);
        if (!p.ok) throw new Error(p.error.message);
        ctx.runPipeline(p.pm, m);
      },
    });
    registerPass(Touch);
    const count = (nested: string): number => {
      const parsed = parseString(`module attributes {tverify.mark} {\n  func.func @f() attributes {tverify.mark} {\n    return\n  }\n}\n`);
      if (!parsed.ok) throw new Error("parse");
      const pm = new PassManager().setPipeline(new OpPassManager("builtin.module"));
      pm.addPass(new Pass(through(nested)));
      checks = 0;
      expect(pm.run(parsed.op, () => {})).to.equal(true);
      return checks;
    };
    // The nested test-touch verifies the module (2 marked ops); the outer pass adds nothing.
    expect(count("builtin.module(test-touch)")).to.equal(2);
    // A nested pipeline ending with a pass on functions verifies only them: the module is verified after the pass.
    expect(count("builtin.module(test-touch,func.func(test-touch))")).to.equal(2 + 1 + 2);
  });

  it("rejects unknown flags and extra positional arguments with a message, not a stack trace", () => {
    const r = alloOptMain(["--no-such-flag", "-"], () => input);
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.match(/^allo-opt: /);
    const w = writeAndRun();
    expect(w.exitCode).to.equal(1);
  });
});

function writeAndRun(): { exitCode: number } {
  const dir = mkdtempSync(join(tmpdir(), "allo-out-"));
  try {
    writeFileSync(join(dir, "in.mlir"), input);
    return alloOptMain([join(dir, "in.mlir"), "-o", join(dir, "no", "such", "dir", "out.mlir")]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
