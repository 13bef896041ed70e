// hls_stream.h — C-simulation substitute for the Vitis HLS hls::stream FIFO, for plain g++ (no Vitis needed).
//
// API (a subset of Vitis HLS hls_stream.h with C-simulation semantics):
//   hls::stream<T> s; / hls::stream<T> s("name");   unbounded FIFO, not copyable; unnamed streams are called
//                                                   "hls::stream#K" (K = 1, 2, ... in creation order).
//   s.write(v); s << v; s.write_nb(v)               append (never full in C-simulation: write_nb returns true).
//   s.read(); s.read(v); s >> v                     pop the oldest element. Reading an empty stream prints
//                                                   "hls::stream 'NAME' read while empty ..." to stderr and
//                                                   calls std::exit(3): in hardware the design would deadlock,
//                                                   so the dataflow call order or a producer is wrong.
//   s.read_nb(v)                                    pop into v and return true, or return false if empty.
//   s.empty(); s.full() (always false); s.size(); s.name()
// Testbench helper:
//   int hls::sim::check_streams_empty();            for every live stream that still holds data, in creation
//                                                   order, prints "hls::stream 'NAME' has N leftover element(s)"
//                                                   to stderr; returns the number of such streams.
// Not thread-safe (C-simulation of dataflow regions is sequential).
#ifndef ALLO_HLS_STREAM_H
#define ALLO_HLS_STREAM_H

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace hls {
namespace sim {

inline int check_streams_empty();

/// Name and size of a stream, independent of its element type; every live stream is registered.
class stream_base {
 public:
  stream_base(const stream_base&) = delete;
  stream_base& operator=(const stream_base&) = delete;
  const std::string& name() const { return name_; }
  virtual std::size_t size() const = 0;

 protected:
  explicit stream_base(const char* name)
      : name_(name ? name : "hls::stream#" + std::to_string(++unnamed_count())) {
    live().push_back(this);
  }
  ~stream_base() { live().erase(std::find(live().begin(), live().end(), this)); }
  [[noreturn]] void fail_read_empty() const {
    std::fprintf(stderr,
                 "hls::stream '%s' read while empty (in hardware the design would deadlock: "
                 "check the call order of producers and consumers)\n",
                 name_.c_str());
    std::exit(3);
  }

 private:
  friend int check_streams_empty();
  /// Live streams in creation order.
  static std::vector<const stream_base*>& live() {
    static std::vector<const stream_base*> streams;
    return streams;
  }
  static unsigned& unnamed_count() {
    static unsigned count = 0;
    return count;
  }
  std::string name_;
};

/// Prints each live stream that still holds data and returns how many there are (0 when all are empty).
inline int check_streams_empty() {
  int nonempty = 0;
  for (const stream_base* s : stream_base::live()) {
    if (s->size() == 0) continue;
    std::fprintf(stderr, "hls::stream '%s' has %zu leftover element(s)\n", s->name().c_str(), s->size());
    ++nonempty;
  }
  return nonempty;
}

}  // namespace sim

/// FIFO channel between dataflow processes; unbounded in C-simulation.
template <typename T>
class stream : public sim::stream_base {
 public:
  stream() : stream_base(nullptr) {}
  explicit stream(const char* name) : stream_base(name) {}

  bool empty() const { return fifo_.empty(); }
  bool full() const { return false; }
  std::size_t size() const override { return fifo_.size(); }

  T read() {
    if (fifo_.empty()) fail_read_empty();
    T v = std::move(fifo_.front());
    fifo_.pop_front();
    return v;
  }
  void read(T& v) { v = read(); }
  void operator>>(T& v) { v = read(); }
  bool read_nb(T& v) {
    if (fifo_.empty()) return false;
    v = read();
    return true;
  }

  void write(const T& v) { fifo_.push_back(v); }
  void operator<<(const T& v) { write(v); }
  bool write_nb(const T& v) {
    write(v);
    return true;
  }

 private:
  std::deque<T> fifo_;
};

}  // namespace hls

#endif  // ALLO_HLS_STREAM_H
