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
 * Second step of a fan-out stage: applies the closure to each item of a batch ({@link ItemBatch})
 * and stores each result under the item's child id (see {@link FanOutOperator#childId}), with what
 * it read outside the store and the digest of the item, unless the store holds a result computed
 * from the same item whose inputs are unchanged (the in-process scheduler decides the same way).
 * The node's sequence and closure are read once per batch, not once per item. A failing item is
 * stored as a failure of its child only; it does not stop the other items. The results of a
 * bundle's batches are committed together at the end of the bundle (sooner only past {@code
 * --commitBatchSize} results or the commit interval, see {@link StoreWritingFn}), so a bundle
 * leaves one segment. Items are counted with the {@code item_} counters, apart from nodes.
 */
final class ExecuteItemFn extends StoreWritingFn<KV<Integer, Iterable<ItemBatch>>> {
  private static final long serialVersionUID = 1L;

  ExecuteItemFn(StoreSpec storeSpec, String runId, int commitBatchSize) {
    super(storeSpec, runId, commitBatchSize, BeamRunMetrics.ITEM);
  }

  @ProcessElement
  public void processElement(
      @Element KV<Integer, Iterable<ItemBatch>> group, MultiOutputReceiver outputs) {
    OutputReceiver<NodeSummary> out = outputs.get(RunStage.SUMMARIES);
    for (ItemBatch batch : group.getValue()) {
      execute(batch, out);
    }
  }

  private void execute(ItemBatch batch, OutputReceiver<NodeSummary> out) {
    FanOutCall call = FanOutCall.of(batch.fanOut(), store(), evaluator());
    List<Value> items =
        call.items()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "node " + call.node().id().shortForm() + " has no items to fan out"));
    if (batch.to() > items.size()) {
      throw new IllegalStateException(
          "node "
              + call.node().id().shortForm()
              + " has "
              + items.size()
              + " items, not the "
              + batch.to()
              + " its batch names");
    }
    FunctionValue function = (FunctionValue) call.function();
    RecordedInputs closureInputs = call.values().inputsOf(call.node().args().get(1));
    ResultReuse.ItemLookup lookup =
        reuse().items(call.node().id(), batch.to(), call.childIds()::at);
    for (int index = batch.from(); index < batch.to(); index++) {
      execute(call, function, closureInputs, batch.fanOut(), lookup, index, items.get(index), out);
    }
  }

  private void execute(
      FanOutCall call,
      FunctionValue function,
      RecordedInputs closureInputs,
      StageTask task,
      ResultReuse.ItemLookup lookup,
      int index,
      Value itemValue,
      OutputReceiver<NodeSummary> out) {
    long start = System.nanoTime();
    NodeId child = lookup.childId(index);
    Optional<String> digest = ValueDigest.of(itemValue);
    Optional<ResultReuse.ReusableItem> stored =
        task.fresh() ? Optional.empty() : lookup.reusable(index, digest);
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
      report(
          out, task.stage(), child, NodeOutcome.CACHED, found.value(), System.nanoTime() - start);
      return;
    }
    InputLog log = new InputLog(InputFingerprints.shared());
    Value result = apply(function, itemValue, log, call);
    RecordedInputs inputs = FanOutOperator.itemInputs(closureInputs, log.recorded(), digest);
    long nanos = System.nanoTime() - start;
    stage(child, call.node().operator(), result, nanos, inputs, false);
    report(
        out,
        task.stage(),
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
