package org.voxbeam.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.RunStats;

/**
 * Everything a finished run tells: each goal's value (in {@link #result}), the node counts, how
 * much the store grew and where the time went. The same report ends {@code voxbeam run}, its
 * {@code --json} document and the HTTP run status.
 *
 * @param runner {@value RunSettings#IN_PROCESS} or the Beam runner's name
 * @param result the goals and the node counts
 * @param stages where the time went, in order: planning and execution in process; planning,
 *     each Beam stage and collecting the goals on Beam
 * @param bytesWritten how much the store directory grew during the run (writers running at the
 *     same time included); empty for an in-memory store
 */
public record RunReport(String runner, RunResult result, List<StageTime> stages, OptionalLong bytesWritten) {
  public RunReport {
    stages = List.copyOf(stages);
  }

  public List<GoalResult> goals() {
    return result.goals();
  }

  public RunStats stats() {
    return result.stats();
  }

  /** Whether every goal was materialized. */
  public boolean succeeded() {
    return result.succeeded();
  }

  /**
   * The report as JSON: {@code runner}, {@code goals} (name and status), {@code nodes}
   * (total, computed, cached, failed), {@code bytes_written} (null when not measured),
   * {@code elapsed_ms} and {@code stages} (name and elapsed_ms).
   */
  public JsonObject toJson() {
    List<JsonValue> goals = new ArrayList<>();
    for (GoalResult goal : goals()) {
      goals.add(object("name", JsonValue.of(goal.goal().name()), "status", JsonValue.of(goal.failed() ? "failed" : "materialized")));
    }
    List<JsonValue> times = new ArrayList<>();
    for (StageTime stage : stages) {
      times.add(object("name", JsonValue.of(stage.name()), "elapsed_ms", JsonValue.of(stage.elapsed().toMillis())));
    }
    RunStats stats = stats();
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("runner", JsonValue.of(runner));
    root.put("goals", new JsonArray(goals));
    Map<String, JsonValue> nodes = new LinkedHashMap<>();
    nodes.put("total", JsonValue.of(stats.nodes()));
    nodes.put("computed", JsonValue.of(stats.computed()));
    nodes.put("cached", JsonValue.of(stats.cached()));
    nodes.put("failed", JsonValue.of(stats.failed()));
    root.put("nodes", new JsonObject(nodes));
    root.put("bytes_written", bytesWritten.isPresent() ? JsonValue.of(bytesWritten.getAsLong()) : JsonNull.INSTANCE);
    root.put("elapsed_ms", JsonValue.of(stats.elapsed().toMillis()));
    root.put("stages", new JsonArray(times));
    return new JsonObject(root);
  }

  private static JsonObject object(String key, JsonValue value, String key2, JsonValue value2) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put(key, value);
    members.put(key2, value2);
    return new JsonObject(members);
  }
}
