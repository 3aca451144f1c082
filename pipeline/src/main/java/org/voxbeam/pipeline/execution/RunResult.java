package org.voxbeam.pipeline.execution;

import java.util.List;

/** The outcome of a run: each goal's value, in the plan's goal order, and what the run did. */
public record RunResult(List<GoalResult> goals, RunStats stats) {
  public RunResult {
    goals = List.copyOf(goals);
  }

  /** Whether every goal was materialized. */
  public boolean succeeded() {
    return goals.stream().noneMatch(GoalResult::failed);
  }
}
