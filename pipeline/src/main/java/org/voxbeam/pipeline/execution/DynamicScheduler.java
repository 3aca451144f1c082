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
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Runs a plan in this process: goal-driven, parallel, and backed by the result store.
 *
 * <p>The run needs only the nodes between the goals and the results the store already holds
 * ({@link RunGraph}). Nodes become ready as their inputs complete and run on a pool of worker
 * threads; a worker that makes exactly one consumer ready runs it next itself, so chains do not
 * pay a hand-off per node. Every computed result is committed to the store in batches, and each
 * value is dropped from memory once its last consumer has read it (goals are kept to be
 * reported). Failures are values: a failed node's dependents fail with it as their cause while
 * independent goals complete.
 */
public final class DynamicScheduler {
  private static final String ENGINE_VERSION = "voxbeam-0.1";

  private static final Logger LOG = LoggerFactory.getLogger(DynamicScheduler.class);

  private final NodeEvaluator evaluator;
  private final ResultStore store;
  private final SchedulerOptions options;
  private final boolean recomputeUnreadable;

  public DynamicScheduler(NodeEvaluator evaluator, ResultStore store, SchedulerOptions options) {
    this(evaluator, store, options, true);
  }

  private DynamicScheduler(
      NodeEvaluator evaluator, ResultStore store, SchedulerOptions options, boolean recomputeUnreadable) {
    this.evaluator = evaluator;
    this.store = store;
    this.options = options;
    this.recomputeUnreadable = recomputeUnreadable;
  }

  /**
   * Materializes every goal of {@code plan}. A node that cannot be computed — its operator
   * fails, or the registry has none — fails alone, with its dependents; other goals complete.
   */
  public RunResult run(Plan plan, ExecutionListener listener) {
    Instant start = Instant.now();
    RunGraph graph = RunGraph.plan(ImageModelBinding.bind(plan), store, evaluator);
    listener.onRunPlanned(graph.toCompute, graph.size() - graph.toCompute);
    Execution execution = new Execution(plan, graph, listener);
    execution.runToCompletion();
    List<GoalResult> goals = new ArrayList<>(plan.goals().size());
    for (Goal goal : plan.goals()) {
      goals.add(new GoalResult(goal, execution.values.get(graph.index.get(goal.id()))));
    }
    RunStats stats =
        new RunStats(
            graph.size(),
            execution.computed.get(),
            execution.cached.get(),
            execution.failed.get(),
            Duration.between(start, Instant.now()));
    return new RunResult(goals, stats);
  }

  /** The mutable state of one run. */
  private final class Execution {
    private final Plan plan;
    private final RunGraph graph;
    private final ExecutionListener listener;
    private final AtomicReferenceArray<Value> values;
    private final AtomicIntegerArray pendingInputs;
    private final AtomicIntegerArray pendingReads;
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger computed = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ResultCommitter committer;
    private ExecutorService workers;

    Execution(Plan plan, RunGraph graph, ExecutionListener listener) {
      this.plan = plan;
      this.graph = graph;
      this.listener = listener;
      int size = graph.size();
      this.values = new AtomicReferenceArray<>(size);
      this.pendingInputs = new AtomicIntegerArray(size);
      this.pendingReads = new AtomicIntegerArray(size);
      for (int i = 0; i < size; i++) {
        pendingInputs.set(i, graph.inputs[i].length);
        pendingReads.set(i, graph.consumers[i].length);
      }
      this.committer = new ResultCommitter(store, options.commitBatchSize());
    }

    void runToCompletion() {
      if (graph.size() == 0) {
        return;
      }
      workers = Executors.newFixedThreadPool(options.threads(), new WorkerThreads());
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
        throw new IllegalStateException("run aborted: " + e.getCause(), e.getCause());
      } finally {
        workers.shutdownNow();
      }
    }

    private void submit(int node) {
      workers.execute(() -> runFrom(node));
    }

    /** Runs {@code first}, then, as long as exactly one consumer became ready, that consumer. */
    private void runFrom(int first) {
      int current = first;
      try {
        while (current >= 0) {
          finish(current, produce(current));
          current = releaseAndPickNext(current);
        }
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }

    private Value produce(int i) {
      Node node = graph.nodes[i];
      long began = System.nanoTime();
      Value value;
      NodeOutcome outcome;
      if (graph.fromStore[i]) {
        value = load(node);
        outcome = value.isError() ? NodeOutcome.FAILED : NodeOutcome.CACHED;
      } else {
        value = evaluator.evaluate(node, this::valueOf);
        outcome = value.isError() ? NodeOutcome.FAILED : NodeOutcome.COMPUTED;
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        if (NodeEvaluator.isStored(node) && !(value instanceof FunctionValue)) {
          committer.add(
              new StoredResult(
                  node.id(), value, new ResultMetadata(node.operator(), took, Instant.now(), ENGINE_VERSION)));
        }
      }
      count(outcome);
      listener.onNodeFinished(node, outcome, Duration.ofNanos(System.nanoTime() - began));
      return value;
    }

    /**
     * The stored result of a node the plan found in the store. If it cannot be read now (evicted
     * meanwhile, or its blob failed verification and was quarantined), the node is computed
     * again from its ancestry, whose own stored results are reused: a bad stored result costs
     * time, never a wrong or missing value.
     */
    private Value load(Node node) {
      Optional<StoredResult> stored = store.get(node.id());
      if (stored.isPresent()) {
        return stored.get().value();
      }
      if (!recomputeUnreadable) {
        return new ErrorValue(
            "result was in the store when the run was planned but cannot be read now",
            node.id(),
            node.operator(),
            Optional.empty());
      }
      LOG.warn("stored result {} cannot be read any more; computing it again", node.id().shortForm());
      DynamicScheduler again =
          new DynamicScheduler(evaluator, new ReadableResults(store), options.withThreads(1), false);
      return again.run(plan.ancestry(node.id(), Goal.Operation.PRINT), ExecutionListener.NONE).goals().get(0).value();
    }

    private void count(NodeOutcome outcome) {
      switch (outcome) {
        case CACHED:
          cached.incrementAndGet();
          break;
        case FAILED:
          failed.incrementAndGet();
          break;
        default:
          computed.incrementAndGet();
      }
    }

    private Value valueOf(NodeId id) {
      Value value = values.get(graph.index.get(id));
      if (value == null) {
        throw new IllegalStateException("input " + id + " read before it was produced or after release");
      }
      return value;
    }

    private void finish(int i, Value value) {
      values.set(i, value);
      if (graph.consumers[i].length == 0 && !graph.isGoal[i]) {
        values.set(i, null);
      }
    }

    /** Releases inputs read for the last time and returns a consumer to run inline, or -1. */
    private int releaseAndPickNext(int i) {
      for (int input : graph.inputs[i]) {
        if (pendingReads.decrementAndGet(input) == 0 && !graph.isGoal[input]) {
          values.set(input, null);
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
