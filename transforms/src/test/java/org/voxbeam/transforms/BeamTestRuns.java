package org.voxbeam.transforms;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
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
   * A pipeline a test adds PAsserts to before it runs, with abandoned-node enforcement on: a
   * PAssert added but never run, or a transform added after the run, fails the test (see {@link
   * #enforced}).
   */
  static TestPipeline pipeline(VoxBeamOptions options) {
    return TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
  }

  /**
   * Runs {@code body}, which builds and runs {@code pipeline}, the way Beam's JUnit 4 rule does:
   * then checks that the pipeline ran and that nothing was added to it after it ran. JUnit 5 has no
   * such extension in this Beam version, so the rule is applied by hand.
   */
  static <T> T enforced(TestPipeline pipeline, Supplier<T> body) {
    AtomicReference<T> result = new AtomicReference<>();
    Statement test =
        new Statement() {
          @Override
          public void evaluate() {
            result.set(body.get());
          }
        };
    try {
      pipeline.apply(test, Description.createTestDescription(BeamTestRuns.class, "run")).evaluate();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
    return result.get();
  }

  /**
   * Runs {@code plan} through the one Beam entry point in a TestPipeline under enforcement, letting
   * {@code assertions} add PAsserts on the summaries before the pipeline runs.
   */
  static BeamRun run(VoxBeamOptions options, Plan plan, Consumer<LoweredPlan> assertions) {
    try (BeamPlanRunner runner = BeamPlanRunner.open(options)) {
      TestPipeline pipeline = pipeline(options);
      return enforced(
          pipeline,
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
      TestPipeline next = first != null ? first : pipeline(options);
      first = null;
      return next;
    }
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
