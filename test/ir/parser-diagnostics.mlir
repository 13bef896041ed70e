// Parse errors and the notes MLIR attaches to them: SSA names, result numbers, region arguments, forward references,
// lexer errors, unknown ops of registered dialects and the properties of generic ops.
// RUN: allo-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

// expected-error @+1 {{unknown escape in string literal}}
func.func @f() attributes {a = "bad \q escape"} {
  return
}

// -----

// expected-error @+1 {{expected '"' in string literal}}
func.func @f() attributes {a = "unterminated
}

// -----

func.func @f() {
  // expected-note @+1 {{previously defined here}}
  %0 = arith.constant 1 : i32
  // expected-error @+1 {{redefinition of SSA value '%0'}}
  %0 = arith.constant 2 : i32
  return
}

// -----

// expected-note @+1 {{previously defined here}}
func.func @f(%a: index) {
  cf.br ^bb1(%a : index)
// expected-error @+1 {{redefinition of SSA value '%a'}}
^bb1(%a : index):
  return
}

// -----

// expected-error @+2 {{region entry argument '%a' is already in use}}
// expected-note @+1 {{previously referenced here}}
func.func @f(%a: i32, %a: i32) {
  return
}

// -----

// expected-note @+1 {{previously referenced here}}
func.func @f(%a: index) {
  // expected-error @+1 {{region entry argument '%a' is already in use}}
  scf.for %a = %a to %a step %a {
  }
  return
}

// -----

func.func @f(%a: index) {
  // expected-note @+1 {{previously referenced here}}
  "test.op"(%b) : (index) -> ()
  // expected-error @+1 {{region entry argument '%b' is already in use}}
  scf.for %b = %a to %a step %a {
  }
  return
}

// -----

func.func @f() -> i32 {
  %0 = arith.constant 1 : i32
  // expected-error @+1 {{reference to invalid result number}}
  return %0#1 : i32
}

// -----

func.func @f() {
  // expected-note @+1 {{previously used here with type 'i32'}}
  "test.use"(%0#1) : (i32) -> ()
  // expected-error @+1 {{definition of SSA value '%0#1' has type 'i64'}}
  %0:2 = "test.def"() : () -> (i64, i64)
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{use of undeclared SSA value name}}
  "test.use"(%0#3) : (index) -> ()
  %0:2 = "test.def"() : () -> (index, index)
  return
}

// -----

func.func @f() {
  scf.execute_region {
    "test.use"(%x) : (i64) -> ()
    %x = "test.def"() : () -> i64
    scf.yield
  }
  // expected-error @+1 {{use of undeclared SSA value name}}
  "test.use"(%x) : (i64) -> ()
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{unregistered operation 'arith.foo' found in dialect ('arith') that does not allow unknown operations}}
  "arith.foo"() : () -> ()
  return
}

// -----

"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  // expected-error @+1 {{invalid properties {} for op func.return: this operation does not support properties}}
  "func.return"() <{}> : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'func.func' op requires attribute 'function_type'}}
"func.func"() ({
}) : () -> ()

// -----

func.func @f() {
  // expected-error @+2 {{Dialect `nosuchdialect' not found for custom op 'nosuchdialect.op' }}
  // expected-note-re @+1 {{Registered dialects: {{.*}}affine, {{.*}}arith, {{.*}} ; for more info on dialect registration see https://mlir.llvm.org/getting_started/Faq/#registered-loaded-dependent-whats-up-with-dialects-management}}
  nosuchdialect.op
  return
}

// -----

// An op isolated from above makes no naming scope of its own (MLIR's parsers enable name shadowing only on request).
%r = "test.value"() : () -> i32
func.func @g() {
  // expected-error @+2 {{redefinition of SSA value '%r'}}
  // expected-note @-3 {{previously defined here}}
  %r = "test.value"() : () -> i32
  return
}

// -----

// A name with nothing after a dot takes the default dialect's prefix, here the empty one of scf.for's body.
func.func @f(%a: index) {
  scf.for %i = %a to %a step %a {
    // expected-error @+2 {{Dialect `' not found for custom op 'affine.'  (tried '.affine.' as well)}}
    // expected-note-re @+1 {{Registered dialects: {{.*}}}}
    affine.
  }
  return
}

// -----

// Names are scoped per region: a forward reference made in a nested region is resolved by a later definition in an
// enclosing one, and a name defined in a region is gone when it ends.
"test.graph"() ({
  "foo.a"() ({
    "foo.use"(%x) : (i32) -> ()
    "foo.t"() : () -> ()
  }) : () -> ()
  %x = "foo.def"() : () -> i32
  "foo.t"() : () -> ()
}) : () -> ()

// -----

func.func @f() {
  "foo.a"() ({
    %y = "foo.def"() : () -> i32
    "foo.t"() : () -> ()
  }) : () -> ()
  // expected-error @+1 {{use of undeclared SSA value name}}
  "foo.use"(%y) : (i32) -> ()
  return
}

// -----

func.func @f() {
  // expected-note @+1 {{previously defined here}}
  %y = "foo.def"() : () -> i32
  "foo.a"() ({
    // expected-error @+1 {{redefinition of SSA value '%y'}}
    %y = "foo.def"() : () -> i32
    "foo.t"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @f() {
  "foo.a"() ({
    "foo.use"(%z) : (i32) -> ()
    %z = "foo.def"() : () -> i32
    "foo.t"() : () -> ()
  }) : () -> ()
  // expected-error @+1 {{use of undeclared SSA value name}}
  "foo.use2"(%z) : (i32) -> ()
  return
}

// -----

// An @ identifier starts with a letter or '_' (MLIR's lexAtIdentifier), not with '$' or '.'.
// expected-error @+1 {{@ identifier expected to start with letter or '_'}}
"foo.op"() {a = @$x} : () -> ()

// -----

// expected-error @+1 {{expected '(' in dimensional identifier list}}
#map = affine_map<!d0) -> (d0)>
