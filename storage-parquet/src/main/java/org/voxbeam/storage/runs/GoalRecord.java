package org.voxbeam.storage.runs;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one goal in a run.
 *
 * @param name the goal's name: the label of a {@code print}, the file of a {@code save}
 * @param operation {@code print} or {@code save}
 * @param nodeId the node whose result is the goal's value (64 hex digits)
 * @param status {@code materialized}, {@code failed}, or {@code cancelled} (the run was cancelled
 *     before it reached the goal)
 * @param error why it failed; empty when materialized
 */
public record GoalRecord(
    String name, String operation, String nodeId, String status, Optional<String> error) {
  public static final String MATERIALIZED = "materialized";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";

  public GoalRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
  }

  public boolean failed() {
    return FAILED.equals(status);
  }

  public boolean cancelled() {
    return CANCELLED.equals(status);
  }
}
