package org.voxbeam.pipeline.execution;

import java.time.Duration;
import org.voxbeam.kernel.node.Node;

/**
 * Progress of a run, for progress bars and reports. Called from worker threads, concurrently:
 * implementations must be thread-safe and quick.
 */
public interface ExecutionListener {
  ExecutionListener NONE = new ExecutionListener() {};

  /** The run's work is known: how many nodes will be computed and how many read from the store. */
  default void onRunPlanned(int toCompute, int fromStore) {}

  /** A node finished; {@code elapsed} is the time spent on it. */
  default void onNodeFinished(Node node, NodeOutcome outcome, Duration elapsed) {}
}
