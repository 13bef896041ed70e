// inline: inlines func.call sites bottom-up over the SCCs of the call graph and simplifies each callable with a
// pipeline (canonicalize by default), then deletes private callables left without uses (MLIR's InlinerPass.cpp,
// Inliner.cpp, CallGraph.cpp and InliningUtils.cpp).
import {
  AttrKind, Block, cloneOp, definePass, DiagMessages, getCallSiteLoc, hasTrait, isMemoryEffectFree, lookupSymbolFrom, Operation, opt,
  OpPassManager, parsePassPipeline, parsePipelineInto, registry, Trait, unknownLoc, walk, type Region, type SymbolRefAttr, type Value,
} from "@allo/ir-core";
import { collectSymbolRefs, isSymbol, symbolVisibility } from "./symbol-dce.js";

/// A callable in the call graph: a func.func with a body.
interface Node {
  readonly op: Operation;
  readonly index: number;
  /// Callees (resolved call edges) in call order; null entries are calls to external/unknown callees.
  edges: (Node | null)[];
}

interface ResolvedCall { readonly call: Operation; readonly source: Node; readonly target: Node }

const isCallable = (op: Operation): boolean => op.name === "func.func" && !op.regions[0].empty;
const isCall = (op: Operation): boolean => op.name === "func.call";

/// Dialects whose ops may be inlined (those with a DialectInlinerInterface in MLIR).
const INLINABLE_DIALECTS = new Set(["func", "arith", "cf", "memref", "scf", "affine", "linalg", "math", "builtin"]);

class CallGraph {
  readonly nodes: Node[] = [];
  private readonly byOp = new Map<Operation, Node>();
  constructor(readonly root: Operation) {
    walk(root, (op) => { if (isCallable(op)) this.add(op); }, "pre");
    for (const n of this.nodes) n.edges = this.callsIn(n.op).map((c) => this.resolve(c));
  }
  private add(op: Operation): Node {
    const n: Node = { op, index: this.nodes.length, edges: [] };
    this.nodes.push(n);
    this.byOp.set(op, n);
    return n;
  }
  lookup(op: Operation): Node | null { return this.byOp.get(op) ?? null; }
  /// The node a call resolves to, or null for an external or unknown callee.
  resolve(call: Operation): Node | null {
    const ref = call.props.get("callee");
    if (ref === null || ref.kind !== AttrKind.SymbolRef) return null;
    const target = lookupSymbolFrom(call, ref as SymbolRefAttr);
    return target === null ? null : this.byOp.get(target) ?? null;
  }
  /// Calls directly in `op`'s body, not inside nested callables, in walk order.
  callsIn(op: Operation): Operation[] {
    const out: Operation[] = [];
    const stack: Operation[] = [];
    for (const r of op.regions) for (let b = r.lastBlock; b !== null; b = b.prev) for (let o = b.lastOp; o !== null; o = o.prev) stack.push(o);
    while (stack.length) {
      const o = stack.pop()!;
      if (isCall(o)) { out.push(o); continue; }
      if (isCallable(o)) continue;
      for (let ri = o.regions.length - 1; ri >= 0; ri--) for (let b = o.regions[ri].lastBlock; b !== null; b = b.prev) for (let x = b.lastOp; x !== null; x = x.prev) stack.push(x);
    }
    return out;
  }
  /// Strongly connected components, callees before callers (llvm::scc_iterator from the external node).
  sccs(): Node[][] {
    const out: Node[][] = [];
    const index = new Map<Node, number>(), low = new Map<Node, number>();
    const onStack = new Set<Node>();
    const stack: Node[] = [];
    let counter = 0;
    const visit = (start: Node): void => {
      const work: [Node, number][] = [[start, 0]];
      index.set(start, counter); low.set(start, counter); counter++;
      stack.push(start); onStack.add(start);
      while (work.length) {
        const top = work[work.length - 1];
        const [n, i] = top;
        const succ = n.edges.filter((e): e is Node => e !== null);
        if (i < succ.length) {
          top[1]++;
          const m = succ[i];
          if (!index.has(m)) {
            index.set(m, counter); low.set(m, counter); counter++;
            stack.push(m); onStack.add(m);
            work.push([m, 0]);
          } else if (onStack.has(m)) low.set(n, Math.min(low.get(n)!, index.get(m)!));
          continue;
        }
        work.pop();
        if (work.length) { const p = work[work.length - 1][0]; low.set(p, Math.min(low.get(p)!, low.get(n)!)); }
        if (low.get(n) === index.get(n)) {
          const scc: Node[] = [];
          let m: Node;
          do { m = stack.pop()!; onStack.delete(m); scc.push(m); } while (m !== n);
          out.push(scc);
        }
      }
    };
    for (const n of this.nodes) if (!index.has(n)) visit(n);
    return out;
  }
}

/// Symbol-use bookkeeping of discardable (private) callables (MLIR's CGUseList), recomputed on demand.
class UseList {
  /// Nodes whose references no longer count (their bodies were moved into a caller).
  readonly erased = new Set<Node>();
  private readonly discardable = new Set<Node>();
  constructor(private readonly cg: CallGraph) {
    const alwaysLive = new Set<Node>();
    walk(cg.root, (op) => {
      if (op.def === null || !hasTrait(op.def, Trait.SymbolTable)) return;
      for (let b = op.regions[0]?.firstBlock ?? null; b !== null; b = b.next) {
        for (let o = b.firstOp; o !== null; o = o.next) {
          const n = cg.lookup(o);
          if (n !== null) { if (isSymbol(o) && symbolVisibility(o) === "private") this.discardable.add(n); continue; }
          if (!isCallable(o)) for (const t of this.refsIn(o)) alwaysLive.add(t);
        }
      }
    }, "pre");
    for (const n of alwaysLive) this.discardable.delete(n);
  }
  /// The callable nodes referenced from `op` and its nested ops.
  private refsIn(op: Operation): Node[] {
    const out: Node[] = [];
    walk(op, (o) => {
      const refs: SymbolRefAttr[] = [];
      for (const e of o.props.entries) collectSymbolRefs(e.value, refs);
      for (const e of o.attrs.entries) collectSymbolRefs(e.value, refs);
      for (const r of refs) {
        const t = lookupSymbolFrom(o, r);
        const n = t === null ? null : this.cg.lookup(t);
        if (n !== null) out.push(n);
      }
    }, "pre");
    return out;
  }
  /// How many references the live callables hold to `n`.
  uses(n: Node): number {
    let count = 0;
    for (const m of this.cg.nodes) {
      if (this.erased.has(m) || m.op.parent === null) continue;
      for (const t of this.refsIn(m.op)) if (t === n) count++;
    }
    return count;
  }
  isDead(n: Node): boolean { return this.discardable.has(n) && this.uses(n) === 0; }
  hasOneUseAndDiscardable(n: Node): boolean { return this.discardable.has(n) && this.uses(n) === 1; }
}

function isAffineScopeLike(op: Operation | null): boolean {
  if (op === null) return false;
  return (op.def !== null && hasTrait(op.def, Trait.AffineScope)) || op.name === "affine.for" || op.name === "affine.if" || op.name === "affine.parallel";
}

/// Whether the callee's ops may be inlined into `dest` (the dialects' inliner interfaces).
function isLegalToInline(callee: Region, dest: Region): boolean {
  const destOp = dest.parent;
  if (destOp !== null && (destOp.name === "affine.for" || destOp.name === "affine.if" || destOp.name === "affine.parallel")) {
    if (!callee.hasOneBlock) return false;
    for (let o = callee.entry.firstOp; o !== null; o = o.next) {
      if (isMemoryEffectFree(o)) continue;
      if (o.name !== "affine.apply" && o.name !== "affine.load" && o.name !== "affine.store") return false;
    }
  }
  let ok = true;
  for (let b = callee.firstBlock; b !== null && ok; b = b.next) {
    for (let o = b.firstOp; o !== null && ok; o = o.next) {
      walk(o, (x) => {
        if (!ok) return;
        if (!INLINABLE_DIALECTS.has(x.dialect)) ok = false;
        else if (x.dialect === "affine" && x.parentRegion === b.parent && !isAffineScopeLike(destOp)) ok = false;
      }, "pre");
    }
  }
  return ok;
}

/// True if a multi-block callee may be inlined into the region of `call`'s parent: the same kind of op as the callee,
/// or one whose regions may hold several blocks (MLIR's Inliner::shouldInline).
function regionTakesBlocks(call: Operation, callee: Operation): boolean {
  const parent = call.parentOp;
  if (parent === null || parent.name === callee.name || parent.def === null) return parent === null || parent.name === callee.name;
  return !hasTrait(parent.def, Trait.SingleBlock) && parent.def.implicitTerminator === null;
}

/// Clones the blocks of `src` before `before` in its region (the entry block's arguments are mapped, so it gets none)
/// and returns the clones.
function cloneBlocksBefore(src: Region, before: Block, mapping: Map<Value | Block, Value | Block>): Block[] {
  const pairs: [Block, Block][] = [];
  for (let b = src.firstBlock; b !== null; b = b.next) {
    const nb = before.parent!.insertBlockBefore(new Block(), before);
    for (const a of b.args) {
      if (mapping.has(a)) continue;
      const na = nb.addArgument(a.type, a.locRef);
      na.sourceName = a.sourceName;
      mapping.set(a, na);
    }
    mapping.set(b, nb);
    pairs.push([b, nb]);
  }
  for (const [b, nb] of pairs) for (let o = b.firstOp; o !== null; o = o.next) nb.append(cloneOp(o, mapping));
  return pairs.map(([, nb]) => nb);
}

/// Inlines `target`'s body at `call` (MLIR's inlineRegion): a single block is cloned in place of the call; several
/// blocks go between the call's block and a continuation block split off at the call, entered by the first block's ops
/// and left by `cf.br`s (from the callee's returns) whose operands become the continuation's arguments. Returns the
/// inlined ops per block, as found before the returns are rewritten, or null if the call cannot be inlined.
function inlineCall(call: Operation, target: Operation): Operation[][] | null {
  const src = target.regions[0];
  if (src.empty) return null;
  const entry = src.entry;
  const operands = call.operandValues();
  if (operands.length !== entry.args.length) return null;
  for (let i = 0; i < operands.length; i++) if (operands[i].type !== entry.args[i].type) return null;
  if (src.hasOneBlock && call.results.length !== (entry.lastOp?.operands.length ?? 0)) return null;
  if (!isLegalToInline(src, call.parentRegion!)) return null;
  const mapping = new Map<Value | Block, Value | Block>();
  entry.args.forEach((a, i) => mapping.set(a, operands[i]));
  const remap = (o: Operation) => { if (call.loc !== unknownLoc) walk(o, (x) => { x.loc = getCallSiteLoc(x.loc, call.loc); }, "pre"); };
  if (src.hasOneBlock) {
    const inserted: Operation[] = [];
    let at: Operation = call;
    for (let o = entry.firstOp; o !== null; o = o.next) {
      if (o === entry.lastOp && o.name === "func.return") {
        const vals = o.operandValues().map((v) => (mapping.get(v) as Value | undefined) ?? v);
        call.results.forEach((r, i) => r.replaceAllUsesWith(vals[i]));
        break;
      }
      const c = cloneOp(o, mapping);
      remap(c);
      call.parent!.insertAfter(c, at);
      at = c;
      inserted.push(c);
    }
    return [inserted];
  }
  const caller = call.parent!;
  const post = caller.parent!.insertBlockBefore(new Block(), caller.next);
  for (let o: Operation | null = call; o !== null;) { const n: Operation | null = o.next; o.remove(); post.append(o); o = n; }
  const blocks = cloneBlocksBefore(src, post, mapping);
  for (const b of blocks) for (let o = b.firstOp; o !== null; o = o.next) remap(o);
  const inlined = blocks.map((b) => b.ops());
  call.results.forEach((r) => r.replaceAllUsesWith(post.addArgument(r.type, call.loc)));
  const br = registry.lookupOp("cf.br")!;
  for (const b of blocks) {
    const ret = b.lastOp;
    if (ret === null || ret.name !== "func.return") continue;
    b.insertBefore(new Operation({ name: br.name, def: br, operands: ret.operandValues(), successors: [post], loc: ret.loc }), ret);
    ret.erase();
  }
  caller.spliceOpsFrom(blocks[0]);
  blocks[0].remove();
  return inlined;
}

/// `inline`.
export const Inliner = definePass({
  argument: "inline",
  name: "Inliner",
  summary: "Inline function calls",
  anchor: null,
  options: {
    defaultPipeline: opt.string("default-pipeline", "canonicalize", "The optimizer pipeline used for callables that do not have a dedicated optimizer pipeline in opPipelineList"),
    opPipelines: opt.list.pipeline("op-pipelines", "Callable operation specific optimizer pipelines (in the form of `dialect.op(pipeline)`)"),
    maxIterations: opt.uint("max-iterations", 4, "Maximum number of iterations when inlining within an SCC"),
    inliningThreshold: opt.uint("inlining-threshold", 4294967295, "If the ratio between the number of the operations in the callee and the number of the operations in the caller exceeds this value (in percentage), then the callee is not inlined even if it is legal to inline it"),
  },
  run(op, ctx) {
    if (op.def === null || !hasTrait(op.def, Trait.SymbolTable)) {
      ctx.emitOpError(op, DiagMessages.NotSymbolTable.text.replace("{0}", "the inliner"));
      ctx.signalPassFailure();
      return;
    }
    const { options } = ctx;
    // The pipeline of each callable op name: op-pipelines, else default-pipeline.
    const pipelines = new Map<string, OpPassManager>();
    for (const text of options.opPipelines) {
      const r = parsePassPipeline(text);
      if (r.ok && r.pm.anchor !== null && r.pm.elements.length > 0 && !pipelines.has(r.pm.anchor)) pipelines.set(r.pm.anchor, r.pm);
    }
    const pipelineFor = (name: string): OpPassManager => {
      let pm = pipelines.get(name);
      if (pm === undefined) {
        pm = new OpPassManager(name);
        const err = parsePipelineInto(options.defaultPipeline, pm);
        // As MLIR's inliner: a default pipeline that does not parse is reported once per op name, when first
        // needed, and leaves an empty pipeline.
        if (err !== null) {
          ctx.emit(err.caret ?? err.diagnostic);
          pm = new OpPassManager(name);
        }
        pipelines.set(name, pm);
      }
      return pm;
    };
    const cg = new CallGraph(op);
    const useList = new UseList(cg);
    const deleted: Node[] = [];
    const profitable = (c: ResolvedCall): boolean => {
      const t = options.inliningThreshold;
      if (t === 0) return false;
      if (t === 4294967295) return true;
      let callerOps = 0, calleeOps = 0;
      for (const r of c.source.op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) walk(o, () => { callerOps++; }, "pre");
      if (callerOps === 0) return true;
      for (const r of c.target.op.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let o = b.firstOp; o !== null; o = o.next) walk(o, () => { calleeOps++; }, "pre");
      return Math.floor((calleeOps * 100) / callerOps) <= t;
    };
    const shouldInline = (c: ResolvedCall): boolean => {
      if (c.call.def !== null && hasTrait(c.call.def, Trait.Terminator)) return false;
      if (c.target.edges.some((e) => e === c.target || e === c.source)) return false;
      if (!c.target.op.regions[0].hasOneBlock && !regionTakesBlocks(c.call, c.target.op)) return false;
      for (let p = c.call.parentOp; p !== null; p = p.parentOp) if (p === c.target.op) return false;
      return profitable(c);
    };
    for (const scc0 of cg.sccs()) {
      let scc = scc0.slice();
      for (let iteration = 0; ; ) {
        // Simplify each callable of the SCC.
        for (const n of scc) {
          if (n.op.parent === null || n.op.def === null || !hasTrait(n.op.def, Trait.IsolatedFromAbove)) continue;
          const pm = pipelineFor(n.op.name);
          if (!ctx.runPipeline(pm, n.op)) { ctx.signalPassFailure(); return; }
        }
        for (const n of scc) n.edges = cg.callsIn(n.op).map((c) => cg.resolve(c));
        // Inline the calls of the SCC.
        const dead: Node[] = [];
        const calls: ResolvedCall[] = [];
        const history: (number | null)[] = [];
        const inlineHistory: [Node, number | null][] = [];
        for (const n of scc) {
          if (useList.isDead(n)) { dead.push(n); continue; }
          for (const c of collectCalls(n, cg)) { calls.push(c); history.push(null); }
        }
        let inlinedAny = false;
        for (let i = 0; i < calls.length; i++) {
          const c = calls[i];
          if (dead.includes(c.source) || c.call.parent === null) continue;
          let inHistory = false;
          for (let h = history[i]; h !== null; h = inlineHistory[h][1]) if (inlineHistory[h][0] === c.target) { inHistory = true; break; }
          if (inHistory || !shouldInline(c)) continue;
          const inPlace = useList.hasOneUseAndDiscardable(c.target);
          const inserted = inlineCall(c.call, c.target.op);
          if (inserted === null) continue;
          inlinedAny = true;
          const id = inlineHistory.length;
          inlineHistory.push([c.target, history[i]]);
          for (const nc of collectCallsIn(inserted, c.source, cg)) { calls.push(nc); history.push(id); }
          c.call.dropAllReferences();
          c.call.remove();
          if (inPlace) { useList.erased.add(c.target); dead.push(c.target); }
        }
        for (const n of dead) { scc = scc.filter((m) => m !== n); if (!deleted.includes(n)) deleted.push(n); }
        if (!inlinedAny || ++iteration >= options.maxIterations) break;
      }
    }
    for (const n of deleted) { if (n.op.parent !== null) { n.op.dropAllReferences(); n.op.remove(); } }
  },
});

/// The calls in a callable's body, in MLIR's collectCallOps order (blocks from a LIFO worklist; a block's calls
/// first, nested regions after, last pushed first); nested callables are not entered.
function collectCalls(n: Node, cg: CallGraph): ResolvedCall[] {
  const out: ResolvedCall[] = [];
  const work: Block[] = [];
  for (const r of n.op.regions) for (let b = r.firstBlock; b !== null; b = b.next) work.push(b);
  while (work.length) {
    for (let o = work.pop()!.firstOp; o !== null; o = o.next) {
      if (isCall(o)) {
        const t = cg.resolve(o);
        if (t !== null) out.push({ call: o, source: n, target: t });
        continue;
      }
      if (isCallable(o)) continue;
      for (const r of o.regions) for (let x = r.firstBlock; x !== null; x = x.next) work.push(x);
    }
  }
  return out;
}

/// The calls among the inlined ops (given per inlined block) in MLIR's processInlinedBlocks order: blocks from a LIFO
/// worklist, a block's calls first and its nested regions after, entering nested callables.
function collectCallsIn(blocks: readonly (readonly Operation[])[], source: Node, cg: CallGraph): ResolvedCall[] {
  const out: ResolvedCall[] = [];
  const work: (readonly Operation[])[] = blocks.slice();
  while (work.length) {
    for (const o of work.pop()!) {
      if (isCall(o)) {
        const t = cg.resolve(o);
        if (t !== null) out.push({ call: o, source, target: t });
        continue;
      }
      for (const r of o.regions) for (let x = r.firstBlock; x !== null; x = x.next) work.push(x.ops());
    }
  }
  return out;
}
