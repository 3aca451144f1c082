package org.voxbeam.benchmarks.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The resident set size the operating system charged this process at its peak. Linux reports it as
 * {@code VmHWM} in {@code /proc/self/status}; other systems have no such file, and the peak is then
 * reported as unknown rather than guessed (measure it outside the JVM there, see deployment.md).
 */
final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final String FIELD = "VmHWM:";

  private ProcessMemory() {}

  /** Peak resident set size in bytes, if the platform reports it. */
  static OptionalLong peakResidentBytes() {
    if (!Files.isReadable(STATUS)) {
      return OptionalLong.empty();
    }
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(FIELD)) {
          String kilobytes = line.substring(FIELD.length()).replace("kB", "").strip();
          return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }
}
