package org.voxbeam.pipeline.beam;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.transforms.library.StandardLibrary;

/**
 * Executes the tasks of a stage on a worker: checks the store by id before computing anything,
 * computes the rest with the operator registry (through {@link NodeEvaluator}, as the in-process
 * scheduler does) level by level within the task, a wide level on several threads; commits the
 * results in batches and at the end of each bundle, and emits one {@link NodeSummary} per node.
 *
 * <p>The store is opened once per worker JVM and shared by every instance on the same directory
 * ({@link SharedStores}). Its second output, {@link #DONE}, never carries an element: it becomes
 * complete once every bundle of the stage has finished, that is, after every result was committed,
 * and the next stage's grouping waits for it (see {@link BeamLowering}). Failures are values: a failing node's error is committed like any result, and its
 * dependents, here or in later stages, fail with it as their cause.
 */
final class ExecuteTaskFn extends DoFn<KV<Integer, Iterable<StageTask>>, NodeSummary> {
  private static final long serialVersionUID = 1L;

  /** One summary per node. */
  static final TupleTag<NodeSummary> SUMMARIES = new TupleTag<>("summaries");

  /** Complete when the stage is: what the next stage's barrier waits on. Always empty. */
  static final TupleTag<KV<Integer, StageTask>> DONE = new TupleTag<>("done");

  private static final Logger LOG = LoggerFactory.getLogger(ExecuteTaskFn.class);
  private static final String ENGINE_VERSION = "voxbeam-0.1";

  /** Below this many independent nodes a level runs on the bundle's thread. */
  private static final int PARALLEL_LEVEL = 32;

  private final StoreSpec storeSpec;
  private final int commitBatchSize;
  private final int levelThreads;
  private final Counter computed = Metrics.counter(BeamRunMetrics.NAMESPACE, BeamRunMetrics.COMPUTED);
  private final Counter cached = Metrics.counter(BeamRunMetrics.NAMESPACE, BeamRunMetrics.CACHED);
  private final Counter failed = Metrics.counter(BeamRunMetrics.NAMESPACE, BeamRunMetrics.FAILED);

  private transient StoreLease lease;
  private transient NodeEvaluator evaluator;
  private transient List<StoredResult> pending;

  ExecuteTaskFn(StoreSpec storeSpec, int commitBatchSize, int levelThreads) {
    this.storeSpec = storeSpec;
    this.commitBatchSize = commitBatchSize;
    this.levelThreads = levelThreads;
  }

  @Setup
  public void setup() {
    lease = SharedStores.acquire(storeSpec);
    evaluator = new NodeEvaluator(StandardLibrary.registry());
  }

  @StartBundle
  public void startBundle() {
    pending = new ArrayList<>();
  }

  @ProcessElement
  public void processElement(@Element KV<Integer, Iterable<StageTask>> group, MultiOutputReceiver outputs) {
    OutputReceiver<NodeSummary> out = outputs.get(SUMMARIES);
    for (StageTask task : group.getValue()) {
      execute(task, out);
    }
  }

  private void execute(StageTask task, OutputReceiver<NodeSummary> out) {
    long began = System.nanoTime();
    ResultStore store = lease.store();
    confirmStored(task, store, out);
    List<Node> members = new ArrayList<>(task.compute().size());
    List<NodeId> ids = new ArrayList<>(task.compute().size());
    for (String encoded : task.compute()) {
      Node node = NodeCodec.decode(encoded);
      members.add(node);
      ids.add(node.id());
    }
    Set<NodeId> present = ids.isEmpty() ? Set.of() : store.containsAll(ids);
    Map<NodeId, Node> helpers = helpers(task);
    StoreBackedValues values = new StoreBackedValues(helpers, store, evaluator);
    for (List<Node> level : TaskLevels.of(members, helpers)) {
      Produced[] produced = produceLevel(level, present, values);
      for (Produced result : produced) {
        values.put(result.node().id(), result.value());
        record(out, task, result);
      }
    }
    LOG.debug(
        "stage {} task {}: {} nodes in {} ms",
        task.stage(), task.index(), task.size(), Duration.ofNanos(System.nanoTime() - began).toMillis());
  }

  /** A node's value, whether it came from the store, and the time it took. */
  private record Produced(Node node, Value value, boolean fromStore, long nanos) {}

  /**
   * Produces the independent nodes of one level, spread over the worker threads when the level
   * is wide enough to pay for the hand-off. Outputs and commits stay on the bundle's thread.
   */
  private Produced[] produceLevel(List<Node> level, Set<NodeId> present, StoreBackedValues values) {
    Produced[] produced = new Produced[level.size()];
    if (levelThreads > 1 && level.size() >= PARALLEL_LEVEL) {
      try {
        LevelWorkers.pool(levelThreads)
            .submit(() -> IntStream.range(0, produced.length).parallel().forEach(i -> produced[i] = produce(level.get(i), present, values)))
            .get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while computing a level", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("computing a level failed: " + e.getCause(), e.getCause());
      }
    } else {
      for (int i = 0; i < produced.length; i++) {
        produced[i] = produce(level.get(i), present, values);
      }
    }
    return produced;
  }

  private Produced produce(Node node, Set<NodeId> present, StoreBackedValues values) {
    long start = System.nanoTime();
    if (present.contains(node.id())) {
      return new Produced(node, values.valueOf(node.id()), true, System.nanoTime() - start);
    }
    Value value = evaluator.evaluate(node, values::valueOf);
    return new Produced(node, value, false, System.nanoTime() - start);
  }

  private void record(OutputReceiver<NodeSummary> out, StageTask task, Produced result) {
    Node node = result.node();
    Value value = result.value();
    NodeOutcome outcome;
    if (result.fromStore()) {
      outcome = value.isError() ? NodeOutcome.FAILED : NodeOutcome.CACHED;
    } else {
      outcome = value.isError() ? NodeOutcome.FAILED : NodeOutcome.COMPUTED;
      if (!(value instanceof FunctionValue)) {
        pending.add(
            new StoredResult(
                node.id(),
                value,
                new ResultMetadata(node.operator(), Duration.ofNanos(result.nanos()), Instant.now(), ENGINE_VERSION)));
      }
    }
    report(out, task, node.id(), outcome, value, result.nanos());
    if (pending.size() >= commitBatchSize) {
      commit();
    }
  }

  @FinishBundle
  public void finishBundle() {
    commit();
  }

  @Teardown
  public void teardown() {
    if (lease != null) {
      lease.close();
    }
  }

  /** Reports the results the planner found in the store; gone ones fail, as in the scheduler. */
  private void confirmStored(StageTask task, ResultStore store, OutputReceiver<NodeSummary> out) {
    if (task.stored().isEmpty()) {
      return;
    }
    StoreBackedValues values = new StoreBackedValues(Map.of(), store, evaluator);
    for (String hex : task.stored()) {
      long start = System.nanoTime();
      Value value = values.valueOf(new NodeId(hex));
      report(
          out, task, new NodeId(hex), value.isError() ? NodeOutcome.FAILED : NodeOutcome.CACHED, value, System.nanoTime() - start);
    }
  }

  private static Map<NodeId, Node> helpers(StageTask task) {
    Map<NodeId, Node> helpers = new HashMap<>(task.helpers().size() * 2);
    for (String encoded : task.helpers()) {
      Node node = NodeCodec.decode(encoded);
      helpers.put(node.id(), node);
    }
    return helpers;
  }

  private void report(
      OutputReceiver<NodeSummary> out, StageTask task, NodeId id, NodeOutcome outcome, Value value, long nanos) {
    switch (outcome) {
      case CACHED:
        cached.inc();
        break;
      case FAILED:
        failed.inc();
        break;
      default:
        computed.inc();
    }
    out.output(new NodeSummary(id.hex(), outcome, ValueFootprint.of(value), nanos, task.stage()));
  }

  private void commit() {
    if (pending.isEmpty()) {
      return;
    }
    List<StoredResult> batch = pending;
    pending = new ArrayList<>();
    lease.store().putAll(batch);
    LOG.debug("committed {} results", batch.size());
  }
}
