// Generates the pass benchmark input: affine kernels with work for each pass (duplicated expressions for cse,
// constant chains, dead ops and foldable branches for canonicalize, small constant-trip loops to unroll).
// Usage: node bench/passes/gen.mjs [OUT] [MB]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

function kernel(i) {
  return `func.func @kernel_${i}(%A: memref<64x64xf32>, %B: memref<64x64xf32>, %x: i32, %n: index) -> i32 {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %cst = arith.constant 1.500000e+00 : f32
  %t = arith.constant true
  %a0 = arith.addi %x, %c1 : i32
  %a1 = arith.addi %a0, %c2 : i32
  %a2 = arith.addi %x, %c1 : i32
  %a3 = arith.muli %a1, %a2 : i32
  %dead = arith.muli %a3, %a3 : i32
  %sel = scf.if %t -> (i32) {
    scf.yield %a3 : i32
  } else {
    scf.yield %x : i32
  }
  affine.for %i = 0 to 64 {
    affine.for %j = 0 to 8 {
      %a = affine.load %A[%i, %j] : memref<64x64xf32>
      %b = affine.load %A[%i, %j] : memref<64x64xf32>
      %m = arith.mulf %a, %b : f32
      %s = arith.addf %m, %cst : f32
      %s2 = arith.addf %m, %cst : f32
      %p = arith.mulf %s, %s2 : f32
      affine.store %p, %B[%i, %j + 1] : memref<64x64xf32>
    }
  }
  affine.for %k = 0 to %n {
    %v = affine.load %B[%k, %k] : memref<64x64xf32>
    affine.store %v, %A[%k, 0] : memref<64x64xf32>
  }
  return %sel : i32
}
`;
}

/// Writes about `mb` megabytes of kernels to `path`.
export function generate(path, mb = 10) {
  mkdirSync(dirname(path), { recursive: true });
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1e6; i++) { const s = kernel(i); parts.push(s); bytes += s.length; }
  writeFileSync(path, parts.join(""));
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(generate(process.argv[2] ?? "bench/out/passes-10mb.mlir", Number(process.argv[3] ?? 10)));
