package org.voxbeam.api;

import java.util.Optional;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.storage.runs.GoalRecord;
import org.voxbeam.storage.runs.RunRecord;

/**
 * A goal of a recorded run and the result the store holds for its node now.
 *
 * @param run the run
 * @param goal the goal, as the run recorded it
 * @param result the stored result of the goal's node, if the store still has one
 */
public record StoredGoal(RunRecord run, GoalRecord goal, Optional<StoredResult> result) {
  /**
   * Whether the stored result was computed after the run ended (a later run found the node's inputs
   * changed and computed it again): what the store serves is then not what this run reported. The
   * store keeps the newest result of a node; older rows are not served.
   */
  public boolean superseded() {
    return result.isPresent() && result.get().metadata().createdAt().isAfter(run.endedAt());
  }
}
