package org.voxbeam.transforms;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.execution.ValueJson;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.testkit.beam.EnforcedPipelines;

/** Runs plans on Beam's DirectRunner through a TestPipeline, and in process for comparison. */
final class BeamTestRuns {
  private BeamTestRuns() {}

  /**
   * Options that cut even a tiny plan into up to {@code maxStages} stages, to test stage
   * boundaries.
   */
  static VoxBeamOptions options(Path store, int maxStages, int tasksPerStage) {
    VoxBeamOptions options = PipelineOptionsFactory.create().as(VoxBeamOptions.class);
    options.setRunner(DirectRunner.class);
    options.setStore(store.toString());
    options.setThreads(2);
    options.setMaxStages(maxStages);
    options.setMinNodesPerStage(1);
    options.setTasksPerStage(tasksPerStage);
    options.setCommitBatchSize(64);
    options.as(DirectOptions.class).setEnforceImmutability(false);
    options.as(DirectOptions.class).setBlockOnRun(true);
    return options;
  }

  /**
   * Runs {@code plan} through the one Beam entry point in a TestPipeline under enforcement, letting
   * {@code assertions} add PAsserts on the summaries before the pipeline runs.
   */
  static BeamRun run(VoxBeamOptions options, Plan plan, Consumer<LoweredPlan> assertions) {
    try {
      return runEnforced(options, plan, assertions);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
  }

  private static BeamRun runEnforced(
      VoxBeamOptions options, Plan plan, Consumer<LoweredPlan> assertions) throws Throwable {
    try (BeamPlanRunner runner = BeamPlanRunner.open(options)) {
      TestPipeline pipeline = EnforcedPipelines.pipeline(options);
      return EnforcedPipelines.enforced(
          pipeline,
          BeamTestRuns.class,
          "run",
          () ->
              runner.run(
                  plan,
                  new FirstThenFresh(pipeline, options),
                  new BeamRunListener() {
                    @Override
                    public void onLowered(LoweredPlan lowered) {
                      assertions.accept(lowered);
                    }
                  }));
    }
  }

  /**
   * The pipeline under enforcement, then (for a run planned again after a goal could not be read)
   * fresh ones, which Beam's enforcement cannot follow outside its rule.
   */
  private static final class FirstThenFresh implements Supplier<Pipeline> {
    private final VoxBeamOptions options;
    private TestPipeline first;

    FirstThenFresh(TestPipeline first, VoxBeamOptions options) {
      this.first = first;
      this.options = options;
    }

    @Override
    public Pipeline get() {
      TestPipeline next = first != null ? first : EnforcedPipelines.pipeline(options);
      first = null;
      return next;
    }
  }

  /**
   * Runs {@code stage} alone, applied to a {@code Create} of its tasks in an enforced pipeline,
   * after {@code assertions} added PAsserts on its summaries; checks that it emits nothing on
   * {@link RunStage#DONE}.
   */
  static void runStageAlone(
      VoxBeamOptions options,
      Stage stage,
      WorkerSettings workers,
      Consumer<PCollection<NodeSummary>> assertions)
      throws Throwable {
    TestPipeline pipeline = EnforcedPipelines.pipeline(options);
    EnforcedPipelines.enforced(
        pipeline,
        BeamTestRuns.class,
        RunStage.name(stage),
        () -> {
          PCollectionTuple outputs =
              pipeline
                  .apply(
                      "Tasks",
                      Create.of(StageInput.keyed(stage.tasks())).withCoder(RunStage.KEYED_TASKS))
                  .apply(RunStage.name(stage), new RunStage(stage, workers));
          PAssert.that(outputs.get(RunStage.DONE)).empty();
          assertions.accept(outputs.get(RunStage.SUMMARIES));
          return pipeline.run().waitUntilFinish();
        });
  }

  static RunResult inProcess(Plan plan) {
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      return new DynamicScheduler(
              new NodeEvaluator(StandardLibrary.registry()),
              store,
              SchedulerOptions.defaults().withThreads(2))
          .run(plan, ExecutionListener.NONE);
    }
  }

  /** Each goal's value as comparable text: canonical JSON, or the failure with its causes. */
  static Map<String, String> goalTexts(RunResult result) {
    Map<String, String> texts = new TreeMap<>();
    result.goals().forEach(goal -> texts.put(goal.goal().name(), text(goal.value())));
    return texts;
  }

  private static String text(Value value) {
    if (value instanceof ErrorValue error) {
      return "error: " + error.describe();
    }
    return value.voxType() + " " + CanonicalJson.write(ValueJson.toJson(value));
  }
}
