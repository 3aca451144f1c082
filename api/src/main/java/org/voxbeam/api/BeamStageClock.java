package org.voxbeam.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.voxbeam.transforms.BeamRunMetrics;
import org.voxbeam.transforms.Stage;
import org.voxbeam.transforms.StagePlan;

/**
 * Follows a running Beam pipeline through the only thing every runner shows while it runs: the
 * {@code voxbeam} node counters of each stage's step that finishes nodes (see {@link
 * BeamRunMetrics#nodeStage}; item counters are not nodes). From them it reports progress and notes
 * when each stage reached its node count, which gives the time per stage to within one polling
 * interval.
 *
 * <p>A runner whose {@code run()} returns only when the pipeline is done (Flink and Spark in local
 * mode) is never seen running: it gets no progress and one {@code pipeline} time.
 */
final class BeamStageClock {
  private final List<Stage> stages;
  private final int total;
  private final ProgressListener listener;
  private final Instant started;
  private final Instant[] finishedAt;
  private boolean seenRunning;

  BeamStageClock(StagePlan plan, ProgressListener listener, Instant started) {
    this.stages = plan.stages();
    this.total = plan.needed();
    this.listener = listener;
    this.started = started;
    this.finishedAt = new Instant[stages.size()];
    listener.onProgress(new Progress(total, 0, 0, 0, phase(0)));
  }

  /** Reads the counters of a pipeline that is still running. */
  void observe(PipelineResult result) {
    seenRunning = true;
    Instant now = Instant.now();
    long[] reported = new long[stages.size()];
    for (MetricResult<Long> counter : counters(result)) {
      boolean nodes = !counter.getKey().metricName().getName().startsWith(BeamRunMetrics.ITEM);
      int stage = nodes ? BeamRunMetrics.nodeStage(counter.getKey().stepName()).orElse(-1) : -1;
      if (stage >= 0 && stage < reported.length) {
        reported[stage] += counter.getAttempted();
      }
    }
    int current = stages.size();
    for (int i = stages.size() - 1; i >= 0; i--) {
      if (finishedAt[i] == null && reported[i] >= stages.get(i).nodeCount()) {
        finishedAt[i] = now;
      }
      if (finishedAt[i] == null) {
        current = i;
      }
    }
    BeamRunMetrics outcomes = BeamRunMetrics.of(result);
    listener.onProgress(
        new Progress(
            total,
            Math.toIntExact(outcomes.computed()),
            Math.toIntExact(outcomes.cached()),
            Math.toIntExact(outcomes.failed()),
            phase(current)));
  }

  /** The time of each stage, up to {@code end}: from the previous stage's end to its own. */
  List<StageTime> times(Instant end) {
    if (!seenRunning) {
      return List.of(new StageTime("pipeline", Duration.between(started, end)));
    }
    List<StageTime> times = new ArrayList<>();
    Instant previous = started;
    for (int i = 0; i < stages.size(); i++) {
      Instant finished = finishedAt[i] == null ? end : finishedAt[i];
      times.add(new StageTime("stage " + (i + 1), Duration.between(previous, finished)));
      previous = finished;
    }
    return times;
  }

  private String phase(int stage) {
    return stages.isEmpty()
        ? "pipeline"
        : "stage " + Math.min(stage + 1, stages.size()) + "/" + stages.size();
  }

  private static Iterable<MetricResult<Long>> counters(PipelineResult result) {
    return result
        .metrics()
        .queryMetrics(
            MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.inNamespace(BeamRunMetrics.NAMESPACE))
                .build())
        .getCounters();
  }
}
