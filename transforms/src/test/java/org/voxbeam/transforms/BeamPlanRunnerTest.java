package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.testing.PAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.pipeline.synthetic.SyntheticPlans;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

class BeamPlanRunnerTest {
  @TempDir Path temp;

  /**
   * The store workers share re-lists its segments on a miss at most once a second; the driver looks
   * before planning, so what another process committed just before (here: segments copied in from
   * another store, a valid merge) is planned as stored.
   */
  @Test
  void planningSeesWhatAnotherStoreCommittedWhileTheSharedStoreWasOpen() throws IOException {
    Plan plan = Reducer.standard().reduceText("x = 2 + 3\nprint \"y\" x * 7\n", "other.imgql");
    Path source = temp.resolve("source");
    try (ParquetResultStore other = ParquetResultStore.open(source, StoreOptions.defaults())) {
      new DynamicScheduler(
              new NodeEvaluator(StandardLibrary.registry()),
              other,
              SchedulerOptions.defaults().withThreads(1))
          .run(plan, ExecutionListener.NONE);
    }
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 2, 2);
    try (StoreLease held = SharedStores.acquire(new StoreSpec(options.getStore(), 0))) {
      held.store().refresh();
      Path target = Path.of(options.getStore());
      copyFiles(source.resolve("manifest"), target.resolve("manifest"));
      copyFiles(source.resolve("segments"), target.resolve("segments"));
      BeamRun beam =
          BeamTestRuns.run(
              options,
              plan,
              lowered -> assertEquals(0, lowered.stages().toCompute(), "all planned as stored"));
      assertEquals(0, beam.metrics().computed());
      assertEquals(
          BeamTestRuns.goalTexts(BeamTestRuns.inProcess(plan)),
          BeamTestRuns.goalTexts(beam.result()));
    }
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  @Test
  void randomDagsGiveTheInProcessSchedulersResults() {
    SplittableRandom shapes = new SplittableRandom(2024);
    int failedGoals = 0;
    int multiStageRuns = 0;
    for (int round = 0; round < 6; round++) {
      long seed = shapes.nextLong();
      int maxStages = 1 + shapes.nextInt(5);
      int tasksPerStage = 1 + shapes.nextInt(8);
      Plan plan = RandomDags.generate(seed, 150 + shapes.nextInt(250), 8);
      int[] stages = new int[1];
      BeamRun beam =
          BeamTestRuns.run(
              BeamTestRuns.options(temp.resolve("store-" + round), maxStages, tasksPerStage),
              plan,
              lowered -> stages[0] = lowered.stages().stages().size());
      multiStageRuns += stages[0] > 1 ? 1 : 0;
      failedGoals += (int) beam.result().goals().stream().filter(GoalResult::failed).count();
      RunResult inProcess = BeamTestRuns.inProcess(plan);
      String shape =
          "seed " + seed + ", " + maxStages + " stages, " + tasksPerStage + " tasks per stage";
      assertEquals(BeamTestRuns.goalTexts(inProcess), BeamTestRuns.goalTexts(beam.result()), shape);
      assertEquals(inProcess.stats().nodes(), beam.result().stats().nodes(), shape);
      assertEquals(inProcess.stats().failed(), beam.result().stats().failed(), shape);
      assertEquals(inProcess.stats().computed(), beam.result().stats().computed(), shape);
    }
    assertTrue(failedGoals > 0, "the random plans should include failures");
    assertTrue(multiStageRuns > 2, "the random plans should span several stages");
  }

  @Test
  void aConnectedBandRunsItsWideLevelsInParallelToTheSameResults() {
    Plan plan = SyntheticPlans.additions(1_500, 100, 3).generate();
    BeamRun beam =
        BeamTestRuns.run(
            BeamTestRuns.options(temp.resolve("store"), 2, 4),
            plan,
            lowered ->
                lowered.stages().stages().forEach(stage -> assertEquals(1, stage.tasks().size())));
    assertEquals(
        BeamTestRuns.goalTexts(BeamTestRuns.inProcess(plan)),
        BeamTestRuns.goalTexts(beam.result()));
    assertEquals(1_400, beam.metrics().computed());
  }

  @Test
  void aSecondRunOverTheSameStoreComputesNothing() {
    Plan plan = SyntheticPlans.additions(2_000, 25, 7).generate();
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 4, 4);
    BeamRun first = BeamTestRuns.run(options, plan, lowered -> {});
    assertEquals(1_975, first.metrics().computed());
    assertEquals(0, first.metrics().cached());

    BeamRun second =
        BeamTestRuns.run(
            options,
            plan,
            lowered ->
                PAssert.that(lowered.summaries())
                    .satisfies(
                        summaries -> {
                          List<NodeSummary> all = new ArrayList<>();
                          summaries.forEach(all::add);
                          assertEquals(25, all.size());
                          assertTrue(
                              all.stream().allMatch(s -> s.outcome() == NodeOutcome.CACHED),
                              all::toString);
                          return null;
                        }));
    assertEquals(new BeamRunMetrics(0, 25, 0), second.metrics());
    assertEquals(BeamTestRuns.goalTexts(first.result()), BeamTestRuns.goalTexts(second.result()));
    assertEquals(0, second.result().stats().computed());
    assertEquals(25, second.result().stats().cached());
  }

  @Test
  void aPartlyFilledStoreComputesOnlyTheMissingNodes() {
    Plan full = SyntheticPlans.additions(600, 20, 11).generate();
    List<Node> nodes = new ArrayList<>(full.nodes().values());
    List<Node> primitives =
        nodes.stream().filter(node -> node.kind() == NodeKind.PRIMITIVE).toList();
    Node middle = primitives.get(primitives.size() / 2);
    Plan partial =
        Plan.of(castNodes(nodes), List.of(new Goal(Goal.Operation.PRINT, middle.id(), "middle")));
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 3, 4);
    BeamTestRuns.run(options, partial, lowered -> {});

    Set<String> stored = upstreamPrimitives(full, middle.id());
    Set<String> expected = new HashSet<>();
    for (Goal goal : full.goals()) {
      expected.addAll(upstreamPrimitivesStoppingAt(full, goal.id(), stored));
    }
    assertFalse(expected.isEmpty());
    BeamRun second =
        BeamTestRuns.run(
            options,
            full,
            lowered ->
                PAssert.that(lowered.summaries())
                    .satisfies(
                        summaries -> {
                          Set<String> computed = new HashSet<>();
                          StreamSupport.stream(summaries.spliterator(), false)
                              .filter(s -> s.outcome() == NodeOutcome.COMPUTED)
                              .forEach(s -> computed.add(s.id()));
                          assertEquals(expected, computed);
                          return null;
                        }));
    assertEquals(expected.size(), second.metrics().computed());
    assertEquals(
        BeamTestRuns.goalTexts(BeamTestRuns.inProcess(full)),
        BeamTestRuns.goalTexts(second.result()));
  }

  @Test
  void aFailingNodeFailsItsDependentsAndOtherGoalsComplete() {
    VoxNode one = VoxNode.constant(JsonValue.of(1.0));
    VoxNode zero = VoxNode.constant(JsonValue.of(0.0));
    VoxNode two = VoxNode.constant(JsonValue.of(2.0));
    VoxNode quotient =
        VoxNode.primitive("default.division", List.of(one.id(), zero.id()), "scalar");
    VoxNode plusTwo = VoxNode.primitive("vox1.+", List.of(quotient.id(), two.id()), "scalar");
    VoxNode timesTwo = VoxNode.primitive("vox1.*", List.of(plusTwo.id(), two.id()), "scalar");
    VoxNode fine = VoxNode.primitive("vox1.+", List.of(one.id(), two.id()), "scalar");
    VoxNode fineLater = VoxNode.primitive("vox1.*", List.of(fine.id(), two.id()), "scalar");
    Plan plan =
        Plan.of(
            List.of(one, zero, two, quotient, plusTwo, timesTwo, fine, fineLater),
            List.of(
                new Goal(Goal.Operation.PRINT, timesTwo.id(), "broken"),
                new Goal(Goal.Operation.PRINT, fineLater.id(), "fine")));
    Set<String> expectedFailures =
        Set.of(quotient.id().hex(), plusTwo.id().hex(), timesTwo.id().hex());
    BeamRun outcome =
        BeamTestRuns.run(
            BeamTestRuns.options(temp.resolve("store"), 8, 2),
            plan,
            lowered -> {
              assertEquals(3, lowered.stages().stages().size());
              PAssert.that(lowered.summaries())
                  .satisfies(
                      summaries -> {
                        Set<String> failed = new HashSet<>();
                        summaries.forEach(
                            s -> {
                              if (s.outcome() == NodeOutcome.FAILED) {
                                failed.add(s.id());
                              }
                            });
                        assertEquals(expectedFailures, failed);
                        return null;
                      });
            });
    GoalResult broken = outcome.result().goals().get(0);
    ErrorValue error = assertInstanceOf(ErrorValue.class, broken.value());
    assertEquals(timesTwo.id(), error.node());
    assertEquals(plusTwo.id(), error.cause().orElseThrow().node());
    assertEquals(quotient.id(), error.rootCause().node());
    assertTrue(error.rootCause().message().contains("Division by zero"), error.describe());
    assertEquals(new NumberValue(6.0), outcome.result().goals().get(1).value());
    assertFalse(outcome.result().succeeded());
    assertEquals(new BeamRunMetrics(2, 0, 3), outcome.metrics());
  }

  private static List<VoxNode> castNodes(List<Node> nodes) {
    List<VoxNode> out = new ArrayList<>();
    nodes.forEach(node -> out.add((VoxNode) node));
    return out;
  }

  private static Set<String> upstreamPrimitives(Plan plan, NodeId goal) {
    return upstreamPrimitivesStoppingAt(plan, goal, Set.of());
  }

  /** Primitive nodes {@code goal} needs, not walking past those in {@code stop}. */
  private static Set<String> upstreamPrimitivesStoppingAt(
      Plan plan, NodeId goal, Set<String> stop) {
    Set<String> found = new HashSet<>();
    List<NodeId> toVisit = new ArrayList<>(List.of(goal));
    Set<NodeId> seen = new HashSet<>(toVisit);
    while (!toVisit.isEmpty()) {
      Node node = plan.nodes().get(toVisit.remove(toVisit.size() - 1));
      if (stop.contains(node.id().hex()) || node.kind() != NodeKind.PRIMITIVE) {
        continue;
      }
      found.add(node.id().hex());
      for (NodeId dependency : node.dependencies()) {
        if (seen.add(dependency)) {
          toVisit.add(dependency);
        }
      }
    }
    return found;
  }
}
