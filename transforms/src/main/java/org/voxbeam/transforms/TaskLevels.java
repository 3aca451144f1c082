package org.voxbeam.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;

/**
 * The nodes of one task split into levels that can each run in parallel: a node's level is one more
 * than the highest level of the task's nodes it reads, directly or through helpers. A band of a
 * lattice is one connected task, but each of its anti-diagonals is a level of independent nodes, so
 * a worker can still spread it over its threads.
 */
final class TaskLevels {
  private TaskLevels() {}

  /**
   * @param members the task's nodes, inputs before consumers
   * @param helpers the constants and closures the task carries
   */
  static List<List<Node>> of(List<Node> members, Map<NodeId, Node> helpers) {
    Map<NodeId, Integer> level = new HashMap<>(members.size() * 2);
    Map<NodeId, Integer> helperLevel = new HashMap<>();
    List<List<Node>> levels = new ArrayList<>();
    for (Node node : members) {
      int own = 1 + highestInput(node, level, helpers, helperLevel, new HashSet<>());
      level.put(node.id(), own);
      while (levels.size() <= own) {
        levels.add(new ArrayList<>());
      }
      levels.get(own).add(node);
    }
    return levels;
  }

  /** The highest level among the task's nodes {@code node} reads; -1 when it reads none. */
  private static int highestInput(
      Node node,
      Map<NodeId, Integer> level,
      Map<NodeId, Node> helpers,
      Map<NodeId, Integer> helperLevel,
      Set<NodeId> visiting) {
    int highest = -1;
    for (NodeId dependency : node.dependencies()) {
      Integer member = level.get(dependency);
      if (member != null) {
        highest = Math.max(highest, member);
        continue;
      }
      Node helper = helpers.get(dependency);
      if (helper != null && visiting.add(dependency)) {
        Integer known = helperLevel.get(dependency);
        int through =
            known != null ? known : highestInput(helper, level, helpers, helperLevel, visiting);
        helperLevel.put(dependency, through);
        highest = Math.max(highest, through);
      }
    }
    return highest;
  }
}
