// Canonicalization patterns of scf.while (MLIR 19's SCF.cpp): loop-invariant arguments and results, conditions known
// in the after region, unused and duplicated values, and condition arguments aligned with the before arguments.
import {
  Builtin, getIntegerAttr, pattern, registry, type Block, type BlockArgument, type IntegerAttr, type Operation, type PatternRewriter, type RewritePattern, type Type,
  type Value,
} from "@allo/ir-core";

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`scf canonicalization needs '${name}'`);
  return d;
}

const before = (op: Operation): Block => op.regions[0].entry;
const after = (op: Operation): Block => op.regions[1].entry;
const condition = (op: Operation): Operation => before(op).lastOp!;
const yieldOp = (op: Operation): Operation => after(op).lastOp!;
/// The values scf.condition forwards (its operands after the condition).
const condArgs = (op: Operation): Value[] => condition(op).operandValues().slice(1);

/// A new scf.while before `op` with `inits` and `resultTypes` and empty regions (WhileOp's generated builder).
function createWhile(rw: PatternRewriter, op: Operation, resultTypes: readonly Type[], inits: readonly Value[]): Operation {
  rw.setInsertionPoint(op);
  return rw.create(def("scf.while"), { operands: inits, resultTypes, regions: 2, loc: op.loc });
}

/// A new scf.while whose before block takes the inits' types and whose after block takes the result types (the builder
/// with null body builders).
function createWhileWithBlocks(rw: PatternRewriter, op: Operation, resultTypes: readonly Type[], inits: readonly Value[]): Operation {
  const w = createWhile(rw, op, resultTypes, inits);
  const b = w.regions[0].appendBlock();
  inits.forEach((v) => b.addArgument(v.type, op.loc));
  const a = w.regions[1].appendBlock();
  resultTypes.forEach((t) => a.addArgument(t, op.loc));
  return w;
}

/// Replaces the terminator `term` by one of the same kind with `operands` (keeping the condition of scf.condition).
function replaceTerminator(rw: PatternRewriter, term: Operation, operands: readonly Value[]): void {
  rw.setInsertionPoint(term);
  rw.replaceOpWithNew(term, (b) => b.create(term.def!, { operands, loc: term.loc }));
}

/// Before-block arguments whose yielded value is their init, or the after argument carrying them back unchanged, are
/// replaced by the init (RemoveLoopInvariantArgsFromBeforeBlock).
const removeLoopInvariantArgsFromBeforeBlock = pattern({
  name: "RemoveLoopInvariantArgsFromBeforeBlock", root: "scf.while",
  matchAndRewrite(op, rw) {
    const bargs = before(op).args, cargs = condArgs(op), yields = yieldOp(op).operandValues(), inits = op.operandValues();
    const invariant = (i: number): boolean => {
      const y = yields[i];
      if (y === inits[i]) return true;
      if (y.parentBlock !== after(op) || y.definingOp !== null) return false;
      const c = cargs[(y as BlockArgument).index];
      return c === bargs[i] || c === inits[i];
    };
    if (!inits.some((_v, i) => invariant(i))) return false;
    const keep = inits.map((_v, i) => !invariant(i));
    replaceTerminator(rw, yieldOp(op), yields.filter((_v, i) => keep[i]));
    const w = createWhile(rw, op, op.results.map((r) => r.type), inits.filter((_v, i) => keep[i]));
    const nb = rw.createBlock(w.regions[0], yields.filter((_v, i) => keep[i]).map((v) => v.type), bargs.filter((_a, i) => keep[i]).map((a) => a.loc));
    let j = 0;
    const repl = bargs.map((_a, i) => (keep[i] ? nb.args[j++] : inits[i]));
    rw.mergeBlocks(before(op), nb, repl);
    rw.inlineRegionBefore(op.regions[1], w.regions[1], w.regions[1].firstBlock);
    rw.replaceOp(op, w.results);
    return true;
  },
});

/// scf.condition arguments defined outside the before block replace the matching after arguments and results
/// (RemoveLoopInvariantValueYielded).
const removeLoopInvariantValueYielded = pattern({
  name: "RemoveLoopInvariantValueYielded", root: "scf.while",
  matchAndRewrite(op, rw) {
    const cargs = condArgs(op);
    const outside = (v: Value) => v.parentBlock !== before(op);
    if (!cargs.some(outside)) return false;
    const cond = condition(op);
    const kept = cargs.filter((v) => !outside(v));
    replaceTerminator(rw, cond, [cond.operand(0), ...kept]);
    const types = kept.map((v) => v.type);
    const w = createWhile(rw, op, types, op.operandValues());
    const aargs = after(op).args;
    const nb = rw.createBlock(w.regions[1], types, aargs.filter((_a, i) => !outside(cargs[i])).map((a) => a.loc));
    let j = 0;
    const argRepl: Value[] = [], resRepl: Value[] = [];
    cargs.forEach((v) => {
      if (outside(v)) { argRepl.push(v); resRepl.push(v); return; }
      argRepl.push(nb.args[j]);
      resRepl.push(w.results[j++]);
    });
    rw.mergeBlocks(after(op), nb, argRepl);
    rw.inlineRegionBefore(op.regions[0], w.regions[0], w.regions[0].firstBlock);
    rw.replaceOp(op, resRepl);
    return true;
  },
});

/// After arguments that carry the condition itself are `true` (WhileConditionTruth).
const whileConditionTruth = pattern({
  name: "WhileConditionTruth", root: "scf.while",
  matchAndRewrite(op, rw) {
    const cond = condition(op).operand(0);
    let t: Value | null = null;
    let replaced = false;
    condArgs(op).forEach((v, i) => {
      const arg = after(op).args[i];
      if (v !== cond || arg.useEmpty) return;
      t ??= rw.create(def("arith.constant"), { resultTypes: [cond.type], props: { value: getIntegerAttr(Builtin.i1, 1) }, loc: op.loc }).results[0];
      rw.replaceAllUsesWith(arg, t);
      replaced = true;
    });
    return replaced;
  },
});

/// In the after region, a cmpi equal to (or the inverse of) the loop's cmpi condition on the forwarded values is
/// true (or false) (WhileCmpCond).
const invertPredicate = [1, 0, 5, 4, 3, 2, 9, 8, 7, 6];
const whileCmpCond = pattern({
  name: "WhileCmpCond", root: "scf.while",
  matchAndRewrite(op, rw) {
    const cmp = condition(op).operand(0).definingOp;
    if (cmp?.name !== "arith.cmpi") return false;
    const pred = (cmp.props.get("predicate") as IntegerAttr).num;
    let changed = false;
    condArgs(op).forEach((v, i) => {
      for (let k = 0; k < 2; k++) {
        if (v !== cmp.operand(k)) continue;
        for (const use of after(op).args[i].uses()) {
          const cmp2 = use.owner;
          if (cmp2.name !== "arith.cmpi" || cmp2.parent === null || cmp2.operand(1 - k) !== cmp.operand(1 - k)) continue;
          const p2 = (cmp2.props.get("predicate") as IntegerAttr).num;
          if (p2 !== pred && p2 !== invertPredicate[pred]) continue;
          // Built at the insertion point (before the loop), as MLIR's replaceOpWithNewOp does.
          const c = rw.create(def("arith.constant"), { resultTypes: [Builtin.i1], props: { value: getIntegerAttr(Builtin.i1, p2 === pred ? 1 : 0) }, loc: cmp2.loc });
          rw.replaceOp(cmp2, c.results);
          changed = true;
        }
      }
    });
    return changed;
  },
});

/// Results unused both outside and in the after region are dropped (WhileUnusedResult).
const whileUnusedResult = pattern({
  name: "WhileUnusedResult", root: "scf.while",
  matchAndRewrite(op, rw) {
    const aargs = after(op).args;
    const used = op.results.map((r, i) => !(r.useEmpty && aargs[i].useEmpty));
    if (used.every((u) => u)) return false;
    const cond = condition(op), cargs = condArgs(op);
    replaceTerminator(rw, cond, [cond.operand(0), ...cargs.filter((_v, i) => used[i])]);
    const types = op.results.filter((_r, i) => used[i]).map((r) => r.type);
    const w = createWhile(rw, op, types, op.operandValues());
    const nb = rw.createBlock(w.regions[1], types, types.map(() => op.loc));
    rw.inlineRegionBefore(op.regions[0], w.regions[0], w.regions[0].firstBlock);
    let j = 0;
    const results: (Value | null)[] = [], args: (Value | null)[] = [];
    used.forEach((u) => {
      if (u) { results.push(w.results[j]); args.push(nb.args[j++]); } else { results.push(null); args.push(null); }
    });
    rw.mergeBlocks(after(op), nb, args as Value[]);
    rw.replaceOp(op, results as Value[]);
    return true;
  },
});

/// scf.condition forwarding one value several times forwards it once (WhileRemoveDuplicatedResults).
const whileRemoveDuplicatedResults = pattern({
  name: "WhileRemoveDuplicatedResults", root: "scf.while",
  matchAndRewrite(op, rw) {
    const cargs = condArgs(op);
    const unique = [...new Set(cargs)];
    if (unique.length === cargs.length) return false;
    const w = createWhileWithBlocks(rw, op, unique.map((v) => v.type), op.operandValues());
    const cond = condition(op);
    replaceTerminator(rw, cond, [cond.operand(0), ...unique]);
    rw.mergeBlocks(before(op), w.regions[0].entry, w.regions[0].entry.args);
    rw.mergeBlocks(after(op), w.regions[1].entry, cargs.map((v) => w.regions[1].entry.args[unique.indexOf(v)]));
    rw.replaceOp(op, cargs.map((v) => w.results[unique.indexOf(v)]));
    return true;
  },
});

/// Unused before-block arguments are dropped with their inits and yielded values (WhileRemoveUnusedArgs).
const whileRemoveUnusedArgs = pattern({
  name: "WhileRemoveUnusedArgs", root: "scf.while",
  matchAndRewrite(op, rw) {
    const bargs = before(op).args;
    if (!bargs.some((a) => a.useEmpty)) return false;
    const keep = bargs.map((a) => !a.useEmpty);
    const yields = yieldOp(op).operandValues(), inits = op.operandValues();
    for (let i = bargs.length - 1; i >= 0; i--) if (!keep[i]) before(op).eraseArgument(i);
    const w = createWhileWithBlocks(rw, op, op.results.map((r) => r.type), inits.filter((_v, i) => keep[i]));
    replaceTerminator(rw, yieldOp(op), yields.filter((_v, i) => keep[i]));
    rw.mergeBlocks(before(op), w.regions[0].entry, w.regions[0].entry.args);
    rw.mergeBlocks(after(op), w.regions[1].entry, w.regions[1].entry.args);
    rw.replaceOp(op, w.results);
    return true;
  },
});

/// When scf.condition forwards the before arguments in another order, it forwards them in order, and the after
/// arguments and results are permuted to match (WhileOpAlignBeforeArgs).
const whileOpAlignBeforeArgs = pattern({
  name: "WhileOpAlignBeforeArgs", root: "scf.while",
  matchAndRewrite(op, rw) {
    const bargs: Value[] = before(op).args, cargs = condArgs(op);
    if (bargs.length === cargs.length && bargs.every((a, i) => a === cargs[i])) return false;
    if (new Set(cargs).size !== cargs.length || bargs.length !== cargs.length) return false;
    const mapping = new Array<number>(bargs.length);
    for (let i = 0; i < bargs.length; i++) {
      const k = cargs.indexOf(bargs[i]);
      if (k < 0) return false;
      mapping[k] = i;
    }
    const cond = condition(op);
    replaceTerminator(rw, cond, [cond.operand(0), ...bargs]);
    const types = new Array<Type>(bargs.length);
    mapping.forEach((j, i) => { types[j] = op.results[i].type; });
    const w = createWhileWithBlocks(rw, op, types, op.operandValues());
    const nb = w.regions[0].entry, na = w.regions[1].entry;
    rw.inlineBlockBefore(before(op), null, nb.args, nb);
    rw.inlineBlockBefore(after(op), null, mapping.map((j) => na.args[j]), na);
    rw.replaceOp(op, mapping.map((j) => w.results[j]));
    return true;
  },
});

/// The scf.while patterns, in the order of MLIR's WhileOp::getCanonicalizationPatterns.
export const scfWhilePatterns: readonly RewritePattern[] = [
  removeLoopInvariantArgsFromBeforeBlock, removeLoopInvariantValueYielded, whileConditionTruth, whileCmpCond, whileUnusedResult,
  whileRemoveDuplicatedResults, whileRemoveUnusedArgs, whileOpAlignBeforeArgs,
];
