package org.voxbeam.transforms;

import java.time.Duration;
import org.voxbeam.pipeline.execution.RunResult;

/**
 * A finished Beam run of a plan: what the in-process scheduler would report, and what only a Beam
 * run has.
 *
 * @param result each goal's value, read from the store, and the run's counts
 * @param stages the stages the plan was lowered to
 * @param metrics the nodes' Beam counters
 * @param itemMetrics the Beam counters of fan-out items
 * @param lowering planning against the store and adding the stages to the pipeline
 * @param running from {@code pipeline.run()} until the pipeline ended
 * @param collecting reading the goals back from the store
 */
public record BeamRun(
    RunResult result,
    StagePlan stages,
    BeamRunMetrics metrics,
    BeamRunMetrics itemMetrics,
    Duration lowering,
    Duration running,
    Duration collecting) {}
