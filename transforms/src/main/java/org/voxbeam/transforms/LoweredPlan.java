package org.voxbeam.transforms;

import java.time.Instant;
import org.apache.beam.sdk.values.PCollection;
import org.voxbeam.pipeline.plan.Plan;

/**
 * A plan added to a Beam pipeline, not yet run: what the stages will do and the per-node summaries
 * they will emit, for a caller (or a test) that wants to inspect them.
 *
 * @param plan the plan whose goals are collected after the run
 * @param stages the stages added to the pipeline
 * @param summaries one summary per node reported by the stages
 * @param started when planning began, the start of the run's elapsed time
 */
public record LoweredPlan(
    Plan plan, StagePlan stages, PCollection<NodeSummary> summaries, Instant started) {}
