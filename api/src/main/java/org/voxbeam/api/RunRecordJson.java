package org.voxbeam.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.storage.runs.GoalRecord;
import org.voxbeam.storage.runs.RunRecord;

/** A recorded run as JSON, the same for {@code voxbeam runs --json} and {@code GET /runs}. */
public final class RunRecordJson {
  private RunRecordJson() {}

  public static JsonObject of(RunRecord run) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("run_id", JsonValue.of(run.runId()));
    fields.put("state", JsonValue.of(run.state()));
    fields.put("started_at", JsonValue.of(run.startedAt().toString()));
    fields.put("ended_at", JsonValue.of(run.endedAt().toString()));
    fields.put("runner", JsonValue.of(run.runner()));
    fields.put("program_path", JsonValue.of(run.programPath()));
    fields.put("program_sha256", JsonValue.of(run.programSha256()));
    fields.put("cache", JsonValue.of(run.cache()));
    fields.put("engine_version", JsonValue.of(run.engineVersion()));
    fields.put(
        "nodes",
        counts(
            "total",
            run.nodes().total(),
            "computed",
            run.nodes().computed(),
            "cached",
            run.nodes().cached(),
            "failed",
            run.nodes().failed(),
            "fetched",
            run.nodes().fetched()));
    fields.put(
        "items",
        counts(
            "computed",
            run.items().computed(),
            "cached",
            run.items().cached(),
            "failed",
            run.items().failed()));
    List<JsonValue> goals = new ArrayList<>();
    for (GoalRecord goal : run.goals()) {
      goals.add(goal(goal));
    }
    fields.put("goals", new JsonArray(goals));
    return new JsonObject(fields);
  }

  /** One goal: name, operation, node id, status and, if it failed, the error. */
  public static JsonObject goal(GoalRecord goal) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("name", JsonValue.of(goal.name()));
    fields.put("operation", JsonValue.of(goal.operation()));
    fields.put("node_id", JsonValue.of(goal.nodeId()));
    fields.put("status", JsonValue.of(goal.status()));
    goal.error().ifPresent(error -> fields.put("error", JsonValue.of(error)));
    return new JsonObject(fields);
  }

  private static JsonObject counts(Object... namesAndCounts) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndCounts.length; i += 2) {
      fields.put((String) namesAndCounts[i], JsonValue.of((Long) namesAndCounts[i + 1]));
    }
    return new JsonObject(fields);
  }
}
