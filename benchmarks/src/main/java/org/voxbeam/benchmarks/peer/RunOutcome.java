package org.voxbeam.benchmarks.peer;

import java.util.Locale;

/** How one whole-process run ended. */
sealed interface RunOutcome {

  /** The table cell for this outcome. */
  String describe(int timeoutSeconds);

  /** Exited 0 after {@code millis} of wall time. */
  record Finished(double millis) implements RunOutcome {
    @Override
    public String describe(int timeoutSeconds) {
      return String.format(Locale.ROOT, "%.0f", millis);
    }
  }

  /** Still running at the timeout, and stopped. */
  record TimedOut() implements RunOutcome {
    @Override
    public String describe(int timeoutSeconds) {
      return "> " + timeoutSeconds + " s";
    }
  }

  /** Exited with a non-zero code (its output is in the engine's log for the workload). */
  record Failed(int exitCode) implements RunOutcome {
    @Override
    public String describe(int timeoutSeconds) {
      return "failed (exit " + exitCode + ")";
    }
  }
}
