// memref dialect: custom/generic round trips byte-compared with mlir-opt-19 and its corpus outputs, verifier diagnostics, memory effects.
import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseString, registry, walk, type Operation } from "@allo/ir-core";
import { memoryEffectsOf } from "@allo/dialect-std";

import { corpusDir, describeInvalid, ours, requireMlirOpt, theirs } from "./mlir-opt-support.js";

function parse(text: string): Operation {
  const r = parseString(text, "input.mlir");
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.op;
}

const inputs: Record<string, string> = {
  every_op: `
func.func @f(%m: memref<4x?xf32>, %i: index, %j: index, %v: f32, %u: memref<*xf32>, %b: memref<2048xi8>) {
  %0 = memref.alloc(%i) : memref<4x?xf32>
  %1 = memref.alloca() {alignment = 64 : i64} : memref<8xf32>
  %2 = memref.load %m[%i, %j] : memref<4x?xf32>
  %3 = memref.load %m[%i, %j] {nontemporal = true} : memref<4x?xf32>
  memref.store %v, %m[%i, %j] : memref<4x?xf32>
  %4 = memref.dim %m, %i : memref<4x?xf32>
  %5 = memref.rank %u : memref<*xf32>
  %6 = memref.cast %m : memref<4x?xf32> to memref<?x?xf32>
  %7 = memref.subview %m[0, %i][2, 2][1, 1] : memref<4x?xf32> to memref<2x2xf32, strided<[?, 1], offset: ?>>
  memref.copy %0, %m : memref<4x?xf32> to memref<4x?xf32>
  %8 = memref.get_global @g : memref<2xf32>
  %9 = memref.reinterpret_cast %m to offset: [0], sizes: [%i, 4], strides: [4, 1] : memref<4x?xf32> to memref<?x4xf32, strided<[4, 1]>>
  %10 = memref.collapse_shape %1 [[0]] : memref<8xf32> into memref<8xf32>
  %11 = memref.expand_shape %1 [[0, 1]] output_shape [2, 4] : memref<8xf32> into memref<2x4xf32>
  %12 = memref.view %b[%i][%j] : memref<2048xi8> to memref<?x4xf32>
  memref.assume_alignment %m, 16 : memref<4x?xf32>
  %13 = memref.extract_aligned_pointer_as_index %m : memref<4x?xf32> -> index
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %m : memref<4x?xf32> -> memref<f32>, index, index, index, index, index
  %14 = memref.atomic_rmw addf %v, %1[%i] : (f32, memref<8xf32>) -> f32
  memref.prefetch %m[%i, %j], read, locality<3>, data : memref<4x?xf32>
  %15 = memref.transpose %m (i, j) -> (j, i) : memref<4x?xf32> to memref<?x4xf32, strided<[1, ?]>>
  %16 = memref.memory_space_cast %m : memref<4x?xf32> to memref<4x?xf32, 1>
  memref.dealloc %0 : memref<4x?xf32>
  memref.alloca_scope {
    %a = memref.alloca() : memref<4xf32>
  }
  %17 = memref.alloca_scope -> (f32) {
    memref.alloca_scope.return %v : f32
  }
  %18 = memref.generic_atomic_rmw %1[%i] : memref<8xf32> {
  ^bb0(%cur : f32):
    memref.atomic_yield %cur : f32
  }
  %19 = memref.realloc %1 : memref<8xf32> to memref<16xf32>
  return
}
memref.global "private" @g : memref<2xf32> = dense<[0.0, 2.0]>
memref.global @z : memref<3xf16> = uninitialized
memref.global constant @c : memref<2xi32> = dense<1> {alignment = 64}
memref.global "private" @y : memref<4xi32>
`,
  layouts_and_dynamic: `
#map = affine_map<(d0, d1)[s0] -> (d0 * 64 + s0 + d1)>
func.func @g(%i: index, %j: index, %u: memref<*xf32>, %s: memref<2xi32>, %v: f32, %w: i32) {
  %0 = memref.alloc(%i)[%j] : memref<8x?xf32, #map, 1>
  %1 = memref.alloc()[%i] {alignment = 8 : i64} : memref<8x64xf32, strided<[64, 1], offset: ?>>
  %2 = memref.alloca(%i, %j) : memref<?x?xf32>
  %3 = memref.subview %2[%i, 0][1, %j][1, 1] : memref<?x?xf32> to memref<?xf32, strided<[1], offset: ?>>
  %4 = memref.subview %2[0, 0][4, 4][2, 2] : memref<?x?xf32> to memref<4x4xf32, strided<[?, 2]>>
  %5 = memref.reinterpret_cast %u to offset: [%i], sizes: [10, %j], strides: [%j, 1] : memref<*xf32> to memref<10x?xf32, strided<[?, 1], offset: ?>>
  %6 = memref.expand_shape %2 [[0, 1], [2]] output_shape [%i, 4, %j] : memref<?x?xf32> into memref<?x4x?xf32>
  %7 = memref.collapse_shape %6 [[0, 1, 2]] : memref<?x4x?xf32> into memref<?xf32>
  %8 = memref.reshape %2(%s) : (memref<?x?xf32>, memref<2xi32>) -> memref<?x?xf32>
  %9 = memref.atomic_rmw maxs %w, %s[%i] : (i32, memref<2xi32>) -> i32
  %10 = memref.cast %u : memref<*xf32> to memref<4xf32>
  %11 = memref.load %1[%i, %j] {nontemporal = true, x.y = 3} : memref<8x64xf32, strided<[64, 1], offset: ?>>
  memref.dma_start %1[%i, %j], %2[%i, %j], %i, %s[%i], %j, %i : memref<8x64xf32, strided<[64, 1], offset: ?>>, memref<?x?xf32>, memref<2xi32>
  memref.dma_wait %s[%i], %j : memref<2xi32>
  %12:2 = memref.alloca_scope -> (f32, i32) {
    memref.alloca_scope.return %v, %w : f32, i32
  } {scope.attr}
  %13 = memref.subview %0[0, 0][8, 4][1, 1] : memref<8x?xf32, #map, 1> to memref<8x4xf32, strided<[64, 1], offset: ?>, 1>
  %14 = memref.subview %2[%i, 0][1, 1][1, 1] : memref<?x?xf32> to memref<1xf32, strided<[?], offset: ?>>
  return
}
memref.global "public" constant @a : memref<2x2xf32> = dense<[[1.0, 2.0], [3.0, 4.0]]>
memref.global "nested" @b : memref<f32> = dense<1.0> {x}
`,
  canonical_types_and_bodies: `
func.func @atomic(%m: memref<10xf32>, %i: index) -> f32 {
  %x = memref.generic_atomic_rmw %m[%i] : memref<10xf32> {
  ^bb0(%cur : f32):
    %c1 = arith.constant 1.0 : f32
    %inc = arith.addf %c1, %cur : f32
    memref.atomic_yield %inc : f32
  }
  return %x : f32
}
func.func @ident(%a: memref<4xf32, affine_map<(d0) -> (d0)>>, %b: memref<4xf32, 0>, %c: memref<*xf32, 3>) {
  %0 = memref.alloc() : memref<4x4xf32, affine_map<(d0, d1) -> (d0, d1)>, 0>
  memref.dealloc %c : memref<*xf32, 3>
  %1 = memref.transpose %0 (i, j) -> (j, i) : memref<4x4xf32> to memref<4x4xf32, affine_map<(d0, d1) -> (d1 * 4 + d0)>>
  return
}
`,
};

describe("memref: round trips", () => {
  for (const [name, text] of Object.entries(inputs)) {
    describe(name, () => {
      it("custom form is a fixed point and the generic form reparses to it", () => {
        const custom = ours(text);
        expect(custom.diags.map((d) => d.message)).to.deep.equal([]);
        expect(ours(custom.out).out).to.equal(custom.out);
        const generic = ours(text, { generic: true });
        expect(generic.diags.map((d) => d.message)).to.deep.equal([]);
        expect(ours(generic.out).out).to.equal(custom.out);
        expect(ours(generic.out, { generic: true }).out).to.equal(generic.out);
      });
      it("custom form equals mlir-opt-19's", function () {
        requireMlirOpt(this);
        expect(ours(text).out).to.equal(theirs(text));
      });
      it("generic form equals mlir-opt-19's", function () {
        requireMlirOpt(this);
        expect(ours(text, { generic: true }).out).to.equal(theirs(text, { generic: true }));
      });
    });
  }
});

describe("memref: printed details", () => {
  it("names results as MLIR does", () => {
    const out = ours(inputs.every_op).out;
    for (const n of ["%alloc", "%alloca", "%0 = memref.load", "%dim", "%2 = memref.rank", "%cast", "%subview", "%reinterpret_cast", "%collapse_shape",
      "%expand_shape", "%view", "%intptr", "%base_buffer, %offset, %sizes:2, %strides:2", "%transpose", "%memspacecast", "%alloca_0"]) {
      expect(out).to.include(n);
    }
  });
  it("keeps INT64_MIN exact in static offsets", () => {
    expect(ours(inputs.every_op, { generic: true }).out).to.include("static_offsets = array<i64: 0, -9223372036854775808>");
  });
});

// Corpus files of mlir-opt-19 whose ops all belong to registered dialects (the others wait for their dialects).
const manifest: { file: string; tier: string; flags: string[]; ops: string[] }[] = existsSync(join(corpusDir, "manifest.jsonl"))
  ? readFileSync(join(corpusDir, "manifest.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
  : [];
const known = new Set(["builtin", "func", "arith", "memref", "scf"]);
const corpus = manifest.filter((m) => (m.tier === "A" || m.tier === "B") && m.ops.some((o) => o.startsWith("memref.")) &&
  m.ops.every((o) => known.has(o.slice(0, o.indexOf("."))) && registry.hasDialect(o.slice(0, o.indexOf("."))) ||
    (m.flags.includes("--allow-unregistered-dialect") && o.startsWith("test."))));

describe("memref: corpus outputs of mlir-opt-19", () => {
  for (const m of corpus) {
    const rel = m.file.slice("valid/".length, -".mlir".length);
    const o: Opts = { split: m.flags.includes("--split-input-file"), allowUnregistered: m.flags.includes("--allow-unregistered-dialect") };
    it(`${rel}: custom and generic forms`, () => {
      const text = readFileSync(join(corpusDir, m.file), "utf8");
      const custom = ours(text, o);
      expect(custom.diags.map((d) => d.message)).to.deep.equal([]);
      expect(custom.out).to.equal(readFileSync(join(corpusDir, "expected", rel + ".custom.mlir"), "utf8"));
      expect(ours(text, { ...o, generic: true }).out).to.equal(readFileSync(join(corpusDir, "expected", rel + ".generic.mlir"), "utf8"));
    });
  }
});

// Each input fails with MLIR 19's first diagnostic.
const invalid: [string, string, string][] = [
  ["load index count", "func.func @f(%m: memref<4x4xf32>, %i: index) {\n  %0 = memref.load %m[%i] : memref<4x4xf32>\n  return\n}",
    "'memref.load' op incorrect number of indices for load, expected 2 but got 1"],
  ["load result type", "func.func @f(%m: memref<8xf32>, %i: index) {\n  %1 = \"memref.load\"(%m, %i) : (memref<8xf32>, index) -> i32\n  return\n}",
    "'memref.load' op failed to verify that result type matches element type of 'memref'"],
  ["load of unranked", "func.func @f(%u: memref<*xf32>) {\n  %0 = \"memref.load\"(%u) : (memref<*xf32>) -> f32\n  return\n}",
    "'memref.load' op operand #0 must be memref of any type values, but got 'memref<*xf32>'"],
  ["store index count", "func.func @f(%m: memref<4x4xf32>, %i: index, %v: f32) {\n  memref.store %v, %m[%i] : memref<4x4xf32>\n  return\n}",
    "'memref.store' op store index operand count not equal to memref rank"],
  ["alloc dynamic sizes", "func.func @f() {\n  %0 = memref.alloc() : memref<4x?xf32>\n  return\n}",
    "'memref.alloc' op dimension operand count does not equal memref dynamic dimension count"],
  ["alloc symbols", "func.func @f(%i: index) {\n  %0 = memref.alloc(%i) : memref<4x?xf32, affine_map<(d0, d1)[s0] -> (d0 + s0 + d1)>>\n  return\n}",
    "'memref.alloc' op symbol operand count does not equal memref symbol count: expected 1, got 0"],
  ["subview layout", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.subview %m[0, 0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4xf32>\n  return\n}",
    "expected result type to be 'memref<4x4xf32, strided<[8, 1]>>' or a rank-reduced version. (mismatch of result layout) "],
  ["subview sizes", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.subview %m[0, 0][4, 4][1, 1] : memref<8x8xf32> to memref<4x3xf32, strided<[8, 1]>>\n  return\n}",
    "expected result type to be 'memref<4x4xf32, strided<[8, 1]>>' or a rank-reduced version. (mismatch of result sizes) "],
  ["subview rank", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.subview %m[0, 0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4x4xf32, strided<[8, 1, 1]>>\n  return\n}",
    "expected result rank to be smaller or equal to the source rank. "],
  ["subview element type", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.subview %m[0, 0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4xi32, strided<[8, 1]>>\n  return\n}",
    "expected result element type to be 'f32'"],
  ["subview memory space", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.subview %m[0, 0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4xf32, strided<[8, 1]>, 1>\n  return\n}",
    "different memory spaces specified for base memref type 'memref<8x8xf32>' and subview memref type 'memref<4x4xf32, strided<[8, 1]>, 1>'"],
  ["subview list ranks", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.subview %m[0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4xf32, strided<[8, 1]>>\n  return\n}",
    "expected mixed offsets rank to match mixed sizes rank (1 vs 2) so the rank of the result type is well-formed."],
  ["subview offset", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.subview %m[1, 0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4xf32, strided<[8, 1], offset: 9>>\n  return\n}",
    "expected result type to be 'memref<4x4xf32, strided<[8, 1], offset: 8>>' or a rank-reduced version. (mismatch of result layout) "],
  ["subview of non-strided", "func.func @f(%m: memref<8x8xf32, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>>) {\n  %0 = memref.subview %m[0, 0][8, 4][1, 1] : memref<8x8xf32, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>> to memref<8x4xf32, strided<[8, 1]>>\n  return\n}",
    "base type 'memref<8x8xf32, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>>' is not strided"],
  ["cast", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.cast %m : memref<8x8xf32> to memref<8x4xf32>\n  return\n}",
    "'memref.cast' op operand type 'memref<8x8xf32>' and result type 'memref<8x4xf32>' are cast incompatible"],
  ["copy element types", "func.func @f(%m: memref<8x8xf32>, %n: memref<8x8xi32>) {\n  memref.copy %m, %n : memref<8x8xf32> to memref<8x8xi32>\n  return\n}",
    "'memref.copy' op requires the same element type for all operands"],
  ["collapse group size", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.collapse_shape %m [[0, 1]] : memref<8x8xf32> into memref<60xf32>\n  return\n}",
    "'memref.collapse_shape' op collapsed dim size (60) must equal reassociation group size (64)"],
  ["collapse rank", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.collapse_shape %m [[0], [1]] : memref<8x8xf32> into memref<8x8x1xf32>\n  return\n}",
    "'memref.collapse_shape' op has source rank 2 and result rank 3. This is not a collapse (2 < 3)."],
  ["collapse layout", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.collapse_shape %m [[0, 1]] : memref<8x8xf32> into memref<64xf32, strided<[2]>>\n  return\n}",
    "'memref.collapse_shape' op expected collapsed type to be 'memref<64xf32>' but found 'memref<64xf32, strided<[2]>>'"],
  ["collapse contiguity", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.collapse_shape %m [[1, 0]] : memref<8x8xf32> into memref<64xf32>\n  return\n}",
    "'memref.collapse_shape' op reassociation indices must be contiguous"],
  ["expand group size", "func.func @f(%m: memref<64xf32>) {\n  %0 = memref.expand_shape %m [[0, 1]] output_shape [8, 8] : memref<64xf32> into memref<8x7xf32>\n  return\n}",
    "'memref.expand_shape' op collapsed dim size (64) must equal reassociation group size (56)"],
  ["expand output shape", "func.func @f(%m: memref<64xf32>) {\n  %0 = memref.expand_shape %m [[0, 1]] output_shape [8, 4] : memref<64xf32> into memref<8x8xf32>\n  return\n}",
    "'memref.expand_shape' op invalid output shape provided at pos 1"],
  ["expand layout", "func.func @f(%m: memref<?xf32>, %i: index) {\n  %0 = memref.expand_shape %m [[0, 1]] output_shape [%i, 8] : memref<?xf32> into memref<?x8xf32, strided<[8, 2]>>\n  return\n}",
    "'memref.expand_shape' op expected expanded type to be 'memref<?x8xf32>' but found 'memref<?x8xf32, strided<[8, 2]>>'"],
  ["reinterpret_cast size", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [8, 8], strides: [8, 1] : memref<8x8xf32> to memref<8x4xf32>\n  return\n}",
    "expected result type with size = 8 instead of 4 in dim = 1"],
  ["reinterpret_cast offset", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.reinterpret_cast %m to offset: [2], sizes: [8, 8], strides: [8, 1] : memref<8x8xf32> to memref<8x8xf32, strided<[8, 1], offset: 3>>\n  return\n}",
    "expected result type with offset = 2 instead of 3"],
  ["reinterpret_cast stride", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [8, 8], strides: [8, 2] : memref<8x8xf32> to memref<8x8xf32>\n  return\n}",
    "expected result type with stride = 2 instead of 1 in dim = 1"],
  ["reinterpret_cast element type", "func.func @f(%m: memref<8x8xf32>) {\n  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [8, 8], strides: [8, 1] : memref<8x8xf32> to memref<8x8xi32>\n  return\n}",
    "different element types specified for source type 'memref<8x8xf32>' and result memref type 'memref<8x8xi32>'"],
  ["view sizes", "func.func @f(%m: memref<2048xi8>, %i: index) {\n  %0 = memref.view %m[%i][] : memref<2048xi8> to memref<?x4xf32>\n  return\n}",
    "incorrect number of size operands for type 'memref<?x4xf32>'"],
  ["transpose", "func.func @f(%m: memref<4x?xf32>) {\n  %0 = memref.transpose %m (i, j) -> (j, i) : memref<4x?xf32> to memref<?x4xf32>\n  return\n}",
    "'memref.transpose' op result type 'memref<?x4xf32>' is not equivalent to the canonical transposed input type 'memref<?x4xf32, affine_map<(d0, d1)[s0] -> (d0 + d1 * s0)>>'"],
  ["assume_alignment", "func.func @f(%m: memref<4xf32>) {\n  memref.assume_alignment %m, 3 : memref<4xf32>\n  return\n}",
    "'memref.assume_alignment' op alignment must be power of 2"],
  ["atomic_rmw kind", "func.func @f(%m: memref<4xf32>, %i: index, %v: f32) {\n  %0 = memref.atomic_rmw addi %v, %m[%i] : (f32, memref<4xf32>) -> f32\n  return\n}",
    "'memref.atomic_rmw' op with kind 'addi' expects an integer type"],
  ["atomic_rmw subscripts", "func.func @f(%m: memref<4xf32>, %v: f32) {\n  %0 = memref.atomic_rmw addf %v, %m[] : (f32, memref<4xf32>) -> f32\n  return\n}",
    "'memref.atomic_rmw' op expects the number of subscripts to be equal to memref rank"],
  ["dma_wait", "func.func @f(%m: memref<4xf32>, %i: index) {\n  memref.dma_wait %m[], %i : memref<4xf32>\n  return\n}",
    "'memref.dma_wait' op expected tagIndices to have the same number of elements as the tagMemRef rank, expected 1, but got 0"],
  ["prefetch", "func.func @f(%m: memref<4xf32>) {\n  memref.prefetch %m[], read, locality<3>, data : memref<4xf32>\n  return\n}",
    "'memref.prefetch' op too few indices"],
  ["global initial value type", "\"memref.global\"() <{initial_value = dense<1> : tensor<2xi32>, sym_name = \"g\", type = memref<2xf32>}> : () -> ()",
    "'memref.global' op initial value expected to be of type 'tensor<2xf32>', but was of type 'tensor<2xi32>'"],
  ["global initial value kind", "\"memref.global\"() <{initial_value = 3 : i32, sym_name = \"g\", type = memref<2xi32>}> : () -> ()",
    "'memref.global' op initial value should be a unit or elements attribute, but got 3 : i32"],
  ["global dynamic type", "memref.global @g : memref<?xf32>", "custom op 'memref.global' type should be static shaped memref, but got 'memref<?xf32>'"],
  ["get_global symbol", "func.func @f() {\n  %0 = memref.get_global @nope : memref<2xf32>\n  return\n}",
    "'memref.get_global' op 'nope' does not reference a valid global memref"],
  ["get_global type", "memref.global @g : memref<3xf32>\nfunc.func @f() {\n  %0 = memref.get_global @g : memref<2xf32>\n  return\n}",
    "'memref.get_global' op result type 'memref<2xf32>' does not match type 'memref<3xf32>' of the global memref @g"],
  ["get_global dynamic", "func.func @f() {\n  %c = \"memref.get_global\"() {name = @x} : () -> memref<?xf32>\n  return\n}",
    "'memref.get_global' op result #0 must be statically shaped memref of any type values, but got 'memref<?xf32>'"],
  ["dim of 0-d", "func.func @f(%m: memref<f32>, %i: index) {\n  %c = memref.dim %m, %i : memref<f32>\n  return\n}",
    "'memref.dim' op operand #0 must be unranked.memref of any type values or non-0-ranked.memref of any type values, but got 'memref<f32>'"],
  ["alloca_scope.return parent", "func.func @f() {\n  memref.alloca_scope.return\n}",
    "'memref.alloca_scope.return' op expects parent op 'memref.alloca_scope'"],
];

describeInvalid("memref", invalid);

describe("memref: memory effects", () => {
  const mod = parse(inputs.every_op + `
func.func @loop(%m: memref<4xf32>, %v: f32, %i: index) {
  scf.for %k = %i to %i step %i {
    memref.store %v, %m[%k] : memref<4xf32>
  }
  return
}`);
  const byName = new Map<string, Operation>();
  walk(mod, (op) => { if (!byName.has(op.name)) byName.set(op.name, op); });
  const kinds = (name: string) => memoryEffectsOf(byName.get(name)!)?.map((e) => `${e.kind}:${e.resource}`) ?? null;

  it("reads, writes, allocations and frees name their values", () => {
    expect(kinds("memref.load")).to.deep.equal(["read:default"]);
    expect(kinds("memref.store")).to.deep.equal(["write:default"]);
    expect(kinds("memref.alloc")).to.deep.equal(["alloc:default"]);
    expect(kinds("memref.alloca")).to.deep.equal(["alloc:automatic-allocation-scope"]);
    expect(kinds("memref.dealloc")).to.deep.equal(["free:default"]);
    expect(kinds("memref.copy")).to.deep.equal(["read:default", "write:default"]);
    expect(kinds("memref.realloc")).to.deep.equal(["free:default", "alloc:default"]);
    const store = byName.get("memref.store")!;
    expect(memoryEffectsOf(store)![0].value).to.equal(store.operand(1));
    const alloc = byName.get("memref.alloc")!;
    expect(memoryEffectsOf(alloc)![0].value).to.equal(alloc.results[0]);
  });
  it("pure ops have none, prefetch is unknown, loops collect their body's", () => {
    expect(kinds("memref.subview")).to.deep.equal([]);
    expect(kinds("memref.dim")).to.deep.equal([]);
    expect(kinds("memref.prefetch")).to.equal(null);
    expect(kinds("scf.for")).to.deep.equal(["write:default"]);
  });
});
