package org.voxbeam.pipeline.beam;

import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.values.KV;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.NodeOutcome;

/**
 * Second step of a fan-out stage: applies the closure to one item and stores the result under
 * the item's child id (see {@link FanOutOperator#childId}), unless the store holds it already.
 * A failing item is stored as a failure of its child only; it does not stop the other items.
 * Items are counted with the {@code item_} counters, apart from nodes.
 */
final class ExecuteItemFn extends StoreWritingFn<KV<Integer, Iterable<ItemTask>>> {
  private static final long serialVersionUID = 1L;

  ExecuteItemFn(StoreSpec storeSpec, int commitBatchSize) {
    super(storeSpec, commitBatchSize, BeamRunMetrics.ITEM);
  }

  @ProcessElement
  public void processElement(@Element KV<Integer, Iterable<ItemTask>> group, MultiOutputReceiver outputs) {
    OutputReceiver<NodeSummary> out = outputs.get(SUMMARIES);
    for (ItemTask item : group.getValue()) {
      execute(item, out);
    }
  }

  private void execute(ItemTask item, OutputReceiver<NodeSummary> out) {
    long start = System.nanoTime();
    int stage = item.fanOut().stage();
    FanOutCall call = FanOutCall.of(item.fanOut(), store(), evaluator());
    NodeId child = call.childId(item.item());
    if (store().contains(child)) {
      Value stored = store().get(child).map(StoredResult::value).orElseThrow();
      report(out, stage, child, NodeOutcome.CACHED, stored, System.nanoTime() - start);
      return;
    }
    List<Value> items =
        call.items().orElseThrow(() -> new IllegalStateException("node " + call.node().id().shortForm() + " has no items to fan out"));
    Value result = apply((FunctionValue) call.function(), items.get(item.item()), call);
    long nanos = System.nanoTime() - start;
    stage(child, call.node().operator(), result, nanos);
    report(out, stage, child, result.isError() ? NodeOutcome.FAILED : NodeOutcome.COMPUTED, result, nanos);
  }

  /** The closure on one item; an unexpected exception fails the item, as it would fail the node in process. */
  private static Value apply(FunctionValue function, Value item, FanOutCall call) {
    try {
      return function.apply(List.of(item));
    } catch (RuntimeException e) {
      return new ErrorValue("internal error: " + e, call.node().id(), call.node().operator(), Optional.empty());
    }
  }
}
