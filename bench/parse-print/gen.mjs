// Generates the parse/print benchmark inputs: affine-dialect files (custom form) and df-like
// unregistered generic files of a given size. Usage: node gen.mjs OUTDIR [sizesMB...]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function affineFunc(i) {
  return `func.func @kernel_${i}(%A: memref<64x64xf32>, %B: memref<64x64xf32>, %C: memref<64x64xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %cst = arith.constant 1.500000e+00 : f32
  affine.for %i = 0 to 64 {
    affine.for %j = 0 to 64 step 2 {
      %a = affine.load %A[%i, %j] : memref<64x64xf32>
      %b = affine.load %B[%j, %i + 1] : memref<64x64xf32>
      %m = arith.mulf %a, %b : f32
      %s = arith.addf %m, %cst : f32
      affine.for %k = max affine_map<(d0) -> (0, d0 - 8)>(%i) to min affine_map<(d0)[s0] -> (64, d0 + 8, s0)>(%i)[%n] {
        %c = affine.load %C[%i, %k] : memref<64x64xf32>
        %d = arith.addf %c, %s : f32
        affine.store %d, %C[%i, %k] : memref<64x64xf32>
      }
      %x = arith.index_cast %j : index to i32
      %y = arith.muli %x, %x : i32
      %z = arith.cmpi slt, %y, %x : i32
    }
  }
  return
}
`;
}

function dfRegion(i) {
  return `"df.region"() <{function_type = (memref<16x16xf32>, memref<16x16xf32>) -> (), sym_name = "top_${i}"}> ({
^bb0(%arg0: memref<16x16xf32>, %arg1: memref<16x16xf32>):
  %0 = "df.stream"() : () -> !df.stream<f32, 4>
  "df.kernel"(%arg0) <{mapping = [1], sym_name = "producer_${i}"}> ({
  ^bb0(%arg2: memref<16x16xf32>):
    %1 = "arith.constant"() <{value = 0 : index}> : () -> index
    %2 = "memref.load"(%arg2, %1, %1) : (memref<16x16xf32>, index, index) -> f32
    "df.put"(%0, %2) : (!df.stream<f32, 4>, f32) -> ()
    "df.yield"() : () -> ()
  }) : (memref<16x16xf32>) -> ()
  "df.kernel"(%arg1) <{mapping = [1], sym_name = "consumer_${i}"}> ({
  ^bb0(%arg2: memref<16x16xf32>):
    %1 = "arith.constant"() <{value = 0 : index}> : () -> index
    %2 = "df.get"(%0) : (!df.stream<f32, 4>) -> f32
    "memref.store"(%2, %arg2, %1, %1) : (f32, memref<16x16xf32>, index, index) -> ()
    "df.yield"() : () -> ()
  }) : (memref<16x16xf32>) -> ()
}) : () -> ()
`;
}

/// Writes `kind-<size>mb.mlir` files of about the requested sizes.
export function generate(outDir, sizesMB = [1, 10, 50]) {
  mkdirSync(outDir, { recursive: true });
  const files = [];
  for (const [kind, make, wrap] of [["affine", affineFunc, false], ["df-generic", dfRegion, true]]) {
    for (const mb of sizesMB) {
      const parts = [];
      let bytes = 0;
      for (let i = 0; bytes < mb * 1e6; i++) { const s = make(i); parts.push(s); bytes += s.length; }
      const text = wrap ? `"builtin.module"() ({\n${parts.join("")}}) : () -> ()\n` : parts.join("");
      const path = join(outDir, `${kind}-${mb}mb.mlir`);
      writeFileSync(path, text);
      files.push({ kind, mb, path, bytes: text.length, unregistered: wrap });
    }
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(3).map(Number);
  for (const f of generate(process.argv[2] ?? "bench/out", sizes.length ? sizes : undefined)) console.log(f.path, f.bytes);
}
