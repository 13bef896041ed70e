// Identifier sanitising: every symbol, stream or value name becomes a valid, unique, unreserved C++ identifier.

/// C++17 keywords and alternative tokens, plus C++20 keywords so the output stays valid under newer standards.
const KEYWORDS = [
  "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char",
  "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr", "constinit",
  "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double",
  "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
  "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or",
  "or_eq", "private", "protected", "public", "register", "reinterpret_cast", "requires", "return", "short", "signed",
  "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw",
  "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
  "wchar_t", "while", "xor", "xor_eq", "final", "override", "import", "module",
];

/// Names the emitted code or its headers use at global scope: types, namespaces, macros and common C library
/// functions (a PE called `exit` or `INT32_MAX` would clash with a declaration or a macro).
const RESERVED = [
  "main", "std", "hls", "ap_int", "ap_uint", "ap_fixed", "ap_ufixed", "ap_int_base", "ap_fixed_base", "ap_detail", "half",
  "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "size_t", "ptrdiff_t",
  "intptr_t", "uintptr_t", "NULL", "EOF", "FILE", "errno", "assert", "stdin", "stdout", "stderr",
  "INT8_MIN", "INT16_MIN", "INT32_MIN", "INT64_MIN", "INT8_MAX", "INT16_MAX", "INT32_MAX", "INT64_MAX",
  "UINT8_MAX", "UINT16_MAX", "UINT32_MAX", "UINT64_MAX", "INFINITY", "NAN", "HUGE_VAL", "CHAR_BIT",
  "abort", "exit", "atexit", "malloc", "calloc", "realloc", "free", "printf", "fprintf", "sprintf", "snprintf", "puts",
  "fopen", "fclose", "fread", "fwrite", "memcpy", "memset", "memmove", "memcmp", "strlen", "strcmp", "abs", "labs",
  "div", "fabs", "sqrt", "exp", "log", "pow", "sin", "cos", "tan", "floor", "ceil", "round", "fmod", "fmin", "fmax",
  "min", "max", "system", "signal", "raise", "time", "clock", "rand", "srand", "getenv", "remove", "rename",
  "unix", "linux", "i386", "testbench",
];

const KEYWORD_SET = new Set(KEYWORDS);
const RESERVED_SET = new Set(RESERVED);

/// True if `s` is a C++ keyword.
export function isCppKeyword(s: string): boolean {
  return KEYWORD_SET.has(s);
}

/// True if `s` may not be used as an identifier of the emitted code (keyword, reserved pattern, library name).
export function isReservedIdentifier(s: string): boolean {
  return KEYWORD_SET.has(s) || RESERVED_SET.has(s) || s.startsWith("_") || s.includes("__");
}

/// Maps arbitrary text to identifier characters: ASCII letters and digits are kept, every other character becomes
/// `_` (non-ASCII code points become `u<hex>`), runs of `_` collapse to one, leading and trailing `_` are dropped.
/// The result may be empty or start with a digit; `sanitizeIdentifier` fixes both.
function identifierChars(raw: string): string {
  let out = "";
  for (const ch of raw) {
    const c = ch.codePointAt(0)!;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) out += ch;
    else if (c > 127) out += `_u${c.toString(16)}_`;
    else out += "_";
  }
  return out.replace(/_+/g, "_").replace(/^_/, "").replace(/_$/, "");
}

/// A valid C++ identifier made from `raw` (not yet unique): `prefix` replaces an empty result and goes before a
/// leading digit; keywords and reserved names get `_v` appended (`int` -> `int_v`); at most 64 characters.
export function sanitizeIdentifier(raw: string, prefix: string): string {
  let s = identifierChars(raw);
  if (s.length === 0) return prefix;
  if (s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57) s = `${prefix}${s}`;
  if (isReservedIdentifier(s)) s = `${s}_v`;
  // Very long names are legal but unreadable; keep them bounded (uniqueness is restored by the scope).
  if (s.length > 64) s = s.slice(0, 64).replace(/_$/, "");
  return s;
}

/// A naming scope: hands out unique identifiers, checking its parents so a local never shadows a global.
export class NameScope {
  private readonly used = new Set<string>();
  readonly parent: NameScope | null;

  constructor(parent: NameScope | null = null) {
    this.parent = parent;
  }

  /// True if `name` is taken in this scope or an enclosing one.
  has(name: string): boolean {
    for (let s: NameScope | null = this; s !== null; s = s.parent) if (s.used.has(name)) return true;
    return false;
  }

  /// Claims a unique identifier derived from `raw` (`prefix` stands in when `raw` has no usable characters).
  claim(raw: string | null, prefix: string): string {
    const base = sanitizeIdentifier(raw ?? "", prefix);
    let name = base;
    for (let n = 1; this.has(name) || isReservedIdentifier(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    return name;
  }

  /// Claims `prefix0`, `prefix1`, ...: the first free numbered name.
  claimNumbered(prefix: string, start = 0): string {
    let n = start;
    while (this.has(`${prefix}${n}`)) n++;
    const name = `${prefix}${n}`;
    this.used.add(name);
    return name;
  }

  /// Marks `name` as taken (for names the emitter writes itself).
  reserve(name: string): void {
    this.used.add(name);
  }
}

/// Text safe to put in a `//` comment: printable ASCII without backslashes (a trailing `\` would continue the
/// comment onto the next line) or `?` (trigraphs); null if `raw` has anything else or is too long.
export function commentSafe(raw: string): string | null {
  if (raw.length > 120) return null;
  return /^[A-Za-z0-9 _.,:;#@$%^&*()[\]{}<>+=|~'"!-]*$/.test(raw) ? raw : null;
}
