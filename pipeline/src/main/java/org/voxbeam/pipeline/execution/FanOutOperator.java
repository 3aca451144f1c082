package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.node.ChildIds;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * The higher-order operators whose items are computed, stored and reused one by one: {@code map},
 * {@code for_loop} and {@code filter} of the {@code default} namespace apply a closure to every
 * item of a sequence, each item independently, so a dataset of cases is computed case by case (a
 * Beam run spreads the cases over workers) and a case whose inputs did not change is read back from
 * the store instead of computed again.
 *
 * <p>Each item's result is stored under a child id of the node, and the node's value is then
 * assembled from the children with the in-process semantics of {@code HigherOrderOperators}: the
 * results in order (map, for_loop) or the items whose result is true (filter); and if an item
 * failed, the node fails with {@code "<operator> failed on item <i>: <message>"} for the first
 * failed item, exactly the error the in-process run gives. Only the failed item's child is a
 * failure; the other items' results stay stored and are reused by the next run.
 */
public enum FanOutOperator {
  MAP("default.map", NodeHashing.SEQUENCE_ITEM_FAMILY),
  FOR_LOOP("default.for_loop", NodeHashing.SEQUENCE_ITEM_FAMILY),
  /**
   * A filter's stored sequence holds the kept items under {@code sequence-item-ref} children, so
   * the predicate results need a family of their own.
   */
  FILTER("default.filter", "filter-predicate-ref");

  private final String operator;
  private final String childFamily;

  FanOutOperator(String operator, String childFamily) {
    this.operator = operator;
    this.childFamily = childFamily;
  }

  /** The fan-out operator {@code node} applies, if it is a plain call of one. */
  public static Optional<FanOutOperator> of(Node node) {
    if (node.kind() != NodeKind.PRIMITIVE || node.args().size() != 2 || !node.kwargs().isEmpty()) {
      return Optional.empty();
    }
    for (FanOutOperator candidate : values()) {
      if (candidate.operator.equals(node.operator())) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The ids the results of {@code node}'s items are stored under, item {@code k}'s at {@code k}.
   */
  public ChildIds childIds(NodeId node) {
    return ChildIds.of(node, childFamily);
  }

  /**
   * The items to fan out, or empty when the inputs are not a sequence and a one-argument function:
   * then the operator fails before touching any item, and evaluating the node whole gives its
   * error.
   */
  public static Optional<List<Value>> items(Value sequence, Value function) {
    if (sequence instanceof SequenceValue items
        && function instanceof FunctionValue closure
        && closure.arity() == 1) {
      return Optional.of(items.items());
    }
    return Optional.empty();
  }

  /** The node's value from its items and their results, as the in-process operator computes it. */
  public Value assemble(Node node, List<Value> items, List<Value> results) {
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) instanceof ErrorValue error) {
        return new ErrorValue(
            shortName() + " failed on item " + i + ": " + error.message(),
            node.id(),
            node.operator(),
            Optional.empty());
      }
    }
    if (this != FILTER) {
      return new SequenceValue(results);
    }
    List<Value> kept = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (PythonNumbers.truthy(results.get(i))) {
        kept.add(items.get(i));
      }
    }
    return new SequenceValue(kept);
  }

  /**
   * What an item's result depends on: what the closure depends on (its captured values), what
   * applying it read, and the item's own value, by digest. Not the rest of the sequence: an item
   * whose value is unchanged is reused even when other items were added or removed.
   */
  public static RecordedInputs itemInputs(
      RecordedInputs closure, RecordedInputs read, Optional<String> itemDigest) {
    RecordedInputs own = read.union(closure);
    return itemDigest
        .map(digest -> own.union(RecordedInputs.of(List.of(RecordedInput.item(digest)))))
        .orElse(own);
  }

  /**
   * What the assembled node depends on: its sequence (all of it: the number and order of the
   * items), its closure, and what every item read; the items' digests are the sequence's business.
   */
  public static RecordedInputs nodeInputs(
      RecordedInputs sequence, RecordedInputs closure, List<RecordedInputs> items) {
    RecordedInputs all = sequence.union(closure);
    for (RecordedInputs item : items) {
      all = all.union(item.filter(input -> input.kind() != RecordedInput.Kind.ITEM));
    }
    return all;
  }

  /**
   * Whether the assembled value is the sequence of the item results themselves, so its row can
   * refer to the item rows instead of writing them again (not for {@code filter}, whose value holds
   * the kept items, not the predicate results).
   */
  public boolean itemsAreResults() {
    return this != FILTER;
  }

  private String shortName() {
    return operator.substring(operator.indexOf('.') + 1);
  }
}
