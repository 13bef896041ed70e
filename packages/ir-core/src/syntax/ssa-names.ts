// SSA value and block names of a printed operation (MLIR's SSANameState): values are numbered per region as
// mlir-opt numbers them, results named by their ops (`%c0`) may form result groups, blocks are `^bbN` per region.
import { OpResult, ValueKind, type Block, type Operation, type Region, type Value } from "../ir/ir.js";
import type { OpDef } from "../ir/opdef.js";
import { resultGroups } from "./format.js";

const entryBlockInfo = { name: "^bb0", ordering: 0 };

/// Numbering stamps (see Value.printStamp), and the names that numbered values last.
let nextStamp = 1;
let activeNamer: SsaNames | null = null;

/// The names given in a region and the regions around it (the set is made on the first name: most regions name none).
class Scope {
  private names: Set<string> | null = null;
  constructor(readonly parent: Scope | null) {}
  has(n: string): boolean {
    for (let s: Scope | null = this; s !== null; s = s.parent) if (s.names !== null && s.names.has(n)) return true;
    return false;
  }
  add(n: string): void { (this.names ??= new Set()).add(n); }
}

/// The names of the values and blocks of one print. Value names live on the values (`printName`, valid while
/// `printStamp` is the stamp of this numbering), which is cheaper than a map.
export class SsaNames {
  private stamp = -1;
  /// The op whose regions were numbered (to number again if another print renamed the values meanwhile).
  private numberedTop: Operation | null = null;
  private readonly blockNames = new Map<Block, { name: string; ordering: number }>();
  private readonly resultGroups = new Map<Operation, number[]>();

  /// In generic form every value gets a unique number (MLIR's shouldPrintUniqueSSAIDs) and ops name no results.
  constructor(private readonly generic: boolean) {}

  /// Where the result groups of `op` start (`%x:2, %y` prints groups [0, 2]), or undefined for one group.
  resultGroupsOf(op: Operation): readonly number[] | undefined {
    return op.results.length > 1 && this.resultGroups.size !== 0 ? this.resultGroups.get(op) : undefined;
  }

  /// Numbers the values and blocks in the regions of `top` (a top-level op, or the top-level ancestor of an op
  /// printed alone), as mlir-opt does.
  number(top: Operation): void {
    this.numberedTop = top;
    this.stamp = nextStamp++;
    activeNamer = this;
    type Ctx = { region: Region; nextValue: number; nextArg: number; nextConflict: number; scope: Scope | null };
    const stack: Ctx[] = [];
    for (const r of top.regions) stack.push({ region: r, nextValue: 0, nextArg: 0, nextConflict: 0, scope: null });
    // Regions are processed LIFO like MLIR; each child starts from its parent's counters, except in generic
    // form, where MLIR prints unique SSA ids (OpPrintingFlags::shouldPrintUniqueSSAIDs): counters carry on.
    const uniq = { nextValue: 0, nextArg: 0, nextConflict: 0 };
    while (stack.length) {
      const ctx = stack.pop()!;
      const scope = new Scope(ctx.scope);
      const st = this.generic ? { ...uniq, scope } : { nextValue: ctx.nextValue, nextArg: ctx.nextArg, nextConflict: ctx.nextConflict, scope };
      this.numberRegion(ctx.region, st);
      if (this.generic) { uniq.nextValue = st.nextValue; uniq.nextArg = st.nextArg; uniq.nextConflict = st.nextConflict; }
      for (let b = ctx.region.firstBlock; b !== null; b = b.next) {
        for (let op = b.firstOp; op !== null; op = op.next) {
          for (const r of op.regions) stack.push({ region: r, nextValue: st.nextValue, nextArg: st.nextArg, nextConflict: st.nextConflict, scope });
        }
      }
    }
  }

  private uniqueName(name: string, st: { nextConflict: number; scope: Scope }): string {
    let n = sanitize(name);
    if (st.scope.has(n)) {
      const base = n + "_";
      do n = base + st.nextConflict++; while (st.scope.has(n));
    }
    st.scope.add(n);
    return n;
  }

  private numberRegion(region: Region, st: { nextValue: number; nextArg: number; nextConflict: number; scope: Scope }): void {
    const parent = region.parent;
    const argNames = !this.generic && parent !== null && parent.def !== null && parent.def.blockArgNames !== null;
    if (argNames) {
      parent.def!.blockArgNames!(parent, region, (i, name) => {
        const a = region.firstBlock?.args[i];
        if (a !== undefined) this.setName(a, "%" + this.uniqueName(name, st));
      });
    }
    for (let b = region.firstBlock; b !== null; b = b.next) {
      const entry = b === region.firstBlock;
      for (const a of b.args) {
        if (entry && argNames && this.hasName(a)) continue;
        if (entry) this.setName(a, "%" + this.uniqueName("arg" + st.nextArg++, st));
        else this.setName(a, "%" + st.nextValue++);
      }
      for (let op = b.firstOp; op !== null; op = op.next) {
        if (op.results.length === 0) continue;
        const def = op.def;
        if (!this.generic && def !== null && (def.asmNames !== null || def.results.length > 1)) {
          this.nameResults(op, def, st);
          if (this.hasName(op.results[0])) continue;
        }
        this.setName(op.results[0], "%" + st.nextValue++);
      }
    }
  }

  /// Names the results of `op` as its OpAsmOpInterface (or ODS, for several named results) asks; a named result
  /// other than the first starts a result group.
  private nameResults(op: Operation, def: OpDef, st: { nextConflict: number; scope: Scope }): void {
    const groups = [0];
    const set = (i: number, name: string): void => {
      const r = op.results[i];
      if (r === undefined || this.hasName(r)) return;
      this.setName(r, "%" + this.uniqueName(name, st));
      if (i !== 0) groups.push(i);
    };
    if (def.asmNames !== null) def.asmNames(op, set);
    else {
      const gs = resultGroups(op, def);
      for (let k = 0, at = 0; k < gs.length; at += gs[k].length, k++) if (gs[k].length) set(at, def.results[k].name);
    }
    if (groups.length > 1) this.resultGroups.set(op, groups.sort((x, y) => x - y));
  }

  /// `^bbN` and N of a block in the numbered IR (numbered per region in order, on first use), or undefined;
  /// `inNumbered` says the block is known to be in the numbered IR (a block being printed).
  blockInfo(b: Block, inNumbered = false): { name: string; ordering: number } | undefined {
    if (inNumbered && b.parent !== null && b.parent.firstBlock === b) return entryBlockInfo;
    const info = this.blockNames.get(b);
    if (info !== undefined || b.parent === null || !(inNumbered || this.isNumbered(b.parent))) return info;
    let i = 0;
    for (let x = b.parent.firstBlock; x !== null; x = x.next, i++) this.blockNames.set(x, { name: "^bb" + i, ordering: i });
    return this.blockNames.get(b);
  }

  /// Whether `r` is a region of the numbered op or nested in one.
  private isNumbered(r: Region): boolean {
    const top = this.numberedTop;
    for (let op = r.parent; op !== null; op = op.parentOp) if (op === top) return true;
    return false;
  }

  private setName(v: Value, name: string): void {
    v.printName = name;
    v.printStamp = this.stamp;
  }

  private hasName(v: Value): boolean { return v.printStamp === this.stamp; }

  /// The name given to `v`, or undefined if this printer did not number it.
  nameOf(v: Value): string | undefined {
    if (v.printStamp === this.stamp) return v.printName;
    if (activeNamer !== this && this.numberedTop !== null) {
      // Another printer numbered values since (a print nested in this one): number them again.
      this.blockNames.clear();
      this.resultGroups.clear();
      this.number(this.numberedTop);
      if (v.printStamp === this.stamp) return v.printName;
    }
    return undefined;
  }

  /// The printed name of `v` (`%0`, `%arg1`, `%c0`, `%0#1` in a result group).
  valueName(v: Value): string {
    if (v.valueKind !== ValueKind.OpResult) return this.nameOf(v) ?? "<<UNKNOWN SSA VALUE>>";
    const r = v as OpResult;
    const owner = r.owner;
    if (owner.results.length === 1) return this.nameOf(r) ?? "<<UNKNOWN SSA VALUE>>";
    const groups = this.resultGroups.size !== 0 ? this.resultGroups.get(owner) : undefined;
    let start = 0, size = owner.results.length;
    if (groups !== undefined) {
      let k = groups.length - 1;
      while (k > 0 && groups[k] > r.index) k--;
      start = groups[k];
      size = (k + 1 < groups.length ? groups[k + 1] : owner.results.length) - start;
    }
    const base = this.nameOf(owner.results[start]) ?? "<<UNKNOWN SSA VALUE>>";
    return size !== 1 ? `${base}#${r.index - start}` : base;
  }
}

function sanitize(name: string): string {
  // MLIR's sanitizeIdentifier: a space becomes '_', another invalid character its hex code, and a leading digit
  // gets a '_' prefix.
  let s = /^[A-Za-z0-9_$.-]*$/.test(name) ? name : name.replace(/[^A-Za-z0-9_$.-]/g, (c) => (c === " " ? "_" : (c.charCodeAt(0) & 0xff).toString(16).toUpperCase()));
  if (/^[0-9]/.test(s)) s = "_" + s;
  return s.length ? s : "_";
}
