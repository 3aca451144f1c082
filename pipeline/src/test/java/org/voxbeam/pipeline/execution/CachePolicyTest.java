package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * {@code --refresh=GOAL} forces the goal's cone and nothing else; {@code --no-cache} every cone.
 */
class CachePolicyTest {
  private final Plan plan =
      Reducer.standard()
          .reduceText(
              "a = range(0, 5)\n"
                  + "b = range(1, 3)\n"
                  + "print \"sa\" fold + 0 a\n"
                  + "print \"sb\" fold + 0 b\n",
              "two.imgql");

  @Test
  void aRefreshForcesTheNamedGoalsConesOnly() {
    Set<NodeId> sa = CachePolicy.refresh(List.of("sa")).forcedNodes(plan);
    assertEquals(cone("sa"), sa);
    assertFalse(sa.contains(goal("sb")));
    Set<NodeId> all = CachePolicy.noCache().forcedNodes(plan);
    Set<NodeId> both = new HashSet<>(cone("sa"));
    both.addAll(cone("sb"));
    assertEquals(both, all);
    assertEquals(
        all,
        CachePolicy.refresh(List.of()).forcedNodes(plan),
        "a refresh of no goal in particular is all");
    assertTrue(CachePolicy.reuse().forcedNodes(plan).isEmpty());
  }

  @Test
  void aGoalThePlanLacksIsNamedWithTheGoalsItHas() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> CachePolicy.refresh(List.of("sc")).forcedNodes(plan));
    assertEquals(
        "--refresh names no goal of two.imgql: 'sc' (goals: sa, sb)", refused.getMessage());
  }

  private NodeId goal(String name) {
    return plan.goals().stream()
        .filter(goal -> goal.name().equals(name))
        .map(Goal::id)
        .findFirst()
        .orElseThrow();
  }

  private Set<NodeId> cone(String name) {
    return plan.ancestry(goal(name), Goal.Operation.PRINT).nodes().keySet();
  }
}
