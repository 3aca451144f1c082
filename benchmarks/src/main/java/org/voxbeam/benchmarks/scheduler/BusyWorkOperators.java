package org.voxbeam.benchmarks.scheduler;

import java.util.List;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * The benchmark-only operator {@value #QUALIFIED_NAME}: sums its inputs and then spins a fixed
 * number of steps of a deterministic loop. It gives every node a tunable, known CPU cost, so the
 * scheduler's overhead can be seen relative to real work rather than to a nanosecond addition.
 *
 * <p>The loop's final state decides the lowest bit added to the sum, so the JIT cannot discard the
 * loop, and the same inputs always give the same value.
 */
final class BusyWorkOperators implements OperatorLibrary {
  static final String NAMESPACE = "bench";
  static final String NAME = "work";
  static final String QUALIFIED_NAME = NAMESPACE + "." + NAME;

  private static final long LCG_MULTIPLIER = 6364136223846793005L;
  private static final long LCG_INCREMENT = 1442695040888963407L;

  private final int iterations;

  /**
   * @param iterations loop steps per evaluation; each is one multiply-add on a {@code long}
   */
  BusyWorkOperators(int iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must not be negative, got " + iterations);
    }
    this.iterations = iterations;
  }

  @Override
  public List<Operator> operators() {
    return List.of(
        SimpleOperator.pure(
            NAMESPACE,
            NAME,
            Arity.atLeast(1),
            "Benchmark only: sum of the inputs after " + iterations + " steps of busy work",
            this::work));
  }

  private Value work(Arguments arguments) {
    double sum = 0;
    for (Value input : arguments.positional()) {
      sum += PythonNumbers.toDouble(input);
    }
    long state = Double.doubleToRawLongBits(sum);
    for (int i = 0; i < iterations; i++) {
      state = state * LCG_MULTIPLIER + LCG_INCREMENT;
    }
    return new NumberValue(sum + (state >>> 63));
  }
}
