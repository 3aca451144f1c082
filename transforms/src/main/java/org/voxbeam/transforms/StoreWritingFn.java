package org.voxbeam.transforms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.pipeline.execution.ResultReuse;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.inputs.InputFingerprints;

/**
 * What every {@code DoFn} that computes results shares: the store, opened once per worker JVM
 * ({@link SharedStores}) in {@code @Setup} and refreshed when a bundle starts (the stage before may
 * have run in other JVMs); the operator registry, built from the run's options at the first bundle
 * ({@link WorkerOperators}); which stored results may stand in for computing ({@link ResultReuse});
 * results committed in batches and at {@code @FinishBundle}, with the run's id and what each read
 * outside the store; and one {@link NodeSummary} per result with its Beam counter.
 *
 * <p>Besides the summaries, such a {@code DoFn} has a second output, {@link RunStage#DONE}, that
 * never carries an element: it is complete once every bundle has finished, that is, after every
 * result was committed, and the next stage's barrier waits for it (see {@link RunStage}).
 *
 * @param <InputT> the elements it processes
 */
abstract class StoreWritingFn<InputT> extends DoFn<InputT, NodeSummary> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StoreWritingFn.class);

  private final StoreSpec storeSpec;
  private final String runId;
  private final int commitBatchSize;
  private final Counter computed;
  private final Counter cached;
  private final Counter failed;

  private transient StoreLease lease;
  private transient NodeEvaluator evaluator;
  private transient ResultReuse reuse;
  private transient List<StoredResult> pending;
  private transient long oldestPending;

  /**
   * @param runId the run whose results this writes, recorded in their rows
   * @param counterPrefix distinguishes the counters of items from those of nodes
   */
  StoreWritingFn(StoreSpec storeSpec, String runId, int commitBatchSize, String counterPrefix) {
    this.storeSpec = storeSpec;
    this.runId = runId;
    this.commitBatchSize = commitBatchSize;
    this.computed =
        Metrics.counter(BeamRunMetrics.NAMESPACE, counterPrefix + BeamRunMetrics.COMPUTED);
    this.cached = Metrics.counter(BeamRunMetrics.NAMESPACE, counterPrefix + BeamRunMetrics.CACHED);
    this.failed = Metrics.counter(BeamRunMetrics.NAMESPACE, counterPrefix + BeamRunMetrics.FAILED);
  }

  @Setup
  public void setup() {
    lease = SharedStores.acquire(storeSpec);
    reuse = ResultReuse.withoutPlan(lease.store(), InputFingerprints.shared());
  }

  @StartBundle
  public void startBundle(StartBundleContext context) {
    if (evaluator == null) {
      evaluator = WorkerOperators.evaluator(context.getPipelineOptions());
    }
    pending = new ArrayList<>();
    lease.store().refresh();
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

  ResultStore store() {
    return lease.store();
  }

  NodeEvaluator evaluator() {
    return evaluator;
  }

  ResultReuse reuse() {
    return reuse;
  }

  /**
   * Queues a computed result for the next commit; functions are rebuilt, never stored, and neither
   * is a failure that comes from a stored result that could not be read ({@link
   * StoreBackedValues#missingFromStore}): it says nothing about the node, and stored it would be
   * reused by every later run.
   *
   * @param inputs what the result depends on outside the store
   * @param itemsCommitted whether the result is a sequence whose items are committed already
   */
  void stage(
      NodeId id,
      String operator,
      Value value,
      long nanos,
      RecordedInputs inputs,
      boolean itemsCommitted) {
    if (value instanceof FunctionValue || StoreBackedValues.missingFromStore(value)) {
      return;
    }
    if (pending.isEmpty()) {
      oldestPending = System.nanoTime();
    }
    pending.add(
        new StoredResult(
            id,
            value,
            metadata(operator, nanos, inputs, runId),
            itemsCommitted && value instanceof SequenceValue));
    // By time too, as the in-process scheduler commits: a bundle of slow nodes killed midway keeps
    // all but its last interval's results.
    if (pending.size() >= commitBatchSize
        || System.nanoTime() - oldestPending
            >= SchedulerOptions.DEFAULT_COMMIT_INTERVAL.toNanos()) {
      commit();
    }
  }

  /** The row metadata of a result this run writes. */
  static ResultMetadata metadata(String operator, long nanos, RecordedInputs inputs, String runId) {
    return new ResultMetadata(
        operator,
        Duration.ofNanos(nanos),
        Instant.now(),
        ResultMetadata.CURRENT_ENGINE_VERSION,
        Optional.of(runId),
        inputs);
  }

  /** Emits the summary of one result and counts it. */
  void report(
      OutputReceiver<NodeSummary> out,
      int stage,
      NodeId id,
      NodeOutcome outcome,
      Value value,
      long nanos) {
    switch (outcome) {
      case CACHED -> cached.inc();
      case FAILED -> failed.inc();
      default -> computed.inc();
    }
    out.output(new NodeSummary(id.hex(), outcome, ValueFootprint.SUMMARY.of(value), nanos, stage));
  }

  /**
   * Reports the results the planner found in the store. One that cannot be read any more fails
   * here, uncommitted (a task carries only its id, not the nodes it was computed from); the driver
   * then plans the run again without it, which computes it again as the in-process scheduler does
   * (see {@link BeamPlanRunner}).
   */
  void confirmStored(StageTask task, OutputReceiver<NodeSummary> out) {
    if (task.stored().isEmpty()) {
      return;
    }
    StoreBackedValues values = new StoreBackedValues(Map.of(), store(), evaluator);
    for (NodeId id : task.stored()) {
      long start = System.nanoTime();
      Value value = values.valueOf(id);
      report(
          out,
          task.stage(),
          id,
          value.isError() ? NodeOutcome.FAILED : NodeOutcome.CACHED,
          value,
          System.nanoTime() - start);
    }
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
