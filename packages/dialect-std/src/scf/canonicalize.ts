// Canonicalization patterns of scf.if and scf.for (MLIR 19's SCF.cpp); ./patterns.ts appends them to the op records.
import {
  AttrKind, Builtin, getIntegerAttr, matchConstant, pattern, registry, type Block, type IntegerAttr, type Operation,
  type PatternRewriter, type Region, type RewritePattern, type Value,
} from "@allo/ir-core";

function def(name: string) {
  const d = registry.lookupOp(name);
  if (d === null) throw new Error(`scf canonicalization needs '${name}'`);
  return d;
}

function constantBool(v: Value): boolean | null {
  const a = matchConstant(v);
  if (a === null || a.kind !== AttrKind.Integer) return null;
  const t = (a as IntegerAttr).type;
  if (t !== Builtin.i1) return null;
  return (a as IntegerAttr).value !== 0 && (a as IntegerAttr).value !== 0n;
}

/// The integer constant `v` holds, or null.
export function constantInt(v: Value): bigint | null {
  const a = matchConstant(v);
  return a !== null && a.kind === AttrKind.Integer ? BigInt((a as IntegerAttr).value) : null;
}

const terminator = (b: Block): Operation => b.lastOp!;

/// Inlines the single block of `region` before `op`, replaces `op` by the block's terminator operands (MLIR's
/// replaceOpWithRegion).
export function replaceOpWithRegion(rw: PatternRewriter, op: Operation, region: Region, blockArgs: readonly Value[] = []): void {
  const block = region.entry;
  const term = terminator(block);
  rw.inlineBlockBefore(block, op, blockArgs);
  // Read after inlining: a yielded block argument has become its replacement (MLIR's ValueRange is a live view).
  rw.replaceOp(op, term.operandValues());
  rw.eraseOp(term);
}

// ---- scf.if ----

const isOne = (v: Value): boolean => constantInt(v) === 1n || constantBool(v) === true;
const elseBlock = (op: Operation): Block | null => op.regions[1].firstBlock;

const ifCombineIfs = pattern({
  name: "CombineIfs",
  root: "scf.if",
  matchAndRewrite(nextIf, rw) {
    const prevIf = nextIf.prev;
    if (prevIf === null || prevIf.name !== "scf.if") return false;
    let nextThen: Block | null = null, nextElse: Block | null = null;
    if (nextIf.operand(0) === prevIf.operand(0)) { nextThen = nextIf.regions[0].entry; nextElse = elseBlock(nextIf); }
    const notNext = nextIf.operand(0).definingOp;
    if (notNext !== null && notNext.name === "arith.xori" && notNext.operand(0) === prevIf.operand(0) && isOne(notNext.operand(1))) {
      nextElse = nextIf.regions[0].entry; nextThen = elseBlock(nextIf);
    }
    const notPrev = prevIf.operand(0).definingOp;
    if (notPrev !== null && notPrev.name === "arith.xori" && notPrev.operand(0) === nextIf.operand(0) && isOne(notPrev.operand(1))) {
      nextElse = nextIf.regions[0].entry; nextThen = elseBlock(nextIf);
    }
    if (nextThen === null && nextElse === null) return false;
    const prevThenYield = terminator(prevIf.regions[0].entry).operandValues();
    const prevElse = elseBlock(prevIf);
    const prevElseYielded = prevElse !== null ? terminator(prevElse).operandValues() : [];
    // Uses of prevIf's results inside nextIf's branches take the value yielded by the matching branch (zipped with
    // the else yields: nothing to do when prevIf has no else).
    const n = Math.min(prevIf.results.length, prevThenYield.length, prevElseYielded.length);
    for (let i = 0; i < n; i++) {
      for (const use of prevIf.results[i].uses()) {
        const region = use.owner.parentRegion;
        if (nextThen !== null && nextThen.parent!.isAncestor(region)) rw.modifyOpInPlace(use.owner, () => use.set(prevThenYield[i]));
        else if (nextElse !== null && nextElse.parent!.isAncestor(region)) rw.modifyOpInPlace(use.owner, () => use.set(prevElseYielded[i]));
      }
    }
    const mergedTypes = [...prevIf.results.map((r) => r.type), ...nextIf.results.map((r) => r.type)];
    const combined = rw.create(def("scf.if"), { operands: [prevIf.operand(0)], resultTypes: mergedTypes, loc: nextIf.loc, regions: 2 });
    rw.inlineRegionBefore(prevIf.regions[0], combined.regions[0], combined.regions[0].firstBlock);
    if (nextThen !== null) {
      const thenYield = terminator(combined.regions[0].entry);
      const thenYield2 = terminator(nextThen);
      rw.mergeBlocks(nextThen, combined.regions[0].entry);
      rw.setInsertionPointToEnd(combined.regions[0].entry);
      rw.create(def("scf.yield"), { operands: [...thenYield.operandValues(), ...thenYield2.operandValues()], loc: thenYield2.loc });
      rw.eraseOp(thenYield);
      rw.eraseOp(thenYield2);
    }
    rw.inlineRegionBefore(prevIf.regions[1], combined.regions[1], combined.regions[1].firstBlock);
    if (nextElse !== null) {
      if (combined.regions[1].empty) rw.inlineRegionBefore(nextElse.parent!, combined.regions[1], combined.regions[1].firstBlock);
      else {
        const elseYield = terminator(combined.regions[1].entry);
        const elseYield2 = terminator(nextElse);
        rw.mergeBlocks(nextElse, combined.regions[1].entry);
        rw.setInsertionPointToEnd(combined.regions[1].entry);
        rw.create(def("scf.yield"), { operands: [...elseYield.operandValues(), ...elseYield2.operandValues()], loc: elseYield2.loc });
        rw.eraseOp(elseYield);
        rw.eraseOp(elseYield2);
      }
    }
    const prevValues = combined.results.slice(0, prevIf.results.length);
    const nextValues = combined.results.slice(prevIf.results.length);
    rw.replaceOp(prevIf, prevValues);
    rw.replaceOp(nextIf, nextValues);
    return true;
  },
});

const ifCombineNestedIfs = pattern({
  name: "CombineNestedIfs",
  root: "scf.if",
  matchAndRewrite(op, rw) {
    const thenBlock = op.regions[0].entry;
    const nested = thenBlock.firstOp;
    if (nested === null || nested.next !== thenBlock.lastOp || nested === thenBlock.lastOp) return false;
    const outerElse = elseBlock(op);
    if (outerElse !== null && outerElse.firstOp !== outerElse.lastOp) return false;
    if (nested.name !== "scf.if") return false;
    const nestedElse = elseBlock(nested);
    if (nestedElse !== null && nestedElse.firstOp !== nestedElse.lastOp) return false;
    const thenYield = terminator(thenBlock).operandValues();
    const elseYield = outerElse !== null ? terminator(outerElse).operandValues() : [];
    const toSelect: number[] = [];
    for (let i = 0; i < thenYield.length; i++) {
      const v = thenYield[i];
      if (v.definingOp === nested) {
        const idx = nested.results.indexOf(v as never);
        if (nestedElse === null || terminator(nestedElse).operand(idx) !== elseYield[i]) return false;
        thenYield[i] = terminator(nested.regions[0].entry).operand(idx);
        continue;
      }
      if (v.parentBlock?.parent === op.regions[0]) return false;
      toSelect.push(i);
    }
    const cond = rw.create(def("arith.andi"), { operands: [op.operand(0), nested.operand(0)], resultTypes: [Builtin.i1], loc: op.loc });
    const newIf = rw.create(def("scf.if"), { operands: [cond.results[0]], resultTypes: op.results.map((r) => r.type), loc: op.loc, regions: 2 });
    const newBlock = rw.createBlock(newIf.regions[0]);
    const results: Value[] = newIf.results.slice();
    rw.setInsertionPoint(newIf);
    for (const i of toSelect) results[i] = rw.create(def("arith.select"), { operands: [op.operand(0), thenYield[i], elseYield[i]], resultTypes: [thenYield[i].type], loc: op.loc }).results[0];
    rw.mergeBlocks(nested.regions[0].entry, newBlock);
    rw.setInsertionPointToEnd(newBlock);
    const oldYield = terminator(newBlock);
    rw.replaceOpWithNew(oldYield, (b) => b.create(def("scf.yield"), { operands: thenYield, loc: oldYield.loc }));
    if (elseYield.length) {
      rw.createBlock(newIf.regions[1]);
      rw.create(def("scf.yield"), { operands: elseYield, loc: op.loc });
    }
    rw.replaceOp(op, results);
    return true;
  },
});

const ifConditionPropagation = pattern({
  name: "ConditionPropagation",
  root: "scf.if",
  matchAndRewrite(op, rw) {
    const cond = op.operand(0);
    if (matchConstant(cond) !== null) return false;
    let changed = false;
    let t: Value | null = null, f: Value | null = null;
    for (const use of cond.uses()) {
      const region = use.owner.parentRegion;
      if (op.regions[0].isAncestor(region)) {
        changed = true;
        t ??= rw.create(def("arith.constant"), { resultTypes: [Builtin.i1], props: { value: getIntegerAttr(Builtin.i1, 1) }, loc: op.loc }).results[0];
        rw.modifyOpInPlace(use.owner, () => use.set(t!));
      } else if (op.regions[1].isAncestor(region)) {
        changed = true;
        f ??= rw.create(def("arith.constant"), { resultTypes: [Builtin.i1], props: { value: getIntegerAttr(Builtin.i1, 0) }, loc: op.loc }).results[0];
        rw.modifyOpInPlace(use.owner, () => use.set(f!));
      }
    }
    return changed;
  },
});

const ifConvertTrivialToSelect = pattern({
  name: "ConvertTrivialIfToSelect",
  root: "scf.if",
  matchAndRewrite(op, rw) {
    if (op.results.length === 0) return false;
    const cond = op.operand(0);
    const thenYield = terminator(op.regions[0].entry), elseYield = terminator(op.regions[1].entry);
    const thenArgs = thenYield.operandValues(), elseArgs = elseYield.operandValues();
    const inThen = (v: Value) => v.parentBlock?.parent === op.regions[0];
    const inElse = (v: Value) => v.parentBlock?.parent === op.regions[1];
    const nonHoistable: Value[] = [];
    for (let i = 0; i < thenArgs.length; i++) if (inThen(thenArgs[i]) || inElse(elseArgs[i])) nonHoistable.push(thenArgs[i]);
    if (nonHoistable.length === op.results.length) return false;
    const replacement = rw.create(def("scf.if"), { operands: [cond], resultTypes: nonHoistable.map((v) => v.type), loc: op.loc, regions: 2 });
    op.regions[0].takeBody(replacement.regions[0]);
    op.regions[1].takeBody(replacement.regions[1]);
    const results: Value[] = [];
    const trueYields: Value[] = [], falseYields: Value[] = [];
    rw.setInsertionPoint(replacement);
    for (let i = 0; i < thenArgs.length; i++) {
      const tv = thenArgs[i], fv = elseArgs[i];
      if (tv.parentBlock?.parent === replacement.regions[0] || fv.parentBlock?.parent === replacement.regions[1]) {
        results.push(replacement.results[trueYields.length]);
        trueYields.push(tv);
        falseYields.push(fv);
      } else if (tv === fv) results.push(tv);
      else results.push(rw.create(def("arith.select"), { operands: [cond, tv, fv], resultTypes: [tv.type], loc: op.loc }).results[0]);
    }
    rw.setInsertionPointToEnd(replacement.regions[0].entry);
    rw.replaceOpWithNew(thenYield, (b) => b.create(def("scf.yield"), { operands: trueYields, loc: thenYield.loc }));
    rw.setInsertionPointToEnd(replacement.regions[1].entry);
    rw.replaceOpWithNew(elseYield, (b) => b.create(def("scf.yield"), { operands: falseYields, loc: elseYield.loc }));
    rw.replaceOp(op, results);
    return true;
  },
});

const ifRemoveEmptyElseBranch = pattern({
  name: "RemoveEmptyElseBranch",
  root: "scf.if",
  matchAndRewrite(op, rw) {
    if (op.results.length) return false;
    const els = op.regions[1].firstBlock;
    if (els === null || els.firstOp !== els.lastOp) return false;
    const n = rw.create(def("scf.if"), { operands: op.operandValues(), loc: op.loc, regions: 2, attrs: Object.fromEntries(op.attrs.entries.map((e) => [e.name, e.value])) });
    rw.inlineRegionBefore(op.regions[0], n.regions[0], n.regions[0].firstBlock);
    rw.eraseOp(op);
    return true;
  },
});

const ifRemoveStaticCondition = pattern({
  name: "RemoveStaticCondition",
  root: "scf.if",
  matchAndRewrite(op, rw) {
    const c = constantBool(op.operand(0));
    if (c === null) return false;
    if (c) replaceOpWithRegion(rw, op, op.regions[0]);
    else if (!op.regions[1].empty) replaceOpWithRegion(rw, op, op.regions[1]);
    else rw.eraseOp(op);
    return true;
  },
});

function transferBody(rw: PatternRewriter, src: Block, dest: Block, used: readonly number[]): void {
  rw.mergeBlocks(src, dest);
  const y = terminator(dest);
  const ops = used.map((i) => y.operand(i));
  rw.modifyOpInPlace(y, () => y.setOperands(ops));
}

const ifRemoveUnusedResults = pattern({
  name: "RemoveUnusedResults",
  root: "scf.if",
  matchAndRewrite(op, rw) {
    const used = op.results.filter((r) => !r.useEmpty).map((r) => r.index);
    if (used.length === op.results.length) return false;
    const n = rw.create(def("scf.if"), { operands: [op.operand(0)], resultTypes: used.map((i) => op.results[i].type), loc: op.loc, regions: 2 });
    rw.createBlock(n.regions[0]);
    rw.createBlock(n.regions[1]);
    transferBody(rw, op.regions[0].entry, n.regions[0].entry, used);
    transferBody(rw, op.regions[1].entry, n.regions[1].entry, used);
    const repl: Value[] = op.results.map((r) => r);
    used.forEach((i, k) => { repl[i] = n.results[k]; });
    rw.replaceOp(op, repl);
    return true;
  },
});

const ifReplaceYieldWithConditionOrValue = pattern({
  name: "ReplaceIfYieldWithConditionOrValue",
  root: "scf.if",
  matchAndRewrite(op, rw) {
    if (op.results.length === 0) return false;
    const t = terminator(op.regions[0].lastBlock!), f = terminator(op.regions[1].lastBlock!);
    rw.setInsertionPoint(op);
    let changed = false;
    for (let i = 0; i < op.results.length; i++) {
      const tr = t.operand(i), fr = f.operand(i), res = op.results[i];
      if (tr === fr) {
        if (!res.useEmpty) { res.replaceAllUsesWith(tr); changed = true; }
        continue;
      }
      const tv = constantBool(tr), fv = constantBool(fr);
      if (tv === null || fv === null) continue;
      if (!tv && fv && !res.useEmpty) {
        const d = registry.dialect(tr.definingOp!.dialect);
        const one = d?.materializeConstant?.(rw, getIntegerAttr(Builtin.i1, 1), Builtin.i1, op.loc) ?? null;
        if (one === null) continue;
        const not = rw.create(def("arith.xori"), { operands: [op.operand(0), one.results[0]], resultTypes: [Builtin.i1], loc: op.loc });
        res.replaceAllUsesWith(not.results[0]);
        changed = true;
      }
      if (tv && !fv && !res.useEmpty) { res.replaceAllUsesWith(op.operand(0)); changed = true; }
    }
    return changed;
  },
});

// ---- scf.for ----

/// The constant difference ub - lb, when both are constants or ub = lb + c (MLIR's computeConstDiff).
function constDiff(l: Value, u: Value): bigint | null {
  const lc = constantInt(l), uc = constantInt(u);
  if (lc !== null && uc !== null) return uc - lc;
  const add = u.definingOp;
  if (add !== null && add.name === "arith.addi") {
    if (add.operand(0) === l) { const c = constantInt(add.operand(1)); if (c !== null) return c; }
    if (add.operand(1) === l) { const c = constantInt(add.operand(0)); if (c !== null) return c; }
  }
  return null;
}

const forSimplifyTrivialLoops = pattern({
  name: "SimplifyTrivialLoops",
  root: "scf.for",
  matchAndRewrite(op, rw) {
    const [lb, ub, step] = [op.operand(0), op.operand(1), op.operand(2)];
    const inits = op.operandValues().slice(3);
    if (lb === ub) { rw.replaceOp(op, inits); return true; }
    const diff = constDiff(lb, ub);
    if (diff === null) return false;
    if (diff <= 0n) { rw.replaceOp(op, inits); return true; }
    const s = constantInt(step);
    if (s === null) return false;
    if (s >= diff) { replaceOpWithRegion(rw, op, op.regions[0], [lb, ...inits]); return true; }
    const block = op.regions[0].entry;
    if (block.firstOp !== block.lastOp) return false;
    const yielded = terminator(block).operandValues();
    for (const v of yielded) for (let p = v.parentBlock?.parentOp ?? null; p !== null; p = p.parentOp) if (p === op) return false;
    rw.replaceOp(op, yielded);
    return true;
  },
});

const forIterArgsFolder = pattern({
  name: "ForOpIterArgsFolder",
  root: "scf.for",
  matchAndRewrite(op, rw) {
    const inits = op.operandValues().slice(3);
    const block = op.regions[0].entry;
    const args = block.args.slice(1);
    const yielded = terminator(block).operandValues();
    let canonicalize = false;
    const keep: boolean[] = [];
    const transfer: (Value | null)[] = [null];
    const newInits: Value[] = [], newYields: Value[] = [];
    const newResults: (Value | null)[] = [];
    for (let i = 0; i < inits.length; i++) {
      const init = inits[i], arg = args[i], res = op.results[i], y = yielded[i];
      if (arg === y || (arg.useEmpty && (init === y || res.useEmpty))) {
        canonicalize = true; keep.push(false); transfer.push(init); newResults.push(init);
        continue;
      }
      keep.push(true); newInits.push(init); newYields.push(y); transfer.push(null); newResults.push(null);
    }
    if (!canonicalize) return false;
    const n = rw.create(def("scf.for"), { operands: [op.operand(0), op.operand(1), op.operand(2), ...newInits], resultTypes: newInits.map((v) => v.type), loc: op.loc, attrs: Object.fromEntries(op.attrs.entries.map((e) => [e.name, e.value])) });
    const nb = rw.createBlock(n.regions[0], [op.operand(0).type, ...newInits.map((v) => v.type)], [op.loc, ...newInits.map(() => op.loc)]);
    if (newInits.length === 0) rw.create(def("scf.yield"), { loc: op.loc });
    transfer[0] = nb.args[0];
    for (let i = 0, k = 0; i < newResults.length; i++) {
      if (transfer[1 + i] === null) { transfer[1 + i] = nb.args[1 + k]; newResults[i] = n.results[k]; k++; }
    }
    if (newInits.length === 0) {
      const y = terminator(nb);
      rw.inlineBlockBefore(block, y, transfer as Value[]);
      rw.eraseOp(y.prev!);
      rw.replaceOp(op, newResults as Value[]);
      return true;
    }
    rw.mergeBlocks(block, nb, transfer as Value[]);
    const merged = terminator(nb);
    rw.setInsertionPoint(merged);
    rw.create(def("scf.yield"), { operands: merged.operandValues().filter((_v, i) => keep[i]), loc: merged.loc });
    rw.eraseOp(merged);
    rw.replaceOp(op, newResults as Value[]);
    return true;
  },
});

/// The scf.if patterns, in the order of MLIR's IfOp::getCanonicalizationPatterns.
export const scfIfPatterns: readonly RewritePattern[] = [
  ifCombineIfs, ifCombineNestedIfs, ifConditionPropagation, ifConvertTrivialToSelect, ifRemoveEmptyElseBranch, ifRemoveStaticCondition, ifRemoveUnusedResults,
  ifReplaceYieldWithConditionOrValue,
];
/// The scf.for patterns, in the order of MLIR's ForOp::getCanonicalizationPatterns.
export const scfForPatterns: readonly RewritePattern[] = [forIterArgsFolder, forSimplifyTrivialLoops];
