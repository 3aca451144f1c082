package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.ImageModelBinding;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.testkit.beam.EnforcedPipelines;

/**
 * The items of a fan-out stage travel in batches: the expand step emits batches that cover every
 * item once, at most {@code --itemsPerBatch} each (or spread evenly over the groups), the item step
 * computes each batch in one call and reports every item, and each of its bundles commits one
 * segment; the values are the in-process ones.
 */
class BatchedFanOutTest {
  private static final int ITEMS = 200;
  private static final String PROGRAM =
      "s = for i in range(0, " + ITEMS + ") do i * 2 + 1\nprint \"total\" fold + 0 s\n";
  private static final NodeEvaluator EVALUATOR = new NodeEvaluator(StandardLibrary.registry());

  @TempDir Path temp;

  @Test
  void batchesAreSizedFromTheItemsAndTheSpreadUnlessSet() {
    assertEquals(250, ExpandItemsFn.batchSize(1_000, 4, 0, 1_024), "one batch per group");
    assertEquals(1_024, ExpandItemsFn.batchSize(10_000, 8, 0, 1_024), "at most a commit");
    assertEquals(1, ExpandItemsFn.batchSize(3, 8, 0, 1_024), "never empty");
    assertEquals(7, ExpandItemsFn.batchSize(10_000, 8, 7, 1_024), "as set");
  }

  @Test
  void theExpandStepCoversEveryItemOnceInBatches() throws Throwable {
    Plan plan = ImageModelBinding.bind(Reducer.standard().reduceText(PROGRAM, "batches.imgql"));
    StagePlan stages =
        new StagePlanner(EVALUATOR, new PlannerSettings(8, 4, 1))
            .plan(plan, new InMemoryResultStore());
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 8, 4);
    WorkerSettings workers =
        new WorkerSettings(new StoreSpec(options.getStore(), 1 << 20), "batches", 64, 2, 3, 16);
    Stage fanOut = stages.stages().stream().filter(Stage::fanOut).findFirst().orElseThrow();
    for (Stage stage : stages.stages()) {
      if (stage.index() >= fanOut.index()) {
        break;
      }
      runStage(options, stage, workers);
    }

    TestPipeline pipeline = EnforcedPipelines.pipeline(options);
    EnforcedPipelines.enforced(
        pipeline,
        BatchedFanOutTest.class,
        "expand items",
        () -> {
          PCollection<KV<Integer, ItemBatch>> batches =
              pipeline
                  .apply(
                      "Tasks",
                      Create.of(StageInput.keyed(fanOut.tasks())).withCoder(RunStage.KEYED_TASKS))
                  .apply(GroupByKey.create())
                  .apply(
                      ParDo.of(
                          new ExpandItemsFn(
                              workers.store(),
                              workers.runId(),
                              workers.itemSpread(),
                              workers.itemsPerBatch(),
                              workers.commitBatchSize())))
                  .setCoder(RunStage.KEYED_ITEMS);
          PAssert.that(batches)
              .satisfies(
                  elements -> {
                    List<ItemBatch> sorted = new ArrayList<>();
                    elements.forEach(
                        keyed -> {
                          assertTrue(keyed.getKey() >= 0 && keyed.getKey() < 3, keyed::toString);
                          sorted.add(keyed.getValue());
                        });
                    sorted.sort((a, b) -> Integer.compare(a.from(), b.from()));
                    assertEquals((ITEMS + 15) / 16, sorted.size(), "batches of 16 items");
                    int next = 0;
                    for (ItemBatch batch : sorted) {
                      assertEquals(next, batch.from(), "no item missed or repeated");
                      assertTrue(batch.size() <= 16, batch::toString);
                      next = batch.to();
                    }
                    assertEquals(ITEMS, next);
                    return null;
                  });
          return pipeline.run().waitUntilFinish();
        });
  }

  @Test
  void theBatchedStageReportsEveryItemAndEachBundleCommitsOneSegment() throws Throwable {
    Plan plan = ImageModelBinding.bind(Reducer.standard().reduceText(PROGRAM, "batches.imgql"));
    StagePlan stages =
        new StagePlanner(EVALUATOR, new PlannerSettings(8, 4, 1))
            .plan(plan, new InMemoryResultStore());
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 8, 4);
    int spread = 3;
    WorkerSettings workers =
        new WorkerSettings(
            new StoreSpec(options.getStore(), 1 << 20), "batches", 1_024, 2, spread, 0);
    Stage fanOut = stages.stages().stream().filter(Stage::fanOut).findFirst().orElseThrow();
    Set<String> children = new TreeSet<>();
    fanOut.tasks().stream()
        .flatMap(task -> task.compute().stream())
        .forEach(
            node -> {
              for (int i = 0; i < ITEMS; i++) {
                children.add(NodeHashing.sequenceItemId(node.id(), i).hex());
              }
            });
    for (Stage stage : stages.stages()) {
      int before = segments(options);
      if (stage.index() != fanOut.index()) {
        runStage(options, stage, workers);
        continue;
      }
      BeamTestRuns.runStageAlone(
          options,
          stage,
          workers,
          summaries ->
              PAssert.that(summaries)
                  .satisfies(
                      reported -> {
                        Set<String> items = new TreeSet<>();
                        for (NodeSummary summary : reported) {
                          assertEquals(NodeOutcome.COMPUTED, summary.outcome(), summary::toString);
                          if (children.contains(summary.id())) {
                            assertTrue(items.add(summary.id()), "each item reported once");
                          }
                        }
                        assertEquals(children, items);
                        return null;
                      }));
      int written = segments(options) - before;
      assertTrue(
          written <= spread + stage.tasks().size(),
          "one segment per item group and per assembled task, got " + written);
    }
    assertEquals(
        BeamTestRuns.goalTexts(BeamTestRuns.inProcess(plan)),
        BeamTestRuns.goalTexts(BeamTestRuns.run(options, plan, lowered -> {}).result()));
  }

  private static void runStage(VoxBeamOptions options, Stage stage, WorkerSettings workers)
      throws Throwable {
    BeamTestRuns.runStageAlone(options, stage, workers, summaries -> {});
  }

  private static int segments(VoxBeamOptions options) throws IOException {
    Path directory = new StoreLayout(Path.of(options.getStore())).segments();
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return Math.toIntExact(files.filter(SegmentFiles::isSegment).count());
    }
  }
}
