package org.voxbeam.pipeline.execution;

import java.time.Duration;

/**
 * What a run did.
 *
 * @param nodes nodes the run needed: computed, failed and read from the store
 * @param computed nodes computed successfully
 * @param cached nodes whose results were read from the store
 * @param failed nodes that failed (including those whose inputs failed)
 * @param elapsed wall-clock time of the run, planning included
 */
public record RunStats(int nodes, int computed, int cached, int failed, Duration elapsed) {}
