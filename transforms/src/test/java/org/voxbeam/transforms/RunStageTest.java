package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.ImageModelBinding;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.testkit.beam.TestPipelineExtension;

/**
 * Each stage of a plan is a transform of its own: applied alone in a TestPipeline to a {@code
 * Create} of its tasks, it reports every node (and item) it was given as computed, emits nothing on
 * {@link RunStage#DONE}, and commits what later stages read, so that running a plan's stages one
 * pipeline at a time gives the in-process results.
 */
class RunStageTest {
  private static final String PROGRAM =
      "k = 2 + 3\n"
          + "values = range(0, 12)\n"
          + "scaled = for i in values do i * i + k\n"
          + "big = filter x in values do x > 4\n"
          + "total = 1 + 2 + 3 + k\n"
          + "print \"scaled\" scaled\n"
          + "print \"big\" big\n"
          + "print \"total\" total\n";

  private static final NodeEvaluator EVALUATOR = new NodeEvaluator(StandardLibrary.registry());

  @TempDir Path temp;

  @Test
  void everyStageRunsAloneFromACreateOfItsTasks() throws Throwable {
    Plan plan = ImageModelBinding.bind(Reducer.standard().reduceText(PROGRAM, "stages.imgql"));
    StagePlan stages =
        new StagePlanner(EVALUATOR, new PlannerSettings(8, 4, 1))
            .plan(plan, new InMemoryResultStore());
    assertTrue(
        stages.stages().stream().anyMatch(Stage::fanOut), "the plan should have a fan-out stage");
    assertTrue(stages.stages().stream().anyMatch(stage -> !stage.fanOut()), "and a plain one");
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 8, 4);
    WorkerSettings workers =
        new WorkerSettings(new StoreSpec(options.getStore(), 1 << 20), "stage-test", 64, 2, 3);

    for (Stage stage : stages.stages()) {
      Set<String> expected = expectedSummaries(stage);
      int index = stage.index();
      int reports = stage.fanOut() ? 13 * expected.size() : expected.size();
      BeamTestRuns.runStageAlone(
          options,
          stage,
          workers,
          summaries ->
              PAssert.that(summaries)
                  .satisfies(
                      reportedSummaries -> {
                        Set<String> reported = new TreeSet<>();
                        for (NodeSummary summary : reportedSummaries) {
                          assertEquals(NodeOutcome.COMPUTED, summary.outcome(), summary::toString);
                          assertEquals(index, summary.stage(), summary::toString);
                          reported.add(summary.id());
                        }
                        assertTrue(
                            reported.containsAll(expected), "every node of the stage is reported");
                        assertEquals(
                            reports,
                            reported.size(),
                            "and, in a fan-out stage, the 12 items of each node");
                        return null;
                      }));
    }

    assertEquals(
        BeamTestRuns.goalTexts(BeamTestRuns.inProcess(plan)),
        BeamTestRuns.goalTexts(goals(plan, options)));
  }

  /** The first stage needs nothing stored: one pipeline, the test kit's, runs it alone. */
  @Test
  @ExtendWith(TestPipelineExtension.class)
  void theFirstStageRunsAloneInOnePipeline(TestPipeline pipeline) {
    Plan plan = ImageModelBinding.bind(Reducer.standard().reduceText(PROGRAM, "first.imgql"));
    Stage first =
        new StagePlanner(EVALUATOR, new PlannerSettings(8, 4, 1))
            .plan(plan, new InMemoryResultStore())
            .stages()
            .get(0);
    VoxBeamOptions options = pipeline.getOptions().as(VoxBeamOptions.class);
    options.setStore(temp.resolve("store").toString());
    WorkerSettings workers =
        new WorkerSettings(new StoreSpec(options.getStore(), 1 << 20), "first", 64, 2, 3);
    Set<String> expected = expectedSummaries(first);
    PCollectionTuple outputs =
        pipeline
            .apply(
                "Tasks", Create.of(StageInput.keyed(first.tasks())).withCoder(RunStage.KEYED_TASKS))
            .apply(RunStage.name(first), new RunStage(first, workers));
    PAssert.that(outputs.get(RunStage.DONE)).empty();
    PAssert.that(outputs.get(RunStage.SUMMARIES))
        .satisfies(
            summaries -> {
              Set<String> reported = new TreeSet<>();
              summaries.forEach(
                  summary -> {
                    assertEquals(NodeOutcome.COMPUTED, summary.outcome(), summary::toString);
                    reported.add(summary.id());
                  });
              assertTrue(reported.containsAll(expected), "every node of the stage is reported");
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void thePlansRunIsOneCompositeOfNamedStagesAndSteps() {
    Plan plan = ImageModelBinding.bind(Reducer.standard().reduceText(PROGRAM, "stages.imgql"));
    StagePlan stages =
        new StagePlanner(EVALUATOR, new PlannerSettings(8, 4, 1))
            .plan(plan, new InMemoryResultStore());
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 8, 4);
    WorkerSettings workers =
        new WorkerSettings(new StoreSpec(options.getStore(), 1 << 20), "names", 64, 2, 3);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(new RunPlan(stages, workers));

    List<String> transforms = new ArrayList<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            transforms.add(node.getFullName());
            return CompositeBehavior.ENTER_TRANSFORM;
          }

          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            transforms.add(node.getFullName());
          }
        });
    for (Stage stage : stages.stages()) {
      String name = "Run plan/" + RunStage.name(stage);
      assertTrue(transforms.contains(name), name + " in " + transforms);
      assertTrue(transforms.contains(name + "/" + RunStage.BARRIER), name + " has a barrier");
      String finishing = name + "/" + (stage.fanOut() ? RunStage.ASSEMBLE : RunStage.EXECUTE);
      assertTrue(transforms.contains(finishing), finishing + " in " + transforms);
      assertEquals(
          OptionalInt.of(stage.index()),
          BeamRunMetrics.nodeStage(finishing + "/ParMultiDo(Anonymous)"));
      if (stage.fanOut()) {
        assertEquals(
            OptionalInt.empty(),
            BeamRunMetrics.nodeStage(name + "/" + RunStage.EXECUTE_ITEMS + "/ParMultiDo"));
      }
      if (stage.index() > 0) {
        assertTrue(
            transforms.contains("Run plan/Stage " + stage.index() + " input"),
            "stage " + stage.index() + " waits");
      }
    }
    assertEquals("Stage 3: 12 tasks", RunStage.name(new Stage(3, 0, 0, tasks(12), false)));
    assertEquals("Stage 0: fan-out of 1 task", RunStage.name(new Stage(0, 0, 0, tasks(1), true)));
  }

  private static List<StageTask> tasks(int count) {
    List<StageTask> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tasks.add(new StageTask(0, i, List.of(), List.of(), List.of()));
    }
    return tasks;
  }

  private static Set<String> expectedSummaries(Stage stage) {
    Set<String> ids = new TreeSet<>();
    for (StageTask task : stage.tasks()) {
      task.compute().forEach(node -> ids.add(node.id().hex()));
    }
    return ids;
  }

  /** The goals as the driver collects them: from the store, constants and closures evaluated. */
  private static RunResult goals(Plan plan, VoxBeamOptions options) {
    Map<NodeId, Node> helpers = new HashMap<>();
    plan.nodes().values().stream()
        .filter(node -> node.kind() != NodeKind.PRIMITIVE)
        .forEach(node -> helpers.put(node.id(), node));
    try (StoreLease lease = SharedStores.acquire(new StoreSpec(options.getStore(), 0))) {
      lease.store().refresh();
      StoreBackedValues values = new StoreBackedValues(helpers, lease.store(), EVALUATOR);
      List<GoalResult> goals = new ArrayList<>();
      for (Goal goal : plan.goals()) {
        Value value = values.valueOf(goal.id());
        goals.add(new GoalResult(goal, value));
      }
      return new RunResult(goals, null);
    }
  }
}
