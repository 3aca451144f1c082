package org.voxbeam.benchmarks.store;

import org.voxbeam.benchmarks.Distribution;

/** Median and 99th percentile of one round's lookup latencies, in nanoseconds. */
record Latency(long p50, long p99) {
  static Latency of(long[] nanos) {
    return new Latency(Distribution.percentile(nanos, 50), Distribution.percentile(nanos, 99));
  }
}
