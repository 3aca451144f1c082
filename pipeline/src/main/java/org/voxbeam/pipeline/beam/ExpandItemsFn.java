package org.voxbeam.pipeline.beam;

import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.NodeEvaluator;

/**
 * First step of a fan-out stage: reads each fan-out node's sequence (committed by an earlier stage)
 * and emits one element per item, keyed so that the grouping that follows spreads the items over
 * {@code spread} groups: enough to keep every worker busy, and few enough that a dataset of many
 * cases does not become one bundle, and one store segment, per case. The number of items is known
 * only now, at run time (a {@code dir} of a folder, a {@code range} computed upstream), which is
 * why the items are expanded inside the pipeline rather than by the planner. A node whose inputs
 * are not a sequence and a closure emits nothing; its assembly evaluates it whole, which gives the
 * in-process error.
 */
final class ExpandItemsFn extends DoFn<KV<Integer, Iterable<StageTask>>, KV<Integer, ItemTask>> {
  private static final long serialVersionUID = 1L;

  private final StoreSpec storeSpec;
  private final int spread;

  private transient StoreLease lease;
  private transient NodeEvaluator evaluator;

  /**
   * @param spread how many groups the items of a stage are spread over
   */
  ExpandItemsFn(StoreSpec storeSpec, int spread) {
    this.storeSpec = storeSpec;
    this.spread = spread;
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
  public void processElement(@Element KV<Integer, Iterable<StageTask>> group, OutputReceiver<KV<Integer, ItemTask>> out) {
    for (StageTask task : group.getValue()) {
      if (task.compute().isEmpty()) {
        continue;
      }
      Optional<List<Value>> items = FanOutCall.of(task, lease.store(), evaluator).items();
      if (items.isEmpty()) {
        continue;
      }
      for (int i = 0; i < items.get().size(); i++) {
        out.output(KV.of((31 * task.index() + i) % spread, new ItemTask(task, i)));
      }
    }
  }

  @Teardown
  public void teardown() {
    if (lease != null) {
      lease.close();
    }
  }
}
