package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;

/**
 * The JSON report of a finished run, the same document from {@code run --json} and from the HTTP
 * API: each goal with its status and value or error, then the run's counts.
 */
public final class RunResultJson {

  private RunResultJson() {}

  public static JsonObject toJson(RunResult result) {
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("goals", goals(result));
    root.put("stats", stats(result.stats()));
    return new JsonObject(root);
  }

  /** Each goal: name, operation, id, and either its value or its error. */
  public static JsonArray goals(RunResult result) {
    return goals(result, value -> true);
  }

  /**
   * Each goal as {@link #goals(RunResult)} does, but with the value of a materialized goal only
   * where {@code inline} accepts it: a caller that sends large values by reference leaves them out.
   */
  public static JsonArray goals(RunResult result, Predicate<Value> inline) {
    List<JsonValue> goals = new ArrayList<>();
    for (GoalResult goal : result.goals()) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      fields.put("name", JsonValue.of(goal.goal().name()));
      fields.put("operation", JsonValue.of(goal.goal().operation().wireName()));
      fields.put("id", JsonValue.of(goal.goal().id().hex()));
      if (RunCancellation.notReached(goal.value())) {
        fields.put("status", JsonValue.of(status(goal)));
      } else if (goal.value() instanceof ErrorValue error) {
        fields.put("status", JsonValue.of(status(goal)));
        fields.put("error", JsonValue.of(error.describe()));
      } else {
        fields.put("status", JsonValue.of("materialized"));
        fields.put("vox_type", JsonValue.of(goal.value().voxType()));
        if (inline.test(goal.value())) {
          fields.put("value", ValueJson.toJson(goal.value()));
        }
      }
      goals.add(new JsonObject(fields));
    }
    return new JsonArray(goals);
  }

  /** {@code materialized}, {@code failed}, or {@code cancelled} for a goal a run did not reach. */
  public static String status(GoalResult goal) {
    if (RunCancellation.notReached(goal.value())) {
      return "cancelled";
    }
    return goal.failed() ? "failed" : "materialized";
  }

  private static JsonObject stats(RunStats stats) {
    Map<String, JsonValue> summary = new LinkedHashMap<>();
    summary.put("nodes", JsonValue.of(stats.nodes()));
    summary.put("computed", JsonValue.of(stats.computed()));
    summary.put("cached", JsonValue.of(stats.cached()));
    summary.put("failed", JsonValue.of(stats.failed()));
    summary.put("elapsed_ms", JsonValue.of(stats.elapsed().toMillis()));
    return new JsonObject(summary);
  }
}
