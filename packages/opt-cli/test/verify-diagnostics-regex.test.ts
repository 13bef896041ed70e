// `expected-*-re` designators are matched as mlir-opt-19 matches them: with llvm::Regex (POSIX extended regular
// expressions over bytes), rejected patterns reported with llvm_regerror's text at the designator.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bufferLoc, Diagnostic, Severity, SourceBuffer } from "@allo/ir-core";
import { escapeLlvmRegex, LlvmRegex, LlvmRegexError } from "../src/llvm-regex.js";
import { checkExpectations } from "../src/verify-diagnostics.js";

const matches = (pattern: string, subject: string) => new LlvmRegex(pattern).test(subject);

function errorOf(pattern: string): string {
  try {
    new LlvmRegex(pattern);
  } catch (e) {
    if (e instanceof LlvmRegexError) return e.message;
    throw e;
  }
  return "(valid)";
}

describe("LlvmRegex", () => {
  it("knows the POSIX character classes", () => {
    expect(matches("use of [[:alpha:]]+ SSA", "use of undeclared SSA value")).to.equal(true);
    expect(matches("^[[:digit:]]+$", "0123")).to.equal(true);
    expect(matches("^[[:digit:]]+$", "01a")).to.equal(false);
    expect(matches("a[[:space:]]b", "a\tb")).to.equal(true);
    expect(matches("^[[:alnum:]_]+$", "ab_9")).to.equal(true);
    expect(matches("^[[:upper:]][[:lower:]]+$", "Hello")).to.equal(true);
    expect(matches("^[[:upper:]][[:lower:]]+$", "hello")).to.equal(false);
    expect(matches("[[:punct:]]", "abc")).to.equal(false);
    expect(matches("^[[:xdigit:]]+$", "0x1F")).to.equal(false);
    expect(matches("^[[:xdigit:]]+$", "01Fa")).to.equal(true);
    expect(matches("a[[:blank:]]b", "a\nb")).to.equal(false);
    expect(matches("[[:cntrl:]]", "a\x7fb")).to.equal(true);
    expect(matches("^[^[:print:]]$", " ")).to.equal(false);
    expect(matches("^[[:graph:]]$", " ")).to.equal(false);
  });

  it("has no Perl classes: a backslash before an ordinary character is that character", () => {
    expect(matches("use of \\w+ SSA", "use of undeclared SSA")).to.equal(false);
    expect(matches("\\w+", "www")).to.equal(true);
    expect(matches("\\d", "42")).to.equal(false);
    expect(matches("\\n", "\n")).to.equal(false);
    expect(matches("a\\.b", "a.b")).to.equal(true);
    expect(matches("a\\.b", "axb")).to.equal(false);
    expect(matches("[\\w]", "\\")).to.equal(true);
  });

  it("repeats with intervals, and takes `{` not before a digit literally", () => {
    expect(matches("^a{2}$", "aa")).to.equal(true);
    expect(matches("^a{2}$", "aaa")).to.equal(false);
    expect(matches("^a{2,}$", "aaaa")).to.equal(true);
    expect(matches("^a{1,2}b$", "aaab")).to.equal(false);
    expect(matches("^a{,2}$", "a{,2}")).to.equal(true);
    expect(matches("^x{y}$", "x{y}")).to.equal(true);
    expect(matches("^(ab){0}c$", "c")).to.equal(true);
  });

  it("matches alternations, groups and anchors anywhere in the subject", () => {
    expect(matches("(a|b)c", "xxbc")).to.equal(true);
    expect(matches("^use", "a use")).to.equal(false);
    expect(matches("name$", "name x")).to.equal(false);
    expect(matches("()", "")).to.equal(true);
    expect(matches("^$", "")).to.equal(true);
  });

  it("takes linear time where a backtracking matcher would take exponential time, as LLVM's matcher", function () {
    this.timeout(20000); // a backtracking match of these takes hours
    expect(matches("(a+)+$", "a".repeat(60) + "x")).to.equal(false);
    expect(matches("^(a|aa)*$", "a".repeat(80) + "b")).to.equal(false);
    expect(matches("(x+x+)+y", "x".repeat(60))).to.equal(false);
    expect(matches("name$$", "a name")).to.equal(true);
  });

  it("reads bracket expressions as regcomp.c does", () => {
    expect(matches("^[]a]+$", "]a")).to.equal(true);
    expect(matches("^[^]a]$", "]")).to.equal(false);
    expect(matches("^[a-]+$", "a-")).to.equal(true);
    expect(matches("^[!--]+$", "!,-")).to.equal(true);
    expect(matches("^[[.space.][.hyphen.]]+$", " -")).to.equal(true);
    expect(matches("^[[=a=]]$", "a")).to.equal(true);
    expect(matches("^[[.a.]-c]+$", "abc")).to.equal(true);
  });

  it("knows the word boundaries [[:<:]] and [[:>:]]", () => {
    expect(matches("[[:<:]]of", "use of")).to.equal(true);
    expect(matches("[[:<:]]se", "use")).to.equal(false);
    expect(matches("us[[:>:]]", "use")).to.equal(false);
    expect(matches("use[[:>:]]", "use")).to.equal(true);
  });

  it("matches bytes: `.` is one byte of a UTF-8 character", () => {
    expect(matches("^.$", "é")).to.equal(false);
    expect(matches("^..$", "é")).to.equal(true);
    expect(matches("^[é]+$", "é")).to.equal(true);
    expect(matches("^[^a]$", "é")).to.equal(false);
  });

  it("matches back-references as LLVM's engine does", () => {
    expect(matches("(a)\\1", "xaay")).to.equal(true);
    expect(matches("(a)\\1", "ab")).to.equal(false);
    expect(matches("([[:alpha:]]+) \\1", "op op")).to.equal(true);
    // A back-reference to a group that took no part fails.
    expect(matches("(q)|S\\1", "S")).to.equal(false);
    // An empty optional group takes part.
    expect(matches("()?(.)\\1", "ab")).to.equal(true);
    // With no real match, LLVM's engine reports one when the pattern, its back-references read as their groups'
    // patterns, matches the empty string at the end of the subject.
    expect(matches("x()|()\\1", "a")).to.equal(true);
  });

  it("reports rejected patterns with llvm_regerror's text", () => {
    const cases: [string, string][] = [
      ["", "empty (sub)expression"], ["a|", "empty (sub)expression"], ["(|a)", "empty (sub)expression"],
      ["a{0}|b", "empty (sub)expression"], ["(", "parentheses not balanced"], ["a)", "parentheses not balanced"],
      ["(a|b", "parentheses not balanced"], ["[a", "brackets ([ ]) not balanced"], ["[]", "brackets ([ ]) not balanced"],
      ["[a-z+", "brackets ([ ]) not balanced"], ["[[:alpha:]", "brackets ([ ]) not balanced"],
      ["[[.]]", "brackets ([ ]) not balanced"], ["[[:foo:]]", "invalid character class"],
      ["[[:alpha]]", "invalid character class"], ["[[:-]]", "invalid character class"],
      ["[[=ab=]]", "invalid collating element"], ["[[.spac.]]", "invalid collating element"],
      ["[[=]]", "invalid collating element"], ["[z-a]", "invalid character range"],
      ["[a-z-0]", "invalid character range"], ["[a--]", "invalid character range"], ["[a-", "invalid character range"],
      ["\\", "trailing backslash (\\)"], ["\\1", "invalid backreference number"],
      ["(a\\1)", "invalid backreference number"], ["a{2,1}", "invalid repetition count(s)"],
      ["a{256}", "invalid repetition count(s)"], ["a{1,2x}", "invalid repetition count(s)"],
      ["a{1,2", "braces not balanced"], ["*a", "repetition-operator operand invalid"],
      ["a**", "repetition-operator operand invalid"], ["a+?", "repetition-operator operand invalid"],
      ["^*", "repetition-operator operand invalid"], ["{1}", "repetition-operator operand invalid"],
      ["a{2}{3}", "repetition-operator operand invalid"],
    ];
    for (const [pattern, error] of cases) expect(errorOf(pattern), pattern).to.equal(error);
    expect(errorOf("a{255}")).to.equal("(valid)");
  });

  it("escapes as llvm::Regex::escape", () => {
    expect(escapeLlvmRegex("a.b(c)[d]{e}|*+?^$\\")).to.equal("a\\.b\\(c\\)\\[d\\]\\{e\\}\\|\\*\\+\\?\\^\\$\\\\");
    expect(matches(escapeLlvmRegex("f(x) = [y]*"), "f(x) = [y]*")).to.equal(true);
  });
});

describe("checkExpectations with -re designators", () => {
  const message = "use of undeclared SSA value name";

  /// The failures for `designator` on line 1 and an error with `emitted` on line 2, as "line:col-width: text".
  function failures(designator: string, text = message): string[] {
    const buf = new SourceBuffer("t.mlir", `  // ${designator}\n  %0 = arith.addi %q, %q : i32\n`);
    const at = buf.text.indexOf("%q");
    const emitted = new Diagnostic(Severity.Error, 1, text, bufferLoc(buf, at, at));
    return checkExpectations(buf, [emitted]).map((d) => `${buf.lineCol(d.loc.start).line}:${buf.lineCol(d.loc.start).col}-${d.loc.end - d.loc.start}: ${d.message}`);
  }

  it("matches llvm::Regex syntax in {{...}} and the rest literally", () => {
    expect(failures("expected-error-re@+1 {{use of {{[[:alpha:]]+}} SSA}}")).to.deep.equal([]);
    expect(failures("expected-error-re@+1 {{{{^}}use of {{.*}} name{{$}}}}")).to.deep.equal([]);
    expect(failures("expected-error-re@+1 {{use (of)}}")).to.have.length(2);
    expect(failures("expected-error-re@+1 {{use of \\w+ SSA}}")).to.have.length(2);
  });

  it("does not match `\\w`", () => {
    expect(failures("expected-error-re@+1 {{use of {{\\w+}} SSA}}")).to.deep.equal([
      `2:19-0: unexpected error: ${message}`,
      "1:6-18: expected error \"use of {{\\w+}} SSA\" was not produced",
    ]);
  });

  it("reports an invalid regex at the designator first, drops the designator and goes on", () => {
    expect(failures("expected-error-re@+1 {{use of {{[a-z+}} SSA}}")).to.deep.equal([
      "1:6-20: invalid regex: brackets ([ ]) not balanced",
      `2:19-0: unexpected error: ${message}`,
    ]);
    expect(failures("expected-error-re@+1 {{use of {{a{2,1}}} SSA}}")[0]).to.equal("1:6-21: invalid regex: invalid repetition count(s)");
    expect(failures("expected-error-re@+1 {{use of {{und}} {{x}}")[0]).to.equal("1:6-18: found start of regex with no end '}}'");
  });

  it("numbers the groups of all blocks together: a back-reference may not refer to its own block's group", () => {
    // `(S)\1` is valid alone, but in `((S)\1)`, the regex of the designator, `\1` is the enclosing group.
    expect(failures("expected-error-re@+1 {{{{(S)\\1}}}}", "SS")).to.have.length(2);
    // In `((a)(b)\2)`, `\2` is `(a)`.
    expect(failures("expected-error-re@+1 {{{{(a)(b)\\2}}}}", "abb")).to.have.length(2);
    expect(failures("expected-error-re@+1 {{{{(a)(b)\\2}}}}", "aba")).to.deep.equal([]);
  });
});

describe("-re designators on generated patterns", () => {
  // Fragments of llvm::Regex syntax, valid and not; word boundaries and `{0}` are left out (see LlvmRegex's known
  // differences).
  const fragments = ["(", ")", "[", "]", "{", "}", "|", "*", "+", "?", ".", "^", "$", "\\", "-", ":", "=", ",", "1", "2",
    "a", "b", "S", " ", "'", "[:alpha:]", "[:digit:]", "[:foo:]", "[.space.]", "[=a=]", "\\1", "\\2", "\\w", "{2,3}",
    "{1}", "{,2}", "{2,}", "[^", "{{", "}}"];
  const subjectParts = ["a", "b", "S", " ", "-", "(", ")", "[", "]", "{", "}", "ab", "SS", "aa"];

  it("are matched and rejected as mlir-opt-19 does", function () {
    let seed = 42;
    const random = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
    const pick = (xs: readonly string[]) => xs[random(xs.length)];
    const cases = Array.from({ length: 400 }, () => {
      const blocks = Array.from({ length: 1 + random(2) }, () => Array.from({ length: 1 + random(6) }, () => pick(fragments)).join(""));
      const text = blocks.map((b) => `{{${b}}}`).join(pick(["", "a", " "]));
      return { text, subject: Array.from({ length: random(5) }, () => pick(subjectParts)).join("") };
    }).filter((c) => !/[ \t]$/.test(c.text));
    const chunks = cases.map((c) => `func.func @f() {\n  // expected-error-re@+1 {{${c.text}}}\n  func.call @"${c.subject}"() : () -> ()\n  return\n}\n`);
    const dir = mkdtempSync(join(tmpdir(), "allo-vdre-gen-"));
    const file = join(dir, "gen.mlir");
    writeFileSync(file, chunks.join("// -----\n"));
    const m = spawnSync("mlir-opt-19", [file, "--split-input-file", "--verify-diagnostics"], { encoding: "utf8", maxBuffer: 1 << 26 });
    rmSync(dir, { recursive: true, force: true });
    if (m.error !== undefined) { this.skip(); return; } // skipped: mlir-opt-19 not found
    // mlir-opt-19's errors by the line where their chunk starts (that of its `// -----`), as "line:col: message".
    const expected = new Map<number, string[]>();
    for (const line of m.stderr.split("\n")) {
      const e = /^within split at .*:(\d+) offset :(\d+):(\d+): error: (.*)$/.exec(line);
      if (e !== null) expected.set(Number(e[1]), [...(expected.get(Number(e[1])) ?? []), `${e[2]}:${e[3]}: ${e[4]}`]);
    }
    let chunkLine = 1;
    cases.forEach((c, i) => {
      // A chunk after a `// -----` starts with the rest of that line.
      const buf = new SourceBuffer("gen.mlir", (i === 0 ? "" : "\n") + chunks[i]);
      const at = buf.text.indexOf("func.call");
      const emitted = new Diagnostic(Severity.Error, 1, `'func.call' op '${c.subject}' does not reference a valid function`, bufferLoc(buf, at, at));
      const actual = checkExpectations(buf, [emitted]).map((d) => `${buf.lineCol(d.loc.start).line}:${buf.lineCol(d.loc.start).col}: ${d.message}`);
      expect(actual, JSON.stringify(c)).to.deep.equal(expected.get(chunkLine) ?? []);
      chunkLine += 5 + (i === 0 ? 0 : 1);
    });
  });
});

describe("allo-opt --verify-diagnostics with -re designators, against mlir-opt-19", () => {
  const alloOpt = resolve(import.meta.dirname, "../bin/allo-opt.js");
  const inputs: Record<string, string> = {
    "alpha.mlir": "func.func @f() {\n  // expected-error-re@+1 {{use of {{[[:alpha:]]+}} SSA}}\n  %0 = arith.addi %q, %q : i32\n  return\n}\n",
    "word.mlir": "func.func @f() {\n  // expected-error-re@+1 {{use of {{\\w+}} SSA}}\n  %0 = arith.addi %q, %q : i32\n  return\n}\n",
    "paren.mlir": "func.func @f() {\n  // expected-error-re@+1 {{use of {{(a|b}} SSA}}\n  %0 = arith.addi %q, %q : i32\n  return\n}\n",
    "bracket.mlir": "func.func @f() {\n  // expected-error-re@+1 {{use of {{[a-z+}} SSA}}\n  %0 = arith.addi %q, %q : i32\n  return\n}\n",
    "count.mlir": "func.func @f() {\n  // expected-error-re@+1 {{use of {{a{2,1}}} SSA}}\n  %0 = arith.addi %q, %q : i32\n  return\n}\n",
    "several.mlir": [
      "// expected-error-re@+1 {{[[:foo:]]}}",
      "// expected-error-re@+1 {{x{{\\}}}}",
      "// expected-warning-re {{{{*}}}}",
      "// expected-note-re@+3 {{a {{b",
      "func.func @f() {",
      "  // expected-error-re@+1 {{{{^}}use of {{[[:lower:]]+}} SSA value {{[[:<:]]name$}}}}",
      "  %0 = arith.addi %q, %q : i32",
      "  // expected-remark-re@-1 {{{{[[:digit:]]}}}}",
      "  return",
      "}",
      "",
    ].join("\n"),
  };
  let dir = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "allo-vdre-"));
    for (const [name, text] of Object.entries(inputs)) writeFileSync(join(dir, name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of Object.keys(inputs)) {
    it(`prints what mlir-opt-19 prints for ${name}`, function () {
      const file = join(dir, name);
      const m = spawnSync("mlir-opt-19", [file, "--verify-diagnostics"], { encoding: "utf8" });
      if (m.error !== undefined) { this.skip(); return; } // skipped: mlir-opt-19 not found
      const a = spawnSync("node", [alloOpt, file, "--verify-diagnostics"], { encoding: "utf8" });
      expect({ status: a.status, stdout: a.stdout, stderr: a.stderr }).to.deep.equal({ status: m.status, stdout: m.stdout, stderr: m.stderr });
    });
  }
});
