package org.voxbeam.pipeline.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;

/**
 * Checks that nodes and goals form an executable plan, in the order that gives the most useful
 * first error: duplicate ids, missing dependencies, missing goals, cycles, then ids that do not
 * match content. Each check is linear and iterative, so million-node plans validate quickly and
 * without deep recursion.
 */
public final class PlanValidator {
  private PlanValidator() {}

  static Plan validate(String source, List<? extends Node> nodes, List<Goal> goals) {
    return validate(source, nodes, goals, IdMismatchPolicy.REJECT, warning -> {});
  }

  /**
   * Validates and builds a plan.
   *
   * @param source where the plan came from, for messages
   * @param warnings receives one line per id mismatch under {@link IdMismatchPolicy#WARN}
   * @throws PlanException naming the first problem and the node it concerns
   */
  public static Plan validate(
      String source,
      List<? extends Node> nodes,
      List<Goal> goals,
      IdMismatchPolicy idPolicy,
      Consumer<String> warnings) {
    Plan plan = validateStructure(source, nodes, goals);
    Set<NodeId> mismatches = new HashSet<>();
    for (Node node : nodes) {
      NodeId content = node.contentId();
      if (!content.equals(node.id())) {
        String problem = "id does not match the node's content, which hashes to " + content;
        if (idPolicy == IdMismatchPolicy.REJECT) {
          throw new PlanException(source, node.id(), problem);
        }
        warnings.accept(new PlanException(source, node.id(), problem).getMessage());
        mismatches.add(node.id());
      }
    }
    return plan.withIdMismatches(mismatches);
  }

  /**
   * Validates and builds a plan of nodes whose ids this process computed from their content ({@link
   * org.voxbeam.kernel.node.VoxNode#of}) and that come in dependency order, as the reducer builds
   * them: one pass checks that every dependency came before its node, which rules out missing nodes
   * and cycles alike, and nothing is hashed again.
   *
   * @throws PlanException naming the first problem and the node it concerns
   */
  public static Plan validateComputed(String source, List<? extends Node> nodes, List<Goal> goals) {
    Map<NodeId, Node> byId = new LinkedHashMap<>(nodes.size() * 2);
    for (Node node : nodes) {
      for (NodeId dependency : node.dependencies()) {
        if (!byId.containsKey(dependency)) {
          throw new PlanException(
              source,
              node.id(),
              "depends on node " + dependency + ", which does not come before it");
        }
      }
      if (byId.putIfAbsent(node.id(), node) != null) {
        throw new PlanException(source, node.id(), "duplicate node id");
      }
    }
    checkGoals(source, byId, goals);
    return new Plan(source, byId, goals);
  }

  private static Plan validateStructure(
      String source, List<? extends Node> nodes, List<Goal> goals) {
    Map<NodeId, Node> byId = new LinkedHashMap<>(nodes.size() * 2);
    for (Node node : nodes) {
      if (byId.putIfAbsent(node.id(), node) != null) {
        throw new PlanException(source, node.id(), "duplicate node id");
      }
    }
    for (Node node : nodes) {
      for (NodeId dependency : node.dependencies()) {
        if (!byId.containsKey(dependency)) {
          throw new PlanException(
              source, node.id(), "depends on node " + dependency + ", which is not in the plan");
        }
      }
    }
    checkGoals(source, byId, goals);
    rejectCycles(source, byId);
    return new Plan(source, byId, goals);
  }

  private static void checkGoals(String source, Map<NodeId, Node> byId, List<Goal> goals) {
    for (Goal goal : goals) {
      if (!byId.containsKey(goal.id())) {
        throw new PlanException(
            source, goal.id(), "goal '" + goal.name() + "' names a node that is not in the plan");
      }
    }
  }

  /**
   * Iterative depth-first search with three colours; a grey successor closes a cycle. Each node's
   * dependencies are listed once, when it is entered, so a node of n arguments costs n.
   */
  private static void rejectCycles(String source, Map<NodeId, Node> byId) {
    Map<NodeId, Integer> colour = new HashMap<>(byId.size() * 2);
    final int grey = 1;
    final int black = 2;
    for (NodeId root : byId.keySet()) {
      if (colour.containsKey(root)) {
        continue;
      }
      List<NodeId> path = new ArrayList<>();
      List<List<NodeId>> pending = new ArrayList<>();
      List<Integer> cursor = new ArrayList<>();
      path.add(root);
      pending.add(byId.get(root).dependencies());
      cursor.add(0);
      colour.put(root, grey);
      while (!path.isEmpty()) {
        int top = path.size() - 1;
        List<NodeId> dependencies = pending.get(top);
        int next = cursor.get(top);
        if (next == dependencies.size()) {
          colour.put(path.remove(top), black);
          pending.remove(top);
          cursor.remove(top);
          continue;
        }
        cursor.set(top, next + 1);
        NodeId dependency = dependencies.get(next);
        Integer state = colour.get(dependency);
        if (state == null) {
          colour.put(dependency, grey);
          path.add(dependency);
          pending.add(byId.get(dependency).dependencies());
          cursor.add(0);
        } else if (state == grey) {
          throw new PlanException(
              source, dependency, "is part of a cycle: " + describeCycle(path, dependency));
        }
      }
    }
  }

  private static String describeCycle(List<NodeId> path, NodeId closing) {
    List<NodeId> cycle = path.subList(path.indexOf(closing), path.size());
    StringBuilder out = new StringBuilder();
    for (NodeId id : cycle) {
      out.append(id.shortForm()).append(" -> ");
    }
    return out.append(closing.shortForm()).toString();
  }
}
