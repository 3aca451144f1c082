package org.voxbeam.transforms;

import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.values.KV;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.FanOutOperator;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.pipeline.execution.ResultReuse;
import org.voxbeam.pipeline.inputs.InputFingerprints;
import org.voxbeam.pipeline.inputs.InputLog;
import org.voxbeam.pipeline.inputs.ValueDigest;

/**
 * Second step of a fan-out stage: applies the closure to one item and stores the result under the
 * item's child id (see {@link FanOutOperator#childId}), with what it read outside the store and the
 * digest of the item, unless the store holds a result computed from the same item whose inputs are
 * unchanged (the in-process scheduler decides the same way). A failing item is stored as a failure
 * of its child only; it does not stop the other items. Items are counted with the {@code item_}
 * counters, apart from nodes.
 */
final class ExecuteItemFn extends StoreWritingFn<KV<Integer, Iterable<ItemTask>>> {
  private static final long serialVersionUID = 1L;

  ExecuteItemFn(StoreSpec storeSpec, String runId, int commitBatchSize) {
    super(storeSpec, runId, commitBatchSize, BeamRunMetrics.ITEM);
  }

  @ProcessElement
  public void processElement(
      @Element KV<Integer, Iterable<ItemTask>> group, MultiOutputReceiver outputs) {
    OutputReceiver<NodeSummary> out = outputs.get(RunStage.SUMMARIES);
    for (ItemTask item : group.getValue()) {
      execute(item, out);
    }
  }

  private void execute(ItemTask item, OutputReceiver<NodeSummary> out) {
    long start = System.nanoTime();
    int stage = item.fanOut().stage();
    FanOutCall call = FanOutCall.of(item.fanOut(), store(), evaluator());
    NodeId child = call.childId(item.item());
    List<Value> items =
        call.items()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "node " + call.node().id().shortForm() + " has no items to fan out"));
    Value itemValue = items.get(item.item());
    Optional<String> digest = ValueDigest.of(itemValue);
    Optional<ResultReuse.ReusableItem> stored =
        item.fanOut().fresh()
            ? Optional.empty()
            : reuse().reusableItem(call.node().id(), item.item(), call::childId, digest);
    if (stored.isPresent()) {
      StoredResult found = stored.get().result();
      if (stored.get().moved()) {
        stage(
            child,
            found.metadata().operator(),
            found.value(),
            found.metadata().computeTime().toNanos(),
            found.metadata().inputs(),
            false);
      }
      report(out, stage, child, NodeOutcome.CACHED, found.value(), System.nanoTime() - start);
      return;
    }
    InputLog log = new InputLog(InputFingerprints.shared());
    Value result = apply((FunctionValue) call.function(), itemValue, log, call);
    RecordedInputs inputs =
        FanOutOperator.itemInputs(
            call.values().inputsOf(call.node().args().get(1)), log.recorded(), digest);
    long nanos = System.nanoTime() - start;
    stage(child, call.node().operator(), result, nanos, inputs, false);
    report(
        out,
        stage,
        child,
        result.isError() ? NodeOutcome.FAILED : NodeOutcome.COMPUTED,
        result,
        nanos);
  }

  /**
   * The closure on one item; an unexpected exception fails the item, as it would fail the node in
   * process.
   */
  private static Value apply(FunctionValue function, Value item, InputLog log, FanOutCall call) {
    try {
      return function.apply(List.of(item), log);
    } catch (RuntimeException e) {
      return new ErrorValue(
          "internal error: " + e, call.node().id(), call.node().operator(), Optional.empty());
    }
  }
}
