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
 * @param items the items of {@code map}, {@code for_loop} and {@code filter} nodes the run
 *     computed: one per case of a dataset program, counted apart from nodes
 */
public record RunStats(
    int nodes, int computed, int cached, int failed, Duration elapsed, ItemStats items) {

  /** Counts of a run without fan-out items. */
  public RunStats(int nodes, int computed, int cached, int failed, Duration elapsed) {
    this(nodes, computed, cached, failed, elapsed, ItemStats.NONE);
  }

  /**
   * The items of the fan-out nodes a run computed.
   *
   * @param computed items computed successfully
   * @param cached items read from the store (their inputs were unchanged)
   * @param failed items that failed
   */
  public record ItemStats(long computed, long cached, long failed) {
    public static final ItemStats NONE = new ItemStats(0, 0, 0);

    public long total() {
      return computed + cached + failed;
    }
  }
}
