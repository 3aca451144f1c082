package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.operators.python.PythonNumbers;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Plans of independent nodes {@code test.slow(k)} that each sleep a fixed time and give {@code k +
 * 0.5}: long runs whose progress is easy to count, and an operator that counts its evaluations.
 */
final class SlowNodes {
  static final String OPERATOR = "test.slow";

  private final long millis;
  private final Map<Double, AtomicInteger> evaluations = new ConcurrentHashMap<>();

  SlowNodes(long millis) {
    this.millis = millis;
  }

  /** A plan printing {@code slow(k)} for {@code k} in {@code [first, first + count)}. */
  static Plan plan(int first, int count) {
    List<Node> nodes = new ArrayList<>();
    List<Goal> goals = new ArrayList<>();
    for (int k = first; k < first + count; k++) {
      VoxNode constant = VoxNode.constant(JsonValue.of((double) k));
      VoxNode slow = VoxNode.primitive(OPERATOR, List.of(constant.id()), "scalar");
      nodes.add(constant);
      nodes.add(slow);
      goals.add(new Goal(Goal.Operation.PRINT, slow.id(), "v" + k));
    }
    return Plan.of(nodes, goals);
  }

  NodeEvaluator evaluator() {
    OperatorLibrary library =
        () ->
            List.of(
                SimpleOperator.pure(
                    "test",
                    "slow",
                    Arity.exactly(1),
                    "sleeps, then adds 0.5",
                    arguments -> {
                      double k = PythonNumbers.toDouble(arguments.positional().get(0));
                      evaluations
                          .computeIfAbsent(k, unused -> new AtomicInteger())
                          .incrementAndGet();
                      try {
                        Thread.sleep(millis);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return (Value) new NumberValue(k + 0.5);
                    }));
    return new NodeEvaluator(StandardLibrary.registry(List.of(library)));
  }

  /** How often {@code slow(k)} was evaluated, by {@code k}. */
  Map<Double, AtomicInteger> evaluations() {
    return evaluations;
  }
}
