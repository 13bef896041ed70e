// allo-run: .npy inputs and outputs, argument names and positions, clear errors (exit 1, no stack trace).
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readNpy, writeNpy, type NpyArray } from "@allo/target-sim";
import { runRun, type RunOptions } from "../src/run-main.js";

const examples = fileURLToPath(new URL("../../../../shared/spec/examples/", import.meta.url));
const bin = fileURLToPath(new URL("../bin/allo-run.js", import.meta.url));

let dir = "";
function npy(name: string, arr: NpyArray): string {
  const p = join(dir, name);
  writeFileSync(p, writeNpy(arr));
  return p;
}

function run(file: string, o: Partial<RunOptions> = {}): ReturnType<typeof runRun> {
  const text = readFileSync(file, "utf8");
  return runRun({ inputName: file, inputText: text, entry: "", pipeline: "", inputs: [], outputs: [], target: "sim", stats: false, timeoutSeconds: 0, ...o });
}

function runText(text: string, o: Partial<RunOptions> = {}): ReturnType<typeof runRun> {
  return runRun({ inputName: "in.mlir", inputText: text, entry: "", pipeline: "", inputs: [], outputs: [], target: "sim", stats: false, timeoutSeconds: 0, ...o });
}

const f32 = (shape: number[], f: (i: number) => number): NpyArray => ({ dtype: "float32", shape, data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => f(i)) });

describe("allo-run", () => {
  before(() => { dir = mkdtempSync(join(tmpdir(), "allo-run-")); });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it("runs an example on .npy inputs and writes .npy outputs of the right dtype and shape", () => {
    const a = npy("A.npy", f32([16, 16], (i) => i * 0.5));
    const out = join(dir, "B.out.npy");
    const r = run(examples + "producer_consumer.mlir", { inputs: [`A=${a}`], outputs: [`B=${out}`] });
    expect(r.stderr).to.equal("");
    expect(r.exitCode).to.equal(0);
    const b = readNpy(readFileSync(out));
    expect(b.dtype).to.equal("float32");
    expect(b.shape).to.deep.equal([16, 16]);
    expect(Array.from(b.data as Float32Array).slice(0, 4)).to.deep.equal([1, 1.5, 2, 2.5]);
  });

  it("accepts argument positions, %names and zero-initialises arguments without --in", () => {
    const a = npy("A2.npy", { dtype: "uint16", shape: [64], data: Uint16Array.from({ length: 64 }, (_, i) => 65535 - i) });
    const out = join(dir, "B2.npy");
    const r = run(examples + "stream_ui16.mlir", { inputs: [`0=${a}`], outputs: [`%B=${out}`] });
    expect(r.exitCode, r.stderr).to.equal(0);
    const b = readNpy(readFileSync(out));
    expect(b.dtype).to.equal("uint16");
    expect(Array.from(b.data as Uint16Array).slice(0, 3)).to.deep.equal([65535 - 63, 65535 - 62, 65535 - 61]);
  });

  it("runs a func.func with 0-d inputs and writes results", () => {
    const x = npy("x.npy", { dtype: "int8", shape: [], data: Int8Array.from([100]) });
    const out = join(dir, "r.npy");
    const r = runText(`func.func @f(%x: i8) -> i8 {\n  %y = arith.addi %x, %x : i8\n  return %y : i8\n}\n`, { inputs: [`x=${x}`], outputs: [`result0=${out}`] });
    expect(r.exitCode, r.stderr).to.equal(0);
    const v = readNpy(readFileSync(out));
    expect(v.dtype).to.equal("int8");
    expect(v.shape).to.deep.equal([]);
    expect(v.data[0]).to.equal(-56);
  });

  it("reports a missing input file", () => {
    const r = run(examples + "producer_consumer.mlir", { inputs: [`A=${join(dir, "nope.npy")}`] });
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.contain("cannot open input file");
    expect(r.stderr).to.contain("No such file or directory");
  });

  it("reports a wrong shape or dtype", () => {
    const bad = npy("bad.npy", f32([16, 15], () => 0));
    const r1 = run(examples + "producer_consumer.mlir", { inputs: [`A=${bad}`] });
    expect(r1.exitCode).to.equal(1);
    expect(r1.stderr).to.contain("error: input 'A' has shape [16, 15], expected [16, 16]");
    const i32 = npy("i32.npy", { dtype: "int32", shape: [16, 16], data: new Int32Array(256) });
    const r2 = run(examples + "producer_consumer.mlir", { inputs: [`A=${i32}`] });
    expect(r2.exitCode).to.equal(1);
    expect(r2.stderr).to.contain("error: input 'A' has dtype int32, expected float32 for memref<16x16xf32>");
    const junk = join(dir, "junk.npy");
    writeFileSync(junk, "not an npy file");
    const r3 = run(examples + "producer_consumer.mlir", { inputs: [`A=${junk}`] });
    expect(r3.exitCode).to.equal(1);
    expect(r3.stderr).to.contain("bad magic string");
  });

  it("reports unknown names", () => {
    const r = run(examples + "producer_consumer.mlir", { outputs: [`Z=${join(dir, "z.npy")}`] });
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.equal("allo-run: error: '@top' has no argument or result named 'Z' (arguments: %A, %B)\n");
    const r2 = run(examples + "producer_consumer.mlir", { inputs: [`Q=${join(dir, "A.npy")}`] });
    expect(r2.stderr).to.contain("error: '@top' has no argument named 'Q' (arguments: %A, %B)");
    const r3 = run(examples + "producer_consumer.mlir", { entry: "nope" });
    expect(r3.stderr).to.contain("error: no df.region, hw.design or func.func named '@nope' to run");
  });

  it("reports unsupported ops at their location", () => {
    const r = runText(`func.func @f(%A: memref<4xf32>) -> index {\n  %p = memref.extract_aligned_pointer_as_index %A : memref<4xf32> -> index\n  return %p : index\n}\n`);
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.contain("in.mlir:2:8: error: the simulator does not support operation 'memref.extract_aligned_pointer_as_index'");
    expect(r.stderr).to.contain("  %p = memref.extract_aligned_pointer_as_index");
  });

  it("reports parse errors, unknown targets and deadlocks with source lines", () => {
    const p = runText(`func.func @f( {\n`);
    expect(p.exitCode).to.equal(1);
    expect(p.stderr).to.match(/^in\.mlir:1:\d+: error: /);
    const t = run(examples + "producer_consumer.mlir", { target: "fpga" });
    expect(t.exitCode).to.equal(1);
    expect(t.stderr).to.match(/unknown target 'fpga' \(available: sim(, [a-z-]+)*\)/);
    const d = runText(`df.region @top() {\n  %s = df.stream : !df.stream<i32, 1>\n  df.kernel @c mapping [1] {\n    %v = df.get %s : !df.stream<i32, 1>\n  }\n}\n`);
    expect(d.exitCode).to.equal(1);
    expect(d.stderr).to.contain("in.mlir:1:1: error: deadlock: 1 of 1 instances are blocked and none can proceed\ndf.region @top() {\n^\n");
    expect(d.stderr).to.contain("in.mlir:4:10: note: instance @c is blocked in 'df.get' on stream 's' (get on an empty FIFO)\n    %v = df.get %s : !df.stream<i32, 1>\n         ^\n");
  });

  it("stops a run that does not finish within --timeout, naming the instance that was running", () => {
    const spin = [
      "df.region @top() {", "  %s = df.stream : !df.stream<i32, 2>", "  df.kernel @spin mapping [2] {",
      "    %c0 = arith.constant 0 : i32", "    %r = scf.while (%x = %c0) : (i32) -> i32 {", "      %t = arith.constant true",
      "      scf.condition(%t) %x : i32", "    } do {", "    ^bb0(%y: i32):", "      scf.yield %y : i32", "    }",
      "    df.put %s, %r : !df.stream<i32, 2>", "  }", "  df.kernel @wait mapping [1] {", "    %v = df.get %s : !df.stream<i32, 2>", "  }", "}", "",
    ].join("\n");
    const r = runText(spin, { timeoutSeconds: 0.3 });
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.contain("in.mlir:1:1: error: the run did not finish within 0.3 s (see --timeout): 3 of 3 instances had not finished\n");
    expect(r.stderr).to.contain("in.mlir:3:3: note: instance @spin[0] was running\n");
    expect(r.stderr).to.contain("note: instance @spin[1] was ready to run\n");
    expect(r.stderr).to.contain("in.mlir:14:3: note: instance @wait was ready to run\n");
    const cli = spawnSync(process.execPath, [bin, "-", "--timeout", "0.3"], { input: spin, encoding: "utf8" });
    expect(cli.status).to.equal(1);
    expect(cli.stderr).to.contain("<stdin>:1:1: error: the run did not finish within 0.3 s");
    for (const bad of [["--timeout", "abc"], ["--timeout=-1"]]) {
      const r2 = spawnSync(process.execPath, [bin, "-", ...bad], { input: spin, encoding: "utf8" });
      expect(r2.status).to.equal(1);
      expect(r2.stderr).to.equal("allo-run: --timeout expects a number of seconds, 0 or more (0 for no limit)\n");
    }
  });

  it("runs a pass pipeline first and keeps the argument names", () => {
    const a = npy("A4.npy", f32([16, 16], (i) => i));
    const out = join(dir, "B4.npy");
    const r = run(examples + "producer_consumer.mlir", { pipeline: "df-to-hw", inputs: [`A=${a}`], outputs: [`B=${out}`] });
    expect(r.exitCode, r.stderr).to.equal(0);
    expect((readNpy(readFileSync(out)).data as Float32Array)[7]).to.equal(8);
    const bad = run(examples + "producer_consumer.mlir", { pipeline: "builtin.module(no-such-pass)" });
    expect(bad.exitCode).to.equal(1);
    expect(bad.stderr).to.contain("'no-such-pass' does not refer to a registered pass or pass pipeline");
  });

  it("takes the size of a dynamic memref from its input", () => {
    const src = `func.func @f(%A: memref<?xi32>) {\n  %c0 = arith.constant 0 : index\n  %n = memref.dim %A, %c0 : memref<?xi32>\n  %one = arith.constant 1 : i32\n  scf.for %i = %c0 to %n step %n {\n    memref.store %one, %A[%i] : memref<?xi32>\n  }\n  return\n}\n`;
    const a = npy("dyn.npy", { dtype: "int32", shape: [5], data: Int32Array.from([9, 9, 9, 9, 9]) });
    const out = join(dir, "dyn.out.npy");
    const r = runText(src, { inputs: [`A=${a}`], outputs: [`A=${out}`] });
    expect(r.exitCode, r.stderr).to.equal(0);
    expect(Array.from(readNpy(readFileSync(out)).data as Int32Array)).to.deep.equal([1, 9, 9, 9, 9]);
    const none = runText(src);
    expect(none.exitCode).to.equal(1);
    expect(none.stderr).to.contain("argument 'A' of type memref<?xi32> needs an input (--in)");
  });

  it("prints statistics on request", () => {
    const r = run(examples + "systolic.mlir", { stats: true });
    expect(r.exitCode).to.equal(0);
    expect(r.stderr).to.match(/allo-run: 36 instances, 640 stream operations in [0-9.]+ ms/);
  });

  it("runs as a command: exit codes, no stack traces, outputs written", function () {
    if (!existsSync(bin)) this.skip();
    this.timeout(30000);
    const a = npy("A3.npy", f32([16, 16], (i) => i));
    const out = join(dir, "B3.npy");
    const ok = spawnSync(process.execPath, [bin, examples + "producer_consumer.mlir", "--in", `A=${a}`, "--out", `B=${out}`], { encoding: "utf8" });
    expect(ok.status, ok.stderr).to.equal(0);
    expect((readNpy(readFileSync(out)).data as Float32Array)[5]).to.equal(6);
    for (const args of [
      [examples + "producer_consumer.mlir", "--in", "A=/nonexistent.npy"],
      [join(dir, "missing.mlir")],
      [examples + "producer_consumer.mlir", "--in", "A"],
      [examples + "producer_consumer.mlir", "--bogus-flag"],
    ]) {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
      expect(r.status, args.join(" ")).to.equal(1);
      expect(r.stderr).to.match(/allo-run: |error: /);
      expect(r.stderr).to.not.contain("    at ");
    }
  });
});
