// Times `allo-opt --pass-pipeline='builtin.module(df-to-hw)'` on the spec's systolic array grown to NxN interior
// PEs (K = 8) and records time, peak RSS and the scaling ratio in bench/RESULTS.md.
// Usage: node bench/df-to-hw/run.mjs [--sizes 32,64,128]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const i = args.indexOf("--sizes");
const sizes = (i >= 0 ? args[i + 1] : "32,64,128").split(",").map(Number);
const ALLO_OPT = join(root, "packages/opt-cli/dist/allo-opt.js");

/// The spec's systolic example (examples/systolic.mlir) with an n x n interior and reduction length k.
function systolic(n, k) {
  const g = n + 2;
  const s = `!df.stream_array<[${g}, ${g}], f32, 4>`;
  return `df.region @top(%A: memref<${n}x${k}xf32>, %B: memref<${k}x${n}xf32>, %C: memref<${n}x${n}xf32>) {
  %fifo_A = df.stream : ${s}
  %fifo_B = df.stream : ${s}
  df.kernel @gemm mapping [${g}, ${g}] args(%A, %B, %C) : memref<${n}x${k}xf32>, memref<${k}x${n}xf32>, memref<${n}x${n}xf32> {
  ^bb0(%lA: memref<${n}x${k}xf32>, %lB: memref<${k}x${n}xf32>, %lC: memref<${n}x${n}xf32>):
    %i, %j = df.get_pid : index, index
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cl = arith.constant ${g - 1} : index
    %i_is0 = arith.cmpi eq, %i, %c0 : index
    %i_isl = arith.cmpi eq, %i, %cl : index
    %j_is0 = arith.cmpi eq, %j, %c0 : index
    %j_isl = arith.cmpi eq, %j, %cl : index
    %i_edge = arith.ori %i_is0, %i_isl : i1
    %j_edge = arith.ori %j_is0, %j_isl : i1
    %corner = arith.andi %i_edge, %j_edge : i1
    %in = arith.addi %i, %c1 : index
    %jn = arith.addi %j, %c1 : index
    %im = arith.subi %i, %c1 : index
    %jm = arith.subi %j, %c1 : index
    df.meta_if %corner {
    } else {
      df.meta_if %j_is0 {
        affine.for %k = 0 to ${k} {
          %a = memref.load %lA[%im, %k] : memref<${n}x${k}xf32>
          df.put %fifo_A[%i, %jn], %a : ${s}
        }
      } else {
        df.meta_if %i_is0 {
          affine.for %k = 0 to ${k} {
            %b = memref.load %lB[%k, %jm] : memref<${k}x${n}xf32>
            df.put %fifo_B[%in, %j], %b : ${s}
          }
        } else {
          df.meta_if %j_isl {
            affine.for %k = 0 to ${k} {
              %a = df.get %fifo_A[%i, %j] : ${s}
            }
          } else {
            df.meta_if %i_isl {
              affine.for %k = 0 to ${k} {
                %b = df.get %fifo_B[%i, %j] : ${s}
              }
            } else {
              %zero = arith.constant 0.0 : f32
              %c = affine.for %k = 0 to ${k} iter_args(%acc = %zero) -> (f32) {
                %a = df.get %fifo_A[%i, %j] : ${s}
                %b = df.get %fifo_B[%i, %j] : ${s}
                %p = arith.mulf %a, %b : f32
                %q = arith.addf %acc, %p : f32
                df.put %fifo_A[%i, %jn], %a : ${s}
                df.put %fifo_B[%in, %j], %b : ${s}
                affine.yield %q : f32
              }
              memref.store %c, %lC[%im, %jm] : memref<${n}x${n}xf32>
            }
          }
        }
      }
    }
  }
}
`;
}

const out = join(root, "bench/out");
mkdirSync(out, { recursive: true });
const rows = [];
for (const n of sizes) {
  const path = join(out, `systolic-${n}.mlir`);
  writeFileSync(path, systolic(n, 8));
  const t0 = process.hrtime.bigint();
  const p = spawnSync("/usr/bin/time", ["-f", "%M", "node", ALLO_OPT, path, "--pass-pipeline=builtin.module(df-to-hw)", "-o", "/dev/null"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (p.status !== 0) throw new Error(`df-to-hw failed on ${n}x${n}: ${p.stderr.slice(0, 400)}`);
  const rss = Number(p.stderr.trim().split("\n").pop()) / 1024;
  rows.push({ n, pes: (n + 2) * (n + 2), secs, rss });
  console.log(n, secs.toFixed(2), "s", rss.toFixed(0), "MB");
}
let table = "| interior PEs | instances | wall s | peak RSS MB | time / previous |\n|---|---|---|---|---|\n";
rows.forEach((r, k) => {
  table += `| ${r.n}x${r.n} | ${r.pes} | ${r.secs.toFixed(2)} | ${r.rss.toFixed(0)} | ${k ? (r.secs / rows[k - 1].secs).toFixed(2) + "x" : ""} |\n`;
});
const section = `## df-to-hw scaling\n\nMeasured ${new Date().toISOString().slice(0, 10)} with \`node bench/df-to-hw/run.mjs\`: \`allo-opt --pass-pipeline='builtin.module(df-to-hw)'\` on the spec's systolic array with an NxN interior (K = 8), wall time including start-up, one run each. Targets: < 2 s at 64x64; 128x128 / 64x64 <= 4.5x (the PE count grows 3.9x).\n\n${table}`;
const resultsPath = join(root, "bench/RESULTS.md");
let results = existsSync(resultsPath) ? readFileSync(resultsPath, "utf8") : "# Benchmark results\n\n";
const at = results.indexOf("## df-to-hw scaling");
if (at >= 0) {
  const end = results.indexOf("\n## ", at + 1);
  results = results.slice(0, at) + section + (end >= 0 ? results.slice(end + 1) : "");
} else results += "\n" + section;
writeFileSync(resultsPath, results);
