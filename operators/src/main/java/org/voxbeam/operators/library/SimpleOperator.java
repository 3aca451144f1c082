package org.voxbeam.operators.library;

import java.util.Objects;
import java.util.function.Function;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorName;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.value.Value;

/**
 * An operator defined by its metadata and a function, so a library can declare each primitive in
 * one line next to its kernel. Checks the arity before calling the kernel, so kernels can index
 * their arguments without checking.
 */
public record SimpleOperator(
    OperatorName name,
    Arity arity,
    Purity purity,
    String description,
    Function<Arguments, Value> kernel)
    implements Operator {

  public SimpleOperator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arity, "arity");
    Objects.requireNonNull(purity, "purity");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kernel, "kernel");
  }

  /** A pure operator. */
  public static SimpleOperator pure(
      String namespace,
      String name,
      Arity arity,
      String description,
      Function<Arguments, Value> kernel) {
    return new SimpleOperator(
        new OperatorName(namespace, name), arity, Purity.PURE, description, kernel);
  }

  @Override
  public Value apply(Arguments arguments) {
    if (!arity.accepts(arguments.size())) {
      throw new OperatorException(
          name + " takes " + arity + " argument(s), got " + arguments.size());
    }
    return kernel.apply(arguments);
  }
}
