package org.voxbeam.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunCancellation;
import org.voxbeam.pipeline.execution.RunStats;
import org.voxbeam.storage.runs.GoalRecord;
import org.voxbeam.storage.runs.RunRecord;

/** The run record a finished run leaves in the store. */
final class RunRecords {

  private RunRecords() {}

  static RunRecord of(RunReport report, ProgramSource program, CachePolicy policy) {
    List<GoalRecord> goals = new ArrayList<>(report.goals().size());
    for (GoalResult goal : report.goals()) {
      Optional<String> error =
          goal.value() instanceof ErrorValue failure
              ? Optional.of(failure.describe())
              : Optional.empty();
      goals.add(
          new GoalRecord(
              goal.goal().name(),
              goal.goal().operation().wireName(),
              goal.goal().id().hex(),
              status(goal),
              error));
    }
    RunStats stats = report.stats();
    return new RunRecord(
        report.runId(),
        report.startedAt(),
        report.endedAt(),
        report.runner(),
        program.path(),
        program.sha256(),
        cache(policy),
        ResultMetadata.CURRENT_ENGINE_VERSION,
        new RunRecord.Nodes(
            stats.nodes(), stats.computed(), report.fromStore(), stats.failed(), report.fetched()),
        new RunRecord.Items(
            stats.items().computed(), stats.items().cached(), stats.items().failed()),
        goals);
  }

  private static String status(GoalResult goal) {
    if (RunCancellation.notReached(goal.value())) {
      return GoalRecord.CANCELLED;
    }
    return goal.failed() ? GoalRecord.FAILED : GoalRecord.MATERIALIZED;
  }

  /** {@code reuse}, {@code no-cache} or {@code refresh=GOAL,…}. */
  static String cache(CachePolicy policy) {
    if (policy.everything()) {
      return "no-cache";
    }
    return policy.goals().isEmpty() ? "reuse" : "refresh=" + String.join(",", policy.goals());
  }
}
