package org.voxbeam.transforms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.beam.sdk.values.KV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.pipeline.inputs.InputFingerprints;
import org.voxbeam.pipeline.inputs.InputLog;

/**
 * Executes the tasks of a stage on a worker: looks in the store once more before computing anything
 * (another writer may have stored a node since the run was planned; a {@link StageTask#fresh} task
 * skips this; a node found there that cannot be read is computed after all), computes the rest with
 * the operator registry (through {@link NodeEvaluator}, as the in-process scheduler does) level by
 * level within the task, a wide level on several threads, recording what each node reads outside
 * the store; commits the results in batches and at the end of each bundle, and emits one {@link
 * NodeSummary} per node.
 *
 * <p>Failures are values: a failing node's error is committed like any result, and its dependents,
 * here or in later stages, fail with it as their cause.
 */
final class ExecuteTaskFn extends StoreWritingFn<KV<Integer, Iterable<StageTask>>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ExecuteTaskFn.class);

  /** Below this many independent nodes a level runs on the bundle's thread. */
  private static final int PARALLEL_LEVEL = 32;

  private final int levelThreads;

  ExecuteTaskFn(StoreSpec storeSpec, String runId, int commitBatchSize, int levelThreads) {
    super(storeSpec, runId, commitBatchSize, "");
    this.levelThreads = levelThreads;
  }

  @ProcessElement
  public void processElement(
      @Element KV<Integer, Iterable<StageTask>> group, MultiOutputReceiver outputs) {
    OutputReceiver<NodeSummary> out = outputs.get(RunStage.SUMMARIES);
    for (StageTask task : group.getValue()) {
      execute(task, out);
    }
  }

  private void execute(StageTask task, OutputReceiver<NodeSummary> out) {
    long began = System.nanoTime();
    ResultStore store = store();
    confirmStored(task, out);
    List<Node> members = task.compute();
    List<NodeId> ids = new ArrayList<>(members.size());
    for (Node node : members) {
      ids.add(node.id());
    }
    Set<NodeId> present = ids.isEmpty() || task.fresh() ? Set.of() : reuse().reusable(ids);
    Map<NodeId, Node> helpers = helpers(task);
    StoreBackedValues values = new StoreBackedValues(helpers, store, evaluator());
    for (List<Node> level : TaskLevels.of(members, helpers)) {
      Produced[] produced = produceLevel(level, present, values);
      for (Produced result : produced) {
        values.put(result.node().id(), result.value(), result.inputs());
        record(out, task, result);
      }
    }
    LOG.debug(
        "stage {} task {}: {} nodes in {} ms",
        task.stage(),
        task.index(),
        task.size(),
        Duration.ofNanos(System.nanoTime() - began).toMillis());
  }

  /** A node's value, what it depends on, whether it came from the store, and the time it took. */
  private record Produced(
      Node node, Value value, RecordedInputs inputs, boolean fromStore, long nanos) {}

  /**
   * Produces the independent nodes of one level, spread over the worker threads when the level is
   * wide enough to pay for the hand-off. Outputs and commits stay on the bundle's thread.
   */
  private Produced[] produceLevel(List<Node> level, Set<NodeId> present, StoreBackedValues values) {
    Produced[] produced = new Produced[level.size()];
    if (levelThreads > 1 && level.size() >= PARALLEL_LEVEL) {
      try {
        LevelWorkers.pool(levelThreads)
            .submit(
                () ->
                    IntStream.range(0, produced.length)
                        .parallel()
                        .forEach(i -> produced[i] = produce(level.get(i), present, values)))
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
      Value stored = values.valueOf(node.id());
      if (!StoreBackedValues.missingFromStore(stored)) {
        return new Produced(
            node, stored, values.inputsOf(node.id()), true, System.nanoTime() - start);
      }
      LOG.warn(
          "stored result {} cannot be read any more; computing it again", node.id().shortForm());
    }
    InputLog log = new InputLog(InputFingerprints.shared());
    Value value = evaluator().evaluate(node, values::valueOf, log);
    return new Produced(
        node,
        value,
        values.dependencyInputs(node, log.recorded()),
        false,
        System.nanoTime() - start);
  }

  private void record(OutputReceiver<NodeSummary> out, StageTask task, Produced result) {
    Node node = result.node();
    Value value = result.value();
    NodeOutcome outcome;
    if (result.fromStore()) {
      outcome = value.isError() ? NodeOutcome.FAILED : NodeOutcome.CACHED;
    } else {
      outcome = value.isError() ? NodeOutcome.FAILED : NodeOutcome.COMPUTED;
      stage(node.id(), node.operator(), value, result.nanos(), result.inputs(), false);
    }
    report(out, task.stage(), node.id(), outcome, value, result.nanos());
  }

  static Map<NodeId, Node> helpers(StageTask task) {
    Map<NodeId, Node> helpers = new HashMap<>(task.helpers().size() * 2);
    for (Node node : task.helpers()) {
      helpers.put(node.id(), node);
    }
    return helpers;
  }
}
