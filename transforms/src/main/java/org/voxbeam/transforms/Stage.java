package org.voxbeam.transforms;

import java.util.List;

/**
 * A band of consecutive levels of the sub-DAG a run needs, lowered to a few Beam transforms; its
 * tasks are independent of each other and depend only on results of earlier stages.
 *
 * @param index position in execution order
 * @param firstLevel the band's first level (levels count primitive nodes from the store's edge)
 * @param lastLevel the band's last level, inclusive
 * @param tasks the elements of the stage
 * @param fanOut whether this is a fan-out stage: each task holds one {@code map}, {@code for_loop}
 *     or {@code filter} node whose items become the stage's elements (see {@link FanOutOperator})
 */
public record Stage(
    int index, int firstLevel, int lastLevel, List<StageTask> tasks, boolean fanOut) {
  public Stage {
    tasks = List.copyOf(tasks);
  }

  /** Nodes the stage reports on, over all its tasks; items of a fan-out stage are not counted. */
  public int nodeCount() {
    return tasks.stream().mapToInt(StageTask::size).sum();
  }
}
