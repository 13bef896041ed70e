// Generators of df programs for property tests: chains, fan-out/fan-in, systolic grids, sharded layouts.

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

/// The spec's output-stationary systolic array for C[m, n] = A[m, k] * B[k, n] over i32.
export function systolicProgram(m: number, n: number, k: number): string {
  const gm = m + 2, gn = n + 2;
  const s = `!df.stream_array<[${gm}, ${gn}], i32, 2>`;
  return `df.region @top(%A: memref<${m}x${k}xi32>, %B: memref<${k}x${n}xi32>, %C: memref<${m}x${n}xi32>) {
  %fa = df.stream : ${s}
  %fb = df.stream : ${s}
  df.kernel @pe mapping [${gm}, ${gn}] args(%A, %B, %C) : memref<${m}x${k}xi32>, memref<${k}x${n}xi32>, memref<${m}x${n}xi32> {
  ^bb0(%a: memref<${m}x${k}xi32>, %b: memref<${k}x${n}xi32>, %c: memref<${m}x${n}xi32>):
    %i, %j = df.get_pid : index, index
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %lr = arith.constant ${gm - 1} : index
    %lc = arith.constant ${gn - 1} : index
    %i0 = arith.cmpi eq, %i, %c0 : index
    %il = arith.cmpi eq, %i, %lr : index
    %j0 = arith.cmpi eq, %j, %c0 : index
    %jl = arith.cmpi eq, %j, %lc : index
    %ie = arith.ori %i0, %il : i1
    %je = arith.ori %j0, %jl : i1
    %corner = arith.andi %ie, %je : i1
    %in = arith.addi %i, %c1 : index
    %jn = arith.addi %j, %c1 : index
    %im = arith.subi %i, %c1 : index
    %jm = arith.subi %j, %c1 : index
    df.meta_if %corner {
    } else {
      df.meta_if %j0 {
        affine.for %t = 0 to ${k} {
          %v = memref.load %a[%im, %t] : memref<${m}x${k}xi32>
          df.put %fa[%i, %jn], %v : ${s}
        }
      } else {
        df.meta_if %i0 {
          affine.for %t = 0 to ${k} {
            %v = memref.load %b[%t, %jm] : memref<${k}x${n}xi32>
            df.put %fb[%in, %j], %v : ${s}
          }
        } else {
          df.meta_if %jl {
            affine.for %t = 0 to ${k} {
              %v = df.get %fa[%i, %j] : ${s}
            }
          } else {
            df.meta_if %il {
              affine.for %t = 0 to ${k} {
                %v = df.get %fb[%i, %j] : ${s}
              }
            } else {
              %zero = arith.constant 0 : i32
              %r = affine.for %t = 0 to ${k} iter_args(%acc = %zero) -> (i32) {
                %x = df.get %fa[%i, %j] : ${s}
                %y = df.get %fb[%i, %j] : ${s}
                %p = arith.muli %x, %y : i32
                %q = arith.addi %acc, %p : i32
                df.put %fa[%i, %jn], %x : ${s}
                df.put %fb[%in, %j], %y : ${s}
                affine.yield %q : i32
              }
              memref.store %r, %c[%im, %jm] : memref<${m}x${n}xi32>
            }
          }
        }
      }
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
