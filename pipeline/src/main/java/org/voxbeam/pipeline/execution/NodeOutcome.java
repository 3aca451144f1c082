package org.voxbeam.pipeline.execution;

/** How a node's result was obtained in a run. */
public enum NodeOutcome {
  /** Computed in this run. */
  COMPUTED,
  /** Read from the store, computed by an earlier run or another machine. */
  CACHED,
  /** Computed in this run, and failed (or an input failed). */
  FAILED
}
