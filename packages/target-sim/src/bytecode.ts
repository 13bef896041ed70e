// The simulator's instruction set, compiled units, frames, and the table of out-of-line instructions.
import type { DiagMessage, Operation, Value } from "@allo/ir-core";
import type { ScalarInfo } from "./values.js";

/// Opcodes. Operands are slot numbers unless marked `imm`; each line gives the instruction's words.
/// The values are fixed: interpreter.ts switches on them as literals (TypeScript 7 does not inline
/// const enums, and a switch on literals compiles to a jump table); a test checks that they agree.
export const enum Op {
  // control
  Jmp = 0,      // target
  Jz = 1,       // cond target            (jump if num[cond] === 0)
  Jnz = 2,      // cond target
  Jge = 3,      // a b target             (jump unless num[a] < num[b])
  Loop = 4,     // iv step ub target      (iv += step; jump if iv < ub)
  Mov = 5,      // d s                    (number and object)
  MovN = 6,     // d s
  MovO = 7,     // d s
  Halt = 8,     //                        (the task's outermost frame ends)
  Call = 9,     // unit nargs args... nres res...
  Ret = 10,      // n vals...
  Ext = 11,      // ext len payload...     (an out-of-line instruction; `len` words in all)
  // integers
  AddI32 = 12, SubI32 = 13, MulI32 = 14,           // d a b
  AddS = 15, SubS = 16, MulS = 17,                 // d a b imm:shift   (narrow, signed canonical form)
  AddU = 18, SubU = 19, MulU = 20,                 // d a b imm:shift   (narrow, unsigned canonical form)
  AddW = 21, SubW = 22, MulW = 23,                 // d a b             (i64, si64, index)
  AndN = 24, OrN = 25, XorN = 26,                  // d a b             (narrow, either form)
  CmpLt = 27, CmpLe = 28, CmpEq = 29, CmpNe = 30, CmpGt = 31, CmpGe = 32, // d a b    (numeric order; NaN compares false)
  Select = 33,   // d c a b
  // index arithmetic for affine maps
  Lin1 = 34,     // d imm:c imm:a x
  Lin2 = 35,     // d imm:c imm:a x imm:b y
  Lin3 = 36,     // d imm:c imm:a x imm:b y imm:e z
  IMin = 37, IMax = 38, IFloorDiv = 39, ICeilDiv = 40, IMod = 41, // d a b
  // floats
  AddF32 = 42, SubF32 = 43, MulF32 = 44, DivF32 = 45,   // d a b
  AddF64 = 46, SubF64 = 47, MulF64 = 48, DivF64 = 49,   // d a b
  // memory
  Ld1 = 50,      // d m i
  Ld2 = 51,      // d m i j
  Ld3 = 52,      // d m i j k
  LdN = 53,      // d m n idx...
  LdB = 54,      // d m n idx...           (bigint storage)
  St1 = 55,      // v m i
  St2 = 56,      // v m i j
  St3 = 57,      // v m i j k
  StN = 58,      // v m n idx...
  StB = 59,      // v m n idx...
  // streams
  PutN = 60, PutW = 61, PutB = 62,                 // q v   (scalar, wide scalar, memref block)
  GetN = 63, GetW = 64, GetB = 65,                 // d q
  FifoX = 66,    // d s n idx...           (element of a stream array)
  PutX = 67,     // s v n idx...           (scalar put into an element of a stream array)
  GetX = 68,     // d s n idx...           (scalar get from an element of a stream array)
  CmpW = 69,     // d a b imm:pred imm:mode info   (i64/index compare; mode 1: numbers must be >= 0)
  FifoH = 70,    // d s n idx...           (an element of a stream array resolved before a loop; null if out of range)
  PutH = 71,     // q s v n idx...         (scalar put into obj[q], or into s[idx...] when q is null, which traps)
  GetH = 72,     // d q s n idx...         (scalar get, likewise)
}

/// A compiled function or kernel body.
export class Unit {
  readonly name: string;
  readonly root: Operation;
  code: Int32Array;
  nslots: number;
  /// Initial slot contents (constants prefilled).
  numInit: Float64Array;
  objInit: unknown[];
  /// The op each instruction start belongs to (for diagnostics).
  opAt: (Operation | null)[];
  /// Static data of out-of-line instructions.
  consts: unknown[];
  /// Slots of the entry block arguments.
  argSlots: number[];
  argInfos: ScalarInfo[];
  /// Values used inside but defined outside (streams and memrefs of an enclosing region), and their slots.
  captures: Value[];
  captureSlots: number[];
  /// `df.get_pid` results: slot and dimension.
  pidSlots: number[];
  pidDims: number[];
  /// `df.param` results: slot, name and op.
  paramSlots: number[];
  paramNames: string[];
  paramOps: Operation[];
  /// Stream ops (for deadlock analysis): true if the unit gets from / puts to any stream.
  readsStreams: boolean;
  writesStreams: boolean;
  compiled: boolean;
  /// The unit translated to JavaScript (see jit.ts), once it has run: the function to enter at each entry pc,
  /// and where the loop of each pc inside a loop starts.
  entry: UnitFn[] | null;
  loopStart: Int32Array;

  constructor(name: string, root: Operation) {
    this.name = name;
    this.root = root;
    this.code = new Int32Array(0);
    this.nslots = 0;
    this.numInit = new Float64Array(0);
    this.objInit = [];
    this.opAt = [];
    this.consts = [];
    this.argSlots = [];
    this.argInfos = [];
    this.captures = [];
    this.captureSlots = [];
    this.pidSlots = [];
    this.pidDims = [];
    this.paramSlots = [];
    this.paramNames = [];
    this.paramOps = [];
    this.readsStreams = false;
    this.writesStreams = false;
    this.compiled = false;
    this.entry = null;
    this.loopStart = new Int32Array(0);
  }

  /// The op of the instruction at `pc` (or of the nearest instruction before it).
  opOf(pc: number): Operation | null {
    for (let i = pc; i >= 0; i--) { const o = this.opAt[i]; if (o !== undefined && o !== null) return o; }
    return null;
  }
}

/// A function of a unit translated to JavaScript: runs task `t` from `f.pc` until it has to leave, and returns
/// the step the scheduler loop takes next (jit-emit.ts).
export type UnitFn = (t: TaskLike, f: Frame, q: unknown) => number;

/// One activation of a unit: its slots and where it stands.
export class Frame {
  readonly unit: Unit;
  readonly code: Int32Array;
  readonly num: Float64Array;
  readonly obj: unknown[];
  pc: number;
  constructor(unit: Unit) {
    this.unit = unit;
    this.code = unit.code;
    this.num = unit.numInit.slice();
    this.obj = unit.objInit.slice();
    this.pc = 0;
  }
}

/// How deep calls may nest in one task: a deeper call is an error (CallDepth) rather than a heap growing until the
/// process dies.
export const maxCallDepth = 100_000;

/// A run-time error raised inside an instruction; the interpreter adds the op and rethrows.
export class Trap {
  readonly msg: DiagMessage;
  readonly args: unknown[];
  /// Extra notes (message, op).
  readonly notes: { text: string; op: Operation | null }[];
  op: Operation | null;
  /// The instruction that raised it, when known (-1 otherwise).
  pc: number;
  constructor(msg: DiagMessage, args: unknown[], op: Operation | null = null) {
    this.msg = msg;
    this.args = args;
    this.notes = [];
    this.op = op;
    this.pc = -1;
  }
}

/// An out-of-line instruction: reads its operands from `f.code` after `pc` and may throw a Trap.
export type ExtFn = (f: Frame, pc: number, task: TaskLike) => void;

/// What out-of-line instructions may ask of the running task (implemented by the scheduler's Task).
export interface TaskLike {
  readonly name: string;
  /// Starts the kernels of a region (df.call) or of a nested kernel; see the scheduler.
  spawn(kind: "region" | "kernel", op: Operation, f: Frame, pc: number): void;
}

const exts: ExtFn[] = [];
const extNames: string[] = [];

/// Registers an out-of-line instruction and returns its id.
export function registerExt(name: string, fn: ExtFn): number {
  exts.push(fn);
  extNames.push(name);
  return exts.length - 1;
}

/// The table of out-of-line instructions.
export function extTable(): readonly ExtFn[] { return exts; }
