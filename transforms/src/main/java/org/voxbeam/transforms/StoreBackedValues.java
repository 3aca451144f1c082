package org.voxbeam.transforms;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.NodeEvaluator;

/**
 * The values a task (or the driver, collecting goals) reads, with what each depends on outside the
 * store: results it produced itself, then constants and closures it evaluates on demand, then
 * everything else from the store by id.
 *
 * <p>This is what lets stages share nothing but the store: a node computed in an earlier stage, on
 * any worker, is read back by id, with the inputs its row recorded; constants and closures are
 * never stored, so whoever needs one evaluates it from the nodes it carries (a closure depends on
 * what its captured values depend on). A result the store should hold but cannot deliver (it was
 * evicted, its blob failed verification, or its stage lost it) becomes a failure of that node
 * rather than an exception, one {@link #missingFromStore} recognises: such a failure says nothing
 * about the node, so it is never committed, and the driver plans the run again when a goal ends
 * with one (see {@link BeamPlanRunner}). Thread-safe, so a task can compute a level's nodes in
 * parallel; two threads needing the same helper at once may both evaluate it, with the same result.
 */
final class StoreBackedValues {
  /** The operator of the failure that stands for a stored result that could not be read. */
  static final String STORE_READ = "store read";

  private final Map<NodeId, Node> helpers;
  private final ResultStore store;
  private final NodeEvaluator evaluator;
  private final Map<NodeId, Value> values = new ConcurrentHashMap<>();
  private final Map<NodeId, RecordedInputs> inputs = new ConcurrentHashMap<>();

  StoreBackedValues(Map<NodeId, Node> helpers, ResultStore store, NodeEvaluator evaluator) {
    this.helpers = helpers;
    this.store = store;
    this.evaluator = evaluator;
  }

  /** Records a result produced here, and what it depends on. */
  void put(NodeId id, Value value, RecordedInputs recorded) {
    inputs.put(id, recorded);
    values.put(id, value);
  }

  Value valueOf(NodeId id) {
    Value known = values.get(id);
    if (known != null) {
      return known;
    }
    Node helper = helpers.get(id);
    Value value;
    if (helper != null) {
      value = evaluator.evaluate(helper, this::valueOf);
      inputs.putIfAbsent(id, dependencyInputs(helper, RecordedInputs.NONE));
    } else {
      StoredResult stored = load(id);
      value = stored.value();
      inputs.putIfAbsent(id, stored.metadata().inputs());
    }
    Value first = values.putIfAbsent(id, value);
    return first != null ? first : value;
  }

  /** What the value of {@code id} depends on outside the store. */
  RecordedInputs inputsOf(NodeId id) {
    valueOf(id);
    return inputs.getOrDefault(id, RecordedInputs.NONE);
  }

  /** {@code own}, and what every dependency of {@code node} depends on. */
  RecordedInputs dependencyInputs(Node node, RecordedInputs own) {
    RecordedInputs all = own;
    for (NodeId dependency : node.dependencies()) {
      all = all.union(inputsOf(dependency));
    }
    return all;
  }

  private StoredResult load(NodeId id) {
    Optional<StoredResult> stored = store.get(id);
    if (stored.isPresent()) {
      return stored.get();
    }
    ErrorValue missing =
        new ErrorValue(
            "result "
                + id.shortForm()
                + " is not in the store (evicted, or its stage did not commit it)",
            id,
            STORE_READ,
            Optional.empty());
    return new StoredResult(
        id, missing, new ResultMetadata(STORE_READ, Duration.ZERO, Instant.now(), "voxbeam"));
  }

  /**
   * Whether {@code value} failed because a stored result could not be read, here or in any input it
   * depends on, rather than because of what the node computes.
   */
  static boolean missingFromStore(Value value) {
    return value instanceof ErrorValue error && error.rootCause().operator().equals(STORE_READ);
  }
}
