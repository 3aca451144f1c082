package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.operators.image.ops.ImageModel;
import org.voxbeam.pipeline.plan.IdMismatchPolicy;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanValidator;

/**
 * Gives the nullary image makers of a plan the program's image loads as inputs, as VoxLogicA-1
 * loads its model before anything else runs. The plan's nodes, ids and exports are untouched: only
 * the plan an executor runs carries {@link ModelBoundNode}s. The model sources are every top-level
 * {@code ReadImage}/{@code load} node that does not itself depend on a maker (which would be a
 * cycle), ordered by id so that every executor picks the same first image.
 */
public final class ImageModelBinding {
  private ImageModelBinding() {}

  /**
   * {@code plan} with its makers bound to its loads; the plan itself when there is nothing to bind.
   */
  public static Plan bind(Plan plan) {
    if (plan.nodes().values().stream().noneMatch(node -> isPrimitive(node, ImageModel::isMaker))) {
      return plan;
    }
    List<Node> order = plan.topologicalOrder();
    Set<NodeId> afterMaker = new HashSet<>();
    List<NodeId> loads = new ArrayList<>();
    for (Node node : order) {
      boolean maker = isPrimitive(node, ImageModel::isMaker);
      boolean dependsOnMaker = maker || node.dependencies().stream().anyMatch(afterMaker::contains);
      if (dependsOnMaker) {
        afterMaker.add(node.id());
      } else if (isPrimitive(node, ImageModel::isLoader)) {
        loads.add(node.id());
      }
    }
    if (loads.isEmpty()) {
      return plan;
    }
    loads.sort(null);
    List<Node> bound = new ArrayList<>(order.size());
    for (Node node : order) {
      bound.add(isPrimitive(node, ImageModel::isMaker) ? new ModelBoundNode(node, loads) : node);
    }
    return PlanValidator.validate(
        plan.source(), bound, plan.goals(), IdMismatchPolicy.WARN, warning -> {});
  }

  private static boolean isPrimitive(Node node, Predicate<String> operator) {
    return node.kind() == NodeKind.PRIMITIVE && operator.test(node.operator());
  }
}
