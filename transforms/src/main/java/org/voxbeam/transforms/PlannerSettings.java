package org.voxbeam.transforms;

/**
 * How the stage planner cuts a sub-DAG.
 *
 * @param maxStages upper bound on stages, hence on the pipeline's transforms; fewer stages mean a
 *     faster pipeline to build and schedule, more stages mean smaller, more parallel tasks
 * @param tasksPerStage how many tasks a stage of independent nodes is packed into: enough to keep
 *     every worker busy, few enough that per-element overhead stays small
 * @param minNodesPerStage nodes to compute below which a stage is not worth its fixed cost (a
 *     barrier, a bundle commit per task, the runner's scheduling): a small plan gets fewer stages
 *     than {@code maxStages}, at least one per {@code minNodesPerStage} nodes; 1 disables this
 */
public record PlannerSettings(int maxStages, int tasksPerStage, int minNodesPerStage) {
  /**
   * The default of {@code minNodesPerStage}. On the DirectRunner a stage costs 20–40 ms (its
   * barrier, a segment commit per task, scheduling) and a cheap node 10–15 µs, so a stage of fewer
   * nodes than this spends more on being a stage than on its nodes.
   */
  public static final int DEFAULT_MIN_NODES_PER_STAGE = 10_000;

  public PlannerSettings {
    if (maxStages < 1) {
      throw new IllegalArgumentException("the stage cap must be at least 1, got " + maxStages);
    }
    if (tasksPerStage < 1) {
      throw new IllegalArgumentException(
          "tasks per stage must be at least 1, got " + tasksPerStage);
    }
    if (minNodesPerStage < 1) {
      throw new IllegalArgumentException(
          "nodes per stage must be at least 1, got " + minNodesPerStage);
    }
  }

  /**
   * The most stages worth cutting {@code nodes} nodes into: {@code ceil(nodes / minNodesPerStage)},
   * at least 1 and at most {@code maxStages}. Fan-out stages come on top (see {@link
   * StagePlanner}).
   */
  int stageCap(int nodes) {
    long worthIt = Math.max(1, ((long) nodes + minNodesPerStage - 1) / minNodesPerStage);
    return (int) Math.min(maxStages, worthIt);
  }
}
