package org.voxbeam.transforms;

import org.apache.beam.sdk.PipelineResult;

/**
 * Follows one run of {@link BeamPlanRunner#run}: told when the plan is in the pipeline (so that a
 * test can add {@code PAssert}s on the summaries, or a caller can look at the stages), then polled
 * while the pipeline runs (so that the counters can be shown as progress).
 */
public interface BeamRunListener {
  /** A listener that does nothing. */
  BeamRunListener NONE = new BeamRunListener() {};

  /** The plan was added to the pipeline, which has not started yet. */
  default void onLowered(LoweredPlan lowered) {}

  /**
   * The pipeline is running; called every 200 ms or so until it ends. A runner whose {@code run()}
   * returns only once the pipeline is done (Flink and Spark in local mode, a {@code TestPipeline})
   * is never seen running.
   */
  default void whileRunning(PipelineResult running) {}
}
