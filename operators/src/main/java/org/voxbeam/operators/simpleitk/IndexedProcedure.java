package org.voxbeam.operators.simpleitk;

import java.util.function.Supplier;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorName;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.value.Value;

/**
 * A SimpleITK procedure as the registry holds it: its name and argument count from the {@link
 * ProcedureIndex}, everything else from the operator {@code built} supplies, which {@link
 * SimpleItkLibrary} makes from the whole interface the first time any procedure is asked for more
 * than its name. A program that calls no SimpleITK procedure never parses the interface.
 */
final class IndexedProcedure implements Operator {
  private final OperatorName name;
  private final Arity arity;
  private final Supplier<Operator> built;

  IndexedProcedure(OperatorName name, Arity arity, Supplier<Operator> built) {
    this.name = name;
    this.arity = arity;
    this.built = built;
  }

  @Override
  public OperatorName name() {
    return name;
  }

  @Override
  public Arity arity() {
    return arity;
  }

  @Override
  public Purity purity() {
    return built.get().purity();
  }

  @Override
  public String description() {
    return built.get().description();
  }

  @Override
  public boolean available() {
    return built.get().available();
  }

  @Override
  public Value apply(Arguments arguments) {
    return built.get().apply(arguments);
  }
}
