package org.voxbeam.api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunCancellation;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.RunStats;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.StoreException;
import org.voxbeam.transforms.BeamPlanRunner;
import org.voxbeam.transforms.BeamRun;
import org.voxbeam.transforms.BeamRunException;
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
  private static final Logger LOG = LoggerFactory.getLogger(BeamExecution.class);

  private BeamExecution() {}

  /** The Beam runners on which a remote store works: each worker JVM opens it itself. */
  static final List<String> REMOTE_STORE_RUNNERS = List.of("DirectRunner", "FlinkRunner");

  /**
   * The run's store as the API opened it.
   *
   * @param directory the store directory, or a remote store's working directory in this process
   * @param remote the remote store's URI, if the store is remote
   * @param endpoint the S3-compatible server of an {@code s3://} store
   * @param cacheBytes memory for decoded results
   */
  record Store(Path directory, Optional<String> remote, Optional<URI> endpoint, long cacheBytes) {}

  static Execution run(Store store, Plan plan, RunSettings settings, RunCancellation cancellation) {
    VoxBeamOptions options = options(settings, store);
    Instant started = Instant.now();
    // The driver keeps the API's working directory (so the run record and the bytes written are
    // this process's); workers in other JVMs open the remote with directories of their own.
    Optional<Path> driverWork = store.remote().map(remote -> store.directory());
    try (BeamPlanRunner beam = BeamPlanRunner.open(options, driverWork)) {
      Watch watch = new Watch(settings.progress(), cancellation);
      BeamRun run;
      try {
        run = beam.run(plan, watch);
      } catch (BeamRunException e) {
        if (!cancellation.isCancelled()) {
          throw e;
        }
        return cancelled(plan, started);
      }
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

  /**
   * A pipeline cancelled mid-way: what its workers committed stays in the store for the next run,
   * but this run collects no goal.
   */
  private static Execution cancelled(Plan plan, Instant started) {
    Duration elapsed = Duration.between(started, Instant.now());
    List<GoalResult> goals =
        plan.goals().stream()
            .map(goal -> new GoalResult(goal, RunCancellation.goalValue(goal.id())))
            .toList();
    RunResult result =
        new RunResult(goals, new RunStats(plan.nodes().size(), 0, 0, 0, elapsed), true);
    return new Execution(result, List.of(new StageTime("pipeline", elapsed)), Optional.empty());
  }

  /**
   * Starts the stage clock once the stages are known, and feeds it while the pipeline runs; cancels
   * the pipeline once the run is cancelled.
   */
  private static final class Watch implements BeamRunListener {
    private final ProgressListener progress;
    private final RunCancellation cancellation;
    private BeamStageClock clock;
    private boolean cancelRequested;

    Watch(ProgressListener progress, RunCancellation cancellation) {
      this.progress = progress;
      this.cancellation = cancellation;
    }

    @Override
    public void onLowered(LoweredPlan lowered) {
      clock = new BeamStageClock(lowered.stages(), progress, Instant.now());
    }

    @Override
    public void whileRunning(PipelineResult running) {
      clock.observe(running);
      if (cancellation.isCancelled() && !cancelRequested) {
        cancelRequested = true;
        try {
          running.cancel();
        } catch (IOException | UnsupportedOperationException e) {
          LOG.warn("the runner cannot cancel the pipeline; it runs to its end: {}", e.toString());
        }
      }
    }
  }

  /** The user's Beam arguments as Beam parses them, then the launcher's values for the rest. */
  static VoxBeamOptions options(RunSettings settings, Store store) {
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
      options.setStore(store.remote().orElseGet(() -> store.directory().toString()));
      if (!given.contains("storeEndpoint")) {
        store.endpoint().ifPresent(options::setStoreEndpoint);
      }
    }
    if (!given.contains("cacheMb") && !given.contains("cacheBytes")) {
      options.setCacheBytes(store.cacheBytes());
    }
    if (!given.contains("maxVoxels")) {
      options.setMaxVoxels(settings.limits().maxVoxels());
    }
    if (!given.contains("maxDecompressedMb")) {
      options.setMaxDecompressedMb(Math.max(1, settings.limits().maxDecompressedBytes() >> 20));
    }
    RemoteInputs inputs = settings.inputs();
    if (!inputs.roots().isEmpty() && !given.contains("inputRoots")) {
      options.setInputRoots(inputs.roots().stream().map(URI::toString).toList());
    }
    if (!given.contains("inputEndpoint")) {
      inputs.s3Endpoint().ifPresent(options::setInputEndpoint);
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
