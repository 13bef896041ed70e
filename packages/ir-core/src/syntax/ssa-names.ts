// SSA value and block names of a printed operation (MLIR's SSANameState): values are numbered per region as
// mlir-opt numbers them, results named by their ops (`%c0`) may form result groups, blocks are `^bbN` per region.
import { OpResult, ValueKind, type Block, type Operation, type Region, type Value } from "../ir/ir.js";
import type { OpDef } from "../ir/opdef.js";
import { resultGroups } from "./format.js";

const entryBlockInfo = { name: "^bb0", ordering: 0 };

/// `%N` and `argN` / `%argN` for small N, made once: numbering restarts in each function, so a few names serve most
/// values, which then take no string of their own; a larger N (generic form numbers the whole module) is kept as the
/// number, and its name made when printed.
const cachedNames = 1 << 14;
const numberNames: string[] = [];
const argNames: { bare: string; full: string }[] = [];
function numberName(n: number): string | number { return n < cachedNames ? (numberNames[n] ??= "%" + n) : n; }
function argName(n: number): { bare: string; full: string } {
  if (n >= cachedNames) return { bare: "arg" + n, full: "%arg" + n };
  return (argNames[n] ??= { bare: "arg" + n, full: "%arg" + n });
}

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

/// The counters of a numbering: the next value number, entry-block argument number and conflict suffix, and the
/// names in scope.
interface Counters { nextValue: number; nextArg: number; nextConflict: number; scope: Scope }

/// The names of the values and blocks of one print. Value names live on the values (`printName`, valid while
/// `printStamp` is the stamp of this numbering), which is cheaper than a map.
export class SsaNames {
  private stamp = -1;
  /// The op whose regions were numbered (to number again if another print renamed the values meanwhile).
  private numberedTop: Operation | null = null;
  private readonly blockNames = new Map<Block, { name: string; ordering: number }>();
  private readonly resultGroups = new Map<Operation, number[]>();
  /// Numbers of the ops without results (MLIR's operationIDs), kept only under `--mlir-print-value-users`.
  private readonly opIds: Map<Operation, number> | null;
  /// Counters carry on across regions rather than restart from the parent's (MLIR's shouldPrintUniqueSSAIDs).
  private readonly unique: boolean;

  /// In generic form ops name no results and block arguments take no names from their ops. `unique`: every value gets
  /// a unique number, as in generic form (`--mlir-print-unique-ssa-ids`); `opIds`: ops without results take a number
  /// too, which `--mlir-print-value-users` prints for them.
  constructor(private readonly generic: boolean, unique = false, opIds = false) {
    this.unique = generic || unique;
    this.opIds = opIds ? new Map() : null;
  }

  /// Where the result groups of `op` start (`%x:2, %y` prints groups [0, 2]), or undefined for one group.
  resultGroupsOf(op: Operation): readonly number[] | undefined {
    return op.results.length > 1 && this.resultGroups.size !== 0 ? this.resultGroups.get(op) : undefined;
  }

  /// Numbers `top` itself (its results, or its own number) and the values and blocks in its regions (`top` is a
  /// top-level op, or the op from which an op printed alone is numbered), as mlir-opt does.
  number(top: Operation): void {
    this.numberedTop = top;
    this.stamp = nextStamp++;
    activeNamer = this;
    if (this.opIds !== null) this.opIds.clear();
    type Ctx = { region: Region; nextValue: number; nextArg: number; nextConflict: number; scope: Scope };
    const topScope = new Scope(null);
    const st: Counters = { nextValue: 0, nextArg: 0, nextConflict: 0, scope: topScope };
    const stack: Ctx[] = [];
    // The regions of `top` start from the counters as they were before `top` took its numbers.
    for (let i = 0; i < top.regions.length; i++) stack.push({ region: top.regions[i], nextValue: 0, nextArg: 0, nextConflict: 0, scope: topScope });
    this.numberOp(top, st);
    // Regions are processed LIFO like MLIR; each child starts from its parent's counters, unless every value gets a
    // unique number (generic form, OpPrintingFlags::shouldPrintUniqueSSAIDs): then the counters carry on.
    while (stack.length) {
      const ctx = stack.pop()!;
      if (!this.unique) { st.nextValue = ctx.nextValue; st.nextArg = ctx.nextArg; st.nextConflict = ctx.nextConflict; }
      const scope = new Scope(ctx.scope);
      st.scope = scope;
      this.numberRegion(ctx.region, st);
      for (let b = ctx.region.firstBlock; b !== null; b = b.next) {
        for (let op = b.firstOp; op !== null; op = op.next) {
          const rs = op.regions;
          for (let i = 0; i < rs.length; i++) stack.push({ region: rs[i], nextValue: st.nextValue, nextArg: st.nextArg, nextConflict: st.nextConflict, scope });
        }
      }
    }
  }

  /// Numbers one op's results (MLIR's numberValuesInOp), or the op itself when it has none and op numbers are kept.
  private numberOp(op: Operation, st: Counters): void {
    if (op.results.length === 0) {
      if (this.opIds !== null) this.opIds.set(op, st.nextValue++);
      return;
    }
    const def = op.def;
    if (!this.generic && def !== null && (def.asmNames !== null || def.results.length > 1)) {
      this.nameResults(op, def, st);
      if (this.hasName(op.results[0])) return;
    }
    this.setName(op.results[0], numberName(st.nextValue++));
  }

  /// `%N` of an op without results numbered under `--mlir-print-value-users`, as MLIR's printOperationID.
  opId(op: Operation): string {
    const id = this.opIds === null ? undefined : this.opIds.get(op);
    return id === undefined ? "<<UNKNOWN OPERATION>>" : "%" + id;
  }

  private uniqueName(name: string, st: Counters): string {
    let n = sanitize(name);
    if (st.scope.has(n)) {
      const base = n + "_";
      do n = base + st.nextConflict++; while (st.scope.has(n));
    }
    st.scope.add(n);
    return n;
  }

  private numberRegion(region: Region, st: Counters): void {
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
      const args = b.args;
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (entry && argNames && this.hasName(a)) continue;
        if (entry) {
          const n = argName(st.nextArg++), name = this.uniqueName(n.bare, st);
          this.setName(a, name === n.bare ? n.full : "%" + name);
        } else this.setName(a, numberName(st.nextValue++));
      }
      for (let op = b.firstOp; op !== null; op = op.next) this.numberOp(op, st);
    }
  }

  /// Names the results of `op` as its OpAsmOpInterface (or ODS, for several named results) asks; a named result
  /// other than the first starts a result group.
  private nameResults(op: Operation, def: OpDef, st: Counters): void {
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

  private setName(v: Value, name: string | number): void {
    v.printName = name;
    v.printStamp = this.stamp;
  }

  private hasName(v: Value): boolean { return v.printStamp === this.stamp; }

  /// The name given to `v`, or undefined if this printer did not number it.
  nameOf(v: Value): string | undefined {
    if (v.printStamp === this.stamp) return printedName(v.printName);
    if (activeNamer !== this && this.numberedTop !== null) {
      // Another printer numbered values since (a print nested in this one): number them again.
      this.blockNames.clear();
      this.resultGroups.clear();
      this.number(this.numberedTop);
      if (v.printStamp === this.stamp) return printedName(v.printName);
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

function printedName(name: string | number): string { return typeof name === "number" ? "%" + name : name; }

function sanitize(name: string): string {
  // MLIR's sanitizeIdentifier: a space becomes '_', another invalid character its hex code, and a leading digit
  // gets a '_' prefix.
  let s = /^[A-Za-z0-9_$.-]*$/.test(name) ? name : name.replace(/[^A-Za-z0-9_$.-]/g, (c) => (c === " " ? "_" : (c.charCodeAt(0) & 0xff).toString(16).toUpperCase()));
  if (/^[0-9]/.test(s)) s = "_" + s;
  return s.length ? s : "_";
}
