// The IR graph: values with use-lists, operations in intrusive block lists, blocks, regions.
import { InternalError } from "../diag/diagnostic.js";
import { emptyDict, getDictionaryAttr, unknownLoc, type Attribute, type DictionaryAttr, type Location, type NamedAttribute } from "./attrs.js";
import type { Type } from "./types.js";
import type { OpDef } from "./opdef.js";
import { resolveLocation, type LocationRef } from "./source-positions.js";

/// Discriminates values.
export enum ValueKind { OpResult, BlockArgument, Placeholder }

let lastValueHashId = 0;

/// An SSA value. Its uses form a doubly linked chain; a new use goes to the head (as in MLIR).
export abstract class Value {
  readonly valueKind: ValueKind;
  type: Type;
  firstUse: OpOperand | null;
  /// The name the value had in the parsed source (`A` for `%A`, `x#1` for the second result of
  /// `%x:2`), or null; set by the parser, ignored by the printer (tools use it to name arguments).
  sourceName: string | null;
  /// Scratch slots of the printer: the name it gave the value (a number N for `%N`), valid while `printStamp` is that
  /// printer's stamp.
  printName: string | number;
  printStamp: number;
  /// A number unique to this value for hashing (as MLIR hashes pointers), given on first use by `hashId`; 0 before.
  private hashNumber: number;
  protected constructor(kind: ValueKind, type: Type) {
    this.valueKind = kind;
    this.type = type;
    this.firstUse = null;
    this.sourceName = null;
    this.printName = "";
    this.printStamp = 0;
    this.hashNumber = 0;
  }
  /// A number unique to this value, for hash tables keyed by values (CSE).
  get hashId(): number {
    if (this.hashNumber === 0) this.hashNumber = ++lastValueHashId;
    return this.hashNumber;
  }
  /// The defining operation, or null for block arguments.
  abstract get definingOp(): Operation | null;
  /// The block that defines this value.
  abstract get parentBlock(): Block | null;
  /// True if the value has no uses.
  get useEmpty(): boolean { return this.firstUse === null; }
  /// True if the value has exactly one use.
  get hasOneUse(): boolean { return this.firstUse !== null && this.firstUse.nextUse === null; }
  /// The uses, head first.
  uses(): OpOperand[] {
    const out: OpOperand[] = [];
    for (let u = this.firstUse; u !== null; u = u.nextUse) out.push(u);
    return out;
  }
  /// The distinct users, in use-chain order.
  users(): Operation[] {
    const out: Operation[] = [];
    for (let u = this.firstUse; u !== null; u = u.nextUse) if (!out.includes(u.owner)) out.push(u.owner);
    return out;
  }
  /// Makes every use of this value use `v` instead.
  replaceAllUsesWith(v: Value): void {
    if (v === this) return;
    while (this.firstUse !== null) this.firstUse.set(v);
  }
}

/// A result of an operation.
export class OpResult extends Value {
  readonly owner: Operation;
  readonly index: number;
  constructor(owner: Operation, index: number, type: Type) {
    super(ValueKind.OpResult, type);
    this.owner = owner;
    this.index = index;
  }
  get definingOp(): Operation { return this.owner; }
  get parentBlock(): Block | null { return this.owner.parent; }
}

/// An argument of a block.
export class BlockArgument extends Value {
  owner: Block;
  index: number;
  /// The location, or the source position it is made from when first read (see `loc`).
  locRef: LocationRef;
  constructor(owner: Block, index: number, type: Type, loc: LocationRef) {
    super(ValueKind.BlockArgument, type);
    this.owner = owner;
    this.index = index;
    this.locRef = loc;
  }
  get loc(): Location { const l = this.locRef; return typeof l === "number" ? (this.locRef = resolveLocation(l)) : l; }
  set loc(l: Location) { this.locRef = l; }
  get definingOp(): null { return null; }
  get parentBlock(): Block { return this.owner; }
}

/// A value referenced before its definition while parsing; replaced when the definition is seen.
export class PlaceholderValue extends Value {
  readonly name: string;
  readonly offset: number;
  constructor(type: Type, name: string, offset: number) {
    super(ValueKind.Placeholder, type);
    this.name = name;
    this.offset = offset;
  }
  get definingOp(): null { return null; }
  get parentBlock(): null { return null; }
}

/// One operand slot of an operation: a node on its value's use chain.
export class OpOperand {
  value: Value;
  readonly owner: Operation;
  nextUse: OpOperand | null;
  prevUse: OpOperand | null;
  constructor(owner: Operation, value: Value) {
    this.owner = owner;
    this.value = value;
    this.nextUse = null;
    this.prevUse = null;
    this.link();
  }
  /// The operand's position in its owner's operand list (found there: few users ask, and a field would cost every
  /// operand 8 bytes).
  get index(): number { return this.owner.operands.indexOf(this); }
  private link(): void {
    const v = this.value;
    this.prevUse = null;
    this.nextUse = v.firstUse;
    if (v.firstUse !== null) v.firstUse.prevUse = this;
    v.firstUse = this;
  }
  /// Removes this use from its value's chain.
  unlink(): void {
    if (this.prevUse !== null) this.prevUse.nextUse = this.nextUse;
    else this.value.firstUse = this.nextUse;
    if (this.nextUse !== null) this.nextUse.prevUse = this.prevUse;
    this.nextUse = this.prevUse = null;
  }
  /// Points this operand at `v`.
  set(v: Value): void {
    if (v === this.value) return;
    this.unlink();
    this.value = v;
    this.link();
  }
}

/// Everything needed to create an operation.
export interface OperationInit {
  readonly name: string;
  readonly def: OpDef | null;
  readonly operands?: readonly Value[];
  readonly resultTypes?: readonly Type[];
  readonly props?: DictionaryAttr;
  readonly attrs?: DictionaryAttr;
  readonly regions?: number | readonly Region[];
  readonly successors?: readonly Block[];
  readonly loc?: LocationRef;
}

/// `props` plus the default value of every defaulted property it lacks (MLIR's populateDefaultProperties).
function withDefaultProps(def: OpDef | null, props: DictionaryAttr): DictionaryAttr {
  if (def === null) return props;
  let out = props;
  for (const p of def.props) if (p.defaultValue !== null && props.get(p.name) === null) out = out.with(p.name, p.defaultValue);
  return out;
}

/// `dict.with(name, value)`, with the entries built in name order (so the dictionary is not sorted again).
function dictWith(dict: DictionaryAttr, name: string, value: Attribute | null): DictionaryAttr {
  const out: NamedAttribute[] = [];
  let placed = value === null;
  for (const e of dict.entries) {
    if (!placed && e.name > name) { out.push({ name, value: value! }); placed = true; }
    if (e.name !== name) out.push(e);
  }
  if (!placed) out.push({ name, value: value! });
  return getDictionaryAttr(out);
}

// Shared by the ops without operands, results, regions or successors: result, region and successor lists never
// change after creation, an operand list is replaced rather than changed, and frozen they fail loudly if something
// tries.
const noOperands = Object.freeze([]) as unknown as OpOperand[];
const noResults = Object.freeze([]) as unknown as OpResult[];
const noRegions = Object.freeze([]) as unknown as Region[];
const noSuccessors = Object.freeze([]) as unknown as Block[];

/// The one operation class: name, operands, results, properties, attributes, regions, successors.
export class Operation {
  readonly name: string;
  readonly def: OpDef | null;
  /// The operand slots (a list that is replaced, not changed, when the operands change).
  operands: readonly OpOperand[];
  readonly results: OpResult[];
  /// Inherent attributes (properties), printed `<{...}>` in generic form.
  props: DictionaryAttr;
  /// Discardable attributes.
  attrs: DictionaryAttr;
  readonly regions: readonly Region[];
  readonly successors: Block[];
  /// The location, or the source position it is made from when first read (see `loc`).
  locRef: LocationRef;
  parent: Block | null;
  prev: Operation | null;
  next: Operation | null;
  /// Position key within the parent block, valid while the block's order is not invalidated.
  orderIndex: number;
  /// Scratch slot of the greedy rewrite driver (the op's position in its worklist); meaningless elsewhere.
  worklistIndex: number;
  /// Scratch slot of region dead-code elimination (the stamp of the run that proved the op live); meaningless elsewhere.
  liveStamp: number;

  constructor(init: OperationInit) {
    this.name = init.name;
    this.def = init.def;
    this.operands = noOperands;
    this.results = noResults;
    this.props = withDefaultProps(init.def, init.props ?? emptyDict);
    this.attrs = init.attrs ?? emptyDict;
    this.regions = noRegions;
    this.successors = init.successors !== undefined && init.successors.length !== 0 ? init.successors.slice() : noSuccessors;
    this.locRef = init.loc ?? unknownLoc;
    this.parent = null;
    this.prev = null;
    this.next = null;
    this.orderIndex = -1;
    this.worklistIndex = -1;
    this.liveStamp = 0;
    // Operand, result and region arrays of their exact size (an array grown by push keeps spare capacity).
    const ops = init.operands;
    if (ops !== undefined && ops.length !== 0) this.operands = ops.map((v) => new OpOperand(this, v));
    const rts = init.resultTypes;
    if (rts !== undefined && rts.length !== 0) this.results = rts.map((t, i) => new OpResult(this, i, t));
    const rs = init.regions ?? 0;
    if (typeof rs === "number") { if (rs !== 0) this.regions = Array.from({ length: rs }, () => new Region(this)); }
    else if (rs.length !== 0) this.regions = rs.map((r) => { r.parent = this; return r; });
  }

  get loc(): Location { const l = this.locRef; return typeof l === "number" ? (this.locRef = resolveLocation(l)) : l; }
  set loc(l: Location) { this.locRef = l; }
  /// The dialect prefix of the name.
  get dialect(): string { const i = this.name.indexOf("."); return i < 0 ? "" : this.name.slice(0, i); }
  get numOperands(): number { return this.operands.length; }
  get numResults(): number { return this.results.length; }
  /// Operand value `i`.
  operand(i: number): Value { return this.operands[i].value; }
  /// All operand values.
  operandValues(): Value[] { return this.operands.map((o) => o.value); }
  /// Result `i`.
  result(i: number): OpResult { return this.results[i]; }
  /// The single result (throws if not exactly one).
  get res(): OpResult {
    if (this.results.length !== 1) throw new InternalError(`'${this.name}' has ${this.results.length} results`);
    return this.results[0];
  }
  /// Property or discardable attribute `name`.
  getAttr(name: string): Attribute | null { return this.props.get(name) ?? this.attrs.get(name); }
  /// Property `name`.
  prop(name: string): Attribute | null { return this.props.get(name); }
  /// Sets (or with null removes) property `name`.
  setProp(name: string, value: Attribute | null): void { this.props = dictWith(this.props, name, value); }
  /// Sets (or with null removes) discardable attribute `name`.
  setAttr(name: string, value: Attribute | null): void { this.attrs = dictWith(this.attrs, name, value); }
  /// True if the op has trait `t` (registered ops only).
  hasTrait(t: number): boolean { return this.def !== null && (this.def.traitBits & (1 << t)) !== 0; }

  /// Replaces the operand list.
  setOperands(values: readonly Value[]): void {
    for (const o of this.operands) o.unlink();
    this.operands = values.length === 0 ? noOperands : values.map((v) => new OpOperand(this, v));
  }
  /// Inserts operands at `index`.
  insertOperands(index: number, values: readonly Value[]): void {
    const all = this.operandValues();
    all.splice(index, 0, ...values);
    this.setOperands(all);
  }
  /// Removes operand `index`.
  eraseOperand(index: number): void {
    const all = this.operandValues();
    all.splice(index, 1);
    this.setOperands(all);
  }

  /// The op that contains this one, or null.
  get parentOp(): Operation | null { return this.parent?.parent?.parent ?? null; }
  /// The region that contains this op.
  get parentRegion(): Region | null { return this.parent?.parent ?? null; }
  /// True if `this` is a proper ancestor of `other`.
  isProperAncestor(other: Operation): boolean {
    for (let p = other.parentOp; p !== null; p = p.parentOp) if (p === this) return true;
    return false;
  }
  /// True if `this` comes before `other` in the same block.
  isBeforeInBlock(other: Operation): boolean {
    const b = this.parent;
    if (b === null || other.parent !== b) throw new InternalError("ops not in the same block");
    if (!b.orderValid) b.recomputeOrder();
    return this.orderIndex < other.orderIndex;
  }

  /// Unlinks this op from its block (keeps it alive).
  remove(): void {
    const b = this.parent;
    if (b === null) return;
    if (this.prev !== null) this.prev.next = this.next; else b.firstOp = this.next;
    if (this.next !== null) this.next.prev = this.prev; else b.lastOp = this.prev;
    this.prev = this.next = null;
    this.parent = null;
  }
  /// Drops all operand uses of this op and of ops nested in it.
  dropAllReferences(): void {
    for (const o of this.operands) o.unlink();
    this.operands = noOperands;
    for (const r of this.regions) for (let b = r.firstBlock; b !== null; b = b.next) for (let op = b.firstOp; op !== null; op = op.next) op.dropAllReferences();
  }
  /// Removes and destroys this op; its results must be unused.
  erase(): void {
    for (const r of this.results) if (r.firstUse !== null) throw new InternalError(`erasing '${this.name}' whose result #${r.index} still has uses`);
    this.remove();
    this.dropAllReferences();
  }
  /// Moves this op before `other` (possibly into another block).
  moveBefore(other: Operation): void {
    this.remove();
    other.parent!.insertBefore(this, other);
  }
  /// Moves this op after `other`.
  moveAfter(other: Operation): void {
    this.remove();
    other.parent!.insertAfter(this, other);
  }
}

/// A basic block: arguments and an intrusive list of operations.
export class Block {
  /// The arguments (a short list is replaced, not grown, when an argument is added).
  readonly args: BlockArgument[];
  firstOp: Operation | null;
  lastOp: Operation | null;
  parent: Region | null;
  prev: Block | null;
  next: Block | null;
  orderValid: boolean;

  constructor() {
    this.args = [];
    this.firstOp = null;
    this.lastOp = null;
    this.parent = null;
    this.prev = null;
    this.next = null;
    this.orderValid = true;
  }

  /// Appends an argument.
  addArgument(type: Type, loc: LocationRef = unknownLoc): BlockArgument {
    const a = new BlockArgument(this, this.args.length, type, loc);
    // An array grown by push keeps spare room (17 slots after the first push); a short list is copied at its size.
    if (this.args.length < 8) (this as { args: BlockArgument[] }).args = this.args.concat([a]);
    else this.args.push(a);
    return a;
  }
  /// Inserts an argument at `index`.
  insertArgument(index: number, type: Type, loc: LocationRef = unknownLoc): BlockArgument {
    const a = new BlockArgument(this, index, type, loc);
    this.args.splice(index, 0, a);
    for (let i = index; i < this.args.length; i++) this.args[i].index = i;
    return a;
  }
  /// Erases argument `index`, which must be unused.
  eraseArgument(index: number): void {
    const a = this.args[index];
    if (a.firstUse !== null) throw new InternalError("erasing a block argument that has uses");
    this.args.splice(index, 1);
    for (let i = index; i < this.args.length; i++) this.args[i].index = i;
  }
  /// The op that owns the region of this block.
  get parentOp(): Operation | null { return this.parent?.parent ?? null; }
  /// True if this is the first block of its region.
  get isEntryBlock(): boolean { return this.parent !== null && this.parent.firstBlock === this; }
  /// True if the block has no operations.
  get empty(): boolean { return this.firstOp === null; }
  /// The last op, if it is a terminator of a registered op.
  get terminator(): Operation | null { return this.lastOp; }

  /// Appends `op` at the end.
  append(op: Operation): Operation {
    return this.insertBefore(op, null);
  }
  /// Inserts `op` before `before` (null = at the end).
  insertBefore(op: Operation, before: Operation | null): Operation {
    if (op.parent !== null) throw new InternalError("inserting an op that is already in a block");
    op.parent = this;
    if (before === null) {
      op.prev = this.lastOp;
      op.next = null;
      if (this.lastOp !== null) this.lastOp.next = op; else this.firstOp = op;
      this.lastOp = op;
      if (op.prev !== null && this.orderValid) op.orderIndex = op.prev.orderIndex + 1024;
      else if (op.prev === null) op.orderIndex = 0;
    } else {
      op.next = before;
      op.prev = before.prev;
      if (before.prev !== null) before.prev.next = op; else this.firstOp = op;
      before.prev = op;
      const lo = op.prev !== null ? op.prev.orderIndex : before.orderIndex - 2048;
      const mid = Math.floor((lo + before.orderIndex) / 2);
      if (mid > lo && mid < before.orderIndex) op.orderIndex = mid; else this.orderValid = false;
    }
    return op;
  }
  /// Inserts `op` after `after`.
  insertAfter(op: Operation, after: Operation): Operation {
    return this.insertBefore(op, after.next);
  }
  /// Renumbers order indices with gaps.
  recomputeOrder(): void {
    let i = 0;
    for (let op = this.firstOp; op !== null; op = op.next) op.orderIndex = (i += 1024);
    this.orderValid = true;
  }
  /// The ops as an array (a snapshot: safe to mutate the block while iterating it).
  ops(): Operation[] {
    const out: Operation[] = [];
    for (let op = this.firstOp; op !== null; op = op.next) out.push(op);
    return out;
  }
  /// Moves all ops of `other` to the end of this block (before `before` if given).
  spliceOpsFrom(other: Block, before: Operation | null = null): void {
    let op = other.firstOp;
    while (op !== null) {
      const n = op.next;
      op.remove();
      this.insertBefore(op, before);
      op = n;
    }
  }
  /// Unlinks this block from its region.
  remove(): void {
    const r = this.parent;
    if (r === null) return;
    if (this.prev !== null) this.prev.next = this.next; else r.firstBlock = this.next;
    if (this.next !== null) this.next.prev = this.prev; else r.lastBlock = this.prev;
    this.prev = this.next = null;
    this.parent = null;
  }
  /// The blocks whose terminators branch here.
  predecessors(): Block[] {
    const out: Block[] = [];
    const r = this.parent;
    if (r === null) return out;
    for (let b = r.firstBlock; b !== null; b = b.next) {
      const t = b.lastOp;
      if (t !== null) for (const s of t.successors) if (s === this) out.push(b);
    }
    return out;
  }
}

/// A region: a list of blocks owned by an operation.
export class Region {
  firstBlock: Block | null;
  lastBlock: Block | null;
  parent: Operation | null;
  constructor(parent: Operation | null = null) {
    this.firstBlock = null;
    this.lastBlock = null;
    this.parent = parent;
  }
  /// True if the region has no blocks.
  get empty(): boolean { return this.firstBlock === null; }
  /// Appends a block (a new one if none is given).
  appendBlock(b: Block = new Block()): Block {
    return this.insertBlockBefore(b, null);
  }
  /// Inserts `b` before `before` (null = at the end).
  insertBlockBefore(b: Block, before: Block | null): Block {
    b.parent = this;
    if (before === null) {
      b.prev = this.lastBlock;
      b.next = null;
      if (this.lastBlock !== null) this.lastBlock.next = b; else this.firstBlock = b;
      this.lastBlock = b;
    } else {
      b.next = before;
      b.prev = before.prev;
      if (before.prev !== null) before.prev.next = b; else this.firstBlock = b;
      before.prev = b;
    }
    return b;
  }
  /// The blocks as an array.
  blocks(): Block[] {
    const out: Block[] = [];
    for (let b = this.firstBlock; b !== null; b = b.next) out.push(b);
    return out;
  }
  /// True if the region has exactly one block.
  get hasOneBlock(): boolean { return this.firstBlock !== null && this.firstBlock === this.lastBlock; }
  /// The entry block (throws if empty).
  get entry(): Block {
    if (this.firstBlock === null) throw new InternalError("region has no blocks");
    return this.firstBlock;
  }
  /// True if `this` is `r` or an ancestor region of `r`.
  isAncestor(r: Region | null): boolean {
    for (let x = r; x !== null; x = x.parent?.parentRegion ?? null) if (x === this) return true;
    return false;
  }
  /// Moves all blocks of this region into `dest` before `before`.
  takeBody(dest: Region, before: Block | null = null): void {
    let b = this.firstBlock;
    while (b !== null) {
      const n = b.next;
      b.remove();
      dest.insertBlockBefore(b, before);
      b = n;
    }
  }
}

/// Visits `root` and every nested op, parents before children (`pre`) or after (`post`), with an explicit stack.
export function walk(root: Operation, visit: (op: Operation) => void, order: "pre" | "post" = "post"): void {
  if (order === "pre") {
    const stack: Operation[] = [root];
    while (stack.length) {
      const op = stack.pop()!;
      visit(op);
      for (let r = op.regions.length - 1; r >= 0; r--) {
        for (let b = op.regions[r].lastBlock; b !== null; b = b.prev) for (let o = b.lastOp; o !== null; o = o.prev) stack.push(o);
      }
    }
    return;
  }
  // `expanded[i]`: the children of `stack[i]` are on the stack above it (visit it when it is on top again).
  const stack: Operation[] = [root];
  const expanded: boolean[] = [false];
  while (stack.length) {
    const op = stack.pop()!;
    if (expanded.pop()!) { visit(op); continue; }
    stack.push(op);
    expanded.push(true);
    for (let r = op.regions.length - 1; r >= 0; r--) {
      for (let b = op.regions[r].lastBlock; b !== null; b = b.prev) for (let o = b.lastOp; o !== null; o = o.prev) { stack.push(o); expanded.push(false); }
    }
  }
}
