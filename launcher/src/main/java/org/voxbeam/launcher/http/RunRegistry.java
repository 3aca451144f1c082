package org.voxbeam.launcher.http;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.voxbeam.api.RunReport;
import org.voxbeam.api.Limits;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.pipeline.execution.GoalFiles;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.transforms.library.StandardLibrary;

/**
 * Runs submitted over HTTP: a bounded queue in front of a small pool, and the most recent
 * {@value #KEPT_RUNS} runs kept for status queries (their goal values stay in the store after
 * that). A full queue refuses new runs rather than growing without bound.
 */
final class RunRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunRegistry.class);
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

  RunRegistry(VoxBeam voxbeam, RunSettings settings, DataRoots dataRoots, int parallelRuns, int queueLength) {
    this.voxbeam = voxbeam;
    this.settings = settings;
    this.dataRoots = dataRoots;
    this.pool =
        new ThreadPoolExecutor(
            parallelRuns, parallelRuns, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueLength));
  }

  /**
   * Queues {@code plan} to run within {@code limits}, with the standard operators confined to
   * the data roots.
   */
  SubmittedRun submit(Plan plan, Limits limits) {
    SubmittedRun run = new SubmittedRun(UUID.randomUUID().toString());
    synchronized (runs) {
      runs.put(run.id(), run);
    }
    try {
      pool.execute(() -> execute(run, plan, limits));
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

  private void execute(SubmittedRun run, Plan plan, Limits limits) {
    run.started();
    try {
      RunSettings runSettings =
          settings
              .withLimits(limits)
              .withOperators(StandardLibrary.registry(dataRoots.asFileAccess(), limits.images()))
              .withProgress(run);
      RunReport report = voxbeam.run(plan, runSettings);
      List<String> refused = save(report.result());
      refused.forEach(reason -> LOG.warn("run {}: {}", run.id(), reason));
      run.finished(report, refused);
    } catch (RuntimeException e) {
      LOG.error("run {} aborted", run.id(), e);
      run.aborted(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** Writes {@code save} goals that lie inside the data roots; reports the others. */
  private List<String> save(RunResult result) {
    List<String> refused = new ArrayList<>();
    for (GoalResult goal : result.goals()) {
      if (goal.goal().operation() != Goal.Operation.SAVE || goal.failed()) {
        continue;
      }
      Optional<Path> target = dataRoots.resolve(goal.goal().name());
      if (target.isEmpty()) {
        refused.add("save goal '" + goal.goal().name() + "' is outside the data roots; not written");
        continue;
      }
      try {
        GoalFiles.save(target.get(), goal.value());
      } catch (IOException | RuntimeException e) {
        refused.add("cannot save goal to " + goal.goal().name() + ": " + e.getMessage());
      }
    }
    return refused;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
