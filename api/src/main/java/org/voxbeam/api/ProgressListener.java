package org.voxbeam.api;

/**
 * Receives a run's {@link Progress}: progress bars, the HTTP server's run status. One type for both
 * engines, because the in-process scheduler reports every node while a Beam pipeline only shows
 * counters per stage. Called from worker or monitor threads: implementations must be thread-safe
 * and quick.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores progress. */
  ProgressListener NONE = progress -> {};

  void onProgress(Progress progress);
}
