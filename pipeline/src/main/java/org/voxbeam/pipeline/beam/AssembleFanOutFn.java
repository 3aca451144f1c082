package org.voxbeam.pipeline.beam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.values.KV;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.NodeOutcome;

/**
 * Last step of a fan-out stage: once every item's result is committed, builds each fan-out node's
 * value from its children in the store (see {@link FanOutOperator#assemble}), commits it and
 * reports it like any node. A node already stored is only confirmed; a node whose inputs are not
 * a sequence and a closure is evaluated whole, which fails it as the in-process run does.
 */
final class AssembleFanOutFn extends StoreWritingFn<KV<Integer, Iterable<StageTask>>> {
  private static final long serialVersionUID = 1L;

  AssembleFanOutFn(StoreSpec storeSpec, int commitBatchSize) {
    super(storeSpec, commitBatchSize, "");
  }

  @ProcessElement
  public void processElement(@Element KV<Integer, Iterable<StageTask>> group, MultiOutputReceiver outputs) {
    OutputReceiver<NodeSummary> out = outputs.get(SUMMARIES);
    for (StageTask task : group.getValue()) {
      confirmStored(task, out);
      if (!task.compute().isEmpty()) {
        assemble(task, out);
      }
    }
  }

  private void assemble(StageTask task, OutputReceiver<NodeSummary> out) {
    long start = System.nanoTime();
    FanOutCall call = FanOutCall.of(task, store(), evaluator());
    Node node = call.node();
    if (store().contains(node.id())) {
      Value stored = store().get(node.id()).map(StoredResult::value).orElseThrow();
      report(out, task.stage(), node.id(), NodeOutcome.CACHED, stored, System.nanoTime() - start);
      return;
    }
    Optional<List<Value>> items = call.items();
    Value value =
        items.isPresent()
            ? call.operator().assemble(node, items.get(), results(call, items.get().size()))
            : evaluator().evaluate(node, call.values()::valueOf);
    long nanos = System.nanoTime() - start;
    stage(node.id(), node.operator(), value, nanos);
    report(out, task.stage(), node.id(), value.isError() ? NodeOutcome.FAILED : NodeOutcome.COMPUTED, value, nanos);
  }

  private List<Value> results(FanOutCall call, int count) {
    List<Value> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      NodeId child = call.childId(i);
      int index = i;
      results.add(
          store().get(child)
              .map(StoredResult::value)
              .orElseGet(
                  () ->
                      new ErrorValue(
                          "the result of item " + index + " is not in the store", call.node().id(), call.node().operator(), Optional.empty())));
    }
    return results;
  }
}
