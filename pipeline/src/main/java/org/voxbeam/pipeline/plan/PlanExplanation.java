package org.voxbeam.pipeline.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultStore;

/**
 * What running a plan against a store would do, without running it: the walk from the goals stops
 * at every node whose result is already stored, exactly as the scheduler's does, so the nodes left
 * are the ones a run would compute.
 *
 * @param goals each goal and whether its result is already stored
 * @param nodes every node the walk visits, in dependency order, and whether it is stored
 */
public record PlanExplanation(List<GoalStatus> goals, List<NodeStatus> nodes) {

  /** A goal and whether its value is already in the store. */
  public record GoalStatus(Goal goal, boolean stored) {}

  /** A node the walk reached: stored (the walk stops there) or to be computed. */
  public record NodeStatus(Node node, boolean stored) {}

  public PlanExplanation {
    goals = List.copyOf(goals);
    nodes = List.copyOf(nodes);
  }

  /** Walks {@code plan} from its goals against {@code store}, reusing whatever it holds. */
  public static PlanExplanation of(Plan plan, ResultStore store) {
    return of(plan, store::containsAll);
  }

  /**
   * Walks {@code plan} from its goals; {@code reusable} says which of the given nodes' stored
   * results a run would use (a run's own test, recorded inputs included).
   */
  public static PlanExplanation of(Plan plan, Function<Collection<NodeId>, Set<NodeId>> reusable) {
    Set<NodeId> stored = reusable.apply(plan.nodes().keySet());
    List<GoalStatus> goals = new ArrayList<>();
    plan.goals().forEach(goal -> goals.add(new GoalStatus(goal, stored.contains(goal.id()))));
    Set<NodeId> visited = new HashSet<>();
    Deque<NodeId> pending = new ArrayDeque<>();
    plan.goals().forEach(goal -> pending.add(goal.id()));
    while (!pending.isEmpty()) {
      NodeId id = pending.removeFirst();
      if (visited.add(id) && !stored.contains(id)) {
        pending.addAll(plan.node(id).orElseThrow().dependencies());
      }
    }
    Map<NodeId, NodeStatus> nodes = new LinkedHashMap<>();
    for (Node node : plan.topologicalOrder()) {
      if (visited.contains(node.id())) {
        nodes.put(node.id(), new NodeStatus(node, stored.contains(node.id())));
      }
    }
    return new PlanExplanation(goals, List.copyOf(nodes.values()));
  }

  /** How many visited nodes a run would compute. */
  public long toCompute() {
    return count(nodes, false);
  }

  /** How many visited nodes are already stored. */
  public long inStore() {
    return count(nodes, true);
  }

  private static long count(Collection<NodeStatus> nodes, boolean stored) {
    return nodes.stream().filter(status -> status.stored() == stored).count();
  }
}
