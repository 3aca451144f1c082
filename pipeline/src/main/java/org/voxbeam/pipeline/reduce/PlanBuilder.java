package org.voxbeam.pipeline.reduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanValidator;

/**
 * The plan under construction. Nodes are hash-consed, so reducing the same expression twice (or two
 * functions computing the same thing) yields one node, as in VoxLogicA-2; goals keep source order.
 */
final class PlanBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(PlanBuilder.class);

  private final Map<NodeId, VoxNode> nodes = new LinkedHashMap<>();
  private final List<Goal> goals = new ArrayList<>();

  NodeId add(VoxNode node) {
    nodes.putIfAbsent(node.id(), node);
    return node.id();
  }

  /** How many distinct nodes the plan holds so far. */
  int size() {
    return nodes.size();
  }

  void addGoal(Goal.Operation operation, NodeId id, String name) {
    goals.add(new Goal(operation, id, name));
  }

  Plan build(String source) {
    LOG.debug("reduced {} to {} nodes and {} goals", source, nodes.size(), goals.size());
    return PlanValidator.validateComputed(source, List.copyOf(nodes.values()), goals);
  }
}
