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

  /**
   * A {@code map}, {@code for_loop} or {@code filter} node starts on its {@code items} items, each
   * then reported by {@link #onItemFinished}. Only now is the count known: a sequence's length is
   * not part of the plan.
   */
  default void onItemsStarted(Node node, int items) {}

  /** One item of a {@code map}, {@code for_loop} or {@code filter} node finished. */
  default void onItemFinished(Node node, NodeOutcome outcome) {}
}
