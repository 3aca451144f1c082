package org.voxbeam.transforms;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.ImageModelBinding;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.ReadableResults;
import org.voxbeam.pipeline.execution.ResultReuse;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.RunStats;
import org.voxbeam.pipeline.inputs.InputFingerprints;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * The one way a plan runs on Beam, for the CLI, the Java API, the benchmarks and the tests: plans
 * it against the store, adds it to a pipeline as one {@link RunPlan} on whichever runner the
 * options name, runs the pipeline, checks that it ended well, and reports it exactly as the
 * in-process scheduler does: a {@link RunResult} with each goal's value, read from the store after
 * the pipeline finished, and the same counts.
 *
 * <p>Holds the store open (shared with workers in this JVM) from {@link #open} to {@link #close}.
 */
public final class BeamPlanRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BeamPlanRunner.class);
  private static final org.joda.time.Duration POLL = org.joda.time.Duration.millis(200);

  private final VoxBeamOptions options;
  private final GivenOptions given;
  private final StoreSpec storeSpec;
  private final StoreLease lease;
  private final String runId;
  private final NodeEvaluator evaluator;

  private BeamPlanRunner(
      VoxBeamOptions options, GivenOptions given, StoreSpec storeSpec, StoreSpec driverStore) {
    this.options = options;
    this.given = given;
    this.evaluator = WorkerOperators.evaluator(options);
    this.storeSpec = storeSpec;
    this.lease = SharedStores.acquire(driverStore);
    this.runId =
        options.getRunId() == null || options.getRunId().isBlank()
            ? UUID.randomUUID().toString()
            : options.getRunId();
  }

  /**
   * A runner for {@code options}, with its store open. On the DirectRunner, its element checks are
   * turned off and its threads set to {@code --threads} unless the options set them (see {@link
   * DirectRunnerDefaults}).
   *
   * @throws IllegalArgumentException if an option is out of range or the store is not set
   * @throws org.voxbeam.storage.StoreException if the store cannot be opened
   */
  public static BeamPlanRunner open(VoxBeamOptions options) {
    return open(options, Optional.empty());
  }

  /**
   * As {@link #open(VoxBeamOptions)}, with the driver's own working directory for a remote store
   * (the launcher's {@code --store-work-dir}), which the workers in this JVM share; workers in
   * other JVMs use {@code --storeWorkDir} or a temporary directory of their own.
   */
  public static BeamPlanRunner open(VoxBeamOptions options, Optional<Path> driverWorkDirectory) {
    if (options.getStore() == null || options.getStore().isBlank()) {
      throw new IllegalArgumentException("--store is required: the directory of the result store");
    }
    requireAtLeast("--threads", options.getThreads(), 0);
    requireAtLeast("--maxStages", options.getMaxStages(), 1);
    requireAtLeast("--tasksPerStage", options.getTasksPerStage(), 0);
    requireAtLeast("--minNodesPerStage", options.getMinNodesPerStage(), 1);
    requireAtLeast("--commitBatchSize", options.getCommitBatchSize(), 1);
    requireAtLeast("--itemsPerBatch", options.getItemsPerBatch(), 0);
    if (options.getCacheMb() < 0) {
      throw new IllegalArgumentException(
          "--cacheMb must not be negative, got " + options.getCacheMb());
    }
    if (options.getCacheBytes() != null && options.getCacheBytes() < 0) {
      throw new IllegalArgumentException(
          "--cacheBytes must not be negative, got " + options.getCacheBytes());
    }
    WorkerOperators.files(options);
    WorkerOperators.inputRoots(options);
    GivenOptions given = GivenOptions.of(options);
    if (options.getRunner() == DirectRunner.class) {
      DirectRunnerDefaults.apply(options, given, options.getThreads());
    }
    StoreSpec store =
        new StoreSpec(
            options.getStore(),
            options.getStoreEndpoint(),
            options.getStoreWorkDir(),
            cacheBytes(options));
    return new BeamPlanRunner(
        options, given, store, driverWorkDirectory.map(store::withWorkDirectory).orElse(store));
  }

  private static long cacheBytes(VoxBeamOptions options) {
    return options.getCacheBytes() != null ? options.getCacheBytes() : options.getCacheMb() << 20;
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
    }
  }

  /** Runs {@code plan} on the runner the options name. */
  public BeamRun run(Plan plan) {
    return run(plan, BeamRunListener.NONE);
  }

  /**
   * Runs {@code plan} on the runner the options name, telling {@code listener} as it goes. On the
   * DirectRunner, {@code run()} returns at once (unless {@code --blockOnRun} is given) so that the
   * pipeline can be watched while it runs.
   *
   * @throws IllegalArgumentException if {@code --refresh} names a goal the plan does not have
   * @throws BeamRunException if the pipeline failed or ended in another state than done
   */
  public BeamRun run(Plan plan, BeamRunListener listener) {
    if (options.getRunner() == DirectRunner.class) {
      DirectRunnerDefaults.returnAtOnce(options, given);
    }
    return run(plan, () -> Pipeline.create(options), listener);
  }

  /**
   * Runs {@code plan} in pipelines from {@code pipelines}, which the caller builds from this
   * runner's options (a {@code TestPipeline}, say), each holding nothing else the run could wait
   * for. One pipeline is enough unless a goal cannot be read from the store once the pipeline is
   * done (a result the plan found stored was evicted meanwhile, or its blob failed verification):
   * then the plan is planned again against only the results the store can deliver and run in a
   * second pipeline, which computes the lost ones again from their ancestry, as the in-process
   * scheduler does. A lost result costs time, never a wrong or missing value.
   *
   * @throws IllegalArgumentException if {@code --refresh} names a goal the plan does not have
   * @throws BeamRunException if a pipeline failed or ended in another state than done
   */
  public BeamRun run(Plan plan, Supplier<Pipeline> pipelines, BeamRunListener listener) {
    BeamRun first = runOnce(plan, pipelines.get(), listener, lease.store());
    long lost =
        first.result().goals().stream()
            .filter(goal -> StoreBackedValues.missingFromStore(goal.value()))
            .count();
    if (lost == 0) {
      return first;
    }
    LOG.warn(
        "{} goal(s) could not be read from the store after the run; planning again without the"
            + " stored results that cannot be read",
        lost);
    BeamRun again = runOnce(plan, pipelines.get(), listener, new ReadableResults(lease.store()));
    return new BeamRun(
        again.result(),
        again.stages(),
        again.metrics(),
        again.itemMetrics(),
        first.lowering().plus(again.lowering()),
        first.running().plus(again.running()),
        first.collecting().plus(again.collecting()));
  }

  private BeamRun runOnce(
      Plan plan, Pipeline pipeline, BeamRunListener listener, ResultStore planning) {
    Instant started = Instant.now();
    // The shared store re-lists its segments on a lookup miss at most once a second (see
    // SharedStores): look once before planning, so results other processes committed are reused.
    lease.store().refresh();
    LoweredPlan lowered = lower(pipeline, plan, planning, started);
    listener.onLowered(lowered);
    Instant running = Instant.now();
    PipelineResult result = runToCompletion(pipeline, listener);
    Instant finished = Instant.now();
    RunResult collected = collect(lowered, result);
    return new BeamRun(
        collected,
        lowered.stages(),
        BeamRunMetrics.of(result),
        BeamRunMetrics.itemsOf(result),
        Duration.between(started, running),
        Duration.between(running, finished),
        Duration.between(finished, Instant.now()));
  }

  /** The run's id, recorded in every row its workers write. */
  public String runId() {
    return runId;
  }

  private static PipelineResult runToCompletion(Pipeline pipeline, BeamRunListener listener) {
    try {
      PipelineResult result = pipeline.run();
      PipelineResult.State state = result.getState();
      while (state == null || !state.isTerminal()) {
        listener.whileRunning(result);
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

  /**
   * Plans {@code plan} against {@code planning} (the store, or the part of it that can be read),
   * reusing what the options' cache policy ({@code --noCache}, {@code --refresh}) allows, and adds
   * its stages to {@code pipeline}.
   */
  private LoweredPlan lower(Pipeline pipeline, Plan plan, ResultStore planning, Instant started) {
    Plan bound = ImageModelBinding.bind(plan);
    ResultReuse reuse = ResultReuse.of(bound, planning, cachePolicy(), InputFingerprints.shared());
    StagePlan stages = new StagePlanner(evaluator, settings()).plan(bound, reuse);
    long building = System.nanoTime();
    WorkerSettings workers =
        new WorkerSettings(
            storeSpec,
            runId,
            options.getCommitBatchSize(),
            threads(),
            settings().tasksPerStage(),
            options.getItemsPerBatch());
    PCollection<NodeSummary> summaries = pipeline.apply(new RunPlan(stages, workers));
    LOG.info(
        "built a pipeline of {} stages, {} tasks, in {} ms",
        stages.stages().size(),
        stages.taskCount(),
        Duration.ofNanos(System.nanoTime() - building).toMillis());
    return new LoweredPlan(plan, stages, summaries, started);
  }

  /** Reads the goals of a finished run from the store, with the run's counts. */
  private RunResult collect(LoweredPlan lowered, PipelineResult result) {
    lease.store().refresh();
    BeamRunMetrics metrics = BeamRunMetrics.of(result);
    BeamRunMetrics items = BeamRunMetrics.itemsOf(result);
    StoreBackedValues values =
        new StoreBackedValues(helpers(lowered.plan()), lease.store(), evaluator);
    List<GoalResult> goals = new ArrayList<>(lowered.plan().goals().size());
    for (Goal goal : lowered.plan().goals()) {
      goals.add(new GoalResult(goal, values.valueOf(goal.id())));
    }
    StagePlan stages = lowered.stages();
    RunStats stats =
        new RunStats(
            stages.needed(),
            Math.toIntExact(metrics.computed()) + stages.helpers(),
            Math.toIntExact(metrics.cached()),
            Math.toIntExact(metrics.failed()),
            Duration.between(lowered.started(), Instant.now()),
            new RunStats.ItemStats(items.computed(), items.cached(), items.failed()));
    return new RunResult(goals, stats);
  }

  private CachePolicy cachePolicy() {
    if (options.getNoCache()) {
      return CachePolicy.noCache();
    }
    String refresh = options.getRefresh();
    if (refresh == null || refresh.isBlank()) {
      return CachePolicy.reuse();
    }
    return CachePolicy.refresh(
        Arrays.stream(refresh.split(","))
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .toList());
  }

  private int threads() {
    return options.getThreads() > 0
        ? options.getThreads()
        : Runtime.getRuntime().availableProcessors();
  }

  private PlannerSettings settings() {
    int tasksPerStage = options.getTasksPerStage() > 0 ? options.getTasksPerStage() : 4 * threads();
    return new PlannerSettings(
        options.getMaxStages(), tasksPerStage, options.getMinNodesPerStage());
  }

  /** Constants and closures: never stored, so the driver evaluates those a goal needs. */
  private static Map<NodeId, Node> helpers(Plan plan) {
    Map<NodeId, Node> helpers = new HashMap<>();
    for (Node node : plan.nodes().values()) {
      if (node.kind() != NodeKind.PRIMITIVE) {
        helpers.put(node.id(), node);
      }
    }
    return helpers;
  }

  @Override
  public void close() {
    lease.close();
  }
}
