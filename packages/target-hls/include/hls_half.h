// hls_half.h — C-simulation substitute for the Vitis HLS `half` type, for plain g++ (no Vitis needed).
//
// API: `half` is IEEE 754 binary16 (g++'s _Float16 on x86-64, GCC 12 or newer). Arithmetic on two halves is done
// in float and rounded to half after every operation, which for + - * / gives the correctly rounded binary16
// result, as MLIR's f16 arithmetic does. Conversions to and from float/double are implicit; the raw 16 bits can be
// moved with std::memcpy.
#ifndef ALLO_HLS_HALF_H
#define ALLO_HLS_HALF_H

#if !defined(__FLT16_MAX__)
#error "hls_half.h needs a compiler with _Float16 (g++ 12 or newer on x86-64 or AArch64)"
#endif

/// IEEE 754 binary16.
typedef _Float16 half;

#endif  // ALLO_HLS_HALF_H
