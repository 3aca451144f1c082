package org.voxbeam.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.GoalFiles;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.RunStats;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.execution.ValueJson;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.transforms.library.StandardLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Runs a plan and reports each goal: {@code name=value} lines (Python's {@code str} of the
 * value), or one JSON document with {@code --json}. {@code save} goals are written to their
 * files. Exit code 0 when every goal materialized, 1 when some failed.
 *
 * <p>Without {@code --runner} (or with {@code --runner=in-process}) the plan runs on the
 * in-process scheduler; with a Beam runner's name it runs as a Beam pipeline, and every option
 * this command does not know is passed to Beam as is. Both report through the same code.
 */
@Command(name = "run", description = "Run a plan and print its goals.")
final class RunCommand implements Callable<Integer> {
  static final String IN_PROCESS = "in-process";

  @Spec CommandSpec spec;
  @Mixin PlanOptions planOptions;

  @Mixin StoreLocation storeLocation;

  @Option(names = "--threads", description = "Worker threads (default: one per core).")
  Integer threads;

  @Option(names = "--json", description = "Print the goals as one JSON document.")
  boolean json;

  @Option(
      names = "--runner",
      paramLabel = "RUNNER",
      description = "in-process (the default of 'run'), or a Beam runner: DirectRunner, FlinkRunner, SparkRunner.")
  String runner;

  /** The runner when --runner is absent; the launcher's top-level form sets DirectRunner. */
  @Option(names = "--default-runner", hidden = true)
  String defaultRunner = IN_PROCESS;

  @Unmatched List<String> beamArguments = new ArrayList<>();

  @Override
  public Integer call() {
    if (threads != null && threads < 1) {
      throw new UserInputException("--threads must be at least 1, got " + threads);
    }
    String chosen = runner != null ? runner : defaultRunner;
    if (chosen.equals(IN_PROCESS) && !beamArguments.isEmpty()) {
      throw new UserInputException("unknown option(s) " + beamArguments + " (Beam options need a Beam --runner)");
    }
    Plan plan = planOptions.load();
    RunResult result = chosen.equals(IN_PROCESS) ? runInProcess(plan) : new BeamRun(chosen, beamArguments).run(plan, storeLocation, threads);
    return report(result);
  }

  private RunResult runInProcess(Plan plan) {
    SchedulerOptions options = SchedulerOptions.defaults();
    if (threads != null) {
      options = options.withThreads(threads);
    }
    try (ResultStore store = storeLocation.open()) {
      DynamicScheduler scheduler =
          new DynamicScheduler(new NodeEvaluator(StandardLibrary.registry()), store, options);
      return scheduler.run(plan, ExecutionListener.NONE);
    }
  }

  private int report(RunResult result) {
    boolean saved = saveGoals(result);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(CanonicalJson.writeIndented(toJson(result)));
    } else {
      for (GoalResult goal : result.goals()) {
        if (goal.goal().operation() == Goal.Operation.PRINT) {
          out.println(goal.goal().name() + "=" + PythonText.str(goal.value()));
        }
      }
    }
    out.flush();
    printSummary(result.stats());
    return result.succeeded() && saved ? ExitCodes.OK : ExitCodes.GOALS_FAILED;
  }

  private boolean saveGoals(RunResult result) {
    boolean allSaved = true;
    for (GoalResult goal : result.goals()) {
      if (goal.goal().operation() != Goal.Operation.SAVE || goal.failed()) {
        continue;
      }
      try {
        GoalFiles.save(Path.of(goal.goal().name()), goal.value());
      } catch (IOException | RuntimeException e) {
        spec.commandLine().getErr().println("error: cannot save goal to " + goal.goal().name() + ": " + e.getMessage());
        allSaved = false;
      }
    }
    return allSaved;
  }

  private void printSummary(RunStats stats) {
    spec.commandLine()
        .getErr()
        .printf(
            "voxbeam: %d nodes: %d computed, %d from store, %d failed, in %d ms%n",
            stats.nodes(), stats.computed(), stats.cached(), stats.failed(), stats.elapsed().toMillis());
  }

  private static JsonValue toJson(RunResult result) {
    List<JsonValue> goals = new ArrayList<>();
    for (GoalResult goal : result.goals()) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      fields.put("name", JsonValue.of(goal.goal().name()));
      fields.put("operation", JsonValue.of(goal.goal().operation().wireName()));
      fields.put("id", JsonValue.of(goal.goal().id().hex()));
      if (goal.value() instanceof ErrorValue error) {
        fields.put("status", JsonValue.of("failed"));
        fields.put("error", JsonValue.of(error.describe()));
      } else {
        fields.put("status", JsonValue.of("materialized"));
        fields.put("vox_type", JsonValue.of(goal.value().voxType()));
        fields.put("value", ValueJson.toJson(goal.value()));
      }
      goals.add(new JsonObject(fields));
    }
    RunStats stats = result.stats();
    Map<String, JsonValue> summary = new LinkedHashMap<>();
    summary.put("nodes", JsonValue.of(stats.nodes()));
    summary.put("computed", JsonValue.of(stats.computed()));
    summary.put("cached", JsonValue.of(stats.cached()));
    summary.put("failed", JsonValue.of(stats.failed()));
    summary.put("elapsed_ms", JsonValue.of(stats.elapsed().toMillis()));
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("goals", new JsonArray(goals));
    root.put("stats", new JsonObject(summary));
    return new JsonObject(root);
  }
}
