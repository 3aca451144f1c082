package org.voxbeam.api;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.api.peer.FetchingStore;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
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
  private static final Logger LOG = LoggerFactory.getLogger(InProcessExecution.class);

  private InProcessExecution() {}

  /**
   * Runs {@code plan} on {@code local}; with peers, through a {@link FetchingStore} that asks them
   * before a node is computed, and counts the nodes it fetched.
   */
  static Execution run(ResultStore local, Plan plan, RunSettings settings) {
    try (FetchingStore fetching =
        settings.peers().isEmpty() ? null : new FetchingStore(local, settings.peers())) {
      ResultStore store = fetching == null ? local : fetching;
      return run(store, plan, settings, fetching);
    }
  }

  private static Execution run(
      ResultStore store, Plan plan, RunSettings settings, FetchingStore fetching) {
    SchedulerOptions options =
        SchedulerOptions.defaults()
            .withCachePolicy(settings.cachePolicy())
            .withCommitInterval(settings.commitInterval());
    if (settings.threads() > 0) {
      options = options.withThreads(settings.threads());
    }
    options = settings.runId().map(options::withRunId).orElse(options);
    OperatorRegistry operators = settings.operators().orElseGet(() -> standardOperators(settings));
    NodeCounter counter = new NodeCounter(settings.progress(), fetching != null);
    Instant started = Instant.now();
    RunResult result =
        new DynamicScheduler(new NodeEvaluator(operators), store, options).run(plan, counter);
    Instant finished = Instant.now();
    Instant planned = counter.planned == null ? finished : counter.planned;
    Optional<PeerTransfer> fromPeers = Optional.empty();
    if (fetching != null) {
      Set<NodeId> copied = fetching.fetched();
      long nodes = counter.cachedIds().stream().filter(copied::contains).count();
      LOG.info("{} nodes fetched from peers, {} bytes received", nodes, fetching.bytesReceived());
      fromPeers = Optional.of(new PeerTransfer(nodes, fetching.bytesReceived()));
    }
    return new Execution(
        result,
        List.of(
            new StageTime("planning", Duration.between(started, planned)),
            new StageTime("execution", Duration.between(planned, finished))),
        fromPeers);
  }

  /** The standard library, reading image files within the run's limits. */
  private static OperatorRegistry standardOperators(RunSettings settings) {
    return StandardLibrary.registry(FileAccess.UNRESTRICTED, settings.limits().images());
  }

  /** Turns the scheduler's per-node events into cumulative {@link Progress}. */
  private static final class NodeCounter implements ExecutionListener {
    private final ProgressListener listener;
    private final boolean keepCachedIds;

    /** The nodes read from the store, when some may have been fetched from peers. */
    private final Set<NodeId> cachedIds = new HashSet<>();

    private volatile Instant planned;
    private int total;
    private int computed;
    private int cached;
    private int failed;

    NodeCounter(ProgressListener listener, boolean keepCachedIds) {
      this.listener = listener;
      this.keepCachedIds = keepCachedIds;
    }

    @Override
    public synchronized void onRunPlanned(int toCompute, int fromStore) {
      planned = Instant.now();
      total = toCompute + fromStore;
      publish();
    }

    synchronized Set<NodeId> cachedIds() {
      return Set.copyOf(cachedIds);
    }

    /** Synchronized, so listeners see counts that only grow. */
    @Override
    public synchronized void onNodeFinished(Node node, NodeOutcome outcome, Duration elapsed) {
      switch (outcome) {
        case COMPUTED -> computed++;
        case CACHED -> {
          cached++;
          if (keepCachedIds) {
            cachedIds.add(node.id());
          }
        }
        default -> failed++;
      }
      publish();
    }

    private void publish() {
      listener.onProgress(new Progress(total, computed, cached, failed, "execution"));
    }
  }
}
