// PE call order: a topological order of the FIFO graph (writer before reader), stable with respect to IR order.
import { alg, Graph } from "@dagrejs/graphlib";

/// One FIFO between two PE instances (indices into the instance list).
export interface FifoEdge {
  readonly writer: number;
  readonly reader: number;
  /// The FIFO's C++ name, for diagnostics.
  readonly fifo: string;
}

/// A cycle of the FIFO graph: instances in cycle order (the first repeats implicitly) and the FIFOs between them.
export interface FifoCycle {
  readonly instances: readonly number[];
  readonly fifos: readonly string[];
}

/// Either the call order or a cycle that makes sequential C-simulation impossible.
export type ScheduleResult = { readonly order: readonly number[] } | { readonly cycle: FifoCycle };

const key = (i: number): string => `n${i}`;
const index = (k: string): number => Number(k.slice(1));

/// A binary min-heap of instance indices.
class MinHeap {
  private readonly a: number[] = [];
  get size(): number { return this.a.length; }
  push(v: number): void {
    const a = this.a;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= v) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = v;
  }
  pop(): number {
    const a = this.a;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1] < a[l] ? l + 1 : l;
        if (a[c] >= last) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/// Orders `count` instances so that every FIFO's writer runs before its reader (Kahn's algorithm): among the
/// instances that are ready, the one first in IR order runs first, so an already ordered design keeps its order.
/// A FIFO an instance both writes and reads does not constrain the order. On a cycle, graphlib's strongly connected
/// components locate it.
export function scheduleInstances(count: number, edges: readonly FifoEdge[]): ScheduleResult {
  const indegree = new Array<number>(count).fill(0);
  const succ: number[][] = Array.from({ length: count }, () => []);
  for (const e of edges) {
    if (e.writer === e.reader) continue;
    succ[e.writer].push(e.reader);
    indegree[e.reader]++;
  }
  const ready = new MinHeap();
  for (let i = 0; i < count; i++) if (indegree[i] === 0) ready.push(i);
  const order: number[] = [];
  while (ready.size > 0) {
    const n = ready.pop();
    order.push(n);
    for (const s of succ[n]) if (--indegree[s] === 0) ready.push(s);
  }
  if (order.length === count) return { order };
  // Only a design with a cycle pays for the graph the cycle search needs.
  const g = new Graph({ directed: true, multigraph: true });
  for (let i = 0; i < count; i++) g.setNode(key(i));
  for (const e of edges) if (e.writer !== e.reader) g.setEdge(key(e.writer), key(e.reader), e.fifo, e.fifo);
  return { cycle: findCycle(g, new Set(order)) };
}

/// A simple cycle among the instances not yet scheduled: the strongly connected component holding the
/// lowest-numbered instance on a cycle, walked from that instance along shortest paths back to it.
function findCycle(g: Graph, scheduled: ReadonlySet<number>): FifoCycle {
  const rest = g.filterNodes((k) => !scheduled.has(index(k)));
  const components = alg.findCycles(rest).map((c) => c.map(index).sort((a, b) => a - b));
  components.sort((a, b) => a[0] - b[0]);
  const comp = new Set(components[0]);
  const start = components[0][0];
  // Breadth-first search from `start` inside the component until an edge returns to `start`.
  const parent = new Map<number, { from: number; fifo: string }>();
  const queue = [start];
  let closing: { from: number; fifo: string } | null = null;
  for (let qi = 0; qi < queue.length && closing === null; qi++) {
    const v = queue[qi];
    const out = (rest.outEdges(key(v)) ?? []).slice().sort((a, b) => index(a.w) - index(b.w));
    for (const e of out) {
      const w = index(e.w);
      if (!comp.has(w)) continue;
      const fifo = String(e.name ?? "");
      if (w === start) { closing = { from: v, fifo }; break; }
      if (!parent.has(w)) { parent.set(w, { from: v, fifo }); queue.push(w); }
    }
  }
  const instances: number[] = [];
  const fifos: string[] = [];
  if (closing !== null) {
    fifos.push(closing.fifo);
    for (let v = closing.from; v !== start; v = parent.get(v)!.from) {
      instances.push(v);
      fifos.push(parent.get(v)!.fifo);
    }
    instances.push(start);
    instances.reverse();
    fifos.reverse();
  }
  return { instances, fifos };
}
