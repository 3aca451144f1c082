package org.voxbeam.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Runs a plan on the in-process {@link DynamicScheduler}. The scheduler reports every node, so
 * progress is exact, and the moment it has planned the run splits the time into planning (finding
 * what the store already holds) and execution.
 */
final class InProcessExecution {
  private InProcessExecution() {}

  static Execution run(ResultStore store, Plan plan, RunSettings settings) {
    SchedulerOptions options =
        SchedulerOptions.defaults()
            .withCachePolicy(settings.cachePolicy())
            .withCommitInterval(settings.commitInterval());
    if (settings.threads() > 0) {
      options = options.withThreads(settings.threads());
    }
    options = settings.runId().map(options::withRunId).orElse(options);
    OperatorRegistry operators = settings.operators().orElseGet(() -> standardOperators(settings));
    NodeCounter counter = new NodeCounter(settings.progress());
    Instant started = Instant.now();
    RunResult result =
        new DynamicScheduler(new NodeEvaluator(operators), store, options).run(plan, counter);
    Instant finished = Instant.now();
    Instant planned = counter.planned == null ? finished : counter.planned;
    return new Execution(
        result,
        List.of(
            new StageTime("planning", Duration.between(started, planned)),
            new StageTime("execution", Duration.between(planned, finished))));
  }

  /** The standard library, reading image files within the run's limits. */
  private static OperatorRegistry standardOperators(RunSettings settings) {
    return StandardLibrary.registry(FileAccess.UNRESTRICTED, settings.limits().images());
  }

  /** Turns the scheduler's per-node events into cumulative {@link Progress}. */
  private static final class NodeCounter implements ExecutionListener {
    private final ProgressListener listener;
    private volatile Instant planned;
    private int total;
    private int computed;
    private int cached;
    private int failed;

    NodeCounter(ProgressListener listener) {
      this.listener = listener;
    }

    @Override
    public synchronized void onRunPlanned(int toCompute, int fromStore) {
      planned = Instant.now();
      total = toCompute + fromStore;
      publish();
    }

    /** Synchronized, so listeners see counts that only grow. */
    @Override
    public synchronized void onNodeFinished(Node node, NodeOutcome outcome, Duration elapsed) {
      switch (outcome) {
        case COMPUTED -> computed++;
        case CACHED -> cached++;
        default -> failed++;
      }
      publish();
    }

    private void publish() {
      listener.onProgress(new Progress(total, computed, cached, failed, "execution"));
    }
  }
}
