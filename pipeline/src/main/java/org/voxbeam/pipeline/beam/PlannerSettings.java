package org.voxbeam.pipeline.beam;

/**
 * How the stage planner cuts a sub-DAG.
 *
 * @param maxStages upper bound on stages, hence on the pipeline's transforms; fewer stages mean a
 *     faster pipeline to build and schedule, more stages mean smaller, more parallel tasks
 * @param tasksPerStage how many tasks a stage of independent nodes is packed into: enough to keep
 *     every worker busy, few enough that per-element overhead stays small
 */
public record PlannerSettings(int maxStages, int tasksPerStage) {
  public PlannerSettings {
    if (maxStages < 1) {
      throw new IllegalArgumentException("the stage cap must be at least 1, got " + maxStages);
    }
    if (tasksPerStage < 1) {
      throw new IllegalArgumentException("tasks per stage must be at least 1, got " + tasksPerStage);
    }
  }
}
