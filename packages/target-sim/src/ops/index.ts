// Registers the compilers of every dialect the simulator runs (import for side effects).
import "./arith.js";
import "./affine.js";
import "./scf.js";
import "./memref.js";
import "./linalg.js";
import "./func.js";
import "./df.js";
