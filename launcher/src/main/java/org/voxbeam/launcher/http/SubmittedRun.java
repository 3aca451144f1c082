package org.voxbeam.launcher.http;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.voxbeam.api.Progress;
import org.voxbeam.api.ProgressListener;
import org.voxbeam.api.RunReport;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.pipeline.execution.RunCancellation;

/**
 * One run submitted over HTTP: its progress while it runs (nodes and the items of dataset loops,
 * with the time left), its goals and report when done, and the handle that cancels it. The goals'
 * JSON is made once, when the run ends, with large values by reference ({@link GoalValues}), so a
 * client polling a finished run costs little.
 */
final class SubmittedRun implements ProgressListener {

  private final String id;
  private final Instant submitted = Instant.now();
  private final AtomicReference<RunState> state = new AtomicReference<>(RunState.QUEUED);
  private final RunCancellation cancellation = new RunCancellation();
  private volatile Progress progress = new Progress(0, 0, 0, 0, "queued");
  private volatile RunReport report;
  private volatile JsonArray goals;
  private volatile String abortReason;

  SubmittedRun(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  Instant submittedAt() {
    return submitted;
  }

  RunCancellation cancellation() {
    return cancellation;
  }

  void started() {
    state.compareAndSet(RunState.QUEUED, RunState.RUNNING);
  }

  void finished(RunReport finished) {
    goals = GoalValues.of(finished.result());
    report = finished;
    state.set(
        finished.result().cancelled()
            ? RunState.CANCELLED
            : finished.succeeded() ? RunState.SUCCEEDED : RunState.FAILED);
  }

  void aborted(String reason) {
    abortReason = reason;
    state.set(cancellation.isCancelled() ? RunState.CANCELLED : RunState.ABORTED);
  }

  /**
   * Asks the run to stop. A queued run is cancelled at once (it then starts only to record itself,
   * computing nothing); a running one stops starting nodes and items and is {@code cancelled} once
   * the workers have finished what they were on.
   *
   * @return false if the run had already ended
   */
  boolean cancel() {
    if (state.get().ended()) {
      return false;
    }
    cancellation.cancel();
    state.compareAndSet(RunState.QUEUED, RunState.CANCELLED);
    return true;
  }

  @Override
  public void onProgress(Progress current) {
    progress = current;
  }

  /** For listings: id, state, when it was submitted, and its progress. */
  JsonObject summary() {
    Progress now = progress;
    return JsonBodies.object(
        "run_id", id,
        "state", state.get().wireName(),
        "submitted_at", submitted.toString(),
        "progress",
            JsonBodies.object(
                "total", now.total(),
                "done", now.done(),
                "items",
                    JsonBodies.object("total", now.items().total(), "done", now.items().done())));
  }

  JsonObject status() {
    Progress now = progress;
    Progress.Items items = now.items();
    JsonObject counts =
        JsonBodies.object(
            "total", now.total(),
            "done", now.done(),
            "cached", now.cached(),
            "computed", now.computed(),
            "failed", now.failed(),
            "items",
                JsonBodies.object(
                    "total", items.total(),
                    "done", items.done(),
                    "computed", items.computed(),
                    "cached", items.cached(),
                    "failed", items.failed()),
            "eta_ms",
                now.eta()
                    .<JsonValue>map(eta -> JsonValue.of(eta.toMillis()))
                    .orElse(JsonNull.INSTANCE));
    RunReport finished = report;
    RunState current = state.get();
    if (finished != null) {
      return JsonBodies.object(
          "run_id", id,
          "state", current.wireName(),
          "submitted_at", submitted.toString(),
          "progress", counts,
          "goals", goals,
          "elapsed_ms", finished.stats().elapsed().toMillis(),
          "report", finished.toJson());
    }
    if (current == RunState.ABORTED) {
      return JsonBodies.object(
          "run_id",
          id,
          "state",
          "aborted",
          "submitted_at",
          submitted.toString(),
          "progress",
          counts,
          "error",
          abortReason);
    }
    return JsonBodies.object(
        "run_id",
        id,
        "state",
        current.wireName(),
        "submitted_at",
        submitted.toString(),
        "cancel_requested",
        cancellation.isCancelled(),
        "progress",
        counts);
  }
}
