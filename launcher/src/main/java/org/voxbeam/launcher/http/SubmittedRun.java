package org.voxbeam.launcher.http;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.voxbeam.api.Progress;
import org.voxbeam.api.ProgressListener;
import org.voxbeam.api.RunReport;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.pipeline.execution.RunResultJson;

/** One run submitted over HTTP: its progress while it runs, its goals and report when done. */
final class SubmittedRun implements ProgressListener {

  private final String id;
  private final Instant submitted = Instant.now();
  private final AtomicReference<RunState> state = new AtomicReference<>(RunState.QUEUED);
  private volatile Progress progress = new Progress(0, 0, 0, 0, "queued");
  private volatile RunReport report;
  private volatile String abortReason;

  SubmittedRun(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  void started() {
    state.set(RunState.RUNNING);
  }

  void finished(RunReport finished) {
    report = finished;
    state.set(finished.succeeded() ? RunState.SUCCEEDED : RunState.FAILED);
  }

  void aborted(String reason) {
    abortReason = reason;
    state.set(RunState.ABORTED);
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
        "progress", JsonBodies.object("total", now.total(), "done", now.done()));
  }

  JsonObject status() {
    Progress now = progress;
    JsonObject counts =
        JsonBodies.object(
            "total", now.total(),
            "done", now.done(),
            "cached", now.cached(),
            "computed", now.computed(),
            "failed", now.failed());
    RunReport finished = report;
    if (finished != null) {
      return JsonBodies.object(
          "run_id", id,
          "state", state.get().wireName(),
          "submitted_at", submitted.toString(),
          "progress", counts,
          "goals", RunResultJson.goals(finished.result()),
          "elapsed_ms", finished.stats().elapsed().toMillis(),
          "report", finished.toJson());
    }
    if (state.get() == RunState.ABORTED) {
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
        state.get().wireName(),
        "submitted_at",
        submitted.toString(),
        "progress",
        counts);
  }
}
