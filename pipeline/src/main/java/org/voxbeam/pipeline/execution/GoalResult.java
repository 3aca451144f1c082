package org.voxbeam.pipeline.execution;

import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.plan.Goal;

/** A goal and the value it came to: a result, or the failure that prevented one. */
public record GoalResult(Goal goal, Value value) {
  public boolean failed() {
    return value instanceof ErrorValue;
  }
}
