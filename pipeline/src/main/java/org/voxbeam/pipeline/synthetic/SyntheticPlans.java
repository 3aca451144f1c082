package org.voxbeam.pipeline.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Generates layered random DAGs for tests and benchmarks: a first level of distinct constants, then
 * levels of {@code width} nodes, each applying one operator to {@code fanIn} nodes drawn from the
 * level before. Every node of the last level is a goal. The same shape and seed always give the
 * same plan, with the same ids.
 *
 * @param nodes total number of nodes, constants included
 * @param width nodes per level
 * @param fanIn inputs per node (the operator's arity)
 * @param operator the qualified operator every non-constant node applies
 * @param seed what the random choice of inputs derives from
 */
public record SyntheticPlans(int nodes, int width, int fanIn, String operator, long seed) {
  public SyntheticPlans {
    if (nodes < 1 || width < 1 || fanIn < 1) {
      throw new IllegalArgumentException("nodes, width and fanIn must be positive");
    }
  }

  /** {@code vox1.+} over pairs: cheap nodes whose cost is almost all engine overhead. */
  public static SyntheticPlans additions(int nodes, int width, long seed) {
    return new SyntheticPlans(nodes, width, 2, "vox1.+", seed);
  }

  public Plan generate() {
    SplittableRandom random = new SplittableRandom(seed);
    List<VoxNode> all = new ArrayList<>(nodes);
    List<NodeId> previous = new ArrayList<>();
    int firstLevel = Math.min(width, nodes);
    for (int i = 0; i < firstLevel; i++) {
      VoxNode constant = VoxNode.constant(JsonValue.of((double) i));
      all.add(constant);
      previous.add(constant.id());
    }
    while (all.size() < nodes) {
      int levelSize = Math.min(width, nodes - all.size());
      List<NodeId> level = new ArrayList<>(levelSize);
      for (int i = 0; i < levelSize; i++) {
        List<NodeId> inputs = new ArrayList<>(fanIn);
        inputs.add(previous.get(i % previous.size()));
        for (int k = 1; k < fanIn; k++) {
          inputs.add(previous.get(random.nextInt(previous.size())));
        }
        VoxNode node = VoxNode.primitive(operator, inputs, "scalar");
        all.add(node);
        level.add(node.id());
      }
      previous = level;
    }
    List<Goal> goals = new ArrayList<>(previous.size());
    for (int i = 0; i < previous.size(); i++) {
      goals.add(new Goal(Goal.Operation.PRINT, previous.get(i), "g" + i));
    }
    return Plan.of(dedupe(all), goals);
  }

  /** Two nodes with equal content have equal ids; a plan holds each once. */
  private static List<VoxNode> dedupe(List<VoxNode> nodes) {
    java.util.Map<NodeId, VoxNode> unique = new java.util.LinkedHashMap<>(nodes.size() * 2);
    for (VoxNode node : nodes) {
      unique.putIfAbsent(node.id(), node);
    }
    return new ArrayList<>(unique.values());
  }
}
