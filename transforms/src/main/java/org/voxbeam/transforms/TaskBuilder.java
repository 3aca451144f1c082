package org.voxbeam.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;

/**
 * Builds the tasks of a plan's stages from positions in its {@link Subgraph}: the nodes to compute
 * and every constant and closure they need, found by walking down through helpers only (results of
 * other primitive nodes are read from the store or from the task itself).
 */
final class TaskBuilder {
  private final Subgraph graph;
  private final Predicate<NodeId> forced;
  private final int[] visitedBy;
  private final int[] toVisit;
  private int tasks;

  /**
   * @param forced nodes the run computes whatever the store holds; their tasks are fresh
   */
  TaskBuilder(Subgraph graph, Predicate<NodeId> forced) {
    this.graph = graph;
    this.forced = forced;
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
    boolean fresh = false;
    for (int member : members) {
      compute.add(graph.nodes().get(member));
      fresh |= forced.test(graph.nodes().get(member).id());
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
    return new StageTask(stage, index, compute, helpers, List.of(), fresh);
  }
}
