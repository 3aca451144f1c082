package org.voxbeam.transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Random DAGs of arithmetic over a few constants, zero included: inputs are drawn from any earlier
 * node, mostly recent ones, so the DAGs are deep and irregular, and divisions by zero make failures
 * that travel across stages.
 */
final class RandomDags {
  private static final String[] OPERATORS = {
    "vox1.+", "vox1.*", "default.division", "default.subtraction"
  };
  private static final double[] CONSTANTS = {0.0, 1.0, 2.0, -1.5, 3.0};

  private RandomDags() {}

  static Plan generate(long seed, int primitives, int goals) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<NodeId, VoxNode> nodes = new LinkedHashMap<>();
    List<NodeId> order = new ArrayList<>();
    for (double constant : CONSTANTS) {
      VoxNode node = VoxNode.constant(JsonValue.of(constant));
      nodes.put(node.id(), node);
      order.add(node.id());
    }
    while (nodes.size() < CONSTANTS.length + primitives) {
      String operator = OPERATORS[random.nextInt(OPERATORS.length)];
      List<NodeId> inputs = List.of(pick(random, order), pick(random, order));
      VoxNode node = VoxNode.primitive(operator, inputs, "scalar");
      if (nodes.putIfAbsent(node.id(), node) == null) {
        order.add(node.id());
      }
    }
    List<Goal> goalList = new ArrayList<>();
    List<NodeId> chosen = new ArrayList<>();
    chosen.add(order.get(order.size() - 1));
    while (chosen.size() < goals) {
      NodeId candidate = order.get(random.nextInt(order.size()));
      if (!chosen.contains(candidate)) {
        chosen.add(candidate);
      }
    }
    for (int i = 0; i < chosen.size(); i++) {
      goalList.add(new Goal(Goal.Operation.PRINT, chosen.get(i), "g" + i));
    }
    return Plan.of(new ArrayList<>(nodes.values()), goalList);
  }

  /** Mostly one of the last few nodes, sometimes any earlier one. */
  private static NodeId pick(SplittableRandom random, List<NodeId> order) {
    if (random.nextInt(4) == 0) {
      return order.get(random.nextInt(order.size()));
    }
    int recent = Math.min(order.size(), 6);
    return order.get(order.size() - 1 - random.nextInt(recent));
  }
}
