package org.voxbeam.launcher.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.RunResultJson;

/** One run submitted over HTTP: its progress while it runs and its goals when done. */
final class SubmittedRun implements ExecutionListener {

  private final String id;
  private final Instant submitted = Instant.now();
  private final AtomicReference<RunState> state = new AtomicReference<>(RunState.QUEUED);
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger computed = new AtomicInteger();
  private final AtomicInteger cached = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile RunResult result;
  private volatile String abortReason;
  private volatile List<String> saveErrors = List.of();

  SubmittedRun(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  void started() {
    state.set(RunState.RUNNING);
  }

  void finished(RunResult finished, List<String> unsavedGoals) {
    saveErrors = List.copyOf(unsavedGoals);
    result = finished;
    state.set(finished.succeeded() && saveErrors.isEmpty() ? RunState.SUCCEEDED : RunState.FAILED);
  }

  void aborted(String reason) {
    abortReason = reason;
    state.set(RunState.ABORTED);
  }

  @Override
  public void onRunPlanned(int toCompute, int fromStore) {
    total.set(toCompute + fromStore);
  }

  @Override
  public void onNodeFinished(Node node, NodeOutcome outcome, Duration elapsed) {
    switch (outcome) {
      case COMPUTED -> computed.incrementAndGet();
      case CACHED -> cached.incrementAndGet();
      case FAILED -> failed.incrementAndGet();
    }
  }

  JsonObject status() {
    int done = computed.get() + cached.get() + failed.get();
    JsonObject progress =
        JsonBodies.object(
            "total", total.get(),
            "done", done,
            "cached", cached.get(),
            "computed", computed.get(),
            "failed", failed.get());
    RunResult finished = result;
    if (finished != null) {
      return JsonBodies.object(
          "run_id", id,
          "state", state.get().wireName(),
          "submitted_at", submitted.toString(),
          "progress", progress,
          "goals", RunResultJson.goals(finished),
          "save_errors", new JsonArray(saveErrors.stream().map(JsonValue::of).toList()),
          "elapsed_ms", finished.stats().elapsed().toMillis());
    }
    if (state.get() == RunState.ABORTED) {
      return JsonBodies.object(
          "run_id", id, "state", "aborted", "submitted_at", submitted.toString(), "progress", progress,
          "error", abortReason);
    }
    return JsonBodies.object(
        "run_id", id, "state", state.get().wireName(), "submitted_at", submitted.toString(), "progress", progress);
  }
}
