package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.pipeline.synthetic.SyntheticPlans;

/**
 * The planner's documented behaviour on its worst cases: a long chain, one wide level, a lattice.
 */
class StagePlannerTest {
  private static final StagePlanner PLANNER =
      new StagePlanner(
          new NodeEvaluator(StandardLibrary.registry()), new PlannerSettings(16, 8, 1));

  @Test
  void aLongChainBecomesOneTaskPerStage() {
    VoxNode one = VoxNode.constant(JsonValue.of(1.0));
    List<VoxNode> nodes = new ArrayList<>(List.of(one));
    NodeId previous = one.id();
    for (int i = 0; i < 10_000; i++) {
      VoxNode next = VoxNode.primitive("vox1.+", List.of(previous, one.id()), "scalar");
      nodes.add(next);
      previous = next.id();
    }
    StagePlan plan =
        PLANNER.plan(
            Plan.of(nodes, List.of(new Goal(Goal.Operation.PRINT, previous, "end"))),
            new InMemoryResultStore());
    assertEquals(16, plan.stages().size());
    for (Stage stage : plan.stages()) {
      assertEquals(1, stage.tasks().size());
      assertEquals(List.of(one.id()), helperIds(stage.tasks().get(0)));
    }
    assertEquals(10_000, plan.toCompute());
    assertEquals(625, plan.stages().get(0).nodeCount());
  }

  @Test
  void aLevelWithAMapGetsAFanOutStageThatCutsItsBand() {
    Plan plan =
        Reducer.standard()
            .reduceText(
                "n = 2 + 2\n"
                    + "values = range(0, n)\n"
                    + "doubled = for i in values do i * 2\n"
                    + "other = n * 3\n"
                    + "print \"total\" fold + 0 doubled\n"
                    + "print \"other\" other\n",
                "fan-out.imgql");
    StagePlan oneBand =
        new StagePlanner(
                new NodeEvaluator(StandardLibrary.registry()), new PlannerSettings(1, 8, 1))
            .plan(plan, new InMemoryResultStore());
    assertEquals(
        List.of(false, true, false), oneBand.stages().stream().map(Stage::fanOut).toList());
    Stage fanOut = oneBand.stages().get(1);
    assertEquals(1, fanOut.tasks().size());
    assertEquals("default.for_loop", fanOut.tasks().get(0).compute().get(0).operator());
    assertEquals(
        List.of(false, false, true, false),
        PLANNER.plan(plan, new InMemoryResultStore()).stages().stream()
            .map(Stage::fanOut)
            .toList());
  }

  @Test
  void aWideLevelBecomesOneStageOfEvenTasks() {
    Plan wide = new SyntheticPlans(20_000, 10_000, 2, "vox1.+", 3).generate();
    StagePlan plan = PLANNER.plan(wide, new InMemoryResultStore());
    assertEquals(1, plan.stages().size());
    List<StageTask> tasks = plan.stages().get(0).tasks();
    assertEquals(8, tasks.size());
    tasks.forEach(task -> assertEquals(1_250, task.compute().size()));
  }

  @Test
  void aDiamondLatticeIsCutIntoBandsOfConnectedTasks() {
    int side = 60;
    VoxNode one = VoxNode.constant(JsonValue.of(1.0));
    List<VoxNode> nodes = new ArrayList<>(List.of(one));
    NodeId[][] grid = new NodeId[side][side];
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        NodeId up = i == 0 ? one.id() : grid[i - 1][j];
        NodeId left = j == 0 ? one.id() : grid[i][j - 1];
        VoxNode node = VoxNode.primitive("vox1.+", List.of(up, left), "scalar");
        nodes.add(node);
        grid[i][j] = node.id();
      }
    }
    Plan lattice =
        Plan.of(nodes, List.of(new Goal(Goal.Operation.PRINT, grid[side - 1][side - 1], "corner")));
    StagePlan plan = PLANNER.plan(lattice, new InMemoryResultStore());
    assertTrue(plan.stages().size() <= 16);
    assertEquals(side * side, plan.toCompute());
    for (Stage stage : plan.stages()) {
      assertEquals(1, stage.tasks().size(), "a band of anti-diagonals is connected");
    }
    StagePlan thin =
        new StagePlanner(
                new NodeEvaluator(StandardLibrary.registry()), new PlannerSettings(200, 8, 1))
            .plan(lattice, new InMemoryResultStore());
    assertEquals(2 * side - 1, thin.stages().size());
    assertEquals(
        8, thin.stages().get(side - 1).tasks().size(), "one anti-diagonal has independent nodes");
  }

  @Test
  void aSmallPlanGetsFewerStagesThanTheCap() {
    Plan plan = SyntheticPlans.additions(10_000, 1_000, 7).generate();
    StagePlanner adaptive =
        new StagePlanner(
            new NodeEvaluator(StandardLibrary.registry()), new PlannerSettings(8, 8, 4_000));
    assertEquals(
        3,
        adaptive.plan(plan, new InMemoryResultStore()).stages().size(),
        "9,000 nodes, one stage per 4,000");
    assertEquals(
        9,
        PLANNER.plan(plan, new InMemoryResultStore()).stages().size(),
        "no minimum: one stage per level");
    StagePlanner bounded =
        new StagePlanner(
            new NodeEvaluator(StandardLibrary.registry()), new PlannerSettings(2, 8, 1_000));
    assertEquals(
        2,
        bounded.plan(plan, new InMemoryResultStore()).stages().size(),
        "the cap still bounds the stages");
  }

  @Test
  void storedResultsPruneTheWalkAndAreOnlyConfirmed() {
    Plan plan = SyntheticPlans.additions(300, 10, 5).generate();
    InMemoryResultStore store = new InMemoryResultStore();
    StagePlan before = PLANNER.plan(plan, store);
    assertEquals(290, before.toCompute());
    for (Goal goal : plan.goals()) {
      store.put(
          new StoredResult(
              goal.id(),
              new NumberValue(0.0),
              new ResultMetadata("vox1.+", Duration.ZERO, Instant.now(), "test")));
    }
    StagePlan after = PLANNER.plan(plan, store);
    assertEquals(0, after.toCompute());
    assertEquals(10, after.fromStore());
    assertEquals(1, after.stages().size());
    assertTrue(after.stages().get(0).tasks().stream().allMatch(task -> task.compute().isEmpty()));
  }

  private static List<NodeId> helperIds(StageTask task) {
    return task.helpers().stream().map(node -> node.id()).toList();
  }
}
