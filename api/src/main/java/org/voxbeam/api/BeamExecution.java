package org.voxbeam.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.StoreException;
import org.voxbeam.transforms.BeamPlanRunner;
import org.voxbeam.transforms.BeamRun;
import org.voxbeam.transforms.BeamRunListener;
import org.voxbeam.transforms.GivenOptions;
import org.voxbeam.transforms.LoweredPlan;
import org.voxbeam.transforms.VoxBeamOptions;

/**
 * Runs a plan as a Beam pipeline through {@link BeamPlanRunner}. The runner's own options are
 * parsed by Beam as the user gave them; the store directory, its cache, the image limits, the
 * thread count, the run id and the cache policy are then set on the {@link VoxBeamOptions} unless
 * the user gave those options directly ({@link GivenOptions}). The pipeline is watched while it
 * runs ({@link BeamStageClock}).
 */
final class BeamExecution {
  private BeamExecution() {}

  static Execution run(Path store, long cacheBytes, Plan plan, RunSettings settings) {
    VoxBeamOptions options = options(settings, store, cacheBytes);
    try (BeamPlanRunner beam = BeamPlanRunner.open(options)) {
      Watch watch = new Watch(settings.progress());
      BeamRun run = beam.run(plan, watch);
      Instant finished = Instant.now().minus(run.collecting());
      List<StageTime> stages = new ArrayList<>();
      stages.add(new StageTime("planning", run.lowering()));
      stages.addAll(watch.clock.times(finished));
      stages.add(new StageTime("collecting goals", run.collecting()));
      return new Execution(run.result(), stages, Optional.empty());
    } catch (IllegalArgumentException | StoreException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  /** Starts the stage clock once the stages are known, and feeds it while the pipeline runs. */
  private static final class Watch implements BeamRunListener {
    private final ProgressListener progress;
    private BeamStageClock clock;

    Watch(ProgressListener progress) {
      this.progress = progress;
    }

    @Override
    public void onLowered(LoweredPlan lowered) {
      clock = new BeamStageClock(lowered.stages(), progress, Instant.now());
    }

    @Override
    public void whileRunning(PipelineResult running) {
      clock.observe(running);
    }
  }

  /** The user's Beam arguments as Beam parses them, then the launcher's values for the rest. */
  static VoxBeamOptions options(RunSettings settings, Path store, long cacheBytes) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--runner=" + settings.runner());
    arguments.addAll(settings.beamArguments());
    VoxBeamOptions options;
    try {
      options =
          PipelineOptionsFactory.fromArgs(arguments.toArray(new String[0]))
              .withValidation()
              .as(VoxBeamOptions.class);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(runnerHint(e.getMessage()));
    }
    GivenOptions given = GivenOptions.of(options);
    if (!given.contains("store")) {
      options.setStore(store.toString());
    }
    if (!given.contains("cacheMb") && !given.contains("cacheBytes")) {
      options.setCacheBytes(cacheBytes);
    }
    if (!given.contains("maxVoxels")) {
      options.setMaxVoxels(settings.limits().maxVoxels());
    }
    if (!given.contains("maxDecompressedMb")) {
      options.setMaxDecompressedMb(Math.max(1, settings.limits().maxDecompressedBytes() >> 20));
    }
    if (settings.threads() > 0 && !given.contains("threads")) {
      options.setThreads(settings.threads());
    }
    settings.runId().ifPresent(options::setRunId);
    if (settings.cachePolicy().everything()) {
      options.setNoCache(true);
    } else if (!settings.cachePolicy().goals().isEmpty()) {
      options.setRefresh(String.join(",", settings.cachePolicy().goals()));
    }
    return options;
  }

  private static String runnerHint(String message) {
    if (message != null && message.contains("Unknown 'runner'")) {
      return message
          + " (FlinkRunner and SparkRunner are in the jar built with -Pflink or -Pspark)";
    }
    return message;
  }
}
