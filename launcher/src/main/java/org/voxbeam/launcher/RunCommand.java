package org.voxbeam.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.Limits;
import org.voxbeam.api.ProgramSource;
import org.voxbeam.api.RunReport;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.launcher.config.Quantities;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunResultJson;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Runs a plan and reports each goal: {@code name=value} lines (Python's {@code str} of the value),
 * or one JSON document with {@code --json}. {@code save} goals are written to their files; one that
 * cannot be written is a failed goal. A progress bar and the run report go to standard error. Exit
 * code 0 when every goal materialized, 1 when some failed.
 *
 * <p>Without {@code --runner} (or with {@code --runner=in-process}) the plan runs on the in-process
 * scheduler; with a Beam runner's name it runs as a Beam pipeline, and every option this command
 * does not know is passed to Beam as is. Both go through {@link VoxBeam}.
 */
@Command(name = "run", description = "Run a plan and print its goals.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin PlanOptions planOptions;
  @Mixin StoreLocation storeLocation;
  @Mixin ProgressOptions progressOptions;
  @Mixin LimitOptions limitOptions;
  @Mixin PeerOptions peerOptions;
  @Mixin InputOptions inputOptions;

  @Option(names = "--threads", description = "Worker threads (default: one per core).")
  Integer threads;

  @Option(
      names = "--commit-interval",
      paramLabel = "DURATION",
      converter = Quantities.DurationConverter.class,
      description =
          "Commit computed results at least this often (e.g. 2s, the default): what a crash can lose.")
  Duration commitInterval;

  @Option(
      names = "--json",
      description = "Print the goals and the run report as one JSON document.")
  boolean json;

  @Option(
      names = "--runner",
      paramLabel = "RUNNER",
      description =
          "in-process (the default of 'run'), or a Beam runner: DirectRunner, FlinkRunner, SparkRunner.")
  String runner;

  @Option(
      names = "--no-cache",
      description = "Compute everything, whatever the store holds; the new results are stored.")
  boolean noCache;

  @Option(
      names = "--refresh",
      arity = "0..1",
      split = ",",
      paramLabel = "GOAL",
      preprocessor = OptionalValue.class,
      description =
          "Compute the named goals and everything they depend on, whatever the store holds"
              + " (--refresh=a,b); without names, every goal.")
  List<String> refresh;

  /** The runner when --runner is absent; the launcher's top-level form sets DirectRunner. */
  @Option(names = "--default-runner", hidden = true)
  String defaultRunner = RunSettings.IN_PROCESS;

  @Unmatched List<String> beamArguments = new ArrayList<>();

  @Override
  public Integer call() {
    if (threads != null && threads < 1) {
      throw new InvalidInputException("--threads must be at least 1, got " + threads);
    }
    if (noCache && refresh != null) {
      throw new InvalidInputException(
          "--no-cache and --refresh both say what to compute again; give one");
    }
    Limits limits = limitOptions.limits();
    PrintWriter err = spec.commandLine().getErr();
    RunReport report;
    try (VoxBeam voxbeam = storeLocation.open()) {
      if (RunSettings.IN_PROCESS.equals(runner != null ? runner : defaultRunner)) {
        voxbeam.openInBackground();
      }
      Plan plan = planOptions.load(limits);
      try (ProgressDisplay progress = progressOptions.display(err)) {
        report = voxbeam.run(plan, settings(limits).withProgress(progress));
      }
    }
    return report(report);
  }

  private RunSettings settings(Limits limits) {
    RunSettings settings =
        RunSettings.runner(runner != null ? runner : defaultRunner, beamArguments)
            .withLimits(limits)
            .withCachePolicy(cachePolicy())
            .withProgram(ProgramSource.file(planOptions.plan))
            .withPeers(peerOptions.settings())
            .withInputs(inputOptions.settings(storeLocation.endpoint()));
    if (threads != null) {
      settings = settings.withThreads(threads);
    }
    if (commitInterval != null) {
      settings = settings.withCommitInterval(commitInterval);
    }
    return settings;
  }

  private CachePolicy cachePolicy() {
    if (noCache) {
      return CachePolicy.noCache();
    }
    if (refresh == null) {
      return CachePolicy.reuse();
    }
    return CachePolicy.refresh(
        refresh.stream().map(String::strip).filter(name -> !name.isEmpty()).toList());
  }

  private int report(RunReport report) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, JsonValue> document =
          new LinkedHashMap<>(RunResultJson.toJson(report.result()).members());
      document.put("report", report.toJson());
      out.println(CanonicalJson.writeIndented(new JsonObject(document)));
    } else {
      for (GoalResult goal : report.goals()) {
        if (goal.goal().operation() == Goal.Operation.PRINT) {
          out.println(goal.goal().name() + "=" + PythonText.str(goal.value()));
        }
      }
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (GoalResult goal : report.goals()) {
      if (goal.goal().operation() == Goal.Operation.SAVE
          && goal.value() instanceof ErrorValue error) {
        err.println("error: " + error.message());
      }
    }
    RunReportText.lines(report).forEach(err::println);
    err.flush();
    return report.succeeded() ? ExitCodes.OK : ExitCodes.GOALS_FAILED;
  }

  /**
   * Lets {@code --refresh} stand alone: without {@code =}, it takes no value (so it does not
   * swallow the plan that follows it) and means every goal.
   */
  static final class OptionalValue implements IParameterPreprocessor {
    @Override
    public boolean preprocess(
        Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
      if (" ".equals(info.get("separator"))) {
        args.push("");
      }
      return false;
    }
  }
}
