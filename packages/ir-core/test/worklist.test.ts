// The greedy driver's worklist against a plain array model: push (set semantics), pop (LIFO), remove, reverse, with
// positions kept in the ops' scratch slot (claimed) or in a map (a second worklist while the slot is taken).
import { expect } from "chai";
import fc from "fast-check";
import { Operation } from "@allo/ir-core";
import { Worklist } from "../src/rewrite/worklist.js";

type Step = { kind: "push" | "remove"; op: number } | { kind: "pop" | "reverse" };

const steps = fc.array(fc.oneof(
  fc.record({ kind: fc.constant("push" as const), op: fc.nat(11) }),
  fc.record({ kind: fc.constant("remove" as const), op: fc.nat(11) }),
  fc.record({ kind: fc.constant("pop" as const) }),
  fc.record({ kind: fc.constant("reverse" as const) }),
), { maxLength: 80 });

/// Runs `script` on a worklist and on the model (MLIR's worklist: a vector where push appends unless present, pop
/// takes the last element and reverse reverses); returns the ops popped by each.
function run(w: Worklist, script: readonly Step[], ops: readonly Operation[]): { got: Operation[]; want: Operation[]; model: Operation[] } {
  const model: Operation[] = [];
  const got: Operation[] = [], want: Operation[] = [];
  for (const s of script) {
    if (s.kind === "push") {
      w.push(ops[s.op]);
      if (!model.includes(ops[s.op])) model.push(ops[s.op]);
    } else if (s.kind === "remove") {
      w.remove(ops[s.op]);
      const i = model.indexOf(ops[s.op]);
      if (i >= 0) model.splice(i, 1);
    } else if (s.kind === "reverse") {
      w.reverse();
      model.reverse();
    } else if (model.length !== 0) {
      got.push(w.pop());
      want.push(model.pop()!);
    }
    expect(w.empty).to.equal(model.length === 0);
    for (const op of ops) expect(w.contains(op)).to.equal(model.includes(op));
  }
  return { got, want, model };
}

const makeOps = () => Array.from({ length: 12 }, (_, i) => new Operation({ name: `t.op${i}`, def: null }));

describe("greedy driver worklist", () => {
  it("behaves as a LIFO set with reversal (scratch slot)", () => {
    fc.assert(fc.property(steps, (script) => {
      const w = new Worklist();
      w.claim();
      try {
        const { got, want } = run(w, script, makeOps());
        expect(got).to.deep.equal(want);
      } finally { w.release(); }
    }), { numRuns: 300 });
  });

  it("behaves the same with positions in a map, also while another worklist holds the slot", () => {
    fc.assert(fc.property(steps, steps, (outerScript, innerScript) => {
      const ops = makeOps();
      const outer = new Worklist();
      outer.claim();
      try {
        const a = run(outer, outerScript, ops);
        const inner = new Worklist();
        inner.claim();
        const b = run(inner, innerScript, ops);
        inner.release();
        expect(a.got).to.deep.equal(a.want);
        expect(b.got).to.deep.equal(b.want);
        // The outer worklist is intact: it still pops what the model holds, last first.
        const rest: Operation[] = [];
        while (!outer.empty) rest.push(outer.pop());
        expect(rest).to.deep.equal(a.model.reverse());
      } finally { outer.release(); }
    }), { numRuns: 200 });
  });
});
