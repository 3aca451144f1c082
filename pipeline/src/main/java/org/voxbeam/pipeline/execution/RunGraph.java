package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * The part of a plan one run needs, found by walking down from the goals and stopping at nodes
 * whose results the store already holds; indexed densely so that execution works on arrays rather
 * than maps.
 *
 * <p>The walk goes level by level and asks about a whole level at once which stored results the run
 * may use ({@link ResultReuse#reusable}). Results of impure operators are never reused.
 */
final class RunGraph {
  final Node[] nodes;
  final boolean[] fromStore;
  final boolean[] isGoal;

  /** Distinct inputs of each node to compute (none for nodes read from the store). */
  final int[][] inputs;

  /** Distinct consumers of each node, within this run. */
  final int[][] consumers;

  final Map<NodeId, Integer> index;
  final int toCompute;

  private RunGraph(List<Node> order, Set<NodeId> stored, Set<NodeId> goals) {
    int size = order.size();
    this.nodes = order.toArray(new Node[0]);
    this.fromStore = new boolean[size];
    this.isGoal = new boolean[size];
    this.inputs = new int[size][];
    this.index = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      index.put(nodes[i].id(), i);
    }
    int[] consumerCounts = new int[size];
    int computeCount = 0;
    for (int i = 0; i < size; i++) {
      NodeId id = nodes[i].id();
      isGoal[i] = goals.contains(id);
      if (stored.contains(id)) {
        fromStore[i] = true;
        inputs[i] = new int[0];
        continue;
      }
      computeCount++;
      inputs[i] = distinctIndices(nodes[i].dependencies());
      for (int input : inputs[i]) {
        consumerCounts[input]++;
      }
    }
    this.toCompute = computeCount;
    this.consumers = new int[size][];
    for (int i = 0; i < size; i++) {
      consumers[i] = new int[consumerCounts[i]];
    }
    int[] fill = new int[size];
    for (int i = 0; i < size; i++) {
      for (int input : inputs[i]) {
        consumers[input][fill[input]++] = i;
      }
    }
  }

  private int[] distinctIndices(List<NodeId> ids) {
    int[] out = new int[ids.size()];
    int count = 0;
    for (NodeId id : ids) {
      int position = index.get(id);
      boolean seen = false;
      for (int k = 0; k < count && !seen; k++) {
        seen = out[k] == position;
      }
      if (!seen) {
        out[count++] = position;
      }
    }
    return count == out.length ? out : Arrays.copyOf(out, count);
  }

  int size() {
    return nodes.length;
  }

  /** Plans a run of {@code plan}'s goals against what {@code reuse} lets it read from the store. */
  static RunGraph plan(Plan plan, ResultReuse reuse, NodeEvaluator evaluator) {
    Set<NodeId> goalIds = new LinkedHashSet<>();
    for (Goal goal : plan.goals()) {
      goalIds.add(goal.id());
    }
    List<Node> order = new ArrayList<>();
    Set<NodeId> seen = new LinkedHashSet<>(goalIds);
    Set<NodeId> stored = new java.util.HashSet<>();
    List<NodeId> level = new ArrayList<>(goalIds);
    while (!level.isEmpty()) {
      List<NodeId> reusable = new ArrayList<>();
      for (NodeId id : level) {
        Node node = plan.nodes().get(id);
        if (NodeEvaluator.isStored(node) && evaluator.purityOf(node) == Purity.PURE) {
          reusable.add(id);
        }
      }
      Set<NodeId> present = reusable.isEmpty() ? Set.of() : reuse.reusable(reusable);
      List<NodeId> next = new ArrayList<>();
      for (NodeId id : level) {
        Node node = plan.nodes().get(id);
        order.add(node);
        if (present.contains(id)) {
          stored.add(id);
          continue;
        }
        for (NodeId dependency : node.dependencies()) {
          if (seen.add(dependency)) {
            next.add(dependency);
          }
        }
      }
      level = next;
    }
    return new RunGraph(order, stored, goalIds);
  }
}
