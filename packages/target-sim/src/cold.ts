// The less frequent instructions, out of the hot loop: narrow-integer wrap variants, bit ops, rank-3+ and bigint
// memory access, non-linear index arithmetic. `execCold` runs one and returns the next pc.
import { Trap, type Frame } from "./bytecode.js";
import { SimMessages } from "./diag.js";
import type { BigStorage, MemRef, NumStorage } from "./memory.js";
import { cmpWide } from "./wide.js";

/// An out-of-bounds trap for index `i` of dimension `dim` (size `size`).
export function oob(i: number, dim: number, size: number): Trap {
  return new Trap(SimMessages.OutOfBounds, [i, dim, size]);
}

/// Checks indices `num[code[at + k]]` against `m` and returns the storage index.
export function linearN(m: MemRef, code: Int32Array, at: number, n: number, num: Float64Array): number {
  let l = m.offset;
  const sh = m.shape, st = m.strides;
  for (let k = 0; k < n; k++) {
    const i = num[code[at + k]];
    if (!(i >= 0 && i < sh[k])) throw oob(i, k, sh[k]);
    l += i * st[k];
  }
  return l;
}

/// Runs the cold instruction at `pc` of `f`; returns the pc of the next instruction.
export function execCold(f: Frame, pc: number): number {
  const code = f.code, num = f.num, obj = f.obj;
  switch (code[pc]) {
    case 15 /* AddS */: { const s = code[pc + 4]; num[code[pc + 1]] = ((num[code[pc + 2]] + num[code[pc + 3]]) << s) >> s; return pc + 5; }
    case 16 /* SubS */: { const s = code[pc + 4]; num[code[pc + 1]] = ((num[code[pc + 2]] - num[code[pc + 3]]) << s) >> s; return pc + 5; }
    case 17 /* MulS */: { const s = code[pc + 4]; num[code[pc + 1]] = (Math.imul(num[code[pc + 2]], num[code[pc + 3]]) << s) >> s; return pc + 5; }
    case 18 /* AddU */: { const s = code[pc + 4]; num[code[pc + 1]] = ((num[code[pc + 2]] + num[code[pc + 3]]) << s) >>> s; return pc + 5; }
    case 19 /* SubU */: { const s = code[pc + 4]; num[code[pc + 1]] = ((num[code[pc + 2]] - num[code[pc + 3]]) << s) >>> s; return pc + 5; }
    case 20 /* MulU */: { const s = code[pc + 4]; num[code[pc + 1]] = (Math.imul(num[code[pc + 2]], num[code[pc + 3]]) << s) >>> s; return pc + 5; }
    case 24 /* AndN */: num[code[pc + 1]] = num[code[pc + 2]] & num[code[pc + 3]]; return pc + 4;
    case 25 /* OrN */: num[code[pc + 1]] = num[code[pc + 2]] | num[code[pc + 3]]; return pc + 4;
    case 26 /* XorN */: num[code[pc + 1]] = num[code[pc + 2]] ^ num[code[pc + 3]]; return pc + 4;
    case 36 /* Lin3 */:
      num[code[pc + 1]] = code[pc + 2] + code[pc + 3] * num[code[pc + 4]] + code[pc + 5] * num[code[pc + 6]] + code[pc + 7] * num[code[pc + 8]];
      return pc + 9;
    case 37 /* IMin */: { const a = num[code[pc + 2]], b = num[code[pc + 3]]; num[code[pc + 1]] = a < b ? a : b; return pc + 4; }
    case 38 /* IMax */: { const a = num[code[pc + 2]], b = num[code[pc + 3]]; num[code[pc + 1]] = a > b ? a : b; return pc + 4; }
    case 39 /* IFloorDiv */: {
      const b = num[code[pc + 3]];
      if (b === 0) throw new Trap(SimMessages.DivisionByZero, []);
      num[code[pc + 1]] = Math.floor(num[code[pc + 2]] / b);
      return pc + 4;
    }
    case 40 /* ICeilDiv */: {
      const b = num[code[pc + 3]];
      if (b === 0) throw new Trap(SimMessages.DivisionByZero, []);
      num[code[pc + 1]] = Math.ceil(num[code[pc + 2]] / b);
      return pc + 4;
    }
    case 41 /* IMod */: {
      const b = num[code[pc + 3]];
      if (b <= 0) throw new Trap(SimMessages.PoisonValue, [`modulus by non-positive value ${b}`]);
      const r = num[code[pc + 2]] % b;
      num[code[pc + 1]] = r < 0 ? r + b : r + 0;
      return pc + 4;
    }
    case 52 /* Ld3 */: {
      const m = obj[code[pc + 2]] as MemRef;
      const i = num[code[pc + 3]], j = num[code[pc + 4]], k = num[code[pc + 5]];
      if (!(i >= 0 && i < m.d0)) throw oob(i, 0, m.d0);
      if (!(j >= 0 && j < m.d1)) throw oob(j, 1, m.d1);
      if (!(k >= 0 && k < m.d2)) throw oob(k, 2, m.d2);
      num[code[pc + 1]] = (m.data as NumStorage)[m.offset + i * m.t0 + j * m.t1 + k * m.t2];
      return pc + 6;
    }
    case 53 /* LdN */: {
      const m = obj[code[pc + 2]] as MemRef;
      const n = code[pc + 3];
      num[code[pc + 1]] = (m.data as NumStorage)[linearN(m, code, pc + 4, n, num)];
      return pc + 4 + n;
    }
    case 54 /* LdB */: {
      const m = obj[code[pc + 2]] as MemRef;
      const n = code[pc + 3];
      const b = (m.data as BigStorage)[linearN(m, code, pc + 4, n, num)];
      const d = code[pc + 1];
      if (b > -9007199254740992n && b < 9007199254740992n) num[d] = Number(b);
      else { num[d] = NaN; obj[d] = b; }
      return pc + 4 + n;
    }
    case 57 /* St3 */: {
      const m = obj[code[pc + 2]] as MemRef;
      const i = num[code[pc + 3]], j = num[code[pc + 4]], k = num[code[pc + 5]];
      if (!(i >= 0 && i < m.d0)) throw oob(i, 0, m.d0);
      if (!(j >= 0 && j < m.d1)) throw oob(j, 1, m.d1);
      if (!(k >= 0 && k < m.d2)) throw oob(k, 2, m.d2);
      (m.data as NumStorage)[m.offset + i * m.t0 + j * m.t1 + k * m.t2] = num[code[pc + 1]];
      return pc + 6;
    }
    case 58 /* StN */: {
      const m = obj[code[pc + 2]] as MemRef;
      const n = code[pc + 3];
      (m.data as NumStorage)[linearN(m, code, pc + 4, n, num)] = num[code[pc + 1]];
      return pc + 4 + n;
    }
    case 59 /* StB */: {
      const m = obj[code[pc + 2]] as MemRef;
      const n = code[pc + 3];
      const s = code[pc + 1];
      const v = num[s];
      (m.data as BigStorage)[linearN(m, code, pc + 4, n, num)] = v === v ? BigInt(v) : (obj[s] as bigint);
      return pc + 4 + n;
    }
    case 69 /* CmpW */: {
      const x = num[code[pc + 2]], y = num[code[pc + 3]];
      if (x === x && y === y && (code[pc + 5] === 0 || (x >= 0 && y >= 0))) {
        let r: boolean;
        switch (code[pc + 4]) {
          case 0: r = x === y; break;
          case 1: r = x !== y; break;
          case 2: case 6: r = x < y; break;
          case 3: case 7: r = x <= y; break;
          case 4: case 8: r = x > y; break;
          default: r = x >= y; break;
        }
        num[code[pc + 1]] = r ? 1 : 0;
      } else cmpWide(f, pc);
      return pc + 7;
    }
    default:
      throw new Trap(SimMessages.Internal, [`bad opcode ${code[pc]} at ${pc}`]);
  }
}
