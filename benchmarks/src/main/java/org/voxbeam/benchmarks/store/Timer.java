package org.voxbeam.benchmarks.store;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Times one piece of work that may do I/O. */
final class Timer {
  /** Work that may throw {@link IOException}. */
  @FunctionalInterface
  interface Work {
    void run() throws IOException;
  }

  private Timer() {}

  /** Wall-clock nanoseconds {@code work} took. */
  static long nanos(Work work) {
    long began = System.nanoTime();
    try {
      work.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return System.nanoTime() - began;
  }
}
