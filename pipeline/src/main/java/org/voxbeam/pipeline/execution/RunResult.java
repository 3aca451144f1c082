package org.voxbeam.pipeline.execution;

import java.util.List;

/**
 * The outcome of a run: each goal's value, in the plan's goal order, and what the run did.
 *
 * @param cancelled whether the run was cancelled before it finished: the goals it did not reach are
 *     {@link RunCancellation#notReached}
 */
public record RunResult(List<GoalResult> goals, RunStats stats, boolean cancelled) {
  public RunResult {
    goals = List.copyOf(goals);
  }

  /** A run that finished. */
  public RunResult(List<GoalResult> goals, RunStats stats) {
    this(goals, stats, false);
  }

  /** Whether every goal was materialized. */
  public boolean succeeded() {
    return goals.stream().noneMatch(GoalResult::failed);
  }

  /** The same run with other goals (the {@code save} goals written). */
  public RunResult withGoals(List<GoalResult> changed) {
    return new RunResult(changed, stats, cancelled);
  }
}
