package org.voxbeam.pipeline.execution;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Which stored results a run may use instead of computing. By default every stored result whose
 * recorded inputs are unchanged ({@link #reuse()}); {@code --no-cache} none ({@link #noCache()});
 * {@code --refresh=GOAL,…} none in the named goals' cones, the goals and everything they depend on
 * ({@link #refresh}). Forced nodes are computed and their new results written, superseding the
 * stored ones, so the next run reuses the fresh results.
 *
 * @param everything whether every goal's cone is forced
 * @param goals the goals whose cones are forced, by name
 */
public record CachePolicy(boolean everything, List<String> goals) {
  public CachePolicy {
    goals = List.copyOf(goals);
  }

  /** Reuse whatever is stored and still valid. */
  public static CachePolicy reuse() {
    return new CachePolicy(false, List.of());
  }

  /** Compute everything, whatever the store holds. */
  public static CachePolicy noCache() {
    return new CachePolicy(true, List.of());
  }

  /** Compute the cones of the goals named {@code goals}; an empty list means every goal. */
  public static CachePolicy refresh(List<String> goals) {
    return goals.isEmpty() ? noCache() : new CachePolicy(false, goals);
  }

  /** Whether anything is forced. */
  public boolean forcesAny() {
    return everything || !goals.isEmpty();
  }

  /**
   * The nodes of {@code plan} to compute whatever the store holds.
   *
   * @throws IllegalArgumentException if a named goal is not a goal of the plan
   */
  public Set<NodeId> forcedNodes(Plan plan) {
    if (!forcesAny()) {
      return Set.of();
    }
    Set<NodeId> roots = new LinkedHashSet<>();
    for (String name : goals) {
      List<NodeId> named =
          plan.goals().stream().filter(goal -> goal.name().equals(name)).map(Goal::id).toList();
      if (named.isEmpty()) {
        throw new IllegalArgumentException(
            "--refresh names no goal of "
                + plan.source()
                + ": '"
                + name
                + "' (goals: "
                + plan.goals().stream().map(Goal::name).collect(Collectors.joining(", "))
                + ")");
      }
      roots.addAll(named);
    }
    if (everything) {
      plan.goals().forEach(goal -> roots.add(goal.id()));
    }
    Set<NodeId> cone = new HashSet<>();
    Deque<NodeId> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      NodeId id = pending.pop();
      if (cone.add(id)) {
        plan.node(id).map(Node::dependencies).ifPresent(pending::addAll);
      }
    }
    return cone;
  }
}
