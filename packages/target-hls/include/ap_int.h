// ap_int.h — C-simulation substitute for the Vitis HLS arbitrary-precision integers, for plain g++ (widths 1..64).
//
// API (a subset of Vitis HLS ap_int.h with the same semantics):
//   ap_int<W>, ap_uint<W>     signed / unsigned W-bit integers, 1 <= W <= 64 (aliases of ap_int_base<W, Signed>).
//                             Values wrap around in two's complement like hardware: ap_int<5>(17) == -15.
//   construction              from any integer type, from double/float (truncated toward zero, then wrapped),
//                             from any ap_int/ap_uint (sign- or zero-extended, or truncated); all implicit.
//   conversion                implicit to the first of int, unsigned, long long, unsigned long long that holds
//                             every value; to_int() to_uint() to_long() to_ulong() to_int64() to_uint64()
//                             to_double() to_float(); length() == W.
//   + - * / % & | ^           between ap values and/or C integers (a C integer acts as the ap type of its width).
//                             The result is wide enough for the exact value, as in Vitis (a + b has
//                             max(W1, W2) + 1 bits, a * b has W1 + W2, ...), but capped at 64 bits: results
//                             that would need more are wrapped to 64 bits. Division by zero aborts.
//   == != < <= > >=           exact, also between signed and unsigned operands.
//   << >>                     the result keeps the left operand's type (bits shifted out are lost, as in Vitis);
//                             >> is arithmetic for signed values; a negative signed shift amount shifts the
//                             other way; amounts >= W give 0 (or -1 for >> of a negative value).
//   unary - ~ +, ++ --, op=   as in Vitis (-a has W + 1 bits; op= wraps the result to the left operand's width).
//   a[i], a.range(hi, lo)     read bit i / bits hi..lo (as ap_uint<W>, reversed if hi < lo); a.set_bit(i, v) writes.
//   std::ostream << a         prints the decimal value (honours std::hex etc.).
#ifndef ALLO_AP_INT_H
#define ALLO_AP_INT_H

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <ostream>
#include <type_traits>

template <int W, bool S>
class ap_int_base;
/// Signed W-bit integer.
template <int W>
using ap_int = ap_int_base<W, true>;
/// Unsigned W-bit integer.
template <int W>
using ap_uint = ap_int_base<W, false>;

namespace ap_detail {
constexpr int max(int a, int b) { return a > b ? a : b; }
constexpr int min(int a, int b) { return a < b ? a : b; }
constexpr int cap(int w) { return min(w, 64); }
template <class T>
using if_int = std::enable_if_t<std::is_integral<T>::value, int>;
/// The ap type standing for a C integer type in mixed expressions (int -> ap_int<32>, bool -> ap_uint<1>).
template <class T>
using ap_of = ap_int_base<std::numeric_limits<T>::digits + std::numeric_limits<T>::is_signed,
                          std::numeric_limits<T>::is_signed>;
/// The C type an ap value converts to implicitly: the first of int, unsigned, long long, unsigned long long
/// that holds all its values.
template <int W, bool S>
using c_type = std::conditional_t<(W + !S <= 32), int,
                                  std::conditional_t<(W <= 32), unsigned,
                                                     std::conditional_t<(W + !S <= 64), long long, unsigned long long>>>;

/// Result types of binary operators on (W1, S1) and (W2, S2), as in Vitis HLS, capped at 64 bits.
template <int W1, bool S1, int W2, bool S2>
struct rtype {
  static constexpr int logic_w = max(W1 + (S2 && !S1), W2 + (S1 && !S2));
  static constexpr bool s = S1 || S2;
  using plus = ap_int_base<cap(logic_w + 1), s>;
  using minus = ap_int_base<cap(logic_w + 1), true>;
  using mult = ap_int_base<cap(W1 + W2), s>;
  using div = ap_int_base<cap(W1 + S2), s>;
  using mod = ap_int_base<min(W1, W2 + (S1 && !S2)), S1>;
  using logic = ap_int_base<cap(logic_w), s>;
};

/// Low 64 bits of trunc(d) in two's complement; 0 for NaN and infinities.
inline std::uint64_t double_bits(double d) {
  if (!std::isfinite(d)) return 0;
  const double t = std::fmod(std::trunc(d), 18446744073709551616.0);  // |t| < 2^64, exact
  return t < 0 ? 0 - static_cast<std::uint64_t>(-t) : static_cast<std::uint64_t>(t);
}
/// Magnitude of a 64-bit two's complement pattern.
inline std::uint64_t mag(std::uint64_t v, bool neg) { return neg ? 0 - v : v; }
/// Three-way comparison of two sign-extended 64-bit patterns, each with its sign.
inline int cmp(std::uint64_t a, bool na, std::uint64_t b, bool nb) {
  if (na != nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
[[noreturn]] inline void div_by_zero() {
  std::fputs("ap_int: division by zero\n", stderr);
  std::abort();
}
inline std::uint64_t div(std::uint64_t a, bool na, std::uint64_t b, bool nb) {
  if (b == 0) div_by_zero();
  const std::uint64_t q = mag(a, na) / mag(b, nb);
  return na != nb ? 0 - q : q;
}
inline std::uint64_t rem(std::uint64_t a, bool na, std::uint64_t b, bool nb) {
  if (b == 0) div_by_zero();
  const std::uint64_t r = mag(a, na) % mag(b, nb);
  return na ? 0 - r : r;
}
/// Shifts a sign-extended pattern left by n (right by -n if n < 0, filling with the sign).
inline std::uint64_t shift(std::uint64_t v, bool neg, long long n) {
  if (n >= 64) return 0;
  if (n >= 0) return v << n;
  if (n <= -64) return neg ? ~0ull : 0;
  return neg ? ~(~v >> -n) : v >> -n;
}
/// A C integer shift amount as long long (huge unsigned amounts clamp to 64).
template <class T>
long long shift_amount(T n) {
  if constexpr (std::is_signed<T>::value) {
    return n;
  } else {
    return static_cast<unsigned long long>(n) > 64ull ? 64 : static_cast<long long>(n);
  }
}
}  // namespace ap_detail

/// W-bit integer, signed if S, with wrap-around semantics; use the aliases ap_int<W> and ap_uint<W>.
template <int W, bool S>
class ap_int_base {
  static_assert(W >= 1 && W <= 64, "ap_int<W>/ap_uint<W>: this C-simulation header supports 1 <= W <= 64 only");
  static constexpr std::uint64_t mask = ~0ull >> (64 - W);
  std::uint64_t bits_ = 0;  // the W bits, zero above

 public:
  ap_int_base() = default;
  template <class T, ap_detail::if_int<T> = 0>
  ap_int_base(T v) : bits_(static_cast<std::uint64_t>(v) & mask) {}
  ap_int_base(double d) : bits_(ap_detail::double_bits(d) & mask) {}
  template <int W2, bool S2>
  ap_int_base(const ap_int_base<W2, S2>& o) : bits_(o.ext() & mask) {}

  /// The value sign-extended (signed) or zero-extended (unsigned) to a 64-bit pattern.
  std::uint64_t ext() const { return is_neg() ? bits_ | ~mask : bits_; }
  /// True for a negative signed value.
  bool is_neg() const { return S && ((bits_ >> (W - 1)) & 1); }

  operator ap_detail::c_type<W, S>() const { return static_cast<ap_detail::c_type<W, S>>(ext()); }
  int length() const { return W; }
  int to_int() const { return static_cast<int>(ext()); }
  unsigned to_uint() const { return static_cast<unsigned>(ext()); }
  long to_long() const { return static_cast<long>(ext()); }
  unsigned long to_ulong() const { return static_cast<unsigned long>(ext()); }
  long long to_int64() const { return static_cast<long long>(ext()); }
  unsigned long long to_uint64() const { return ext(); }
  double to_double() const { return S ? static_cast<double>(to_int64()) : static_cast<double>(ext()); }
  float to_float() const { return static_cast<float>(to_double()); }

  /// Bit i (0 <= i < W).
  bool operator[](int i) const { return (bits_ >> i) & 1; }
  /// Bits hi..lo (0 <= lo, hi < W) as an unsigned value; if hi < lo, bit lo becomes bit 0 (reversed order).
  ap_uint<W> range(int hi, int lo) const {
    if (hi >= lo) return ap_uint<W>((bits_ >> lo) & (~0ull >> (63 - (hi - lo))));
    ap_uint<W> r;
    for (int i = hi; i <= lo; ++i) r.set_bit(lo - i, (*this)[i]);
    return r;
  }
  /// Sets bit i (0 <= i < W) to v.
  ap_int_base& set_bit(int i, bool v) {
    bits_ = (bits_ & ~(1ull << i)) | (static_cast<std::uint64_t>(v) << i);
    return *this;
  }

#define AP_ASSIGN_OP(OP)                   \
  template <class T>                       \
  ap_int_base& operator OP##=(const T& b) { \
    return *this = *this OP b;             \
  }
  AP_ASSIGN_OP(+)
  AP_ASSIGN_OP(-)
  AP_ASSIGN_OP(*)
  AP_ASSIGN_OP(/)
  AP_ASSIGN_OP(%)
  AP_ASSIGN_OP(&)
  AP_ASSIGN_OP(|)
  AP_ASSIGN_OP(^)
  AP_ASSIGN_OP(<<)
  AP_ASSIGN_OP(>>)
#undef AP_ASSIGN_OP
  ap_int_base& operator++() { return *this += 1; }
  ap_int_base& operator--() { return *this -= 1; }
  ap_int_base operator++(int) {
    const ap_int_base old = *this;
    ++*this;
    return old;
  }
  ap_int_base operator--(int) {
    const ap_int_base old = *this;
    --*this;
    return old;
  }
};

// Binary operators between two ap values, then between an ap value and a C integer (either side).
#define AP_BIN_OP(OP, KIND, EXPR)                                                            \
  template <int W1, bool S1, int W2, bool S2>                                                \
  typename ap_detail::rtype<W1, S1, W2, S2>::KIND operator OP(const ap_int_base<W1, S1>& a, \
                                                              const ap_int_base<W2, S2>& b) { \
    return typename ap_detail::rtype<W1, S1, W2, S2>::KIND(EXPR);                            \
  }
#define AP_CMP_OP(OP)                                                                      \
  template <int W1, bool S1, int W2, bool S2>                                              \
  bool operator OP(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {           \
    return ap_detail::cmp(a.ext(), a.is_neg(), b.ext(), b.is_neg()) OP 0;                  \
  }
#define AP_MIXED_OP(OP)                                                        \
  template <int W, bool S, class T, ap_detail::if_int<T> = 0>                  \
  auto operator OP(const ap_int_base<W, S>& a, T b) {                          \
    return a OP ap_detail::ap_of<T>(b);                                        \
  }                                                                            \
  template <int W, bool S, class T, ap_detail::if_int<T> = 0>                  \
  auto operator OP(T a, const ap_int_base<W, S>& b) {                          \
    return ap_detail::ap_of<T>(a) OP b;                                        \
  }

AP_BIN_OP(+, plus, a.ext() + b.ext())
AP_BIN_OP(-, minus, a.ext() - b.ext())
AP_BIN_OP(*, mult, a.ext() * b.ext())
AP_BIN_OP(/, div, ap_detail::div(a.ext(), a.is_neg(), b.ext(), b.is_neg()))
AP_BIN_OP(%, mod, ap_detail::rem(a.ext(), a.is_neg(), b.ext(), b.is_neg()))
AP_BIN_OP(&, logic, a.ext() & b.ext())
AP_BIN_OP(|, logic, a.ext() | b.ext())
AP_BIN_OP(^, logic, a.ext() ^ b.ext())
AP_CMP_OP(==)
AP_CMP_OP(!=)
AP_CMP_OP(<)
AP_CMP_OP(<=)
AP_CMP_OP(>)
AP_CMP_OP(>=)
AP_MIXED_OP(+)
AP_MIXED_OP(-)
AP_MIXED_OP(*)
AP_MIXED_OP(/)
AP_MIXED_OP(%)
AP_MIXED_OP(&)
AP_MIXED_OP(|)
AP_MIXED_OP(^)
AP_MIXED_OP(==)
AP_MIXED_OP(!=)
AP_MIXED_OP(<)
AP_MIXED_OP(<=)
AP_MIXED_OP(>)
AP_MIXED_OP(>=)
#undef AP_BIN_OP
#undef AP_CMP_OP
#undef AP_MIXED_OP

template <int W, bool S, class T, ap_detail::if_int<T> = 0>
ap_int_base<W, S> operator<<(const ap_int_base<W, S>& a, T n) {
  return ap_int_base<W, S>(ap_detail::shift(a.ext(), a.is_neg(), ap_detail::shift_amount(n)));
}
template <int W, bool S, class T, ap_detail::if_int<T> = 0>
ap_int_base<W, S> operator>>(const ap_int_base<W, S>& a, T n) {
  const long long k = ap_detail::shift_amount(n);
  return ap_int_base<W, S>(ap_detail::shift(a.ext(), a.is_neg(), k < -64 ? 64 : -k));
}
template <int W, bool S, int W2, bool S2>
ap_int_base<W, S> operator<<(const ap_int_base<W, S>& a, const ap_int_base<W2, S2>& n) {
  return a << (S2 ? n.to_int64() : ap_detail::shift_amount(n.to_uint64()));
}
template <int W, bool S, int W2, bool S2>
ap_int_base<W, S> operator>>(const ap_int_base<W, S>& a, const ap_int_base<W2, S2>& n) {
  return a >> (S2 ? n.to_int64() : ap_detail::shift_amount(n.to_uint64()));
}

template <int W, bool S>
ap_int_base<ap_detail::cap(W + 1), true> operator-(const ap_int_base<W, S>& a) {
  return ap_int_base<ap_detail::cap(W + 1), true>(0 - a.ext());
}
template <int W, bool S>
ap_int_base<W, S> operator~(const ap_int_base<W, S>& a) {
  return ap_int_base<W, S>(~a.ext());
}
template <int W, bool S>
ap_int_base<W, S> operator+(const ap_int_base<W, S>& a) {
  return a;
}

template <int W, bool S>
std::ostream& operator<<(std::ostream& os, const ap_int_base<W, S>& a) {
  if (S) return os << a.to_int64();
  return os << a.to_uint64();
}

#endif  // ALLO_AP_INT_H
