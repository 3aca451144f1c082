package org.voxbeam.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.ResultReuse;
import org.voxbeam.pipeline.inputs.InputFingerprints;
import org.voxbeam.pipeline.inputs.ValueDigest;

/**
 * First step of a fan-out stage: reads each fan-out node's sequence (committed by an earlier stage)
 * and emits its items in batches ({@link ItemBatch}), keyed so that the grouping that follows
 * spreads the batches over {@code spread} groups: enough to keep every worker busy, and few enough
 * that a dataset of many cases does not become one bundle, and one store segment, per case. A batch
 * holds {@code --itemsPerBatch} items, or by default (0) as many as spread a node's items evenly
 * over the groups, at most a commit's worth ({@link #batchSize}): a Beam element costs tens of
 * microseconds and a cheap closure a few, so an element per item made the item step cost many times
 * the items' own work. The number of items is known only now, at run time (a {@code dir} of a
 * folder, a {@code range} computed upstream), which is why the items are expanded inside the
 * pipeline rather than by the planner. A node whose inputs are not a sequence and a closure emits
 * nothing; its assembly evaluates it whole, which gives the in-process error.
 *
 * <p>Stored item results that moved to another index (a case added before them in a listing) are
 * copied to their new child ids here, before any item runs: the items of one node run in several
 * groups at once, and a copy written by one group must not hide, under the same child id, the
 * result another group is still looking for. Each item then finds its result under its own child
 * id, as the in-process scheduler does.
 */
final class ExpandItemsFn extends DoFn<KV<Integer, Iterable<StageTask>>, KV<Integer, ItemBatch>> {
  private static final long serialVersionUID = 1L;

  private final StoreSpec storeSpec;
  private final String runId;
  private final int spread;
  private final int itemsPerBatch;
  private final int commitBatchSize;

  private transient StoreLease lease;
  private transient NodeEvaluator evaluator;

  /**
   * @param runId the run whose moved item copies this writes
   * @param spread how many groups the items of a stage are spread over
   * @param itemsPerBatch items per batch, or 0 to size batches from the items and the spread
   * @param commitBatchSize results per store commit, the most items a default batch holds
   */
  ExpandItemsFn(
      StoreSpec storeSpec, String runId, int spread, int itemsPerBatch, int commitBatchSize) {
    this.storeSpec = storeSpec;
    this.runId = runId;
    this.spread = spread;
    this.itemsPerBatch = itemsPerBatch;
    this.commitBatchSize = commitBatchSize;
  }

  /**
   * Items per batch of a node of {@code items} items: {@code itemsPerBatch} when it is set,
   * otherwise enough for one batch per group, at most {@code commitBatchSize} so that a batch is
   * committed at once.
   */
  static int batchSize(int items, int spread, int itemsPerBatch, int commitBatchSize) {
    if (itemsPerBatch > 0) {
      return itemsPerBatch;
    }
    int even = (int) ((items + (long) spread - 1) / spread);
    return Math.max(1, Math.min(even, commitBatchSize));
  }

  @Setup
  public void setup() {
    lease = SharedStores.acquire(storeSpec);
  }

  @StartBundle
  public void startBundle(StartBundleContext context) {
    if (evaluator == null) {
      evaluator = WorkerOperators.evaluator(context.getPipelineOptions());
    }
    lease.store().refresh();
  }

  @ProcessElement
  public void processElement(
      @Element KV<Integer, Iterable<StageTask>> group, OutputReceiver<KV<Integer, ItemBatch>> out) {
    for (StageTask task : group.getValue()) {
      if (task.compute().isEmpty()) {
        continue;
      }
      FanOutCall call = FanOutCall.of(task, lease.store(), evaluator);
      Optional<List<Value>> items = call.items();
      if (items.isEmpty()) {
        continue;
      }
      if (!task.fresh()) {
        copyMovedItems(call, items.get());
      }
      int count = items.get().size();
      int size = batchSize(count, spread, itemsPerBatch, commitBatchSize);
      for (long from = 0, batch = 0; from < count; from += size, batch++) {
        out.output(
            KV.of(
                (int) Math.floorMod(31L * task.index() + batch, spread),
                new ItemBatch(task, (int) from, (int) Math.min(count, from + size))));
      }
    }
  }

  private void copyMovedItems(FanOutCall call, List<Value> items) {
    ResultReuse reuse = ResultReuse.withoutPlan(lease.store(), InputFingerprints.shared());
    ResultReuse.ItemLookup lookup =
        reuse.items(call.node().id(), items.size(), call.childIds()::at);
    List<StoredResult> moved = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Optional<ResultReuse.ReusableItem> stored = lookup.reusable(i, ValueDigest.of(items.get(i)));
      if (stored.isPresent() && stored.get().moved()) {
        ResultMetadata found = stored.get().result().metadata();
        moved.add(
            new StoredResult(
                lookup.childId(i),
                stored.get().result().value(),
                StoreWritingFn.metadata(
                    found.operator(), found.computeTime().toNanos(), found.inputs(), runId)));
      }
    }
    if (!moved.isEmpty()) {
      lease.store().putAll(moved);
    }
  }

  @Teardown
  public void teardown() {
    if (lease != null) {
      lease.close();
    }
  }
}
