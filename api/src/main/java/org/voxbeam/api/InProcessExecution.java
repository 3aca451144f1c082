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
import org.voxbeam.pipeline.execution.RunCancellation;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.remote.RemoteInputSources;

/**
 * Runs a plan on the in-process {@link DynamicScheduler}. The scheduler reports every node, so
 * progress is exact, and the moment it has planned the run splits the time into planning (finding
 * what the store already holds) and execution. Before a run, the readers of {@code s3://} and
 * {@code hdfs://} inputs are registered with the run's S3 endpoint, so its operators and the checks
 * of recorded inputs can reach them.
 */
final class InProcessExecution {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessExecution.class);

  private InProcessExecution() {}

  /**
   * Runs {@code plan} on {@code local} until it ends or {@code cancellation} stops it; with peers,
   * through a {@link FetchingStore} that asks them before a node is computed, and counts the nodes
   * it fetched.
   */
  static Execution run(
      ResultStore local, Plan plan, RunSettings settings, RunCancellation cancellation) {
    RemoteInputSources.install(settings.inputs().s3Endpoint());
    try (FetchingStore fetching =
        settings.peers().isEmpty() ? null : new FetchingStore(local, settings.peers())) {
      ResultStore store = fetching == null ? local : fetching;
      return run(store, plan, settings, cancellation, fetching);
    }
  }

  private static Execution run(
      ResultStore store,
      Plan plan,
      RunSettings settings,
      RunCancellation cancellation,
      FetchingStore fetching) {
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
        new DynamicScheduler(new NodeEvaluator(operators), store, options)
            .run(plan, counter, cancellation);
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

  /**
   * The standard library, reading image files within the run's limits, and remote inputs under the
   * run's remote roots.
   */
  private static OperatorRegistry standardOperators(RunSettings settings) {
    return StandardLibrary.registry(
        FileAccess.UNRESTRICTED.allowingRemote(settings.inputs().roots()),
        settings.limits().images());
  }

  /**
   * Turns the scheduler's per-node and per-item events into cumulative {@link Progress}, with an
   * estimate of the time left: while items are under way, the items left at the items' throughput
   * since the first began (a dataset loop is most of a dataset program's time), else the nodes left
   * at the nodes' throughput. Items of fan-out nodes not started yet are not known, so the estimate
   * covers the work known so far.
   */
  private static final class NodeCounter implements ExecutionListener {
    private final ProgressListener listener;
    private final boolean keepCachedIds;

    /** The nodes read from the store, when some may have been fetched from peers. */
    private final Set<NodeId> cachedIds = new HashSet<>();

    private volatile Instant planned;
    private long firstItemNanos;
    private int total;
    private int computed;
    private int cached;
    private int failed;
    private long itemTotal;
    private long itemsComputed;
    private long itemsCached;
    private long itemsFailed;

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

    @Override
    public synchronized void onItemsStarted(Node node, int items) {
      if (itemTotal == 0) {
        firstItemNanos = System.nanoTime();
      }
      itemTotal += items;
      publish();
    }

    @Override
    public synchronized void onItemFinished(Node node, NodeOutcome outcome) {
      switch (outcome) {
        case COMPUTED -> itemsComputed++;
        case CACHED -> itemsCached++;
        default -> itemsFailed++;
      }
      publish();
    }

    private void publish() {
      Progress.Items items = new Progress.Items(itemTotal, itemsComputed, itemsCached, itemsFailed);
      listener.onProgress(
          new Progress(total, computed, cached, failed, "execution", items, eta(items)));
    }

    private Optional<Duration> eta(Progress.Items items) {
      long now = System.nanoTime();
      if (items.done() > 0 && items.done() < items.total()) {
        return left(items.total() - items.done(), items.done(), now - firstItemNanos);
      }
      int done = computed + cached + failed;
      if (planned == null || done == 0 || done >= total) {
        return done >= total && planned != null ? Optional.of(Duration.ZERO) : Optional.empty();
      }
      return left(total - done, done, Duration.between(planned, Instant.now()).toNanos());
    }

    /** {@code remaining} units at the rate of {@code done} units in {@code nanos}. */
    private static Optional<Duration> left(long remaining, long done, long nanos) {
      return Optional.of(Duration.ofNanos((long) ((double) nanos / done * remaining)));
    }
  }
}
