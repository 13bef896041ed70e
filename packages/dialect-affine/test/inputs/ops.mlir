// Round-trip inputs covering every affine op (custom and generic forms are compared with mlir-opt-19).
// Flags: --split-input-file --allow-unregistered-dialect

#map_ub = affine_map<(d0)[s0] -> (d0 + s0, 128)>
#map_lb = affine_map<(d0) -> (d0 floordiv 4, 0)>
func.func @for_bounds(%A: memref<128x128xf32>, %n: index, %m: index) {
  affine.for %i = 0 to 16 {
    affine.for %j = %n to %m step 4 {
      affine.for %k = max #map_lb(%i) to min #map_ub(%j)[%n] {
        %v = affine.load %A[%i * 4 + %j - 3, %k] : memref<128x128xf32>
        affine.store %v, %A[%k, symbol(%n) + %i] : memref<128x128xf32>
      }
      affine.for %k = affine_map<(d0) -> (d0)>(%j) to affine_map<(d0) -> (d0 + 8)>(%j) step 2 {
        "test.use"(%k) : (index) -> ()
      }
    }
    affine.for %k = -5 to affine_map<()[s0] -> (s0 * 2)>()[%n] {
    }
  }
  return
}

// -----

func.func @iter_args(%buffer: memref<1024xf32>, %init: f32) -> (f32, index) {
  %c0 = "test.index"() : () -> index
  %r:2 = affine.for %i = 0 to 10 step 2 iter_args(%acc = %init, %idx = %c0) -> (f32, index) {
    %t = affine.load %buffer[%i] : memref<1024xf32>
    %s = "test.add"(%acc, %t) : (f32, f32) -> f32
    affine.yield %s, %i : f32, index
  } {some.attr = "x"}
  return %r#0, %r#1 : f32, index
}

// -----

#set = affine_set<(d0, d1)[s0] : (d0 - 10 >= 0, s0 - d0 - 9 >= 0, d1 - 10 >= 0, s0 - d1 - 9 == 0)>
func.func @ifs(%n: index) -> f32 {
  affine.for %i = 0 to 10 {
    affine.for %j = 0 to 10 {
      affine.if #set(%i, %j)[%n] {
        "test.then"() : () -> ()
      }
      affine.if affine_set<(d0) : (d0 >= 0)>(%i) {
        "test.then"() : () -> ()
      } else {
        "test.else"() : () -> ()
      } {tag = 1 : i32}
    }
  }
  %x = affine.if affine_set<()[s0] : (s0 - 1 >= 0)>()[%n] -> f32 {
    %a = "test.a"() : () -> f32
    affine.yield %a : f32
  } else {
    %b = "test.b"() : () -> f32
    affine.yield %b : f32
  }
  return %x : f32
}

// -----

func.func @apply_min_max(%a: index, %b: index, %s: index) -> (index, index, index, index) {
  %0 = affine.apply affine_map<(d0, d1)[s0] -> (d0 floordiv 8 + d1 mod 128 + s0 * 3)>(%a, %b)[%s]
  %1 = affine.apply affine_map<()[s0] -> (s0 ceildiv 4)>()[%s]
  %2 = affine.min affine_map<(d0)[s0] -> (1000, d0 + 512, s0)>(%a)[%s]
  %3 = affine.max affine_map<(d0, d1) -> (d0 - d1, -d0 + 7)>(%a, %b) {attr}
  return %0, %1, %2, %3 : index, index, index, index
}

// -----

func.func @parallel(%A: memref<100x100xf32>, %N: index, %M: index) {
  affine.parallel (%x, %y) = (0, 0) to (98, 98) {
    %0 = affine.parallel (%kx, %ky) = (0, 0) to (2, 2) reduce ("addf") -> f32 {
      %1 = affine.load %A[%x + %kx, %y + %ky] : memref<100x100xf32>
      affine.yield %1 : f32
    }
    affine.store %0, %A[%x, %y] : memref<100x100xf32>
  }
  affine.parallel (%ii, %jj) = (0, 0) to (%N, %M) step (32, 32) {
    affine.parallel (%i, %j) = (%ii, %jj) to (min(%ii + 32, %N), min(%jj + 32, %M)) {
      "test.use"(%i, %j) : (index, index) -> ()
    }
  }
  affine.parallel (%i) = (max(%N, %M floordiv 2)) to (symbol(%N) + 5) {
  }
  %r:2 = affine.parallel (%i) = (0) to (10) reduce ("mulf", "maxs") -> (f64, si32) {
    %p = "test.p"() : () -> f64
    %q = "test.q"() : () -> si32
    affine.yield %p, %q : f64, si32
  }
  affine.parallel () = () to () {
  }
  return
}

// -----

func.func @memory(%A: memref<400x400xi32>, %V: memref<100xf32>, %Z: memref<f32>, %i: index) {
  affine.for %k = 0 to 100 step 8 {
    affine.prefetch %A[%k, %k + 5], read, locality<3>, data : memref<400x400xi32>
    affine.prefetch %A[%i, %k], write, locality<0>, instr : memref<400x400xi32>
    %v = affine.vector_load %V[%k] : memref<100xf32>, vector<8xf32>
    affine.vector_store %v, %V[%k + symbol(%i)] : memref<100xf32>, vector<8xf32>
  }
  %z = affine.load %Z[] : memref<f32>
  affine.store %z, %Z[] {nontemporal} : memref<f32>
  return
}

// -----

func.func @dma(%src: memref<100x100xf32>, %dst: memref<100x100xf32, 2>, %tag: memref<1xi32>, %n: index, %s: index, %e: index) {
  %c0 = "test.index"() : () -> index
  affine.for %i = 0 to 10 {
    affine.dma_start %src[%i, %i + 1], %dst[%i, symbol(%n)], %tag[%c0], %n : memref<100x100xf32>, memref<100x100xf32, 2>, memref<1xi32>
    affine.dma_start %src[%i, 0], %dst[0, %i], %tag[%i], %n, %s, %e : memref<100x100xf32>, memref<100x100xf32, 2>, memref<1xi32>
    affine.dma_wait %tag[%c0], %n : memref<1xi32>
  }
  return
}

// -----

func.func @delinearize(%idx: index, %b0: index, %b1: index, %b2: index) -> (index, index) {
  %0:3 = affine.delinearize_index %idx into (%b0, %b1, %b2) : index, index, index
  %1 = affine.delinearize_index %idx into (%b0) : index
  return %0#2, %1 : index, index
}

// -----

func.func @generic_forms(%A: memref<10xf32>, %i: index) {
  "affine.for"(%i) <{lowerBoundMap = affine_map<(d0) -> (d0)>, operandSegmentSizes = array<i32: 1, 0, 0>, step = 3 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%k: index):
    %v = "affine.load"(%A, %k) <{map = affine_map<(d0) -> (d0 - 1)>}> : (memref<10xf32>, index) -> f32
    "affine.yield"() : () -> ()
  }) : (index) -> ()
  "affine.if"(%i) ({
    "affine.yield"() : () -> ()
  }, {
  }) {condition = affine_set<(d0) : (d0 == 0)>} : (index) -> ()
  return
}
