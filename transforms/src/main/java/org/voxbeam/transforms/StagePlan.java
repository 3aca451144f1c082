package org.voxbeam.transforms;

import java.util.List;

/**
 * What a Beam run of a plan will do: the stages in execution order and how the needed nodes divide
 * between the store, the stages, and the helpers evaluated where they are used.
 *
 * @param stages the stages, in execution order
 * @param needed every node the goals need, down to the results already stored
 * @param toCompute primitive nodes the stages compute
 * @param fromStore primitive nodes found in the store while planning
 * @param helpers constants and closures, evaluated by each task (or by the driver) that needs them
 */
public record StagePlan(List<Stage> stages, int needed, int toCompute, int fromStore, int helpers) {
  public StagePlan {
    stages = List.copyOf(stages);
  }

  /** Tasks over all stages: the number of elements the pipeline processes. */
  public int taskCount() {
    return stages.stream().mapToInt(stage -> stage.tasks().size()).sum();
  }
}
