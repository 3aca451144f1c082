package org.voxbeam.transforms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.values.KV;
import org.voxbeam.kernel.node.ChildIds;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.FanOutOperator;
import org.voxbeam.pipeline.execution.NodeOutcome;

/**
 * Last step of a fan-out stage: once every item's result is committed, builds each fan-out node's
 * value from its children in the store (see {@link FanOutOperator#assemble}), commits it and
 * reports it like any node. A {@code map} or {@code for_loop} node's row refers to the item rows
 * the item step committed instead of writing them again. A node stored meanwhile, and still valid,
 * is only confirmed; a node whose inputs are not a sequence and a closure is evaluated whole, which
 * fails it as the in-process run does.
 */
final class AssembleFanOutFn extends StoreWritingFn<KV<Integer, Iterable<StageTask>>> {
  private static final long serialVersionUID = 1L;

  AssembleFanOutFn(StoreSpec storeSpec, String runId, int commitBatchSize) {
    super(storeSpec, runId, commitBatchSize, "");
  }

  @ProcessElement
  public void processElement(
      @Element KV<Integer, Iterable<StageTask>> group, MultiOutputReceiver outputs) {
    OutputReceiver<NodeSummary> out = outputs.get(RunStage.SUMMARIES);
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
    Optional<StoredResult> stored =
        task.fresh() ? Optional.empty() : reuse().reusableResult(node.id());
    if (stored.isPresent()) {
      report(
          out,
          task.stage(),
          node.id(),
          NodeOutcome.CACHED,
          stored.get().value(),
          System.nanoTime() - start);
      return;
    }
    Optional<List<Value>> items = call.items();
    Value value;
    RecordedInputs inputs;
    boolean itemsCommitted = false;
    if (items.isPresent()) {
      List<StoredResult> children = children(call, items.get().size());
      List<Value> results = new ArrayList<>(children.size());
      List<RecordedInputs> itemInputs = new ArrayList<>(children.size());
      for (StoredResult child : children) {
        results.add(child.value());
        itemInputs.add(child.metadata().inputs());
      }
      value = call.operator().assemble(node, items.get(), results);
      inputs =
          FanOutOperator.nodeInputs(
              call.values().inputsOf(node.args().get(0)),
              call.values().inputsOf(node.args().get(1)),
              itemInputs);
      itemsCommitted = call.operator().itemsAreResults();
    } else {
      value = evaluator().evaluate(node, call.values()::valueOf);
      inputs = call.values().dependencyInputs(node, RecordedInputs.NONE);
    }
    long nanos = System.nanoTime() - start;
    stage(node.id(), node.operator(), value, nanos, inputs, itemsCommitted);
    report(
        out,
        task.stage(),
        node.id(),
        value.isError() ? NodeOutcome.FAILED : NodeOutcome.COMPUTED,
        value,
        nanos);
  }

  private List<StoredResult> children(FanOutCall call, int count) {
    List<StoredResult> children = new ArrayList<>(count);
    ChildIds ids = call.childIds();
    for (int i = 0; i < count; i++) {
      NodeId child = ids.at(i);
      int index = i;
      children.add(
          store()
              .get(child)
              .orElseGet(
                  () ->
                      new StoredResult(
                          child,
                          new ErrorValue(
                              "the result of item " + index + " is not in the store",
                              call.node().id(),
                              call.node().operator(),
                              Optional.empty()),
                          new ResultMetadata(
                              call.node().operator(), Duration.ZERO, Instant.now(), "voxbeam"))));
    }
    return children;
  }
}
