package org.voxbeam.launcher.http;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.Limits;
import org.voxbeam.api.ProgramSource;
import org.voxbeam.api.RunReport;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Runs submitted over HTTP: a bounded queue in front of a small pool, and the most recent {@value
 * #KEPT_RUNS} runs kept for status queries (their goal values stay in the store after that, and
 * every finished run is in the store's run record under the same id). A full queue refuses new runs
 * rather than growing without bound. {@code save} goals are written only inside the data roots; one
 * outside them, or that cannot be written, is a failed goal.
 */
final class RunRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunRegistry.class);

  /** How long {@link #close} waits for cancelled runs to stop. */
  private static final long STOP_SECONDS = 30;

  private static final int KEPT_RUNS = 10_000;

  private final VoxBeam voxbeam;
  private final RunSettings settings;
  private final DataRoots dataRoots;
  private final ThreadPoolExecutor pool;
  private final Map<String, SubmittedRun> runs =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SubmittedRun> eldest) {
          return size() > KEPT_RUNS;
        }
      };

  RunRegistry(
      VoxBeam voxbeam,
      RunSettings settings,
      DataRoots dataRoots,
      int parallelRuns,
      int queueLength) {
    this.voxbeam = voxbeam;
    this.settings = settings;
    this.dataRoots = dataRoots;
    this.pool =
        new ThreadPoolExecutor(
            parallelRuns,
            parallelRuns,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueLength));
  }

  /**
   * Queues {@code plan} to run within {@code limits} under {@code policy}, with the standard
   * operators confined to the data roots; {@code program} is what the run record keeps as its
   * source.
   */
  SubmittedRun submit(Plan plan, Limits limits, CachePolicy policy, ProgramSource program) {
    SubmittedRun run = new SubmittedRun(UUID.randomUUID().toString());
    synchronized (runs) {
      runs.put(run.id(), run);
    }
    RunSettings runSettings =
        settings
            .withLimits(limits)
            .withOperators(
                StandardLibrary.registry(
                    dataRoots.asFileAccess().allowingRemote(settings.inputs().roots()),
                    limits.images()))
            .withRunId(run.id())
            .withCachePolicy(policy)
            .withProgram(program)
            .withSaves(this::saveTarget);
    try {
      pool.execute(() -> execute(run, plan, runSettings));
    } catch (RejectedExecutionException e) {
      synchronized (runs) {
        runs.remove(run.id());
      }
      throw new ApiException(429, "too_many_runs", "the run queue is full; retry later");
    }
    return run;
  }

  Optional<SubmittedRun> find(String id) {
    synchronized (runs) {
      return Optional.ofNullable(runs.get(id));
    }
  }

  /** Live runs (queued, running, or finished and not yet forgotten), newest first. */
  List<SubmittedRun> live() {
    synchronized (runs) {
      List<SubmittedRun> all = new ArrayList<>(runs.values());
      Collections.reverse(all);
      return all;
    }
  }

  private void execute(SubmittedRun run, Plan plan, RunSettings runSettings) {
    run.started();
    try {
      RunReport report = voxbeam.run(plan, runSettings.withProgress(run), run.cancellation());
      report.goals().stream()
          .filter(goal -> goal.goal().operation() == Goal.Operation.SAVE && goal.failed())
          .forEach(goal -> LOG.warn("run {}: {}", run.id(), PythonText.str(goal.value())));
      run.finished(report);
    } catch (RuntimeException e) {
      LOG.error("run {} aborted", run.id(), e);
      run.aborted(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** Where a {@code save} goal is written: inside the data roots, or nowhere. */
  private Path saveTarget(String name) {
    return dataRoots
        .resolve(name)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "'" + name + "' is outside the server's data roots; not written"));
  }

  /**
   * Cancels the runs and waits, up to {@value #STOP_SECONDS} seconds, for them to stop: a run
   * interrupted midway finishes the commit under way and records itself, and the store must not be
   * written after the server that owns it has closed.
   */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("runs were still running {} s after the server closed", STOP_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
