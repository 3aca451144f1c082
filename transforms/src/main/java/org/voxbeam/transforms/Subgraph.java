package org.voxbeam.transforms;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;

/**
 * The nodes a run computes, in topological order, with their inputs as positions in that order. The
 * planner walks the graph several times (levels, connected pieces, each task's helpers); with
 * positions in {@code int} arrays it asks each node for its dependencies and hashes each id once,
 * instead of once per walk.
 *
 * @param nodes the nodes, inputs before consumers
 * @param inputs for each position, the distinct positions of the nodes it depends on, in dependency
 *     order; dependencies outside the subgraph (stored results) are left out
 */
record Subgraph(List<Node> nodes, int[][] inputs) {
  /** Orders {@code nodes} with Kahn's algorithm; inputs outside the set are ready already. */
  static Subgraph of(List<Node> nodes) {
    int size = nodes.size();
    Map<NodeId, Integer> index = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      index.put(nodes.get(i).id(), i);
    }
    int[][] inputs = new int[size][];
    int[] mark = new int[size];
    int[] consumerCount = new int[size];
    for (int i = 0; i < size; i++) {
      inputs[i] = distinctInputs(nodes.get(i), index, mark, i + 1);
      for (int input : inputs[i]) {
        consumerCount[input]++;
      }
    }
    int[] consumerStart = new int[size + 1];
    for (int i = 0; i < size; i++) {
      consumerStart[i + 1] = consumerStart[i] + consumerCount[i];
    }
    int[] consumers = new int[consumerStart[size]];
    int[] filled = new int[size];
    int[] pending = new int[size];
    for (int i = 0; i < size; i++) {
      pending[i] = inputs[i].length;
      for (int input : inputs[i]) {
        consumers[consumerStart[input] + filled[input]++] = i;
      }
    }
    int[] queue = new int[size];
    int head = 0;
    int tail = 0;
    for (int i = size - 1; i >= 0; i--) {
      if (pending[i] == 0) {
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      int next = queue[head++];
      for (int k = consumerStart[next]; k < consumerStart[next + 1]; k++) {
        if (--pending[consumers[k]] == 0) {
          queue[tail++] = consumers[k];
        }
      }
    }
    return reordered(nodes, inputs, queue, tail);
  }

  /** The subgraph's node at {@code position} is primitive, i.e. computed and stored. */
  boolean isPrimitive(int position) {
    return nodes.get(position).kind() == NodeKind.PRIMITIVE;
  }

  int size() {
    return nodes.size();
  }

  private static int[] distinctInputs(
      Node node, Map<NodeId, Integer> index, int[] mark, int stamp) {
    List<NodeId> dependencies = node.dependencies();
    int[] found = new int[dependencies.size()];
    int count = 0;
    for (NodeId dependency : dependencies) {
      Integer input = index.get(dependency);
      if (input != null && mark[input] != stamp) {
        mark[input] = stamp;
        found[count++] = input;
      }
    }
    return count == found.length ? found : Arrays.copyOf(found, count);
  }

  /** The first {@code count} nodes of {@code order}, with their inputs renumbered to match. */
  private static Subgraph reordered(List<Node> nodes, int[][] inputs, int[] order, int count) {
    int[] position = new int[nodes.size()];
    Node[] sorted = new Node[count];
    int[][] sortedInputs = new int[count][];
    for (int p = 0; p < count; p++) {
      position[order[p]] = p;
    }
    for (int p = 0; p < count; p++) {
      sorted[p] = nodes.get(order[p]);
      int[] original = inputs[order[p]];
      int[] renumbered = new int[original.length];
      for (int k = 0; k < original.length; k++) {
        renumbered[k] = position[original[k]];
      }
      sortedInputs[p] = renumbered;
    }
    return new Subgraph(List.of(sorted), sortedInputs);
  }
}
