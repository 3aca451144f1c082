package org.voxbeam.transforms;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The Beam counters a run keeps per node outcome, and their totals read back from a finished
 * pipeline. Counters are what every runner's UI and metrics sinks show, so a run on a cluster can
 * be followed without VoxBeam's own output.
 *
 * @param computed nodes computed successfully
 * @param cached nodes read from the store
 * @param failed nodes that failed, or whose inputs failed
 */
public record BeamRunMetrics(long computed, long cached, long failed) {
  /** The namespace of VoxBeam's counters. */
  public static final String NAMESPACE = "voxbeam";

  static final String COMPUTED = "computed";
  static final String CACHED = "cached";
  static final String FAILED = "failed";

  /**
   * Prefix of the counters of fan-out items (see {@link FanOutOperator}), kept apart from nodes.
   */
  public static final String ITEM = "item_";

  /** The steps whose counters count a stage's nodes; see {@link #nodeStage}. */
  private static final Pattern NODE_STEP =
      Pattern.compile(
          "(?:^|/)Stage (\\d+): [^/]*/(?:"
              + Pattern.quote(RunStage.EXECUTE)
              + "|"
              + Pattern.quote(RunStage.ASSEMBLE)
              + ")(?:/|$)");

  /**
   * The stage whose nodes the counters of step {@code stepName} count (the step that executes a
   * stage's tasks or assembles its fan-out nodes), or empty for any other step.
   */
  public static OptionalInt nodeStage(String stepName) {
    Matcher step = NODE_STEP.matcher(stepName);
    return step.find() ? OptionalInt.of(Integer.parseInt(step.group(1))) : OptionalInt.empty();
  }

  /**
   * The counters of a finished run. Attempted values are used, since not every runner reports
   * committed ones; a run that finished without retries has the same numbers either way.
   */
  public static BeamRunMetrics of(PipelineResult result) {
    return of(result, "");
  }

  /** The counters of the items of {@code map}, {@code for_loop} and {@code filter} nodes. */
  public static BeamRunMetrics itemsOf(PipelineResult result) {
    return of(result, ITEM);
  }

  private static BeamRunMetrics of(PipelineResult result, String prefix) {
    MetricQueryResults query =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.inNamespace(NAMESPACE))
                    .build());
    long computed = 0;
    long cached = 0;
    long failed = 0;
    for (MetricResult<Long> counter : query.getCounters()) {
      long value = counter.getAttempted();
      String name = counter.getName().getName();
      if (!name.startsWith(prefix) || (prefix.isEmpty() && name.startsWith(ITEM))) {
        continue;
      }
      switch (name.substring(prefix.length())) {
        case COMPUTED -> computed += value;
        case CACHED -> cached += value;
        case FAILED -> failed += value;
        default -> {}
      }
    }
    return new BeamRunMetrics(computed, cached, failed);
  }
}
