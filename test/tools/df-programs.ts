// Generators of df programs shared by tests and benchmarks: the spec's systolic array at any size, producer/consumer
// pipelines, chains, fan-out/fan-in graphs and sharded layouts.

/// The systolic example of the spec (output-stationary, (M+2) x (N+2) grid) for C = A (M x K) * B (K x N)
/// over element type `ty`, streams of depth `depth`.
export function systolic(M: number, N: number, K: number, depth = 4, ty = "f32"): string {
  const float = ty.startsWith("f") || ty === "bf16";
  const S = `!df.stream_array<[${M + 2}, ${N + 2}], ${ty}, ${depth}>`;
  const tA = `memref<${M}x${K}x${ty}>`, tB = `memref<${K}x${N}x${ty}>`, tC = `memref<${M}x${N}x${ty}>`;
  return `// Output-stationary systolic array, C = A * B with M = ${M}, N = ${N}, K = ${K}.
df.region @top(%A: ${tA}, %B: ${tB}, %C: ${tC}) {
  %fifo_A = df.stream : ${S}
  %fifo_B = df.stream : ${S}
  df.kernel @gemm mapping [${M + 2}, ${N + 2}] args(%A, %B, %C) : ${tA}, ${tB}, ${tC} {
  ^bb0(%lA: ${tA}, %lB: ${tB}, %lC: ${tC}):
    %i, %j = df.get_pid : index, index
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cm = arith.constant ${M + 1} : index
    %cn = arith.constant ${N + 1} : index
    %i_is0 = arith.cmpi eq, %i, %c0 : index
    %i_last = arith.cmpi eq, %i, %cm : index
    %j_is0 = arith.cmpi eq, %j, %c0 : index
    %j_last = arith.cmpi eq, %j, %cn : index
    %i_edge = arith.ori %i_is0, %i_last : i1
    %j_edge = arith.ori %j_is0, %j_last : i1
    %corner = arith.andi %i_edge, %j_edge : i1
    %in = arith.addi %i, %c1 : index
    %jn = arith.addi %j, %c1 : index
    %im = arith.subi %i, %c1 : index
    %jm = arith.subi %j, %c1 : index
    df.meta_if %corner {
    } else {
      df.meta_if %j_is0 {
        affine.for %k = 0 to ${K} {
          %a = memref.load %lA[%im, %k] : ${tA}
          df.put %fifo_A[%i, %jn], %a : ${S}
        }
      } else {
        df.meta_if %i_is0 {
          affine.for %k = 0 to ${K} {
            %b = memref.load %lB[%k, %jm] : ${tB}
            df.put %fifo_B[%in, %j], %b : ${S}
          }
        } else {
          df.meta_if %j_last {
            affine.for %k = 0 to ${K} {
              %a = df.get %fifo_A[%i, %j] : ${S}
            }
          } else {
            df.meta_if %i_last {
              affine.for %k = 0 to ${K} {
                %b = df.get %fifo_B[%i, %j] : ${S}
              }
            } else {
              %zero = arith.constant ${float ? "0.0" : "0"} : ${ty}
              %c = affine.for %k = 0 to ${K} iter_args(%acc = %zero) -> (${ty}) {
                %a = df.get %fifo_A[%i, %j] : ${S}
                %b = df.get %fifo_B[%i, %j] : ${S}
                %p = ${float ? "arith.mulf" : "arith.muli"} %a, %b : ${ty}
                %s = ${float ? "arith.addf" : "arith.addi"} %acc, %p : ${ty}
                df.put %fifo_A[%i, %jn], %a : ${S}
                df.put %fifo_B[%in, %j], %b : ${S}
                affine.yield %s : ${ty}
              }
              memref.store %c, %lC[%im, %jm] : ${tC}
            }
          }
        }
      }
    }
  }
}
`;
}

/// Producer/consumer through one stream of depth `depth`: B = A + 1 over `rows` x `cols` elements.
export function producerConsumer(rows: number, cols: number, depth = 4): string {
  const t = `memref<${rows}x${cols}xf32>`, S = `!df.stream<f32, ${depth}>`;
  return `// Producer/consumer, ${rows * cols} elements through one stream of depth ${depth}.
df.region @top(%A: ${t}, %B: ${t}) {
  %pipe = df.stream : ${S}
  df.kernel @producer mapping [1] args(%A) : ${t} {
  ^bb0(%lA: ${t}):
    affine.for %i = 0 to ${rows} {
      affine.for %j = 0 to ${cols} {
        %v = affine.load %lA[%i, %j] : ${t}
        df.put %pipe, %v : ${S}
      }
    }
  }
  df.kernel @consumer mapping [1] args(%B) : ${t} {
  ^bb0(%lB: ${t}):
    %one = arith.constant 1.0 : f32
    affine.for %i = 0 to ${rows} {
      affine.for %j = 0 to ${cols} {
        %d = df.get %pipe : ${S}
        %r = arith.addf %d, %one : f32
        affine.store %r, %lB[%i, %j] : ${t}
      }
    }
  }
}
`;
}

/// A producer, `stages` kernel instances (one kernel of mapping [stages]) each adding 1, and a consumer,
/// linked by a stream array of depth `depth`; B = A + stages.
export function chainProgram(stages: number, depth: number, n: number): string {
  const s = `!df.stream_array<[${stages + 1}], i32, ${depth}>`;
  return `df.region @top(%A: memref<${n}xi32>, %B: memref<${n}xi32>) {
  %s = df.stream : ${s}
  df.kernel @producer mapping [1] args(%A) : memref<${n}xi32> {
  ^bb0(%a: memref<${n}xi32>):
    %c0 = arith.constant 0 : index
    affine.for %i = 0 to ${n} {
      %v = affine.load %a[%i] : memref<${n}xi32>
      df.put %s[%c0], %v : ${s}
    }
  }
  df.kernel @stage mapping [${stages}] {
    %p = df.get_pid : index
    %c1 = arith.constant 1 : index
    %one = arith.constant 1 : i32
    %q = arith.addi %p, %c1 : index
    affine.for %i = 0 to ${n} {
      %v = df.get %s[%p] : ${s}
      %w = arith.addi %v, %one : i32
      df.put %s[%q], %w : ${s}
    }
  }
  df.kernel @consumer mapping [1] args(%B) : memref<${n}xi32> {
  ^bb0(%b: memref<${n}xi32>):
    %last = arith.constant ${stages} : index
    affine.for %i = 0 to ${n} {
      %v = df.get %s[%last] : ${s}
      affine.store %v, %b[%i] : memref<${n}xi32>
    }
  }
}
`;
}

/// A producer fans each element out to `ways` workers (worker w multiplies by w + 1); a consumer sums them.
export function fanProgram(ways: number, depth: number, n: number): string {
  const s = `!df.stream_array<[${ways}], i32, ${depth}>`;
  const puts = Array.from({ length: ways }, (_, w) => `      %c${w} = arith.constant ${w} : index\n      df.put %in[%c${w}], %v : ${s}`).join("\n");
  const gets = Array.from({ length: ways }, (_, w) => `      %k${w} = arith.constant ${w} : index\n      %g${w} = df.get %out[%k${w}] : ${s}\n      %acc${w + 1} = arith.addi %acc${w}, %g${w} : i32`).join("\n");
  return `df.region @top(%A: memref<${n}xi32>, %B: memref<${n}xi32>) {
  %in = df.stream : ${s}
  %out = df.stream : ${s}
  df.kernel @split mapping [1] args(%A) : memref<${n}xi32> {
  ^bb0(%a: memref<${n}xi32>):
    affine.for %i = 0 to ${n} {
      %v = affine.load %a[%i] : memref<${n}xi32>
${puts}
    }
  }
  df.kernel @worker mapping [${ways}] {
    %w = df.get_pid : index
    %c1 = arith.constant 1 : index
    %f = arith.addi %w, %c1 : index
    %fi = arith.index_cast %f : index to i32
    affine.for %i = 0 to ${n} {
      %v = df.get %in[%w] : ${s}
      %m = arith.muli %v, %fi : i32
      df.put %out[%w], %m : ${s}
    }
  }
  df.kernel @join mapping [1] args(%B) : memref<${n}xi32> {
  ^bb0(%b: memref<${n}xi32>):
    affine.for %i = 0 to ${n} {
      %acc0 = arith.constant 0 : i32
${gets}
      affine.store %acc${ways}, %b[%i] : memref<${n}xi32>
    }
  }
}
`;
}

/// A 2-D sharded kernel on a [p0, p1] mesh with `tile`-sized blocks: C = 2 * A + (pid0 + 3 * pid1).
export function shardProgram(p0: number, p1: number, tile: number, rowsFirst: boolean): string {
  const [l, r0, r1] = rowsFirst ? ["[S0, S1]", p0 * tile, p1 * tile] : ["[S1, S0]", p1 * tile, p0 * tile];
  const g = `memref<${r0}x${r1}xi32>`, loc = `memref<${tile}x${tile}xi32>`;
  return `df.region @top(%A: ${g}, %C: ${g}) {
  df.kernel @k mapping [${p0}, ${p1}] args(%A, %C) layouts [#df.layout<${l}>, #df.layout<${l}>] : ${g}, ${g} {
  ^bb0(%a: ${loc}, %c: ${loc}):
    %q0, %q1 = df.get_pid : index, index
    %c3 = arith.constant 3 : index
    %t = arith.muli %q1, %c3 : index
    %u = arith.addi %q0, %t : index
    %ui = arith.index_cast %u : index to i32
    affine.for %i = 0 to ${tile} {
      affine.for %j = 0 to ${tile} {
        %v = affine.load %a[%i, %j] : ${loc}
        %w = arith.addi %v, %v : i32
        %x = arith.addi %w, %ui : i32
        affine.store %x, %c[%i, %j] : ${loc}
      }
    }
  }
}
`;
}
