package org.voxbeam.pipeline.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.store.WorkClaims;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.inputs.InputFingerprints;
import org.voxbeam.pipeline.inputs.InputLog;
import org.voxbeam.pipeline.inputs.ValueDigest;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Runs a plan in this process: goal-driven, parallel, and backed by the result store.
 *
 * <p>The run needs only the nodes between the goals and the results the store already holds ({@link
 * RunGraph}). Nodes become ready as their inputs complete and run on a pool of worker threads; a
 * worker that makes exactly one consumer ready runs it next itself, so chains do not pay a hand-off
 * per node. Every computed result is committed to the store in batches, and each value is dropped
 * from memory once its last consumer has read it (goals are kept to be reported). Failures are
 * values: a failed node's dependents fail with it as their cause while independent goals complete.
 *
 * <p>Every result is stored with what it read outside the store, directly or through its inputs
 * ({@link RecordedInputs}), and a stored result is reused only while that is unchanged ({@link
 * ResultReuse}). The items of {@code map}, {@code for_loop} and {@code filter} nodes are stored and
 * reused one by one ({@link FanOutOperator}), as on Beam, so a case whose files did not change is
 * not computed again when another case did.
 *
 * <p>Results commit by count, payload and time ({@link ResultCommitter}). A run claims each stored
 * node before computing it ({@link org.voxbeam.kernel.store.WorkClaims}), so an overlapping run on
 * the same store waits for it instead of computing it too.
 *
 * <p>A run can be cancelled ({@link RunCancellation}): it then starts no new node and no new item,
 * waits for the workers to finish what they are on, and commits every result computed so far.
 */
public final class DynamicScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(DynamicScheduler.class);

  /** How often a run waiting on another's claim looks for the result: at first, and at most. */
  private static final long CLAIM_POLL_FIRST_MILLIS = 10;

  private static final long CLAIM_POLL_MAX_MILLIS = 250;

  private final NodeEvaluator evaluator;
  private final ResultStore store;
  private final SchedulerOptions options;
  private final InputFingerprints fingerprints;
  private final boolean recomputeUnreadable;

  public DynamicScheduler(NodeEvaluator evaluator, ResultStore store, SchedulerOptions options) {
    this(evaluator, store, options, InputFingerprints.shared());
  }

  /** A scheduler fingerprinting files with {@code fingerprints} (tests count its hashes). */
  public DynamicScheduler(
      NodeEvaluator evaluator,
      ResultStore store,
      SchedulerOptions options,
      InputFingerprints fingerprints) {
    this(evaluator, store, options, fingerprints, true);
  }

  private DynamicScheduler(
      NodeEvaluator evaluator,
      ResultStore store,
      SchedulerOptions options,
      InputFingerprints fingerprints,
      boolean recomputeUnreadable) {
    this.evaluator = evaluator;
    this.store = store;
    this.options = options;
    this.fingerprints = fingerprints;
    this.recomputeUnreadable = recomputeUnreadable;
  }

  /**
   * Materializes every goal of {@code plan}. A node that cannot be computed — its operator fails,
   * or the registry has none — fails alone, with its dependents; other goals complete.
   *
   * @throws IllegalArgumentException if the cache policy names a goal the plan does not have
   */
  public RunResult run(Plan plan, ExecutionListener listener) {
    return run(plan, listener, RunCancellation.none());
  }

  /**
   * As {@link #run(Plan, ExecutionListener)}, stopping early once {@code cancellation} is
   * cancelled: the goals not reached then hold {@link RunCancellation#goalValue}.
   */
  public RunResult run(Plan plan, ExecutionListener listener, RunCancellation cancellation) {
    Instant start = Instant.now();
    Plan bound = ImageModelBinding.bind(plan);
    ResultReuse reuse = ResultReuse.of(bound, store, options.cachePolicy(), fingerprints);
    RunGraph graph = RunGraph.plan(bound, reuse, evaluator);
    listener.onRunPlanned(graph.toCompute, graph.size() - graph.toCompute);
    Execution execution = new Execution(plan, graph, reuse, listener, cancellation);
    execution.runToCompletion();
    boolean cancelled = execution.finished.get() < graph.size();
    List<GoalResult> goals = new ArrayList<>(plan.goals().size());
    for (Goal goal : plan.goals()) {
      Value value = execution.values.get(graph.index.get(goal.id()));
      goals.add(new GoalResult(goal, value == null ? RunCancellation.goalValue(goal.id()) : value));
    }
    RunStats stats =
        new RunStats(
            graph.size(),
            execution.computed.get(),
            execution.cached.get(),
            execution.failed.get(),
            Duration.between(start, Instant.now()),
            new RunStats.ItemStats(
                execution.itemsComputed.get(),
                execution.itemsCached.get(),
                execution.itemsFailed.get()));
    return new RunResult(goals, stats, cancelled);
  }

  /** The mutable state of one run. */
  private final class Execution {
    private final Plan plan;
    private final RunGraph graph;
    private final ResultReuse reuse;
    private final ExecutionListener listener;
    private final AtomicReferenceArray<Value> values;

    /** What each node's value depends on outside the store; released with the value. */
    private final AtomicReferenceArray<RecordedInputs> inputSets;

    private final AtomicIntegerArray pendingInputs;
    private final AtomicIntegerArray pendingReads;
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger computed = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong itemsComputed = new AtomicLong();
    private final AtomicLong itemsCached = new AtomicLong();
    private final AtomicLong itemsFailed = new AtomicLong();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ResultCommitter committer;
    private final RunCancellation cancellation;

    /** Workers inside {@link #runFrom}: a cancelled run is over once none is. */
    private final AtomicInteger active = new AtomicInteger();

    private ExecutorService workers;

    Execution(
        Plan plan,
        RunGraph graph,
        ResultReuse reuse,
        ExecutionListener listener,
        RunCancellation cancellation) {
      this.plan = plan;
      this.graph = graph;
      this.reuse = reuse;
      this.listener = listener;
      this.cancellation = cancellation;
      int size = graph.size();
      this.values = new AtomicReferenceArray<>(size);
      this.inputSets = new AtomicReferenceArray<>(size);
      this.pendingInputs = new AtomicIntegerArray(size);
      this.pendingReads = new AtomicIntegerArray(size);
      for (int i = 0; i < size; i++) {
        pendingInputs.set(i, graph.inputs[i].length);
        pendingReads.set(i, graph.consumers[i].length);
      }
      this.committer =
          new ResultCommitter(store, options.commitBatchSize(), options.commitInterval());
    }

    void runToCompletion() {
      if (graph.size() == 0) {
        return;
      }
      workers = Executors.newFixedThreadPool(options.threads(), new WorkerThreads());
      cancellation.onCancel(this::endIfIdle);
      try {
        for (int i = 0; i < graph.size(); i++) {
          if (graph.inputs[i].length == 0) {
            submit(i);
          }
        }
        done.get();
        committer.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("run interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new IllegalStateException("run aborted: " + e.getCause(), e.getCause());
      } finally {
        workers.shutdownNow();
        committer.close();
      }
    }

    private void submit(int node) {
      if (!cancellation.isCancelled()) {
        workers.execute(() -> runFrom(node));
      }
    }

    /**
     * Runs {@code first}, then, as long as exactly one consumer became ready, that consumer; stops
     * before the next node once the run is cancelled.
     */
    private void runFrom(int first) {
      active.incrementAndGet();
      int current = first;
      try {
        while (current >= 0 && !cancellation.isCancelled()) {
          finish(current, produce(current));
          current = releaseAndPickNext(current);
        }
      } catch (Cancelled stopped) {
        LOG.debug("run cancelled while node {} ran", stopped.node.shortForm());
      } catch (Throwable t) {
        done.completeExceptionally(t);
      } finally {
        active.decrementAndGet();
        endIfIdle();
      }
    }

    /** Ends a cancelled run once no worker is running a node: what they computed is committed. */
    private void endIfIdle() {
      if (cancellation.isCancelled() && active.get() == 0) {
        done.complete(null);
      }
    }

    private Value produce(int i) {
      Node node = graph.nodes[i];
      long began = System.nanoTime();
      Value value;
      NodeOutcome outcome;
      if (graph.fromStore[i]) {
        StoredResult stored = load(node);
        value = stored.value();
        inputSets.set(i, stored.metadata().inputs());
        outcome = value.isError() ? NodeOutcome.FAILED : NodeOutcome.CACHED;
      } else {
        Optional<Claimed> claimed = claim(node);
        if (claimed.isPresent() && claimed.get().result().isPresent()) {
          StoredResult shared = claimed.get().result().get();
          value = shared.value();
          inputSets.set(i, shared.metadata().inputs());
          outcome = NodeOutcome.CACHED;
        } else {
          WorkClaims.Claim claim = claimed.flatMap(Claimed::claim).orElse(null);
          try {
            value = compute(i, node, began, claim);
            claim = null;
          } catch (CorruptInputException e) {
            // The recomputation claims the node itself.
            if (claim != null) {
              claim.close();
              claim = null;
            }
            value = recomputeAfterCorruptInput(i, node, e);
          } finally {
            if (claim != null) {
              claim.close();
            }
          }
          outcome = value.isError() ? NodeOutcome.FAILED : NodeOutcome.COMPUTED;
        }
      }
      count(outcome);
      listener.onNodeFinished(node, outcome, Duration.ofNanos(System.nanoTime() - began));
      return value;
    }

    /**
     * Computes node {@code i} and hands its result, with {@code claim}, to the committer, which
     * releases the claim once the result is committed.
     *
     * @throws CorruptInputException if an input failed verification while it was read
     */
    private Value compute(int i, Node node, long began, WorkClaims.Claim claim) {
      Optional<FanOutOperator> fanOut = FanOutOperator.of(node);
      Optional<List<Value>> items =
          fanOut.flatMap(
              f -> FanOutOperator.items(valueOf(node.args().get(0)), valueOf(node.args().get(1))));
      Value value;
      RecordedInputs inputs;
      boolean itemsInRow = false;
      if (items.isPresent()) {
        FannedOut out = fanOut(node, fanOut.get(), items.get());
        value = out.value();
        itemsInRow = out.itemsInRow();
        inputs = inputSets.get(i);
      } else {
        InputLog log = new InputLog(fingerprints);
        value = evaluator.evaluate(node, this::valueOf, log);
        inputs = withInputsOf(i, log.recorded());
        inputSets.set(i, inputs);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      if (NodeEvaluator.isStored(node) && !(value instanceof FunctionValue)) {
        boolean itemsCommitted =
            fanOut.map(FanOutOperator::itemsAreResults).orElse(false)
                && items.isPresent()
                && !itemsInRow
                && value instanceof SequenceValue;
        committer.add(
            new StoredResult(
                node.id(), value, metadata(node.operator(), took, inputs), itemsCommitted),
            claim);
      } else if (claim != null) {
        claim.close();
      }
      return value;
    }

    /**
     * Node {@code i} read an input whose stored blob turned out corrupt (and is in quarantine now):
     * what it computed is dropped, and the node is computed again from its ancestry, whose stored
     * results are reused, the quarantined one excepted, as {@link #load} does. A scheduler that is
     * itself such a recomputation does not recurse: the node fails, unstored.
     */
    private Value recomputeAfterCorruptInput(int i, Node node, CorruptInputException e) {
      if (!recomputeUnreadable) {
        return new ErrorValue(e.getMessage(), node.id(), node.operator(), Optional.empty());
      }
      LOG.warn("{}; computing it again", e.getMessage());
      Value value = recomputed(node);
      Optional<StoredResult> stored = store.get(node.id()).filter(result -> !value.isError());
      inputSets.set(
          i,
          stored
              .map(result -> result.metadata().inputs())
              .orElse(withInputsOf(i, RecordedInputs.NONE)));
      return stored.map(StoredResult::value).orElse(value);
    }

    /** The value of {@code node}, computed by a scheduler of its own over the node's ancestry. */
    private Value recomputed(Node node) {
      DynamicScheduler again =
          new DynamicScheduler(
              evaluator, new ReadableResults(store), options.withThreads(1), fingerprints, false);
      return again
          .run(plan.ancestry(node.id(), Goal.Operation.PRINT), ExecutionListener.NONE)
          .goals()
          .get(0)
          .value();
    }

    /**
     * Claims {@code node} for this run before it computes it, so that an overlapping run on the
     * same store waits for this one's result instead of computing it too. If another run holds the
     * claim, waits until it is released (its result committed, or its process gone); the result it
     * committed is used if this run may reuse it. Empty for a node that is not stored (nothing to
     * wait for).
     */
    private Optional<Claimed> claim(Node node) {
      if (!NodeEvaluator.isStored(node)) {
        return Optional.empty();
      }
      WorkClaims claims = store.claims();
      Optional<WorkClaims.Claim> claim = claims.tryClaim(node.id());
      if (claim.isPresent()) {
        // Another run may have committed it, and released its claim, since this one was planned.
        Optional<StoredResult> shared =
            reuse.forced(node.id()) || reuse.reusable(List.of(node.id())).isEmpty()
                ? Optional.empty()
                : reuse.reusableResult(node.id());
        if (shared.isPresent()) {
          claim.get().close();
          return Optional.of(new Claimed(Optional.empty(), shared));
        }
        return Optional.of(new Claimed(claim, Optional.empty()));
      }
      LOG.debug("node {} is being computed by another run; waiting for it", node.id().shortForm());
      long pause = CLAIM_POLL_FIRST_MILLIS;
      while (true) {
        if (cancellation.isCancelled()) {
          throw new Cancelled(node.id());
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("run interrupted while waiting for node " + node.id(), e);
        }
        pause = Math.min(pause * 2, CLAIM_POLL_MAX_MILLIS);
        claim = claims.tryClaim(node.id());
        store.refresh();
        Optional<StoredResult> shared = reuse.reusableResult(node.id());
        if (shared.isPresent()) {
          claim.ifPresent(WorkClaims.Claim::close);
          return Optional.of(new Claimed(Optional.empty(), shared));
        }
        if (claim.isPresent()) {
          return Optional.of(new Claimed(claim, Optional.empty()));
        }
      }
    }

    /** {@code own} and what every input of node {@code i} depends on. */
    private RecordedInputs withInputsOf(int i, RecordedInputs own) {
      RecordedInputs all = own;
      for (int input : graph.inputs[i]) {
        RecordedInputs of = inputSets.get(input);
        if (of != null) {
          all = all.union(of);
        }
      }
      return all;
    }

    /**
     * The value of a fan-out node, and whether its items are to be stored in its row rather than as
     * rows of their own ({@link HeldItems}).
     */
    private record FannedOut(Value value, boolean itemsInRow) {}

    /**
     * A {@code map}, {@code for_loop} or {@code filter} node, item by item: an item whose stored
     * result was computed from the same item value, with unchanged inputs, is read back; the others
     * are computed and committed under their child ids, unless {@link HeldItems} keeps them for the
     * node's row. The node's value is assembled as on Beam, which gives what the operator itself
     * would.
     */
    private FannedOut fanOut(Node node, FanOutOperator operator, List<Value> items) {
      int position = graph.index.get(node.id());
      FunctionValue function = (FunctionValue) valueOf(node.args().get(1));
      RecordedInputs sequenceInputs = inputsOf(node.args().get(0));
      RecordedInputs closureInputs = inputsOf(node.args().get(1));
      List<Value> results = new ArrayList<>(items.size());
      List<RecordedInputs> itemInputs = new ArrayList<>(items.size());
      listener.onItemsStarted(node, items.size());
      ResultReuse.ItemLookup lookup =
          reuse.items(node.id(), items.size(), operator.childIds(node.id())::at);
      HeldItems held =
          HeldItems.of(
              sequenceInputs.isEmpty() && closureInputs.isEmpty(),
              committer,
              options.commitInterval());
      boolean completed = false;
      try {
        for (int k = 0; k < items.size(); k++) {
          if (cancellation.isCancelled()) {
            throw new Cancelled(node.id());
          }
          NodeId child = lookup.childId(k);
          Optional<String> digest = ValueDigest.of(items.get(k));
          Optional<ResultReuse.ReusableItem> stored = lookup.reusable(k, digest);
          if (stored.isPresent()) {
            StoredResult found = stored.get().result();
            held.reused(found.value());
            if (stored.get().moved()) {
              held.add(
                  new StoredResult(
                      child,
                      found.value(),
                      metadata(
                          found.metadata().operator(),
                          found.metadata().computeTime(),
                          found.metadata().inputs())),
                  false);
            }
            results.add(found.value());
            itemInputs.add(found.metadata().inputs());
            itemsCached.incrementAndGet();
            listener.onItemFinished(node, NodeOutcome.CACHED);
            continue;
          }
          long began = System.nanoTime();
          InputLog log = new InputLog(fingerprints);
          Value result = applyToItem(function, items.get(k), log, node);
          if (items.get(k).failedVerification()) {
            throw CorruptInputException.ofItem(node, node.args().get(0));
          }
          RecordedInputs read = log.recorded();
          RecordedInputs inputs = FanOutOperator.itemInputs(closureInputs, read, digest);
          held.add(
              new StoredResult(
                  child,
                  result,
                  metadata(node.operator(), Duration.ofNanos(System.nanoTime() - began), inputs)),
              read.isEmpty() && digest.isPresent());
          results.add(result);
          itemInputs.add(inputs);
          (result.isError() ? itemsFailed : itemsComputed).incrementAndGet();
          listener.onItemFinished(
              node, result.isError() ? NodeOutcome.FAILED : NodeOutcome.COMPUTED);
        }
        completed = true;
      } finally {
        if (!completed) {
          held.release();
        }
      }
      inputSets.set(position, FanOutOperator.nodeInputs(sequenceInputs, closureInputs, itemInputs));
      return new FannedOut(operator.assemble(node, items, results), held.holdsAll());
    }

    private Value applyToItem(FunctionValue function, Value item, InputLog log, Node node) {
      try {
        return function.apply(List.of(item), log);
      } catch (CorruptInputException e) {
        throw e;
      } catch (RuntimeException e) {
        LOG.warn("closure of node {} failed unexpectedly on an item", node.id(), e);
        return new ErrorValue("internal error: " + e, node.id(), node.operator(), Optional.empty());
      }
    }

    private RecordedInputs inputsOf(NodeId id) {
      RecordedInputs inputs = inputSets.get(graph.index.get(id));
      return inputs == null ? RecordedInputs.NONE : inputs;
    }

    private ResultMetadata metadata(String operator, Duration took, RecordedInputs inputs) {
      return new ResultMetadata(
          operator,
          took,
          Instant.now(),
          ResultMetadata.CURRENT_ENGINE_VERSION,
          options.runId(),
          inputs);
    }

    /**
     * The stored result of a node the plan found in the store. If it cannot be read now (evicted
     * meanwhile, or its blob failed verification and was quarantined), the node is computed again
     * from its ancestry, whose own stored results are reused: a bad stored result costs time, never
     * a wrong or missing value.
     */
    private StoredResult load(Node node) {
      Optional<StoredResult> stored = store.get(node.id());
      if (stored.isPresent()) {
        return stored.get();
      }
      if (!recomputeUnreadable) {
        return unstored(
            node,
            new ErrorValue(
                "result was in the store when the run was planned but cannot be read now",
                node.id(),
                node.operator(),
                Optional.empty()));
      }
      LOG.warn(
          "stored result {} cannot be read any more; computing it again", node.id().shortForm());
      Value value = recomputed(node);
      return store
          .get(node.id())
          .filter(recomputed -> !value.isError())
          .orElseGet(() -> unstored(node, value));
    }

    private StoredResult unstored(Node node, Value value) {
      return new StoredResult(
          node.id(), value, metadata(node.operator(), Duration.ZERO, RecordedInputs.NONE));
    }

    private void count(NodeOutcome outcome) {
      switch (outcome) {
        case CACHED -> cached.incrementAndGet();
        case FAILED -> failed.incrementAndGet();
        default -> computed.incrementAndGet();
      }
    }

    private Value valueOf(NodeId id) {
      Value value = values.get(graph.index.get(id));
      if (value == null) {
        throw new IllegalStateException(
            "input " + id + " read before it was produced or after release");
      }
      return value;
    }

    private void finish(int i, Value value) {
      values.set(i, value);
      if (graph.consumers[i].length == 0 && !graph.isGoal[i]) {
        values.set(i, null);
        inputSets.set(i, null);
      }
    }

    /** Releases inputs read for the last time and returns a consumer to run inline, or -1. */
    private int releaseAndPickNext(int i) {
      for (int input : graph.inputs[i]) {
        if (pendingReads.decrementAndGet(input) == 0 && !graph.isGoal[input]) {
          values.set(input, null);
          inputSets.set(input, null);
        }
      }
      int next = -1;
      for (int consumer : graph.consumers[i]) {
        if (pendingInputs.decrementAndGet(consumer) == 0) {
          if (next < 0) {
            next = consumer;
          } else {
            submit(consumer);
          }
        }
      }
      if (finished.incrementAndGet() == graph.size()) {
        done.complete(null);
      }
      return next;
    }
  }

  /**
   * Unwinds a worker out of a node it was on when the run was cancelled: the node's items computed
   * so far are with the committer already; the node itself is not finished.
   */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")
    private final NodeId node;

    Cancelled(NodeId node) {
      super(null, null, false, false);
      this.node = node;
    }
  }

  /**
   * What claiming a node gave: the claim, to compute it under, or the result another run committed
   * while this one waited.
   */
  private record Claimed(Optional<WorkClaims.Claim> claim, Optional<StoredResult> result) {}

  /** Daemon worker threads with recognisable names. */
  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "voxbeam-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
