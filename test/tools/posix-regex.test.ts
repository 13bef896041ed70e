// Tests the POSIX-to-JavaScript regex translation on LLVM's rules.

import { expect } from "chai";
import fc from "fast-check";
import { escapePosix, translatePosixRegex } from "./filecheck/posix-regex.js";

const matches = (posix: string, text: string): string | null => new RegExp(translatePosixRegex(posix).source).exec(text)?.[0] ?? null;

describe("POSIX regex translation", function () {
  it("keeps ERE operators", function () {
    expect(matches("a(b|c)+d{2}e?", "xabcbddy")).to.equal("abcbdd");
    expect(matches("[0-9]+", "ab123")).to.equal("123");
  });

  it("makes a backslash quote any character but 1-9", function () {
    expect(matches("\\d\\n\\.", "d5 dn.")).to.equal("dn.");
    expect(matches("(a)\\1", "aa")).to.equal("aa");
  });

  it("keeps . and [^...] inside a line and anchors ^ and $ at line ends", function () {
    expect(matches("a.b", "a\nb")).to.equal(null);
    expect(matches("a[^x]b", "a\nb")).to.equal(null);
    expect(matches("^b$", "a\nb\nc")).to.equal("b");
  });

  it("reads bracket expressions the POSIX way", function () {
    expect(matches("[]a]+", "x]a]")).to.equal("]a]");
    expect(matches("[[:alpha:]_][[:alnum:]_]*", "1 _x9 ")).to.equal("_x9");
    expect(matches("[a\\]+", "a\\")).to.equal("a\\");
    expect(matches("[a-]+", "-a-")).to.equal("-a-");
  });

  it("counts capturing groups", function () {
    expect(translatePosixRegex("(a)([(]b)(c(d))").groups).to.equal(4);
  });

  it("rejects what regcomp rejects", function () {
    for (const [bad, message] of [
      ["a*?", "repetition-operator operand invalid"],
      ["*a", "repetition-operator operand invalid"],
      ["a|", "empty (sub)expression"],
      ["", "empty (sub)expression"],
      ["(a", "parentheses not balanced"],
      ["[a", "brackets ([ ]) not balanced"],
      ["[[:nope:]]", "invalid character class"],
      ["a\\", "trailing backslash (\\)"],
    ]) {
      expect(() => translatePosixRegex(bad), bad).to.throw(message);
    }
  });

  it("escapes any text to match itself", function () {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        expect(matches(escapePosix(text), text)).to.equal(text);
      }),
    );
  });
});
