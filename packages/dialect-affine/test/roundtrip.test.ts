// Round trips of every affine op in custom and generic form, byte-compared with mlir-opt-19.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { hasMlirOpt, inputsDir, mlirFlags, ours, requireMlirOpt, runMlirOpt, splitChunks } from "./helpers.js";

const opsFile = readFileSync(join(inputsDir, "ops.mlir"), "utf8");
const opts = { allowUnregistered: true };

function name(text: string): string {
  const m = /func\.func @([\w]+)/.exec(text);
  return m === null ? "chunk" : m[1];
}

describe("affine: round trips (inputs/ops.mlir)", function () {
  this.timeout(60_000);
  for (const c of splitChunks(opsFile)) {
    describe(name(c.text), () => {
      it("custom form is a fixed point and the generic form reparses to it", () => {
        const custom = ours(c.text, opts);
        expect(custom.diags.map(String)).to.deep.equal([]);
        expect(ours(custom.out, opts).out).to.equal(custom.out);
        const generic = ours(c.text, { ...opts, generic: true });
        expect(generic.diags.map(String)).to.deep.equal([]);
        expect(ours(generic.out, opts).out).to.equal(custom.out);
        expect(ours(generic.out, { ...opts, generic: true }).out).to.equal(generic.out);
      });
      it("custom form equals mlir-opt-19's", function () {
        requireMlirOpt(this);
        const r = runMlirOpt(c.text, mlirFlags(opts));
        expect(r.status, r.err).to.equal(0);
        expect(ours(c.text, opts).out).to.equal(r.out);
      });
      it("generic form equals mlir-opt-19's", function () {
        requireMlirOpt(this);
        const r = runMlirOpt(c.text, mlirFlags({ ...opts, generic: true }));
        expect(r.status, r.err).to.equal(0);
        expect(ours(c.text, { ...opts, generic: true }).out).to.equal(r.out);
      });
    });
  }

  it("whole file with --split-input-file equals mlir-opt-19's", function () {
    requireMlirOpt(this);
    const o = { ...opts, split: true };
    expect(ours(opsFile, o).out).to.equal(runMlirOpt(opsFile, mlirFlags(o)).out);
    expect(ours(opsFile, { ...o, generic: true }).out).to.equal(runMlirOpt(opsFile, mlirFlags({ ...o, generic: true })).out);
  });
});

// Outputs recorded from mlir-opt-19, so these run without it.
describe("affine: printed forms (recorded from mlir-opt-19)", () => {
  const cases: [string, string, string][] = [
    [
      "loop with map bounds, min/max and subscripts",
      `#ub = affine_map<(d0)[s0] -> (d0 + s0, 128)>
func.func @f(%A: memref<16x16xf32>, %n: index) {
  affine.for %i = 0 to 16 {
    affine.for %j = max affine_map<(d0) -> (0, d0 - 3)>(%i) to min #ub(%i)[%n] step 2 {
      %v = affine.load %A[%i * 4 + %j - 3, symbol(%n)] : memref<16x16xf32>
      affine.store %v, %A[%j, %i] : memref<16x16xf32>
    }
  }
  return
}`,
      `#map = affine_map<(d0) -> (0, d0 - 3)>
#map1 = affine_map<(d0)[s0] -> (d0 + s0, 128)>
module {
  func.func @f(%arg0: memref<16x16xf32>, %arg1: index) {
    affine.for %arg2 = 0 to 16 {
      affine.for %arg3 = max #map(%arg2) to min #map1(%arg2)[%arg1] step 2 {
        %0 = affine.load %arg0[%arg2 * 4 + %arg3 - 3, symbol(%arg1)] : memref<16x16xf32>
        affine.store %0, %arg0[%arg3, %arg2] : memref<16x16xf32>
      }
    }
    return
  }
}

`,
    ],
    [
      "iter_args and if with results",
      `func.func @g(%x: f32, %n: index) -> f32 {
  %r = affine.for %i = 0 to %n iter_args(%acc = %x) -> (f32) {
    %y = affine.if affine_set<(d0) : (d0 - 2 >= 0)>(%i) -> f32 {
      affine.yield %acc : f32
    } else {
      affine.yield %x : f32
    }
    affine.yield %y : f32
  }
  return %r : f32
}`,
      `#set = affine_set<(d0) : (d0 - 2 >= 0)>
module {
  func.func @g(%arg0: f32, %arg1: index) -> f32 {
    %0 = affine.for %arg2 = 0 to %arg1 iter_args(%arg3 = %arg0) -> (f32) {
      %1 = affine.if #set(%arg2) -> f32 {
        affine.yield %arg3 : f32
      } else {
        affine.yield %arg0 : f32
      }
      affine.yield %1 : f32
    }
    return %0 : f32
  }
}

`,
    ],
    [
      "parallel with min/max groups and steps",
      `func.func @p(%N: index, %M: index) {
  affine.parallel (%i, %j) = (0, max(%N, 2)) to (%M, min(%N + 4, 64)) step (2, 3) {
  }
  return
}`,
      `module {
  func.func @p(%arg0: index, %arg1: index) {
    affine.parallel (%arg2, %arg3) = (0, max(%arg0, 2)) to (%arg1, min(%arg0 + 4, 64)) step (2, 3) {
    }
    return
  }
}

`,
    ],
  ];
  for (const [title, input, expected] of cases) {
    it(title, () => {
      const r = ours(input);
      expect(r.diags.map(String)).to.deep.equal([]);
      expect(r.out).to.equal(expected);
      if (hasMlirOpt) expect(runMlirOpt(input, []).out).to.equal(expected);
    });
  }
});
