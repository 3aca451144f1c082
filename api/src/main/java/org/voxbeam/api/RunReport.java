package org.voxbeam.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunCancellation;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.RunResultJson;
import org.voxbeam.pipeline.execution.RunStats;

/**
 * Everything a finished run tells: each goal's value (in {@link #result}; a {@code save} goal whose
 * file could not be written is a failure), the node and item counts, how much the store grew and
 * where the time went. The same report ends {@code voxbeam run}, its {@code --json} document and
 * the HTTP run status, and the run record in the store is made from it.
 *
 * @param runId the run's id, under which the store records it and its rows
 * @param runner {@value RunSettings#IN_PROCESS} or the Beam runner's name
 * @param result the goals and the node counts
 * @param stages where the time went, in order: planning and execution in process; planning, each
 *     Beam stage and collecting the goals on Beam
 * @param bytesWritten how much the store directory grew during the run (writers running at the same
 *     time included); empty for an in-memory store
 * @param startedAt when the run started
 * @param endedAt when it ended, its goals saved
 * @param peers what the run fetched from peers: the nodes among those {@link #stats()} counts as
 *     cached, and the bytes received; empty when the run asked no peers
 */
public record RunReport(
    String runId,
    String runner,
    RunResult result,
    List<StageTime> stages,
    OptionalLong bytesWritten,
    Instant startedAt,
    Instant endedAt,
    Optional<PeerTransfer> peers) {
  public RunReport {
    stages = List.copyOf(stages);
  }

  public List<GoalResult> goals() {
    return result.goals();
  }

  public RunStats stats() {
    return result.stats();
  }

  /** The nodes read from the local store: those cached, less those fetched from peers. */
  public long fromStore() {
    return result.stats().cached() - fetched();
  }

  /** The nodes fetched from peers; 0 when the run asked none. */
  public long fetched() {
    return peers.map(PeerTransfer::nodes).orElse(0L);
  }

  /** Whether every goal was materialized. */
  public boolean succeeded() {
    return result.succeeded();
  }

  /**
   * The report as JSON: {@code run_id}, {@code runner}, {@code goals} (name, status, and the error
   * of a failed one), {@code nodes} (total, computed, cached from the local store, failed, fetched
   * from peers), {@code items} (computed, cached, failed), {@code bytes_written} (null when not
   * measured), {@code peer_bytes_received} (null when the run asked no peers), {@code elapsed_ms}
   * and {@code stages} (name and elapsed_ms).
   */
  public JsonObject toJson() {
    List<JsonValue> goals = new ArrayList<>();
    for (GoalResult goal : goals()) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      fields.put("name", JsonValue.of(goal.goal().name()));
      fields.put("status", JsonValue.of(RunResultJson.status(goal)));
      if (goal.value() instanceof ErrorValue error && !RunCancellation.notReached(error)) {
        fields.put("error", JsonValue.of(error.describe()));
      }
      goals.add(new JsonObject(fields));
    }
    List<JsonValue> times = new ArrayList<>();
    for (StageTime stage : stages) {
      times.add(
          object(
              "name",
              JsonValue.of(stage.name()),
              "elapsed_ms",
              JsonValue.of(stage.elapsed().toMillis())));
    }
    RunStats stats = stats();
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("run_id", JsonValue.of(runId));
    root.put("runner", JsonValue.of(runner));
    root.put("cancelled", JsonValue.of(result.cancelled()));
    root.put("goals", new JsonArray(goals));
    Map<String, JsonValue> nodes = new LinkedHashMap<>();
    nodes.put("total", JsonValue.of(stats.nodes()));
    nodes.put("computed", JsonValue.of(stats.computed()));
    nodes.put("cached", JsonValue.of(fromStore()));
    nodes.put("failed", JsonValue.of(stats.failed()));
    nodes.put("fetched", JsonValue.of(fetched()));
    root.put("nodes", new JsonObject(nodes));
    Map<String, JsonValue> items = new LinkedHashMap<>();
    items.put("computed", JsonValue.of(stats.items().computed()));
    items.put("cached", JsonValue.of(stats.items().cached()));
    items.put("failed", JsonValue.of(stats.items().failed()));
    root.put("items", new JsonObject(items));
    root.put(
        "bytes_written",
        bytesWritten.isPresent() ? JsonValue.of(bytesWritten.getAsLong()) : JsonNull.INSTANCE);
    root.put(
        "peer_bytes_received",
        peers.isPresent() ? JsonValue.of(peers.get().bytesReceived()) : JsonNull.INSTANCE);
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
