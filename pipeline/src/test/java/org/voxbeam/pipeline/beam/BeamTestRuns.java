package org.voxbeam.pipeline.beam;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.execution.ValueJson;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.transforms.library.StandardLibrary;

/** Runs plans on Beam's DirectRunner through a TestPipeline, and in process for comparison. */
final class BeamTestRuns {
  private BeamTestRuns() {}

  /** Options that cut even a tiny plan into up to {@code maxStages} stages, to test stage boundaries. */
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
    return options;
  }

  /** A pipeline a test adds PAsserts to before it runs; usable without a JUnit 4 rule. */
  static TestPipeline pipeline(VoxBeamOptions options) {
    return TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(false);
  }

  /** A finished Beam run: what the driver reports and what the runner counted, nodes and items. */
  record Outcome(RunResult result, BeamRunMetrics metrics, BeamRunMetrics itemMetrics) {}

  /** Lowers {@code plan}, lets {@code assertions} add PAsserts on the summaries, runs, collects. */
  static Outcome run(VoxBeamOptions options, Plan plan, java.util.function.Consumer<LoweredPlan> assertions) {
    try (BeamPlanRunner runner = BeamPlanRunner.open(options)) {
      TestPipeline pipeline = pipeline(options);
      LoweredPlan lowered = runner.lower(pipeline, plan);
      assertions.accept(lowered);
      PipelineResult result = pipeline.run();
      result.waitUntilFinish();
      return new Outcome(runner.collect(lowered, result), BeamRunMetrics.of(result), BeamRunMetrics.itemsOf(result));
    }
  }

  static RunResult inProcess(Plan plan) {
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      return new DynamicScheduler(new NodeEvaluator(StandardLibrary.registry()), store, SchedulerOptions.defaults().withThreads(2))
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
