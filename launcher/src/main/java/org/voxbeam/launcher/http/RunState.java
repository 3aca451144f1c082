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
  ABORTED;

  String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
