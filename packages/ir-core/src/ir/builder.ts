// OpBuilder: creates operations at an insertion point.
import { emptyDict, getDictionaryAttr, unknownLoc, type Attribute, type NamedAttribute } from "./attrs.js";
import { Block, Operation, Region, type Value } from "./ir.js";
import type { OpDef } from "./opdef.js";
import type { LocationRef } from "./source-positions.js";
import type { Type } from "./types.js";

/// What `OpBuilder.create` takes besides the op record.
export interface CreateOptions {
  readonly operands?: readonly Value[];
  readonly resultTypes?: readonly Type[];
  readonly props?: Readonly<Record<string, Attribute | null | undefined>>;
  readonly attrs?: Readonly<Record<string, Attribute | null | undefined>>;
  readonly regions?: number | readonly Region[];
  readonly successors?: readonly Block[];
  readonly loc?: LocationRef;
}

function dict(r: Readonly<Record<string, Attribute | null | undefined>> | undefined) {
  if (r === undefined) return emptyDict;
  const es: NamedAttribute[] = [];
  for (const k of Object.keys(r)) {
    const v = r[k];
    if (v === null || v === undefined) continue;
    // Insert in name order (the keys are distinct), so the dictionary need not be sorted again.
    let i = es.length;
    es.push({ name: k, value: v });
    for (; i > 0 && es[i - 1].name > k; i--) { const t = es[i]; es[i] = es[i - 1]; es[i - 1] = t; }
  }
  return getDictionaryAttr(es);
}

/// Listens to IR changes made through a builder or rewriter.
export interface BuilderListener {
  notifyOperationInserted?(op: Operation): void;
}

/// Creates operations and inserts them at its insertion point (before `before`, or at the end of `block`).
export class OpBuilder {
  block: Block | null = null;
  before: Operation | null = null;
  listener: BuilderListener | null = null;
  loc: LocationRef = unknownLoc;

  /// A builder inserting at the end of `block`.
  static atEnd(block: Block): OpBuilder {
    const b = new OpBuilder();
    b.setInsertionPointToEnd(block);
    return b;
  }
  /// A builder inserting before `op`.
  static before(op: Operation): OpBuilder {
    const b = new OpBuilder();
    b.setInsertionPoint(op);
    return b;
  }

  setInsertionPoint(op: Operation): void { this.block = op.parent; this.before = op; }
  setInsertionPointAfter(op: Operation): void { this.block = op.parent; this.before = op.next; }
  setInsertionPointToEnd(block: Block): void { this.block = block; this.before = null; }
  setInsertionPointToStart(block: Block): void { this.block = block; this.before = block.firstOp; }

  /// Inserts an existing detached op at the insertion point.
  insert(op: Operation): Operation {
    if (this.block !== null) {
      this.block.insertBefore(op, this.before);
      this.listener?.notifyOperationInserted?.(op);
    }
    return op;
  }

  /// Creates an op of `def` and inserts it.
  create(def: OpDef, o: CreateOptions = {}): Operation {
    const op = new Operation({
      name: def.name, def, operands: o.operands, resultTypes: o.resultTypes, props: dict(o.props), attrs: dict(o.attrs),
      regions: o.regions ?? def.regions.length, successors: o.successors, loc: o.loc ?? this.loc,
    });
    return this.insert(op);
  }

  /// Creates a block at the end of `region` with arguments of `types`, and moves the insertion point into it.
  createBlock(region: Region, types: readonly Type[] = [], locs: readonly LocationRef[] = []): Block {
    const b = region.appendBlock(new Block());
    types.forEach((t, i) => b.addArgument(t, locs[i] ?? this.loc));
    this.setInsertionPointToEnd(b);
    return b;
  }
}

/// Copies `op` with empty regions (as many as `op` has); operands and successors are looked up in `mapping`, which
/// gains the results.
export function cloneWithoutRegions(op: Operation, mapping: Map<Value | Block, Value | Block>): Operation {
  const operands: Value[] = new Array(op.operands.length);
  for (let i = 0; i < operands.length; i++) {
    const v = op.operands[i].value;
    operands[i] = (mapping.get(v) as Value | undefined) ?? v;
  }
  let successors: Block[] | undefined;
  if (op.successors.length !== 0) {
    successors = new Array(op.successors.length);
    for (let i = 0; i < successors.length; i++) {
      const b = op.successors[i];
      successors[i] = (mapping.get(b) as Block | undefined) ?? b;
    }
  }
  const resultTypes: Type[] = new Array(op.results.length);
  for (let i = 0; i < resultTypes.length; i++) resultTypes[i] = op.results[i].type;
  const copy = new Operation({
    name: op.name, def: op.def, operands, resultTypes, props: op.props, attrs: op.attrs,
    regions: op.regions.length, successors, loc: op.locRef,
  });
  for (let i = 0; i < op.results.length; i++) {
    const r = op.results[i];
    mapping.set(r, copy.results[i]);
    copy.results[i].sourceName = r.sourceName;
  }
  return copy;
}

/// Deep-copies `op` (regions included); `mapping` maps old values/blocks to new ones and is extended.
export function cloneOp(op: Operation, mapping: Map<Value | Block, Value | Block> = new Map()): Operation {
  const copy = cloneWithoutRegions(op, mapping);
  for (let i = 0; i < op.regions.length; i++) cloneRegionInto(op.regions[i], copy.regions[i], mapping);
  return copy;
}

/// Copies the blocks of `src` to the end of `dest`; `copyOp` puts the copy of each op into its new block (without it,
/// `cloneOp`'s copy is appended).
export function cloneRegionInto(
  src: Region, dest: Region, mapping: Map<Value | Block, Value | Block>, copyOp?: (op: Operation, into: Block) => void,
): void {
  // Blocks (and their arguments) first, so that ops may refer to any block or argument of the region.
  const first = dest.lastBlock;
  for (let b = src.firstBlock; b !== null; b = b.next) {
    const nb = dest.appendBlock(new Block());
    for (const a of b.args) {
      const na = nb.addArgument(a.type, a.locRef);
      na.sourceName = a.sourceName;
      mapping.set(a, na);
    }
    mapping.set(b, nb);
  }
  let nb = first === null ? dest.firstBlock : first.next;
  for (let b = src.firstBlock; b !== null && nb !== null; b = b.next, nb = nb.next) {
    for (let o = b.firstOp; o !== null; o = o.next) {
      if (copyOp === undefined) nb.append(cloneOp(o, mapping));
      else copyOp(o, nb);
    }
  }
}
