package org.voxbeam.api;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.voxbeam.pipeline.beam.BeamPlanRunner;
import org.voxbeam.pipeline.beam.BeamRunException;
import org.voxbeam.pipeline.beam.LoweredPlan;
import org.voxbeam.pipeline.beam.VoxBeamOptions;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.StoreException;

/**
 * Runs a plan as a Beam pipeline. The runner's own options are passed to Beam untouched; the
 * store directory, its cache, the image limits and the thread count become the matching {@link VoxBeamOptions}
 * unless the caller set those directly.
 *
 * <p>The pipeline is lowered, run and collected through {@link BeamPlanRunner}'s split API so
 * that it can be watched while it runs ({@link BeamStageClock}); on the DirectRunner
 * {@code run()} is made to return at once for that, unless {@code --blockOnRun} is given.
 */
final class BeamExecution {
  private static final org.joda.time.Duration POLL = org.joda.time.Duration.millis(200);

  private final List<String> beamArguments;

  private BeamExecution(List<String> beamArguments) {
    this.beamArguments = beamArguments;
  }

  static Execution run(Path store, long cacheBytes, Plan plan, RunSettings settings) {
    return new BeamExecution(settings.beamArguments()).execute(store, cacheBytes, plan, settings);
  }

  private Execution execute(Path store, long cacheBytes, Plan plan, RunSettings settings) {
    VoxBeamOptions options = options(settings, store, cacheBytes);
    try (BeamPlanRunner beam = BeamPlanRunner.open(options)) {
      Instant started = Instant.now();
      Pipeline pipeline = Pipeline.create(options);
      LoweredPlan lowered = beam.lower(pipeline, plan);
      Instant built = Instant.now();
      BeamStageClock clock = new BeamStageClock(lowered.stages(), settings.progress(), built);
      PipelineResult pipelineResult = runToCompletion(pipeline, clock);
      Instant finished = Instant.now();
      RunResult result = beam.collect(lowered, pipelineResult);
      List<StageTime> stages = new ArrayList<>();
      stages.add(new StageTime("planning", Duration.between(started, built)));
      stages.addAll(clock.times(finished));
      stages.add(new StageTime("collecting goals", Duration.between(finished, Instant.now())));
      return new Execution(result, stages);
    } catch (IllegalArgumentException | StoreException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private static PipelineResult runToCompletion(Pipeline pipeline, BeamStageClock clock) {
    try {
      PipelineResult result = pipeline.run();
      PipelineResult.State state = result.getState();
      while (state == null || !state.isTerminal()) {
        clock.observe(result);
        state = result.waitUntilFinish(POLL);
      }
      if (state != PipelineResult.State.DONE) {
        throw new BeamRunException("the Beam pipeline ended in state " + state, null);
      }
      return result;
    } catch (Pipeline.PipelineExecutionException e) {
      throw new BeamRunException("the Beam pipeline failed: " + e.getCause(), e.getCause());
    }
  }

  private VoxBeamOptions options(RunSettings settings, Path store, long cacheBytes) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--runner=" + settings.runner());
    arguments.addAll(beamArguments);
    addUnlessGiven(arguments, "store", store.toString());
    addUnlessGiven(arguments, "cacheMb", Long.toString(cacheBytes >> 20));
    addUnlessGiven(arguments, "maxVoxels", Long.toString(settings.limits().maxVoxels()));
    long decompressedMegabytes = Math.max(1, settings.limits().maxDecompressedBytes() >> 20);
    addUnlessGiven(arguments, "maxDecompressedMb", Long.toString(decompressedMegabytes));
    if (settings.threads() > 0) {
      addUnlessGiven(arguments, "threads", Integer.toString(settings.threads()));
    }
    settings.runId().ifPresent(id -> arguments.add("--runId=" + id));
    if (settings.cachePolicy().everything()) {
      arguments.add("--noCache=true");
    } else if (!settings.cachePolicy().goals().isEmpty()) {
      arguments.add("--refresh=" + String.join(",", settings.cachePolicy().goals()));
    }
    VoxBeamOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(arguments.toArray(new String[0])).withValidation().as(VoxBeamOptions.class);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(runnerHint(e.getMessage()));
    }
    if (options.getRunner() == DirectRunner.class) {
      adjustDirectRunner(options.as(DirectOptions.class));
    }
    return options;
  }

  /**
   * Tasks and summaries are immutable records, so the DirectRunner's defensive immutability and
   * encodability checks only cost time; and a {@code run()} that returns at once lets the
   * pipeline be watched. Each applies unless the caller set the option.
   */
  private void adjustDirectRunner(DirectOptions direct) {
    if (!given("enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given("enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
    if (!given("blockOnRun")) {
      direct.setBlockOnRun(false);
    }
  }

  private void addUnlessGiven(List<String> arguments, String name, String value) {
    if (!given(name)) {
      arguments.add("--" + name + "=" + value);
    }
  }

  private boolean given(String name) {
    return beamArguments.stream().anyMatch(argument -> argument.equals("--" + name) || argument.startsWith("--" + name + "="));
  }

  private static String runnerHint(String message) {
    if (message != null && message.contains("Unknown 'runner'")) {
      return message + " (FlinkRunner and SparkRunner are in the jar built with -Pflink or -Pspark)";
    }
    return message;
  }
}
