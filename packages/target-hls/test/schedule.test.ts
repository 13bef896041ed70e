// PE call order: stable topological order of the FIFO graph, and the cycle it reports otherwise.
import { scheduleInstances } from "@allo/target-hls";
import { expect } from "chai";
import fc from "fast-check";

describe("target-hls: PE call order", () => {
  it("keeps IR order where the FIFOs allow it", () => {
    expect(scheduleInstances(3, [])).to.deep.equal({ order: [0, 1, 2] });
    expect(scheduleInstances(3, [{ writer: 2, reader: 0, fifo: "a" }])).to.deep.equal({ order: [1, 2, 0] });
    expect(scheduleInstances(2, [{ writer: 1, reader: 1, fifo: "self" }])).to.deep.equal({ order: [0, 1] });
  });

  it("puts every writer before its reader (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }), (n, pairs) => {
      // Edges from a lower to a higher random rank: always acyclic.
      const rank = Array.from({ length: n }, (_, i) => (i * 7919) % n);
      const edges = pairs.map(([a, b]) => [a % n, b % n]).filter(([a, b]) => rank[a] < rank[b]).map(([a, b], k) => ({ writer: a, reader: b, fifo: `f${k}` }));
      const r = scheduleInstances(n, edges);
      if (!("order" in r)) throw new Error("unexpected cycle");
      expect([...r.order].sort((x, y) => x - y)).to.deep.equal(Array.from({ length: n }, (_, i) => i));
      const pos = new Map(r.order.map((v, i) => [v, i]));
      for (const e of edges) expect(pos.get(e.writer)!).to.be.lessThan(pos.get(e.reader)!);
    }), { numRuns: 300 });
  });

  it("reports a cycle with its instances and FIFOs in order", () => {
    const r = scheduleInstances(4, [
      { writer: 0, reader: 1, fifo: "in" }, { writer: 1, reader: 2, fifo: "x" }, { writer: 2, reader: 3, fifo: "y" }, { writer: 3, reader: 1, fifo: "z" },
    ]);
    expect(r).to.deep.equal({ cycle: { instances: [1, 2, 3], fifos: ["x", "y", "z"] } });
  });
});
