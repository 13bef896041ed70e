// ap_fixed.h — C-simulation substitute for the Vitis HLS fixed-point types, for plain g++ (AP_TRN / AP_WRAP only).
//
// API (a subset of Vitis HLS ap_fixed.h with the same semantics):
//   ap_fixed<W, I>, ap_ufixed<W, I>   signed / unsigned fixed point: W bits, I of them integer bits, F = W - I
//                                     fraction bits (1 <= W <= 64, 0 <= I <= W); value = V * 2^-F where the
//                                     public member V (an ap_int_base<W, Signed>) holds the raw bits.
//                                     Only the default modes: quantisation AP_TRN (round toward minus infinity)
//                                     and overflow AP_WRAP (keep the low W bits).
//   construction                      from double/float, any C integer, ap_int/ap_uint and other ap_fixed types,
//                                     implicit, with AP_TRN + AP_WRAP.
//   conversion                        implicit to double; to_double() to_float(); to_int() to_int64()
//                                     (truncated toward zero like a C cast); a[i] and range(hi, lo) read raw bits.
//   + - * /                           exact full-precision result types as in Vitis (a * b is
//                                     ap_fixed<W1 + W2, I1 + I2>; / truncates toward zero with F1 fraction bits);
//                                     types wider than 64 bits lose fraction bits (then integer bits) to fit in 64.
//                                     C integers act as ap_fixed<32, 32> (their width); ap_int<W> as ap_fixed<W, W>.
//                                     Mixed with double, the fixed operand converts to double.
//   == != < <= > >=                   exact.
//   unary -, += -= *= /=              as in Vitis (op= quantises the result back into the left operand's type).
//   std::ostream << a                 prints to_double().
#ifndef ALLO_AP_FIXED_H
#define ALLO_AP_FIXED_H

#include "ap_int.h"

template <int W, int I, bool S>
class ap_fixed_base;
/// Signed fixed point with W bits, I integer bits (AP_TRN, AP_WRAP).
template <int W, int I>
using ap_fixed = ap_fixed_base<W, I, true>;
/// Unsigned fixed point with W bits, I integer bits (AP_TRN, AP_WRAP).
template <int W, int I>
using ap_ufixed = ap_fixed_base<W, I, false>;

namespace ap_detail {
__extension__ typedef unsigned __int128 u128;

/// A fixed-point type with its width capped at 64 bits, dropping fraction bits first.
template <int W, int I, bool S>
using fixed_t = ap_fixed_base<cap(W), min(I, cap(W)), S>;
/// The fixed-point type standing for an ap_int_base<W, S> (or, through ap_of, a C integer).
template <class A>
struct fixed_of_int;
template <int W, bool S>
struct fixed_of_int<ap_int_base<W, S>> {
  using type = ap_fixed_base<W, W, S>;
};
template <class T>
using fixed_of = typename fixed_of_int<ap_of<T>>::type;

/// Raw bits extended to 128 bits (mod 2^128).
inline u128 wide(std::uint64_t ext, bool is_signed) {
  return is_signed ? static_cast<u128>(static_cast<std::int64_t>(ext)) : static_cast<u128>(ext);
}
/// Requantises an exact value v * 2^-f (v known mod 2^128) to 2^-rf steps, rounding toward minus infinity.
/// Exact for the low 64 result bits as long as |f - rf| <= 64.
inline std::uint64_t requant(u128 v, int f, int rf) {
  if (f >= rf) return f - rf >= 128 ? 0 : static_cast<std::uint64_t>(v >> (f - rf));
  return rf - f >= 128 ? 0 : static_cast<std::uint64_t>(v << (rf - f));
}
/// The fixed value of type R nearest below v * 2^-f, wrapped to R's width.
template <class R>
R make_fixed(u128 v, int f) {
  R r;
  r.V = requant(v, f, R::F);
  return r;
}

/// Result types of binary operators, as in Vitis HLS, capped at 64 bits.
template <int W1, int I1, bool S1, int W2, int I2, bool S2>
struct frtype {
  static constexpr int F1 = W1 - I1, F2 = W2 - I2;
  static constexpr int ai = max(I1 + (S2 && !S1), I2 + (S1 && !S2)) + 1, af = max(F1, F2);
  using plus = fixed_t<ai + af, ai, S1 || S2>;
  using minus = fixed_t<ai + af, ai, true>;
  using mult = fixed_t<W1 + W2, I1 + I2, S1 || S2>;
  using div = fixed_t<W1 + F2 + S2, I1 + F2 + S2, S1 || S2>;
};
}  // namespace ap_detail

/// Fixed-point number with W bits of which I are integer bits, signed if S; use ap_fixed / ap_ufixed.
template <int W, int I, bool S>
class ap_fixed_base {
  static_assert(W >= 1 && W <= 64, "ap_fixed<W, I>: this C-simulation header supports 1 <= W <= 64 only");
  static_assert(I >= 0 && I <= W, "ap_fixed<W, I>: this C-simulation header supports 0 <= I <= W only");

 public:
  /// Number of fraction bits.
  static constexpr int F = W - I;
  /// Raw bits: the value is V * 2^-F.
  ap_int_base<W, S> V;

  ap_fixed_base() = default;
  ap_fixed_base(double d) : V(ap_detail::double_bits(std::floor(std::ldexp(d, F)))) {}
  template <int W2, bool S2>
  ap_fixed_base(const ap_int_base<W2, S2>& o) : V(ap_detail::requant(ap_detail::wide(o.ext(), S2), 0, F)) {}
  template <class T, ap_detail::if_int<T> = 0>
  ap_fixed_base(T v) : ap_fixed_base(ap_detail::ap_of<T>(v)) {}
  template <int W2, int I2, bool S2>
  ap_fixed_base(const ap_fixed_base<W2, I2, S2>& o)
      : V(ap_detail::requant(ap_detail::wide(o.V.ext(), S2), W2 - I2, F)) {}

  double to_double() const { return std::ldexp(V.to_double(), -F); }
  float to_float() const { return static_cast<float>(to_double()); }
  operator double() const { return to_double(); }
  /// The integer part, truncated toward zero.
  long long to_int64() const {
    const std::uint64_t m = static_cast<std::uint64_t>(ap_detail::u128(ap_detail::mag(V.ext(), V.is_neg())) >> F);
    return static_cast<long long>(V.is_neg() ? 0 - m : m);
  }
  int to_int() const { return static_cast<int>(to_int64()); }
  int length() const { return W; }
  /// Raw bit i.
  bool operator[](int i) const { return V[i]; }
  /// Raw bits hi..lo.
  ap_uint<W> range(int hi, int lo) const { return V.range(hi, lo); }

#define AP_FIXED_ASSIGN_OP(OP)               \
  template <class T>                         \
  ap_fixed_base& operator OP##=(const T& b) { \
    return *this = *this OP b;               \
  }
  AP_FIXED_ASSIGN_OP(+)
  AP_FIXED_ASSIGN_OP(-)
  AP_FIXED_ASSIGN_OP(*)
  AP_FIXED_ASSIGN_OP(/)
#undef AP_FIXED_ASSIGN_OP
};

#define AP_FIXED_ARGS int W1, int I1, bool S1, int W2, int I2, bool S2
#define AP_FIXED_RTYPE(KIND) typename ap_detail::frtype<W1, I1, S1, W2, I2, S2>::KIND
#define AP_FIXED_PARAMS const ap_fixed_base<W1, I1, S1>&a, const ap_fixed_base<W2, I2, S2>&b

template <AP_FIXED_ARGS>
AP_FIXED_RTYPE(plus) operator+(AP_FIXED_PARAMS) {
  constexpr int f = ap_detail::max(W1 - I1, W2 - I2);
  return ap_detail::make_fixed<AP_FIXED_RTYPE(plus)>(
      (ap_detail::wide(a.V.ext(), S1) << (f - (W1 - I1))) + (ap_detail::wide(b.V.ext(), S2) << (f - (W2 - I2))), f);
}
template <AP_FIXED_ARGS>
AP_FIXED_RTYPE(minus) operator-(AP_FIXED_PARAMS) {
  constexpr int f = ap_detail::max(W1 - I1, W2 - I2);
  return ap_detail::make_fixed<AP_FIXED_RTYPE(minus)>(
      (ap_detail::wide(a.V.ext(), S1) << (f - (W1 - I1))) - (ap_detail::wide(b.V.ext(), S2) << (f - (W2 - I2))), f);
}
template <AP_FIXED_ARGS>
AP_FIXED_RTYPE(mult) operator*(AP_FIXED_PARAMS) {
  return ap_detail::make_fixed<AP_FIXED_RTYPE(mult)>(ap_detail::wide(a.V.ext(), S1) * ap_detail::wide(b.V.ext(), S2),
                                                     (W1 - I1) + (W2 - I2));
}
template <AP_FIXED_ARGS>
AP_FIXED_RTYPE(div) operator/(AP_FIXED_PARAMS) {
  const std::uint64_t d = ap_detail::mag(b.V.ext(), b.V.is_neg());
  if (d == 0) ap_detail::div_by_zero();
  const ap_detail::u128 q = (ap_detail::u128(ap_detail::mag(a.V.ext(), a.V.is_neg())) << (W2 - I2)) / d;
  return ap_detail::make_fixed<AP_FIXED_RTYPE(div)>(a.V.is_neg() != b.V.is_neg() ? 0 - q : q, W1 - I1);
}
/// Three-way comparison: both magnitudes aligned to the finer step (at most 2^64 * 2^64 < 2^128).
template <AP_FIXED_ARGS>
int ap_fixed_cmp(AP_FIXED_PARAMS) {
  constexpr int f = ap_detail::max(W1 - I1, W2 - I2);
  const bool na = a.V.is_neg(), nb = b.V.is_neg();
  if (na != nb) return na ? -1 : 1;
  const ap_detail::u128 ma = ap_detail::u128(ap_detail::mag(a.V.ext(), na)) << (f - (W1 - I1));
  const ap_detail::u128 mb = ap_detail::u128(ap_detail::mag(b.V.ext(), nb)) << (f - (W2 - I2));
  const int c = ma < mb ? -1 : ma > mb ? 1 : 0;
  return na ? -c : c;
}
#define AP_FIXED_CMP_OP(OP) \
  template <AP_FIXED_ARGS>  \
  bool operator OP(AP_FIXED_PARAMS) { return ap_fixed_cmp(a, b) OP 0; }
AP_FIXED_CMP_OP(==)
AP_FIXED_CMP_OP(!=)
AP_FIXED_CMP_OP(<)
AP_FIXED_CMP_OP(<=)
AP_FIXED_CMP_OP(>)
AP_FIXED_CMP_OP(>=)

// Mixed operands: a C integer or an ap_int/ap_uint acts as the fixed type of its width.
#define AP_FIXED_MIXED_OP(OP)                                                  \
  template <int W, int I, bool S, class T, ap_detail::if_int<T> = 0>           \
  auto operator OP(const ap_fixed_base<W, I, S>& a, T b) {                     \
    return a OP ap_detail::fixed_of<T>(b);                                     \
  }                                                                            \
  template <int W, int I, bool S, class T, ap_detail::if_int<T> = 0>           \
  auto operator OP(T a, const ap_fixed_base<W, I, S>& b) {                     \
    return ap_detail::fixed_of<T>(a) OP b;                                     \
  }                                                                            \
  template <int W, int I, bool S, int W2, bool S2>                             \
  auto operator OP(const ap_fixed_base<W, I, S>& a, const ap_int_base<W2, S2>& b) { \
    return a OP ap_fixed_base<W2, W2, S2>(b);                                  \
  }                                                                            \
  template <int W, int I, bool S, int W2, bool S2>                             \
  auto operator OP(const ap_int_base<W2, S2>& a, const ap_fixed_base<W, I, S>& b) { \
    return ap_fixed_base<W2, W2, S2>(a) OP b;                                  \
  }
AP_FIXED_MIXED_OP(+)
AP_FIXED_MIXED_OP(-)
AP_FIXED_MIXED_OP(*)
AP_FIXED_MIXED_OP(/)
AP_FIXED_MIXED_OP(==)
AP_FIXED_MIXED_OP(!=)
AP_FIXED_MIXED_OP(<)
AP_FIXED_MIXED_OP(<=)
AP_FIXED_MIXED_OP(>)
AP_FIXED_MIXED_OP(>=)
#undef AP_FIXED_ARGS
#undef AP_FIXED_RTYPE
#undef AP_FIXED_PARAMS
#undef AP_FIXED_CMP_OP
#undef AP_FIXED_MIXED_OP

template <int W, int I, bool S>
ap_detail::fixed_t<W + 1, I + 1, true> operator-(const ap_fixed_base<W, I, S>& a) {
  return ap_detail::make_fixed<ap_detail::fixed_t<W + 1, I + 1, true>>(0 - ap_detail::wide(a.V.ext(), S), W - I);
}

template <int W, int I, bool S>
std::ostream& operator<<(std::ostream& os, const ap_fixed_base<W, I, S>& a) {
  return os << a.to_double();
}

#endif  // ALLO_AP_FIXED_H
