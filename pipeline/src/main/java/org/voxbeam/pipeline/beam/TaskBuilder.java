package org.voxbeam.pipeline.beam;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.node.Node;

/**
 * Builds the tasks of a plan's stages from positions in its {@link Subgraph}: the nodes to compute
 * and every constant and closure they need, found by walking down through helpers only (results
 * of other primitive nodes are read from the store or from the task itself).
 */
final class TaskBuilder {
  private final Subgraph graph;
  private final int[] visitedBy;
  private final int[] toVisit;
  private int tasks;

  TaskBuilder(Subgraph graph) {
    this.graph = graph;
    this.visitedBy = new int[graph.size()];
    this.toVisit = new int[graph.size()];
  }

  /**
   * A task computing {@code members}, positions in topological order (so already sorted).
   *
   * @param stage the stage the task belongs to
   * @param index the task's index within its stage
   */
  StageTask task(int stage, int index, int[] members) {
    int stamp = ++tasks;
    List<Node> compute = new ArrayList<>(members.length);
    List<Node> helpers = new ArrayList<>();
    for (int member : members) {
      compute.add(graph.nodes().get(member));
      int top = 0;
      toVisit[top++] = member;
      while (top > 0) {
        for (int input : graph.inputs()[toVisit[--top]]) {
          if (!graph.isPrimitive(input) && visitedBy[input] != stamp) {
            visitedBy[input] = stamp;
            helpers.add(graph.nodes().get(input));
            toVisit[top++] = input;
          }
        }
      }
    }
    return new StageTask(stage, index, compute, helpers, List.of());
  }
}
