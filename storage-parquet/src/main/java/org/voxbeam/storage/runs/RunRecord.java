package org.voxbeam.storage.runs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run as the store remembers it.
 *
 * @param runId the run's id; the {@code run_id} of the result rows it wrote
 * @param startedAt when it started
 * @param endedAt when it ended, goals saved
 * @param runner {@code in-process} or the Beam runner's name
 * @param programPath the program or plan file as given, or the name of submitted source
 * @param programSha256 SHA-256 of the program's bytes
 * @param cache which stored results it could use: {@code reuse}, {@code no-cache} or {@code
 *     refresh=GOAL,…}
 * @param engineVersion what ran it
 * @param nodes node counts
 * @param items counts of fan-out items (the cases of a dataset program)
 * @param goals each goal, in the plan's order
 */
public record RunRecord(
    String runId,
    Instant startedAt,
    Instant endedAt,
    String runner,
    String programPath,
    String programSha256,
    String cache,
    String engineVersion,
    Nodes nodes,
    Items items,
    List<GoalRecord> goals) {

  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(programPath, "programPath");
    Objects.requireNonNull(programSha256, "programSha256");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(nodes, "nodes");
    Objects.requireNonNull(items, "items");
    goals = List.copyOf(goals);
  }

  /**
   * Node counts of a run: the nodes it needed, computed, read from the local store, failed, and
   * fetched from peers (not counted in {@code cached}; 0 in records written before peers).
   */
  public record Nodes(long total, long computed, long cached, long failed, long fetched) {
    /** The counts of a run that fetched nothing from peers. */
    public Nodes(long total, long computed, long cached, long failed) {
      this(total, computed, cached, failed, 0);
    }
  }

  /** Item counts of a run: computed, read from the store and failed. */
  public record Items(long computed, long cached, long failed) {}

  /** Whether every goal materialized. */
  public boolean succeeded() {
    return goals.stream().noneMatch(goal -> goal.failed() || goal.cancelled());
  }

  /** Whether the run was cancelled before it reached some of its goals. */
  public boolean cancelled() {
    return goals.stream().anyMatch(GoalRecord::cancelled);
  }

  /** {@code succeeded}, {@code failed} (some goal failed) or {@code cancelled}. */
  public String state() {
    return cancelled() ? "cancelled" : succeeded() ? "succeeded" : "failed";
  }
}
