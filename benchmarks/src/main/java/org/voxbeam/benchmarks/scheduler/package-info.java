/**
 * The {@code scheduler} benchmark: the per-node cost of the in-process scheduler, cold and warm, on
 * the in-memory and the Parquet store, against a plain single-threaded evaluation loop over the
 * same synthetic plan. Start at {@link org.voxbeam.benchmarks.scheduler.SchedulerCommand}; the
 * package-private {@code SchedulerBenchmark} runs the rounds, and a benchmark-only operator gives
 * every node a tunable, deterministic CPU cost, so overhead is seen against real work.
 *
 * <p>Uses {@link org.voxbeam.pipeline.execution.DynamicScheduler} and plans from {@code
 * org.voxbeam.pipeline.synthetic}. Rules: the phases of a round take turns going first; opening and
 * closing stores is not timed; every run's goals are checked against the baseline's.
 */
package org.voxbeam.benchmarks.scheduler;
