// Hash-consing support for types and attributes: small-integer structural hashes and a table of objects bucketed by
// hash, so that finding an existing type or attribute builds no key string.

/// The initial value of a hash.
export const hashSeed = 0x2f6b3a1d;

/// Mixes the 32-bit integer `x` into hash `h`; the result stays below 2^30 (a V8 small integer, a cheap Map key).
export function hashMix(h: number, x: number): number {
  const k = Math.imul(x | 0, 0x5bd1e995);
  return (Math.imul(h ^ k ^ (k >>> 13), 0x27d4eb2d) ^ (h >>> 17)) & 0x3fffffff;
}

const f64 = new Float64Array(1);
const f64Words = new Int32Array(f64.buffer);

/// Mixes any number (its exact bits: -0 and 0 differ, every NaN is the same) into `h`.
export function hashNumber(h: number, v: number): number {
  if ((v | 0) === v && !Object.is(v, -0)) return hashMix(h, v);
  f64[0] = v;
  return hashMix(hashMix(h, f64Words[0]), f64Words[1]);
}

/// Mixes the characters of `s` into `h`.
export function hashString(h: number, s: string): number {
  let x = h ^ s.length;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 0x01000193);
  return hashMix(h, x);
}

/// Objects interned by hash: a bucket holds one object, or an array of the objects whose hashes collide.
export class HashBuckets<T extends object> {
  private readonly map = new Map<number, T | T[]>();

  /// The object of hash `h` that `same(x, a, b, c, d)` accepts, or undefined. `same` should be a module-level
  /// function taking the looked-up parts as arguments, so that no closure or key is allocated per lookup.
  find<A, B, C, D>(h: number, same: (x: T, a: A, b: B, c: C, d: D) => boolean, a: A, b: B, c: C, d: D): T | undefined {
    const e = this.map.get(h);
    if (e === undefined) return undefined;
    if (!Array.isArray(e)) return same(e, a, b, c, d) ? e : undefined;
    for (let i = 0; i < e.length; i++) if (same(e[i], a, b, c, d)) return e[i];
    return undefined;
  }

  /// Adds `x` under hash `h` and returns it.
  add(h: number, x: T): T {
    const e = this.map.get(h);
    if (e === undefined) this.map.set(h, x);
    else if (Array.isArray(e)) e.push(x);
    else this.map.set(h, [e, x]);
    return x;
  }
}

/// True if two arrays hold the same elements (by identity).
export function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/// True if two number arrays hold the same values (-0 and 0 differ, NaN equals NaN).
export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/// Values remembered by a piece of source text, looked up by position (`src` from `start` to `end`) without slicing
/// the text: a hash of the characters finds the candidates, a comparison in place confirms one.
export class TextMemo<T> {
  private readonly buckets = new HashBuckets<{ readonly text: string; readonly value: T }>();

  private static hash(src: string, start: number, end: number): number {
    let x = hashSeed ^ (end - start);
    for (let i = start; i < end; i++) x = Math.imul(x ^ src.charCodeAt(i), 0x01000193);
    return x & 0x3fffffff;
  }

  /// The value remembered for `src[start, end)`, or undefined.
  get(src: string, start: number, end: number): T | undefined {
    return this.buckets.find(TextMemo.hash(src, start, end), sameText, src, start, end, null)?.value;
  }

  /// Remembers `value` for `src[start, end)`.
  set(src: string, start: number, end: number, value: T): void {
    this.buckets.add(TextMemo.hash(src, start, end), { text: src.slice(start, end), value });
  }
}

function sameText(e: { readonly text: string }, src: string, start: number, end: number): boolean {
  return e.text.length === end - start && src.startsWith(e.text, start);
}
