// The block structure of a unit's instruction list, as the JavaScript translation (jit.ts) needs it: basic
// blocks, the outermost loops (each of which becomes a JavaScript function of its own), and where a task can
// enter those functions (start, resume at a blocking put/get, after a call, passing from one to another).
import { Op } from "./bytecode.js";

/// The number of words of the instruction at `pc`.
function insnLength(code: Int32Array, pc: number): number {
  switch (code[pc] as Op) {
    case Op.Halt: return 1;
    case Op.Jmp: return 2;
    case Op.Jz: case Op.Jnz: case Op.Mov: case Op.MovN: case Op.MovO:
    case Op.PutN: case Op.PutW: case Op.PutB: case Op.GetN: case Op.GetW: case Op.GetB: return 3;
    case Op.Jge: case Op.AddI32: case Op.SubI32: case Op.MulI32: case Op.AddW: case Op.SubW: case Op.MulW:
    case Op.AndN: case Op.OrN: case Op.XorN: case Op.CmpLt: case Op.CmpLe: case Op.CmpEq: case Op.CmpNe: case Op.CmpGt: case Op.CmpGe:
    case Op.IMin: case Op.IMax: case Op.IFloorDiv: case Op.ICeilDiv: case Op.IMod:
    case Op.AddF32: case Op.SubF32: case Op.MulF32: case Op.DivF32: case Op.AddF64: case Op.SubF64: case Op.MulF64: case Op.DivF64:
    case Op.Ld1: case Op.St1: return 4;
    case Op.Loop: case Op.AddS: case Op.SubS: case Op.MulS: case Op.AddU: case Op.SubU: case Op.MulU: case Op.Select: case Op.Lin1:
    case Op.Ld2: case Op.St2: return 5;
    case Op.Ld3: case Op.St3: return 6;
    case Op.Lin2: return 7;
    case Op.Lin3: return 9;
    case Op.CmpW: return 7;
    case Op.FifoH: return 4 + code[pc + 3];
    case Op.PutH: case Op.GetH: return 5 + code[pc + 4];
    case Op.LdN: case Op.LdB: case Op.StN: case Op.StB: case Op.FifoX: case Op.PutX: case Op.GetX: return 4 + code[pc + 3];
    case Op.Call: { const na = code[pc + 2]; return 4 + na + code[pc + 3 + na]; }
    case Op.Ret: return 2 + code[pc + 1];
    case Op.Ext: return code[pc + 2];
    default: throw new Error(`bad opcode ${code[pc]} at ${pc}`);
  }
}

/// True for the stream operations, which may block (and then run again when the task resumes).
function isStreamOp(op: number): boolean {
  return op === Op.PutN || op === Op.PutW || op === Op.PutB || op === Op.GetN || op === Op.GetW || op === Op.GetB || op === Op.PutX || op === Op.GetX ||
    op === Op.PutH || op === Op.GetH;
}

/// The jump target of a jump instruction, or -1.
function jumpTarget(code: Int32Array, pc: number): number {
  switch (code[pc] as Op) {
    case Op.Jmp: return code[pc + 1];
    case Op.Jz: case Op.Jnz: return code[pc + 2];
    case Op.Jge: return code[pc + 3];
    case Op.Loop: return code[pc + 4];
    default: return -1;
  }
}

/// Basic blocks, entry points and loop functions of a unit.
export interface Cfg {
  /// Instruction starts, in order.
  readonly starts: readonly number[];
  /// The first instruction of each block, in order; block k spans [leaders[k], leaders[k + 1]).
  readonly leaders: readonly number[];
  /// Block number by instruction start (-1 elsewhere); indexed up to code.length (the end is block `leaders.length`).
  readonly blockOf: Int32Array;
  /// Blocks where the scheduler loop can enter a function.
  readonly entries: ReadonlySet<number>;
  /// The outermost loops as inclusive block ranges, in order; every backward jump lies inside one.
  readonly loops: readonly (readonly [number, number])[];
  /// The loop (index into `loops`) of each block, or -1.
  readonly loopOf: Int32Array;
}

/// Splits `code` into blocks. A stream operation starts a block (a blocked task runs it again when it resumes);
/// a call ends one (the caller goes on after it).
export function analyse(code: Int32Array): Cfg {
  const starts: number[] = [];
  for (let pc = 0; pc < code.length; pc += insnLength(code, pc)) starts.push(pc);
  const leader = new Set<number>([0]);
  const resume = new Set<number>([0]);
  for (const pc of starts) {
    const op = code[pc];
    const next = pc + insnLength(code, pc);
    const target = jumpTarget(code, pc);
    if (target >= 0) { leader.add(target); leader.add(next); }
    else if (op === Op.Halt || op === Op.Ret) leader.add(next);
    else if (op === Op.Call) { leader.add(next); resume.add(next); }
    else if (isStreamOp(op)) { leader.add(pc); resume.add(pc); }
  }
  const leaders = starts.filter((pc) => leader.has(pc));
  const blockOf = new Int32Array(code.length + 1).fill(-1);
  leaders.forEach((pc, k) => { blockOf[pc] = k; });
  blockOf[code.length] = leaders.length;
  // the block of every instruction, and the backward jumps: each spans a loop
  const inBlock = new Int32Array(code.length);
  const ranges: [number, number][] = [];
  let block = -1;
  for (const pc of starts) {
    if (blockOf[pc] >= 0) block = blockOf[pc];
    inBlock[pc] = block;
    const target = jumpTarget(code, pc);
    if (target >= 0 && target <= pc) ranges.push([blockOf[target], block]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const loops: [number, number][] = [];
  for (const r of ranges) {
    const last = loops[loops.length - 1];
    if (last !== undefined && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else loops.push([r[0], r[1]]);
  }
  const loopOf = new Int32Array(leaders.length + 1).fill(-1);
  loops.forEach(([a, z], k) => { for (let b = a; b <= z; b++) loopOf[b] = k; });
  // entries: resume points, and where control passes from one function to another (by falling through or jumping)
  const entries = new Set<number>();
  for (const pc of resume) if (pc < code.length) entries.add(blockOf[pc]);
  for (let b = 1; b < leaders.length; b++) if (loopOf[b] !== loopOf[b - 1]) entries.add(b);
  for (const pc of starts) {
    const target = jumpTarget(code, pc);
    if (target >= 0 && target < code.length && loopOf[blockOf[target]] !== loopOf[inBlock[pc]]) entries.add(blockOf[target]);
  }
  return { starts, leaders, blockOf, entries, loops, loopOf };
}
