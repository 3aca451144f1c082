package org.voxbeam.pipeline.beam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.transforms.python.PythonNumbers;

/**
 * The higher-order operators whose items a Beam run spreads over workers: {@code map},
 * {@code for_loop} and {@code filter} of the {@code default} namespace apply a closure to every
 * item of a sequence, each item independently, so a dataset of cases becomes a stage whose
 * elements are the cases.
 *
 * <p>Each item's result is stored under a child id of the node, and the node's value is then
 * assembled from the children with the in-process semantics of {@code HigherOrderOperators}: the
 * results in order (map, for_loop) or the items whose result is true (filter); and if an item
 * failed, the node fails with {@code "<operator> failed on item <i>: <message>"} for the first
 * failed item, exactly the error the in-process run gives. Only the failed item's child is a
 * failure; the other items' results stay stored and are reused by the next run.
 */
enum FanOutOperator {
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
  static Optional<FanOutOperator> of(Node node) {
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

  /** The id item {@code index}'s result is stored under. */
  NodeId childId(NodeId node, int index) {
    return NodeHashing.childId(node, childFamily, JsonValue.of((long) index));
  }

  /**
   * The items to fan out, or empty when the inputs are not a sequence and a one-argument function:
   * then the operator fails before touching any item, and evaluating the node whole gives its
   * error.
   */
  static Optional<List<Value>> items(Value sequence, Value function) {
    if (sequence instanceof SequenceValue items
        && function instanceof FunctionValue closure
        && closure.arity() == 1) {
      return Optional.of(items.items());
    }
    return Optional.empty();
  }

  /** The node's value from its items and their results, as the in-process operator computes it. */
  Value assemble(Node node, List<Value> items, List<Value> results) {
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) instanceof ErrorValue error) {
        return new ErrorValue(
            shortName() + " failed on item " + i + ": " + error.message(), node.id(), node.operator(), Optional.empty());
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

  private String shortName() {
    return operator.substring(operator.indexOf('.') + 1);
  }
}
