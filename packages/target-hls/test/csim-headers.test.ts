// Tests for the C-simulation headers (ap_int.h, ap_fixed.h, hls_stream.h): compiles small programs with g++ and checks their output.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const INCLUDE = fileURLToPath(new URL("../include", import.meta.url));
const FLAGS = ["-std=c++17", "-O2", "-Wall", "-Werror", "-I", INCLUDE];
const PRELUDE = `#include "ap_fixed.h"
#include "ap_int.h"
#include "hls_stream.h"
#include <iomanip>
#include <iostream>
`;

describe("C-simulation headers", function () {
  this.timeout(120_000);
  let dir = "";
  let programs = 0;

  before(function () {
    if (spawnSync("g++", ["--version"]).status !== 0) {
      console.log("skipped: g++ not found");
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), "allo-csim-"));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /// Compiles `source` (after the standard includes); returns the compiler result and the binary path.
  function compile(source: string) {
    const base = join(dir, `prog${++programs}`);
    writeFileSync(`${base}.cpp`, PRELUDE + source);
    const result = spawnSync("g++", [...FLAGS, `${base}.cpp`, "-o", base], { encoding: "utf8" });
    return { result, binary: base };
  }

  /// Compiles and runs `source`, which must compile without warnings.
  function run(source: string) {
    const { result, binary } = compile(source);
    expect(result.status, `g++ failed:\n${result.stderr}`).to.equal(0);
    return spawnSync(binary, { encoding: "utf8" });
  }

  /// Runs `setup`, then prints each expression; checks every printed value against the expected text.
  function checkValues(setup: string, cases: [expr: string, expected: string][]) {
    const prints = cases.map(([e]) => `  std::cout << ${JSON.stringify(e)} << " = " << (${e}) << "\\n";`);
    const out = run(`int main() {\n  std::cout << std::boolalpha << std::setprecision(17);\n${setup}\n${prints.join("\n")}\n}\n`);
    expect(out.status, out.stderr).to.equal(0);
    expect(out.stdout.split("\n").slice(0, -1)).to.deep.equal(cases.map(([e, v]) => `${e} = ${v}`));
  }

  describe("ap_int.h", () => {
    it("wraps around in two's complement like hardware", () => {
      checkValues("ap_int<12> a = 5; ap_int<12> b = a * a + 3; int x = b; ap_int<8> p = 100; ap_int<4> w = 7; w++;", [
        ["ap_int<5>(17)", "-15"],
        ["ap_int<5>(-17)", "15"],
        ["ap_uint<5>(-1)", "31"],
        ["ap_uint<8>(256 + 7)", "7"],
        ["x", "28"],
        ["b", "28"],
        ["p + p", "200"],
        ["ap_int<8>(p + p)", "-56"],
        ["p * p", "10000"],
        ["ap_int<8>(p * p)", "16"],
        ["ap_uint<4>(15) + ap_uint<4>(1)", "16"],
        ["ap_uint<4>(ap_uint<4>(15) + 1)", "0"],
        ["w", "-8"],
        ["ap_int<8>(300.7)", "44"],
        ["ap_int<8>(-1.5)", "-1"],
        ["ap_uint<8>(-1.0)", "255"],
        ["ap_int<33>(1LL << 32)", "-4294967296"],
        ["ap_int<64>(-1).to_uint64()", "18446744073709551615"],
        ["ap_uint<64>(~0ull).to_int64()", "-1"],
      ]);
    });

    it("keeps signs exact in mixed signed/unsigned arithmetic and comparisons", () => {
      checkValues("", [
        ["ap_int<8>(-1) < ap_uint<8>(1)", "true"],
        ["ap_uint<8>(200) > ap_int<8>(-1)", "true"],
        ["ap_int<8>(-1) < 5u", "true"],
        ["ap_int<8>(-3) == -3", "true"],
        ["ap_uint<8>(3) - 5", "-2"],
        ["ap_uint<32>(0) - 1", "-1"],
        ["ap_int<8>(-7) / 2", "-3"],
        ["ap_int<8>(-7) % 2", "-1"],
        ["ap_uint<8>(250) / ap_int<4>(-5)", "-50"],
        ["ap_int<8>(-128) / -1", "128"],
        ["-ap_int<8>(-128)", "128"],
        ["~ap_uint<4>(5)", "10"],
        ["~ap_int<4>(5)", "-6"],
        ["(ap_int<8>(-16) & 0xff)", "240"],
        ["(ap_uint<8>(0xF0) | ap_int<4>(1))", "241"],
        ["(ap_uint<8>(0xF0) ^ ap_int<4>(-1))", "-241"],
        ["ap_int<10>(-3).to_double()", "-3"],
      ]);
    });

    it("shifts within the left operand's width", () => {
      checkValues("", [
        ["(ap_uint<8>(0x81) << 4)", "16"],
        ["(ap_uint<16>(ap_uint<8>(0x81)) << 4)", "2064"],
        ["(ap_int<8>(-128) >> 3)", "-16"],
        ["(ap_uint<8>(0x80) >> 3)", "16"],
        ["(ap_int<8>(4) << -1)", "2"],
        ["(ap_int<8>(4) >> -1)", "8"],
        ["(ap_int<8>(1) << 8)", "0"],
        ["(ap_int<8>(-1) >> 100)", "-1"],
        ["(ap_uint<8>(255) >> ap_uint<4>(4))", "15"],
        ["(1 << ap_uint<3>(5))", "32"],
      ]);
    });

    it("reads bits and ranges, and works in arrays and streams", () => {
      const setup = `ap_uint<16> h = 0xABCD; ap_uint<16> h2 = h; h2.set_bit(15, false).set_bit(0, false);
  ap_int<6> arr[4] = {1, -2, 40, 3};
  hls::stream<ap_uint<9>> s9("s9"); s9 << 300; s9.write(600);`;
      checkValues(setup, [
        ["h[0]", "true"],
        ["h[1]", "false"],
        ["h.range(11, 4)", "188"],
        ["h.range(0, 3)", "11"],
        ["h.range(15, 0)", "43981"],
        ["h2", "11212"],
        ["h.to_int()", "43981"],
        ["ap_int<16>(h).to_int()", "-21555"],
        ["h.length()", "16"],
        ["arr[2]", "-24"],
        ["arr[1] * arr[3]", "-6"],
        ["arr[ap_uint<2>(3)]", "3"],
        ["s9.read()", "300"],
        ["s9.read()", "88"],
      ]);
    });

    it("rejects unsupported widths at compile time with a clear message", () => {
      const { result } = compile("int main() { ap_int<65> v = 0; return v.to_int(); }\n");
      expect(result.status).to.not.equal(0);
      expect(result.stderr).to.contain("supports 1 <= W <= 64 only");
    });
  });

  describe("ap_fixed.h", () => {
    it("quantises with AP_TRN (toward minus infinity) and overflows with AP_WRAP", () => {
      checkValues("ap_fixed<8,4> f = 1.3;", [
        ["f", "1.25"],
        ["f.V", "20"],
        ["f.range(7, 0)", "20"],
        ["ap_fixed<8,4>(-1.3)", "-1.3125"],
        ["ap_fixed<8,4>(7.9375)", "7.9375"],
        ["ap_fixed<8,4>(8.0)", "-8"],
        ["ap_fixed<8,4>(8.0625)", "-7.9375"],
        ["ap_ufixed<8,2>(-0.25)", "3.75"],
        ["ap_fixed<16,8>(3.14159).to_float()", "3.140625"],
        ["ap_fixed<12,4>(ap_fixed<8,4>(-1.3))", "-1.3125"],
        ["ap_fixed<6,4>(ap_fixed<8,4>(-1.3))", "-1.5"],
        ["ap_fixed<8,4>(ap_int<8>(-3))", "-3"],
        ["ap_fixed<8,8>(300)", "44"],
        ["ap_fixed<8,4>(-2.5).to_int()", "-2"],
        ["ap_fixed<8,4>(2.9375).to_int()", "2"],
      ]);
    });

    it("computes in full precision and converts on assignment", () => {
      const setup = `ap_fixed<8,4> f = 1.3; ap_fixed<8,4> g = f * f; ap_fixed<8,4> h = 1.3125;
  ap_fixed<16,8> one = 1, three = 3; ap_fixed<32,16> acc = 0; acc += f * g;`;
      checkValues(setup, [
        ["g", "1.5625"],
        ["h * h", "1.72265625"],
        ["ap_fixed<8,4>(h * h)", "1.6875"],
        ["one / three", "0.33203125"],
        ["-one / three", "-0.33203125"],
        ["ap_fixed<16,8>(-1) / 3", "-0.33203125"],
        ["acc", "1.953125"],
        ["f + 1", "2.25"],
        ["2 * f", "2.5"],
        ["f - ap_int<4>(3)", "-1.75"],
        ["f * 0.5", "0.625"],
        ["ap_fixed<8,4>(1.5) < ap_fixed<16,8>(1.75)", "true"],
        ["ap_fixed<8,4>(-2) == -2", "true"],
        ["ap_fixed<8,4>(-0.5) > ap_ufixed<4,0>(0.4375)", "false"],
        ["ap_ufixed<8,8>(200) > ap_fixed<8,4>(-1)", "true"],
      ]);
    });
  });

  describe("hls_stream.h", () => {
    it("is a FIFO with blocking and non-blocking access", () => {
      const out = run(`int main() {
  hls::stream<int> a("a");
  hls::stream<int> b;
  for (int i = 0; i < 5; ++i) a.write(i * 10);
  a << 50;
  std::cout << a.size() << " " << a.empty() << " " << a.full() << "\\n";
  int v = 0;
  a >> v;
  std::cout << v << " " << a.read() << " ";
  a.read(v);
  std::cout << v << " |";
  while (a.read_nb(v)) std::cout << " " << v;
  std::cout << " | " << a.read_nb(v) << " " << v << " " << a.empty() << "\\n";
  std::cout << b.write_nb(7) << " " << b.name() << " " << a.name() << "\\n";
}
`);
      expect(out.status, out.stderr).to.equal(0);
      expect(out.stdout).to.equal("6 0 0\n0 10 20 | 30 40 50 | 0 50 1\n1 hls::stream#1 a\n");
    });

    it("reports a read of an empty stream by name and exits with code 3", () => {
      const out = run(`int main() {
  hls::stream<int> fifo("fifo_A_1_2");
  fifo.write(1);
  std::cout << fifo.read() << std::endl;
  int v;
  fifo >> v;
  std::cout << "unreachable " << v << "\\n";
}
`);
      expect(out.status).to.equal(3);
      expect(out.stdout).to.equal("1\n");
      expect(out.stderr).to.contain("hls::stream 'fifo_A_1_2' read while empty");
    });

    it("lists streams left with data at the end of a testbench", () => {
      const out = run(`int main() {
  hls::stream<int> x("x"), y("y");
  hls::stream<float> z;
  {
    hls::stream<int> gone("gone");
    gone.write(1);
  }
  x.write(1);
  x.write(2);
  z.write(1.5f);
  std::cout << hls::sim::check_streams_empty() << "\\n";
  x.read();
  x.read();
  z.read();
  std::cout << hls::sim::check_streams_empty() << "\\n";
}
`);
      expect(out.status, out.stderr).to.equal(0);
      expect(out.stdout).to.equal("2\n0\n");
      expect(out.stderr).to.equal(
        "hls::stream 'x' has 2 leftover element(s)\nhls::stream 'hls::stream#1' has 1 leftover element(s)\n",
      );
    });
  });
});
