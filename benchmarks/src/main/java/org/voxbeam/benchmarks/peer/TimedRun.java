package org.voxbeam.benchmarks.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One whole-process run, wall time from start to exit. Output goes to a log file, so that printing
 * large goals costs what it costs a user redirecting to a file.
 */
final class TimedRun {
  private TimedRun() {}

  static RunOutcome run(Engine engine, Path program, Path store, Path log, int timeoutSeconds)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(engine.command(program, store))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(engine.environment());
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new RunOutcome.TimedOut();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return new RunOutcome.TimedOut();
    }
    double millis = (System.nanoTime() - start) / 1e6;
    return process.exitValue() == 0
        ? new RunOutcome.Finished(millis)
        : new RunOutcome.Failed(process.exitValue());
  }
}
