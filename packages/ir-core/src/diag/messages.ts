// The ir-core diagnostics table: parser (1xxx), verifier (2xxx), pass manager (3xxx).
import { Severity } from "./severity.js";

/// One table entry: a stable code, a severity and a `{0}`-style template in MLIR's wording.
export interface DiagMessage {
  readonly code: number;
  readonly severity: Severity;
  readonly text: string;
}

function e(code: number, text: string): DiagMessage {
  return { code, severity: Severity.Error, text };
}

/// Messages of ir-core. Codes are never reused or renumbered.
export const DiagMessages = {
  // lexer and parser
  UnexpectedChar: e(1001, "unexpected character"),
  UnterminatedString: e(1002, "expected '\"' in string literal"),
  InvalidEscape: e(1003, "unknown escape in string literal"),
  Expected: e(1004, "expected {0}"),
  ExpectedSSAOperand: e(1005, "expected SSA operand"),
  UndeclaredSSA: e(1006, "use of undeclared SSA value name"),
  RedefinedSSA: e(1007, "redefinition of SSA value '{0}'"),
  TypeMismatchUse: e(1008, "use of value '{0}' expects different type than prior uses: {1} vs {2}"),
  UnknownType: e(1009, "unknown type: {0}"),
  UnknownAttribute: e(1010, "unknown attribute: {0}"),
  UndefinedAlias: e(1011, "undefined symbol alias id '{0}'"),
  RedefinedAlias: e(1012, "redefinition of {0} alias id '{1}'"),
  UnregisteredOp: e(1013, "custom op '{0}' is unknown (tried '{1}' as well)"),
  UnregisteredDialectOp: e(1014, "operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used"),
  ResultCountMismatch: e(1015, "operation defines {0} results but was provided {1} to bind"),
  IntegerOutOfRange: e(1016, "integer constant out of range for attribute"),
  UndefinedBlock: e(1017, "reference to an undefined block"),
  RedefinedBlock: e(1018, "redefinition of block '{0}'"),
  InvalidIntWidth: e(1019, "invalid integer width"),
  DuplicateAttr: e(1020, "duplicate key '{0}' in dictionary attribute"),
  OperandCountMismatch: e(1021, "expected {0} operand type{1} but had {2}"),
  BadDenseShape: e(1022, "inferred shape of elements literal ([{0}]) does not match type ([{1}])"),
  FloatForInteger: e(1023, "unexpected decimal integer literal for a floating point value"),
  UnknownOpCustom: e(1024, "custom op '{0}' is unknown"),
  ExpectedTypeForValue: e(1025, "expected {0} types"),
  DialectParse: e(1026, "{0}"),
  ForwardRefUnresolved: e(1027, "use of undeclared SSA value name"),
  UnknownDialectType: e(1028, "dialect '{0}' provides no type parsing hook"),
  UnknownDialectAttr: e(1029, "dialect '{0}' provides no attribute parsing hook"),
  BadSymbolName: e(1030, "expected valid '@'-identifier for symbol name"),
  ForwardRefBlockArgType: e(1031, "argument and result types must match"),
  // verifier
  OpVerify: e(2001, "'{0}' op {1}"),
  Dominance: e(2002, "operand #{0} does not dominate this use"),
  MissingTerminator: e(2003, "block with no terminator, has {0}"),
  TerminatorNotLast: e(2004, "must be the last operation in the parent block"),
  EmptyBlockInRegion: e(2005, "empty block: expect at least a terminator"),
  UnregisteredVerify: e(2006, "unregistered operation '{0}' found in dialect ('{1}') that does not allow unknown operations"),
  SymbolRedefined: e(2007, "redefinition of symbol named '{0}'"),
  // pass manager
  PipelineSyntax: e(3001, "{0}"),
  UnknownPass: e(3002, "'{0}' does not refer to a registered pass or pass pipeline"),
  PassFailed: e(3003, "pass {0} failed: {1}"),
  PassOption: e(3004, "{0}"),
  PassNesting: e(3005, "Can't add pass '{0}' restricted to '{1}' on a PassManager intended to run on '{2}', did you intend to nest?"),
  PassError: e(3006, "{0}"),
  CantRunPassManager: e(3007, "can't run '{0}' pass manager on '{1}' op"),
  ScheduleUnsupported: e(3008, "trying to schedule a pass on an unsupported operation"),
  ScheduleUnregistered: e(3009, "trying to schedule a pass on an unregistered operation"),
  ScheduleNotIsolated: e(3010, "trying to schedule a pass on an operation not marked as 'IsolatedFromAbove'"),
  PipelineFailures: e(3011, "Failures have been detected while processing an MLIR pass pipeline"),
  UnableToSchedule: e(3012, "unable to schedule pass '{0}' on a PassManager intended to run on '{1}'!"),
  PipelineNotWrapped: e(3013, "expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'"),
  PipelineWithPassFlags: e(3014, "'-pass-pipeline' option can't be used with individual pass options"),
  FailedToAdd: e(3015, "failed to add `{0}` with options `{1}`"),
  FailedToAddInner: e(3016, "failed to add `{0}` with options `{1}` to inner pipeline"),
  NoSuchOption: e(3017, "<Pass-Options-Parser>: no such option {0}"),
  NotSymbolTable: e(3019, " was scheduled to run under {0}, but does not define a symbol table"),
  UnsupportedAffineExpr: e(3020, "{0} by non-positive value is not supported"),
} as const;

/// A key of the table.
export type DiagCode = keyof typeof DiagMessages;
