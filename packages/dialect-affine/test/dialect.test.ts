// The affine dialect's records: registration, memory effects, accessors and the dim/symbol validity API.
import { expect } from "chai";
import { memoryEffectsOf } from "@allo/dialect-std";
import { parseString, registry, walk, type Operation } from "@allo/ir-core";
import "./helpers.js";
import { AffineDialect, forOp, isValidDim, isValidSymbol, parallelOp } from "@allo/dialect-affine";

function parse(text: string): Operation {
  const r = parseString(text, "input.mlir", { allowUnregistered: true });
  if (!r.ok) throw new Error(r.diagnostics.map(String).join("\n"));
  return r.op;
}

function find(root: Operation, name: string): Operation[] {
  const out: Operation[] = [];
  walk(root, (o) => { if (o.name === name) out.push(o); }, "pre");
  return out;
}

describe("affine: dialect records", () => {
  it("registers every op of MLIR 19's affine dialect", () => {
    const names = AffineDialect.ops.map((d) => d.name).sort();
    expect(names).to.deep.equal([
      "affine.apply", "affine.delinearize_index", "affine.dma_start", "affine.dma_wait", "affine.for", "affine.if", "affine.load",
      "affine.max", "affine.min", "affine.parallel", "affine.prefetch", "affine.store", "affine.vector_load", "affine.vector_store",
      "affine.yield",
    ]);
    for (const n of names) expect(registry.lookupOp(n)).to.not.equal(null);
  });

  it("states memory effects as the memref dialect does", () => {
    const m = parse(`func.func @f(%A: memref<8xf32>, %B: memref<8xf32>, %T: memref<1xi32>, %n: index) {
  affine.for %i = 0 to 8 {
    %v = affine.load %A[%i] : memref<8xf32>
    affine.store %v, %B[%i] : memref<8xf32>
    affine.dma_start %A[%i], %B[%i], %T[0], %n : memref<8xf32>, memref<8xf32>, memref<1xi32>
  }
  return
}`);
    const fn = find(m, "func.func")[0];
    const [A, B, T] = fn.regions[0].entry.args;
    expect(memoryEffectsOf(find(m, "affine.load")[0])!.map((e) => [e.kind, e.value])).to.deep.equal([["read", A]]);
    expect(memoryEffectsOf(find(m, "affine.store")[0])!.map((e) => [e.kind, e.value])).to.deep.equal([["write", B]]);
    expect(memoryEffectsOf(find(m, "affine.dma_start")[0])!.map((e) => [e.kind, e.value])).to.deep.equal([["read", A], ["write", B], ["read", T]]);
    // affine.for has the effects of its body.
    expect(memoryEffectsOf(find(m, "affine.for")[0])!.map((e) => e.kind)).to.deep.equal(["read", "write", "read", "write", "read"]);
  });

  it("reads loop bounds, steps and operand groups", () => {
    const m = parse(`func.func @f(%n: index, %x: f32) {
  %r = affine.for %i = 2 to %n step 3 iter_args(%a = %x) -> (f32) {
    affine.parallel (%p, %q) = (0, max(%i, 1)) to (%n, 8) step (1, 2) {
    }
    affine.yield %a : f32
  }
  return
}`);
    const f = find(m, "affine.for")[0];
    const n = find(m, "func.func")[0].regions[0].entry.args[0];
    expect(forOp.step(f)).to.equal(3);
    expect(forOp.hasConstantLowerBound(f)).to.equal(true);
    expect(forOp.constantLowerBound(f)).to.equal(2);
    expect(forOp.upperBoundOperands(f)).to.deep.equal([n]);
    expect(forOp.inits(f).length).to.equal(1);
    expect(forOp.trivialConstantTripCount(f)).to.equal(null);
    const p = find(m, "affine.parallel")[0];
    expect(parallelOp.steps(p)).to.deep.equal([1, 2]);
    expect(parallelOp.lowerBoundsGroups(p)).to.deep.equal([1, 2]);
    expect(parallelOp.upperBoundsGroups(p)).to.deep.equal([1, 1]);
    expect(String(parallelOp.lowerBoundsMap(p))).to.equal("(d0) -> (0, d0, 1)");
  });

  it("classifies values as dims and symbols", () => {
    const m = parse(`func.func @f(%n: index) {
  %c = arith.constant 4 : index
  affine.for %i = 0 to 8 {
    %k = arith.constant 2 : index
    %s = affine.apply affine_map<()[s0] -> (s0 + 1)>()[%n]
    %d = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
    %x = "test.op"() : () -> index
    "test.use"(%k, %s, %d, %x) : (index, index, index, index) -> ()
  }
  return
}`);
    const n = find(m, "func.func")[0].regions[0].entry.args[0];
    const iv = forOp.inductionVar(find(m, "affine.for")[0]);
    const [k, s, d, x] = find(m, "test.use")[0].operandValues();
    const c = find(m, "arith.constant")[0].results[0];
    expect([n, c, k, s].map(isValidSymbol)).to.deep.equal([true, true, true, true]);
    expect([iv, d, x].map(isValidSymbol)).to.deep.equal([false, false, false]);
    expect([n, iv, d, k, s].map(isValidDim)).to.deep.equal([true, true, true, true, true]);
    expect(isValidDim(x)).to.equal(false);
  });
});
