package org.voxbeam.pipeline.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;

/**
 * A DAG of nodes and the goals to materialize from it: what a front end produces and what the
 * engine executes. A plan is immutable and, once built through {@link PlanValidator}, closed (every
 * dependency is a node of the plan) and acyclic.
 */
public final class Plan {
  private final String source;
  private final Map<NodeId, Node> nodes;
  private final List<Goal> goals;
  private final Set<NodeId> idMismatches;

  Plan(String source, Map<NodeId, Node> nodes, List<Goal> goals) {
    this(source, nodes, goals, Set.of());
  }

  private Plan(String source, Map<NodeId, Node> nodes, List<Goal> goals, Set<NodeId> idMismatches) {
    this.source = source;
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    this.goals = List.copyOf(goals);
    this.idMismatches = Set.copyOf(idMismatches);
  }

  /** This plan, accepted although the nodes {@code ids} do not hash to their ids. */
  Plan withIdMismatches(Set<NodeId> ids) {
    return ids.isEmpty() ? this : new Plan(source, nodes, goals, ids);
  }

  /**
   * The nodes whose id does not match their content, accepted under {@link IdMismatchPolicy#WARN};
   * empty for a plan whose every id was checked. Results of such a plan are not what their ids
   * name, so they must not reach a store other runs read (see {@code VoxBeam.run}).
   */
  public Set<NodeId> idMismatches() {
    return idMismatches;
  }

  /**
   * A validated plan.
   *
   * @throws PlanException if a dependency or goal names a missing node, or the nodes form a cycle
   */
  public static Plan of(List<? extends Node> nodes, List<Goal> goals) {
    return PlanValidator.validate("plan", nodes, goals);
  }

  /** Where the plan came from (a file name, or a description), for messages. */
  public String source() {
    return source;
  }

  public Map<NodeId, Node> nodes() {
    return nodes;
  }

  public List<Goal> goals() {
    return goals;
  }

  public Optional<Node> node(NodeId id) {
    return Optional.ofNullable(nodes.get(id));
  }

  public int size() {
    return nodes.size();
  }

  /**
   * The part of this plan that {@code id} depends on, with {@code id} as its only goal: what must
   * be available to compute that one node again.
   */
  public Plan ancestry(NodeId id, Goal.Operation operation) {
    Map<NodeId, Node> needed = new LinkedHashMap<>();
    Deque<NodeId> pending = new ArrayDeque<>(List.of(id));
    while (!pending.isEmpty()) {
      NodeId next = pending.pop();
      Node node = nodes.get(next);
      if (node != null && needed.putIfAbsent(next, node) == null) {
        pending.addAll(node.dependencies());
      }
    }
    return Plan.of(List.copyOf(needed.values()), List.of(new Goal(operation, id, id.hex())));
  }

  /**
   * Every node in dependency order (inputs before their consumers), ties broken by id, as
   * VoxLogicA-2's exporters order them. Iterative, so a chain of a million nodes is fine.
   */
  public List<Node> topologicalOrder() {
    List<NodeId> roots = new ArrayList<>(nodes.keySet());
    Collections.sort(roots);
    List<Node> ordered = new ArrayList<>(nodes.size());
    Set<NodeId> done = new HashSet<>();
    for (NodeId root : roots) {
      if (done.contains(root)) {
        continue;
      }
      Deque<Frame> stack = new ArrayDeque<>();
      stack.push(new Frame(nodes.get(root)));
      while (!stack.isEmpty()) {
        Frame frame = stack.peek();
        NodeId next = frame.nextPendingDependency(done);
        if (next == null) {
          stack.pop();
          if (done.add(frame.node.id())) {
            ordered.add(frame.node);
          }
        } else {
          stack.push(new Frame(nodes.get(next)));
        }
      }
    }
    return ordered;
  }

  /** A node on the depth-first stack with its sorted dependencies still to visit. */
  private static final class Frame {
    private final Node node;
    private final List<NodeId> dependencies;
    private int position;

    Frame(Node node) {
      this.node = node;
      List<NodeId> sorted = new ArrayList<>(node.dependencies());
      Collections.sort(sorted);
      this.dependencies = sorted;
    }

    NodeId nextPendingDependency(Set<NodeId> done) {
      while (position < dependencies.size()) {
        NodeId candidate = dependencies.get(position++);
        if (!done.contains(candidate)) {
          return candidate;
        }
      }
      return null;
    }
  }
}
