package org.voxbeam.transforms;

import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.node.ChildIds;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.FanOutOperator;
import org.voxbeam.pipeline.execution.NodeEvaluator;

/**
 * A {@code map}, {@code for_loop} or {@code filter} node of a fan-out task, with the values it
 * reads: its sequence and its closure, from the store or from the constants and closures the task
 * carries. Each step of a fan-out stage (expanding, computing an item, assembling) rebuilds it from
 * the task, so the steps share nothing but the task and the store.
 *
 * @param node the fan-out node
 * @param operator what it applies
 * @param values its inputs
 */
record FanOutCall(Node node, FanOutOperator operator, StoreBackedValues values) {
  static FanOutCall of(StageTask task, ResultStore store, NodeEvaluator evaluator) {
    if (task.compute().size() != 1) {
      throw new IllegalArgumentException(
          "a fan-out task holds exactly one node, got " + task.compute().size());
    }
    Node node = task.compute().get(0);
    FanOutOperator operator =
        FanOutOperator.of(node)
            .orElseThrow(() -> new IllegalArgumentException(node.operator() + " does not fan out"));
    return new FanOutCall(
        node, operator, new StoreBackedValues(ExecuteTaskFn.helpers(task), store, evaluator));
  }

  /** The items to apply the closure to, or empty if the node fails before any item. */
  Optional<List<Value>> items() {
    return FanOutOperator.items(
        values.valueOf(node.args().get(0)), values.valueOf(node.args().get(1)));
  }

  /** The closure's value (a function whenever {@link #items()} is present). */
  Value function() {
    return values.valueOf(node.args().get(1));
  }

  /** The ids the items' results are stored under, item {@code k}'s at {@code k}. */
  ChildIds childIds() {
    return operator.childIds(node.id());
  }
}
