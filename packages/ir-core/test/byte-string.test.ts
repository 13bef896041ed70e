// Byte strings (one char per byte) and the text a diagnostic shows for them.
import { expect } from "chai";
import { toByteString, textOfByteString } from "../src/support/byte-string.js";
import { Diagnostic, unknownDiagLoc } from "../src/diag/diagnostic.js";
import { Severity } from "../src/diag/severity.js";

describe("byte strings", () => {
  it("hold the UTF-8 bytes of non-ASCII text and read back as that text", () => {
    expect(toByteString("héllo")).to.equal("h\xc3\xa9llo");
    expect(textOfByteString(toByteString("π → λ"))).to.equal("π → λ");
    expect(textOfByteString("plain")).to.equal("plain");
  });

  it("stay as they are when they are not UTF-8 or already text", () => {
    expect(textOfByteString("\xff\xfe")).to.equal("\xff\xfe");
    expect(textOfByteString("é and λ")).to.equal("é and λ");
  });

  it("are shown as text in diagnostic messages", () => {
    const d = new Diagnostic(Severity.Error, 0, `redefinition of symbol named '${toByteString("héllo")}'`, unknownDiagLoc);
    expect(d.message).to.equal("redefinition of symbol named 'héllo'");
  });
});
