package org.voxbeam.pipeline.beam;

import java.util.List;

/**
 * A band of consecutive levels of the sub-DAG a run needs, lowered to one Beam transform; its
 * tasks are independent of each other and depend only on results of earlier stages.
 *
 * @param index position in execution order
 * @param firstLevel the band's first level (levels count primitive nodes from the store's edge)
 * @param lastLevel the band's last level, inclusive
 * @param tasks the elements of the stage
 */
public record Stage(int index, int firstLevel, int lastLevel, List<StageTask> tasks) {
  public Stage {
    tasks = List.copyOf(tasks);
  }

  /** Nodes the stage reports on, over all its tasks. */
  public int nodeCount() {
    return tasks.stream().mapToInt(StageTask::size).sum();
  }
}
