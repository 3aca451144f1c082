package org.voxbeam.launcher.http;

/** Where a submitted run is in its life. */
enum RunState {
  QUEUED,
  RUNNING,
  /** Every goal materialized. */
  SUCCEEDED,
  /** The run finished and some goals failed; the others are delivered. */
  FAILED,
  /** The run could not finish (for example the store became unwritable). */
  ABORTED,
  /** Cancelled ({@code DELETE /runs/{id}}): what it computed is stored, its other goals are not. */
  CANCELLED;

  /** Whether the run is over: it can no longer be cancelled. */
  boolean ended() {
    return this != QUEUED && this != RUNNING;
  }

  String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
