// Tests for the .npy codec: round-trips, header parsing, errors, float16 rounding and interoperability with NumPy.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  float16BitsToNumber,
  NpyError,
  numberToFloat16Bits,
  readNpy,
  writeNpy,
  type NpyArray,
  type NpyData,
  type NpyDType,
} from "../src/npy.js";

const DTYPES: NpyDType[] = [
  "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64",
];
const DESCR: Record<NpyDType, string> = {
  bool: "|b1", int8: "|i1", int16: "<i2", int32: "<i4", int64: "<i8", uint8: "|u1",
  uint16: "<u2", uint32: "<u4", uint64: "<u8", float16: "<f2", float32: "<f4", float64: "<f8",
};
const SHAPES: number[][] = [[], [0], [1], [7], [3, 4], [2, 3, 4], [2, 1, 2, 1, 3]];

/// Deterministic sample values for a dtype: extremes and special values first, then pseudo-random ones.
function sample(dtype: NpyDType, n: number): NpyData {
  const idx = Array.from({ length: n }, (_, i) => i);
  if (dtype === "bool") return Uint8Array.from(idx, (i) => (i % 3 === 0 ? 1 : 0));
  if (dtype === "float16") {
    const special = [0x7e00, 0x7c00, 0xfc00, 0x8000, 0x0001, 0x83ff, 0x7bff, 0x3c00];
    return Uint16Array.from(idx, (i) => special[i] ?? (i * 40503) & 0xffff);
  }
  if (dtype === "float32" || dtype === "float64") {
    const wide = dtype === "float64";
    const special = [NaN, Infinity, -Infinity, -0, wide ? 5e-324 : 2 ** -149, wide ? Number.MAX_VALUE : 3.4028234663852886e38];
    const values = idx.map((i) => special[i] ?? Math.sin(i) * 10 ** ((i % 9) - 4));
    return wide ? Float64Array.from(values) : Float32Array.from(values);
  }
  const bits = BigInt(Number(/\d+/.exec(dtype)![0]));
  const signed = dtype.startsWith("int");
  const wrap = (x: bigint) => (signed ? BigInt.asIntN(Number(bits), x) : BigInt.asUintN(Number(bits), x));
  const half = 1n << (bits - 1n);
  const special = signed ? [-half, half - 1n, 0n, -1n] : [0n, 2n * half - 1n, 1n];
  let state = 0x853c49e6748fea9bn;
  const values = idx.map((i) => {
    state = BigInt.asUintN(64, state * 6364136223846793005n + 1442695040888963407n);
    return special[i] ?? wrap(state);
  });
  switch (dtype) {
    case "int8": return Int8Array.from(values, Number);
    case "int16": return Int16Array.from(values, Number);
    case "int32": return Int32Array.from(values, Number);
    case "int64": return BigInt64Array.from(values);
    case "uint8": return Uint8Array.from(values, Number);
    case "uint16": return Uint16Array.from(values, Number);
    case "uint32": return Uint32Array.from(values, Number);
    default: return BigUint64Array.from(values);
  }
}

/// Element values as strings: exact for bigints, '-0' and 'NaN' kept apart, float16 as raw bits.
function valueStrings(data: NpyData): string[] {
  return Array.from(data as ArrayLike<number | bigint>, (v) => (Object.is(v, -0) ? "-0" : String(v)));
}

function bytesOf(data: NpyData): number[] {
  return Array.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

/// Builds a .npy file by hand, with the header exactly as given (no padding, so data may be unaligned).
function rawNpy(header: string, data: ArrayLike<number>, major = 1): Uint8Array {
  const text = major === 3 ? new TextEncoder().encode(header) : Uint8Array.from(header, (c) => c.charCodeAt(0));
  const prefix = major === 1 ? 10 : 12;
  const out = new Uint8Array(prefix + text.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, text.length, true);
  else view.setUint32(8, text.length, true);
  out.set(text, prefix);
  out.set(data, prefix + text.length);
  return out;
}

const f64Bytes = (...v: number[]) => new Uint8Array(Float64Array.from(v).buffer);

describe("npy codec", () => {
  describe("round-trips", () => {
    for (const dtype of DTYPES) {
      it(`${dtype} in every shape`, () => {
        for (const shape of SHAPES) {
          const data = sample(dtype, shape.reduce((a, b) => a * b, 1));
          const back = readNpy(writeNpy({ dtype, shape, data }));
          expect(back.dtype).to.equal(dtype);
          expect(back.shape).to.deep.equal(shape);
          expect(back.data.constructor).to.equal(data.constructor);
          expect(bytesOf(back.data)).to.deep.equal(bytesOf(data));
        }
      });
    }

    it("writes numpy's header layout: v1.0, padded to 64 bytes, ending in a newline", () => {
      const bytes = writeNpy({ dtype: "float32", shape: [16, 16], data: new Float32Array(256) });
      expect(Array.from(bytes.subarray(0, 8))).to.deep.equal([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
      const len = bytes[8]! | (bytes[9]! << 8);
      expect((10 + len) % 64).to.equal(0);
      const header = String.fromCharCode(...bytes.subarray(10, 10 + len));
      expect(header).to.match(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(16, 16\), \} +\n$/);
      expect(bytes.length).to.equal(10 + len + 256 * 4);
    });

    it("writes 1-tuples and 0-d shapes as Python does", () => {
      const header = (shape: number[]) => {
        const bytes = writeNpy({ dtype: "int8", shape, data: new Int8Array(shape.reduce((a, b) => a * b, 1)) });
        return String.fromCharCode(...bytes.subarray(10, 10 + (bytes[8]! | (bytes[9]! << 8))));
      };
      expect(header([5])).to.contain("'shape': (5,), }");
      expect(header([])).to.contain("'shape': (), }");
    });

    it("switches to format 2.0 when the header exceeds 64 KiB", () => {
      const shape = new Array<number>(30000).fill(1);
      const bytes = writeNpy({ dtype: "uint8", shape, data: Uint8Array.of(42) });
      expect(bytes[6]).to.equal(2);
      expect((12 + new DataView(bytes.buffer).getUint32(8, true)) % 64).to.equal(0);
      const back = readNpy(bytes);
      expect(back.shape).to.deep.equal(shape);
      expect(Array.from(back.data as Uint8Array)).to.deep.equal([42]);
    });

    it("normalises bool bytes to 0/1", () => {
      const bytes = writeNpy({ dtype: "bool", shape: [3], data: Uint8Array.of(0, 7, 1) });
      expect(Array.from(bytes.subarray(bytes.length - 3))).to.deep.equal([0, 1, 1]);
      const read = readNpy(rawNpy("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }\n", [2, 0, 255]));
      expect(Array.from(read.data as Uint8Array)).to.deep.equal([1, 0, 1]);
    });
  });

  describe("reading", () => {
    it("parses header dicts robustly", () => {
      const headers = [
        `{"shape":(3,),"descr":"<f8","fortran_order":False}`,
        "{ 'descr' : '<f8' ,\n 'fortran_order' : False , 'shape' : ( 3 , ) , }   \n",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3L,), }\n",
        "{'descr': '|f8', 'fortran_order': False, 'shape': (3,), }\n",
      ];
      for (const h of headers) {
        const arr = readNpy(rawNpy(h, f64Bytes(1.5, -2.25, NaN)));
        expect(arr.dtype).to.equal("float64");
        expect(arr.shape).to.deep.equal([3]);
        expect(valueStrings(arr.data)).to.deep.equal(["1.5", "-2.25", "NaN"]);
      }
    });

    it("reads format versions 2.0 and 3.0", () => {
      for (const major of [2, 3]) {
        const arr = readNpy(rawNpy("{'descr': '<i2', 'fortran_order': False, 'shape': (2, 1), }\n", [1, 0, 0xfe, 0xff], major));
        expect(arr.shape).to.deep.equal([2, 1]);
        expect(Array.from(arr.data as Int16Array)).to.deep.equal([1, -2]);
      }
    });

    it("reads 0-d arrays", () => {
      const arr = readNpy(rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }\n", f64Bytes(0.25)));
      expect(arr.shape).to.deep.equal([]);
      expect(Array.from(arr.data as Float64Array)).to.deep.equal([0.25]);
    });

    it("reads data at unaligned offsets, also from a subarray of a larger buffer", () => {
      const header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)}";
      expect((10 + header.length) % 8).to.not.equal(0);
      const file = rawNpy(header, f64Bytes(3.5, -1e300));
      const shifted = new Uint8Array(file.length + 1);
      shifted.set(file, 1);
      for (const bytes of [file, shifted.subarray(1)]) {
        expect(Array.from(readNpy(bytes).data as Float64Array)).to.deep.equal([3.5, -1e300]);
      }
    });

    it("returns an independent copy of the data", () => {
      const file = writeNpy({ dtype: "int32", shape: [2], data: Int32Array.of(5, 6) });
      const arr = readNpy(file);
      file.fill(0);
      expect(Array.from(arr.data as Int32Array)).to.deep.equal([5, 6]);
    });

    const header = (descr: string, extra = "'fortran_order': False, 'shape': (2,)") => `{'descr': ${descr}, ${extra}}\n`;
    const errors: [string, Uint8Array, RegExp][] = [
      ["bad magic", Uint8Array.from("PK\x03\x04 not npy", (c) => c.charCodeAt(0)), /bad magic/],
      ["an unsupported version", rawNpy(header("'<i4'"), new Uint8Array(8), 4), /version 4\.0/],
      ["big-endian data", rawNpy(header("'>f4'"), new Uint8Array(8)), /big-endian data \('>f4'\)/],
      ["Fortran order", rawNpy(header("'<f4'", "'fortran_order': True, 'shape': (2, 2)"), new Uint8Array(16)), /Fortran-order/],
      ["an unsupported dtype", rawNpy(header("'<c8'"), new Uint8Array(16)), /unsupported dtype '<c8'/],
      ["object arrays", rawNpy(header("'|O'"), new Uint8Array(16)), /object arrays/],
      ["structured dtypes", rawNpy(header("[('a', '<i4')]"), new Uint8Array(8)), /structured/],
      ["truncated data", rawNpy(header("'<f8'"), new Uint8Array(12)), /truncated .npy data: expected 16 bytes, found 12/],
      ["a truncated header", rawNpy(header("'<f8'"), []).subarray(0, 30), /truncated .npy header/],
      ["a missing key", rawNpy("{'descr': '<f8', 'shape': (2,)}", new Uint8Array(16)), /needs keys/],
      ["a syntax error", rawNpy("{'descr': '<f8', 'shape': (2,", new Uint8Array(16)), /malformed .npy header/],
      ["a negative dimension", rawNpy(header("'<f8'", "'fortran_order': False, 'shape': (-2,)"), []), /invalid shape/],
    ];
    for (const [what, bytes, message] of errors) {
      it(`rejects ${what}`, () => {
        expect(() => readNpy(bytes)).to.throw(NpyError, message);
      });
    }
  });

  describe("writing errors", () => {
    it("rejects data of the wrong type or length and invalid shapes", () => {
      const bad: [NpyArray, RegExp][] = [
        [{ dtype: "float32", shape: [2], data: new Float64Array(2) }, /must be a Float32Array/],
        [{ dtype: "int64", shape: [2, 2], data: new BigInt64Array(3) }, /3 elements but shape \[2, 2\] needs 4/],
        [{ dtype: "uint8", shape: [1.5], data: new Uint8Array(1) }, /invalid shape/],
      ];
      for (const [arr, message] of bad) expect(() => writeNpy(arr)).to.throw(NpyError, message);
    });
  });

  describe("float16", () => {
    it("converts known values", () => {
      const cases: [number, number][] = [
        [1, 0x3c00], [-2, 0xc000], [65504, 0x7bff], [65519.99, 0x7bff], [65520, 0x7c00], [1e9, 0x7c00],
        [-Infinity, 0xfc00], [0, 0x0000], [-0, 0x8000], [2 ** -24, 0x0001], [2 ** -25, 0x0000],
        [2 ** -25 * (1 + 2 ** -52), 0x0001], [3 * 2 ** -25, 0x0002], [2 ** -14, 0x0400], [0.1, 0x2e66],
        [1 / 3, 0x3555], [1 + 2 ** -11, 0x3c00], [1 + 3 * 2 ** -11, 0x3c02], [NaN, 0x7e00],
      ];
      for (const [value, bits] of cases) expect(numberToFloat16Bits(value), String(value)).to.equal(bits);
      expect(float16BitsToNumber(0x7bff)).to.equal(65504);
      expect(float16BitsToNumber(0x0001)).to.equal(2 ** -24);
      expect(float16BitsToNumber(0x83ff)).to.equal(-1023 * 2 ** -24);
      expect(float16BitsToNumber(0xfc00)).to.equal(-Infinity);
      expect(float16BitsToNumber(0x7c01)).to.be.NaN;
    });

    it("round-trips every non-NaN bit pattern", () => {
      for (let bits = 0; bits < 0x10000; bits++) {
        if ((bits & 0x7c00) === 0x7c00 && bits & 0x3ff) continue;
        expect(numberToFloat16Bits(float16BitsToNumber(bits))).to.equal(bits);
      }
    });
  });

  describe("interoperability with NumPy", function () {
    this.timeout(60_000);
    let dir = "";

    before(function () {
      if (spawnSync("python3", ["-c", "import numpy"]).status !== 0) {
        console.log("skipped: numpy not found");
        this.skip();
      }
      dir = mkdtempSync(join(tmpdir(), "allo-npy-"));
    });
    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /// Runs a Python script with `d` bound to the temporary directory; returns its stdout.
    function python(script: string): string {
      const run = spawnSync("python3", ["-c", `import io, json, os, sys\nimport numpy as np\nd = sys.argv[1]\n${script}`, dir], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      });
      expect(run.status, `python failed:\n${run.stderr}`).to.equal(0);
      return run.stdout;
    }

    const pyFloat = (s: string) => (s === "nan" ? NaN : s === "inf" ? Infinity : s === "-inf" ? -Infinity : Number(s));

    it("reads every dtype and shape written by numpy.save", () => {
      const manifest = JSON.parse(
        python(`
def sample(dt, n):
    if dt == np.bool_: return np.arange(n) % 3 == 0
    if dt == np.float16: return (np.arange(n, dtype=np.uint16) * np.uint16(40503)).view(np.float16)
    if np.issubdtype(dt, np.integer):
        info = np.iinfo(dt)
        span = int(info.max) - int(info.min) + 1
        return np.array([[int(info.min), int(info.max), 0][i] if i < 3 else (i * 2654435761 + 12345) % span + int(info.min) for i in range(n)], dtype=dt)
    info = np.finfo(dt)
    special = [np.nan, np.inf, -np.inf, -0.0, info.smallest_subnormal, info.max]
    return np.array([special[i] if i < len(special) else np.sin(i) * 10.0 ** (i % 9 - 4) for i in range(n)], dtype=dt)
def text(a):
    if a.dtype == np.float16: return [str(int(x)) for x in a.reshape(-1).view(np.uint16)]
    if a.dtype.kind == 'f': return [repr(float(x)) for x in a.reshape(-1)]
    return [str(int(x)) for x in a.reshape(-1)]
cases = []
for dt in [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64, np.float16, np.float32, np.float64]:
    for shape in [(), (0,), (1,), (7,), (3, 4), (2, 3, 4), (2, 1, 2, 1, 3)]:
        a = sample(dt, int(np.prod(shape))).reshape(shape)
        f = os.path.join(d, 'np_%d.npy' % len(cases))
        np.save(f, a)
        cases.append({'file': f, 'dtype': a.dtype.name, 'shape': list(shape), 'values': text(a)})
print(json.dumps(cases))
`),
      ) as { file: string; dtype: string; shape: number[]; values: string[] }[];
      expect(manifest).to.have.length(84);
      for (const c of manifest) {
        const arr = readNpy(readFileSync(c.file));
        expect(arr.dtype, c.file).to.equal(c.dtype);
        expect(arr.shape, c.file).to.deep.equal(c.shape);
        const expected = arr.dtype === "float32" || arr.dtype === "float64" ? c.values.map((s) => valueStrings(Float64Array.of(pyFloat(s)))[0]!) : c.values;
        expect(valueStrings(arr.data), c.file).to.deep.equal(expected);
      }
    });

    it("reads numpy's format 2.0 and 3.0 and rejects what it cannot represent", () => {
      python(`
a = np.arange(6, dtype=np.int32).reshape(2, 3) - 3
for v in [(1, 0), (2, 0), (3, 0)]:
    with open(os.path.join(d, 'v%d.npy' % v[0]), 'wb') as f: np.lib.format.write_array(f, a, version=v)
np.save(os.path.join(d, 'fortran.npy'), np.asfortranarray(np.ones((2, 3))))
np.save(os.path.join(d, 'big.npy'), np.arange(3, dtype='>f4'))
np.save(os.path.join(d, 'object.npy'), np.array([1, None], dtype=object), allow_pickle=True)
np.save(os.path.join(d, 'unicode.npy'), np.array(['ab']))
np.save(os.path.join(d, 'strided.npy'), np.arange(12, dtype=np.uint16).reshape(3, 4).T[::2])
`);
      for (const v of [1, 2, 3]) {
        const arr = readNpy(readFileSync(join(dir, `v${v}.npy`)));
        expect(arr.shape).to.deep.equal([2, 3]);
        expect(Array.from(arr.data as Int32Array)).to.deep.equal([-3, -2, -1, 0, 1, 2]);
      }
      const strided = readNpy(readFileSync(join(dir, "strided.npy")));
      expect(strided.shape).to.deep.equal([2, 3]);
      expect(Array.from(strided.data as Uint16Array)).to.deep.equal([0, 4, 8, 2, 6, 10]);
      const load = (name: string) => () => readNpy(readFileSync(join(dir, name)));
      expect(load("fortran.npy")).to.throw(NpyError, /Fortran-order/);
      expect(load("big.npy")).to.throw(NpyError, /big-endian/);
      expect(load("object.npy")).to.throw(NpyError, /object arrays/);
      expect(load("unicode.npy")).to.throw(NpyError, /unsupported dtype '<U2'/);
    });

    it("writes files numpy loads with the same values and the same bytes as numpy.save", () => {
      const cases = DTYPES.flatMap((dtype) =>
        SHAPES.map((shape, i) => {
          const data = sample(dtype, shape.reduce((a, b) => a * b, 1));
          const file = join(dir, `js_${dtype}_${i}.npy`);
          writeFileSync(file, writeNpy({ dtype, shape, data }));
          return { file, descr: DESCR[dtype], shape, values: valueStrings(data) };
        }),
      );
      writeFileSync(join(dir, "js_cases.json"), JSON.stringify(cases));
      const out = python(`
checked = 0
for c in json.load(open(os.path.join(d, 'js_cases.json'))):
    a = np.load(c['file'])
    assert a.dtype.str == c['descr'] and a.shape == tuple(c['shape']), (c['file'], a.dtype.str, a.shape)
    flat = a.reshape(-1)
    if a.dtype == np.float16:
        ok = list(flat.view(np.uint16)) == [int(s) for s in c['values']]
    elif a.dtype.kind == 'f':
        e = np.array([float(s) for s in c['values']], dtype=a.dtype)
        ok = bool(np.all(((flat == e) & (np.signbit(flat) == np.signbit(e))) | (np.isnan(flat) & np.isnan(e))))
    else:
        ok = [int(x) for x in flat] == [int(s) for s in c['values']]
    assert ok, c['file']
    buf = io.BytesIO()
    np.save(buf, a)
    assert buf.getvalue() == open(c['file'], 'rb').read(), 'bytes differ from numpy.save: ' + c['file']
    checked += 1
print(checked)
`);
      expect(out.trim()).to.equal(String(cases.length));
    });

    it("converts float16 exactly like numpy", () => {
      python(`np.save(os.path.join(d, 'f16_all.npy'), np.arange(65536, dtype=np.uint32).astype(np.uint16).view(np.float16).astype(np.float64))`);
      const all = readNpy(readFileSync(join(dir, "f16_all.npy"))).data as Float64Array;
      for (let bits = 0; bits < 0x10000; bits++) {
        expect(valueStrings(Float64Array.of(float16BitsToNumber(bits))), `bits ${bits}`).to.deep.equal(valueStrings(all.subarray(bits, bits + 1)));
      }

      // Ties and near-ties between every pair of neighbouring halves, plus overflow, underflow and NaN.
      const values: number[] = [NaN, -NaN, Infinity, -Infinity, 1e300, 5e-324, 65519.99, 65520, 65536];
      for (let bits = 0; bits < 0x7c00; bits++) {
        const mid = (float16BitsToNumber(bits) + float16BitsToNumber(bits + 1)) / 2;
        values.push(mid, -mid, mid * (1 + 2 ** -52), mid * (1 - 2 ** -53));
      }
      let seed = 12345;
      for (let i = 0; i < 20000; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        values.push((seed / 2 ** 31 - 0.5) * 2 ** ((i % 60) - 30));
      }
      writeFileSync(join(dir, "f64_values.npy"), writeNpy({ dtype: "float64", shape: [values.length], data: Float64Array.from(values) }));
      python(`
import warnings
warnings.simplefilter('ignore')
np.save(os.path.join(d, 'f16_values.npy'), np.load(os.path.join(d, 'f64_values.npy')).astype(np.float16))`);
      const numpyBits = readNpy(readFileSync(join(dir, "f16_values.npy"))).data as Uint16Array;
      const ours = Uint16Array.from(values, numberToFloat16Bits);
      const mismatches = values.flatMap((v, i) => (ours[i] === numpyBits[i] ? [] : [`${v}: ours ${ours[i]} numpy ${numpyBits[i]}`]));
      expect(mismatches.slice(0, 10)).to.deep.equal([]);
    });
  });
});
